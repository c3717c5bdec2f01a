"""DequantizeLinear and DynamicQuantizeLinear as plain float arithmetic.

No torch quantized types are used: `(x - zero_point) * scale` and the DynamicQuantizeLinear
formulas are written with to.dtype / sub / mul / round / clamp, which lower everywhere and keep
the exact ONNX semantics (float32 arithmetic, round half to even, uint8 saturation).
"""

from __future__ import annotations

import math

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from .casts import cast_to

# Element types torch has no tensor for, or whose ONNX semantics (float8 bit patterns,
# sub-byte packing) we do not express.
_DECLINED_X = {
    "ui4": "4-bit integer", "si4": "4-bit integer", "ui2": "2-bit integer", "si2": "2-bit integer",
    "f4E2M1FN": "float4", "f8E8M0FNU": "float8",
}
_INTEGER_X = ("si8", "ui8", "si16", "ui16", "si32")
# float8 inputs are decoded to f32 with Cast's semantics (NaN kept), then scaled.
_FLOAT8_X = ("f8E4M3FN", "f8E4M3FNUZ", "f8E5M2", "f8E5M2FNUZ")


def per_element(b: Binder, v: ir.Value, x: ir.Value, axis: int, block: int, what: str
                 ) -> ir.Value:
    """`v` (a scale or zero point) reshaped or replicated so that it broadcasts against `x`."""
    shape = b.shape(v)
    x_shape = b.shape(x)
    if shape is None:
        raise Unsupported(f"{what} rank is unknown")
    rank = len(x_shape)
    if shape == () or (None not in shape and math.prod(shape) == 1):
        return v if shape == () else emit.reshape(b, v, [], [])  # per tensor
    if block == 0:
        if len(shape) != 1:
            raise Unsupported(f"per-axis {what} must be 1-D, got rank {len(shape)}")
        dims = [1] * rank
        dims[axis] = shape[0] if shape[0] is not None else emit.size(b, v, 0)
        return emit.reshape(b, v, dims, emit.static_or_none(dims))
    # Blocked: each entry along `axis` covers `block` consecutive elements of x; the last
    # block may be partial.
    if len(shape) != rank:
        raise Unsupported(f"blocked {what} must have the rank of the input")
    sizes = emit.dim_sizes(b, v)
    elt = b.dtype(v)
    wide = emit.unsqueeze(b, v, axis + 1)
    target = sizes[:axis + 1] + [block] + sizes[axis + 1:]
    wide = b.op("torch.aten.broadcast_to", [wide, b.int_list(target)],
                b.vtensor(emit.static_or_none(target), elt))
    nb = sizes[axis]
    flat = sizes[:axis] + [nb * block if isinstance(nb, int) else
                           b.op("torch.aten.mul.int", [nb, b.int(block)], b.types.int)] + \
        sizes[axis + 1:]
    wide = emit.reshape(b, wide, flat, emit.static_or_none(flat))
    x_dims = emit.dim_sizes(b, x)
    end = x_dims[axis]
    out = list(emit.static_or_none(flat))
    out[axis] = end if isinstance(end, int) else None
    return b.op("torch.aten.slice.Tensor",
                [wide, b.int(axis), b.int(0), end if isinstance(end, ir.Value) else b.int(end),
                 b.int(1)], b.vtensor(out, elt))


def granularity(b: Binder, rank: int, scale: ir.Value, zp: ir.Value | None) -> tuple[int, int]:
    """(axis, block_size) of a QuantizeLinear / DequantizeLinear, from the attributes its
    version has; the axis is normalized when there is more than one scale."""
    axis = b.attr_int("axis", 1) if b.opset >= 13 else 1
    block = b.attr_int("block_size", 0) if b.opset >= 21 else 0
    if block < 0:
        raise Unsupported(f"block_size {block} must not be negative")
    per_tensor = all(s is not None and None not in s and math.prod(s) == 1 for s in
                     [b.shape(scale)] + ([b.shape(zp)] if zp is not None else []))
    if not per_tensor:  # the axis only matters when there is more than one scale
        axis = emit.normalize_axis(axis, rank)
    return axis, block


