"""Pad: constant, edge, reflect and wrap modes; pads as attribute or (runtime) input; axes.

Negative pads crop. Constant mode crops with aten.slice.Tensor and pads with
aten.constant_pad_nd; the other modes gather along each padded axis with aten.index_select
(indices computed at conversion time when the pads and the dim are static, at run time
otherwise), which works for any pad size, unlike torch's reflection/replication pads.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..q_to_z import shape_math as sm

_MODES = ("constant", "edge", "reflect", "wrap")


def _source_index(mode: str, i: np.ndarray, d: int) -> np.ndarray:
    """The input index each output position `i` (shifted by the begin pad) reads (numpy)."""
    if mode == "edge":
        return np.clip(i, 0, d - 1)
    if mode == "wrap":
        return np.remainder(i, d)
    period = max(2 * (d - 1), 1)
    return (d - 1) - np.abs(np.remainder(i, period) - (d - 1))


def _source_index_runtime(b: Binder, mode: str, i: ir.Value, d) -> ir.Value:
    """`_source_index` with tensor ops, for runtime pads or dims."""
    t = b.types.get(str(i.type))
    dv = emit.int_value(b, d)
    if mode == "edge":
        return b.op("torch.aten.clamp", [i, b.int(0), emit.int_value(b, emit.int_sub(b, d, 1))], t)
    if mode == "wrap":
        return b.op("torch.aten.remainder.Scalar", [i, dv], t)
    last = emit.int_sub(b, d, 1)
    period = emit.int_max(b, emit.int_add(b, last, last), 1)
    j = b.op("torch.aten.remainder.Scalar", [i, emit.int_value(b, period)], t)
    j = b.op("torch.aten.sub.Scalar", [j, emit.int_value(b, last), b.int(1)], t)
    j = b.op("torch.aten.abs", [j], t)
    return b.op("torch.aten.rsub.Scalar", [j, emit.int_value(b, last), b.int(1)], t)


def _gather_pad(b: Binder, x: ir.Value, dim: int, begin, end, mode: str) -> ir.Value:
    """Pad (or crop) one axis by reading x at computed indices."""
    d = sm.dim_size(b, x, dim)
    n = emit.int_add(b, emit.int_add(b, begin, d), end)
    if isinstance(n, int) and n < 0:
        raise Unsupported(f"pads {begin}, {end} remove more than the {d} elements of axis {dim}")
    if isinstance(d, int) and d == 0 and n != 0:
        raise Unsupported(f"cannot pad the empty axis {dim} in {mode} mode")
    if isinstance(n, int) and isinstance(d, int) and isinstance(begin, int):
        idx = _source_index(mode, np.arange(n, dtype=np.int64) - begin, d)
        idx = emit.array_literal(b, idx, "si64")
    else:
        i = emit.arange(b, n)
        i = b.op("torch.aten.sub.Scalar", [i, emit.int_value(b, begin), b.int(1)],
                 b.types.get(str(i.type)))
        idx = _source_index_runtime(b, mode, i, d)
    return sm.index_select(b, x, dim, idx, n)


def _crop(b: Binder, x: ir.Value, dim: int, begin, end) -> ir.Value:
    """Remove the negative parts of the pads of one axis (aten.slice.Tensor)."""
    shape, elt = b.tensor_info(x)
    d = sm.dim_size(b, x, dim)
    start = emit.int_max(b, emit.int_sub(b, 0, begin), 0)
    stop = emit.int_max(b, emit.int_add(b, d, emit.int_min(b, end, 0)), start)
    out = list(shape)
    out[dim] = emit.int_sub(b, stop, start) if isinstance(stop, int) and isinstance(start, int) \
        else None
    return b.op("torch.aten.slice.Tensor", [x, b.int(dim), emit.int_value(b, start),
                                            emit.int_value(b, stop), b.int(1)],
                b.vtensor(out, elt))


def _constant_pad(b: Binder, x: ir.Value, specs, value) -> ir.Value:
    """Constant mode: crop the negative pads, then aten.constant_pad_nd the positive ones."""
    for dim, begin, end in specs:
        if not (isinstance(begin, int) and begin >= 0 and isinstance(end, int) and end >= 0):
            x = _crop(b, x, dim, begin, end)
    shape, elt = b.tensor_info(x)
    pos = {dim: (emit.int_max(b, begin, 0), emit.int_max(b, end, 0)) for dim, begin, end in specs}
    if all(p == (0, 0) for p in pos.values()):
        return x
    flat, out = [], list(shape)
    for dim in range(len(shape) - 1, min(pos) - 1, -1):  # torch lists pads last dim first
        pb, pe = pos.get(dim, (0, 0))
        flat += [pb, pe]
        if shape[dim] is not None:
            total = emit.int_add(b, emit.int_add(b, pb, pe), shape[dim])
            out[dim] = total if isinstance(total, int) else None
    return b.op("torch.aten.constant_pad_nd", [x, b.int_list(flat), value], b.vtensor(out, elt))


def _fill(b: Binder):
    """The constant-mode fill value (attribute before 11, optional input after): a Python
    number, or a `!torch.int`/`!torch.float` when it is only known at run time."""
    if b.opset < 11:
        return b.attr_float("value", 0.0)
    t = b.optional_input(2)
    return 0 if t is None else sm.scalar_item(b, t, "constant_value")


def _fill_scalar(b: Binder, fill, elt: str) -> ir.Value:
    """The fill value as the torch scalar aten.constant_pad_nd takes."""
    if isinstance(fill, ir.Value):
        return fill
    if dtypes.is_float(elt):
        return b.float(float(fill))
    if float(fill) != int(fill):
        raise Unsupported(f"fill value {fill} does not fit the integer dtype {elt}")
    return b.int(int(fill))


def _per_dim_pads(b: Binder, axes, begins, ends, rank: int):
    """(dim, begin, end) for each padded dim; runtime axes make every dim a candidate,
    its pads the sum of the entries whose axis matches it."""
    if all(isinstance(a, int) for a in axes):
        axes = [emit.normalize_axis(a, rank) for a in axes]
        if len(set(axes)) != len(axes):
            raise Unsupported(f"repeated axes {axes}")
        return [(a, pb, pe) for a, pb, pe in zip(axes, begins, ends)
                if not (isinstance(pb, int) and isinstance(pe, int) and pb == pe == 0)]
    norm = [emit.int_wrap_negative(b, a, rank) for a in axes]
    specs = []
    for d in range(rank):
        pb = pe = 0
        for a, b0, e0 in zip(norm, begins, ends):
            eq = b.op("torch.aten.eq.int", [emit.int_value(b, a), b.int(d)], b.types.bool)
            hit = b.op("torch.aten.Int.bool", [eq], b.types.int)
            pb = emit.int_add(b, pb, emit.int_mul(b, hit, b0))
            pe = emit.int_add(b, pe, emit.int_mul(b, hit, e0))
        specs.append((d, pb, pe))
    return specs


def pad(b: Binder):
    """Pad-1..25 (paddings attribute in 1, pads attribute in 2, pads and constant_value inputs
    from 11, axes input from 18, wrap mode from 19; negative pads crop)
    -> a literal for constant data; aten.constant_pad_nd (+ aten.slice.Tensor to crop) in
    constant mode; aten.index_select of computed indices in edge/reflect/wrap mode."""
    x = sm.data_input(b)
    dims, elt = b.tensor_info(x)
    if dims is None:
        raise Unsupported("input rank is unknown")
    rank = len(dims)
    mode = b.attr_str("mode", "constant")
    if mode not in _MODES or (mode == "wrap" and b.opset < 19):
        raise Unsupported(f"unknown mode '{mode}'")
    if b.opset < 11:
        pads = b.attr_ints("paddings" if b.opset < 2 else "pads")
    else:
        pads = sm.entries(b, b.input(1), "pads")
    axes = list(range(rank))
    if b.opset >= 18 and b.optional_input(3) is not None:
        axes = sm.entries(b, b.input(3), "axes")
    if len(pads) != 2 * len(axes):
        raise Unsupported(f"{len(pads)} pads for {len(axes)} axes")
    n = len(axes)
    specs = _per_dim_pads(b, axes, pads[:n], pads[n:], rank)
    if mode == "constant":
        fill = _fill(b)
        data = sm.const_value(b, x)
        if data is not None and not isinstance(fill, ir.Value) and all(
                isinstance(p, int) and p >= 0 for _, pb, pe in specs for p in (pb, pe)):
            width = [(0, 0)] * rank
            for dim, pb, pe in specs:
                width[dim] = (pb, pe)
            lit = sm.folded(b, np.pad(data, width, constant_values=fill), elt)
            if lit is not None:
                return lit
        return _constant_pad(b, x, specs, _fill_scalar(b, fill, elt))
    y = x
    for dim, pb, pe in specs:
        y = _gather_pad(b, y, dim, pb, pe, mode)
    return y


TABLE = [
    ("Pad", 1, pad),
]


def populate(registry) -> None:
    """Register Pad."""
    register_table(registry, TABLE)
