"""The ai.onnx.preview.training optimizers and the ai.onnx.ml feature transforms, end to end
(import, conversion, IREE) against onnx.reference, on the cases the node tests leave out: a
first step (T = 0, no bias correction, momentum coefficient 1), doubles, several tensors,
integer and NaN inputs to Binarizer, a 1-D input and 2-D indices to ArrayFeatureExtractor."""

import numpy as np
import pytest
from onnx import TensorProto, helper
from onnx.reference import ReferenceEvaluator

from torch_onnx_to_torch.e2e import run_model

TRAINING = "ai.onnx.preview.training"
F = {np.float32: TensorProto.FLOAT, np.float64: TensorProto.DOUBLE,
     np.int64: TensorProto.INT64, np.int32: TensorProto.INT32}


def _model(op, domain, inputs, outputs, **attrs):
    """A one-node model; `inputs`/`outputs`: [(name, numpy dtype, shape)]."""
    node = helper.make_node(op, [n for n, _, _ in inputs], [n for n, _, _ in outputs],
                            domain=domain, **attrs)
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info(n, F[t], s) for n, t, s in inputs],
        [helper.make_tensor_value_info(n, F[t], s) for n, t, s in outputs])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                   helper.make_opsetid(domain, 1)])


def _check(model, feeds, rtol=1e-5, atol=1e-6):
    # (the reference's Adam returns float32 for several tensors of any type: the outputs are
    # compared in the declared type, at float32's tolerance)
    types = {v: k for k, v in F.items()}
    expected = [e.astype(types[o.type.tensor_type.elem_type]) for o, e in
                zip(model.graph.output, ReferenceEvaluator(model).run(None, feeds))]
    names = [i.name for i in model.graph.input]
    out = run_model(model, [([feeds[n] for n in names], expected)], rtol, atol)
    assert out.stage == "pass", out.detail or out.unconverted


def _optimizer(op, states, t, dtype, n=2, **attrs):
    rng = np.random.default_rng(3)
    shapes = [(3,), (2, 2)][:n]
    inputs = [("R", dtype, []), ("T", np.int64, [])]
    feeds = {"R": np.array(0.1, dtype), "T": np.array(t, np.int64)}
    for group in ["X", "G", *states]:
        for i, s in enumerate(shapes):
            inputs.append((f"{group}{i}", dtype, list(s)))
            data = rng.standard_normal(s).astype(dtype)
            feeds[f"{group}{i}"] = np.abs(data) if group == "H" else data
    outputs = [(f"{g}{i}_new", dtype, list(s)) for g in ["X", *states]
               for i, s in enumerate(shapes)]
    return _model(op, TRAINING, inputs, outputs, **attrs), feeds


@pytest.mark.parametrize("t", [0, 3])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_adam(t, dtype):
    _check(*_optimizer("Adam", ["V", "H"], t, dtype, alpha=0.9, beta=0.99, epsilon=1e-3,
                       norm_coefficient=0.01, norm_coefficient_post=0.02))


@pytest.mark.parametrize("t", [0, 3])
@pytest.mark.parametrize("mode", ["standard", "nesterov"])
def test_momentum(t, mode):
    _check(*_optimizer("Momentum", ["V"], t, np.float32, alpha=0.9, beta=0.5, mode=mode,
                       norm_coefficient=0.01))


def test_adagrad_defaults_and_decay():
    _check(*_optimizer("Adagrad", ["H"], 4, np.float64, n=1))
    _check(*_optimizer("Adagrad", ["H"], 4, np.float32, decay_factor=0.5, epsilon=1e-2,
                       norm_coefficient=0.1))


@pytest.mark.parametrize("dtype, threshold", [(np.float32, 0.25), (np.int64, 1.5),
                                              (np.int32, -2.0)])
def test_binarizer(dtype, threshold):
    x = np.array([[-3, -2, 0, 1], [2, 3, 1, 0]], dtype)
    if dtype == np.float32:
        x = np.array([[-0.5, 0.25, 0.3, np.nan], [1e9, -np.inf, np.inf, 0.0]], dtype)
    model = _model("Binarizer", "ai.onnx.ml", [("x", dtype, [2, 4])], [("y", dtype, [2, 4])],
                   threshold=threshold)
    _check(model, {"x": x}, rtol=0, atol=0)


@pytest.mark.parametrize("x_shape, y_shape, out_shape", [
    ([5], [2, 2], [1, 4]), ([2, 3, 4], [1, 3], [2, 3, 3])])
def test_array_feature_extractor(x_shape, y_shape, out_shape):
    x = np.arange(np.prod(x_shape), dtype=np.float32).reshape(x_shape)
    y = np.array([3, 0, 1, 3][:int(np.prod(y_shape))], np.int64).reshape(y_shape)
    model = _model("ArrayFeatureExtractor", "ai.onnx.ml",
                   [("x", np.float32, x_shape), ("y", np.int64, y_shape)],
                   [("z", np.float32, out_shape)])
    _check(model, {"x": x, "y": y}, rtol=0, atol=0)
