"""Contrib matrix products: FusedMatMul, FusedGemm, FusedConv, MatMulNBits,
MatMulIntegerToFloat, DynamicQuantizeMatMul (com.microsoft).

The fused forms reuse the default-domain Gemm / Conv / MatMul handlers and builders and add
their activation; the quantized forms dequantize with plain integer and float arithmetic (no
torch quantized types), as the default-domain quantized ops do.
"""

from __future__ import annotations

import sys

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..a_to_f.convolution import conv
from ..g_to_p.linalg import gemm, matmul_nd, minus_zero_point
from . import inference as inf

# ---------------------------------------------------------------- fused activations


def apply_activation(b: Binder, y: ir.Value, name: str, params: list[float]) -> ir.Value:
    """onnxruntime's fused activation `name` (MLAS_ACTIVATION) with its parameters."""
    t = y.type
    if name in ("", "Identity"):
        return y
    if name == "Relu":
        return b.op("torch.aten.relu", [y], t)
    if name == "Tanh":
        return b.op("torch.aten.tanh", [y], t)
    if name == "Sigmoid":
        return b.op("torch.aten.sigmoid", [y], t)
    if name == "LeakyRelu":
        alpha = params[0] if params else 0.01
        return b.op("torch.aten.leaky_relu", [y, b.float(alpha)], t)
    if name == "HardSigmoid":
        alpha, beta = (params + [0.2, 0.5][len(params):])[:2]
        z = b.op("torch.aten.add.Scalar",
                 [b.op("torch.aten.mul.Scalar", [y, b.float(alpha)], t), b.float(beta),
                  b.int(1)], t)
        return b.op("torch.aten.clamp", [z, b.float(0.0), b.float(1.0)], t)
    if name == "Clip":
        if len(params) != 2:
            raise Unsupported("Clip activation needs activation_params [min, max]")
        return b.op("torch.aten.clamp", [y, b.float(params[0]), b.float(params[1])], t)
    raise Unsupported(f"unknown fused activation '{name}'")


def fused_conv(b: Binder):
    """com.microsoft FusedConv-1 (Conv's attributes, optional sum input Z, activation Relu /
    LeakyRelu / Tanh / Sigmoid / HardSigmoid / Clip with activation_params) -> Conv's
    aten.convolution, aten.add.Tensor, the activation"""
    y = conv(b)
    z = b.optional_input(3)
    if z is not None:
        y = b.op("torch.aten.add.Tensor", [y, z, b.int(1)], y.type)
    return apply_activation(b, y, b.attr_str("activation", ""),
                            b.attr_floats("activation_params", []))


def fused_gemm(b: Binder):
    """com.microsoft FusedGemm-1 (Gemm-13's attributes and optional C, activation with
    activation_alpha / activation_beta) -> Gemm's aten.mm + aten.add.Tensor, the activation"""
    # FusedGemm follows Gemm-11+ (C optional); the Gemm handler reads that from the opset.
    b.opset = 13
    y = gemm(b)
    name = b.attr_str("activation", "")
    params = []
    if name == "LeakyRelu":
        params = [b.attr_float("activation_alpha", 0.01)]
    elif name == "HardSigmoid":
        params = [b.attr_float("activation_alpha", 0.2), b.attr_float("activation_beta", 0.5)]
    elif name == "Clip":
        raise Unsupported("Clip activation of FusedGemm has no documented bounds")
    return apply_activation(b, y, name, params)


def _transpose_last(b: Binder, v: ir.Value) -> ir.Value:
    shape = b.shape(v)
    if shape is None or len(shape) < 2:
        raise Unsupported("a transposed operand must have rank >= 2")
    out = list(shape)
    out[-1], out[-2] = out[-2], out[-1]
    return b.op("torch.aten.transpose.int", [v, b.int(-1), b.int(-2)], b.vtensor(out, b.dtype(v)))


def fused_matmul(b: Binder):
    """com.microsoft FusedMatMul-1 (transA, transB, alpha) -> aten.transpose.int +
    aten.matmul + aten.mul.Scalar; transBatchA / transBatchB are declined"""
    x, y = b.input(0), b.input(1)
    if b.attr_int("transBatchA", 0) or b.attr_int("transBatchB", 0):
        raise Unsupported("transBatchA / transBatchB are not supported")
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"FusedMatMul of {elt}")
    if b.attr_int("transA", 0):
        x = _transpose_last(b, x)
    if b.attr_int("transB", 0):
        y = _transpose_last(b, y)
    r = matmul_nd(b, x, y, elt)
    alpha = b.attr_float("alpha", 1.0)
    if alpha != 1.0:
        r = b.op("torch.aten.mul.Scalar", [r, b.float(alpha)], r.type)
    return r


