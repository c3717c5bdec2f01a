"""Q-Z activations: Relu, Selu, Shrink, Sigmoid, Softmax, Softplus, Softsign, Swish, SwiGLU,
ThresholdedRelu."""

from __future__ import annotations

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Types, Unsupported, build_before, build_int_before, float_operands
from ..families import float_input, local, register_table, softmax_axis, unary


@local
def selu(b: Binder):
    """Selu-1..22 -> aten.elu(alpha, scale=gamma)"""
    x = float_input(b)
    alpha = b.attr_float("alpha", 1.67326319217681884765625)
    gamma = b.attr_float("gamma", 1.05070102214813232421875)
    return b.op("torch.aten.elu", [x, b.float(alpha), b.float(gamma), b.float(1.0)],
                b.result_type())


def shrink(b: Binder):
    """Shrink-9 -> aten.lt.Tensor / aten.gt.Tensor + aten.add.Tensor / aten.sub.Tensor +
    aten.where.self, the constants as rank-0 tensors of the input's dtype"""
    x = b.input(0)
    elt = b.dtype(x)
    lambd, bias = b.attr_float("lambd", 0.5), b.attr_float("bias", 0.0)
    if elt in dtypes.SIGNED_INT_TYPES:
        if not (lambd.is_integer() and bias.is_integer()):
            raise Unsupported(f"non-integral lambd {lambd} or bias {bias} on {elt}")
    elif not dtypes.is_float(elt):
        raise Unsupported(f"Shrink of {elt} is not supported")

    def const(v):
        return emit.scalar_tensor(b, v, elt)

    mask_t = emit.like(b, x, "i1")
    low = b.op("torch.aten.lt.Tensor", [x, const(-lambd)], mask_t)
    high = b.op("torch.aten.gt.Tensor", [x, const(lambd)], mask_t)
    up = b.op("torch.aten.add.Tensor", [x, const(bias), b.int(1)], x.type)
    down = b.op("torch.aten.sub.Tensor", [x, const(bias), b.int(1)], x.type)
    y = b.op("torch.aten.where.self", [high, down, const(0)], x.type)
    return b.op("torch.aten.where.self", [low, up, y], b.result_type())


@local
def softmax(b: Binder):
    """Softmax-1..13 -> aten.softmax.int; before opset 13 along the input coerced to 2-D
    (aten.flatten.using_ints, aten.reshape)"""
    x = float_input(b)
    none = b.none()
    return softmax_axis(
        b, x, lambda v, axis, out: b.op("torch.aten.softmax.int", [v, b.int(axis), none], out))


def _softmax_direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
    """Softmax-13+ of a float tensor with a static result: the `softmax` handler's IR (none,
    the axis, aten.softmax.int) without a Binder; None otherwise (see convert_op)."""
    got = float_operands(op, types, 1)
    if got is None or version < 13:
        return None
    (x,), out = got[0], got[1]
    shape = types.info(x.type)[0]
    attrs = op.attributes
    attr = attrs["torch.onnx.axis"] if "torch.onnx.axis" in attrs else None
    if shape is None or (attr is not None and not isinstance(attr, ir.IntegerAttr)):
        return None
    # out of range: Unsupported, and convert_op lets the handler decline
    axis = emit.normalize_axis(-1 if attr is None else attr.value, max(len(shape), 1))
    none = build_before(op, "torch.constant.none", [], types.none)
    dim = build_int_before(op, types, axis)
    return build_before(op, "torch.aten.softmax.int", [x, dim, none], out)


softmax.direct = _softmax_direct


@local
def softplus(b: Binder):
    """Softplus-1..22 -> aten.softplus (beta 1; linear above 20, where log(1 + exp(x)) == x in
    every float type)"""
    x = float_input(b)
    return b.op("torch.aten.softplus", [x, b.float(1.0), b.float(20.0)], b.result_type())


@local
def softsign(b: Binder):
    """Softsign-1..22 -> x / (1 + |x|): aten.abs + aten.add.Scalar + aten.div.Tensor"""
    x = float_input(b)
    d = b.op("torch.aten.add.Scalar", [b.op("torch.aten.abs", [x], x.type), b.float(1.0),
                                       b.int(1)], x.type)
    return b.op("torch.aten.div.Tensor", [x, d], b.result_type())


def _swish(b: Binder, x, alpha: float, out):
    if alpha == 1.0:
        return b.op("torch.aten.silu", [x], out)
    s = b.op("torch.aten.sigmoid", [b.op("torch.aten.mul.Scalar", [x, b.float(alpha)], x.type)],
             x.type)
    return b.op("torch.aten.mul.Tensor", [x, s], out)


def swish(b: Binder):
    """Swish-24 -> aten.silu (alpha 1), else x * aten.sigmoid(alpha * x)"""
    x = float_input(b)
    return _swish(b, x, b.attr_float("alpha", 1.0), b.result_type())


def swiglu(b: Binder):
    """SwiGLU-28 -> Swish(A) (aten.silu, or aten.sigmoid of alpha * A) * B (aten.mul.Tensor)"""
    a, v = float_input(b, 0), float_input(b, 1)
    if b.dtype(a) != b.dtype(v):
        raise Unsupported(f"operand dtypes differ ({b.dtype(a)} vs {b.dtype(v)})")
    gate = _swish(b, a, b.attr_float("alpha", 1.0), a.type)
    return b.op("torch.aten.mul.Tensor", [gate, v], b.result_type())


def thresholded_relu(b: Binder):
    """ThresholdedRelu-10..22 -> aten.threshold (x if x > alpha else 0)"""
    x = float_input(b)
    return b.op("torch.aten.threshold", [x, b.float(b.attr_float("alpha", 1.0)), b.float(0.0)],
                b.result_type())


TABLE = [
    ("Relu", 1, unary("torch.aten.relu", "Relu", "1..14")),
    ("Selu", 1, selu),
    ("Shrink", 9, shrink),
    ("Sigmoid", 1, unary("torch.aten.sigmoid", "Sigmoid", "1..13")),
    ("Softmax", 1, softmax),
    ("Softplus", 1, softplus),
    ("Softsign", 1, softsign),
    ("SwiGLU", 28, swiglu),
    ("Swish", 24, swish),
    ("ThresholdedRelu", 10, thresholded_relu),
]


def populate(registry) -> None:
    """Register the Q-Z activation patterns."""
    register_table(registry, TABLE)
