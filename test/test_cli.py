"""The `torch-onnx-to-torch` user CLI: import, report, external data, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from torch_onnx_to_torch.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "mlp.onnx"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_import_example_with_report(tmp_path, capsys):
    out_file = tmp_path / "mlp.mlir"
    code, out, err = run(["import", EXAMPLE, "-o", out_file, "--report",
                          "--report-json", tmp_path / "r.json"], capsys)
    assert code == 0
    text = out_file.read_text()
    assert "torch.aten.relu" in text and "torch.operator" not in text
    assert "onnx.Gemm" in err and "total" in err
    assert err.rstrip().endswith("mlp.onnx: converted 9 ops (6 kinds); left 0")
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["left"] == 0
    gemm = next(r for r in rep["ops"] if r["op"] == "onnx.Gemm")
    assert gemm == {"op": "onnx.Gemm", "count": 1, "converted": 1, "left": 0, "reasons": {}}


def test_import_to_stdout_bytecode_and_linalg(tmp_path, capsys):
    code, out, _ = run(["import", EXAMPLE], capsys)
    assert code == 0 and "func.func @mlp" in out
    bc = tmp_path / "mlp.mlirbc"
    assert run(["import", EXAMPLE, "--bytecode", "-o", bc], capsys)[0] == 0
    assert bc.read_bytes()[:4] == b"ML\xefR"
    lin = tmp_path / "lin.mlir"
    assert run(["import", EXAMPLE, "--lower-to", "linalg", "-o", lin], capsys)[0] == 0
    assert "linalg." in lin.read_text() and "torch." not in lin.read_text()


def _external_model(d: Path, location: str = "weights.bin") -> Path:
    w = numpy_helper.from_array(np.arange(256, dtype=np.float32).reshape(16, 16), "W")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "W"], ["y"]),
         helper.make_node("StringNormalizer", ["s"], ["t"])], "ext",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 16]),
         helper.make_tensor_value_info("s", TensorProto.STRING, [3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 16]),
         helper.make_tensor_value_info("t", TensorProto.STRING, [3])], [w])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    path = d / "ext.onnx"
    onnx.save(model, str(path), save_as_external_data=True, location=location,
              size_threshold=0)
    return path


def test_external_data_and_report(tmp_path, capsys):
    model = _external_model(tmp_path)
    out_file = tmp_path / "ext.mlir"
    code, _, err = run(["import", model, "-o", out_file, "--report", "--opset-version", "17",
                        "-v"], capsys)
    assert code == 0
    assert "external data" in err and "converted to opset 17" in err
    assert "torch.aten.matmul" in out_file.read_text()
    row = next(ln for ln in err.splitlines() if ln.startswith("onnx.StringNormalizer"))
    assert row.split()[1:4] == ["1", "0", "1"] and "operates on strings" in row
    # --strict refuses to write anything while an op is left
    code, _, err = run(["import", model, "--strict", "-o", tmp_path / "s.mlir"], capsys)
    assert code == 1 and "left unconverted" in err and not (tmp_path / "s.mlir").exists()


def test_data_dir(tmp_path, capsys):
    model = _external_model(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "weights.bin").rename(tmp_path / "data" / "weights.bin")
    code, _, err = run(["import", model, "-o", tmp_path / "o.mlir"], capsys)
    assert code == 1 and "weights.bin is missing" in err
    code, _, _ = run(["import", model, "--data-dir", tmp_path / "data",
                      "-o", tmp_path / "o.mlir"], capsys)
    assert code == 0


def test_escaping_external_data_is_refused(tmp_path, capsys):
    (tmp_path / "m").mkdir()
    model = _external_model(tmp_path / "m", location="w.bin")
    (tmp_path / "m" / "w.bin").rename(tmp_path / "w.bin")
    proto = onnx.load(str(model), load_external_data=False)
    for e in proto.graph.initializer[0].external_data:
        if e.key == "location":
            e.value = "../w.bin"
    onnx.save(proto, str(model))
    code, _, err = run(["import", model], capsys)
    assert code == 1
    assert "initializer 'W': external data '../w.bin' escapes" in err


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"\x08\x07\x12\xff\xff\xff\xff\x0f garbage", "is not a valid ONNX model"),
    (b"", "is not a valid ONNX model"),
])
def test_bad_input_is_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "model.onnx"
    if content is not None:
        path.write_bytes(content)
    code, _, err = run(["import", path], capsys)
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1


def test_unsupported_ir_version(tmp_path, capsys):
    proto = onnx.load(str(EXAMPLE))
    proto.ir_version = onnx.IR_VERSION + 1
    path = tmp_path / "future.onnx"
    onnx.save(proto, str(path))
    code, _, err = run(["import", path], capsys)
    assert code == 1 and f"IR version {onnx.IR_VERSION + 1}" in err


def test_console_script_no_traceback(tmp_path):
    """The installed entry point itself: usage errors exit 2, input errors exit 1."""
    cmd = [sys.executable, "-m", "torch_onnx_to_torch.cli"]
    p = subprocess.run(cmd + ["import", str(tmp_path / "missing.onnx")], capture_output=True,
                       text=True)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "no such file" in p.stderr
    p = subprocess.run(cmd + ["import"], capture_output=True, text=True)
    assert p.returncode == 2


def test_big_model_paths(tmp_path, capsys, monkeypatch):
    """Past the 2 GB limit (lowered here): data loaded after inference; file-based inference."""
    import torch_onnx_to_torch.importer as importer

    model = _external_model(tmp_path)
    monkeypatch.setattr(importer, "_TWO_GB", 1000)
    loaded = importer.load_model(model)
    assert numpy_helper.to_array(loaded.graph.initializer[0])[1, 2] == 18
    assert any(v.name == "y" for v in loaded.graph.output)
    inferred = importer.infer_model_shapes(loaded)  # 1 KiB of weights: the file-based path
    assert numpy_helper.to_array(inferred.graph.initializer[0])[1, 2] == 18
    # the file-based path must leave its argument usable (onnx.save moves data out of it)
    assert loaded.graph.initializer[0].data_location == TensorProto.DEFAULT
    assert numpy_helper.to_array(loaded.graph.initializer[0])[1, 2] == 18
    out_file = tmp_path / "big.mlir"
    assert run(["import", model, "-o", out_file], capsys)[0] == 0
    assert "torch.aten.matmul" in out_file.read_text()
