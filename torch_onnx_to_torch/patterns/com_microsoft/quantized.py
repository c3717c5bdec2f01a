"""Contrib quantized ops: QuantizeLinear, DequantizeLinear, GatherBlockQuantized and the
operator-format QLinearAdd, QLinearMul, QLinearSigmoid, QLinearLeakyRelu, QLinearSoftmax,
QLinearConcat, QLinearWhere, QLinearAveragePool, QLinearGlobalAveragePool, QGemm
(com.microsoft).

Each is dequantize -> float op -> quantize, in plain integer and float arithmetic (no torch
quantized types): (q - zero_point) * scale, the op, round half to even (aten.round), + zero
point, clamp, narrow (saturate_int of the default-domain QuantizeLinear). onnxruntime computes
some of them through lookup tables or fixed-point requantization, which may round a value
lying on a .5 boundary the other way: outputs agree within one quantization step.
"""

from __future__ import annotations

import sys

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..a_to_f.averagepool import _AVG_POOL
from ..a_to_f.quantize import dequantize_linear as q_dequantize_linear
from ..g_to_p.linalg import matmul_nd, minus_zero_point
from ..pool_windows import read_window, torch_ceil_mode
from ..q_to_z.quantized import _one_value, saturate_int
from ..q_to_z.quantized import quantize_linear as q_quantize_linear
from . import inference as inf
from .matmul import unpack_bits

_Q = ("ui8", "si8")


def _q_input(b: Binder, i: int) -> ir.Value:
    x = b.input(i)
    if b.dtype(x) not in _Q:
        raise Unsupported(f"quantized input #{i} of {b.dtype(x)} (uint8 / int8 expected)")
    return x


def dequantize(b: Binder, x: ir.Value, scale: ir.Value, zp: ir.Value | None) -> ir.Value:
    """(x - zp) * scale in f32, per tensor."""
    shape = b.shape(x)
    xi = emit.to_dtype(b, x, "si32")
    if zp is not None:
        zpi = emit.to_dtype(b, _one_value(b, zp, "zero point"), "si32")
        xi = b.op("torch.aten.sub.Tensor", [xi, zpi, b.int(1)], b.vtensor(shape, "si32"))
    s = emit.to_dtype(b, _one_value(b, scale, "scale"), "f32")
    return b.op("torch.aten.mul.Tensor", [emit.to_dtype(b, xi, "f32"), s],
                b.vtensor(shape, "f32"))


def quantize(b: Binder, y: ir.Value, scale: ir.Value, zp: ir.Value | None, out: str
             ) -> ir.Value:
    """round(y / scale) + zp, saturated to `out`, per tensor."""
    t = emit.like(b, y, "f32")
    s = emit.to_dtype(b, _one_value(b, scale, "scale"), "f32")
    q = b.op("torch.aten.round", [b.op("torch.aten.div.Tensor", [y, s], t)], t)
    zp = None if zp is None else _one_value(b, zp, "zero point")
    return saturate_int(b, q, zp, out)


def _out_type(b: Binder, x: ir.Value) -> str:
    return b.dtype(x)


def _binary(b: Binder, name: str):
    a, bb = _q_input(b, 0), _q_input(b, 3)
    if b.dtype(a) != b.dtype(bb):
        raise Unsupported("A and B must share one type")
    fa = dequantize(b, a, b.input(1), b.optional_input(2))
    fb = dequantize(b, bb, b.input(4), b.optional_input(5))
    y = emit.binary(b, name, fa, fb)
    return quantize(b, y, b.input(6), b.optional_input(7), _out_type(b, a))


def qlinear_add(b: Binder):
    """com.microsoft QLinearAdd-1 -> dequantize A and B, aten.add.Tensor (broadcasting),
    quantize (aten.round, clamp)"""
    return _binary(b, "add")


def qlinear_mul(b: Binder):
    """com.microsoft QLinearMul-1 -> dequantize A and B, aten.mul.Tensor (broadcasting),
    quantize (aten.round, clamp)"""
    return _binary(b, "mul")


def _unary(b: Binder, fn):
    x = _q_input(b, 0)
    y = fn(dequantize(b, x, b.input(1), b.optional_input(2)))
    return quantize(b, y, b.input(3), b.optional_input(4), _out_type(b, x))


def qlinear_sigmoid(b: Binder):
    """com.microsoft QLinearSigmoid-1 -> dequantize, aten.sigmoid, quantize"""
    return _unary(b, lambda v: b.op("torch.aten.sigmoid", [v], v.type))


