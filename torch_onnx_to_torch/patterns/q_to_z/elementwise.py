"""Q-Z elementwise ops: unary math, binary arithmetic, Sum, Sign, Round, Where, Xor."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import binary, elementwise2, register_table, unary, variadic


def round_(b: Binder):
    """Round-11..22 -> aten.round (half to even)"""
    x = b.input(0)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"Round of {b.dtype(x)} (float types only)")
    return b.op("torch.aten.round", [x], b.result_type())


def sign(b: Binder):
    """Sign-9..13 -> aten.sign (+ aten.isnan + aten.where.self keeping NaN for floats); unsigned
    types -> aten.ne.Tensor + aten.where.self"""
    x = b.input(0)
    elt = b.dtype(x)
    if elt in dtypes.UNSIGNED_INT_TYPES:
        zero = emit.scalar_tensor(b, 0, elt)
        nonzero = b.op("torch.aten.ne.Tensor", [x, zero], emit.like(b, x, "i1"))
        return b.op("torch.aten.where.self", [nonzero, emit.scalar_tensor(b, 1, elt), zero],
                    b.result_type())
    if dtypes.is_integer(elt):
        return b.op("torch.aten.sign", [x], b.result_type())
    if not dtypes.is_float(elt):
        raise Unsupported(f"Sign of {elt} is not supported")
    # aten.sign's decomposition gives 0 for NaN; Sign keeps NaN
    s = b.op("torch.aten.sign", [x], x.type)
    nan = b.op("torch.aten.isnan", [x], emit.like(b, x, "i1"))
    return b.op("torch.aten.where.self", [nan, x, s], b.result_type())


def where(b: Binder):
    """Where-9..16 -> aten.where.self (numpy broadcast of the three operands)"""
    cond, x, y = b.input(0), b.input(1), b.input(2)
    if b.dtype(x) == "!torch.str" or b.dtype(y) == "!torch.str":
        raise Unsupported("string tensors have no torch equivalent")
    if b.dtype(cond) != "i1":
        raise Unsupported(f"condition must be bool, got {b.dtype(cond)}")
    if b.dtype(x) != b.dtype(y):
        raise Unsupported(f"operand dtypes differ ({b.dtype(x)} vs {b.dtype(y)})")
    return b.op("torch.aten.where.self", [cond, x, y], b.result_type())


TABLE = [
    ("Reciprocal", 1, unary("torch.aten.reciprocal", "Reciprocal", "1..13")),
    ("Round", 11, round_),
    ("Sign", 9, sign),
    ("Sin", 7, unary("torch.aten.sin", "Sin", "7..22")),
    ("Sinh", 9, unary("torch.aten.sinh", "Sinh", "9..22")),
    ("Sqrt", 1, unary("torch.aten.sqrt", "Sqrt", "1..13")),
    ("Sub", 1, binary("sub", "Sub", "1..14")),
    ("Sum", 1, variadic("sum", "Sum", "1..13")),
    ("Tan", 7, unary("torch.aten.tan", "Tan", "7..22")),
    ("Tanh", 1, unary("torch.aten.tanh", "Tanh", "1..13")),
    ("Where", 9, where),
    ("Xor", 1, elementwise2("torch.aten.logical_xor", "Xor", "1..7", bool_only=True)),
]


def populate(registry) -> None:
    """Register the Q-Z elementwise patterns."""
    register_table(registry, TABLE)
