"""Q-Z selection ops: TopK, Trilu, ReverseSequence, Unique."""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..g_to_p.gather import arange, as_i64, scalar_int

# Element types whose order torch cannot represent (torch-mlir compares them as signed).
_UNSIGNED_WIDE = ("ui16", "ui32", "ui64")


def top_k(b: Binder):
    """TopK-1..24 (k as attribute before 10, as input after; largest and sorted from 11)
    -> aten.topk."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    if elt in _UNSIGNED_WIDE:
        raise Unsupported(f"dtype {elt} has no torch equivalent (it would be ordered as signed)")
    axis = emit.normalize_axis(b.attr_int("axis", -1), len(shape))
    k = b.attr_int("k") if b.opset < 10 else scalar_int(b, b.input(1), "k")
    if isinstance(k, int) and k < 0:
        raise Unsupported(f"k {k} must not be negative")
    largest = b.attr_int("largest", 1) if b.opset >= 11 else 1
    # sorted=0 leaves the order unspecified, so the sorted order is a valid answer.
    out = list(shape)
    out[axis] = k if isinstance(k, int) else None
    return b.op_multi("torch.aten.topk",
                      [x, emit.int_value(b, k), b.int(axis), b.bool(bool(largest)), b.bool(True)],
                      [b.vtensor(out, elt), b.vtensor(out, "si64")])


def trilu(b: Binder):
    """Trilu-14 -> aten.triu / aten.tril (k, the diagonal offset, read with aten.item when it
    is a run-time input)."""
    x = b.input(0)
    if b.rank(x) < 2:
        raise Unsupported("input must have rank >= 2")
    k_t = b.optional_input(1)
    k = 0 if k_t is None else scalar_int(b, k_t, "k")
    name = "torch.aten.triu" if b.attr_int("upper", 1) else "torch.aten.tril"
    return b.op(name, [x, emit.int_value(b, k)], b.result_type())


def reverse_sequence(b: Binder):
    """ReverseSequence-10..28 -> aten.gather along the time axis with the positions
    where(t < len[batch], len[batch] - 1 - t, t) (aten.arange, aten.where.self, aten.expand)."""
    x, lens = b.input(0), b.input(1)
    shape = b.shape(x)
    if shape is None or len(shape) < 2:
        raise Unsupported("input must have rank >= 2")
    rank = len(shape)
    batch_axis = b.attr_int("batch_axis", 1)
    time_axis = b.attr_int("time_axis", 0)
    if sorted((batch_axis, time_axis)) != [0, 1]:
        raise Unsupported(f"batch_axis {batch_axis} and time_axis {time_axis} must be 0 and 1")
    dims = emit.dim_sizes(b, x)
    tshape = [1] * rank
    tshape[time_axis] = dims[time_axis]
    t = emit.reshape(b, arange(b, dims[time_axis]), tshape, emit.static_or_none(tshape))
    lshape = [1] * rank
    lshape[batch_axis] = dims[batch_axis]
    n = emit.reshape(b, as_i64(b, lens), lshape, emit.static_or_none(lshape))
    both = emit.broadcast_shape(b.shape(t), b.shape(n))
    inside = b.op("torch.aten.lt.Tensor", [t, n], b.vtensor(both, "i1"))
    back = b.op("torch.aten.sub.Tensor", [n, t, b.int(1)], b.vtensor(both, "si64"))
    back = b.op("torch.aten.sub.Scalar", [back, b.int(1), b.int(1)], b.vtensor(both, "si64"))
    pos = b.op("torch.aten.where.self", [inside, back, t], b.vtensor(both, "si64"))
    pos = b.op("torch.aten.expand", [pos, b.int_list(dims), b.bool(False)],
               b.vtensor(shape, "si64"))
    return b.op("torch.aten.gather", [x, b.int(time_axis), pos, b.bool(False)], b.result_type())


TABLE = [
    ("ReverseSequence", 10, reverse_sequence),
    ("TopK", 1, top_k),
    ("Trilu", 14, trilu),
]


def populate(registry) -> None:
    """Register the Q-Z selection patterns."""
    register_table(registry, TABLE)
