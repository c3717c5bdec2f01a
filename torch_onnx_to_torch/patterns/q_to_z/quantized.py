"""Quantized arithmetic: QuantizeLinear, QLinearMatMul, QLinearConv.

As DequantizeLinear does, everything is plain arithmetic on integer and float tensors
(no torch quantized types): widen to si32, subtract zero points, matmul / convolve, rescale in
float, round half to even (aten.round), add the output zero point, clamp, narrow.
"""

from __future__ import annotations

import math

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..a_to_f import convolution
from ..a_to_f.casts import cast_to
from ..a_to_f.quantize import granularity, per_element
from ..families import register_table
from ..g_to_p.linalg import matmul_nd, minus_zero_point, per_row_or_column

# Saturation range of each integer output type torch can hold.
_INT_RANGE = {"ui8": (0, 255), "si8": (-128, 127), "si16": (-32768, 32767)}
_FLOAT8 = ("f8E4M3FN", "f8E4M3FNUZ", "f8E5M2", "f8E5M2FNUZ")
_DECLINED_Y = {
    "ui4": "4-bit integer", "si4": "4-bit integer", "ui2": "2-bit integer",
    "si2": "2-bit integer", "f4E2M1FN": "float4",
    "ui16": "uint16 (torch has no uint16 tensor)",
}


def _output_type(b: Binder, zp: ir.Value | None) -> str:
    """The quantized type: the zero point's, else output_dtype (21+), else uint8."""
    if zp is not None:
        elt = b.dtype(zp)
    elif b.opset >= 21 and b.attr_int("output_dtype", 0):
        code = b.attr_int("output_dtype")
        elt = dtypes.onnx_to_mlir(code)
        if elt is None:
            raise Unsupported(f"unknown output_dtype {code}")
    else:
        elt = "ui8"
    if elt in _DECLINED_Y:
        raise Unsupported(f"{_DECLINED_Y[elt]} output ({elt}) is not supported")
    if elt not in _INT_RANGE and elt not in _FLOAT8:
        raise Unsupported(f"output dtype {elt} is not a quantized type")
    return elt


def _work_type(b: Binder, x_elt: str, s_elt: str) -> str:
    """The float type of x / y_scale: the precision attribute (23+), else numpy's promotion
    of the two (an int32 input divides in f64, as the reference does)."""
    precision = b.attr_int("precision", 0) if b.opset >= 23 else 0
    if precision:
        elt = dtypes.onnx_to_mlir(precision)
        if elt not in ("f16", "bf16", "f32", "f64"):
            raise Unsupported(f"precision {precision} is not a float type")
        return elt
    if not dtypes.is_float(x_elt) or not dtypes.is_float(s_elt):
        return "f64"
    return x_elt if x_elt == s_elt else "f32"


def saturate_int(b: Binder, q: ir.Value, zp: ir.Value | None, out: str) -> ir.Value:
    """Rounded values `q` (float) plus zero point `zp` (broadcastable, of type `out`),
    clamped to the range of integer type `out` and narrowed to it (through si32)."""
    shape, elt = b.tensor_info(q)
    wide = "f64" if elt == "f64" else "f32"
    q = emit.to_dtype(b, q, wide)
    t = b.vtensor(shape, wide)
    if zp is not None:
        q = b.op("torch.aten.add.Tensor", [q, emit.to_dtype(b, zp, wide), b.int(1)], t)
    lo, hi = _INT_RANGE[out]
    q = b.op("torch.aten.clamp", [q, b.float(lo), b.float(hi)], t)
    # float -> ui8 lowers as a signed conversion (128.0 becomes 127): go through si32.
    return emit.to_dtype(b, emit.to_dtype(b, q, "si32"), out)


def _is_zero(b: Binder, v: ir.Value) -> bool:
    vals = b.const_value(v)
    return vals is not None and not np.any(vals)


