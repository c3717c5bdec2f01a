"""Ops that build or reshape tensors: Constant, ConstantOfShape, Concat, Compress,
CenterCropPad, CumSum/CumProd; also the elementwise Ceil, Celu, Clip, Cos, Cosh (the
convolutions live in `convolution.py`, Cast/CastLike in `casts.py`)."""

from __future__ import annotations

import ml_dtypes
import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Types, Unsupported, inline_small_resource, read_dense
from ..families import register_table, unary

_FLT_MAX = 3.4028234663852886e38


def keep_nan(b: Binder, x: ir.Value, y: ir.Value) -> ir.Value:
    """`y`, but NaN where `x` is NaN: the linalg lowering of clamp/minimum/maximum compares
    with ordered predicates and so replaces a NaN by the bound."""
    nan = b.op("torch.aten.isnan", [x], emit.like(b, x, "i1"))
    return b.op("torch.aten.where.self", [nan, x, y], emit.like(b, y))


def _scalar_of(b: Binder, v: float, elt: str) -> ir.Value:
    """A torch scalar holding `v` for a tensor of element type `elt`."""
    if dtypes.is_float(elt):
        return b.float(float(v))
    return b.int(int(v))


# ---------------------------------------------------------------- elementwise


def celu(b: Binder):
    """Celu-12..28 -> aten.celu"""
    x = b.input(0)
    return b.op("torch.aten.celu", [x, b.float(b.attr_float("alpha", 1.0))], b.result_type())


def clip(b: Binder):
    """Clip-1..13 -> aten.clamp (min/max attributes before opset 11) or aten.clamp.Tensor
    (optional min/max inputs), NaN kept."""
    x = b.input(0)
    out = emit.like(b, x)
    elt = b.dtype(x)
    if b.opset < 11:
        # Clip-1 leaves an absent bound open; Clip-6 defaults it to -+FLT_MAX.
        default_lo, default_hi = (None, None) if b.opset < 6 else (-_FLT_MAX, _FLT_MAX)
        lo, hi = b.attr_float("min", default_lo), b.attr_float("max", default_hi)
        if lo is None and hi is None:
            return x
        y = b.op("torch.aten.clamp",
                 [x, b.none() if lo is None else b.float(lo),
                  b.none() if hi is None else b.float(hi)], out)
    else:
        lo, hi = b.optional_input(1), b.optional_input(2)
        if lo is None and hi is None:
            return x
        for bound in (lo, hi):
            if bound is not None and b.dtype(bound) != elt:
                raise Unsupported(f"min/max dtype {b.dtype(bound)} differs from input {elt}")
        if elt == "ui8":
            # The clamp lowering compares ui8 as signed; si16 holds every ui8 value.
            wide = [None if v is None else emit.to_dtype(b, v, "si16") for v in (x, lo, hi)]
            y = b.op("torch.aten.clamp.Tensor",
                     [wide[0]] + [b.none() if v is None else v for v in wide[1:]],
                     emit.like(b, x, "si16"))
            return emit.to_dtype(b, y, "ui8")
        # clamp.Tensor applies max after min, which gives every element `max` when min > max,
        # as Clip-13 specifies.
        y = b.op("torch.aten.clamp.Tensor",
                 [x, b.none() if lo is None else lo, b.none() if hi is None else hi], out)
    return keep_nan(b, x, y) if dtypes.is_float(elt) else y


# ---------------------------------------------------------------- shapes and data movement


def concat(b: Binder):
    """Concat-1..13 -> aten.cat of a tensor list (axis default 1 before opset 4)."""
    xs = b.inputs()
    if not xs:
        raise Unsupported("no inputs")
    axis = b.attr_int("axis", 1 if b.opset < 4 else None)
    if axis is None:
        raise Unsupported("required attribute 'axis' is missing")
    ranks = [len(s) for s in (b.shape(v) for v in xs + [b.result_type()]) if s is not None]
    if not ranks:
        raise Unsupported("operand rank is unknown")
    axis = emit.normalize_axis(axis, ranks[0])
    return b.op("torch.aten.cat", [b.tensor_list(xs), b.int(axis)], b.result_type())


_SCALAR_CONSTANTS = (
    ("value_float", "f32", lambda v: ir.FloatAttr.get(ir.F32Type.get(), v)),
    ("value_int", "si64", lambda v: ir.IntegerAttr.get(ir.IntegerType.get_signed(64), v)),
)


