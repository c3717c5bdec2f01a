"""A-F sequence op: ConcatFromSequence (the other sequence ops are in q_to_z/sequences.py)."""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..sequence_common import list_type, static_items


def concat_from_sequence(b: Binder):
    """ConcatFromSequence-11 -> aten.cat (new_axis=0) or aten.stack (new_axis=1) of the list
    (of its prim.ListConstruct when known: the elements go straight to the op)."""
    seq = b.input(0)
    elem = list_type(b, seq)
    new_axis = b.attr_int("new_axis", 0)
    if new_axis not in (0, 1):
        raise Unsupported(f"new_axis={new_axis} must be 0 or 1")
    shape = b.types.info(elem)[0] if b.types.info(elem) else None
    items = static_items(seq)
    if shape is None and items:
        shape = b.shape(items[0])
    if shape is None:
        out = b.shape(b.result_type())
        if out is None:
            raise Unsupported("element rank is unknown")
        shape = out[:len(out) - new_axis]
    axis = emit.normalize_axis(b.attr_int("axis"), len(shape) + new_axis)
    if items is not None and not items:
        raise Unsupported("concatenating an empty sequence")
    name = "torch.aten.stack" if new_axis else "torch.aten.cat"
    return b.op(name, [seq, b.int(axis)], b.result_type())


TABLE = [
    ("ConcatFromSequence", 11, concat_from_sequence),
]


def populate(registry) -> None:
    """Register ConcatFromSequence."""
    register_table(registry, TABLE)