def quantize_linear(b: Binder):
    """QuantizeLinear-10..28 -> aten.div.Tensor + aten.round (half to even) + zero point +
    aten.clamp + aten.to.dtype; float8 outputs through Cast's saturation

    Per tensor, per axis and blocked; uint8/int8/int16 and float8 outputs, output_dtype,
    saturate, precision. uint16, 4-bit, 2-bit and float4 outputs are declined.
    """
    x, scale, zp = b.input(0), b.input(1), b.optional_input(2)
    x_shape, x_elt = b.tensor_info(x)
    if x_shape is None:
        raise Unsupported("input rank is unknown")
    if x_elt not in ("f32", "f16", "bf16", "si32"):
        raise Unsupported(f"input dtype {x_elt} is not supported")
    s_elt = b.dtype(scale)
    if s_elt not in ("f32", "f16", "bf16", "si32"):
        raise Unsupported(f"scale dtype {s_elt} is not supported")
    out = _output_type(b, zp)
    if b.dtype(b.result_type()) != out:
        raise Unsupported(f"result dtype {b.dtype(b.result_type())} is not {out}")
    axis, block = granularity(b, len(x_shape), scale, zp)
    work = _work_type(b, x_elt, s_elt)
    t = b.vtensor(x_shape, work)
    scale = emit.to_dtype(b, per_element(b, scale, x, axis, block, "scale"), work)
    y = b.op("torch.aten.div.Tensor", [emit.to_dtype(b, x, work), scale], t)
    if out in _FLOAT8:
        # The spec's formula adds the zero point (the reference implementation skips it;
        # float8 zero points are zero in practice, where both agree).
        if zp is not None and not _is_zero(b, zp):
            zp = cast_to(b, per_element(b, zp, x, axis, block, "zero point"), work, False)
            y = b.op("torch.aten.add.Tensor", [y, zp, b.int(1)], t)
        saturate = bool(b.attr_int("saturate", 1)) if b.opset >= 19 else True
        return cast_to(b, y, out, saturate)
    y = b.op("torch.aten.round", [y], t)
    if zp is not None:
        zp = per_element(b, zp, x, axis, block, "zero point")
    return saturate_int(b, y, zp, out)


# ---------------------------------------------------------------- QLinearMatMul / QLinearConv


def _one_value(b: Binder, v: ir.Value, what: str) -> ir.Value:
    """A per-tensor scale or zero point as a rank-0 tensor."""
    shape = b.shape(v)
    if shape is None or None in shape or math.prod(shape) != 1:
        raise Unsupported(f"{what} must hold one value")
    return emit.reshape(b, v, [], []) if shape else v


def _requantize(b: Binder, acc: ir.Value, in_scale: ir.Value, w_scale: ir.Value,
                y_scale: ir.Value, y_zp: ir.Value | None, out: str) -> ir.Value:
    """si32 accumulator `acc` times in_scale * w_scale / y_scale (in the scales' dtype, as
    the reference computes it), then rounded in f64, zero point added, saturated to `out`."""
    s_elt = b.dtype(in_scale)
    if s_elt not in ("f32", "f16", "bf16"):
        raise Unsupported(f"scale dtype {s_elt} is not supported")
    for v in (w_scale, y_scale):
        if b.dtype(v) != s_elt:
            raise Unsupported("the scales must share one dtype")
    m_shape = emit.broadcast_shape(b.shape(in_scale), b.shape(w_scale))
    m = b.op("torch.aten.mul.Tensor", [in_scale, w_scale], b.vtensor(m_shape, s_elt))
    m_shape = emit.broadcast_shape(m_shape, b.shape(y_scale))
    m = b.op("torch.aten.div.Tensor", [m, y_scale], b.vtensor(m_shape, s_elt))
    shape = b.shape(acc)
    t = b.vtensor(shape, "f64")
    # The int32 accumulator times a float scale is float64 in the reference (numpy).
    y = b.op("torch.aten.mul.Tensor", [emit.to_dtype(b, acc, "f64"), emit.to_dtype(b, m, "f64")],
             t)
    if y_zp is not None:
        y = b.op("torch.aten.add.Tensor", [y, emit.to_dtype(b, y_zp, "f64"), b.int(1)], t)
    y = b.op("torch.aten.round", [y], t)
    return saturate_int(b, y, None, out)


def _q_output(b: Binder, x: ir.Value, y_zp: ir.Value | None) -> str:
    out = b.dtype(y_zp) if y_zp is not None else b.dtype(x)
    if out not in ("ui8", "si8"):
        raise Unsupported(f"output dtype {out} is not uint8 or int8")
    return out