def constant(b: Binder):
    """Constant-1..25 -> torch.vtensor.literal (value, value_float(s), value_int(s))."""
    out = b.result_type()
    if b.has_attr("value"):
        attr = b.attr_tensor("value")
        shape, elt, literal_type = b.types.elements(attr.type)
        b.torch_dtype_of(elt)  # a literal torch cannot hold would not lower
        want = b.shape(out)
        if want is not None and (len(want) != len(shape) or
                                 any(w is not None and w != d for w, d in zip(want, shape))):
            raise Unsupported(f"value of shape {list(shape)} does not match the result type "
                              f"{out}")
        return b.literal(attr, literal_type)
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


def _constant_direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
    """The common Constant, a `value` tensor of exactly the declared result type, as the
    torch.vtensor.literal `constant` builds, without a Binder (initializers are a third of
    the ops of an imported model); None for every other form, which `constant` then takes."""
    attrs = op.attributes
    if "torch.onnx.value" not in attrs or len(op.operands) or len(op.results) != 1:
        return None
    attr = attrs["torch.onnx.value"]
    if not isinstance(getattr(attr, "type", None), ir.RankedTensorType):
        return None
    _, elt, literal_type = types.elements(attr.type)
    if op.results[0].type != literal_type or dtypes.torch_code_of_mlir(elt) is None:
        return None
    new = ir.Operation.create("torch.vtensor.literal", results=[literal_type],
                              attributes={"value": inline_small_resource(attr, types.blobs)},
                              loc=op.location, ip=ir.InsertionPoint(op))
    return new.results[0]


constant.direct = _constant_direct  # see conversion.convert_op


def _attr_elt(attr: ir.Attribute) -> str:
    """The element type of a tensor attribute, in vtensor spelling (`si64`, not `i64`)."""
    elt = str(attr.type)[len("tensor<"):-1].split("x")[-1]
    return {"i64": "si64", "i32": "si32", "i16": "si16", "i8": "si8"}.get(elt, elt)


_ML_DTYPES = {"bf16": "bfloat16", "f8E4M3FN": "float8_e4m3fn", "f8E4M3FNUZ": "float8_e4m3fnuz",
              "f8E5M2": "float8_e5m2", "f8E5M2FNUZ": "float8_e5m2fnuz"}


def _single_value(b: Binder, attr: ir.Attribute):
    """The one element of a one-element tensor attribute, as a Python number."""
    if isinstance(attr, ir.DenseElementsAttr) and attr.is_splat:
        v = attr.get_splat_value()
        if isinstance(v, ir.BoolAttr):
            return int(v.value)
        if isinstance(v, (ir.IntegerAttr, ir.FloatAttr)):
            return v.value
    vals = read_dense(attr, b.types.blobs)
    if vals is None and _attr_elt(attr) in _ML_DTYPES:  # numpy has no bf16/float8
        raw = b.types.blobs.raw(attr)
        if raw is not None:
            vals = np.frombuffer(raw, dtype=getattr(ml_dtypes, _ML_DTYPES[_attr_elt(attr)]))
            vals = vals.astype(np.float64)
    if vals is None or np.asarray(vals).size != 1:
        raise Unsupported(f"'value' must be a readable one-element tensor, got {attr.type}")
    return np.asarray(vals).reshape(-1)[0].item()


def constant_of_shape(b: Binder):
    """ConstantOfShape-9..25 -> aten.full (shape from a constant, the declared result, or a
    runtime 1-D tensor)."""
    value = b.attr_tensor("value", None)
    if value is None:
        elt, v = "f32", 0.0
    else:
        elt, v = _attr_elt(value), _single_value(b, value)
    code = b.torch_dtype_of(elt)
    if b.dtype(b.input(0)) != "si64":
        raise Unsupported(f"the shape must be int64, got {b.dtype(b.input(0))}")
    out_shape = b.shape(b.result_type())
    if b.const_value(b.input(0)) is None and out_shape is not None and \
            None not in out_shape and list(b.shape(b.input(0)) or []) == [len(out_shape)]:
        dims = list(out_shape)  # the declared shape: no aten.item (TOSA, StableHLO lack it)
    else:
        dims = emit.int_entries(b, b.input(0), "the shape")
    if any(isinstance(d, int) and d < 0 for d in dims):
        raise Unsupported(f"negative dimension in shape {dims}")
    shape = [d if isinstance(d, int) else None for d in dims]
    out_shape = b.shape(b.result_type())
    if out_shape is not None and len(out_shape) == len(shape):
        shape = [o if o is not None else d for o, d in zip(out_shape, shape)]
    none = b.none()
    return b.op("torch.aten.full", [b.int_list(dims), _scalar_of(b, v, elt), b.int(code), none,
                                    none, none], b.vtensor(shape, elt))


