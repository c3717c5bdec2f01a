"""ONNX sequences as `!torch.list<vtensor>`: shared by the Sequence* ops (q_to_z/sequences.py),
ConcatFromSequence (a_to_f/sequences.py) and Optional* (g_to_p/optionals.py).

A list built by `torch.prim.ListConstruct` has its elements known at conversion time; the ops
read them from there (SequenceAt with a constant position becomes the element itself,
SequenceInsert a new ListConstruct, ...), so that a sequence whose length is static never
reaches IREE, which takes no lists. Other lists (function arguments, loop-carried values) use
the value-semantic torch list ops (`aten.__getitem__.t`, `aten.slice.t`, `aten.add.t`, ...).
"""

from __future__ import annotations

from torch_mlir import ir

from ..binder import Binder, Unsupported


def list_type(b: Binder, v: ir.Value | ir.Type, what: str = "input") -> ir.Type:
    """The element type of sequence `v`; declines if `v` is not a `!torch.list`."""
    elem = b.list_element(v)
    if elem is None:
        t = v if isinstance(v, ir.Type) else v.type
        raise Unsupported(f"{what} must be a sequence, got {t}")
    return elem


def static_items(seq: ir.Value) -> list[ir.Value] | None:
    """The elements of a list built by `torch.prim.ListConstruct`, else None."""
    owner = seq.owner
    if isinstance(owner, (ir.Operation, ir.OpView)) and \
            owner.operation.name == "torch.prim.ListConstruct":
        return list(owner.operation.operands)
    return None


def fit(b: Binder, v: ir.Value, want: ir.Type, what: str = "element") -> ir.Value:
    """`v` as type `want` (a static-info cast); declines if that is not a valid cast."""
    if v.type == want:
        return v
    have_info, want_info = b.types.info(v.type), b.types.info(want)
    if have_info is None or want_info is None:
        raise Unsupported(f"{what} of type {v.type} where {want} is expected")
    (hs, he), (ws, we) = have_info, want_info
    if (he is not None and we is not None and he != we) or (
            hs is not None and ws is not None and (
                len(hs) != len(ws) or any(h is not None and w is not None and h != w
                                          for h, w in zip(hs, ws)))):
        raise Unsupported(f"{what} of type {v.type} where {want} is expected")
    return b.op("torch.tensor_static_info_cast", [v], want)


def make_list(b: Binder, items: list[ir.Value], result: ir.Type) -> ir.Value:
    """`prim.ListConstruct` of `items` with list type `result` (elements cast to its element
    type)."""
    elem = list_type(b, result, "result")
    return b.list([fit(b, v, elem) for v in items], result)


def const_position(b: Binder, pos: ir.Value | None) -> int | None:
    """A constant position operand as a Python int (None if absent or dynamic)."""
    if pos is None:
        return None
    vals = b.const_value(pos)
    if vals is None:
        return None
    if vals.size != 1:
        raise Unsupported("position must be a single integer")
    return int(vals.reshape(-1)[0])


def position_int(b: Binder, pos: ir.Value) -> ir.Value:
    """A position tensor as a `!torch.int`."""
    if b.dtype(pos) not in ("si64", "si32"):
        raise Unsupported(f"position of dtype {b.dtype(pos)}")
    return b.op("torch.aten.item", [pos], b.types.int)


def normalize_position(pos: int, n: int, allow_end: bool) -> int:
    """ONNX position in [-n, n-1] (or [-n, n] with allow_end) as an index in [0, n]."""
    hi = n if allow_end else n - 1
    if not -n <= pos <= hi:
        raise Unsupported(f"position {pos} is out of range for a sequence of {n}")
    return pos + n if pos < 0 else pos