def qlinear_matmul(b: Binder):
    """QLinearMatMul-10..21 -> MatMulInteger's si32 aten.matmul, rescaled in f64, aten.round,
    zero point, aten.clamp, aten.to.dtype (per tensor, per row of A / column of B scales)"""
    a, a_scale, a_zp = b.input(0), b.input(1), b.optional_input(2)
    w, w_scale, w_zp = b.input(3), b.input(4), b.optional_input(5)
    y_scale, y_zp = b.input(6), b.optional_input(7)
    for v in (a, w):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"operands must be 8-bit integers, got {b.dtype(v)}")
        if b.shape(v) is None:
            raise Unsupported("operand rank is unknown")
    out = _q_output(b, a, y_zp)
    a_rank, w_rank = len(b.shape(a)), len(b.shape(w))
    acc = matmul_nd(b, minus_zero_point(b, a, a_zp, 2, "a_zero_point"),
                    minus_zero_point(b, w, w_zp, 1, "b_zero_point"), "si32")
    a_scale = per_row_or_column(b, a_scale, a_rank, 2, "a_scale")
    w_scale = per_row_or_column(b, w_scale, w_rank, 1, "b_scale")
    if (a_rank == 1 or w_rank == 1) and (b.shape(a_scale) or b.shape(w_scale)):
        raise Unsupported("per-row or per-column scales with a 1-D operand")
    y_zp = None if y_zp is None else _one_value(b, y_zp, "y_zero_point")
    return _requantize(b, acc, a_scale, w_scale, _one_value(b, y_scale, "y_scale"), y_zp, out)


def qlinear_conv(b: Binder):
    """QLinearConv-10 -> ConvInteger's si32 aten.convolution (+ int32 bias), rescaled in f64,
    aten.round, zero point, aten.clamp, aten.to.dtype (per output channel w_scale/w_zero_point)"""
    x, x_scale, x_zp = b.input(0), b.input(1), b.optional_input(2)
    w, w_scale, w_zp = b.input(3), b.input(4), b.optional_input(5)
    y_scale, y_zp, bias = b.input(6), b.optional_input(7), b.optional_input(8)
    for v in (x, w):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"operands must be 8-bit integers, got {b.dtype(v)}")
    out = _q_output(b, x, y_zp)
    nd = convolution._spatial_rank(b, x, w)
    kernel, strides, dilations, group = convolution._conv_attrs(b, w, nd)
    begins, ends = convolution._conv_pads(b, x, kernel, strides, dilations, nd)
    xi, wi = emit.to_dtype(b, x, "si32"), emit.to_dtype(b, w, "si32")
    if x_zp is not None:
        zp = emit.to_dtype(b, _one_value(b, x_zp, "x_zero_point"), "si32")
        xi = b.op("torch.aten.sub.Tensor", [xi, zp, b.int(1)], b.vtensor(b.shape(xi), "si32"))

    def per_out_channel(v, what, trailing: int):
        """A scalar, or one value per output channel followed by `trailing` unit dims."""
        shape = b.shape(v)
        if shape is None or len(shape) > 1:
            raise Unsupported(f"{what} must be a scalar or 1-D")
        if not shape or shape == (1,):
            return _one_value(b, v, what)
        ones = [1] * trailing
        return emit.reshape(b, v, [-1] + ones, [shape[0]] + ones)

    if w_zp is not None:
        zp = emit.to_dtype(b, per_out_channel(w_zp, "w_zero_point", nd + 1), "si32")
        wi = b.op("torch.aten.sub.Tensor", [wi, zp, b.int(1)], b.vtensor(b.shape(wi), "si32"))
    # Padding after the zero point is subtracted adds exact zeros, as the reference does.
    xi, padding = convolution._pad_input(b, xi, begins, ends)
    if bias is not None and b.dtype(bias) != "si32":
        raise Unsupported(f"bias dtype {b.dtype(bias)} is not int32")
    acc = convolution._convolution(b, xi, wi, bias, strides, padding, dilations, group,
                              b.vtensor(b.shape(b.result_type()), "si32"))
    w_scale = per_out_channel(w_scale, "w_scale", nd)  # against [N, C, spatial...]
    y_zp = None if y_zp is None else _one_value(b, y_zp, "y_zero_point")
    return _requantize(b, acc, _one_value(b, x_scale, "x_scale"), w_scale,
                       _one_value(b, y_scale, "y_scale"), y_zp, out)


TABLE = [
    ("QLinearConv", 10, qlinear_conv),
    ("QLinearMatMul", 10, qlinear_matmul),
    ("QuantizeLinear", 10, quantize_linear),
]


def populate(registry) -> None:
    """Register QuantizeLinear, QLinearMatMul and QLinearConv."""
    register_table(registry, TABLE)
