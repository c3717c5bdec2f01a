"""com.microsoft contrib ops end to end against onnxruntime (CPU): single-op (or small
grouped) models built with onnx.helper, imported (domain kept, outputs typed), converted by
our pass, compiled and run by IREE, compared with onnxruntime's outputs.

Quantized outputs may differ by one quantization step where onnxruntime requantizes through
lookup tables or fixed-point arithmetic (a value on a .5 boundary rounds the other way):
those compare within 1.
"""

from __future__ import annotations

import pathlib

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from torch_onnx_to_torch import contrib_import, e2e
from torch_onnx_to_torch.importer import infer_model_shapes

ort = pytest.importorskip("onnxruntime")

_ONNX = {np.float32: TensorProto.FLOAT, np.float16: TensorProto.FLOAT16,
         np.int32: TensorProto.INT32, np.int64: TensorProto.INT64, np.uint8: TensorProto.UINT8,
         np.int8: TensorProto.INT8, np.bool_: TensorProto.BOOL}
RNG = np.random.default_rng(0)


def ms(op: str, inputs: list[str], outputs: list[str], **attrs) -> onnx.NodeProto:
    """A com.microsoft node."""
    return helper.make_node(op, inputs, outputs, domain="com.microsoft", **attrs)


def model(nodes, inputs: dict, outputs: list, inits: dict | None = None,
          opset: int = 17) -> onnx.ModelProto:
    """A model of `nodes`; `outputs` are names (float) or (name, numpy dtype), declared without
    a shape: their types come from inference at import."""
    inits = inits or {}
    outs = [helper.make_tensor_value_info(
        *((o, TensorProto.FLOAT) if isinstance(o, str) else (o[0], _ONNX[o[1]])), None)
        for o in outputs]
    graph = helper.make_graph(
        nodes, "main",
        [helper.make_tensor_value_info(n, _ONNX[a.dtype.type], a.shape)
         for n, a in inputs.items()],
        outs, [numpy_helper.from_array(a, n) for n, a in inits.items()])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset),
                                                helper.make_opsetid("com.microsoft", 1)])
    m.ir_version = 8
    return m


def reference(m: onnx.ModelProto, inputs: dict) -> list[np.ndarray]:
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(m.SerializeToString(), opts,
                                providers=["CPUExecutionProvider"])
    return sess.run(None, inputs)


def own_types_agree(m: onnx.ModelProto, expected: list[np.ndarray]) -> None:
    """Our own type inference (as without onnxruntime) types every output as onnxruntime's
    results are: dtype, rank, and each dim it claims to know."""
    typed = contrib_import.own_inference(infer_model_shapes(m))
    vis = {v.name: v for v in list(typed.graph.value_info) + list(typed.graph.output)}
    for out, e in zip(m.graph.output, expected):
        t = contrib_import._type_of(vis[out.name])
        assert t is not None and t[1] is not None, f"{out.name} left untyped"
        assert helper.tensor_dtype_to_np_dtype(t[0]) == e.dtype, f"{out.name}: {t} vs {e.dtype}"
        assert len(t[1]) == e.ndim and all(
            not isinstance(d, int) or d == n for d, n in zip(t[1], e.shape)), \
            f"{out.name}: inferred {t[1]}, onnxruntime gives {e.shape}"


def check(m: onnx.ModelProto, inputs: dict, rtol: float = 1e-4, atol: float = 1e-5) -> None:
    """Our conversion through IREE matches onnxruntime (and our own type inference agrees with
    its output types)."""
    expected = reference(m, inputs)
    own_types_agree(m, expected)
    out = e2e.run_model(m, [(list(inputs.values()), expected)], rtol=rtol, atol=atol)
    assert out.stage == "pass", f"{out.stage}: {out.detail}"


