"""Q-Z scatter ops: Scatter, ScatterElements, ScatterND, TensorScatter."""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

# ONNX reduction -> aten.scatter_reduce.two reduce (include_self=True); "none" is scatter.src.
_REDUCE = {"add": "sum", "mul": "prod", "max": "amax", "min": "amin"}


def _reduction(b: Binder) -> str:
    """The `reduction` attribute where the op has it (from 16; max and min from 18)."""
    if b.opset < 16:
        return "none"
    red = b.attr_str("reduction", "none")
    allowed = ("none", "add", "mul") + (("max", "min") if b.opset >= 18 else ())
    if red not in allowed:
        raise Unsupported(f"unknown reduction '{red}'")
    return red


def _scatter(b: Binder, data: ir.Value, axis: int, idx: ir.Value, src: ir.Value, red: str,
             result: ir.Type) -> ir.Value:
    """aten.scatter.src, or aten.scatter_reduce.two for a reduction."""
    if red == "none":
        return b.op("torch.aten.scatter.src", [data, b.int(axis), idx, src], result)
    if red in ("add", "mul") and b.dtype(data) == "i1":
        raise Unsupported(f"reduction '{red}' on bool data")
    return b.op("torch.aten.scatter_reduce.two",
                [data, b.int(axis), idx, src, b.str(_REDUCE[red]), b.bool(True)], result)


def scatter_elements(b: Binder):
    """Scatter-9..11, ScatterElements-11..18 (reduction add/mul from 16, max/min from 18)
    -> aten.scatter.src / aten.scatter_reduce.two (negative indices wrapped with aten.where)."""
    data, idx, upd = b.input(0), b.input(1), b.input(2)
    emit.reject_strings(b, data)
    rank = b.rank(data)
    if b.rank(idx) != rank or b.rank(upd) != rank:
        raise Unsupported("data, indices and updates ranks differ")
    axis = emit.normalize_axis(b.attr_int("axis", 0), rank)
    red = _reduction(b) if b.name == "onnx.ScatterElements" else "none"
    idx = emit.wrap_negative(b, idx, emit.dim_sizes(b, data)[axis])
    return _scatter(b, data, axis, idx, upd, red, b.result_type())


def scatter_nd(b: Binder):
    """ScatterND-11..18 (reduction add/mul from 16, max/min from 18) -> the index tuples as
    linear row numbers, aten.scatter.src / aten.scatter_reduce.two along dim 0 of the data
    reshaped to [rows, rest] (aten.reshape, aten.expand)."""
    data, idx, upd = b.input(0), b.input(1), b.input(2)
    emit.reject_strings(b, data)
    dshape = b.shape(data)
    ishape = b.shape(idx)
    if dshape is None or ishape is None or b.shape(upd) is None:
        raise Unsupported("operand rank is unknown")
    k = ishape[-1] if ishape else None
    if k is None:
        raise Unsupported("the last dim of indices must be static")
    if not 1 <= k <= len(dshape):
        raise Unsupported(f"index tuples of length {k} do not fit data rank {len(dshape)}")
    red = _reduction(b)
    dims = emit.dim_sizes(b, data)
    q = len(ishape)
    lead = list(ishape[:-1])
    idx = emit.as_i64(b, idx)
    lin = None
    for j in range(k):
        col = b.op("torch.aten.select.int", [idx, b.int(q - 1), b.int(j)], b.vtensor(lead, "si64"))
        col = emit.wrap_negative(b, col, dims[j])
        stride = emit.int_prod(b, dims[j + 1:k])
        if not (isinstance(stride, int) and stride == 1):
            col = b.op("torch.aten.mul.Scalar", [col, emit.int_value(b, stride)],
                       b.vtensor(lead, "si64"))
        lin = col if lin is None else b.op("torch.aten.add.Tensor", [lin, col, b.int(1)],
                                           b.vtensor(lead, "si64"))
    rows = emit.int_prod(b, dims[:k])
    rest = emit.int_prod(b, dims[k:])
    m = emit.int_prod(b, emit.dim_sizes(b, idx)[:-1])
    lin = emit.reshape(b, lin, [m, 1], emit.static_or_none([m, 1]))
    lin = b.op("torch.aten.expand", [lin, b.int_list([m, rest]), b.bool(False)],
               b.vtensor(emit.static_or_none([m, rest]), "si64"))
    flat = emit.reshape(b, data, [rows, rest], emit.static_or_none([rows, rest]))
    src = emit.reshape(b, upd, [m, rest], emit.static_or_none([m, rest]))
    out = _scatter(b, flat, 0, lin, src, red, emit.like(b, flat))
    return emit.reshape(b, out, dims, list(dshape))


def tensor_scatter(b: Binder):
    """TensorScatter-24 (modes linear and circular) -> aten.scatter.src along the sequence axis,
    with the positions write_indices[batch] + arange(sequence_length) (aten.remainder.Scalar
    for circular)."""
    past, upd = b.input(0), b.input(1)
    emit.reject_strings(b, past)
    wi = b.optional_input(2)
    pshape = b.shape(past)
    ushape = b.shape(upd)
    if pshape is None or ushape is None or len(pshape) != len(ushape):
        raise Unsupported("past_cache and update must have the same known rank")
    rank = len(pshape)
    axis = emit.normalize_axis(b.attr_int("axis", -2), rank)
    if axis == 0:
        raise Unsupported("axis must not be the batch dim 0")
    mode = b.attr_str("mode", "linear")
    if mode not in ("linear", "circular"):
        raise Unsupported(f"unknown mode '{mode}'")
    udims = emit.dim_sizes(b, upd)
    shape = [1] * rank
    shape[axis] = udims[axis]
    pos = emit.reshape(b, emit.arange(b, udims[axis]), shape, emit.static_or_none(shape))
    if wi is not None:
        shape = [1] * rank
        shape[0] = udims[0]
        start = emit.reshape(b, emit.as_i64(b, wi), shape, emit.static_or_none(shape))
        bshape = emit.broadcast_shape(b.shape(start), b.shape(pos))
        pos = b.op("torch.aten.add.Tensor", [pos, start, b.int(1)], b.vtensor(bshape, "si64"))
    if mode == "circular":
        max_len = emit.int_value(b, emit.dim_sizes(b, past)[axis])
        pos = b.op("torch.aten.remainder.Scalar", [pos, max_len], emit.like(b, pos))
    pos = b.op("torch.aten.expand", [pos, b.int_list(udims), b.bool(False)],
               b.vtensor(ushape, "si64"))
    return b.op("torch.aten.scatter.src", [past, b.int(axis), pos, upd], b.result_type())


TABLE = [
    ("Scatter", 9, scatter_elements),
    ("ScatterElements", 11, scatter_elements),
    ("ScatterND", 11, scatter_nd),
    ("TensorScatter", 24, tensor_scatter),
]


def populate(registry) -> None:
    """Register the Q-Z scatter patterns."""
    register_table(registry, TABLE)
