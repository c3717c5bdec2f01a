"""G-P optionals: Optional, OptionalGetElement, OptionalHasElement on `!torch.optional<...>`.

An optional made in the function (torch.derefine of a value or of none) is resolved at
conversion time, so it does not reach IREE, which takes no optionals; others (function
arguments, loop-carried values) use torch's prim.unchecked_cast / aten.__isnot__.
"""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..sequence_common import fit


def _derefined(v: ir.Value) -> ir.Value | None:
    """The value an optional was made from (torch.derefine), or None if unknown."""
    owner = v.owner
    if isinstance(owner, (ir.Operation, ir.OpView)) and owner.operation.name == "torch.derefine":
        return owner.operation.operands[0]
    return None


def optional(b: Binder):
    """Optional-15..28 -> torch.derefine of the input (or of torch.constant.none when it has
    none: an empty optional)."""
    want = b.result_type()
    payload = b.optional_element(want)
    if payload is None:
        raise Unsupported(f"result type {want} is not an optional")
    x = b.optional_input(0)
    if x is None:
        return b.op("torch.derefine", [b.none()], want)
    if b.types.info(payload) is not None:
        x = fit(b, x, payload, "input")
    elif x.type != payload:
        raise Unsupported(f"input of type {x.type} for an optional of {payload}")
    return b.op("torch.derefine", [x], want)


def optional_get_element(b: Binder):
    """OptionalGetElement-15..28 -> the value the optional was made from, or
    prim.unchecked_cast; a tensor or sequence input (18+) is returned as is."""
    x = b.input(0)
    payload = b.optional_element(x)
    if payload is None:
        return x
    src = _derefined(x)
    if src is not None:
        if src.type == b.types.none:
            raise Unsupported("the optional is empty")
        return src
    # The cast gives the payload's type; a declared result type it disagrees with is then a
    # decline (an unchecked_cast to an incompatible type would not verify).
    return b.op("torch.prim.unchecked_cast", [x], payload)


def optional_has_element(b: Binder):
    """OptionalHasElement-15..28 -> a constant i1 tensor when it is known (no input, a tensor
    or sequence input, an optional made in the function), else aten.__isnot__ none +
    prim.NumToTensor.Scalar + aten.to.dtype."""
    x = b.optional_input(0)
    if x is None:
        return emit.scalar_tensor(b, 0, "i1")
    if b.optional_element(x) is None:
        return emit.scalar_tensor(b, 1, "i1")
    src = _derefined(x)
    if src is not None:
        return emit.scalar_tensor(b, int(src.type != b.types.none), "i1")
    flag = b.op("torch.aten.__isnot__", [x, b.none()], b.types.bool)
    n = b.op("torch.aten.Int.bool", [flag], b.types.int)
    return emit.to_dtype(b, b.op("torch.prim.NumToTensor.Scalar", [n], b.vtensor([], "si64")),
                         "i1")


TABLE = [
    ("Optional", 15, optional),
    ("OptionalGetElement", 15, optional_get_element),
    ("OptionalHasElement", 15, optional_has_element),
]


def populate(registry) -> None:
    """Register the optional ops."""
    register_table(registry, TABLE)