def check_quantized(m: onnx.ModelProto, inputs: dict, rtol: float = 1e-4,
                    atol: float = 1e-5) -> None:
    """As `check`, integer outputs within one quantization step."""
    expected = reference(m, inputs)
    own_types_agree(m, expected)
    text, failed = e2e.convert_model(m)
    assert failed is None, f"{failed.stage}: {failed.detail}"
    actual = e2e.run_compiled(e2e.compile_torch_ir(text), m.graph.name, list(inputs.values()))
    for a, e in zip(actual, expected):
        a = np.asarray(a)
        if e.dtype.kind in "iu":
            a = a.view(e.dtype) if a.dtype.itemsize == e.dtype.itemsize else a
            diff = np.abs(a.astype(np.int64) - e.astype(np.int64))
            assert diff.max() <= 1, f"max difference {diff.max()} steps"
        else:
            np.testing.assert_allclose(a, e, rtol=rtol, atol=atol)


def f32(*shape, scale: float = 1.0) -> np.ndarray:
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


# ---------------------------------------------------------------- normalization, activations


def _norm_activation_chain():
    x, skip = f32(2, 5, 16), f32(2, 5, 16)
    inits = {"g": f32(16), "be": f32(16), "bi": f32(16)}
    nodes = [
        ms("SkipLayerNormalization", ["x", "skip", "g", "be", "bi"], ["y", "", "", "s"],
           epsilon=1e-5),
        ms("FastGelu", ["y", "bi"], ["fg"]),
        ms("BiasGelu", ["fg", "bi"], ["bg"]),
        ms("QuickGelu", ["bg"], ["qg"], alpha=1.5),
        ms("Gelu", ["qg"], ["ge"]),
        ms("FastGelu", ["ge"], ["fg2"]),
        ms("SkipSimplifiedLayerNormalization", ["fg2", "skip", "g", "bi"], ["y2", "", "", "s2"]),
        helper.make_node("SimplifiedLayerNormalization", ["y2", "g"], ["y3"], epsilon=1e-6),
        ms("SkipLayerNormalization", ["y3", "skip", "g"], ["y4"]),
    ]
    return model(nodes, {"x": x, "skip": skip}, ["y", "s", "fg", "y2", "s2", "y3", "y4"], inits), \
        {"x": x, "skip": skip}


def test_normalizations_and_gelus():
    check(*_norm_activation_chain())


def test_normalizations_and_gelus_without_onnxruntime_inference(monkeypatch):
    # Our own type inference alone (as without onnxruntime installed).
    monkeypatch.setattr(contrib_import, "_ort_inference", lambda m: None)
    check(*_norm_activation_chain())


def test_layer_normalization_onnx_domain_contrib_opset13():
    x = f32(2, 3, 8)
    nodes = [helper.make_node("LayerNormalization", ["x", "g", "b"], ["y"], epsilon=1e-5),
             helper.make_node("Relu", ["y"], ["r"])]
    check(model(nodes, {"x": x}, ["r"], {"g": f32(8), "b": f32(8)}, opset=13), {"x": x})


def test_embed_layer_normalization():
    ids = RNG.integers(0, 10, (2, 4)).astype(np.int32)
    seg = RNG.integers(0, 2, (2, 4)).astype(np.int32)
    mask = np.array([[1, 1, 1, 0], [1, 1, 0, 0]], dtype=np.int32)
    inits = {"we": f32(10, 8), "pe": f32(6, 8), "se": f32(2, 8), "g": f32(8), "be": f32(8)}
    nodes = [ms("EmbedLayerNormalization", ["ids", "seg", "we", "pe", "se", "g", "be", "mask"],
                ["y", "mi", "es"], epsilon=1e-5)]
    inputs = {"ids": ids, "seg": seg, "mask": mask}
    check(model(nodes, inputs, ["y", ("mi", np.int32), "es"], inits), inputs)


