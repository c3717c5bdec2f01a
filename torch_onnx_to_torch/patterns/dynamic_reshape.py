"""aten.reshape that survives torch-mlir's lowering of reshapes with dynamic dims.

torch-mlir lowers `aten.reshape` of a tensor with dynamic dims by guessing which input dims
each result dim collapses or expands, and guesses wrong when it cannot prove sizes equal:
[?,?] -> [?,1] pins an input dim to 1 (IREE rejects other sizes at run time), and
[?,?,4,8] -> [-1,32] gives a [?,32] result of the first dim only (wrong values). Collapsing
the input to 1-D first (aten.flatten.using_ints, always exact) and expanding that is always
right. Used by Reshape, Flatten and Gather/GatherND; belongs in emit.reshape.
"""

from __future__ import annotations

from collections.abc import Sequence

from torch_mlir import ir

from .. import emit
from ..binder import Binder


def reshape(b: Binder, v: ir.Value, dims: Sequence, shape: Sequence[int | None] | None
            ) -> ir.Value:
    """`aten.reshape(v, dims)` (ints and `!torch.int` values), through a 1-D
    aten.flatten.using_ints when `v` has rank >= 2 and a dynamic dim and the result rank >= 2.
    """
    in_shape = b.shape(v)
    if in_shape is not None and len(in_shape) >= 2 and None in in_shape and len(dims) >= 2:
        v = b.op("torch.aten.flatten.using_ints", [v, b.int(0), b.int(len(in_shape) - 1)],
                 b.vtensor([None], b.dtype(v)))
    return emit.reshape(b, v, dims, shape)
