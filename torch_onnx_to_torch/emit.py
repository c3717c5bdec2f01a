"""Small torch-op builders shared by the patterns (casts, reshapes, sizes).

Each takes the handler's Binder and returns new values; shapes in result types are computed
where they are known and left dynamic (`?`) where they are not.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from torch_mlir import ir

from . import dtypes
from .binder import Binder, Unsupported


def like(b: Binder, v: ir.Value, elt: str | None = None) -> ir.Type:
    """The type of `v`, optionally with element type `elt` instead of its own."""
    shape, have = b.tensor_info(v)
    return b.vtensor(shape, have if elt is None else elt)


_FLOAT_MLIR = {"f16": ir.F16Type, "f32": ir.F32Type, "f64": ir.F64Type, "bf16": ir.BF16Type}


def _mlir_element(elt: str) -> ir.Type:
    if elt in _FLOAT_MLIR:
        return _FLOAT_MLIR[elt].get()
    if elt == "i1":
        return ir.IntegerType.get_signless(1)
    if elt not in dtypes.INT_BITS:
        raise Unsupported(f"no constant of element type {elt}")
    width = dtypes.INT_BITS[elt]
    return (ir.IntegerType.get_unsigned(width) if elt.startswith("ui")
            else ir.IntegerType.get_signed(width))


def scalar_tensor(b: Binder, value, elt: str) -> ir.Value:
    """A rank-0 `torch.vtensor.literal` of dtype `elt` (inline `dense<...>`)."""
    et = _mlir_element(elt)
    attr = (ir.FloatAttr.get(et, float(value)) if dtypes.is_float(elt)
            else ir.IntegerAttr.get(et, int(value)))
    dense = ir.DenseElementsAttr.get_splat(ir.RankedTensorType.get([], et), attr)
    return b.literal(dense, b.vtensor([], elt))


def array_literal(b: Binder, arr, elt: str) -> ir.Value:
    """A small constant tensor (inline `dense<...>`) holding numpy `arr` as dtype `elt`.

    For shape-like values and small tables computed at conversion time, never for weights."""
    if elt == "bf16":
        raise Unsupported("bf16 array constants are not supported; build f32 and cast")
    a = np.asarray(arr)
    shape = list(a.shape)
    et = _mlir_element(elt)
    a = np.ascontiguousarray(a.astype(np.bool_ if elt == "i1" else dtypes.BY_MLIR[elt].numpy))
    attr = ir.DenseElementsAttr.get(a, type=et, shape=shape)
    return b.literal(attr, b.vtensor(shape, elt))


def to_dtype(b: Binder, v: ir.Value, elt: str) -> ir.Value:
    """`aten.to.dtype` of `v` to element type `elt` (no-op if already of that type)."""
    shape, have = b.tensor_info(v)
    if have == elt:
        return v
    f, none = b.bool(False), b.none()
    return b.op("torch.aten.to.dtype", [v, b.int(b.torch_dtype_of(elt)), f, f, none],
                b.vtensor(shape, elt))


def unsqueeze(b: Binder, v: ir.Value, dim: int) -> ir.Value:
    """`aten.unsqueeze(v, dim)` (dim may be negative)."""
    shape, elt = b.tensor_info(v)
    new_shape = None
    if shape is not None:
        d = dim if dim >= 0 else dim + len(shape) + 1
        new_shape = list(shape[:d]) + [1] + list(shape[d:])
    return b.op("torch.aten.unsqueeze", [v, b.int(dim)], b.vtensor(new_shape, elt))


def size(b: Binder, v: ir.Value, dim: int) -> ir.Value:
    """Dimension `dim` of `v` as a `!torch.int` (a constant when it is static)."""
    shape = b.shape(v)
    if shape is not None and shape[dim] is not None:
        return b.int(shape[dim])
    return b.op("torch.aten.size.int", [v, b.int(dim)], b.types.int)


def reshape(b: Binder, v: ir.Value, dims: Sequence, shape: Sequence[int | None] | None
            ) -> ir.Value:
    """`aten.reshape(v, dims)`; `dims` may mix ints and `!torch.int` values.

    A `v` of rank >= 2 with a dynamic dim, reshaped to rank >= 2, is first collapsed to 1-D
    (aten.flatten.using_ints, always exact): torch-mlir lowers a reshape of dynamic dims by
    guessing which input dims each result dim collapses or expands, and guesses wrong when it
    cannot prove sizes equal: [?,?] -> [?,1] pins an input dim to 1 (IREE rejects other sizes
    at run time), [?,?,4,8] -> [-1,32] gives a [?,32] result of the first dim only."""
    in_shape, elt = b.tensor_info(v)
    if in_shape is not None and len(in_shape) >= 2 and None in in_shape and len(dims) >= 2:
        v = b.op("torch.aten.flatten.using_ints", [v, b.int(0), b.int(len(in_shape) - 1)],
                 b.vtensor([None], elt))
    return b.op("torch.aten.reshape", [v, b.int_list(dims)], b.vtensor(shape, elt))


def permute(b: Binder, v: ir.Value, perm: Sequence[int]) -> ir.Value:
    """`aten.permute(v, perm)`."""
    shape, elt = b.tensor_info(v)
    out = None if shape is None else [shape[p] for p in perm]
    return b.op("torch.aten.permute", [v, b.int_list(perm)], b.vtensor(out, elt))


def normalize_axis(axis: int, rank: int, what: str = "axis") -> int:
    """`axis` in [0, rank); declines when it is out of range."""
    if not -rank <= axis < max(rank, 1):
        raise Unsupported(f"{what} {axis} is out of range for rank {rank}")
    return axis + rank if axis < 0 else axis


def broadcast_shape(a: Sequence[int | None] | None, c: Sequence[int | None] | None):
    """Numpy broadcast of two static-ish shapes (None dims stay unknown)."""
    if a is None or c is None:
        return None
    n = max(len(a), len(c))
    a = [1] * (n - len(a)) + list(a)
    c = [1] * (n - len(c)) + list(c)
    out = []
    for x, y in zip(a, c):
        if x == 1:
            out.append(y)
        elif y == 1:
            out.append(x)
        elif x is None or y is None:
            out.append(x if y is None else y)
        else:
            out.append(x)
    return out


# Sizes that are Python ints where static and `!torch.int` values where dynamic. The helpers
# fold the static cases, so that static shapes stay constant lists.

def binary(b: Binder, name: str, x: ir.Value, y: ir.Value) -> ir.Value:
    """Elementwise `aten.<name>.Tensor` with numpy broadcasting (add and sub with alpha 1)."""
    shape = broadcast_shape(b.shape(x), b.shape(y))
    operands = [x, y, b.int(1)] if name in ("add", "sub") else [x, y]
    return b.op(f"torch.aten.{name}.Tensor", operands, b.vtensor(shape, b.dtype(x)))


def add_scalar(b: Binder, x: ir.Value, value: float) -> ir.Value:
    """`x + value` (a float scalar)."""
    return b.op("torch.aten.add.Scalar", [x, b.float(value), b.int(1)], like(b, x))


def unary(b: Binder, name: str, x: ir.Value) -> ir.Value:
    """Elementwise `aten.<name>`."""
    return b.op(f"torch.aten.{name}", [x], like(b, x))


def dim_sizes(b: Binder, v: ir.Value) -> list:
    """Every dim of `v`: a Python int where static, else an `aten.size.int` value."""
    shape = b.shape(v)
    if shape is None:
        raise Unsupported("operand rank is unknown")
    return [d if d is not None else size(b, v, i) for i, d in enumerate(shape)]


def reject_strings(b: Binder, *values: ir.Value) -> None:
    """Decline string tensors (ONNX allows them in the data-movement ops; torch does not)."""
    for v in values:
        if b.tensor_info(v)[1] == "!torch.str":
            raise Unsupported("string tensors have no torch equivalent")


def arange(b: Binder, n, elt: str = "si64") -> ir.Value:
    """`aten.arange(n)` of dtype `elt`; `n` is an int or a `!torch.int`."""
    none = b.none()
    return b.op("torch.aten.arange", [int_value(b, n), b.int(b.torch_dtype_of(elt)), none,
                                      none, none],
                b.vtensor([n if isinstance(n, int) else None], elt))


def as_i64(b: Binder, v: ir.Value) -> ir.Value:
    """An integer index tensor as si64 (what the aten indexing ops want)."""
    elt = b.dtype(v)
    if elt in ("ui32", "ui64", "ui16"):
        raise Unsupported(f"indices of dtype {elt} have no torch equivalent")
    return to_dtype(b, v, "si64")


def wrap_negative(b: Binder, idx: ir.Value, dim) -> ir.Value:
    """si64 `where(idx < 0, idx + dim, idx)`; `dim` is an int or a `!torch.int`.

    Constant indices with a static `dim` are wrapped at conversion time."""
    vals = b.const_value(idx)
    if vals is not None and isinstance(dim, int):
        vals = np.asarray(vals).astype(np.int64)
        return array_literal(b, np.where(vals < 0, vals + dim, vals), "si64")
    if vals is not None and (np.asarray(vals) >= 0).all():
        return as_i64(b, idx)
    idx = as_i64(b, idx)
    t = like(b, idx)
    neg = b.op("torch.aten.lt.Scalar", [idx, b.int(0)], like(b, idx, "i1"))
    plus = b.op("torch.aten.add.Scalar", [idx, int_value(b, dim), b.int(1)], t)
    return b.op("torch.aten.where.self", [neg, plus, idx], t)


def int_value(b: Binder, x) -> ir.Value:
    """A size as a `!torch.int` value."""
    return x if isinstance(x, ir.Value) else b.int(x)


def int_add(b: Binder, x, y):
    """x + y on sizes (ints or `!torch.int`), folded when both are ints or one is 0."""
    if isinstance(x, int) and isinstance(y, int):
        return x + y
    if isinstance(y, int) and y == 0:
        return x
    if isinstance(x, int) and x == 0:
        return y
    return b.op("torch.aten.add.int", [int_value(b, x), int_value(b, y)], b.types.int)


def int_sub(b: Binder, x, y):
    """x - y on sizes, folded when both are ints or y is 0."""
    if isinstance(x, int) and isinstance(y, int):
        return x - y
    if isinstance(y, int) and y == 0:
        return x
    return b.op("torch.aten.sub.int", [int_value(b, x), int_value(b, y)], b.types.int)


def int_min(b: Binder, x, y):
    """min(x, y) on sizes, folded when both are ints."""
    if isinstance(x, int) and isinstance(y, int):
        return min(x, y)
    return b.op("torch.prim.min.int", [int_value(b, x), int_value(b, y)], b.types.int)


def int_max(b: Binder, x, y):
    """max(x, y) on sizes, folded when both are ints."""
    if isinstance(x, int) and isinstance(y, int):
        return max(x, y)
    return b.op("torch.prim.max.int", [int_value(b, x), int_value(b, y)], b.types.int)


_INT_CMP = {"eq": int.__eq__, "ne": int.__ne__, "lt": int.__lt__, "le": int.__le__,
            "gt": int.__gt__, "ge": int.__ge__}


def int_cmp(b: Binder, name: str, x, y):
    """The comparison `aten.<name>.int` (eq, ne, lt, le, gt, ge) of two sizes as a 0/1 int:
    a Python int when both are ints, else `aten.Int.bool` of the `!torch.bool`."""
    if isinstance(x, int) and isinstance(y, int):
        return int(_INT_CMP[name](x, y))
    cond = b.op(f"torch.aten.{name}.int", [int_value(b, x), int_value(b, y)], b.types.bool)
    return b.op("torch.aten.Int.bool", [cond], b.types.int)


def int_wrap_negative(b: Binder, x, dim):
    """x + dim when x < 0 on sizes (an ONNX index counted from the end)."""
    if isinstance(x, int):
        return int_add(b, x, dim) if x < 0 else x
    return int_add(b, x, int_mul(b, int_cmp(b, "lt", x, 0), dim))


def int_mul(b: Binder, x, y):
    """x * y on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return x * y
    if isinstance(x, int) and x == 1:
        return y
    if isinstance(y, int) and y == 1:
        return x
    return b.op("torch.aten.mul.int", [int_value(b, x), int_value(b, y)], b.types.int)