def test_cuda_only_bias_ops():
    # BiasAdd, BiasSplitGelu and BiasSoftmax have no onnxruntime CPU kernel: the reference
    # is onnxruntime on their definitions in default-domain ops.
    x, skip, bias = f32(2, 3, 8), f32(2, 3, 8), f32(8)
    d, mask = f32(2, 2, 3, 4), f32(2, 1, 3, 4)
    ours = model([ms("BiasAdd", ["x", "bias", "skip"], ["y1"]),
                  ms("BiasSplitGelu", ["x", "bias"], ["y2"]),
                  ms("BiasSoftmax", ["d", "mask"], ["y3"], axis=3, is_inner_broadcast=0),
                  ms("BiasSoftmax", ["d", "mask"], ["y4"], axis=1, is_inner_broadcast=0)],
                 {"x": x, "bias": bias, "skip": skip, "d": d, "mask": mask},
                 ["y1", "y2", "y3", "y4"])
    inputs = {"x": x, "bias": bias, "skip": skip, "d": d, "mask": mask}
    defs = model([helper.make_node("Add", ["x", "bias"], ["xb"]),
                  helper.make_node("Add", ["xb", "skip"], ["y1"]),
                  helper.make_node("Split", ["xb"], ["l", "r"], axis=-1, num_outputs=2),
                  helper.make_node("Gelu", ["r"], ["gr"]),
                  helper.make_node("Mul", ["l", "gr"], ["y2"]),
                  helper.make_node("Add", ["d", "mask"], ["dm"]),
                  helper.make_node("Softmax", ["dm"], ["y3"], axis=3),
                  helper.make_node("Reshape", ["dm", "flat"], ["dm2"]),
                  helper.make_node("Softmax", ["dm2"], ["s2"], axis=1),
                  helper.make_node("Reshape", ["s2", "full"], ["y4"])],
                 inputs, ["y1", "y2", "y3", "y4"],
                 {"flat": np.array([2, 24], np.int64), "full": np.array([2, 2, 3, 4], np.int64)},
                 opset=20)
    expected = reference(defs, inputs)
    out = e2e.run_model(ours, [(list(inputs.values()), expected)], rtol=1e-4, atol=1e-5)
    assert out.stage == "pass", f"{out.stage}: {out.detail}"


# ---------------------------------------------------------------- matmul family


def test_fused_matmul_gemm_conv():
    a, x = f32(2, 3, 4), f32(1, 2, 5, 5)
    inits = {"b": f32(2, 5, 4), "w": f32(4, 5), "c": f32(4), "cw": f32(3, 2, 3, 3),
             "cb": f32(3), "z": f32(1, 3, 5, 5)}
    nodes = [
        ms("FusedMatMul", ["a", "b"], ["mm"], transB=1, alpha=0.5),
        helper.make_node("Reshape", ["mm", "shape"], ["mm2"]),
        ms("FusedGemm", ["mm2", "w", "c"], ["gm"], transB=1, activation="LeakyRelu",
           activation_alpha=0.2),
        ms("FusedConv", ["x", "cw", "cb", "z"], ["cv"], activation="Relu", kernel_shape=[3, 3],
           pads=[1, 1, 1, 1]),
        ms("FusedConv", ["x", "cw"], ["cv2"], activation="Clip", activation_params=[-0.5, 0.5],
           kernel_shape=[3, 3], strides=[2, 2]),
    ]
    inits["shape"] = np.array([6, 5], dtype=np.int64)
    inputs = {"a": a, "x": x}
    check(model(nodes, inputs, ["mm", "gm", "cv", "cv2"], inits), inputs)


def _pack(q: np.ndarray, bits: int) -> np.ndarray:
    """Pack the last dim of small unsigned ints into uint8, low bits first."""
    per = 8 // bits
    q = q.reshape(*q.shape[:-1], -1, per).astype(np.uint8)
    out = np.zeros(q.shape[:-1], dtype=np.uint8)
    for i in range(per):
        out |= q[..., i] << (i * bits)
    return out


def test_matmul_nbits():
    a = f32(2, 3, 40)
    k, n, block = 40, 5, 16
    kb = 3
    q4 = RNG.integers(0, 16, (n, kb, block))
    zp4 = _pack(np.pad(RNG.integers(0, 16, (n, kb)), ((0, 0), (0, 1))), 4)
    q8 = RNG.integers(0, 256, (n, kb, block))
    q2 = RNG.integers(0, 4, (n, kb, block))
    inits = {"b4": _pack(q4, 4), "s4": f32(n, kb, scale=0.1), "z4": zp4, "bias": f32(n),
             "b8": _pack(q8, 8), "s8": f32(n, kb, scale=0.01),
             "b2": _pack(q2, 2), "s2": f32(n, kb, scale=0.1),
             "zf": f32(n, kb, scale=2.0)}
    nodes = [
        ms("MatMulNBits", ["a", "b4", "s4", "z4", "", "bias"], ["y4"], K=k, N=n, bits=4,
           block_size=block),
        ms("MatMulNBits", ["a", "b8", "s8"], ["y8"], K=k, N=n, bits=8, block_size=block),
        ms("MatMulNBits", ["a", "b2", "s2"], ["y2"], K=k, N=n, bits=2, block_size=block),
        ms("MatMulNBits", ["a", "b4", "s4", "zf"], ["yf"], K=k, N=n, bits=4, block_size=block),
    ]
    check(model(nodes, {"a": a}, ["y4", "y8", "y2", "yf"], inits), {"a": a}, rtol=1e-4,
          atol=1e-4)