def qlinear_leaky_relu(b: Binder):
    """com.microsoft QLinearLeakyRelu-1 (alpha) -> dequantize, aten.leaky_relu, quantize"""
    alpha = b.attr_float("alpha", 0.01)
    return _unary(b, lambda v: b.op("torch.aten.leaky_relu", [v, b.float(alpha)], v.type))


def qlinear_softmax(b: Binder):
    """com.microsoft QLinearSoftmax-1 (axis; opset >= 13 semantics, or the last axis for
    older) -> dequantize, aten.softmax.int, quantize"""
    x = _q_input(b, 0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    if b.attr_int("opset") < 13 and axis != rank - 1:
        raise Unsupported("opset < 13 softmax coerces to 2-D: only the last axis is supported")
    f = dequantize(b, x, b.input(1), b.optional_input(2))
    y = b.op("torch.aten.softmax.int", [f, b.int(axis), b.none()], f.type)
    return quantize(b, y, b.input(3), b.optional_input(4), _out_type(b, x))


def qlinear_concat(b: Binder):
    """com.microsoft QLinearConcat-1 (axis; (tensor, scale, zero point) triples) ->
    dequantize each, aten.cat, quantize"""
    y_scale, y_zp = b.input(0), b.input(1)
    ops = list(b.onnx_op.operands)[2:]
    if not ops or len(ops) % 3:
        raise Unsupported("inputs must be (tensor, scale, zero point) triples")
    out = b.dtype(y_zp)
    parts = []
    for i in range(0, len(ops), 3):
        x = _q_input(b, 2 + i)
        parts.append(dequantize(b, x, b.input(3 + i), b.optional_input(4 + i)))
    rank = b.rank(parts[0])
    axis = emit.normalize_axis(b.attr_int("axis"), rank)
    shapes = [b.shape(p) for p in parts]
    shape = list(shapes[0])
    total = [s[axis] for s in shapes]
    shape[axis] = None if None in total else sum(total)
    y = b.op("torch.aten.cat", [b.tensor_list(parts), b.int(axis)], b.vtensor(shape, "f32"))
    return quantize(b, y, y_scale, y_zp, out)


def qlinear_where(b: Binder):
    """com.microsoft QLinearWhere-1 -> dequantize X and Y, aten.where.self, quantize with
    z_scale / z_zero_point"""
    cond = b.input(0)
    x, y = _q_input(b, 1), _q_input(b, 4)
    fx = dequantize(b, x, b.input(2), b.input(3))
    fy = dequantize(b, y, b.input(5), b.input(6))
    shape = emit.broadcast_shape(emit.broadcast_shape(b.shape(cond), b.shape(fx)), b.shape(fy))
    z = b.op("torch.aten.where.self", [cond, fx, fy], b.vtensor(shape, "f32"))
    return quantize(b, z, b.input(7), b.input(8), b.dtype(x))


def qlinear_global_average_pool(b: Binder):
    """com.microsoft QLinearGlobalAveragePool-1 (NCHW or channels_last) -> dequantize,
    aten.mean.dim over the spatial dims (kept), quantize"""
    x = _q_input(b, 0)
    rank = b.rank(x)
    if rank < 3:
        raise Unsupported("input must have rank >= 3")
    dims = list(range(1, rank - 1)) if b.attr_int("channels_last", 0) else \
        list(range(2, rank))
    f = dequantize(b, x, b.input(1), b.input(2))
    shape = [1 if i in dims else d for i, d in enumerate(b.shape(f))]
    m = b.op("torch.aten.mean.dim", [f, b.int_list(dims), b.bool(True), b.none()],
             b.vtensor(shape, "f32"))
    return quantize(b, m, b.input(3), b.input(4), b.dtype(x))


def qlinear_average_pool(b: Binder):
    """com.microsoft QLinearAveragePool-1 (NCHW; AveragePool's kernel_shape, strides, pads,
    auto_pad, ceil_mode, count_include_pad) -> dequantize, aten.avg_pool{1,2,3}d, quantize.
    channels_last, and windows torch's avg_pool cannot express, are declined."""
    x = _q_input(b, 0)
    if b.attr_int("channels_last", 0):
        raise Unsupported("channels_last is not supported")
    f = dequantize(b, x, b.input(1), b.optional_input(2))
    win = read_window(b, f, dilations=False, ceil_mode=True)
    if not win.direct(dynamic_ceil=True):
        raise Unsupported("asymmetric pads or ceil_mode overhang: not expressible as "
                          "aten.avg_pool")
    include_pad = bool(b.attr_int("count_include_pad", 0))
    args = [f, b.int_list(win.kernel), b.int_list(win.strides), b.int_list(win.begins),
            b.bool(torch_ceil_mode(win)), b.bool(include_pad)]
    if win.nd > 1:
        args.append(b.none())
    shape = b.shape(b.result_type())
    pooled = b.op(_AVG_POOL[win.nd], args, b.vtensor(shape, "f32"))
    return quantize(b, pooled, b.input(3), b.optional_input(4), b.dtype(x))


def qgemm(b: Binder):
    """com.microsoft QGemm-1 (transA, transB, alpha, per-tensor or per-column B scale / zero
    point, int32 C; float output without y_scale, else quantized) -> si32 aten.matmul of the
    zero-point-shifted operands + C, * alpha * a_scale * b_scale, optionally quantized"""
    a, w = _q_input(b, 0), _q_input(b, 3)
    a_scale, b_scale = b.input(1), b.input(4)
    c, y_scale, y_zp = b.optional_input(6), b.optional_input(7), b.optional_input(8)
    if b.rank(a) != 2 or b.rank(w) != 2:
        raise Unsupported("A and B must be 2-D")
    if b.attr_int("transA", 0):
        a = emit.permute(b, a, [1, 0])
    if b.attr_int("transB", 0):
        w = emit.permute(b, w, [1, 0])  # per-column zero points then index the last dim
    ai = minus_zero_point(b, a, b.optional_input(2), 2, "a_zero_point")
    wi = minus_zero_point(b, w, b.optional_input(5), 1, "b_zero_point")
    acc = matmul_nd(b, ai, wi, "si32")
    if c is not None:
        if b.dtype(c) != "si32":
            raise Unsupported(f"C of {b.dtype(c)} (int32 expected)")
        acc = b.op("torch.aten.add.Tensor", [acc, c, b.int(1)], acc.type)
    s_shape = b.shape(b_scale)
    if s_shape is None or len(s_shape) > 1:
        raise Unsupported("b_scale must be a scalar or 1-D")
    scale = b.op("torch.aten.mul.Tensor", [_one_value(b, a_scale, "a_scale"), b_scale],
                 b.vtensor(list(s_shape), "f32"))
    alpha = b.attr_float("alpha", 1.0)
    if alpha != 1.0:
        scale = b.op("torch.aten.mul.Scalar", [scale, b.float(alpha)], scale.type)
    t = emit.like(b, acc, "f32")
    y = b.op("torch.aten.mul.Tensor", [emit.to_dtype(b, acc, "f32"), scale], t)
    if y_scale is None:
        return y
    out = b.dtype(y_zp) if y_zp is not None else "ui8"
    return quantize(b, y, y_scale, y_zp, out)


def gather_block_quantized(b: Binder):
    """com.microsoft GatherBlockQuantized-1 (uint8 data with bits 2/4/8 packed along the last
    dim, gather_axis 0, quantize_axis last, block_size, packed or default 2^(bits-1) zero
    points; out-of-range indices give zeros) -> aten.index_select of the rows, bit unpacking,
    (q - zero_point) * scale per block. int4/uint4 and float8/float4 data (no torch type),
    and other axes, are declined."""
    data, idx, scales, zp = b.input(0), b.input(1), b.input(2), b.optional_input(3)
    dshape, delt = b.tensor_info(data)
    if delt != "ui8":
        raise Unsupported(f"data of {delt} (uint8 packed data is supported)")
    if dshape is None or len(dshape) != 2 or None in dshape:
        raise Unsupported("data must be 2-D and static")
    bits, block = b.attr_int("bits", 4), b.attr_int("block_size", 128)
    if bits not in (2, 4, 8):
        raise Unsupported(f"bits={bits} (2, 4 and 8 are supported)")
    if emit.normalize_axis(b.attr_int("gather_axis", 0), 2) != 0 or \
            emit.normalize_axis(b.attr_int("quantize_axis", 1), 2) != 1:
        raise Unsupported("only gather_axis 0 with quantize_axis 1 (the last) is supported")
    rows, width = dshape[0], dshape[1] * 8 // bits
    if block <= 0 or width % block:
        raise Unsupported(f"block_size {block} does not divide the row width {width}")
    nblocks = width // block
    elt = b.dtype(scales)
    ishape = b.shape(idx)
    if ishape is None:
        raise Unsupported("indices rank is unknown")
    isizes = emit.dim_sizes(b, idx)
    n = emit.int_prod(b, isizes)
    flat = emit.reshape(b, emit.as_i64(b, idx), [n], emit.static_or_none([n]))
    # Unlike Gather, an index out of [-rows, rows) selects zeros.
    ok_t = emit.like(b, flat, "i1")
    valid = b.op("torch.aten.logical_and",
                 [b.op("torch.aten.ge.Scalar", [flat, b.int(-rows)], ok_t),
                  b.op("torch.aten.lt.Scalar", [flat, b.int(rows)], ok_t)], ok_t)
    wrapped = emit.wrap_negative(b, flat, rows)
    safe = b.op("torch.aten.clamp", [wrapped, b.int(0), b.int(rows - 1)], wrapped.type)
    n_s = emit.static_or_none([n])[0]

    def take(v, cols):
        return b.op("torch.aten.index_select", [v, b.int(0), safe],
                    b.vtensor([n_s, cols], b.dtype(v)))

    q = take(data, dshape[1])
    q = unpack_bits(b, q, bits, [n_s, dshape[1]]) if bits < 8 else emit.to_dtype(b, q, "si32")
    wq = emit.to_dtype(b, emit.reshape(b, q, [n, nblocks, block], [n_s, nblocks, block]), elt)
    if zp is None:
        wq = emit.add_scalar(b, wq, -float(1 << (bits - 1)))
    else:
        if b.dtype(zp) != "ui8":
            raise Unsupported(f"zero_points of {b.dtype(zp)}")
        zshape = b.shape(zp)
        if zshape is None or len(zshape) != 2 or zshape[1] is None:
            raise Unsupported("zero_points must be 2-D and static")
        z = take(zp, zshape[1])
        z = unpack_bits(b, z, bits, [n_s, zshape[1]]) if bits < 8 else \
            emit.to_dtype(b, z, "si32")
        zcols = zshape[1] * 8 // bits
        if zcols != nblocks:
            z = b.op("torch.aten.slice.Tensor", [z, b.int(1), b.int(0), b.int(nblocks),
                                                 b.int(1)], b.vtensor([n_s, nblocks], "si32"))
        z = emit.reshape(b, emit.to_dtype(b, z, elt), [n, nblocks, 1], [n_s, nblocks, 1])
        wq = emit.binary(b, "sub", wq, z)
    sshape = b.shape(scales)
    if sshape is None or tuple(sshape) != (rows, nblocks):
        raise Unsupported(f"scales of shape {sshape} (expected [{rows}, {nblocks}])")
    s = emit.reshape(b, take(scales, nblocks), [n, nblocks, 1], [n_s, nblocks, 1])
    y = emit.reshape(b, emit.binary(b, "mul", wq, s), [n, width], [n_s, width])
    keep = emit.reshape(b, valid, [n, 1], [n_s, 1])
    y = b.op("torch.aten.where.ScalarOther", [keep, y, b.float(0.0)], y.type)
    out = list(isizes) + [width]
    return emit.reshape(b, y, out, emit.static_or_none(out))


# The contrib Q/DQ have ONNX-13 semantics (per-axis `axis`; no blocks, no output_dtype): the
# default-domain handlers read those from the opset, so they run at 13.


def quantize_linear(b: Binder):
    """com.microsoft QuantizeLinear-1 (axis; uint8/int8/int16 outputs) -> the default-domain
    QuantizeLinear-13 lowering (aten.div, aten.round, zero point, aten.clamp)"""
    b.opset = 13
    return q_quantize_linear(b)


def dequantize_linear(b: Binder):
    """com.microsoft DequantizeLinear-1 (axis; uint8/int8/int16/int32 inputs) -> the
    default-domain DequantizeLinear-13 lowering ((x - zero_point) * scale)"""
    b.opset = 13
    return q_dequantize_linear(b)


# ---------------------------------------------------------------- type inference


def _infer_binary(node, ins):
    if ins[0] is None or ins[3] is None:
        return [None]
    return [inf.broadcast(ins[0], ins[3])]


def _infer_concat(node, ins):
    xs = ins[2::3]
    if not xs or any(x is None or x[1] is None for x in xs):
        return [None]
    axis = inf.attrs(node)["axis"] % len(xs[0][1])
    dims = list(xs[0][1])
    sizes = [x[1][axis] for x in xs]
    dims[axis] = sum(sizes) if all(isinstance(s, int) for s in sizes) else None
    return [(ins[1][0] if ins[1] else xs[0][0], dims)]


def _infer_where(node, ins):
    if any(ins[i] is None for i in (0, 1, 4)):
        return [None]
    t = inf.broadcast(ins[1], ins[0], ins[4])
    return [None if t is None else (ins[1][0], t[1])]


def _infer_global_pool(node, ins):
    x = ins[0]
    if x is None or x[1] is None:
        return [None]
    last = inf.attrs(node).get("channels_last", 0)
    r = len(x[1])
    keep = (0, r - 1) if last else (0, 1)
    return [(x[0], [d if i in keep else 1 for i, d in enumerate(x[1])])]


def _infer_avg_pool(node, ins):
    x = ins[0]
    if x is None or x[1] is None:
        return [None]
    at = inf.attrs(node)
    if at.get("channels_last", 0):
        return [None]
    kernel = at["kernel_shape"]
    nd = len(kernel)
    strides = at.get("strides") or [1] * nd
    pads = at.get("pads") or [0] * (2 * nd)
    auto = at.get("auto_pad", "NOTSET")
    ceil = at.get("ceil_mode", 0)
    out = list(x[1][:2])
    for i in range(nd):
        d = x[1][2 + i]
        if not isinstance(d, int):
            out.append(None)
        elif auto in ("SAME_UPPER", "SAME_LOWER"):
            out.append(-(-d // strides[i]))
        elif auto == "VALID":
            out.append(-(-(d - kernel[i] + 1) // strides[i]))
        else:
            span = d + pads[i] + pads[i + nd] - kernel[i]
            out.append((-(-span // strides[i]) if ceil else span // strides[i]) + 1)
    return [(x[0], out)]


def _infer_qgemm(node, ins):
    a, w = ins[0], ins[3]
    if a is None or w is None or a[1] is None or w[1] is None:
        return [None]
    at = inf.attrs(node)
    m = a[1][1] if at.get("transA", 0) else a[1][0]
    n = w[1][0] if at.get("transB", 0) else w[1][1]
    has_y = len(ins) > 7 and ins[7] is not None
    elem = (ins[8][0] if len(ins) > 8 and ins[8] is not None else
            onnx_uint8()) if has_y else inf.FLOAT
    return [(elem, [m, n])]


def onnx_uint8() -> int:
    """ONNX's UINT8 code."""
    import onnx

    return onnx.TensorProto.UINT8


def _infer_gather_bq(node, ins):
    data, idx, scales = ins[0], ins[1], ins[2]
    if data is None or idx is None or scales is None or data[1] is None or idx[1] is None:
        return [None]
    at = inf.attrs(node)
    width = data[1][-1]
    if isinstance(width, int) and data[0] == onnx_uint8():
        width = width * 8 // at.get("bits", 4)
    return [(scales[0], list(idx[1]) + [width])]


def _infer_quantize(node, ins):
    x, zp = ins[0], ins[2] if len(ins) > 2 else None
    if x is None:
        return [None]
    return [(zp[0] if zp is not None else onnx_uint8(), x[1])]


def _infer_dequantize(node, ins):
    x, scale = ins[0], ins[1]
    if x is None or scale is None:
        return [None]
    return [(scale[0], x[1])]


TABLE = [
    ("DequantizeLinear", 1, dequantize_linear),
    ("GatherBlockQuantized", 1, gather_block_quantized),
    ("QGemm", 1, qgemm),
    ("QLinearAdd", 1, qlinear_add),
    ("QLinearAveragePool", 1, qlinear_average_pool),
    ("QLinearConcat", 1, qlinear_concat),
    ("QLinearGlobalAveragePool", 1, qlinear_global_average_pool),
    ("QLinearLeakyRelu", 1, qlinear_leaky_relu),
    ("QLinearMul", 1, qlinear_mul),
    ("QLinearSigmoid", 1, qlinear_sigmoid),
    ("QLinearSoftmax", 1, qlinear_softmax),
    ("QLinearWhere", 1, qlinear_where),
    ("QuantizeLinear", 1, quantize_linear),
]

INFER = {
    "DequantizeLinear": _infer_dequantize,
    "GatherBlockQuantized": _infer_gather_bq,
    "QGemm": _infer_qgemm,
    "QLinearAdd": _infer_binary,
    "QLinearAveragePool": _infer_avg_pool,
    "QLinearConcat": _infer_concat,
    "QLinearGlobalAveragePool": _infer_global_pool,
    "QLinearLeakyRelu": inf.same_as(0),
    "QLinearMul": _infer_binary,
    "QLinearSigmoid": inf.same_as(0),
    "QLinearSoftmax": inf.same_as(0),
    "QLinearWhere": _infer_where,
    "QuantizeLinear": _infer_quantize,
}


def populate(registry) -> None:
    """Register this module's contrib patterns."""
    from . import register_tables

    register_tables(sys.modules[__name__], registry)