def compress(b: Binder):
    """Compress-9..28 -> aten.nonzero + aten.index_select (aten.flatten without an axis)."""
    x, cond = b.input(0), b.input(1)
    if b.dtype(cond) != "i1":
        raise Unsupported(f"condition must be bool, got {b.dtype(cond)}")
    if b.rank(cond) != 1:
        raise Unsupported("condition must be 1-D")
    shape, elt = b.tensor_info(x)
    nz = b.op("torch.aten.nonzero", [cond], b.vtensor([None, 1], "si64"))
    idx = b.op("torch.aten.flatten.using_ints", [nz, b.int(0), b.int(-1)],
               b.vtensor([None], "si64"))
    axis = b.attr_int("axis", None)
    if axis is None:
        n = None if shape is None or None in shape else int(np.prod(shape, dtype=np.int64))
        x = b.op("torch.aten.flatten.using_ints", [x, b.int(0), b.int(-1)], b.vtensor([n], elt))
        axis = 0
    else:
        axis = emit.normalize_axis(axis, b.rank(x))
    out = None if shape is None else list(b.shape(x))
    if out is not None:
        out[axis] = None
    return b.op("torch.aten.index_select", [x, b.int(axis), idx], b.vtensor(out, elt))


def _shift_in(b: Binder, x, axis: int, by: int, fill) -> ir.Value:
    """`x` moved `by` places up along `axis`, the first `by` entries set to `fill`."""
    shape, elt = b.tensor_info(x)
    part = list(shape)
    if part[axis] is not None:
        part[axis] = max(part[axis] - by, 0)
    head = b.op("torch.aten.slice.Tensor", [x, b.int(axis), b.int(0), b.int(-by), b.int(1)],
                b.vtensor(part, elt))
    # aten.cat with a filled block rather than aten.constant_pad_nd: a chain of f64 pads
    # breaks IREE's stream allocation ("used resource not listed in explicit captures").
    fill_shape = list(shape)
    fill_shape[axis] = by
    dims = [by if d == axis else emit.size(b, x, d) for d in range(len(shape))]
    none = b.none()
    block = b.op("torch.aten.full", [b.int_list(dims), _scalar_of(b, fill, elt),
                                     b.int(b.torch_dtype_of(elt)), none, none, none],
                 b.vtensor(fill_shape, elt))
    return b.op("torch.aten.cat", [b.tensor_list([block, head]), b.int(axis)], emit.like(b, x))


def _cumprod(b: Binder, x, axis: int) -> ir.Value:
    """Inclusive product scan: aten.cumprod has no linalg lowering, so a log-step scan
    (y *= y shifted by 1, 2, 4, ... with ones shifted in)."""
    n = b.shape(x)[axis]
    if n is None:
        raise Unsupported("CumProd needs a static size along the axis")
    step = 1
    while step < n:
        x = b.op("torch.aten.mul.Tensor", [x, _shift_in(b, x, axis, step, 1)], emit.like(b, x))
        step *= 2
    return x


def _cumulative(onnx_name: str, versions: str):
    """CumSum / CumProd with reverse (aten.flip) and exclusive (a shift by one)."""
    is_sum = onnx_name == "CumSum"
    neutral = 0 if is_sum else 1

    def along(b: Binder, x, axis: int, reverse: bool, exclusive: bool) -> ir.Value:
        ty = emit.like(b, x)
        if reverse:
            x = b.op("torch.aten.flip", [x, b.int_list([axis])], ty)
        if exclusive:
            x = _shift_in(b, x, axis, 1, neutral)
        if is_sum:
            # dtype passed explicitly: torch widens integer sums to int64.
            y = b.op("torch.aten.cumsum", [x, b.int(axis), b.int(b.torch_dtype_of(b.dtype(x)))],
                     ty)
        else:
            y = _cumprod(b, x, axis)
        if reverse:
            y = b.op("torch.aten.flip", [y, b.int_list([axis])], ty)
        return y

    def handler(b: Binder):
        x, axis_t = b.input(0), b.input(1)
        rank = b.rank(x)
        if rank == 0:
            raise Unsupported("input must have rank >= 1")
        b.torch_dtype_of(b.dtype(x))
        reverse, exclusive = bool(b.attr_int("reverse", 0)), bool(b.attr_int("exclusive", 0))
        axis_vals = b.const_value(axis_t)
        if axis_vals is not None or rank == 1:
            if axis_vals is not None and np.asarray(axis_vals).size != 1:
                raise Unsupported("axis must be a scalar")
            axis = 0 if axis_vals is None else int(np.asarray(axis_vals).reshape(-1)[0])
            return along(b, x, emit.normalize_axis(axis, rank), reverse, exclusive)
        # A run-time axis: scan along every axis and pick the one asked for.
        result = along(b, x, 0, reverse, exclusive)
        mask_type = emit.like(b, axis_t, "i1")
        for i in range(1, rank):
            hit = b.op("torch.aten.logical_or",
                       [b.op("torch.aten.eq.Scalar", [axis_t, b.int(i)], mask_type),
                        b.op("torch.aten.eq.Scalar", [axis_t, b.int(i - rank)], mask_type)],
                       mask_type)
            result = b.op("torch.aten.where.self",
                          [hit, along(b, x, i, reverse, exclusive), result], emit.like(b, x))
        return result

    handler.__name__ = onnx_name.lower()
    handler.__doc__ = (f"{onnx_name}-{versions} -> "
                       + ("aten.cumsum" if is_sum else "a log-step scan of aten.mul")
                       + " (+ aten.flip for reverse, a shift for exclusive, aten.where over the "
                       "axes for a run-time axis)")
    return handler


