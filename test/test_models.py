"""Exported models end to end: each model of models/ goes through `check` (import -> our pass ->
IREE -> run), and its outputs must match onnxruntime's (CPU, graph optimizations off), stored
next to it.

The suite (see models/export.py): tiny random-weight BERT, GPT-2, Llama, ViT, ResNet, a
bidirectional GRU/LSTM tagger, a U-Net with Resize, a T5 encoder, a Whisper encoder, Wav2Vec2 on
raw audio, a MobileNetV2 and a TopK + NonMaxSuppression detector, from PyTorch's TorchScript
(`_ts`, opset 17) and dynamo (`_dynamo`, opset 18) exporters; a scripted model with Loop and If
(`control_ts`); dynamic batch/sequence dims (`*_dyn`, run at other sizes than they were traced
with); Llama at opset 23 with Attention and RMSNormalization (`llama_dynamo_op23`); QDQ
static-quantized ResNet and MobileNetV2 (`*_qdq`) and a dynamic-quantized BERT (`bert_qdyn`).
"""

import pathlib

import numpy as np
import onnx
import pytest

from torch_onnx_to_torch.importer import load_model
from torch_onnx_to_torch.tools.check import check, format_result

MODELS = sorted((pathlib.Path(__file__).parent.parent / "models").glob("*.onnx"))

# Models that do not pass yet, and why. This list only shrinks.
XFAIL: dict[str, str] = {}

# (rtol, atol) for a model that cannot meet the default, and why. The quantized models meet
# the default: our DynamicQuantizeLinear / QuantizeLinear round like onnxruntime's.
TOLERANCE: dict[str, tuple[float, float]] = {}
DEFAULT_TOLERANCE = (1e-3, 1e-4)


# Ops a model is there for: regenerating it must not lose them.
REQUIRED_OPS = {
    "control_ts": {"Loop", "If"},
    "llama_dynamo_op23": {"Attention", "RMSNormalization"},
    "detect_ts": {"TopK", "NonMaxSuppression"},
    "detect_dynamo": {"TopK", "NonMaxSuppression"},
    "resnet_qdq": {"QuantizeLinear", "DequantizeLinear"},
    "mobilenet_qdq": {"QuantizeLinear", "DequantizeLinear"},
    "bert_qdyn": {"DynamicQuantizeLinear", "MatMulInteger"},
}


def _arrays(path: pathlib.Path) -> list[np.ndarray]:
    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files))]


def test_the_suite_is_there():
    assert len(MODELS) >= 22
    assert set(XFAIL) | set(TOLERANCE) <= {p.stem for p in MODELS}


@pytest.mark.parametrize("stem", sorted(REQUIRED_OPS))
def test_model_holds_its_ops(stem):
    path = MODELS[0].parent / f"{stem}.onnx"
    ops = {n.op_type for n in onnx.load(str(path), load_external_data=False).graph.node}
    assert REQUIRED_OPS[stem] <= ops, REQUIRED_OPS[stem] - ops


@pytest.mark.parametrize("path", [
    pytest.param(p, marks=pytest.mark.xfail(reason=XFAIL[p.stem], strict=True))
    if p.stem in XFAIL else p for p in MODELS], ids=[p.stem for p in MODELS])
def test_model_matches_onnxruntime(path):
    """Through `torch-onnx-to-torch check` (tools/check.py), against the stored outputs."""
    inputs = _arrays(path.with_suffix(".inputs.npz"))
    expected = _arrays(path.with_suffix(".ort.npz"))
    rtol, atol = TOLERANCE.get(path.stem, DEFAULT_TOLERANCE)
    res = check(load_model(path), inputs, expected, rtol=rtol, atol=atol)
    assert res.ok, format_result(path.name, res)
