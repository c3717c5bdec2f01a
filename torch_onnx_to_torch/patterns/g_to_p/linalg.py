"""G-P linear algebra: Gemm, MatMul, MatMulInteger."""

from __future__ import annotations

import math

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import (
    Binder,
    Types,
    Unsupported,
    build_before,
    float_operands,
    vtensor_asm,
)
from ..families import local, register_table


def _scalar_for(b: Binder, value: float, elt: str):
    """A torch scalar of the tensor's kind; declines a fractional factor on an int tensor."""
    if dtypes.is_float(elt):
        return b.float(value)
    if value != int(value):
        raise Unsupported(f"non-integral factor {value} on an integer tensor")
    return b.int(int(value))


def _as_matrix(b: Binder, v: ir.Value) -> ir.Value:
    """A Gemm operand, which ONNX defines as 2-D. An unranked one gets a [?,?] type; one
    declared with another rank (e.g. the [] placeholders of an un-inferred subgraph body)
    has a wrong type, and goes on unranked for refinement to fill in."""
    shape, elt = b.tensor_info(v)
    if shape is None:
        return b.op("torch.tensor_static_info_cast", [v], b.vtensor([None, None], elt))
    if len(shape) != 2:
        return b.op("torch.tensor_static_info_cast", [v], b.vtensor(None, elt))
    return v


def gemm(b: Binder):
    """Gemm-1..13 -> aten.permute? + aten.mm (+ aten.mul.Scalar alpha, aten.add.Tensor
    beta*C)

    The `broadcast` attribute of Gemm-1..6 needs nothing: with broadcast=0 C already has the
    result shape, and aten.add.Tensor broadcasts otherwise. Integer types take integral
    alpha/beta only. Operands of unknown or wrongly declared rank are taken as matrices."""
    a, c_mat = _as_matrix(b, b.input(0)), _as_matrix(b, b.input(1))
    c = b.optional_input(2)
    if b.opset < 11 and c is None:
        raise Unsupported("input C is required before opset 11")
    alpha, beta = b.attr_float("alpha", 1.0), b.attr_float("beta", 1.0)
    elt = b.dtype(a)
    if b.dtype(c_mat) != elt:
        raise Unsupported(f"A and B dtypes differ ({elt}, {b.dtype(c_mat)})")
    if elt not in ("f16", "bf16", "f32", "f64", "si32", "si64"):
        raise Unsupported(f"dtype {elt} is not supported")
    if b.attr_int("transA", 0):
        a = emit.permute(b, a, [1, 0])
    if b.attr_int("transB", 0):
        c_mat = emit.permute(b, c_mat, [1, 0])
    sa, sb = b.shape(a), b.shape(c_mat)
    mm_shape = None if sa is None or sb is None else [sa[0], sb[1]]
    mm_type = b.vtensor(mm_shape, elt)
    y = b.op("torch.aten.mm", [a, c_mat], mm_type)
    if alpha != 1.0:
        y = b.op("torch.aten.mul.Scalar", [y, _scalar_for(b, alpha, elt)], mm_type)
    if c is None or beta == 0.0:
        return y
    if b.dtype(c) != elt:
        raise Unsupported(f"C dtype {b.dtype(c)} differs from {elt}")
    c_shape = b.shape(c)
    out_shape = mm_shape
    if mm_shape is not None and c_shape is not None and len(c_shape) <= 2:
        out_shape = emit.broadcast_shape(mm_shape, c_shape)
    return b.op("torch.aten.add.Tensor", [y, c, _scalar_for(b, beta, elt)],
                b.vtensor(out_shape, elt))


def matmul_nd(b: Binder, x: ir.Value, y: ir.Value, elt: str) -> ir.Value:
    """numpy matmul of `x` and `y` (ranks >= 1) as an `aten.matmul` of operands of rank >= 2.

    A 1-D operand is unsqueezed to a matrix and the extra dim squeezed from the result:
    torch-mlir does not lower aten.matmul of a 1-D operand with one of rank 3 or more.
    """
    xs, ys = b.shape(x), b.shape(y)
    if xs is None or ys is None:
        raise Unsupported("operand rank is unknown")
    if not xs or not ys:
        raise Unsupported("operands must have rank >= 1")
    if len(xs) == 1 and len(ys) == 1:
        return b.op("torch.aten.matmul", [x, y], b.vtensor([], elt))
    squeeze = None
    if len(xs) == 1:
        x, xs, squeeze = emit.unsqueeze(b, x, 0), (1,) + tuple(xs), -2
    if len(ys) == 1:
        y, ys, squeeze = emit.unsqueeze(b, y, 1), tuple(ys) + (1,), -1
    batch = emit.broadcast_shape(xs[:-2], ys[:-2])
    out = list(batch) + [xs[-2], ys[-1]]
    r = b.op("torch.aten.matmul", [x, y], b.vtensor(out, elt))
    if squeeze is None:
        return r
    del out[squeeze]
    return b.op("torch.aten.squeeze.dim", [r, b.int(squeeze)], b.vtensor(out, elt))


