"""Table-driven op families shared by the shards: unary math, binary arithmetic, comparisons,
logical and bitwise ops, variadic Max/Min/Sum/Mean and the Softmax-family axis handling.

A shard lists its members in a table and registers them with `register_table`; the handler for
each member is made here, once per family.
"""

from __future__ import annotations

import math

from torch_mlir import ir

from .. import dtypes, emit
from ..binder import Binder, Types, Unsupported, build_before, build_int_before, float_operands
from ..registry import DEFAULT_DOMAIN


def local(handler):
    """Mark `handler` local: the IR it builds depends only on the op's name, attributes, operand
    and result types and opset, not on what defines its operands nor on two operands being the
    same value. The driver may then convert a module of such ops by stamping (stamp.py)."""
    handler.local = True
    return handler


def float_input(b: Binder, i: int = 0) -> ir.Value:
    """Required operand `i`, which must be a float tensor (declines naming the op and dtype)."""
    x = b.input(i)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"{b.name.rpartition('.')[2]} of {b.dtype(x)} (float types only)")
    return x


def shape_mismatch(types: Types, operands: tuple, out: ir.Type) -> str | None:
    """Why `out` cannot be the result of an elementwise op on values of the types `operands`
    under numpy broadcasting: static operand dims that do not broadcast, or a declared result
    whose rank or static dims are not the broadcast's (a wrong type from shape inference: the
    aten op would carry it unchecked). None when they agree or are unknown; cached per types."""
    key = (*operands, out)
    try:
        return types.memo[key]
    except KeyError:
        pass
    shapes = [(types.info(t) or (None,))[0] for t in operands]
    have = (types.info(out) or (None,))[0]
    reason = None
    if shapes and all(s is not None for s in shapes):
        n = max(len(s) for s in shapes)
        want = []
        for dims in zip(*([1] * (n - len(s)) + list(s) for s in shapes)):
            known = {d for d in dims if d is not None and d != 1}
            if len(known) > 1:
                reason = "operand shapes " + " and ".join(
                    str(list(s)).replace("None", "?") for s in shapes) + " do not broadcast"
                break
            want.append(known.pop() if known else (1 if None not in dims else None))
        # (a rank-0 result of operands of higher rank is the placeholder torch-mlir's importer
        # gives a value inference left without a shape: left as before, see conversion._coerce)
        if reason is None and have is not None and have != () and (len(have) != n or any(
                h is not None and w is not None and h != w for h, w in zip(have, want))):
            reason = (f"declared result shape {list(have)} is not the shape "
                      f"{want} of the operands").replace("None", "?")
    types.memo[key] = reason
    return reason


def elementwise_result(b: Binder, *operands: ir.Value) -> ir.Type:
    """The op's declared result type; declines when it is not the broadcast of `operands`
    (shape_mismatch gives the reason)."""
    out = b.result_type()
    reason = shape_mismatch(b.types, tuple(v.type for v in operands), out)
    if reason:
        raise Unsupported(reason)
    return out


def unary(aten: str, onnx_name: str, versions: str):
    """A handler `onnx_name -> aten` for ops applying `aten` elementwise to input 0."""

    def handler(b: Binder):
        x = b.input(0)
        return b.op(aten, [x], elementwise_result(b, x))

    handler.__name__ = f"unary_{onnx_name.lower()}"
    handler.__doc__ = f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')}"
    handler.direct = _direct_float(aten, 1, alpha=False)
    return local(handler)


def _direct_float(aten: str, arity: int, alpha: bool):
    """The `direct` form of a unary or binary handler (see conversion.convert_op): when the
    operands and the static-shaped result are tensors of one float dtype, the handler builds
    `aten` (with an alpha of 1 for add/sub) and nothing after it applies (no refinement, cast
    or folding): built here without a Binder. None for any other case, which the handler
    then takes (legacy broadcast before opset 7, integer or mixed dtypes, dynamic shapes)."""

    def direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
        got = float_operands(op, types, arity)
        if got is None or (arity == 2 and version < 7):
            return None
        args, out = got[0], got[1]
        if shape_mismatch(types, tuple(a.type for a in args), out):
            return None  # the handler declines it, with the reason
        if alpha:
            args.append(build_int_before(op, types, 1))
        return build_before(op, aten, args, out)

    return direct


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
        out = elementwise_result(b, lhs, rhs)
        if kind in ("add", "sub"):
            return b.op(aten, [lhs, rhs, b.int(1)], out)
        if kind == "div" and not dtypes.is_float(b.dtype(lhs)):
            # ONNX integer division truncates toward zero (C semantics).
            return b.op("torch.aten.div.Tensor_mode", [lhs, rhs, b.str("trunc")], out)
        return b.op(aten, [lhs, rhs], out)

    handler.__name__ = f"binary_{onnx_name.lower()}"
    handler.__doc__ = f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')} (numpy broadcast)"
    if kind in ("add", "sub", "mul", "div"):  # on floats: `aten` (div: true division)
        handler.direct = _direct_float(aten, 2, alpha=kind in ("add", "sub"))
    return local(handler)


