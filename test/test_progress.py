"""Progress of `import`: tqdm bars on a terminal for big models (nodes imported, ops converted,
bytes written), timed stage lines otherwise with -v, one summary line always."""

import io
import subprocess
import sys

import onnx
from onnx import TensorProto, helper

from torch_onnx_to_torch.tools.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_bars_only_on_a_terminal_and_when_enabled():
    for stream, enabled, shown in ((_Terminal(), True, True), (io.StringIO(), True, False),
                                   (_Terminal(), False, False)):
        p = Progress(enabled, stream)
        with p.ops_bar("converting") as on_progress:
            if on_progress is not None:
                on_progress(3000, 3000)
        with p.bar("writing", unit="B", unit_scale=True) as wrote:
            wrote(2048)
        assert ("converting" in stream.getvalue()) == shown
        assert ("writing" in stream.getvalue()) == shown


def test_a_bar_starts_once_enabled_with_the_known_total():
    stream = _Terminal()
    p = Progress(False, stream)
    with p.bar("importing", unit="node") as node_done:
        node_done()  # not yet known to be big: nothing
        p.enabled, p.total = True, 5
        for _ in range(4):
            node_done()
    assert "importing" in stream.getvalue() and "/5" in stream.getvalue()


def test_cli_stage_lines_and_summary(tmp_path):
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])
    g = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "g", [x], [y])
    path = tmp_path / "m.onnx"
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)
    cmd = [sys.executable, "-m", "torch_onnx_to_torch.cli", "import", str(path), "-o",
           str(tmp_path / "m.mlir")]
    quiet = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert quiet.stderr.strip().splitlines() == ["m.onnx: converted 1 ops (1 kinds); left 0"]
    verbose = subprocess.run(cmd + ["-v"], capture_output=True, text=True, check=True)
    lines = verbose.stderr.strip().splitlines()
    assert any("convert-torch-onnx-to-torch: converted 1 ops" in ln for ln in lines[:-1])
    assert lines[-1].startswith("m.onnx: converted 1 ops") and " in " in lines[-1]
    assert "\r" not in verbose.stderr  # not a terminal: no bars
