"""G-P activations: Gelu, HardSigmoid, HardSwish, LeakyRelu, Mish, PRelu, and the Softmax-family
Hardmax and LogSoftmax."""

from __future__ import annotations

import math

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import float_input, local, register_table, softmax_axis


@local
def gelu(b: Binder):
    """Gelu-20 -> aten.gelu (approximate none); approximate tanh -> x * aten.sigmoid(2 * sqrt(2/pi)
    * (x + 0.044715 x^3)) (aten.mul, aten.add)"""
    x = float_input(b)
    approximate = b.attr_str("approximate", "none")
    if approximate == "none":
        return b.op("torch.aten.gelu", [x, b.str("none")], b.result_type())
    if approximate != "tanh":
        raise Unsupported(f"unknown approximate '{approximate}'")
    # 0.5 * (1 + tanh(z)) == sigmoid(2z): the lowered tanh loses the relative precision of
    # 1 + tanh(z) for very negative z (the node test test_gelu_tanh_2 fails with aten.gelu).
    t = x.type
    cube = b.op("torch.aten.mul.Tensor", [b.op("torch.aten.mul.Tensor", [x, x], t), x], t)
    inner = b.op("torch.aten.add.Tensor", [x, cube, b.float(0.044715)], t)
    z = b.op("torch.aten.mul.Scalar", [inner, b.float(2.0 * math.sqrt(2.0 / math.pi))], t)
    return b.op("torch.aten.mul.Tensor", [x, b.op("torch.aten.sigmoid", [z], t)],
                b.result_type())


@local
def hard_sigmoid(b: Binder):
    """HardSigmoid-1..22 -> aten.mul.Scalar + aten.add.Scalar + aten.clamp to [0, 1]"""
    x = float_input(b)
    alpha, beta = b.attr_float("alpha", 0.2), b.attr_float("beta", 0.5)
    y = b.op("torch.aten.mul.Scalar", [x, b.float(alpha)], x.type)
    y = b.op("torch.aten.add.Scalar", [y, b.float(beta), b.int(1)], x.type)
    return b.op("torch.aten.clamp", [y, b.float(0.0), b.float(1.0)], b.result_type())


@local
def hard_swish(b: Binder):
    """HardSwish-14..22 -> aten.hardswish"""
    x = float_input(b)
    return b.op("torch.aten.hardswish", [x], b.result_type())


def hardmax(b: Binder):
    """Hardmax-1..13 -> aten.argmax + aten.arange + aten.eq.Tensor + aten.to.dtype (one-hot of
    the first maximum); before opset 13 along the input coerced to 2-D (aten.flatten.using_ints,
    aten.reshape)"""
    x = b.input(0)
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"Hardmax of {elt} (float types only)")

    def apply(v, axis, out):
        shape = b.shape(v)
        rank = len(shape)
        if rank == 0:
            raise Unsupported("Hardmax of a scalar")
        idx_shape = list(shape)
        idx_shape[axis] = 1
        idx = b.op("torch.aten.argmax", [v, b.int(axis), b.bool(True)],
                   b.vtensor(idx_shape, "si64"))
        n = emit.size(b, v, axis)
        none = b.none()
        ar = b.op("torch.aten.arange", [n, b.int(b.torch_dtype_of("si64")), none, none, none],
                  b.vtensor([shape[axis]], "si64"))
        trailing = [1] * (rank - axis - 1)
        if trailing:
            ar = emit.reshape(b, ar, [n] + trailing, [shape[axis]] + trailing)
        hot = b.op("torch.aten.eq.Tensor", [ar, idx], b.vtensor(shape, "i1"))
        return emit.to_dtype(b, hot, elt)

    return softmax_axis(b, x, apply)


@local
def log_softmax(b: Binder):
    """LogSoftmax-1..13 -> aten.log_softmax.int; before opset 13 along the input coerced to 2-D
    (aten.flatten.using_ints, aten.reshape)"""
    x = float_input(b)
    none = b.none()
    return softmax_axis(
        b, x, lambda v, axis, out: b.op("torch.aten.log_softmax.int", [v, b.int(axis), none],
                                        out))




@local
def leaky_relu(b: Binder):
    """LeakyRelu-1..16 -> aten.leaky_relu"""
    x = float_input(b)
    return b.op("torch.aten.leaky_relu", [x, b.float(b.attr_float("alpha", 0.01))],
                b.result_type())


@local
def mish(b: Binder):
    """Mish-18..22 -> aten.mish"""
    x = float_input(b)
    return b.op("torch.aten.mish", [x], b.result_type())


def prelu(b: Binder):
    """PRelu-1..16 -> aten.lt.Tensor + aten.mul.Tensor + aten.where.self (slope broadcast to the
    input; unsigned inputs are never negative and pass through)"""
    x, slope = b.input(0), b.input(1)
    elt = b.dtype(x)
    if b.dtype(slope) != elt:
        raise Unsupported(f"operand dtypes differ ({elt} vs {b.dtype(slope)})")
    xs, ss = b.shape(x), b.shape(slope)
    if xs is None or ss is None:
        raise Unsupported("operand rank is unknown")
    if len(ss) > len(xs) or any(s not in (1, d) and d is not None
                                for s, d in zip(reversed(ss), reversed(xs))):
        # unidirectional broadcast; before opset 7 the spec gives no broadcast rule but
        # shared (size-1) and same-shape slopes, which this covers
        raise Unsupported(f"slope shape {list(ss)} does not broadcast to input shape "
                          f"{list(xs)}".replace("None", "?"))
    if elt in dtypes.UNSIGNED_INT_TYPES:
        return x
    out = b.result_type()
    neg = b.op("torch.aten.lt.Tensor", [x, emit.scalar_tensor(b, 0, elt)], emit.like(b, x, "i1"))
    scaled = b.op("torch.aten.mul.Tensor", [x, slope], x.type)
    return b.op("torch.aten.where.self", [neg, scaled, x], out)


TABLE = [
    ("Gelu", 20, gelu),
    ("HardSigmoid", 1, hard_sigmoid),
    ("HardSwish", 14, hard_swish),
    ("Hardmax", 1, hardmax),
    ("LeakyRelu", 1, leaky_relu),
    ("LogSoftmax", 1, log_softmax),
    ("Mish", 18, mish),
    ("PRelu", 1, prelu),
]


def populate(registry) -> None:
    """Register the G-P activation patterns."""
    register_table(registry, TABLE)
