"""Contrib activations and bias fusions: Gelu, BiasGelu, FastGelu, QuickGelu, BiasAdd,
BiasSplitGelu, BiasSoftmax (com.microsoft)."""

from __future__ import annotations

import math
import sys

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import float_input
from . import inference as inf


def _plus_bias(b: Binder, x: ir.Value, bias: ir.Value | None) -> ir.Value:
    """x + bias (bias broadcasts along the last dim); x's shape is kept."""
    if bias is None:
        return x
    y = emit.binary(b, "add", x, bias)
    if b.shape(y) != b.shape(x):
        y = b.op("torch.tensor_static_info_cast", [y], emit.like(b, x))
    return y


def _exact_gelu(b: Binder, x: ir.Value) -> ir.Value:
    return b.op("torch.aten.gelu", [x, b.str("none")], x.type)


def gelu(b: Binder):
    """com.microsoft Gelu-1 -> aten.gelu (approximate none)"""
    return _exact_gelu(b, float_input(b))


def bias_gelu(b: Binder):
    """com.microsoft BiasGelu-1 -> aten.add.Tensor + aten.gelu (approximate none)"""
    return _exact_gelu(b, _plus_bias(b, float_input(b), b.input(1)))


def fast_gelu(b: Binder):
    """com.microsoft FastGelu-1 (optional bias) -> x * aten.sigmoid(2 * sqrt(2/pi) * (x +
    0.044715 x^3)), the tanh approximation written with a sigmoid"""
    x = _plus_bias(b, float_input(b), b.optional_input(1))
    # 0.5 * (1 + tanh(z)) == sigmoid(2z), precise for very negative z where 1 + tanh is not.
    t = x.type
    cube = b.op("torch.aten.mul.Tensor", [b.op("torch.aten.mul.Tensor", [x, x], t), x], t)
    inner = b.op("torch.aten.add.Tensor", [x, cube, b.float(0.044715)], t)
    z = b.op("torch.aten.mul.Scalar", [inner, b.float(2.0 * math.sqrt(2.0 / math.pi))], t)
    return b.op("torch.aten.mul.Tensor", [x, b.op("torch.aten.sigmoid", [z], t)], t)


def quick_gelu(b: Binder):
    """com.microsoft QuickGelu-1 (alpha) -> x * aten.sigmoid(alpha * x)"""
    x = float_input(b)
    t = x.type
    ax = b.op("torch.aten.mul.Scalar", [x, b.float(b.attr_float("alpha", 1.702))], t)
    return b.op("torch.aten.mul.Tensor", [x, b.op("torch.aten.sigmoid", [ax], t)], t)


def bias_add(b: Binder):
    """com.microsoft BiasAdd-1 -> X + bias + skip (aten.add.Tensor)"""
    x = _plus_bias(b, float_input(b), b.input(1))
    return _plus_bias(b, x, b.input(2))


def bias_split_gelu(b: Binder):
    """com.microsoft BiasSplitGelu-1 -> aten.add.Tensor, aten.slice.Tensor of the last dim in
    halves, left * aten.gelu(right)"""
    x = _plus_bias(b, float_input(b), b.input(1))
    shape = b.shape(x)
    if shape is None or shape[-1] is None or shape[-1] % 2:
        raise Unsupported("the last dim must be static and even")
    half = shape[-1] // 2
    t = b.vtensor(list(shape[:-1]) + [half], b.dtype(x))
    last = len(shape) - 1

    def part(start):
        return b.op("torch.aten.slice.Tensor",
                    [x, b.int(last), b.int(start), b.int(start + half), b.int(1)], t)

    left, right = part(0), part(half)
    return b.op("torch.aten.mul.Tensor", [left, _exact_gelu(b, right)], t)


def bias_softmax(b: Binder):
    """com.microsoft BiasSoftmax-1 (axis; bias of the data's rank, broadcasting) ->
    aten.add.Tensor + aten.softmax.int over the dims from axis (flattened when axis is not the
    last)"""
    x, bias = float_input(b), b.input(1)
    rank = b.rank(x)
    if b.rank(bias) != rank:
        # Both broadcast modes agree with numpy broadcasting only at equal ranks.
        raise Unsupported("a bias of another rank than the data (is_inner_broadcast layout)")
    s = _plus_bias(b, x, bias)
    axis = emit.normalize_axis(b.attr_int("axis", 1), rank)
    if axis == rank - 1:
        return b.op("torch.aten.softmax.int", [s, b.int(-1), b.none()], s.type)
    sizes = emit.dim_sizes(b, s)
    flat = emit.static_or_none(sizes[:axis]) + [None]
    if all(isinstance(d, int) for d in sizes[axis:]):
        flat[-1] = math.prod(sizes[axis:])
    s2 = emit.reshape(b, s, sizes[:axis] + [-1], flat)
    y = b.op("torch.aten.softmax.int", [s2, b.int(-1), b.none()], s2.type)
    return emit.reshape(b, y, sizes, b.shape(s))


def _infer_split(node, ins):
    x = ins[0]
    d = inf.dim(x, -1)
    if x is None or x[1] is None:
        return [None]
    return [(x[0], list(x[1][:-1]) + [d // 2 if isinstance(d, int) else None])]


TABLE = [
    ("BiasAdd", 1, bias_add),
    ("BiasGelu", 1, bias_gelu),
    ("BiasSoftmax", 1, bias_softmax),
    ("BiasSplitGelu", 1, bias_split_gelu),
    ("FastGelu", 1, fast_gelu),
    ("Gelu", 1, gelu),
    ("QuickGelu", 1, quick_gelu),
]

INFER = {
    "BiasAdd": inf.same_as(0),
    "BiasGelu": inf.same_as(0),
    "BiasSoftmax": inf.same_as(0),
    "BiasSplitGelu": _infer_split,
    "FastGelu": inf.same_as(0),
    "Gelu": inf.same_as(0),
    "QuickGelu": inf.same_as(0),
}


def populate(registry) -> None:
    """Register this module's contrib patterns."""
    from . import register_tables

    register_tables(sys.modules[__name__], registry)