def center_crop_pad(b: Binder):
    """CenterCropPad-18 -> aten.slice.Tensor (crop) and aten.constant_pad_nd (pad) per axis."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    rank = b.rank(x)
    axes = [emit.normalize_axis(a, rank, "axes entry")
            for a in b.attr_ints("axes", list(range(rank)))]
    if len(set(axes)) != len(axes):
        raise Unsupported(f"repeated axes {axes}")
    target = emit.int_entries(b, b.input(1), "the shape")
    if len(target) != len(axes):
        raise Unsupported(f"shape has {len(target)} entries for {len(axes)} axes")
    if any(isinstance(t, int) and t < 0 for t in target):
        raise Unsupported(f"negative target size in {target}")
    out_shape = b.shape(b.result_type())
    if out_shape is not None and len(out_shape) != rank:
        out_shape = None
    cur = list(shape)
    for axis, want in zip(axes, target):
        # The result type knows the target size when the shape input is a runtime tensor.
        if not isinstance(want, int) and out_shape is not None and out_shape[axis] is not None:
            want = out_shape[axis]
        have = cur[axis]
        if isinstance(want, int) and have is not None:
            if want < have:
                start = (have - want) // 2
                cur[axis] = want
                x = b.op("torch.aten.slice.Tensor",
                         [x, b.int(axis), b.int(start), b.int(start + want), b.int(1)],
                         b.vtensor(cur, elt))
            elif want > have:
                lo = (want - have) // 2
                pads = [0, 0] * (rank - 1 - axis) + [lo, want - have - lo]
                cur[axis] = want
                x = b.op("torch.aten.constant_pad_nd",
                         [x, b.int_list(pads), _scalar_of(b, 0, elt)], b.vtensor(cur, elt))
            continue
        # Sizes known only at run time: pad by max(want - have, 0), then crop by
        # max(have - want, 0); one of the two is empty.
        have_v = emit.size(b, x, axis)
        want_v = b.int(want) if isinstance(want, int) else want
        diff = b.op("torch.aten.sub.int", [want_v, have_v], b.types.int)
        zero, two = b.int(0), b.int(2)
        grow = b.op("torch.prim.max.int", [diff, zero], b.types.int)
        lo = b.op("torch.aten.floordiv.int", [grow, two], b.types.int)
        hi = b.op("torch.aten.sub.int", [grow, lo], b.types.int)
        pads = [0, 0] * (rank - 1 - axis) + [lo, hi]
        cur[axis] = None
        x = b.op("torch.aten.constant_pad_nd", [x, b.int_list(pads), _scalar_of(b, 0, elt)],
                 b.vtensor(cur, elt))
        neg = b.op("torch.aten.neg.int", [diff], b.types.int)
        shrink = b.op("torch.prim.max.int", [neg, zero], b.types.int)
        start = b.op("torch.aten.floordiv.int", [shrink, two], b.types.int)
        end = b.op("torch.aten.add.int", [start, want_v], b.types.int)
        cur[axis] = want if isinstance(want, int) else None
        x = b.op("torch.aten.slice.Tensor", [x, b.int(axis), start, end, b.int(1)],
                 b.vtensor(cur, elt))
    return x


TABLE = [
    ("Ceil", 1, unary("torch.aten.ceil", "Ceil", "1..13")),
    ("Celu", 12, celu),
    ("CenterCropPad", 18, center_crop_pad),
    ("Clip", 1, clip),
    ("Compress", 9, compress),
    ("Concat", 1, concat),
    ("Constant", 1, constant),
    ("ConstantOfShape", 9, constant_of_shape),
    ("Cos", 7, unary("torch.aten.cos", "Cos", "7..22")),
    ("Cosh", 9, unary("torch.aten.cosh", "Cosh", "9..22")),
    ("CumProd", 26, _cumulative("CumProd", "26")),
    ("CumSum", 11, _cumulative("CumSum", "11..14")),
]


def populate(registry) -> None:
    """Register the C patterns."""
    register_table(registry, TABLE)
