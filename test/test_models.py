"""Exported models end to end: each model of models/ (tiny random-weight BERT, GPT-2, Llama,
ViT, ResNet, a bidirectional GRU/LSTM tagger, a U-Net, from PyTorch's TorchScript and dynamo
exporters; see models/export.py) goes import -> our pass -> IREE -> run, and its outputs must
match onnxruntime's, which are stored next to it."""

import pathlib

import numpy as np
import onnx
import pytest

from torch_onnx_to_torch.e2e import run_model

MODELS = sorted((pathlib.Path(__file__).parent.parent / "models").glob("*.onnx"))


def _arrays(path: pathlib.Path) -> list[np.ndarray]:
    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files))]


def test_the_suite_is_there():
    assert len(MODELS) >= 12


@pytest.mark.parametrize("path", MODELS, ids=[p.stem for p in MODELS])
def test_model_matches_onnxruntime(path):
    model = onnx.load(str(path))
    inputs = _arrays(path.with_suffix(".inputs.npz"))
    expected = _arrays(path.with_suffix(".ort.npz"))
    out = run_model(model, [(inputs, expected)], rtol=1e-3, atol=1e-4)
    assert out.stage == "pass", out.detail or out.unconverted
