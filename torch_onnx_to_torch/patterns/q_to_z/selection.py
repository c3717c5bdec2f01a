"""Q-Z selection ops: TopK, Trilu, ReverseSequence, Unique."""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..g_to_p.gather import flatten, scalar_int

# Element types whose order torch cannot represent (torch-mlir compares them as signed).
_UNSIGNED_WIDE = ("ui16", "ui32", "ui64")


def top_k(b: Binder):
    """TopK-1..24 (k as attribute before 10, as input after, a run-time k taken from the declared
    result where static; largest and sorted from 11) -> aten.topk."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    if elt in _UNSIGNED_WIDE:
        raise Unsupported(f"dtype {elt} has no torch equivalent (it would be ordered as signed)")
    axis = emit.normalize_axis(b.attr_int("axis", -1), len(shape))
    declared = b.shape(b.result_type(0))
    if b.opset >= 10 and b.const_value(b.input(1)) is None and declared is not None and \
            len(declared) == len(shape) and declared[axis] is not None:
        # The declared result gives k: no aten.item (TOSA and StableHLO cannot lower it).
        k = declared[axis]
    else:
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
    """Trilu-14 -> aten.triu / aten.tril; a run-time k (the diagonal offset) -> aten.where.self
    of a col - row >= k (or <= k) mask from aten.arange."""
    x = b.input(0)
    emit.reject_strings(b, x)
    if b.rank(x) < 2:
        raise Unsupported("input must have rank >= 2")
    k_t = b.optional_input(1)
    upper = b.attr_int("upper", 1)
    if k_t is not None and b.const_value(k_t) is None:
        if 0 in (b.shape(x) or ()):
            return x  # no elements: nothing to zero (and iree-compile crashes on the mask)
        return _trilu_mask(b, x, k_t, upper)
    k = 0 if k_t is None else scalar_int(b, k_t, "k")
    name = "torch.aten.triu" if upper else "torch.aten.tril"
    return b.op(name, [x, emit.int_value(b, k)], b.result_type())


def _trilu_mask(b: Binder, x, k_t, upper: int):
    """Trilu by a run-time k kept as a tensor: x where (col - row >= k) (upper) or
    (col - row <= k), else 0. aten.triu/tril take k as an int, whose aten.item read TOSA and
    StableHLO cannot lower."""
    kshape = b.shape(k_t)
    if b.dtype(k_t) != "si64" or kshape is None or tuple(kshape) not in ((), (1,)):
        raise Unsupported(f"k must be one si64 value, got {b.dtype(k_t)} {b.shape(k_t)}")
    dims = emit.dim_sizes(b, x)
    rows, cols = dims[-2], dims[-1]
    r = emit.reshape(b, emit.arange(b, rows), [rows, 1], emit.static_or_none([rows, 1]))
    c = emit.reshape(b, emit.arange(b, cols), [1, cols], emit.static_or_none([1, cols]))
    plane = emit.static_or_none([rows, cols])
    diff = b.op("torch.aten.sub.Tensor", [c, r, b.int(1)], b.vtensor(plane, "si64"))
    cmp = "torch.aten.ge.Tensor" if upper else "torch.aten.le.Tensor"
    keep = b.op(cmp, [diff, k_t], b.vtensor(plane, "i1"))
    zero = emit.scalar_tensor(b, 0, b.dtype(x))
    return b.op("torch.aten.where.self", [keep, x, zero], b.result_type())


def reverse_sequence(b: Binder):
    """ReverseSequence-10..28 -> aten.gather along the time axis with the positions
    where(t < len[batch], len[batch] - 1 - t, t) (aten.arange, aten.where.self, aten.expand)."""
    x, lens = b.input(0), b.input(1)
    emit.reject_strings(b, x)
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
    t = emit.reshape(b, emit.arange(b, dims[time_axis]), tshape, emit.static_or_none(tshape))
    lshape = [1] * rank
    lshape[batch_axis] = dims[batch_axis]
    n = emit.reshape(b, emit.as_i64(b, lens), lshape, emit.static_or_none(lshape))
    both = emit.broadcast_shape(b.shape(t), b.shape(n))
    inside = b.op("torch.aten.lt.Tensor", [t, n], b.vtensor(both, "i1"))
    back = b.op("torch.aten.sub.Tensor", [n, t, b.int(1)], b.vtensor(both, "si64"))
    back = b.op("torch.aten.sub.Scalar", [back, b.int(1), b.int(1)], b.vtensor(both, "si64"))
    pos = b.op("torch.aten.where.self", [inside, back, t], b.vtensor(both, "si64"))
    pos = b.op("torch.aten.expand", [pos, b.int_list(dims), b.bool(False)],
               b.vtensor(shape, "si64"))
    return b.op("torch.aten.gather", [x, b.int(time_axis), pos, b.bool(False)], b.result_type())


# The pairwise row comparison of Unique with an axis builds [rows, rows, row_size] tensors.
_MAX_PAIRWISE = 1 << 24


class _Ops:
    """Terse builders for the many small si64 / bool ops of Unique."""

    def __init__(self, b: Binder):
        self.b = b
        self.i64 = b.torch_dtype_of("si64")

    def t(self, shape, elt="si64"):
        return self.b.vtensor(shape, elt)

    def cast(self, v, elt="si64"):
        return emit.to_dtype(self.b, v, elt)

    def sum(self, v, dim, shape):
        b = self.b
        return b.op("torch.aten.sum.dim_IntList", [self.cast(v), b.int_list([dim]), b.bool(False),
                                                   b.none()], self.t(shape))

    def cumsum(self, v, dim):
        b = self.b
        return b.op("torch.aten.cumsum", [self.cast(v), b.int(dim), b.none()],
                    self.t(b.shape(v)))

    def take(self, v, idx, dim=0):
        b = self.b
        shape, elt = b.tensor_info(v)
        out = list(shape)
        out[dim] = b.shape(idx)[0]
        return b.op("torch.aten.index_select", [v, b.int(dim), idx], b.vtensor(out, elt))

    def filled(self, n, value):
        b = self.b
        none = b.none()
        return b.op("torch.aten.full", [b.int_list([n]), emit.int_value(b, value),
                                        b.int(self.i64), none, none, none],
                    self.t([n if isinstance(n, int) else None]))

    def sort(self, v):
        """Ascending aten.sort of a 1-D tensor: (values, indices)."""
        b = self.b
        shape, elt = b.tensor_info(v)
        return b.op_multi("torch.aten.sort", [v, b.int(0), b.bool(False)],
                          [b.vtensor(shape, elt), self.t(shape)])

    def positions(self, mask):
        """The positions of the true entries of a 1-D mask (aten.nonzero), as [?]."""
        b = self.b
        found = b.op("torch.aten.nonzero", [mask], self.t([None, 1]))
        return emit.reshape(b, found, [-1], [None])


def unique(b: Binder):
    """Unique-11..28 (sorted or in first-occurrence order; flattened or along an axis; all four
    outputs) -> flattened: aten.sort, aten.ne.Tensor of neighbours, aten.cumsum group ids,
    aten.nonzero for the group starts, sorted composite keys for first index and inverse;
    along an axis: pairwise row comparison (aten.ne.Tensor / aten.lt.Tensor with aten.cumsum
    for the lexicographic order), aten.amin, aten.nonzero, aten.sort, aten.index_select."""
    x = b.input(0)
    emit.reject_strings(b, x)
    shape = b.shape(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    if b.dtype(x) in _UNSIGNED_WIDE:
        raise Unsupported(f"dtype {b.dtype(x)} has no torch equivalent")
    is_sorted = b.attr_int("sorted", 1)
    if b.has_attr("axis"):
        outs = _unique_axis(b, x, emit.normalize_axis(b.attr_int("axis"), len(shape)),
                            is_sorted)
    else:
        outs = _unique_flat(b, x, is_sorted)
    return outs[:b.num_results]


def _unique_flat(b: Binder, x, is_sorted: int):
    # Every step is a sort or a gather: IREE miscompiles several scatters into equal splat
    # tensors (they get one buffer), so no aten.scatter* is used here.
    o = _Ops(b)
    elt = b.dtype(x)
    flat = flatten(b, x)
    n = emit.size(b, flat, 0)
    if isinstance(n, int) and n == 0:
        raise Unsupported("empty input")
    nt = b.shape(flat)
    vals, perm = o.sort(flat)
    one = b.int(1)
    prev = b.op("torch.aten.slice.Tensor", [vals, b.int(0), b.int(0), b.int(-1), one],
                o.t([None], elt))
    nxt = b.op("torch.aten.slice.Tensor", [vals, b.int(0), one, emit.int_value(b, n), one],
               o.t([None], elt))
    step = b.op("torch.aten.ne.Tensor", [nxt, prev], o.t([None], "i1"))
    head = emit.array_literal(b, [True], "i1")
    is_new = b.op("torch.aten.cat", [b.tensor_list([head, step]), b.int(0)], o.t(nt, "i1"))
    gid = b.op("torch.aten.sub.Scalar", [o.cumsum(is_new, 0), one, one], o.t(nt))
    starts = o.positions(is_new)
    y = o.take(vals, starts)
    # counts: distance to the next group start (or to the end)
    ends = b.op("torch.aten.slice.Tensor", [starts, b.int(0), one, emit.int_value(
        b, emit.size(b, starts, 0)), one], o.t([None]))
    ends = b.op("torch.aten.cat", [b.tensor_list([ends, emit.reshape(
        b, o.filled(1, n), [1], [1])]), b.int(0)], o.t([None]))
    counts = b.op("torch.aten.sub.Tensor", [ends, starts, one], o.t([None]))
    # first occurrence: the smallest original index of a group, read after sorting the
    # distinct keys gid * n + perm (the sort need not be stable)
    key = b.op("torch.aten.mul.Scalar", [gid, emit.int_value(b, n)], o.t(nt))
    key = b.op("torch.aten.add.Tensor", [key, perm, one], o.t(nt))
    key = o.sort(key)[0]
    first = b.op("torch.aten.remainder.Scalar", [o.take(key, starts), emit.int_value(b, n)],
                 o.t([None]))
    # inverse: gid in original order, read from the sorted keys perm * n + gid. (Not from the
    # indices of a sort of perm: IREE cannot compile a dynamically sized sort whose values are
    # unused, an unbounded stack allocation.)
    key = b.op("torch.aten.mul.Scalar", [perm, emit.int_value(b, n)], o.t(nt))
    key = b.op("torch.aten.add.Tensor", [key, gid, one], o.t(nt))
    inverse = b.op("torch.aten.remainder.Scalar", [o.sort(key)[0], emit.int_value(b, n)],
                   o.t(nt))
    if not is_sorted:
        # In original positions: which ones are first occurrences; their running count is the
        # id in first-occurrence order (no sort of the data-dependent [unique] tensors, which
        # IREE cannot compile: unbounded stack allocation).
        group_first = o.take(first, inverse)
        none = b.none()
        ramp = b.op("torch.aten.arange", [emit.int_value(b, n), b.int(o.i64), none, none, none],
                    o.t(nt))
        is_first = b.op("torch.aten.eq.Tensor", [group_first, ramp], o.t(nt, "i1"))
        first = o.positions(is_first)
        uid = b.op("torch.aten.sub.Scalar", [o.cumsum(is_first, 0), one, one], o.t(nt))
        counts = o.take(counts, o.take(inverse, first))
        inverse = o.take(uid, group_first)
        y = o.take(flat, first)
    return [y, first, inverse, counts]


def _unique_axis(b: Binder, x, axis: int, is_sorted: int):
    o = _Ops(b)
    shape = b.shape(x)
    if None in shape:
        raise Unsupported("Unique along an axis needs a static input shape")
    a = shape[axis]
    m = 1
    for i, d in enumerate(shape):
        if i != axis:
            m *= d
    if a == 0 or a * a * m > _MAX_PAIRWISE:
        raise Unsupported(f"Unique along an axis compares all row pairs: {a} rows of {m} "
                          "elements is empty or too big")
    swapped = list(shape)
    swapped[0], swapped[axis] = shape[axis], shape[0]
    xt = b.op("torch.aten.transpose.int", [x, b.int(0), b.int(axis)],
              b.vtensor(swapped, b.dtype(x)))
    rows = emit.reshape(b, xt, [a, m], [a, m])
    ri = emit.unsqueeze(b, rows, 1)
    rj = emit.unsqueeze(b, rows, 0)
    differ = b.op("torch.aten.ne.Tensor", [ri, rj], o.t([a, a, m], "i1"))
    n_differ = o.sum(differ, 2, [a, a])
    same = b.op("torch.aten.eq.Scalar", [n_differ, b.int(0)], o.t([a, a], "i1"))
    none = b.none()
    ramp = b.op("torch.aten.arange", [b.int(a), b.int(o.i64), none, none, none], o.t([a]))
    big = emit.scalar_tensor(b, a, "si64")
    cand = b.op("torch.aten.where.self", [same, emit.unsqueeze(b, ramp, 0), big], o.t([a, a]))
    first = b.op("torch.aten.amin", [cand, b.int_list([1]), b.bool(False)], o.t([a]))
    is_first = b.op("torch.aten.eq.Tensor", [first, ramp], o.t([a], "i1"))
    firsts = o.positions(is_first)  # first-occurrence order
    if is_sorted:
        # row_i < row_j: at the first differing element, row_i's is smaller.
        before = b.op("torch.aten.sub.Tensor", [o.cumsum(differ, 2), o.cast(differ), b.int(1)],
                      o.t([a, a, m]))
        prefix_same = b.op("torch.aten.eq.Scalar", [before, b.int(0)], o.t([a, a, m], "i1"))
        lt = b.op("torch.aten.lt.Tensor", [ri, rj], o.t([a, a, m], "i1"))
        decides = b.op("torch.aten.logical_and", [lt, prefix_same], o.t([a, a, m], "i1"))
        less = b.op("torch.aten.gt.Scalar", [o.sum(decides, 2, [a, a]), b.int(0)],
                    o.t([a, a], "i1"))
        # rank[i]: how many distinct rows are smaller than row i
        from_first = b.op("torch.aten.logical_and", [less, emit.unsqueeze(b, is_first, 1)],
                          o.t([a, a], "i1"))
        rank = o.sum(from_first, 0, [a])
        # Sort the ranks of the first rows, the other rows pushed behind them, on the static
        # [rows] tensor (IREE cannot sort the data-dependent [unique] tensor).
        pushed = b.op("torch.aten.add.Scalar", [ramp, b.int(a), b.int(1)], o.t([a]))
        key = b.op("torch.aten.where.self", [is_first, rank, pushed], o.t([a]))
        order = o.sort(key)[1]
        u = emit.size(b, firsts, 0)
        indices = b.op("torch.aten.slice.Tensor", [order, b.int(0), b.int(0), u, b.int(1)],
                       o.t([None]))
        counts = o.take(o.sum(same, 1, [a]), indices)
        inverse = rank
    else:
        uid = b.op("torch.aten.sub.Scalar", [o.cumsum(is_first, 0), b.int(1), b.int(1)],
                   o.t([a]))
        indices = firsts
        counts = o.take(o.sum(same, 1, [a]), firsts)
        inverse = o.take(uid, first)
    y = o.take(x, indices, axis)
    return [y, indices, inverse, counts]


TABLE = [
    ("ReverseSequence", 10, reverse_sequence),
    ("TopK", 1, top_k),
    ("Trilu", 14, trilu),
    ("Unique", 11, unique),
]


def populate(registry) -> None:
    """Register the Q-Z selection patterns."""
    register_table(registry, TABLE)
