"""Q-Z elementwise ops: unary math, binary arithmetic, Softmax."""

from __future__ import annotations

import math

from ... import emit
from ...binder import Binder
from ..families import binary, register_table, unary


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


TABLE = [
    ("Reciprocal", 1, unary("torch.aten.reciprocal", "Reciprocal", "1..13")),
    ("Relu", 1, unary("torch.aten.relu", "Relu", "1..14")),
    ("Sigmoid", 1, unary("torch.aten.sigmoid", "Sigmoid", "1..13")),
    ("Sin", 7, unary("torch.aten.sin", "Sin", "7")),
    ("Softmax", 1, softmax),
    ("Sqrt", 1, unary("torch.aten.sqrt", "Sqrt", "1..13")),
    ("Sub", 1, binary("sub", "Sub", "1..14")),
    ("Tanh", 1, unary("torch.aten.tanh", "Tanh", "1..13")),
]


def populate(registry) -> None:
    """Register the Q-Z elementwise patterns."""
    register_table(registry, TABLE)