def int_floordiv(b: Binder, x, y):
    """x // y on sizes."""
    if isinstance(x, int) and isinstance(y, int):
        return x // y
    if isinstance(y, int) and y == 1:
        return x
    return b.op("torch.aten.floordiv.int", [int_value(b, x), int_value(b, y)], b.types.int)


def int_prod(b: Binder, xs):
    """The product of sizes (1 for none)."""
    out = 1
    for x in xs:
        out = int_mul(b, out, x)
    return out


def static_or_none(xs) -> list:
    """Sizes as a shape for a result type: ints stay, `!torch.int` values become None."""
    return [x if isinstance(x, int) else None for x in xs]


def int_entries(b: Binder, t: ir.Value, what: str) -> list:
    """The entries of a 1-D integer tensor operand (a shape, pads, axes): Python ints when it is
    a constant, else one `aten.select.int` + `aten.item` per entry (static length needed)."""
    vals = b.const_value(t)
    if vals is not None:
        return [int(x) for x in vals.reshape(-1)]
    shape, elt = b.tensor_info(t)
    if shape is None or len(shape) != 1 or shape[0] is None:
        raise Unsupported(f"{what} must be a constant or a 1-D tensor of static length")
    out = []
    for i in range(shape[0]):
        e = b.op("torch.aten.select.int", [t, b.int(0), b.int(i)], b.vtensor([], elt))
        out.append(b.op("torch.aten.item", [e], b.types.int))
    return out