@local
def matmul(b: Binder):
    """MatMul-1..13 -> aten.matmul (numpy semantics, batch broadcasting; 1-D operands through
    aten.unsqueeze + aten.squeeze.dim)"""
    x, y = b.input(0), b.input(1)
    if not b.shape(x) or not b.shape(y):
        # Ranks unknown, or declared 0 (a wrong type: MatMul needs rank >= 1, e.g. the []
        # placeholders of an un-inferred subgraph body): aten.matmul has the same semantics.
        return b.op("torch.aten.matmul", [x, y], b.result_type())
    return matmul_nd(b, x, y, b.dtype(b.result_type()))


def _matmul_direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
    """MatMul of float operands of rank >= 2 whose result type is the static one `matmul`
    computes: its aten.matmul without a Binder; None otherwise (see convert_op)."""
    got = float_operands(op, types, 2)
    if got is None:
        return None
    (x, y), out, _, elt = got
    xs, ys = types.info(x.type)[0], types.info(y.type)[0]
    if xs is None or ys is None or len(xs) < 2 or len(ys) < 2:
        return None
    batch = emit.broadcast_shape(xs[:-2], ys[:-2])
    if batch is None or types.get(vtensor_asm([*batch, xs[-2], ys[-1]], elt)) != out:
        return None
    return build_before(op, "torch.aten.matmul", [x, y], out)


matmul.direct = _matmul_direct


def per_row_or_column(b: Binder, v: ir.Value, rank: int, axis_from_end: int, what: str
                      ) -> ir.Value:
    """A scale or zero point of a matmul operand of rank `rank`, made to broadcast against
    it: one value (per tensor), a 1-D vector along dim `rank - axis_from_end` (per row: 2,
    per column: 1), or already of the operand's rank ([..., M, 1] / [..., 1, K])."""
    shape = b.shape(v)
    if shape is None:
        raise Unsupported(f"{what} rank is unknown")
    if None not in shape and math.prod(shape) == 1:
        return emit.reshape(b, v, [], []) if shape else v
    if len(shape) == 1 and rank >= axis_from_end:
        return emit.unsqueeze(b, v, 1) if axis_from_end == 2 else v
    if len(shape) == rank and rank >= 2:
        return v
    raise Unsupported(f"{what} of shape {list(shape)} is neither per tensor nor per "
                      f"{'row' if axis_from_end == 2 else 'column'}".replace("None", "?"))


def minus_zero_point(b: Binder, v: ir.Value, zp: ir.Value | None, axis_from_end: int,
                      what: str) -> ir.Value:
    """`v` widened to si32, minus its zero point if any."""
    shape = b.shape(v)
    vi = emit.to_dtype(b, v, "si32")
    if zp is None:
        return vi
    if b.dtype(zp) != b.dtype(v):
        raise Unsupported(f"{what} dtype {b.dtype(zp)} differs from its operand's {b.dtype(v)}")
    zp = emit.to_dtype(b, per_row_or_column(b, zp, len(shape), axis_from_end, what), "si32")
    return b.op("torch.aten.sub.Tensor", [vi, zp, b.int(1)], b.vtensor(shape, "si32"))


def matmul_integer(b: Binder):
    """MatMulInteger-10 -> aten.to.dtype(si32) - zero points (per tensor, per row of A, per
    column of B) + aten.matmul"""
    x, y = b.input(0), b.input(1)
    for v in (x, y):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"MatMulInteger operands must be 8-bit integers, got {b.dtype(v)}")
        if b.shape(v) is None:
            raise Unsupported("operand rank is unknown")
    x = minus_zero_point(b, x, b.optional_input(2), 2, "a_zero_point")
    y = minus_zero_point(b, y, b.optional_input(3), 1, "b_zero_point")
    return matmul_nd(b, x, y, "si32")


TABLE = [
    ("Gemm", 1, gemm),
    ("MatMul", 1, matmul),
    ("MatMulInteger", 10, matmul_integer),
]


def populate(registry) -> None:
    """Register the G-P linear algebra patterns."""
    register_table(registry, TABLE)