def dequantize_linear(b: Binder):
    """DequantizeLinear-10..28 -> (aten.to.dtype(x) - zero_point) * scale in f32, aten.to.dtype

    Per tensor, per axis and blocked; int8/uint8/int16/uint16/int32 and float8 inputs;
    output_dtype.
    """
    x, scale, zp = b.input(0), b.input(1), b.optional_input(2)
    x_shape, x_elt = b.tensor_info(x)
    if x_shape is None:
        raise Unsupported("input rank is unknown")
    if x_elt in _DECLINED_X:
        raise Unsupported(f"{_DECLINED_X[x_elt]} input ({x_elt}) is not supported")
    if x_elt not in _INTEGER_X and x_elt not in _FLOAT8_X:
        raise Unsupported(f"input dtype {x_elt} is not a quantized integer or float8 type")
    s_elt = b.dtype(scale)
    if s_elt not in ("f32", "f16", "bf16"):
        raise Unsupported(f"scale dtype {s_elt} is not supported")
    out_elt = b.dtype(b.result_type())
    if out_elt not in ("f32", "f16", "bf16"):
        raise Unsupported(f"output dtype {out_elt} is not supported")
    axis, block = granularity(b, len(x_shape), scale, zp)
    # float8 needs Cast's decoding; integer inputs (ui16 included) widen directly.
    widen = (lambda v: cast_to(b, v, "f32", False)) if x_elt in _FLOAT8_X else \
        (lambda v: emit.to_dtype(b, v, "f32"))
    y = widen(x)
    f32 = b.vtensor(x_shape, "f32")
    if zp is not None:
        if b.dtype(zp) != x_elt:
            raise Unsupported(f"zero point dtype {b.dtype(zp)} differs from input {x_elt}")
        zp = widen(per_element(b, zp, x, axis, block, "zero point"))
        y = b.op("torch.aten.sub.Tensor", [y, zp, b.int(1)], f32)
    scale = emit.to_dtype(b, per_element(b, scale, x, axis, block, "scale"), "f32")
    y = b.op("torch.aten.mul.Tensor", [y, scale], f32)
    return emit.to_dtype(b, y, out_elt)


def dynamic_quantize_linear(b: Binder):
    """DynamicQuantizeLinear-11 -> aten.max/min/div/round/clamp, aten.to.dtype (uint8)

    Three outputs (y, y_scale, y_zero_point); aten.round rounds half to even.
    """
    x = b.input(0)
    x_shape, elt = b.tensor_info(x)
    if elt != "f32":
        raise Unsupported(f"input dtype {elt} is not float32")
    scalar = b.vtensor([], "f32")
    f32 = b.vtensor(x_shape, "f32")
    hi = b.op("torch.aten.clamp_min", [b.op("torch.aten.max", [x], scalar), b.float(0.0)],
              scalar)
    lo = b.op("torch.aten.clamp_max", [b.op("torch.aten.min", [x], scalar), b.float(0.0)],
              scalar)
    span = b.op("torch.aten.sub.Tensor", [hi, lo, b.int(1)], scalar)
    # An all-zero input has no range; ONNX then uses a span of 1.
    empty = b.op("torch.aten.eq.Scalar", [span, b.float(0.0)], b.vtensor([], "i1"))
    span = b.op("torch.aten.where.ScalarSelf", [empty, b.float(1.0), span], scalar)
    scale = b.op("torch.aten.div.Scalar", [span, b.float(255.0)], scalar)
    zp = b.op("torch.aten.div.Tensor", [lo, scale], scalar)
    zp = b.op("torch.aten.neg", [zp], scalar)
    zp = b.op("torch.aten.clamp", [zp, b.float(0.0), b.float(255.0)], scalar)
    zp = b.op("torch.aten.round", [zp], scalar)
    y = b.op("torch.aten.div.Tensor", [x, scale], f32)
    y = b.op("torch.aten.round", [y], f32)
    y = b.op("torch.aten.add.Tensor", [y, zp, b.int(1)], f32)
    y = b.op("torch.aten.clamp", [y, b.float(0.0), b.float(255.0)], f32)
    return [_to_uint8(b, y), scale, _to_uint8(b, zp)]


def _to_uint8(b: Binder, v: ir.Value) -> ir.Value:
    """A float tensor holding integers in [0, 255] as uint8.

    Through int32: torch-mlir converts float to uint8 with a signed conversion, which
    saturates at 127.
    """
    return emit.to_dtype(b, emit.to_dtype(b, v, "si32"), "ui8")


TABLE = [
    ("DequantizeLinear", 10, dequantize_linear),
    ("DynamicQuantizeLinear", 11, dynamic_quantize_linear),
]


def populate(registry) -> None:
    """Register DequantizeLinear and DynamicQuantizeLinear."""
    register_table(registry, TABLE)
