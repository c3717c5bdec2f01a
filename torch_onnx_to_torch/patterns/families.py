"""Table-driven op families shared by the shards: unary math, binary arithmetic, comparisons.

A shard lists its members in a table and registers them with `register_table`; the handler for
each member is made here, once per family.
"""

from __future__ import annotations

from .. import dtypes, emit
from ..binder import Binder, Unsupported


def unary(aten: str, onnx_name: str, versions: str):
    """A handler `onnx_name -> aten` for ops applying `aten` elementwise to input 0."""

    def handler(b: Binder):
        return b.op(aten, [b.input(0)], b.result_type())

    handler.__name__ = f"unary_{onnx_name.lower()}"
    handler.__doc__ = f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')}"
    return handler


def legacy_broadcast(b: Binder, lhs, rhs):
    """Opset < 7 binary ops: with `broadcast=1`, align `rhs` to `lhs` starting at `axis`."""
    if b.opset >= 7 or not b.attr_int("broadcast", 0):
        return lhs, rhs
    ra, rb = b.rank(lhs), b.rank(rhs)
    axis = b.attr_int("axis", ra - rb)
    axis = emit.normalize_axis(axis, ra)
    trailing = ra - axis - rb
    if trailing < 0:
        raise Unsupported(f"legacy broadcast axis {axis} does not fit ranks {ra} and {rb}")
    for _ in range(trailing):
        rhs = emit.unsqueeze(b, rhs, -1)
    return lhs, rhs


def _binary_operands(b: Binder):
    lhs, rhs = legacy_broadcast(b, b.input(0), b.input(1))
    return lhs, rhs


def binary(kind: str, onnx_name: str, versions: str):
    """A handler for the numpy-broadcasting binary ops Add/Sub/Mul/Div and comparisons."""
    aten = {
        "add": "torch.aten.add.Tensor",
        "sub": "torch.aten.sub.Tensor",
        "mul": "torch.aten.mul.Tensor",
        "div": "torch.aten.div.Tensor",
        "eq": "torch.aten.eq.Tensor",
        "lt": "torch.aten.lt.Tensor",
        "gt": "torch.aten.gt.Tensor",
        "le": "torch.aten.le.Tensor",
        "ge": "torch.aten.ge.Tensor",
    }[kind]

    def handler(b: Binder):
        lhs, rhs = _binary_operands(b)
        if b.dtype(lhs) != b.dtype(rhs):
            raise Unsupported(f"operand dtypes differ ({b.dtype(lhs)} vs {b.dtype(rhs)})")
        out = b.result_type()
        if kind in ("add", "sub"):
            return b.op(aten, [lhs, rhs, b.int(1)], out)
        if kind == "div" and not dtypes.is_float(b.dtype(lhs)):
            # ONNX integer division truncates toward zero (C semantics).
            return b.op("torch.aten.div.Tensor_mode", [lhs, rhs, b.str("trunc")], out)
        return b.op(aten, [lhs, rhs], out)

    handler.__name__ = f"binary_{onnx_name.lower()}"
    handler.__doc__ = f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')} (numpy broadcast)"
    return handler


def register_table(registry, table) -> None:
    """Register `(onnx_name, since, handler)` rows."""
    for name, since, handler in table:
        registry.register(name, since, handler)
