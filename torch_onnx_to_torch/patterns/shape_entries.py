"""Entries of a run-time shape vector that are known at conversion time.

`folding.fold` evaluates a shape only when all of it is constant. Exported models often build a
shape from run-time sizes and constants, and the constant entries matter: TorchScript's BERT
mask is Expand(mask, Where(Equal(s, -1), 1, s)) with s = [batch, -1, seq, seq], whose entry 1
is 1 whatever the sizes. Knowing it keeps the expanded mask's dim a static 1, which torch-mlir
needs to broadcast it (it lowers a broadcast between two dynamic dims as if they were equal).
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ..binder import Binder

_MAX_DEPTH = 24
_PASS_THROUGH = ("torch.aten.reshape", "torch.aten.view", "torch.aten.flatten.using_ints",
                 "torch.aten.unsqueeze", "torch.aten.squeeze", "torch.aten.squeeze.dim",
                 "torch.aten.to.dtype", "torch.tensor_static_info_cast")
_CMP = {"torch.aten.eq.Tensor": np.equal, "torch.aten.ne.Tensor": np.not_equal}


def known_entries(b: Binder, v: ir.Value, depth: int = 0) -> list[int | None] | None:
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
    if depth > _MAX_DEPTH or not isinstance(owner, (ir.Operation, ir.OpView)):
        return unknown
    op = owner.operation
    args = [known_entries(b, x, depth + 1) if isinstance(x.type, ir.Type) and
            str(x.type).startswith("!torch.vtensor") else None for x in op.operands]
    if op.name == "torch.aten._shape_as_tensor":
        dims = b.shape(op.operands[0])
        return list(dims) if dims is not None and len(dims) == n else unknown
    if op.name in _PASS_THROUGH:
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
    if op.name in _CMP or op.name == "torch.aten.where.self":
        k = 2 if op.name in _CMP else 3
        if any(a is None or len(a) not in (1, n) for a in args[:k]):
            return unknown
        cols = [a * n if len(a) == 1 else a for a in args[:k]]
        if op.name in _CMP:
            return [None if x is None or y is None else int(_CMP[op.name](x, y))
                    for x, y in zip(*cols)]
        return [(t if c else f) if c is not None else (t if t == f else None)
                for c, t, f in zip(*cols)]
    return unknown
