"""Result shapes for elementwise torch ops (and concatenations) built with an unranked type or
with `?` dims their operands give statically.

Where ONNX shape inference leaves a value without a shape, its declared type is unranked
(`!torch.vtensor<*,f32>`) and a handler that builds its op with the declared result type builds
an unranked result, which neither the next handler (it needs ranks) nor torch-mlir's backend
contract accepts; and a declared `?` that is 1 at run time is mis-broadcast by torch-mlir's
linalg lowering (an attention mask typed [2,?,16,16] for [2,1,16,16]). For the elementwise ops
the shape is the broadcast of the tensor operands' shapes, for `aten.cat` the items' shapes
summed along its dim: `refine_created` sets it on each op a handler built, in the order they
were built, before the result is matched with the declared type.
"""

from __future__ import annotations

from torch_mlir import ir

from . import emit
from .binder import Binder

_UNARY = ("abs neg log log1p log2 exp expm1 sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh "
          "asinh acosh atanh sigmoid relu gelu erf floor ceil round trunc sign reciprocal isnan "
          "isinf logical_not bitwise_not hardswish hardsigmoid mish softplus elu celu selu silu "
          "leaky_relu hardtanh clamp clamp_min clamp_max threshold to.dtype square frac "
          "softmax.int log_softmax.int _softmax _log_softmax")
_BINARY = ("add sub mul div pow eq ne lt gt le ge logical_and logical_or logical_xor "
           "bitwise_and bitwise_or bitwise_xor bitwise_left_shift bitwise_right_shift "
           "minimum maximum fmod remainder floor_divide atan2 where")
_VARIANTS = ("", ".Tensor", ".Scalar", ".Tensor_mode", ".Scalar_mode", ".self", ".Tensor_Tensor",
             ".Tensor_Scalar", ".ScalarOther", ".ScalarSelf", ".dtype")

ELEMENTWISE = frozenset(
    f"torch.aten.{name}{v}" for name in (_UNARY + " " + _BINARY).split() for v in _VARIANTS)


def refine_created(b: Binder) -> None:
    """Give the unranked results of the elementwise ops `b` built their broadcast shape."""
    for op in b.created:
        name = op.name
        if (name not in ELEMENTWISE and name != "torch.aten.cat") or len(op.results) != 1:
            continue
        result = op.results[0]
        info = b.types.info(result.type)
        if info is None or (info[0] is not None and None not in info[0]):
            continue
        if name == "torch.aten.cat":
            shape = _cat_shape(b, op)
        else:
            shape = ()
            for v in op.operands:
                vinfo = b.types.info(v.type)
                if vinfo is None:
                    continue  # a scalar operand
                shape = emit.broadcast_shape(shape, vinfo[0])
                if shape is None:
                    break
        if shape is None:
            continue
        if info[0] is not None:  # a declared `?` the operands give statically
            if len(shape) != len(info[0]):
                continue
            shape = [d if d is not None else s for d, s in zip(info[0], shape)]
            if list(shape) == list(info[0]):
                continue
        result.set_type(b.vtensor(shape, info[1]))


def _cat_shape(b: Binder, op) -> list | None:
    """The shape of `aten.cat(ListConstruct(items), dim)` from its items' shapes."""
    items, dim = op.operands[0].owner, op.operands[1].owner
    if not isinstance(items, ir.OpView) and not isinstance(items, ir.Operation):
        return None
    items, dim = items.operation, getattr(dim, "operation", None)
    if items.name != "torch.prim.ListConstruct" or dim is None or \
            dim.name != "torch.constant.int":
        return None
    shapes = [b.types.info(v.type) for v in items.operands]
    if not shapes or any(s is None or s[0] is None for s in shapes):
        return None
    rank = len(shapes[0][0])
    if any(len(s[0]) != rank for s in shapes) or rank == 0:
        return None
    d = dim.attributes["value"].value
    d = d + rank if d < 0 else d
    out = []
    for i in range(rank):
        dims = [s[0][i] for s in shapes]
        if i == d:
            out.append(None if None in dims else sum(dims))
        else:
            static = [x for x in dims if x is not None]
            out.append(static[0] if static else None)
    return out