# ---------------------------------------------------------------- MatMulNBits


def unpack_bits(b: Binder, packed: ir.Value, bits: int, shape: list) -> ir.Value:
    """uint8 `packed` [..., n] -> si32 [..., n * 8 / bits]: each byte's fields, low bits
    first."""
    per = 8 // bits
    q = emit.to_dtype(b, packed, "si32")
    q = emit.unsqueeze(b, q, -1)
    shifts = emit.array_literal(b, np.arange(per, dtype=np.int32) * bits, "si32")
    wide = list(shape) + [per]
    q = b.op("torch.aten.bitwise_right_shift.Tensor", [q, shifts], b.vtensor(wide, "si32"))
    q = b.op("torch.aten.bitwise_and.Scalar", [q, b.int((1 << bits) - 1)],
             b.vtensor(wide, "si32"))
    out = list(shape[:-1]) + [shape[-1] * per]
    return emit.reshape(b, q, out, out)


def _slice_last(b: Binder, v: ir.Value, n: int) -> ir.Value:
    shape = list(b.shape(v))
    if shape[-1] == n:
        return v
    shape[-1] = n
    return b.op("torch.aten.slice.Tensor", [v, b.int(len(shape) - 1), b.int(0), b.int(n),
                                            b.int(1)], b.vtensor(shape, b.dtype(v)))