def test_integer_matmuls_to_float():
    a_q = RNG.integers(0, 256, (3, 4)).astype(np.uint8)
    a_f = f32(3, 4)
    inits = {"b": RNG.integers(-128, 128, (4, 5)).astype(np.int8),
             "as": np.array(0.05, np.float32), "bs": (RNG.random(5) * 0.1).astype(np.float32),
             "az": np.array(128, np.uint8), "bz": np.array(3, np.int8), "bias": f32(5),
             "bs1": np.array(0.02, np.float32)}
    nodes = [
        ms("MatMulIntegerToFloat", ["aq", "b", "as", "bs", "az", "bz", "bias"], ["y1"]),
        ms("DynamicQuantizeMatMul", ["af", "b", "bs1", "bz", "bias"], ["y2"]),
    ]
    inputs = {"aq": a_q, "af": a_f}
    check(model(nodes, inputs, ["y1", "y2"], inits), inputs, rtol=1e-4, atol=1e-4)


# ---------------------------------------------------------------- quantized


def test_qlinear_elementwise_and_pools():
    a = RNG.integers(0, 256, (1, 3, 4, 4)).astype(np.uint8)
    b = RNG.integers(0, 256, (1, 3, 4, 4)).astype(np.uint8)
    inits = {"s1": np.array(0.05, np.float32), "z1": np.array(120, np.uint8),
             "s2": np.array(0.03, np.float32), "z2": np.array(130, np.uint8),
             "s3": np.array(0.08, np.float32), "z3": np.array(125, np.uint8),
             "s4": np.array(1 / 256, np.float32), "z4": np.array(0, np.uint8)}
    nodes = [
        ms("QLinearAdd", ["a", "s1", "z1", "b", "s2", "z2", "s3", "z3"], ["add"]),
        ms("QLinearMul", ["a", "s1", "z1", "b", "s2", "z2", "s3", "z3"], ["mul"]),
        ms("QLinearSigmoid", ["a", "s1", "z1", "s4", "z4"], ["sig"]),
        ms("QLinearLeakyRelu", ["a", "s1", "z1", "s2", "z2"], ["lrelu"], alpha=0.1),
        ms("QLinearGlobalAveragePool", ["a", "s1", "z1", "s2", "z2"], ["gap"]),
        ms("QLinearAveragePool", ["a", "s1", "z1", "s2", "z2"], ["ap"], kernel_shape=[2, 2],
           strides=[2, 2]),
        ms("QLinearConcat", ["s3", "z3", "a", "s1", "z1", "b", "s2", "z2"], ["cat"], axis=1),
        ms("QLinearSoftmax", ["a", "s1", "z1", "s4", "z4"], ["sm"], axis=-1, opset=13),
        ms("QLinearWhere", ["cond", "a", "s1", "z1", "b", "s2", "z2", "s3", "z3"], ["wh"]),
    ]
    outs = [(o, np.uint8) for o in ("add", "mul", "sig", "lrelu", "gap", "ap", "cat", "sm",
                                    "wh")]
    inputs = {"a": a, "b": b, "cond": RNG.random((1, 3, 4, 4)) > 0.5}
    check_quantized(model(nodes, inputs, outs, inits), inputs)


