"""Q-Z shape ops: Reshape, Transpose."""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table


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
    ("Reshape", 1, reshape),
    ("Transpose", 1, transpose),
]


def populate(registry) -> None:
    """Register the Q-Z shape patterns."""
    register_table(registry, TABLE)
