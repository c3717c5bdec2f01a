"""Conversion-time evaluation of small integer tensors computed by torch ops.

Exported models compute shapes at run time (Shape -> Gather -> Concat -> Reshape; masks as
Where(Equal(ConstantOfShape(..) * -1, ..))). When every input of such a computation is a
constant, `fold` evaluates the torch ops a handler built, so that the pass can replace the
result with a literal: the next handler reads it as a constant and the types come out static.
Only integer and bool tensors of at most MAX_FOLD elements are folded (shape-like values),
and only results whose static type the evaluation matches.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from . import dtypes

MAX_FOLD = 1024
_MAX_DEPTH = 24
FOLDABLE = ("si64", "si32", "si16", "si8", "ui8", "i1")  # the element types fold() evaluates
_CMP = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "gt": np.greater,
        "le": np.less_equal, "ge": np.greater_equal}


def _owner(v: ir.Value):
    owner = v.owner
    return owner.operation if isinstance(owner, (ir.Operation, ir.OpView)) else None


def scalar_const(v: ir.Value):
    """The value of a torch.constant.int/float/str/bool/none; raises KeyError otherwise."""
    op = _owner(v)
    if op is None or not op.name.startswith("torch.constant."):
        raise KeyError
    if op.name == "torch.constant.none":
        return None
    return op.attributes["value"].value


def _int_list(v: ir.Value) -> list[int]:
    op = _owner(v)
    if op is None or op.name != "torch.prim.ListConstruct":
        raise KeyError
    return [int(scalar_const(x)) for x in op.operands]


def _int_scalar(v: ir.Value) -> int:
    s = scalar_const(v)
    if not isinstance(s, int) or isinstance(s, bool):
        raise TypeError
    return s


_LOGICAL = {"aten.logical_and": np.logical_and, "aten.logical_or": np.logical_or,
            "aten.logical_xor": np.logical_xor, "aten.logical_not": None}


def fold(b, v: ir.Value, depth: int = 0) -> np.ndarray | None:
    """The value of `v` if it is a constant or a small integer/bool tensor that torch ops
    compute from constants; else None."""
    vals = b.literal_value(v)
    if vals is not None or depth > _MAX_DEPTH:
        return vals
    op = _owner(v)
    info = b.types.info(v.type)
    if op is None or info is None or info[0] is None or info[1] not in FOLDABLE:
        return None
    if any(d is None for d in info[0]) or int(np.prod(info[0])) > MAX_FOLD:
        return None
    try:
        out = _evaluate(b, op, depth + 1)
    except (KeyError, ValueError, IndexError, TypeError, AttributeError, ZeroDivisionError,
            OverflowError):
        return None
    if out is None:
        return None
    out = np.asarray(out)
    if out.shape != tuple(info[0]):
        return None  # only trust a result matching the op's type
    return out.astype(dtypes.BY_MLIR[info[1]].numpy)


def _evaluate(b, op, depth: int):
    name = op.name.removeprefix("torch.")
    ins = list(op.operands)

    def t(i):
        r = fold(b, ins[i], depth)
        if r is None:
            raise KeyError
        return r

    if name == "tensor_static_info_cast":
        return t(0)
    if name == "aten._shape_as_tensor":
        shape = b.shape(ins[0])
        return None if shape is None or None in shape else np.array(shape, dtype=np.int64)
    if name == "prim.NumToTensor.Scalar":
        return np.array(scalar_const(ins[0]))
    if name in ("aten.full", "aten.broadcast_to", "aten.expand"):
        if name == "aten.full":
            return np.full(_int_list(ins[0]), scalar_const(ins[1]))
        return np.broadcast_to(t(0), _int_list(ins[1]))
    if name == "aten.cat":
        items = _owner(ins[0])
        if items is None or items.name != "torch.prim.ListConstruct":
            return None
        parts = [fold(b, x, depth) for x in items.operands]
        if any(p is None for p in parts):
            return None
        return np.concatenate(parts, axis=scalar_const(ins[1]))
    if name == "aten.div.Tensor_mode":
        x, y, mode = t(0), t(1), scalar_const(ins[2])
        if np.any(y == 0) or x.dtype.kind not in "iu":
            return None
        if mode == "floor":
            return np.floor_divide(x, y)
        if mode == "trunc":
            q = np.abs(x) // np.abs(y)
            return np.where((x < 0) != (y < 0), -q, q)
        return None
    if name in ("aten.mul.Tensor", "aten.mul.Scalar"):
        return t(0) * (t(1) if name.endswith("Tensor") else _int_scalar(ins[1]))
    if name in ("aten.add.Tensor", "aten.sub.Tensor", "aten.add.Scalar", "aten.sub.Scalar"):
        other = t(1) if name.endswith("Tensor") else _int_scalar(ins[1])
        y = other * _int_scalar(ins[2])
        return t(0) + y if name.startswith("aten.add") else t(0) - y
    if name == "aten.neg":
        return -t(0)
    for cmp, fn in _CMP.items():
        if name == f"aten.{cmp}.Tensor":
            return fn(t(0), t(1))
        if name == f"aten.{cmp}.Scalar":
            return fn(t(0), scalar_const(ins[1]))
    if name == "aten.where.self":
        return np.where(t(0), t(1), t(2))
    if name in _LOGICAL:
        if name == "aten.logical_not":
            return np.logical_not(t(0))
        return _LOGICAL[name](t(0), t(1))
    if name == "aten.to.dtype":
        x = t(0)
        if x.dtype.kind == "f":
            return None  # only integer/bool sources: no float rounding questions
        return x
    if name == "aten.unsqueeze":
        x = t(0)
        return np.expand_dims(x, scalar_const(ins[1]) % (x.ndim + 1))
    if name == "aten.squeeze.dim":
        return np.squeeze(t(0), scalar_const(ins[1]))
    if name in ("aten.reshape", "aten.view"):
        return t(0).reshape(b.shape(op.results[0]))
    if name == "aten.slice.Tensor":
        x = t(0)
        dim, start, end, step = (scalar_const(o) for o in ins[1:5])
        if step is None or step <= 0:
            return None
        key = [slice(None)] * x.ndim
        key[dim] = slice(start, end, step)
        return x[tuple(key)]
    if name == "aten.select.int":
        return np.take(t(0), scalar_const(ins[2]), axis=scalar_const(ins[1]))
    if name == "aten.index_select":
        return np.take(t(0), t(2), axis=scalar_const(ins[1]))
    if name == "aten.permute":
        return np.transpose(t(0), _int_list(ins[1]))
    return None


# ----------------------------------------------------------------------------- shape entries
# `fold` evaluates a shape only when all of it is constant. Exported models often build a shape
# from run-time sizes and constants, and the constant entries matter: TorchScript's BERT mask is
# Expand(mask, Where(Equal(s, -1), 1, s)) with s = [batch, -1, seq, seq], whose entry 1 is 1
# whatever the sizes. Knowing it keeps the expanded mask's dim a static 1, which torch-mlir
# needs to broadcast it (it lowers a broadcast between two dynamic dims as if they were equal).
_ENTRIES_MAX_DEPTH = 24
_ENTRY_PASS_THROUGH = ("torch.aten.reshape", "torch.aten.view", "torch.aten.flatten.using_ints",
                 "torch.aten.unsqueeze", "torch.aten.squeeze", "torch.aten.squeeze.dim",
                 "torch.aten.to.dtype", "torch.tensor_static_info_cast")
_ENTRY_CMP = {"torch.aten.eq.Tensor": np.equal, "torch.aten.ne.Tensor": np.not_equal}


def known_entries(b, v: ir.Value, depth: int = 0) -> list[int | None] | None:
    """Per entry of a 0-D or 1-D integer/bool tensor of static length: its value when the
    conversion can tell (constants, static dims of aten._shape_as_tensor, and what aten.cat,
    aten.eq/ne.Tensor, aten.where.self and reshapes make of them), else None; None overall
    when the length is not static."""
    shape, elt = b.tensor_info(v)
    if shape is None or len(shape) > 1 or (shape and shape[0] is None) or \
            not elt.startswith(("si", "ui", "i1")):
        return None
    n = shape[0] if shape else 1
    vals = b.const_value(v)
    if vals is not None:
        return [int(x) for x in vals.reshape(-1)] if vals.size == n else None
    unknown = [None] * n
    owner = v.owner
    if depth > _ENTRIES_MAX_DEPTH or not isinstance(owner, (ir.Operation, ir.OpView)):
        return unknown
    op = owner.operation
    args = [known_entries(b, x, depth + 1) if isinstance(x.type, ir.Type) and
            str(x.type).startswith("!torch.vtensor") else None for x in op.operands]
    if op.name == "torch.aten._shape_as_tensor":
        dims = b.shape(op.operands[0])
        return list(dims) if dims is not None and len(dims) == n else unknown
    if op.name in _ENTRY_PASS_THROUGH:
        return args[0] if args[0] is not None and len(args[0]) == n else unknown
    if op.name == "torch.aten.cat":
        pieces = op.operands[0].owner
        if pieces.operation.name != "torch.prim.ListConstruct":
            return unknown
        out = []
        for piece in pieces.operation.operands:
            got = known_entries(b, piece, depth + 1)
            if got is None:
                return unknown
            out += got
        return out if len(out) == n else unknown
    if op.name in _ENTRY_CMP or op.name == "torch.aten.where.self":
        k = 2 if op.name in _ENTRY_CMP else 3
        if any(a is None or len(a) not in (1, n) for a in args[:k]):
            return unknown
        cols = [a * n if len(a) == 1 else a for a in args[:k]]
        if op.name in _ENTRY_CMP:
            return [None if x is None or y is None else int(_ENTRY_CMP[op.name](x, y))
                    for x, y in zip(*cols)]
        return [(t if c else f) if c is not None else (t if t == f else None)
                for c, t, f in zip(*cols)]
    return unknown
