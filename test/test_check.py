"""`torch-onnx-to-torch check`: a model checked against stored outputs and onnxruntime, a
planted fault found by `--bisect`, and the one-line errors of bad set-ups."""

import pathlib
import subprocess
import sys

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

from torch_onnx_to_torch import default_registry
from torch_onnx_to_torch.importer import load_model
from torch_onnx_to_torch.tools.check import Culprit, check, format_result

pytest.importorskip("iree.compiler")
pytest.importorskip("onnxruntime")

MODELS = pathlib.Path(__file__).parent.parent / "models"


def _arrays(path):
    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files))]


def test_resnet_random_inputs_match_onnxruntime():
    res = check(load_model(MODELS / "resnet_ts.onnx"), seed=3)
    assert res.ok, format_result("resnet_ts", res)
    assert res.rows[0].shape == (2, 10) and res.rows[0].max_abs < 1e-4


def test_planted_fault_is_bisected_to_its_node():
    """Relu converted to aten.abs (wrong for negative inputs): the first Relu node of the model
    is reported, with the torch op our pass made of it."""
    reg = default_registry()

    def wrong_relu(b):
        """Relu -> aten.abs (a planted fault)"""
        return b.op("torch.aten.abs", [b.input(0)], b.result_type())

    reg.replace("Relu", 1, wrong_relu)
    model = load_model(MODELS / "resnet_ts.onnx")
    res = check(model, seed=1, bisect=True, registry=reg)
    assert not res.ok
    c = res.culprit
    assert isinstance(c, Culprit), format_result("resnet_ts", res)
    first_relu = next(n for n in model.graph.node if n.op_type == "Relu")
    assert c.node.op_type == "Relu" and c.node.name == first_relu.name
    assert any(op.startswith("%") and "torch.aten.abs" in op for op in c.torch_ops)
    assert "first differing node" in format_result("resnet_ts", res)


def _tiny(path: pathlib.Path, dim="batch") -> pathlib.Path:
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [dim, 3])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [dim, 3])
    g = helper.make_graph([helper.make_node("Tanh", ["x"], ["y"])], "tiny", [x], [y])
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)
    return path


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "torch_onnx_to_torch.cli", "check", *args],
                          capture_output=True, text=True)


def test_cli_dynamic_dim(tmp_path):
    model = _tiny(tmp_path / "tiny.onnx")
    p = _cli(str(model))
    assert p.returncode == 1 and "--dim batch=SIZE" in p.stderr and "Traceback" not in p.stderr
    p = _cli(str(model), "--dim", "batch=5")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "5x3" in p.stdout and "OK: 1/1" in p.stdout


def test_cli_expected_file_mismatch(tmp_path):
    model = _tiny(tmp_path / "tiny.onnx", 2)
    x = np.ones((2, 3), np.float32)
    np.savez(tmp_path / "in.npz", x=x)
    np.savez(tmp_path / "bad.npz", y=np.tanh(x) + 0.5)
    p = _cli(str(model), "--inputs", str(tmp_path / "in.npz"),
             "--expected", str(tmp_path / "bad.npz"))
    assert p.returncode == 1 and "MISMATCH: 0/1" in p.stdout and "DIFFERS" in p.stdout


def test_cli_unconverted_op_is_a_stage_failure(tmp_path):
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])
    g = helper.make_graph([helper.make_node("Bernoulli", ["x"], ["y"], seed=1.0)], "b", [x], [y])
    path = tmp_path / "b.onnx"
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)
    p = _cli(str(path), "--expected", str(_save(tmp_path / "e.npz", y=np.zeros(2, np.float32))))
    assert p.returncode == 1 and "FAILED at convert" in p.stdout and "onnx.Bernoulli" in p.stdout


def _save(path, **arrays):
    np.savez(path, **arrays)
    return path