def test_qgemm():
    a = RNG.integers(0, 256, (3, 4)).astype(np.uint8)
    inits = {"as": np.array(0.05, np.float32), "az": np.array(120, np.uint8),
             "b": RNG.integers(-128, 128, (5, 4)).astype(np.int8),
             "bs": (RNG.random(5) * 0.05).astype(np.float32),
             "bz": np.zeros(5, np.int8), "c": RNG.integers(-100, 100, 5).astype(np.int32),
             "ys": np.array(0.1, np.float32), "yz": np.array(128, np.uint8)}
    nodes = [
        ms("QGemm", ["a", "as", "az", "b", "bs", "bz", "c", "ys", "yz"], ["yq"], transB=1),
        ms("QGemm", ["a", "as", "az", "b", "bs", "bz", "c"], ["yf"], transB=1, alpha=0.5),
    ]
    check_quantized(model(nodes, {"a": a}, [("yq", np.uint8), "yf"], inits), {"a": a},
                    rtol=1e-4, atol=1e-4)


def test_gather_block_quantized():
    # onnxruntime's symbolic inference types the output with the packed width: our own
    # inference replaces it. Index 12 is out of range: a zero row.
    rows, width, block = 10, 64, 32
    q4 = RNG.integers(0, 16, (rows, width))
    inits = {"d4": _pack(q4, 4), "s": f32(rows, 2),
             "z4": _pack(RNG.integers(0, 16, (rows, 2)), 4),
             "d8": RNG.integers(0, 256, (rows, width)).astype(np.uint8)}
    idx = np.array([[1, 9, -2], [0, 12, 3]], np.int64)
    nodes = [ms("GatherBlockQuantized", ["d4", "idx", "s", "z4"], ["y1"], bits=4,
                block_size=block),
             ms("GatherBlockQuantized", ["d4", "idx", "s"], ["y2"], bits=4, block_size=block),
             ms("GatherBlockQuantized", ["d8", "idx", "s"], ["y3"], bits=8, block_size=block)]
    check(model(nodes, {"idx": idx}, ["y1", "y2", "y3"], inits), {"idx": idx})


def test_contrib_quantize_dequantize():
    x = f32(2, 3, 4)
    inits = {"s": (RNG.random(3) * 0.1 + 0.01).astype(np.float32),
             "z": np.array([1, 2, 3], np.uint8), "s1": np.array(0.05, np.float32),
             "z1": np.array(-3, np.int8)}
    nodes = [ms("QuantizeLinear", ["x", "s", "z"], ["q"], axis=1),
             ms("DequantizeLinear", ["q", "s", "z"], ["dq"], axis=1),
             ms("QuantizeLinear", ["x", "s1", "z1"], ["q1"]),
             ms("DequantizeLinear", ["q1", "s1", "z1"], ["dq1"])]
    check(model(nodes, {"x": x}, [("q", np.uint8), "dq", ("q1", np.int8), "dq1"], inits),
          {"x": x})


# ---------------------------------------------------------------- attention


def test_attention_forms():
    x = f32(2, 3, 8)
    past = f32(2, 2, 2, 4, 4)
    inits = {"w": f32(8, 24, scale=0.3), "b": f32(24, scale=0.3),
             "w2": f32(8, 20, scale=0.3),
             "m2": np.array([[1, 1, 0], [1, 1, 1]], np.int32),
             "m1": np.array([2, 3], np.int32), "m2b": np.array([3, 2, 1, 0], np.int32),
             "ab": f32(1, 2, 3, 3, scale=0.5)}
    nodes = [
        ms("Attention", ["x", "w", "b", "m2"], ["y1"], num_heads=2),
        ms("Attention", ["x", "w2", "", "m1"], ["y2"], num_heads=2, qkv_hidden_sizes=[8, 8, 4]),
        ms("Attention", ["x", "w", "b", "m2b"], ["y3"], num_heads=2, scale=0.3),
        ms("Attention", ["x", "w", "b", "", "past"], ["y4", "present"], num_heads=2,
           unidirectional=1),
        ms("Attention", ["x", "w", "b", "m2", "", "ab"], ["y5"], num_heads=2, unidirectional=1),
    ]
    inputs = {"x": x, "past": past}
    check(model(nodes, inputs, ["y1", "y2", "y3", "y4", "present", "y5"], inits), inputs)


