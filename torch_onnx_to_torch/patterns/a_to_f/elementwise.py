"""A-F elementwise ops: unary math (Abs, Acos...), Add, And, the bitwise ops and BitShift;
also the small A/B ops ArgMax/ArgMin, BatchNormalization and BitCast."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import binary, elementwise2, local, register_table, unary


@local
def abs_(b: Binder):
    """Abs-1..13 -> aten.abs (identity for unsigned types, which the lowering would treat as
    signed)"""
    x = b.input(0)
    if b.dtype(x) in dtypes.UNSIGNED_INT_TYPES:
        return x
    return b.op("torch.aten.abs", [x], b.result_type())


@local
def bitwise_not(b: Binder):
    """BitwiseNot-18 -> aten.bitwise_not"""
    return b.op("torch.aten.bitwise_not", [b.input(0)], b.result_type())




def bitshift(b: Binder):
    """BitShift-11..28 -> aten.bitwise_{left,right}_shift.Tensor, with shift amounts outside
    [0, bits) giving the sign fill (aten.where) as BitShift-28 defines (ui8/ui16/ui32: the
    amount compared as si64, zeros from aten.bitwise_xor.Tensor)."""
    x, y = b.input(0), b.input(1)
    direction = b.attr_str("direction")
    if direction not in ("LEFT", "RIGHT"):
        raise Unsupported(f"unknown direction '{direction}'")
    elt = b.dtype(x)
    if elt != b.dtype(y) or elt not in dtypes.INT_BITS:
        raise Unsupported(f"operands must be one integer dtype, got {elt} and {b.dtype(y)}")
    bits = dtypes.INT_BITS[elt]
    aten = ("torch.aten.bitwise_left_shift.Tensor" if direction == "LEFT"
            else "torch.aten.bitwise_right_shift.Tensor")
    # A shift by >= bits (or < 0) is poison in the lowering (arith.shli/shrsi), so the shift
    # amount is made valid first. An arithmetic right shift by bits-1 is exactly the sign fill.
    mask_type = emit.like(b, y, "i1")
    if elt in ("ui8", "ui16", "ui32"):
        # No unsigned literal: TOSA makes a tosa.const of a ui8/ui32 literal whose attribute
        # and result types differ (invalid IR), and torch has no ui32 dtype to cast to. The
        # amount is compared as si64; the zero is y ^ y.
        wide = emit.to_dtype(b, y, "si64")
        valid = b.op("torch.aten.lt.Tensor", [wide, emit.scalar_tensor(b, bits, "si64")],
                     mask_type)
        zero = b.op("torch.aten.bitwise_xor.Tensor", [y, y], emit.like(b, y, elt))
        safe_y = b.op("torch.aten.where.self", [valid, y, zero], emit.like(b, y, elt))
        out = b.op(aten, [x, safe_y], b.result_type())
        return b.op("torch.aten.where.self", [valid, out, zero], b.result_type())
    # ui64 (which si64 cannot hold) meets only tensors of its own dtype: the lowering has no
    # scalar conversion for it.
    valid = b.op("torch.aten.lt.Tensor", [y, emit.scalar_tensor(b, bits, elt)], mask_type)
    if elt.startswith("si"):
        ge0 = b.op("torch.aten.ge.Tensor", [y, emit.scalar_tensor(b, 0, elt)], mask_type)
        valid = b.op("torch.aten.logical_and", [ge0, valid], mask_type)
    sign_fill = direction == "RIGHT" and elt.startswith("si")
    fill = emit.scalar_tensor(b, bits - 1 if sign_fill else 0, elt)
    safe_y = b.op("torch.aten.where.self", [valid, y, fill], emit.like(b, y, elt))
    out = b.op(aten, [x, safe_y], b.result_type())
    if sign_fill:
        return out
    return b.op("torch.aten.where.self", [valid, out, emit.scalar_tensor(b, 0, elt)],
                b.result_type())


def argmax(b: Binder):
    """ArgMax-1..13 -> aten.argmax (+ aten.flip and aten.rsub for select_last_index)"""
    return _arg_reduce(b, "torch.aten.argmax")


def argmin(b: Binder):
    """ArgMin-1..13 -> aten.argmin (+ aten.flip and aten.rsub for select_last_index)"""
    return _arg_reduce(b, "torch.aten.argmin")


def _arg_reduce(b: Binder, aten: str):
    x = b.input(0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", 0), max(rank, 1))
    keepdims = bool(b.attr_int("keepdims", 1))
    last = b.opset >= 12 and bool(b.attr_int("select_last_index", 0))
    if rank == 0:
        raise Unsupported("input is a scalar (rank 0)")
    out = b.result_type()
    if not last:
        return b.op(aten, [x, b.int(axis), b.bool(keepdims)], out)
    # The first extreme of the reversed axis is the last one of the original.
    flipped = b.op("torch.aten.flip", [x, b.int_list([axis])], x.type)
    idx = b.op(aten, [flipped, b.int(axis), b.bool(keepdims)], out)
    n = b.shape(x)[axis]
    last_index = (b.int(n - 1) if n is not None else
                  b.op("torch.aten.sub.int", [emit.size(b, x, axis), b.int(1)], b.types.int))
    return b.op("torch.aten.rsub.Scalar", [idx, last_index, b.int(1)], out)


def batch_normalization(b: Binder):
    """BatchNormalization-1..15 -> aten.batch_norm; training mode computes the batch statistics
    (aten.mean.dim, aten.var.dim) and the running-statistics updates; spatial=0 (before opset 9)
    -> elementwise arithmetic."""
    x, scale, bias, mean, var = (b.input(i) for i in range(5))
    eps = b.attr_float("epsilon", 1e-5)
    momentum = b.attr_float("momentum", 0.9)
    if b.opset >= 14:
        training = bool(b.attr_int("training_mode", 0))
    else:
        # Before opset 14 the mode is given by the outputs asked for (and is_test before 7).
        training = b.num_results > 1 and (b.opset >= 7 or not b.attr_int("is_test", 0))
    spatial = b.opset >= 9 or bool(b.attr_int("spatial", 1))
    rank = b.rank(x)
    if rank < 2:
        raise Unsupported(f"input rank {rank} has no channel dimension")
    xe = b.dtype(x)
    if not dtypes.is_float(xe):
        raise Unsupported(f"input dtype {xe} is not a float type")
    if training:
        # Statistics are accumulated in f32 for half-precision inputs (BatchNormalization-15).
        acc = "f32" if xe in ("f16", "bf16") else xe
        xs = emit.to_dtype(b, x, acc)
        dims = [0] + (list(range(2, rank)) if spatial else [])
        stat_shape = [b.shape(x)[1]] if spatial else list(b.shape(x)[1:])
        dl, f = b.int_list(dims), b.bool(False)
        cur_mean = b.op("torch.aten.mean.dim", [xs, dl, f, b.none()], b.vtensor(stat_shape, acc))
        cur_var = b.op("torch.aten.var.dim", [xs, dl, f, f], b.vtensor(stat_shape, acc))
        norm_mean, norm_var = cur_mean, cur_var
    else:
        norm_mean, norm_var = mean, var
    if spatial:
        params = [emit.to_dtype(b, v, xe) for v in (scale, bias, norm_mean, norm_var)]
        f = b.bool(False)
        y = b.op("torch.aten.batch_norm",
                 [x, *params, f, b.float(momentum), b.float(eps), f], b.result_type(0))
    else:
        y = _batch_norm_elementwise(b, x, scale, bias, norm_mean, norm_var, eps)
    outs = [y] + [None] * (b.num_results - 1)
    if not training:
        return outs
    for i, (given, cur) in enumerate(((mean, cur_mean), (var, cur_var)), start=1):
        if i >= b.num_results:
            break
        given_t = given.type
        kept = b.op("torch.aten.mul.Scalar", [given, b.float(momentum)], given_t)
        new = b.op("torch.aten.mul.Scalar", [emit.to_dtype(b, cur, b.dtype(given)),
                                              b.float(1.0 - momentum)], given_t)
        outs[i] = b.op("torch.aten.add.Tensor", [kept, new, b.int(1)], given_t)
    if b.opset < 14 and b.num_results > 3:
        outs[3] = emit.to_dtype(b, cur_mean, xe)
        # outs[4] (saved_var) stays None: implementations disagree on whether it holds the
        # variance or the inverse standard deviation, so a use of it declines.
    return outs


def _batch_norm_elementwise(b: Binder, x, scale, bias, mean, var, eps):
    """(x - mean) / sqrt(var + eps) * scale + bias, parameters shaped like x without N."""
    xt, xe = x.type, b.dtype(x)
    scale, bias, mean, var = (emit.to_dtype(b, v, xe) for v in (scale, bias, mean, var))
    pt = var.type
    std = b.op("torch.aten.sqrt", [b.op("torch.aten.add.Scalar", [var, b.float(eps), b.int(1)],
                                        pt)], pt)
    centered = b.op("torch.aten.sub.Tensor", [x, mean, b.int(1)], xt)
    normed = b.op("torch.aten.div.Tensor", [centered, std], xt)
    scaled = b.op("torch.aten.mul.Tensor", [normed, scale], xt)
    return b.op("torch.aten.add.Tensor", [scaled, bias, b.int(1)], b.result_type(0))


_BYTES = {"i1": 1, "ui8": 1, "si8": 1, "si16": 2, "ui16": 2, "f16": 2, "bf16": 2, "si32": 4,
          "ui32": 4, "f32": 4, "si64": 8, "ui64": 8, "f64": 8, "complex<f32>": 8,
          "complex<f64>": 16}


def bitcast(b: Binder):
    """BitCast-26 -> aten.view.dtype (same element width; the shape is kept)."""
    x = b.input(0)
    to = b.attr_int("to")
    target = dtypes.onnx_to_mlir(to)
    src = b.dtype(x)
    if target is None:
        raise Unsupported(f"unknown target dtype {to}")
    if src not in _BYTES or target not in _BYTES:
        raise Unsupported(f"bitcast from {src} to {target}: sub-byte, float8 and string "
                          "element types are not supported")
    if _BYTES[src] != _BYTES[target]:
        raise Unsupported(f"{src} and {target} differ in width")
    if src == target:
        return x
    code = b.int(b.torch_dtype_of(target))
    if b.shape(x) == ():
        # The lowering of a rank-0 view.dtype crashes iree-compile; go through rank 1.
        one = b.op("torch.aten.view.dtype", [emit.unsqueeze(b, x, 0), code],
                   b.vtensor([1], target))
        return b.op("torch.aten.squeeze.dim", [one, b.int(0)], b.result_type())
    return b.op("torch.aten.view.dtype", [x, code], b.result_type())


TABLE = [
    ("Abs", 1, abs_),
    ("Acos", 7, unary("torch.aten.acos", "Acos", "7..22")),
    ("Acosh", 9, unary("torch.aten.acosh", "Acosh", "9..22")),
    ("Add", 1, binary("add", "Add", "1..14")),
    ("And", 1, elementwise2("torch.aten.logical_and", "And", "1..7", bool_only=True)),
    ("ArgMax", 1, argmax),
    ("ArgMin", 1, argmin),
    ("Asin", 7, unary("torch.aten.asin", "Asin", "7..22")),
    ("Asinh", 9, unary("torch.aten.asinh", "Asinh", "9..22")),
    ("Atan", 7, unary("torch.aten.atan", "Atan", "7..22")),
    ("Atanh", 9, unary("torch.aten.atanh", "Atanh", "9..22")),
    ("BatchNormalization", 1, batch_normalization),
    ("BitCast", 26, bitcast),
    ("BitShift", 11, bitshift),
    ("BitwiseAnd", 18, elementwise2("torch.aten.bitwise_and.Tensor", "BitwiseAnd", "18")),
    ("BitwiseNot", 18, bitwise_not),
    ("BitwiseOr", 18, elementwise2("torch.aten.bitwise_or.Tensor", "BitwiseOr", "18")),
    ("BitwiseXor", 18, elementwise2("torch.aten.bitwise_xor.Tensor", "BitwiseXor", "18")),
]


def populate(registry) -> None:
    """Register the A-B patterns."""
    register_table(registry, TABLE)
