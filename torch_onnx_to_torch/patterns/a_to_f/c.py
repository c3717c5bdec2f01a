"""Patterns for default-domain ONNX ops whose names start with C."""

from __future__ import annotations

import numpy as np

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table, unary


def concat(b: Binder):
    """Concat-1..13 -> aten.cat of a tensor list (axis default 1 before opset 4)."""
    xs = b.inputs()
    if not xs:
        raise Unsupported("no inputs")
    axis = b.attr_int("axis", 1 if b.opset < 4 else None)
    if axis is None:
        raise Unsupported("required attribute 'axis' is missing")
    rank = b.rank(b.result_type())
    axis = emit.normalize_axis(axis, rank)
    return b.op("torch.aten.cat", [b.tensor_list(xs), b.int(axis)], b.result_type())


_SCALAR_CONSTANTS = (
    ("value_float", "f32", lambda v: ir.FloatAttr.get(ir.F32Type.get(), v)),
    ("value_int", "si64", lambda v: ir.IntegerAttr.get(ir.IntegerType.get_signed(64), v)),
)


def constant(b: Binder):
    """Constant-1..25 -> torch.vtensor.literal (value, value_float(s), value_int(s))."""
    out = b.result_type()
    if b.has_attr("value"):
        return b.literal(b.attr_tensor("value"), out)
    for name, elt, make in _SCALAR_CONSTANTS:
        if b.has_attr(name):
            v = b.attr_float(name) if elt == "f32" else b.attr_int(name)
            t = ir.RankedTensorType.get([], make(v).type)
            return b.literal(ir.DenseElementsAttr.get_splat(t, make(v)), b.vtensor([], elt))
    for name, elt, make in _SCALAR_CONSTANTS:
        lname = name + "s"
        if b.has_attr(lname):
            vals = b.attr_floats(lname) if elt == "f32" else b.attr_ints(lname)
            arr = np.array(vals, dtype=np.float32 if elt == "f32" else np.int64)
            attr = ir.DenseElementsAttr.get(arr, signless=False)
            return b.literal(attr, b.vtensor([len(vals)], elt))
    for name in ("sparse_value", "value_string", "value_strings"):
        if b.has_attr(name):
            raise Unsupported(f"'{name}' constants have no torch tensor equivalent")
    raise Unsupported("no value attribute")


def _conv_pads(b: Binder, x, kernel, strides, dilations, nd: int) -> list[int]:
    """Explicit begin/end pads for Conv, resolving auto_pad from static shapes."""
    auto_pad = b.attr_str("auto_pad", "NOTSET")
    if auto_pad == "NOTSET":
        pads = b.attr_ints("pads", [0] * (2 * nd))
        if len(pads) != 2 * nd:
            raise Unsupported(f"'pads' must have {2 * nd} entries, got {len(pads)}")
        return pads
    if auto_pad == "VALID":
        return [0] * (2 * nd)
    if auto_pad not in ("SAME_UPPER", "SAME_LOWER"):
        raise Unsupported(f"unknown auto_pad '{auto_pad}'")
    spatial = b.shape(x)[2:]
    if any(d is None for d in spatial):
        raise Unsupported(f"auto_pad={auto_pad} needs static spatial dims")
    begins, ends = [], []
    for d, k, s, dil in zip(spatial, kernel, strides, dilations):
        out = -(-d // s)
        total = max(0, (out - 1) * s + (k - 1) * dil + 1 - d)
        small, big = total // 2, total - total // 2
        begins.append(small if auto_pad == "SAME_UPPER" else big)
        ends.append(big if auto_pad == "SAME_UPPER" else small)
    return begins + ends


def conv(b: Binder):
    """Conv-1..22 (1-D/2-D/3-D, groups, dilations, strides, pads, auto_pad) -> aten.convolution
    (+ aten.constant_pad_nd for asymmetric pads)."""
    x, w = b.input(0), b.input(1)
    bias = b.optional_input(2)
    w_shape = b.shape(w)
    if w_shape is None:
        raise Unsupported("weight rank is unknown")
    nd = len(w_shape) - 2
    if nd < 1 or nd > 3:
        raise Unsupported(f"{nd}-D convolution is not supported")
    kernel = b.attr_ints("kernel_shape", w_shape[2:])
    if any(k is None for k in kernel):
        raise Unsupported("kernel shape is dynamic")
    strides = b.attr_ints("strides", [1] * nd)
    dilations = b.attr_ints("dilations", [1] * nd)
    group = b.attr_int("group", 1)
    pads = _conv_pads(b, x, kernel, strides, dilations, nd)
    begins, ends = pads[:nd], pads[nd:]
    if begins != ends:
        # torch pads symmetrically; pad the difference explicitly first (last dim first).
        extra = []
        for bg, en in reversed(list(zip(begins, ends))):
            extra += [bg - min(bg, en), en - min(bg, en)]
        shape, elt = b.tensor_info(x)
        padded = None if shape is None else list(shape[:2]) + [
            None if d is None else d + bg - min(bg, en) + en - min(bg, en)
            for d, bg, en in zip(shape[2:], begins, ends)]
        x = b.op("torch.aten.constant_pad_nd", [x, b.int_list(extra), b.float(0.0)],
                 b.vtensor(padded, elt))
        begins = [min(bg, en) for bg, en in zip(begins, ends)]
    return b.op(
        "torch.aten.convolution",
        [x, w, bias if bias is not None else b.none(), b.int_list(strides), b.int_list(begins),
         b.int_list(dilations), b.bool(False), b.int_list([0] * nd), b.int(group)],
        b.result_type(),
    )


TABLE = [
    ("Ceil", 1, unary("torch.aten.ceil", "Ceil", "1..13")),
    ("Concat", 1, concat),
    ("Constant", 1, constant),
    ("Conv", 1, conv),
    ("Cos", 7, unary("torch.aten.cos", "Cos", "7")),
]


def populate(registry) -> None:
    """Register the C patterns."""
    register_table(registry, TABLE)