def matmul_nbits(b: Binder):
    """com.microsoft MatMulNBits-1 (bits 2/4/8, block_size, packed uint8 or float zero points,
    bias; accuracy_level is a precision hint and computed in full precision) -> bit unpacking
    (aten.bitwise_right_shift/and), (q - zero_point) * scale, aten.matmul with the
    dequantized [K, N] weight. g_idx and prepacked weights are declined."""
    a, w, scales = b.input(0), b.input(1), b.input(2)
    zp, g_idx, bias = b.optional_input(3), b.optional_input(4), b.optional_input(5)
    k, n = b.attr_int("K"), b.attr_int("N")
    bits, block = b.attr_int("bits", 4), b.attr_int("block_size")
    if bits not in (2, 4, 8):
        raise Unsupported(f"bits={bits} (2, 4 and 8 are supported)")
    if g_idx is not None:
        raise Unsupported("g_idx (deprecated act-order) is not supported")
    if b.attr_int("weight_prepacked", 0):
        raise Unsupported("prepacked weights are in an execution-provider layout")
    elt = b.dtype(a)
    if elt not in ("f32", "f16"):
        raise Unsupported(f"input A of {elt}")
    if b.dtype(w) != "ui8":
        raise Unsupported(f"B of {b.dtype(w)} (packed uint8 expected)")
    kb = -(-k // block)
    blob = block * bits // 8
    wq = unpack_bits(b, emit.reshape(b, w, [n, kb, blob], [n, kb, blob]), bits, [n, kb, blob])
    wf = emit.to_dtype(b, wq, elt)
    if zp is None:
        zpf = None
        wf = emit.add_scalar(b, wf, -float(1 << (bits - 1)))
    elif b.dtype(zp) == "ui8":
        zbytes = -(-kb * bits // 8)
        zq = unpack_bits(b, emit.reshape(b, zp, [n, zbytes], [n, zbytes]), bits,
                         [n, zbytes])
        zpf = emit.to_dtype(b, _slice_last(b, zq, kb), elt)
    elif b.dtype(zp) == elt:
        zpf = emit.reshape(b, zp, [n, kb], [n, kb])
    else:
        raise Unsupported(f"zero_points of {b.dtype(zp)}")
    if zpf is not None:
        wf = emit.binary(b, "sub", wf, emit.reshape(b, zpf, [n, kb, 1], [n, kb, 1]))
    s = emit.reshape(b, scales, [n, kb, 1], [n, kb, 1])
    wf = emit.binary(b, "mul", wf, emit.to_dtype(b, s, elt))
    wf = _slice_last(b, emit.reshape(b, wf, [n, kb * block], [n, kb * block]), k)
    wt = b.op("torch.aten.transpose.int", [wf, b.int(0), b.int(1)], b.vtensor([k, n], elt))
    y = matmul_nd(b, a, wt, elt)
    if bias is not None:
        y = b.op("torch.aten.add.Tensor", [y, bias, b.int(1)], y.type)
    return y


# ---------------------------------------------------------------- integer matmul to float


def _per_tensor_or_column(b: Binder, v: ir.Value, what: str) -> ir.Value:
    shape = b.shape(v)
    if shape is None or len(shape) > 1:
        raise Unsupported(f"{what} must be a scalar or 1-D")
    return v


def _scaled(b: Binder, acc: ir.Value, scale: ir.Value, bias: ir.Value | None,
            elt: str) -> ir.Value:
    """float(acc) * scale (+ bias)."""
    shape = b.shape(acc)
    y = emit.to_dtype(b, acc, elt)
    y = b.op("torch.aten.mul.Tensor", [y, emit.to_dtype(b, scale, elt)], b.vtensor(shape, elt))
    if bias is not None:
        y = b.op("torch.aten.add.Tensor", [y, bias, b.int(1)], y.type)
    return y


def matmul_integer_to_float(b: Binder):
    """com.microsoft MatMulIntegerToFloat-1 (per-tensor or per-column scales and zero points,
    bias) -> MatMulInteger's si32 aten.matmul, * a_scale * b_scale (+ bias)"""
    a, w = b.input(0), b.input(1)
    a_scale, b_scale = b.input(2), b.input(3)
    for v in (a, w):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"operands must be 8-bit integers, got {b.dtype(v)}")
    a_scale = _per_tensor_or_column(b, a_scale, "a_scale")
    if b.shape(a_scale) not in ((), (1,)):
        raise Unsupported("a per-column a_scale is not supported")
    b_scale = _per_tensor_or_column(b, b_scale, "b_scale")
    elt = b.dtype(b_scale)
    acc = matmul_nd(b, minus_zero_point(b, a, b.optional_input(4), 2, "a_zero_point"),
                    minus_zero_point(b, w, b.optional_input(5), 1, "b_zero_point"), "si32")
    scale = b.op("torch.aten.mul.Tensor", [a_scale, b_scale],
                 b.vtensor(emit.broadcast_shape(b.shape(a_scale), b.shape(b_scale)), elt))
    return _scaled(b, acc, scale, b.optional_input(6), elt)


def dynamic_quantize_uint8(b: Binder, x: ir.Value):
    """DynamicQuantizeLinear's uint8 quantization of float `x` as onnxruntime computes it:
    (q as si32, scale [], zero point [] as si32)."""
    t0 = b.vtensor([], "f32")
    x = emit.to_dtype(b, x, "f32")
    none = b.none()
    lo = b.op("torch.aten.min", [x], t0)
    hi = b.op("torch.aten.max", [x], t0)
    lo = b.op("torch.aten.clamp", [lo, none, b.float(0.0)], t0)
    hi = b.op("torch.aten.clamp", [hi, b.float(0.0), none], t0)
    rng = b.op("torch.aten.sub.Tensor", [hi, lo, b.int(1)], t0)
    scale = b.op("torch.aten.div.Scalar", [rng, b.float(255.0)], t0)
    # An all-zero input has scale 0: onnxruntime then uses scale 1.
    zero = b.op("torch.aten.eq.Scalar", [scale, b.float(0.0)], b.vtensor([], "i1"))
    scale = b.op("torch.aten.where.ScalarSelf", [zero, b.float(1.0), scale], t0)
    zp = b.op("torch.aten.div.Tensor", [b.op("torch.aten.neg", [lo], t0), scale], t0)
    zp = b.op("torch.aten.round", [b.op("torch.aten.clamp", [zp, b.float(0.0),
                                                            b.float(255.0)], t0)], t0)
    shape = b.shape(x)
    t = b.vtensor(shape, "f32")
    q = b.op("torch.aten.round", [b.op("torch.aten.div.Tensor", [x, scale], t)], t)
    q = b.op("torch.aten.add.Tensor", [q, zp, b.int(1)], t)
    q = b.op("torch.aten.clamp", [q, b.float(0.0), b.float(255.0)], t)
    return emit.to_dtype(b, q, "si32"), scale, emit.to_dtype(b, zp, "si32")


def dynamic_quantize_matmul(b: Binder):
    """com.microsoft DynamicQuantizeMatMul-1 (A quantized to uint8 at run time as
    DynamicQuantizeLinear does; per-tensor or per-column b_scale / b_zero_point; bias) ->
    aten.min/max, aten.round, si32 aten.matmul, * a_scale * b_scale (+ bias)"""
    a, w, b_scale = b.input(0), b.input(1), b.input(2)
    if b.dtype(a) != "f32":
        raise Unsupported(f"A of {b.dtype(a)} (float32 expected)")
    if b.dtype(w) not in ("ui8", "si8"):
        raise Unsupported(f"B must be an 8-bit integer, got {b.dtype(w)}")
    q, a_scale, a_zp = dynamic_quantize_uint8(b, a)
    qa = b.op("torch.aten.sub.Tensor", [q, a_zp, b.int(1)], q.type)
    acc = matmul_nd(b, qa, minus_zero_point(b, w, b.optional_input(3), 1, "b_zero_point"),
                    "si32")
    b_scale = _per_tensor_or_column(b, b_scale, "b_scale")
    scale = b.op("torch.aten.mul.Tensor", [a_scale, b_scale],
                 b.vtensor(list(b.shape(b_scale)), "f32"))
    return _scaled(b, acc, scale, b.optional_input(4), "f32")


# ---------------------------------------------------------------- type inference


def _matmul_dims(a, w):
    if a is None or w is None or a[1] is None or w[1] is None:
        return None
    if len(a[1]) < 2 or len(w[1]) < 2:
        return None
    bt = inf.broadcast((a[0], a[1][:-2]), (w[0], w[1][:-2]))
    return list(bt[1]) + [a[1][-2], w[1][-1]]


def _infer_fused_matmul(node, ins):
    a, w = ins[0], ins[1]
    at = inf.attrs(node)
    if a is None or w is None or a[1] is None or w[1] is None:
        return [None]
    ad, wd = list(a[1]), list(w[1])
    if at.get("transA", 0) and len(ad) >= 2:
        ad[-1], ad[-2] = ad[-2], ad[-1]
    if at.get("transB", 0) and len(wd) >= 2:
        wd[-1], wd[-2] = wd[-2], wd[-1]
    dims = _matmul_dims((a[0], ad), (w[0], wd))
    return [None if dims is None else (a[0], dims)]


def _infer_gemm(node, ins):
    a, w = ins[0], ins[1]
    at = inf.attrs(node)
    if a is None or w is None or a[1] is None or w[1] is None:
        return [None]
    m = a[1][1] if at.get("transA", 0) else a[1][0]
    n = w[1][0] if at.get("transB", 0) else w[1][1]
    return [(a[0], [m, n])]


def _infer_conv(node, ins):
    x, w = ins[0], ins[1]
    if x is None or w is None or x[1] is None or w[1] is None:
        return [None]
    at = inf.attrs(node)
    nd = len(x[1]) - 2
    kernel = at.get("kernel_shape") or list(w[1][2:])
    strides = at.get("strides") or [1] * nd
    dil = at.get("dilations") or [1] * nd
    pads = at.get("pads") or [0] * (2 * nd)
    auto = at.get("auto_pad", "NOTSET")
    out = [x[1][0], w[1][0]]
    for i in range(nd):
        d = x[1][2 + i]
        if not isinstance(d, int) or not isinstance(kernel[i], int):
            out.append(None)
        elif auto in ("SAME_UPPER", "SAME_LOWER"):
            out.append(-(-d // strides[i]))
        else:
            p = 0 if auto == "VALID" else pads[i] + pads[i + nd]
            out.append((d + p - dil[i] * (kernel[i] - 1) - 1) // strides[i] + 1)
    return [(x[0], out)]


def _infer_nbits(node, ins):
    a = ins[0]
    if a is None or a[1] is None:
        return [None]
    return [(a[0], list(a[1][:-1]) + [inf.attrs(node)["N"]])]


def _infer_int_to_float(node, ins):
    a, w, scale = ins[0], ins[1], ins[2]
    if a is None or w is None or a[1] is None or w[1] is None:
        return [None]
    elem = inf.FLOAT if scale is None else scale[0]
    if len(a[1]) == 1 or len(w[1]) == 1:
        return [None]
    return [(elem, _matmul_dims(a, w))]


TABLE = [
    ("DynamicQuantizeMatMul", 1, dynamic_quantize_matmul),
    ("FusedConv", 1, fused_conv),
    ("FusedGemm", 1, fused_gemm),
    ("FusedMatMul", 1, fused_matmul),
    ("MatMulIntegerToFloat", 1, matmul_integer_to_float),
    ("MatMulNBits", 1, matmul_nbits),
]

INFER = {
    "DynamicQuantizeMatMul": _infer_int_to_float,
    "FusedConv": _infer_conv,
    "FusedGemm": _infer_gemm,
    "FusedMatMul": _infer_fused_matmul,
    "MatMulIntegerToFloat": lambda node, ins: _infer_int_to_float(node, [ins[0], ins[1],
                                                                         ins[2]]),
    "MatMulNBits": _infer_nbits,
}


def populate(registry) -> None:
    """Register this module's contrib patterns."""
    from . import register_tables

    register_tables(sys.modules[__name__], registry)
