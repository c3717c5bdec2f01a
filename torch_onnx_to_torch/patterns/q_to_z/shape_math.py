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
    """Input 0 of a data-movement op; declines string tensors (ONNX allows them, torch not)."""
    x = b.input(0)
    reject_strings(b, x)
    return x


def reject_strings(b: Binder, x: ir.Value) -> None:
    """Decline a string tensor operand."""
    if b.tensor_info(x)[1] == "!torch.str":
        raise Unsupported("string tensors have no torch equivalent")


def _int_op(b: Binder, name: str, x, y) -> ir.Value:
    return b.op(name, [emit.int_value(b, x), emit.int_value(b, y)], b.types.int)


def add(b: Binder, x, y):
    """x + y on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return x + y
    if isinstance(y, int) and y == 0:
        return x
    if isinstance(x, int) and x == 0:
        return y
    return _int_op(b, "torch.aten.add.int", x, y)


def sub(b: Binder, x, y):
    """x - y on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return x - y
    if isinstance(y, int) and y == 0:
        return x
    return _int_op(b, "torch.aten.sub.int", x, y)


def minimum(b: Binder, x, y):
    """min(x, y) on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return min(x, y)
    return _int_op(b, "torch.prim.min.int", x, y)


def maximum(b: Binder, x, y):
    """max(x, y) on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return max(x, y)
    return _int_op(b, "torch.prim.max.int", x, y)


def clamp(b: Binder, x, lo, hi):
    """min(max(x, lo), hi) on sizes."""
    return minimum(b, maximum(b, x, lo), hi)


def is_negative(b: Binder, x):
    """1 if x < 0 else 0, on sizes."""
    if isinstance(x, int):
        return int(x < 0)
    lt = b.op("torch.aten.lt.int", [x, b.int(0)], b.types.bool)
    return b.op("torch.aten.Int.bool", [lt], b.types.int)


def is_positive(b: Binder, x):
    """1 if x > 0 else 0, on sizes."""
    if isinstance(x, int):
        return int(x > 0)
    gt = b.op("torch.aten.gt.int", [x, b.int(0)], b.types.bool)
    return b.op("torch.aten.Int.bool", [gt], b.types.int)


def wrap_negative(b: Binder, x, dim):
    """x + dim when x < 0 (an ONNX index counted from the end)."""
    if isinstance(x, int):
        return add(b, x, dim) if x < 0 else x
    return add(b, x, emit.int_mul(b, is_negative(b, x), dim))


def ceil_div(b: Binder, x, y):
    """ceil(x / y) for any signs (floor division rounds toward -inf)."""
    if isinstance(x, int) and isinstance(y, int):
        return -((-x) // y)
    return sub(b, 0, emit.int_floordiv(b, sub(b, 0, x), y))


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


def entries(b: Binder, t: ir.Value, what: str) -> list:
    """The entries of a 1-D integer tensor operand as sizes (see emit.int_entries)."""
    shape = b.shape(t)
    if shape is not None and len(shape) > 1:
        raise Unsupported(f"{what} must be 1-D")
    return emit.int_entries(b, t, what)


def entry(b: Binder, t: ir.Value, i: int) -> ir.Value:
    """Entry `i` of a runtime 1-D integer tensor as a `!torch.int` (aten.select.int + item)."""
    e = b.op("torch.aten.select.int", [t, b.int(0), b.int(i)], b.vtensor([], b.dtype(t)))
    return b.op("torch.aten.item", [e], b.types.int)


def scalar_item(b: Binder, t: ir.Value, what: str):
    """A scalar (or 1-element) tensor operand as a Python number when constant, else as a
    `!torch.int` / `!torch.float` from aten.item."""
    vals = b.const_value(t)
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


def arange(b: Binder, n) -> ir.Value:
    """`aten.arange(n)` of si64 (n a size)."""
    none = b.none()
    return b.op("torch.aten.arange", [emit.int_value(b, n), b.int(b.torch_dtype_of("si64")), none, none, none],
                b.vtensor([n if isinstance(n, int) else None], "si64"))
