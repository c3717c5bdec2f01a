"""G-P linear algebra: Gemm, MatMul."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table


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


def matmul(b: Binder):
    """MatMul-1..13 -> aten.matmul (numpy matmul semantics, batch broadcasting)."""
    return b.op("torch.aten.matmul", [b.input(0), b.input(1)], b.result_type())


TABLE = [
    ("Gemm", 1, gemm),
    ("MatMul", 1, matmul),
]


def populate(registry) -> None:
    """Register the G-P linear algebra patterns."""
    register_table(registry, TABLE)