def register_table(registry, table, domain: str = DEFAULT_DOMAIN) -> None:
    """Register `(onnx_name, since, handler)` rows (of the default domain unless `domain`)."""
    for name, since, handler in table:
        registry.register(name, since, handler, domain=domain)


def elementwise2(aten: str, onnx_name: str, versions: str, bool_only: bool = False):
    """A handler for the other two-input elementwise ops (And/Or/Xor on bools, the bitwise ops on
    integers): operands of one dtype, numpy broadcast, legacy broadcast before opset 7."""

    def handler(b: Binder):
        lhs, rhs = _binary_operands(b)
        if bool_only and (b.dtype(lhs) != "i1" or b.dtype(rhs) != "i1"):
            raise Unsupported(f"{onnx_name} needs bool operands, got {b.dtype(lhs)} and "
                              f"{b.dtype(rhs)}")
        if b.dtype(lhs) != b.dtype(rhs):
            raise Unsupported(f"operand dtypes differ ({b.dtype(lhs)} vs {b.dtype(rhs)})")
        out = elementwise_result(b, lhs, rhs)
        return b.op(aten, [lhs, rhs], out)

    handler.__name__ = f"elementwise_{onnx_name.lower()}"
    handler.__doc__ = f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')} (numpy broadcast)"
    return local(handler)


_VARIADIC = {
    "max": "torch.aten.maximum",
    "min": "torch.aten.minimum",
    "sum": "torch.aten.add.Tensor",
    "mean": "torch.aten.add.Tensor",
}


def variadic(kind: str, onnx_name: str, versions: str):
    """A handler for Max/Min/Sum/Mean: 1..N inputs of one dtype, folded pairwise with numpy
    broadcast. Max/Min propagate NaN (the lowering's compare-and-select drops a NaN in the
    first operand, so aten.where with aten.isnan puts it back); Mean divides the sum by N."""
    aten = _VARIADIC[kind]

    def handler(b: Binder):
        xs = b.inputs()
        if not xs:
            raise Unsupported("no inputs")
        elt = b.dtype(xs[0])
        for x in xs[1:]:
            if b.dtype(x) != elt:
                raise Unsupported(f"operand dtypes differ ({elt} vs {b.dtype(x)})")
        if kind == "mean" and not dtypes.is_float(elt):
            raise Unsupported(f"Mean of {elt} is not defined (float types only)")
        out = b.result_type()
        acc = xs[0]
        for i, x in enumerate(xs[1:], start=2):
            last = i == len(xs) and kind != "mean"
            shape = emit.broadcast_shape(b.shape(acc), b.shape(x))
            t = out if last else b.vtensor(shape, elt)
            if kind in ("sum", "mean"):
                acc = b.op(aten, [acc, x, b.int(1)], t)
                continue
            if not dtypes.is_float(elt):
                acc = b.op(aten, [acc, x], t)
                continue
            m = b.op(aten, [acc, x], b.vtensor(shape, elt))
            nan = b.op("torch.aten.isnan", [acc], emit.like(b, acc, "i1"))
            acc = b.op("torch.aten.where.self", [nan, acc, m], t)
        if kind == "mean":
            return b.op("torch.aten.div.Scalar", [acc, b.int(len(xs))], out)
        return acc

    handler.__name__ = f"variadic_{onnx_name.lower()}"
    handler.__doc__ = (f"{onnx_name}-{versions} -> {aten.removeprefix('torch.')} folded over the "
                       "inputs (numpy broadcast)"
                       + (", aten.div.Scalar" if kind == "mean" else "")
                       + (", aten.where + aten.isnan for NaN" if kind in ("max", "min") else ""))
    return handler


def softmax_axis(b: Binder, x, apply):
    """Run `apply(x, axis, result_type)` along the Softmax-family axis.

    From opset 13 the op works along `axis` (default -1). Before, the input is coerced to 2-D
    at `axis` (default 1): dims from `axis` on are flattened into one (aten.flatten.using_ints),
    the op runs along it, and the result is reshaped back.
    """
    rank = b.rank(x)
    out = b.result_type()
    if b.opset >= 13:
        return apply(x, emit.normalize_axis(b.attr_int("axis", -1), max(rank, 1)), out)
    axis = emit.normalize_axis(b.attr_int("axis", 1), max(rank, 1))
    if axis >= rank - 1:
        return apply(x, max(rank - 1, 0), out)
    shape, elt = b.tensor_info(x)
    tail = shape[axis:]
    flat_shape = list(shape[:axis]) + [None if None in tail else math.prod(tail)]
    flat = b.op("torch.aten.flatten.using_ints", [x, b.int(axis), b.int(rank - 1)],
                b.vtensor(flat_shape, elt))
    y = apply(flat, axis, b.vtensor(flat_shape, b.tensor_info(out)[1] or elt))
    return emit.reshape(b, y, emit.dim_sizes(b, x), shape)