def test_qattention():
    x = RNG.integers(0, 256, (2, 3, 8)).astype(np.uint8)
    inits = {"w": RNG.integers(-128, 128, (8, 24)).astype(np.int8), "b": f32(24, scale=0.1),
             "xs": np.array(0.02, np.float32), "ws": (RNG.random(24) * 0.02).astype(np.float32),
             "m": np.array([[1, 1, 0], [1, 1, 1]], np.int32), "xz": np.array(128, np.uint8),
             "wz": np.zeros(24, np.int8)}
    nodes = [ms("QAttention", ["x", "w", "b", "xs", "ws", "m", "xz", "wz"], ["y"], num_heads=2),
             ms("QAttention", ["x", "w", "b", "xs", "ws", "", "xz"], ["y2"], num_heads=2,
                unidirectional=1)]
    check(model(nodes, {"x": x}, ["y", "y2"], inits), {"x": x}, rtol=1e-3, atol=1e-4)


def test_multi_head_attention_forms():
    q, k, v = f32(2, 3, 8), f32(2, 5, 8), f32(2, 5, 8)
    pk, pv = f32(2, 2, 4, 4), f32(2, 2, 4, 4)
    inits = {"b": f32(24), "m": np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]], np.int32),
             "ab": f32(1, 2, 3, 7)}
    nodes = [
        ms("MultiHeadAttention", ["q", "k", "v", "b", "m"], ["y1"], num_heads=2),
        ms("MultiHeadAttention", ["q", "q", "q", "", "", "ab", "pk", "pv"], ["y2", "prk", "prv"],
           num_heads=2, unidirectional=1),
        ms("MultiHeadAttention", ["q", "pk", "pv", "", "lens"], ["y3"], num_heads=2),
    ]
    inits["lens"] = np.array([3, 4], np.int32)
    inputs = {"q": q, "k": k, "v": v, "pk": pk, "pv": pv}
    check(model(nodes, inputs, ["y1", "y2", "prk", "prv", "y3"], inits), inputs)


def test_multi_head_attention_packed():
    # onnxruntime's CPU kernel has no packed QKV / KV: the reference is the same attention
    # with the packed tensors split in numpy.
    qkv, q, kv = f32(2, 3, 2, 3, 4), f32(2, 3, 8), f32(2, 5, 2, 2, 4)
    packed = model([ms("MultiHeadAttention", ["qkv"], ["y1"], num_heads=2),
                    ms("MultiHeadAttention", ["q", "kv"], ["y2"], num_heads=2)],
                   {"qkv": qkv, "q": q, "kv": kv}, ["y1", "y2"])
    split = {"q1": qkv[:, :, :, 0].reshape(2, 3, 8), "k1": qkv[:, :, :, 1].reshape(2, 3, 8),
             "v1": qkv[:, :, :, 2].reshape(2, 3, 8), "q": q,
             "k2": kv[:, :, :, 0].reshape(2, 5, 8), "v2": kv[:, :, :, 1].reshape(2, 5, 8)}
    plain = model([ms("MultiHeadAttention", ["q1", "k1", "v1"], ["y1"], num_heads=2),
                   ms("MultiHeadAttention", ["q", "k2", "v2"], ["y2"], num_heads=2)],
                  split, ["y1", "y2"])
    expected = reference(plain, split)
    out = e2e.run_model(packed, [([qkv, q, kv], expected)], rtol=1e-4, atol=1e-5)
    assert out.stage == "pass", f"{out.stage}: {out.detail}"


def test_rotary_embedding_forms():
    x3, x4 = f32(2, 3, 16), f32(2, 2, 3, 8)
    pos = np.array([[0, 1, 2], [3, 4, 5]], np.int64)
    inits = {"c": f32(8, 4), "s": f32(8, 4), "c2": f32(8, 2), "s2": f32(8, 2),
             "off": np.array([2], np.int64)}
    nodes = [
        ms("RotaryEmbedding", ["x3", "pos", "c", "s"], ["y1"], num_heads=2),
        ms("RotaryEmbedding", ["x4", "pos", "c", "s"], ["y2"], interleaved=1),
        ms("RotaryEmbedding", ["x4", "off", "c", "s"], ["y3"]),
        ms("RotaryEmbedding", ["x3", "pos", "c2", "s2"], ["y4"], num_heads=2,
           rotary_embedding_dim=4),
    ]
    inputs = {"x3": x3, "x4": x4, "pos": pos}
    check(model(nodes, inputs, ["y1", "y2", "y3", "y4"], inits), inputs)


