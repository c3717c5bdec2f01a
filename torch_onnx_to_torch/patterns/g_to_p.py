"""Patterns for default-domain ONNX ops whose names start with G to P."""

from __future__ import annotations

from .. import dtypes, emit
from ..binder import Binder, Unsupported
from .families import binary, legacy_broadcast, register_table, unary


def _scalar_for(b: Binder, value: float, elt: str):
    """A torch scalar of the tensor's kind; declines a fractional factor on an int tensor."""
    if dtypes.is_float(elt):
        return b.float(value)
    if value != int(value):
        raise Unsupported(f"non-integral factor {value} on an integer tensor")
    return b.int(int(value))


def gemm(b: Binder):
    """Gemm-1..13 -> aten.transpose.int? + aten.mm (+ aten.mul.Scalar alpha, aten.add.Tensor
    beta*C)."""
    a, c_mat = b.input(0), b.input(1)
    c = b.optional_input(2)
    if b.opset < 11 and c is None:
        raise Unsupported("input C is required before opset 11")
    alpha, beta = b.attr_float("alpha", 1.0), b.attr_float("beta", 1.0)
    if b.rank(a) != 2 or b.rank(c_mat) != 2:
        raise Unsupported("Gemm inputs must be 2-D")
    elt = b.dtype(a)
    if b.attr_int("transA", 0):
        a = emit.permute(b, a, [1, 0])
    if b.attr_int("transB", 0):
        c_mat = emit.permute(b, c_mat, [1, 0])
    out = b.result_type()
    mm_type = b.vtensor([b.shape(a)[0], b.shape(c_mat)[1]], elt)
    y = b.op("torch.aten.mm", [a, c_mat], mm_type)
    if alpha != 1.0:
        y = b.op("torch.aten.mul.Scalar", [y, _scalar_for(b, alpha, elt)], mm_type)
    if c is None or beta == 0.0:
        return y
    return b.op("torch.aten.add.Tensor", [y, c, _scalar_for(b, beta, elt)], out)


def identity(b: Binder):
    """Identity-1..25 -> its input (tensors, sequences and optionals alike)."""
    return b.input(0)


def matmul(b: Binder):
    """MatMul-1..13 -> aten.matmul (numpy matmul semantics, batch broadcasting)."""
    return b.op("torch.aten.matmul", [b.input(0), b.input(1)], b.result_type())


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
    ("Gemm", 1, gemm),
    ("Greater", 1, binary("gt", "Greater", "1..13")),
    ("Identity", 1, identity),
    ("Less", 1, binary("lt", "Less", "1..13")),
    ("Log", 1, unary("torch.aten.log", "Log", "1..13")),
    ("MatMul", 1, matmul),
    ("Mul", 1, binary("mul", "Mul", "1..14")),
    ("Neg", 1, unary("torch.aten.neg", "Neg", "1..13")),
    ("Pow", 1, pow_),
]


def populate(registry) -> None:
    """Register the G-P patterns."""
    register_table(registry, TABLE)
