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
                zip(model.graph.output, ReferenceEvaluator(model).run(None, feeds), strict=True)]
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


def _random_trees(rng, n_trees, n_features, n_targets, depth=3):
    """Attributes of TreeEnsemble-5 for `n_trees` random full trees of `depth` levels, every
    mode among the nodes (MEMBER with its value sets), some nodes sending NaN to true."""
    nodes = {k: [] for k in ("true", "false", "tleaf", "fleaf", "feat", "mode", "split",
                             "track")}
    members, leaf_w, leaf_t, roots = [], [], [], []

    def node(level):
        me = len(nodes["true"])
        for k in nodes:
            nodes[k].append(0)
        mode = int(rng.integers(0, 7))
        nodes["mode"][me], nodes["feat"][me] = mode, int(rng.integers(0, n_features))
        nodes["split"][me] = float(np.round(rng.standard_normal(), 1))
        nodes["track"][me] = int(rng.integers(0, 2))
        if mode == 6:
            members.extend([float(np.round(v, 1)) for v in rng.standard_normal(2)] + [np.nan])
        for side, leafside in (("true", "tleaf"), ("false", "fleaf")):
            if level == depth:
                nodes[side][me], nodes[leafside][me] = len(leaf_w), 1
                leaf_w.append(float(rng.standard_normal()))
                leaf_t.append(int(rng.integers(0, n_targets)))
            else:
                nodes[side][me] = node(level + 1)
        return me

    for _ in range(n_trees):
        roots.append(node(1))
    attrs = dict(
        nodes_truenodeids=nodes["true"], nodes_falsenodeids=nodes["false"],
        nodes_trueleafs=nodes["tleaf"], nodes_falseleafs=nodes["fleaf"],
        nodes_featureids=nodes["feat"], tree_roots=roots, leaf_targetids=leaf_t,
        nodes_missing_value_tracks_true=nodes["track"], n_targets=n_targets,
        nodes_modes=helper.make_tensor("m", TensorProto.UINT8, [len(nodes["mode"])],
                                       nodes["mode"]),
        nodes_splits=helper.make_tensor("s", TensorProto.FLOAT, [len(nodes["split"])],
                                        nodes["split"]),
        leaf_weights=helper.make_tensor("w", TensorProto.FLOAT, [len(leaf_w)], leaf_w))
    if members:
        attrs["membership_values"] = helper.make_tensor("v", TensorProto.FLOAT,
                                                        [len(members)], members)
    return attrs


@pytest.mark.parametrize("seed, aggregate", [(0, 1), (1, 1), (2, 0)])
def test_tree_ensemble_random(seed, aggregate):
    """Random ensembles of 3 trees on inputs drawn from the splits, member values and NaN."""
    rng = np.random.default_rng(seed)
    attrs = _random_trees(rng, 3, 4, 3)
    model = _model("TreeEnsemble", "ai.onnx.ml", [("x", np.float32, [16, 4])],
                   [("y", np.float32, [16, 3])], aggregate_function=aggregate, **attrs)
    model.opset_import[1].version = 5
    pool = np.concatenate([np.round(rng.standard_normal(8), 1), [np.nan, 0.0]])
    x = rng.choice(pool, size=(16, 4)).astype(np.float32)
    _check(model, {"x": x}, rtol=1e-5, atol=1e-5)