def test_onnx_attention_and_contrib_attention_in_one_model():
    # ONNX Attention-23 and com.microsoft Attention share a name; each keeps its semantics.
    x = f32(1, 3, 8)
    inits = {"w": f32(8, 24, scale=0.3)}
    nodes = [
        ms("Attention", ["x", "w"], ["y1"], num_heads=2),
        helper.make_node("Attention", ["y1", "x", "x"], ["y2"], q_num_heads=2, kv_num_heads=2),
    ]
    check(model(nodes, {"x": x}, ["y2"], inits, opset=23), {"x": x})


def _gqa(inputs, inits, prefix, s, p, seqlens, total, **attrs):
    """A GroupQueryAttention node (B=2, 4 query heads, 2 KV heads, head size 16)."""
    b, n, kv, d = 2, 4, 2, 16
    names = [f"{prefix}{x}" for x in ("q", "k", "v", "pk", "pv", "sl", "tot")]
    inputs[names[0]] = f32(b, s, n * d)
    if attrs.pop("packed", False):
        inputs[names[0]] = f32(b, s, (n + 2 * kv) * d)
        names[1] = names[2] = ""
    else:
        inputs[names[1]], inputs[names[2]] = f32(b, s, kv * d), f32(b, s, kv * d)
    if p:
        inputs[names[3]], inputs[names[4]] = f32(b, kv, p, d), f32(b, kv, p, d)
    else:
        names[3] = names[4] = ""
    inits[names[5]] = np.array(seqlens, np.int32)
    inits[names[6]] = np.array(total, np.int32)
    if attrs.pop("rotary", False):
        inits["cos"], inits["sin"] = f32(16, 8), f32(16, 8)
        names += ["cos", "sin"]
        attrs["do_rotary"] = 1
    if attrs.pop("sink", False):
        inits["sink"] = f32(n)
        names += [""] * (11 - len(names)) + ["sink"]
    outs = [f"{prefix}y", f"{prefix}pko", f"{prefix}pvo"]
    return ms("GroupQueryAttention", names, outs, num_heads=n, kv_num_heads=kv, **attrs), outs


def test_group_query_attention_prompt():
    inputs, inits = {}, {}
    n1, o1 = _gqa(inputs, inits, "a", 3, 0, [2, 2], 3, rotary=True, local_window_size=2,
                  softcap=2.0)
    n2, o2 = _gqa(inputs, inits, "b", 3, 0, [2, 2], 3, packed=True, rotary=True,
                  rotary_interleaved=1)
    check(model([n1, n2], inputs, o1 + o2, inits), inputs)


def test_group_query_attention_decode():
    # Batch 0 has a shorter past (seqlens_k 2 of a 4-long cache): its new key lands at row 2.
    inputs, inits = {}, {}
    n1, o1 = _gqa(inputs, inits, "a", 1, 4, [2, 4], 5, sink=True)
    n2, o2 = _gqa(inputs, inits, "b", 1, 4, [4, 4], 5, smooth_softmax=1, rotary=True)
    check(model([n1, n2], inputs, o1 + o2, inits), inputs)


# ---------------------------------------------------------------- a whole fused model


def _stored(name: str, rtol: float, atol: float) -> None:
    """A checked-in model of test/data/contrib/ against its stored onnxruntime outputs."""
    data = pathlib.Path(__file__).parent / "data" / "contrib"
    m = onnx.load(str(data / f"{name}.onnx"))
    inputs = np.load(data / f"{name}.inputs.npz")
    expected = np.load(data / f"{name}.ort.npz")
    out = e2e.run_model(m, [([inputs[i.name] for i in m.graph.input],
                             [expected[o.name] for o in m.graph.output])], rtol=rtol, atol=atol)
    assert out.stage == "pass", f"{out.stage}: {out.detail}"


