"""Size arithmetic and constant folding shared by the shape ops (Shape, Slice, Split, Pad...).

A "size" is a Python int where it is known at conversion time and a `!torch.int` value where it
is not; every helper folds the static case, so that static shapes stay constants and only truly
dynamic values become `aten.*.int` arithmetic.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import MAX_READ_ELEMENTS, Binder, Unsupported


def data_input(b: Binder) -> ir.Value:
    """Input 0 of a data-movement op, seen through the casts to declared ONNX types (see
    most_static); declines string tensors (ONNX allows them, torch not)."""
    x = most_static(b, b.input(0))
    emit.reject_strings(b, x)
    return x


def cast_source(v: ir.Value) -> ir.Value | None:
    """The operand of the `tensor_static_info_cast` that produced `v`, else None."""
    op = v.owner
    if not isinstance(op, (ir.Operation, ir.OpView)) or \
            op.operation.name != "torch.tensor_static_info_cast":
        return None
    return op.operation.operands[0]


def most_static(b: Binder, v: ir.Value) -> ir.Value:
    """`v`, or the source of the `tensor_static_info_cast` that produced it when that has the
    same element type and more static dims: the pass casts each result to the type ONNX
    declared, which may know less than the converted op did."""
    while True:
        src = cast_source(v)
        if src is None:
            return v
        have, want = b.types.info(src.type), b.types.info(v.type)
        if have is None or want is None or have[1] != want[1] or have[0] is None:
            return v
        if want[0] is not None and (len(have[0]) != len(want[0]) or any(
                w is not None and h != w for h, w in zip(have[0], want[0]))):
            return v
        v = src


def clamp(b: Binder, x, lo, hi):
    """min(max(x, lo), hi) on sizes."""
    return emit.int_min(b, emit.int_max(b, x, lo), hi)


def ceil_div(b: Binder, x, y):
    """ceil(x / y) for any signs (floor division rounds toward -inf)."""
    if isinstance(x, int) and isinstance(y, int):
        return -((-x) // y)
    return emit.int_sub(b, 0, emit.int_floordiv(b, emit.int_sub(b, 0, x), y))


def dim_size(b: Binder, x: ir.Value, dim: int):
    """Dim `dim` of `x` as a size: a Python int when static, else `aten.size.int`."""
    d = b.shape(x)[dim]
    return d if d is not None else emit.size(b, x, dim)


def static_dims(shape) -> bool:
    """True when a shape is ranked and fully static."""
    return shape is not None and all(d is not None for d in shape)


def folded(b: Binder, arr: np.ndarray, elt: str) -> ir.Value | None:
    """`arr` as an inline literal of dtype `elt` (the next op can read it with const_value),
    or None when it is too big to fold or of a dtype literals cannot hold."""
    if arr.size > MAX_READ_ELEMENTS or elt not in dtypes.BY_MLIR or elt == "bf16":
        return None
    row = dtypes.BY_MLIR[elt]
    if row.numpy is None:
        return None
    return emit.array_literal(b, np.asarray(arr).astype(row.numpy), elt)


# ------------------------------------------------------------------ constants through torch ops
# Exported models compute shapes with ops of other families (Concat, Div, Mul, Gather...). When
# their handlers leave the result as torch ops on constants rather than a literal, the values
# are still known: they are evaluated here, for the small integer tensors of shape
# computations only, so that Reshape/Slice/Pad... see static values and emit static shapes.

def const_value(b: Binder, v: ir.Value) -> np.ndarray | None:
    """`b.const_value(v)`, through the casts the pass inserts to declared types: a constant,
    or a small integer tensor torch ops compute from constants (folding.py)."""
    return b.const_value(most_static(b, v))


def entries(b: Binder, t: ir.Value, what: str) -> list:
    """The entries of a 1-D integer tensor operand as sizes: Python ints when it is constant
    (see const_value), else `!torch.int` values read at run time (emit.int_entries)."""
    shape = b.shape(t)
    if shape is not None and len(shape) > 1:
        raise Unsupported(f"{what} must be 1-D")
    vals = const_value(b, t)
    if vals is not None:
        if vals.dtype.kind not in "iu":
            raise Unsupported(f"{what} must be integers, got {vals.dtype}")
        return [int(v) for v in vals.reshape(-1)]
    return emit.int_entries(b, t, what)


def entry(b: Binder, t: ir.Value, i: int) -> ir.Value:
    """Entry `i` of a runtime 1-D integer tensor as a `!torch.int` (aten.select.int + item)."""
    e = b.op("torch.aten.select.int", [t, b.int(0), b.int(i)], b.vtensor([], b.dtype(t)))
    return b.op("torch.aten.item", [e], b.types.int)


def scalar_item(b: Binder, t: ir.Value, what: str):
    """A scalar (or 1-element) tensor operand as a Python number when constant, else as a
    `!torch.int` / `!torch.float` from aten.item."""
    vals = const_value(b, t)
    elt = b.dtype(t)
    if vals is not None:
        if vals.size != 1:
            raise Unsupported(f"{what} must hold one value")
        v = vals.reshape(-1)[0]
        return float(v) if dtypes.is_float(elt) else int(v)
    shape = b.shape(t)
    if shape is not None and any(d is not None and d != 1 for d in shape):
        raise Unsupported(f"{what} must hold one value")
    kind = b.types.float if dtypes.is_float(elt) else b.types.int
    return b.op("torch.aten.item", [t], kind)


def index_select(b: Binder, x: ir.Value, dim: int, idx: ir.Value, n) -> ir.Value:
    """`aten.index_select(x, dim, idx)`; `n` is the length of idx (a size)."""
    shape, elt = b.tensor_info(x)
    out = None
    if shape is not None:
        out = list(shape)
        out[dim] = n if isinstance(n, int) else None
    return b.op("torch.aten.index_select", [x, b.int(dim), idx], b.vtensor(out, elt))
