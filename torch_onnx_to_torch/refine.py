"""Result shapes for elementwise torch ops built with an unranked type.

Where ONNX shape inference leaves a value without a shape, its declared type is unranked
(`!torch.vtensor<*,f32>`) and a handler that builds its op with the declared result type builds
an unranked result, which neither the next handler (it needs ranks) nor torch-mlir's backend
contract accepts. For the elementwise ops the shape is the broadcast of the tensor operands'
shapes: `refine_created` sets it on each op a handler built, in the order they were built,
before the result is matched with the declared type.
"""

from __future__ import annotations

from . import emit
from .binder import Binder

_UNARY = ("abs neg log log1p log2 exp expm1 sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh "
          "asinh acosh atanh sigmoid relu gelu erf floor ceil round trunc sign reciprocal isnan "
          "isinf logical_not bitwise_not hardswish hardsigmoid mish softplus elu celu selu silu "
          "leaky_relu hardtanh clamp clamp_min clamp_max threshold to.dtype square frac")
_BINARY = ("add sub mul div pow eq ne lt gt le ge logical_and logical_or logical_xor "
           "bitwise_and bitwise_or bitwise_xor bitwise_left_shift bitwise_right_shift "
           "minimum maximum fmod remainder floor_divide atan2 where")
_VARIANTS = ("", ".Tensor", ".Scalar", ".Tensor_mode", ".Scalar_mode", ".self", ".Tensor_Tensor",
             ".Tensor_Scalar", ".Tensor_Scalar", ".ScalarOther", ".ScalarSelf", ".dtype")

ELEMENTWISE = frozenset(
    f"torch.aten.{name}{v}" for name in (_UNARY + " " + _BINARY).split() for v in _VARIANTS)


def refine_created(b: Binder) -> None:
    """Give the unranked results of the elementwise ops `b` built their broadcast shape."""
    for op in b.created:
        if op.name not in ELEMENTWISE or len(op.results) != 1:
            continue
        result = op.results[0]
        info = b.types.info(result.type)
        if info is None or info[0] is not None:
            continue
        shape = ()
        for v in op.operands:
            vinfo = b.types.info(v.type)
            if vinfo is None:
                continue  # a scalar operand
            shape = emit.broadcast_shape(shape, vinfo[0])
            if shape is None:
                break
        if shape is not None:
            result.set_type(b.vtensor(shape, info[1]))