def test_fused_bert_matches_onnxruntime():
    # A tiny BERT fused by onnxruntime's transformer optimizer (export_bert.py there):
    # EmbedLayerNormalization (its mask_index feeding Attention), Attention with dynamic
    # batch / sequence and a padded row, SkipLayerNormalization, BiasGelu.
    _stored("bert_fused", rtol=1e-4, atol=1e-4)


def test_4bit_llama_matches_onnxruntime():
    # The model suite's tiny Llama with 14 MatMulNBits (4 bits, block 16, zero points) from
    # onnxruntime's quantizer (quantize_llama_4bit.py there). Both sides dequantize the same
    # weights exactly; the tolerance covers float summation order only.
    _stored("llama_4bit", rtol=1e-3, atol=1e-4)


def test_dynamically_quantized_bert_matches_onnxruntime():
    # bert_fused quantized by onnxruntime's dynamic quantizer in operator format
    # (quantize_bert_dynamic.py there): QEmbedLayerNormalization, QAttention, and
    # DynamicQuantizeLinear + MatMulInteger. The run-time quantization is the same
    # arithmetic on both sides (round half to even): outputs agree to float rounding.
    _stored("bert_dynquant", rtol=1e-4, atol=1e-4)


def test_operator_format_quantized_cnn_matches_onnxruntime():
    # A tiny CNN quantized statically in operator format (export_cnn_qop.py there):
    # QLinearConv, QLinearAdd, QLinearSigmoid, QLinearConcat, QLinearAveragePool,
    # QLinearGlobalAveragePool, QGemm. Every intermediate is bit-exact with onnxruntime here.
    _stored("cnn_qop", rtol=0.0, atol=1e-6)


def test_fused_gpt2_matches_onnxruntime():
    # A tiny GPT-2 LM (2 layers, hidden 32, 4 heads, vocab 100) fused by onnxruntime's
    # transformer optimizer, model_type="gpt2" (export_gpt2.py there): EmbedLayerNormalization
    # with position ids (its embedding_sum the first residual, its mask_index the zeros of a
    # model without mask), Attention with unidirectional=1 (the causal mask) and no mask_index,
    # SkipLayerNormalization, FastGelu, MatMul to the logits. Observed max abs error ~1e-6.
    _stored("gpt2_fused", rtol=1e-4, atol=1e-4)


def test_fused_gpt2_with_past_matches_onnxruntime():
    # The same GPT-2 in onnxruntime's gpt2_helper interface (export_gpt2.py there): Attention
    # with past [2, B, N, P, D] and present outputs, unidirectional, a [B, P + S] mask_index
    # (a float attention_mask cast to int32, one row left-padded), position_ids feeding
    # EmbedLayerNormalization. Observed max abs error ~1e-6 on logits and presents.
    _stored("gpt2_fused_past", rtol=1e-4, atol=1e-4)


def test_embed_layer_normalization_mask_index_as_gpt2_fused():
    # The mask_index of the two forms beside test_fused_gpt2's: without a mask (zeros, GPT-2's
    # "dummy_mask_index"), and a mask with entries other than 0 and 1 (onnxruntime counts the
    # entries equal to 1 only).
    ids = RNG.integers(0, 10, (2, 4)).astype(np.int32)
    pos = np.array([[3, 2, 1, 0]], dtype=np.int32)
    mask = np.array([[1, 2, 1, 0], [1, -1, 0, 1]], dtype=np.int32)
    inits = {"we": f32(10, 8), "pe": f32(6, 8), "g": f32(8), "be": f32(8)}
    nodes = [ms("EmbedLayerNormalization", ["ids", "", "we", "pe", "", "g", "be", "", "pos"],
                ["y", "mi", "es"], epsilon=1e-5),
             ms("EmbedLayerNormalization", ["ids", "", "we", "pe", "", "g", "be", "mask"],
                ["y2", "mi2"], epsilon=1e-5)]
    inputs = {"ids": ids, "pos": pos, "mask": mask}
    check(model(nodes, inputs, ["y", ("mi", np.int32), "es", "y2", ("mi2", np.int32)], inits),
          inputs)
