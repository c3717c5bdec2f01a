"""Patterns for default-domain ONNX ops whose names start with Q to Z."""

from __future__ import annotations

import math

from .. import emit
from ..binder import Binder, Unsupported
from .families import binary, register_table, unary


def reshape(b: Binder):
    """Reshape-1..25 (shape as attribute before opset 5, as input after; allowzero from 14)
    -> aten.reshape (0 entries copy the input dim unless allowzero)."""
    x = b.input(0)
    allowzero = b.attr_int("allowzero", 0) if b.opset >= 14 else 0
    if b.opset < 5:
        target = b.attr_ints("shape")
        return _reshape_static(b, x, target, allowzero)
    shape_in = b.input(1)
    vals = b.const_value(shape_in)
    if vals is not None:
        return _reshape_static(b, x, [int(v) for v in vals.reshape(-1)], allowzero)
    dims = emit.int_entries(b, shape_in, "a dynamic shape input")
    if not allowzero:
        rank = b.rank(x)
        for i, d in enumerate(dims):
            if i < rank:  # d == 0 ? size(x, i) : d, as d + (d == 0) * size(x, i)
                is0 = b.op("torch.aten.eq.int", [d, b.int(0)], b.types.bool)
                is0 = b.op("torch.aten.Int.bool", [is0], b.types.int)
                keep = b.op("torch.aten.mul.int", [is0, emit.size(b, x, i)], b.types.int)
                dims[i] = b.op("torch.aten.add.int", [d, keep], b.types.int)
    return b.op("torch.aten.reshape", [x, b.int_list(dims)], b.result_type())


def _reshape_static(b: Binder, x, target: list[int], allowzero: int):
    if not allowzero and 0 in target:
        target = [emit.size(b, x, i) if d == 0 else d for i, d in enumerate(target)]
    if sum(1 for d in target if isinstance(d, int) and d == -1) > 1:
        raise Unsupported("more than one -1 in the target shape")
    return b.op("torch.aten.reshape", [x, b.int_list(target)], b.result_type())


def softmax(b: Binder):
    """Softmax-1..13 -> aten.softmax.int; before opset 13 the input is coerced to 2-D at
    `axis` (default 1), i.e. aten.flatten.using_ints + softmax + aten.reshape back."""
    x = b.input(0)
    rank = b.rank(x)
    out = b.result_type()
    none = b.none()
    if b.opset >= 13:
        axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
        return b.op("torch.aten.softmax.int", [x, b.int(axis), none], out)
    axis = emit.normalize_axis(b.attr_int("axis", 1), rank)
    if axis == rank - 1:
        return b.op("torch.aten.softmax.int", [x, b.int(axis), none], out)
    shape, elt = b.tensor_info(x)
    tail = shape[axis:]
    flat_shape = list(shape[:axis]) + [None if None in tail else math.prod(tail)]
    flat = b.op("torch.aten.flatten.using_ints", [x, b.int(axis), b.int(rank - 1)],
                b.vtensor(flat_shape, elt))
    y = b.op("torch.aten.softmax.int", [flat, b.int(axis), none], b.vtensor(flat_shape, elt))
    return emit.reshape(b, y, emit.dim_sizes(b, x), shape)


def transpose(b: Binder):
    """Transpose-1..25 -> aten.permute (perm defaults to reversing the dims)."""
    x = b.input(0)
    rank = b.rank(x)
    perm = b.attr_ints("perm", list(reversed(range(rank))))
    if sorted(emit.normalize_axis(p, rank, "perm entry") for p in perm) != list(range(rank)):
        raise Unsupported(f"perm {perm} is not a permutation of rank {rank}")
    perm = [emit.normalize_axis(p, rank) for p in perm]
    return b.op("torch.aten.permute", [x, b.int_list(perm)], b.result_type())


TABLE = [
    ("Reciprocal", 1, unary("torch.aten.reciprocal", "Reciprocal", "1..13")),
    ("Relu", 1, unary("torch.aten.relu", "Relu", "1..14")),
    ("Reshape", 1, reshape),
    ("Sigmoid", 1, unary("torch.aten.sigmoid", "Sigmoid", "1..13")),
    ("Sin", 7, unary("torch.aten.sin", "Sin", "7")),
    ("Softmax", 1, softmax),
    ("Sqrt", 1, unary("torch.aten.sqrt", "Sqrt", "1..13")),
    ("Sub", 1, binary("sub", "Sub", "1..14")),
    ("Tanh", 1, unary("torch.aten.tanh", "Tanh", "1..13")),
    ("Transpose", 1, transpose),
]


def populate(registry) -> None:
    """Register the Q-Z patterns."""
    register_table(registry, TABLE)
