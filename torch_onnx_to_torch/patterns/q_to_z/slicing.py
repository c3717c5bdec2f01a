"""Q-Z ops taking parts of a tensor: Slice, Split, Tile.

Constant data folds into a literal. Constant positive steps become aten.slice.Tensor (which
wraps and clamps start/end like ONNX, so runtime starts/ends pass straight through); negative
steps slice the flipped tensor; runtime steps or axes gather computed indices.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from . import shape_math as sm


def _slice(b: Binder, x: ir.Value, dim: int, start, end, step: int) -> ir.Value:
    """`aten.slice.Tensor` with a constant positive step; start/end are sizes."""
    shape, elt = b.tensor_info(x)
    out = list(shape)
    d = shape[dim]
    if d is not None and isinstance(start, int) and isinstance(end, int):
        s = min(max(start + d if start < 0 else start, 0), d)
        e = min(max(end + d if end < 0 else end, 0), d)
        start, end = s, e
        out[dim] = max(-((s - e) // step), 0)
    elif d is not None and isinstance(end, int) and end >= d:
        end = d
        out[dim] = None
    else:
        out[dim] = None
    return b.op("torch.aten.slice.Tensor", [x, b.int(dim), emit.int_value(b, start),
                                            emit.int_value(b, end), b.int(step)],
                b.vtensor(out, elt))


def _flip(b: Binder, x: ir.Value, dim: int) -> ir.Value:
    return b.op("torch.aten.flip", [x, b.int_list([dim])], b.types.get(str(x.type)))


def _clamped(b: Binder, start, end, dim, positive):
    """ONNX Slice start/end for one axis, wrapped and clamped: [0, dim] for a positive step,
    start in [0, dim-1] and end in [-1, dim-1] for a negative one (`positive` a size 0/1)."""
    hi = emit.int_add(b, dim, emit.int_sub(b, positive, 1))
    s = sm.clamp(b, emit.int_wrap_negative(b, start, dim), 0, hi)
    e = sm.clamp(b, emit.int_wrap_negative(b, end, dim), emit.int_sub(b, positive, 1), hi)
    return s, e


def _slice_axis(b: Binder, x: ir.Value, dim: int, start, end, step, n_declared) -> ir.Value:
    """Slice one axis with ONNX semantics; start/end/step are sizes."""
    if isinstance(step, int):
        if step == 0:
            raise Unsupported("a step is 0")
        if step > 0:
            return _slice(b, x, dim, start, end, step)
        # x[s:e:step] with step < 0 is flip(x)[dim-1-s : dim-1-e : -step]
        d = sm.dim_size(b, x, dim)
        s, e = _clamped(b, start, end, d, 0)
        last = emit.int_sub(b, d, 1)
        return _slice(b, _flip(b, x, dim), dim, emit.int_sub(b, last, s),
                      emit.int_sub(b, last, e), -step)
    # The sign of the step is known at run time only: gather start + i * step.
    d = sm.dim_size(b, x, dim)
    positive = emit.int_cmp(b, "gt", step, 0)
    s, e = _clamped(b, start, end, d, positive)
    n = n_declared if n_declared is not None else \
        emit.int_max(b, sm.ceil_div(b, emit.int_sub(b, e, s), step), 0)
    idx = emit.arange(b, n)
    idx = b.op("torch.aten.mul.Scalar", [idx, step], b.types.get(str(idx.type)))
    idx = b.op("torch.aten.add.Scalar", [idx, emit.int_value(b, s), b.int(1)],
               b.types.get(str(idx.type)))
    return sm.index_select(b, x, dim, idx, n)


def _runtime_axes_specs(b: Binder, x, axes, starts, ends, steps):
    """Per input dim (start, end, step) sizes when the axes are only known at run time:
    entry i applies to dim d when wrap(axes[i]) == d; untouched dims take the whole range."""
    rank = b.rank(x)
    norm = [emit.int_wrap_negative(b, a, rank) for a in axes]
    specs = []
    for d in range(rank):
        hits = []
        for a in norm:
            eq = b.op("torch.aten.eq.int", [a, b.int(d)], b.types.bool)
            hits.append(b.op("torch.aten.Int.bool", [eq], b.types.int))
        hit = 0
        start, end, step = 0, 0, 0
        for h, s, e, t in zip(hits, starts, ends, steps):
            hit = emit.int_add(b, hit, h)
            start = emit.int_add(b, start, emit.int_mul(b, h, s))
            end = emit.int_add(b, end, emit.int_mul(b, h, e))
            step = emit.int_add(b, step, emit.int_mul(b, h, t))
        miss = emit.int_sub(b, 1, hit)
        end = emit.int_add(b, end, emit.int_mul(b, miss, sm.dim_size(b, x, d)))
        if all(isinstance(t, int) and t == steps[0] for t in steps) and steps and steps[0] > 0:
            step_d = steps[0] if steps[0] == 1 else emit.int_add(b, step, miss)
        else:
            step_d = emit.int_add(b, step, miss)
        specs.append((d, start, end, step_d))
    return specs


def slice_(b: Binder):
    """Slice-1..13 (starts/ends/axes attributes before 10; inputs with optional axes and steps
    from 10; negative, out-of-range and INT_MAX/INT_MIN bounds; runtime values)
    -> a literal for constant data, else aten.slice.Tensor per axis (aten.flip first for a
    negative step; aten.index_select of computed indices for runtime steps or axes)."""
    x = sm.data_input(b)
    dims, elt = b.tensor_info(x)
    if dims is None:
        raise Unsupported("input rank is unknown")
    rank = len(dims)
    if b.opset < 10:
        starts, ends = b.attr_ints("starts"), b.attr_ints("ends")
        axes = b.attr_ints("axes", list(range(len(starts))))
        steps = [1] * len(starts)
    else:
        starts = sm.entries(b, b.input(1), "starts")
        ends = sm.entries(b, b.input(2), "ends")
        axes_t, steps_t = b.optional_input(3), b.optional_input(4)
        axes = list(range(len(starts))) if axes_t is None else sm.entries(b, axes_t, "axes")
        steps = [1] * len(starts) if steps_t is None else sm.entries(b, steps_t, "steps")
    if not len(starts) == len(ends) == len(axes) == len(steps):
        raise Unsupported("starts, ends, axes and steps differ in length")
    const_axes = all(isinstance(a, int) for a in axes)
    if const_axes:
        axes = [emit.normalize_axis(a, rank) for a in axes]
        if len(set(axes)) != len(axes):
            raise Unsupported(f"repeated axes {axes}")
    out = b.shape(b.result_type())
    data = sm.const_value(b, x)
    plain = [starts, ends, steps]
    if data is not None and const_axes and all(isinstance(v, int) for p in plain for v in p):
        if 0 in steps:
            raise Unsupported("a step is 0")
        key = [slice(None)] * rank
        for a, s, e, t in zip(axes, starts, ends, steps):
            key[a] = slice(s, e, t)
        lit = sm.folded(b, data[tuple(key)], elt)
        if lit is not None:
            return lit
    if const_axes:
        specs = list(zip(axes, starts, ends, steps))
    else:
        specs = _runtime_axes_specs(b, x, axes, starts, ends, steps)
    y = x
    for a, s, e, t in specs:
        n_declared = out[a] if out is not None and len(out) == rank else None
        y = _slice_axis(b, y, a, s, e, t, n_declared)
    return y


def split(b: Binder):
    """Split-1..18 (split as attribute before 13 (or input in opset 1), as input from 13;
    num_outputs from 18; equal parts by default, the last one smaller when uneven; run-time
    sizes taken from the declared results where static) -> aten.slice.Tensor per output."""
    x = sm.data_input(b)
    dims = b.shape(x)
    if not dims:
        raise Unsupported("input rank is unknown" if dims is None else "a rank-0 input")
    axis = emit.normalize_axis(b.attr_int("axis", 0), len(dims))
    n = b.num_results
    sizes = None
    if b.opset < 13:
        sizes = b.attr_ints("split", None)
        if sizes is None and b.opset < 2 and b.optional_input(1) is not None:
            sizes = sm.entries(b, b.input(1), "split")
    elif b.optional_input(1) is not None:
        declared = [b.shape(b.result_type(i)) for i in range(n)]
        if sm.const_value(b, b.input(1)) is None and \
                all(o is not None and len(o) == len(dims) and o[axis] is not None
                    for o in declared):
            # The declared results give the sizes: no aten.item (TOSA and StableHLO cannot
            # lower it).
            sizes = [o[axis] for o in declared]
        else:
            sizes = sm.entries(b, b.input(1), "split")
    if sizes is not None and len(sizes) != n:
        raise Unsupported(f"{len(sizes)} split sizes for {n} outputs")
    d = sm.dim_size(b, x, axis)
    if sizes is None:
        if b.opset >= 18 and b.attr_int("num_outputs", n) != n:
            raise Unsupported(f"num_outputs differs from the {n} outputs")
        chunk = sm.ceil_div(b, d, n)
        last = emit.int_sub(b, d, emit.int_mul(b, chunk, n - 1))
        if isinstance(last, int) and last < 0:
            raise Unsupported(f"size {d} cannot be split into {n} parts")
        sizes = [chunk] * (n - 1) + [last]
    outs, start = [], 0
    for i, s in enumerate(sizes):
        end = emit.int_add(b, start, s)
        outs.append(_slice(b, x, axis, start, end, 1))
        start = end
    return outs


def tile(b: Binder):
    """Tile-1..13 (tiles and axis inputs in opset 1, repeats input from 6; constant or runtime)
    -> a literal for constant data, else aten.repeat (runtime repeats taken from the declared
    result where it and the input dim are static)."""
    x = sm.data_input(b)
    dims, elt = b.tensor_info(x)
    if dims is None:
        raise Unsupported("input rank is unknown")
    rank = len(dims)
    declared = b.shape(b.result_type())
    if declared is None or len(declared) != rank:
        declared = [None] * rank
    # A repeat count whose input dim and declared output dim are static is their ratio (the
    # result is cast to the declared type anyway); only the others are read at run time.
    known = [o // d if o is not None and d else None for d, o in zip(dims, declared)]
    if b.opset < 6:
        axis = sm.const_value(b, b.input(2))
        if axis is None:
            raise Unsupported("axis must be a constant")
        axis = emit.normalize_axis(int(axis.reshape(-1)[0]), rank)
        reps = [1] * rank
        reps[axis] = known[axis] if known[axis] is not None else \
            sm.scalar_item(b, b.input(1), "tiles")
    else:
        t = b.input(1)
        if sm.const_value(b, t) is not None or b.shape(t) != (rank,):
            reps = sm.entries(b, t, "repeats")
        else:
            reps = [k if k is not None else sm.entry(b, t, i) for i, k in enumerate(known)]
    if len(reps) != rank:
        raise Unsupported(f"{len(reps)} repeats for rank {rank}")
    data = sm.const_value(b, x)
    if data is not None and all(isinstance(r, int) for r in reps):
        lit = sm.folded(b, np.tile(data, reps), elt)
        if lit is not None:
            return lit
    out = [d * r if isinstance(d, int) and isinstance(r, int) else None
           for d, r in zip(dims, reps)]
    return b.op("torch.aten.repeat", [x, b.int_list(reps)], b.vtensor(out, elt))


TABLE = [
    ("Slice", 1, slice_),
    ("Split", 1, split),
    ("Tile", 1, tile),
]


def populate(registry) -> None:
    """Register Slice, Split and Tile."""
    register_table(registry, TABLE)
