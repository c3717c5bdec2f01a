"""G-P elementwise ops: unary math, binary arithmetic, comparisons, Identity."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import binary, legacy_broadcast, register_table, unary


def identity(b: Binder):
    """Identity-1..25 -> its input (tensors, sequences and optionals alike)."""
    return b.input(0)


def pow_(b: Binder):
    """Pow-1..15 -> aten.pow.Tensor_Tensor (+ aten.to.dtype back to the base's dtype when the
    exponent's dtype differs, as ONNX keeps the base type)."""
    base, exponent = legacy_broadcast(b, b.input(0), b.input(1))
    out = b.result_type()
    eb, ee = b.dtype(base), b.dtype(exponent)
    if eb == ee:
        return b.op("torch.aten.pow.Tensor_Tensor", [base, exponent], out)
    # torch promotes mixed dtypes; compute in the promoted type and cast back.
    promoted = dtypes.promote(eb, ee)
    if promoted is None:
        raise Unsupported(f"no torch promotion for base/exponent dtypes {eb}/{ee}")
    shape = b.shape(out)
    y = b.op("torch.aten.pow.Tensor_Tensor", [base, exponent], b.vtensor(shape, promoted))
    return emit.to_dtype(b, y, eb)


TABLE = [
    ("Greater", 1, binary("gt", "Greater", "1..13")),
    ("Identity", 1, identity),
    ("Less", 1, binary("lt", "Less", "1..13")),
    ("Log", 1, unary("torch.aten.log", "Log", "1..13")),
    ("Mul", 1, binary("mul", "Mul", "1..14")),
    ("Neg", 1, unary("torch.aten.neg", "Neg", "1..13")),
    ("Pow", 1, pow_),
]


def populate(registry) -> None:
    """Register the G-P elementwise patterns."""
    register_table(registry, TABLE)
