"""Q-Z shape ops: Reshape, Transpose, Shape, Size, Squeeze, Unsqueeze, SpaceToDepth, Range.

Constant operands are folded into literals (so the next shape op can fold too); dynamic dims
become `aten.size.int` arithmetic.
"""

from __future__ import annotations

import math

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import (
    Binder,
    Types,
    Unsupported,
    build_before,
    build_int_list_before,
    float_operands,
    read_dense,
    vtensor_asm,
)
from ..families import register_table
from . import shape_math as sm


def reshape(b: Binder):
    """Reshape-1..25 (shape as attribute before opset 5, as input after; allowzero from 14)
    -> aten.reshape (0 entries copy the input dim unless allowzero; for a runtime shape the
    static dims of the declared result are used, a -1 showing only at run time is resolved
    with int arithmetic; through a 1-D aten.flatten.using_ints, see emit.reshape; a static
    result with no elements is aten.zeros)."""
    x = sm.data_input(b)
    allowzero = b.attr_int("allowzero", 0) if b.opset >= 14 else 0
    if b.opset < 5:
        target = b.attr_ints("shape")
        return _reshape_static(b, x, target, allowzero)
    shape_in = b.input(1)
    vals = sm.const_value(b, shape_in)
    if vals is not None:
        return _reshape_static(b, x, [int(v) for v in vals.reshape(-1)], allowzero)
    declared = b.shape(b.result_type())
    if declared is not None and 0 in declared and None not in declared:
        return _no_elements(b, declared, b.dtype(x))
    n = (b.shape(shape_in) or [None])[0]
    if declared is not None and n in (None, len(declared)) and 0 not in declared and \
            any(d is not None for d in declared):
        # The declared result type holds (the result is cast to it): its static dims replace
        # the runtime entries, and a single entry left unknown is what -1 infers. Static
        # shapes here keep downstream lowerings on their static paths. (Not for empty
        # results: iree-compile crashes on a static reshape to a 0-sized shape.)
        unknown = [i for i, d in enumerate(declared) if d is None]
        if len(unknown) <= 1:
            return emit.reshape(b, x, [-1 if d is None else d for d in declared],
                                           declared)
        dims = [d if d is not None else sm.entry(b, shape_in, i) for i, d in enumerate(declared)]
    else:
        dims = emit.int_entries(b, shape_in, "a dynamic shape input")
    if not allowzero:
        rank = b.rank(x)
        for i, d in enumerate(dims):
            if i < rank and isinstance(d, ir.Value):  # d == 0 ? size(x, i) : d
                is0 = b.op("torch.aten.eq.int", [d, b.int(0)], b.types.bool)
                is0 = b.op("torch.aten.Int.bool", [is0], b.types.int)
                keep = b.op("torch.aten.mul.int", [is0, emit.size(b, x, i)], b.types.int)
                dims[i] = b.op("torch.aten.add.int", [d, keep], b.types.int)
    dims = _resolve_runtime_minus_one(b, x, dims)
    if declared is None:  # unranked: the rank is the shape's length
        declared = [d if isinstance(d, int) and d > 0 else None for d in dims]
    return emit.reshape(b, x, dims, declared)


def _resolve_runtime_minus_one(b: Binder, x, dims: list) -> list:
    """Replaces a -1 that only shows at run time (a `!torch.int` entry) by the size it stands
    for: numel(x) // product of the other entries (aten.eq.int + int arithmetic per entry).

    torch-mlir's aten.reshape lowering infers only a constant -1; a runtime -1 is taken as a
    size, and the result buffer gets a negative length (IREE fails at run time)."""
    if -1 in dims or not any(isinstance(d, ir.Value) for d in dims):
        return dims  # a constant -1 (the only one a valid shape has) or no runtime entry
    flags, known = {}, 1
    for i, d in enumerate(dims):
        if isinstance(d, ir.Value):
            neg = b.op("torch.aten.eq.int", [d, b.int(-1)], b.types.bool)
            flags[i] = b.op("torch.aten.Int.bool", [neg], b.types.int)
            d = emit.int_add(b, d, emit.int_mul(b, flags[i], 2))  # -1 counts as 1
        known = emit.int_mul(b, known, d)
    # max(known, 1): a 0 entry (allowzero) must not divide by zero; then there is no -1.
    inferred = emit.int_floordiv(b, emit.int_prod(b, emit.dim_sizes(b, x)),
                                 emit.int_max(b, known, 1))
    plus = emit.int_add(b, inferred, 1)
    return [emit.int_add(b, d, emit.int_mul(b, flags[i], plus)) if i in flags else d
            for i, d in enumerate(dims)]


def _reshape_static(b: Binder, x, target: list[int], allowzero: int):
    if target.count(-1) > 1:
        raise Unsupported("more than one -1 in the target shape")
    if any(d < -1 for d in target):
        raise Unsupported(f"negative entry in the target shape {target}")
    result = b.result_type()
    dims, elt = b.tensor_info(x)
    if not allowzero and dims is not None and 0 in target[len(dims):]:
        raise Unsupported(f"target shape {target} copies (0) a dim past the input rank "
                          f"{len(dims)}")
    if sm.static_dims(dims):
        # The result shape is known even where the declared type has `?` (e.g. a shape that
        # other ops computed from constants): give it, so the next ops see static shapes.
        out = _infer_minus_one(
            [dims[i] if d == 0 and not allowzero else d for i, d in enumerate(target)], dims)
        if -1 not in out and 0 in out:
            return _no_elements(b, out, elt)
        if -1 not in out:
            result = b.vtensor(out, elt)
    if not allowzero and 0 in target:
        target = [emit.size(b, x, i) if d == 0 else d for i, d in enumerate(target)]
    return emit.reshape(b, x, target, b.shape(result))


def _infer_minus_one(sizes: list[int], dims) -> list[int]:
    """`sizes` with its -1 (if any) replaced by what the element count of the static `dims`
    leaves for it; it stays -1 when the other sizes multiply to 0."""
    if -1 in sizes:
        rest = math.prod(d for d in sizes if d != -1)
        sizes = list(sizes)
        sizes[sizes.index(-1)] = math.prod(dims) // rest if rest else -1
    return sizes


def _reshape_direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
    """Reshape-5+ of a static float tensor (not one behind a cast) by a literal shape with no 0
    entry, to the static result it declares: the handler's IR (the target as an int list,
    aten.reshape) without a Binder; None otherwise (see convert_op)."""
    operands, results, attrs = op.operands, op.results, op.attributes
    if version < 5 or len(operands) != 2 or len(results) != 1 or (
            "torch.onnx.allowzero" in attrs and
            not isinstance(attrs["torch.onnx.allowzero"], ir.IntegerAttr)):
        return None
    x, shape_in, out = operands[0], operands[1], results[0].type
    shape, elt = types.info(out) or (None, None)
    dims, x_elt = types.info(x.type) or (None, None)
    if shape is None or None in shape or elt not in dtypes.FLOAT_TYPES or x_elt != elt or \
            dims is None or None in dims:
        return None
    shape_owner = shape_in.owner
    if not isinstance(shape_owner, (ir.Operation, ir.OpView)) or \
            shape_owner.operation.name != "torch.vtensor.literal" or \
            sm.cast_source(x) is not None:
        return None
    vals = read_dense(shape_owner.operation.attributes["value"], types.blobs)
    if vals is None:
        return None
    target = [int(v) for v in vals.reshape(-1)]
    if 0 in target or target.count(-1) > 1 or any(d < -1 for d in target):
        return None
    size = _infer_minus_one(target, dims)
    if -1 in size or 0 in size or types.get(vtensor_asm(size, elt)) != out:
        return None
    return build_before(op, "torch.aten.reshape", [x, build_int_list_before(op, types, target)],
                        out)


reshape.direct = _reshape_direct


def _no_elements(b: Binder, shape: list[int], elt: str) -> ir.Value:
    """A static result with no elements holds none of the input's: `aten.zeros` of its shape.
    A static aten.reshape to it would crash ConvertTorchToLinalg (SIGFPE, in torch-mlir's linalg
    pipeline and in iree-compile; conformance/downstream.md), and the run-time path reads the
    shape with aten.item, which TOSA and StableHLO cannot lower."""
    none = b.none()
    return b.op("torch.aten.zeros", [b.int_list(shape), b.int(b.torch_dtype_of(elt)), none,
                                     none, none], b.vtensor(shape, elt))


def transpose(b: Binder):
    """Transpose-1..25 -> aten.permute (perm defaults to reversing the dims)."""
    x = sm.data_input(b)
    rank = b.rank(x)
    perm = b.attr_ints("perm", list(reversed(range(rank))))
    if sorted(emit.normalize_axis(p, rank, "perm entry") for p in perm) != list(range(rank)):
        raise Unsupported(f"perm {perm} is not a permutation of rank {rank}")
    return emit.permute(b, x, [emit.normalize_axis(p, rank) for p in perm])


def _transpose_direct(op: ir.Operation, types: Types, version: int) -> ir.Value | None:
    """Transpose of a float tensor (not one behind a cast, which `transpose` looks through)
    whose result type is the static one it computes: the handler's IR (the perm as an int
    list, aten.permute) without a Binder; None otherwise (see convert_op)."""
    got = float_operands(op, types, 1)
    if got is None:
        return None
    (x,), out, _, elt = got
    shape = types.info(x.type)[0]
    if shape is None or sm.cast_source(x) is not None:
        return None
    rank = len(shape)
    perm = list(reversed(range(rank)))
    if "torch.onnx.perm" in op.attributes:
        attr = op.attributes["torch.onnx.perm"]
        if not isinstance(attr, ir.ArrayAttr) or \
                not all(isinstance(e, ir.IntegerAttr) for e in attr):
            return None
        # out of range: Unsupported, and convert_op lets the handler decline
        perm = [emit.normalize_axis(e.value, rank, "perm entry") for e in attr]
    if sorted(perm) != list(range(rank)) or \
            types.get(vtensor_asm([shape[p] for p in perm], elt)) != out:
        return None
    return build_before(op, "torch.aten.permute", [x, build_int_list_before(op, types, perm)],
                        out)


transpose.direct = _transpose_direct


def shape(b: Binder):
    """Shape-1..25 (start/end from opset 15, clipped to [0, rank]) -> a literal when the dims
    are static, else aten._shape_as_tensor (+ aten.slice.Tensor)."""
    x = sm.most_static(b, b.input(0))
    dims = b.shape(x)
    if dims is None:
        emit.reject_strings(b, x)
        if b.opset >= 15 and (b.has_attr("start") or b.has_attr("end")):
            raise Unsupported("start/end need a ranked input")
        return b.op("torch.aten._shape_as_tensor", [x], b.vtensor([None], "si64"))
    rank = len(dims)
    start, end = 0, rank
    if b.opset >= 15:
        start = b.attr_int("start", 0)
        end = b.attr_int("end", rank)
    start = min(max(start + rank if start < 0 else start, 0), rank)
    end = min(max(end + rank if end < 0 else end, 0), rank)
    picked = list(dims[start:end]) if end > start else []
    if all(d is not None for d in picked):
        return emit.array_literal(b, np.array(picked, dtype=np.int64), "si64")
    emit.reject_strings(b, x)
    whole = b.op("torch.aten._shape_as_tensor", [x], b.vtensor([rank], "si64"))
    if (start, end) == (0, rank):
        return whole
    return b.op("torch.aten.slice.Tensor", [whole, b.int(0), b.int(start), b.int(end), b.int(1)],
                b.vtensor([len(picked)], "si64"))


def size(b: Binder):
    """Size-1..25 -> a literal when the shape is static, else aten.numel +
    prim.NumToTensor.Scalar."""
    x = sm.most_static(b, b.input(0))
    dims = b.shape(x)
    if sm.static_dims(dims):
        return emit.scalar_tensor(b, int(np.prod(dims, dtype=np.int64)), "si64")
    emit.reject_strings(b, x)
    n = b.op("torch.aten.numel", [x], b.types.int)
    return b.op("torch.prim.NumToTensor.Scalar", [n], b.vtensor([], "si64"))


def _axes(b: Binder, since_input: int, what: str) -> list[int] | None:
    """The axes of Squeeze/Unsqueeze: an attribute before `since_input`, an optional input
    after; None when absent. Declines when the input is not a constant."""
    if b.opset < since_input:
        return b.attr_ints("axes", None) or None  # an empty attribute means none
    t = b.optional_input(1)
    if t is None:
        return None
    vals = sm.const_value(b, t)
    if vals is None:
        raise Unsupported(f"{what}: runtime axes")
    return [int(v) for v in vals.reshape(-1)]


def _static_result_reshape(b: Binder, x, why: str):
    """Runtime axes: Squeeze/Unsqueeze only remove/insert size-1 dims, so the data is the input
    reshaped to the declared result shape, which must then be static."""
    out = b.shape(b.result_type())
    if not sm.static_dims(out):
        raise Unsupported(f"{why} need a static declared result shape")
    data = sm.const_value(b, x)
    if data is not None and data.size == int(np.prod(out, dtype=np.int64)):
        lit = sm.folded(b, data.reshape(out), b.dtype(x))
        if lit is not None:
            return lit
    return emit.reshape(b, x, list(out), list(out))


def _assert_not_one(b: Binder, x, axes: list) -> None:
    """Run-time checks that dynamic `axes` of `x` are not 1: Squeeze without axes keeps them
    (the result's rank cannot depend on the data), and a run with one of them 1 stops with
    this message instead of returning a wrongly shaped result."""
    for a in axes:
        ok = b.op("torch.aten.ne.int", [emit.size(b, x, a), b.int(1)], b.types.bool)
        b.op_multi("torch.runtime.assert", [ok], [], message=ir.StringAttr.get(
            f"Squeeze without axes: dynamic axis {a} is 1 at run time, but was kept"))


def squeeze(b: Binder):
    """Squeeze-1..25 (axes attribute before 13, input from 13; none = all size-1 dims)
    -> aten.squeeze.dim per axis (a literal for constant data; aten.reshape to the kept dims
    when a squeezed dim is dynamic, to the declared shape for runtime axes). Without axes and
    without a declared result shape, dynamic dims are kept under a run-time assertion that
    they are not 1 (torch.runtime.assert)."""
    x = sm.data_input(b)
    try:
        axes = _axes(b, 13, "Squeeze")
    except Unsupported:
        return _static_result_reshape(b, x, "runtime axes")
    dims, elt = b.tensor_info(x)
    if dims is None:
        raise Unsupported("input rank is unknown")
    rank = len(dims)
    if axes is None:
        if any(d is None for d in dims):
            out = b.shape(b.result_type())
            n_static_ones = sum(1 for d in dims if d == 1)
            if out is not None and len(out) != rank - n_static_ones:
                raise Unsupported("no axes and dynamic dims: the declared result rank "
                                  f"{len(out)} removes dynamic dims")
            if out is None:
                _assert_not_one(b, x, [i for i, d in enumerate(dims) if d is None])
        axes = [i for i, d in enumerate(dims) if d == 1]
    axes = sorted({emit.normalize_axis(a, rank) for a in axes})
    for a in axes:
        if dims[a] is not None and dims[a] != 1:
            raise Unsupported(f"axis {a} has size {dims[a]}, not 1")
    data = sm.const_value(b, x)
    if data is not None:
        lit = sm.folded(b, data.reshape([d for i, d in enumerate(dims) if i not in axes]), elt)
        if lit is not None:
            return lit
    if any(dims[a] is None for a in axes):
        # aten.squeeze.dim of a dynamic dim lowers to an invalid tensor.collapse_shape; a
        # reshape to the kept dims does not.
        kept = [d for i, d in enumerate(emit.dim_sizes(b, x)) if i not in axes]
        return emit.reshape(b, x, kept, emit.static_or_none(kept))
    y = x
    for a in reversed(axes):
        shape_now = b.shape(y)
        y = b.op("torch.aten.squeeze.dim", [y, b.int(a)],
                 b.vtensor(list(shape_now[:a]) + list(shape_now[a + 1:]), elt))
    return y


def unsqueeze(b: Binder):
    """Unsqueeze-1..25 (axes attribute before 13, input from 13; negative, unsorted)
    -> aten.unsqueeze per axis, ascending (a literal for constant data; aten.reshape to the
    declared shape for runtime axes)."""
    x = sm.data_input(b)
    try:
        axes = _axes(b, 13, "Unsqueeze")
    except Unsupported:
        return _static_result_reshape(b, x, "runtime axes")
    if axes is None:
        raise Unsupported("axes are required")
    dims, elt = b.tensor_info(x)
    if dims is None:
        raise Unsupported("input rank is unknown")
    out_rank = len(dims) + len(axes)
    norm = sorted(emit.normalize_axis(a, out_rank) for a in axes)
    if len(set(norm)) != len(norm):
        raise Unsupported(f"repeated axes {axes}")
    data = sm.const_value(b, x)
    if data is not None:
        lit = sm.folded(b, np.expand_dims(data, tuple(norm)), elt)
        if lit is not None:
            return lit
    y = x
    for a in norm:
        y = emit.unsqueeze(b, y, a)
    return y


def space_to_depth(b: Binder):
    """SpaceToDepth-1..28 (DCR, and CRD from 28) -> aten.reshape + aten.permute + aten.reshape
    (the mirror of DepthToSpace)."""
    x = sm.data_input(b)
    bs = b.attr_int("blocksize")
    mode = b.attr_str("mode", "DCR") if b.opset >= 28 else "DCR"
    if mode not in ("DCR", "CRD"):
        raise Unsupported(f"unknown mode '{mode}'")
    if bs < 1:
        raise Unsupported(f"blocksize {bs} must be positive")
    if b.rank(x) != 4:
        raise Unsupported(f"input must have rank 4, got {b.rank(x)}")
    n, c, h, w = emit.dim_sizes(b, x)
    for name, d in (("height", h), ("width", w)):
        if isinstance(d, int) and d % bs:
            raise Unsupported(f"{name} {d} is not a multiple of blocksize {bs}")
    h_out, w_out = emit.int_floordiv(b, h, bs), emit.int_floordiv(b, w, bs)
    split = [n, c, h_out, bs, w_out, bs]
    y = emit.reshape(b, x, split, emit.static_or_none(split))
    y = emit.permute(b, y, [0, 3, 5, 1, 2, 4] if mode == "DCR" else [0, 1, 3, 5, 2, 4])
    out = [n, emit.int_mul(b, c, bs * bs), h_out, w_out]
    return emit.reshape(b, y, out, emit.static_or_none(out))


def range_(b: Binder):
    """Range-11..27 (stash_type from 27: f16/bf16 computed in f32 or f64) -> a literal for
    constant operands, else aten.arange.start_step (+ aten.to.dtype); f64 as
    start + aten.arange(n) * delta with n computed by tensor ops."""
    elt = b.dtype(b.input(0))
    if elt == "i1" or elt.startswith("complex"):
        raise Unsupported(f"Range of {elt} is not defined")
    start, limit, delta = (sm.scalar_item(b, b.input(i), n)
                           for i, n in enumerate(("start", "limit", "delta")))
    work = elt
    if elt in ("f16", "bf16"):
        stash = b.attr_int("stash_type", 1) if b.opset >= 27 else 1
        work = {1: "f32", 11: "f64"}.get(stash)
        if work is None:
            raise Unsupported(f"stash_type {stash} is not float or double")
    static = not any(isinstance(v, ir.Value) for v in (start, limit, delta))
    if static:
        if delta == 0:
            raise Unsupported("delta is 0")
        np_work = dtypes.BY_MLIR[work].numpy
        vals = np.arange(np_work(start), np_work(limit), np_work(delta), dtype=np_work)
        lit = sm.folded(b, vals, elt)
        if lit is not None:
            return lit
    if work == "f64" and not static:
        return emit.to_dtype(b, _range_f64(b), elt)
    if dtypes.is_float(elt):
        args = [b.float(float(v)) if not isinstance(v, ir.Value) else v
                for v in (start, limit, delta)]
    else:
        args = [b.int(v) if not isinstance(v, ir.Value) else v for v in (start, limit, delta)]
    n = max(int(np.ceil((limit - start) / delta)), 0) if static else None
    none = b.none()
    y = b.op("torch.aten.arange.start_step",
             [*args, b.int(b.torch_dtype_of(work)), none, none, none], b.vtensor([n], work))
    return emit.to_dtype(b, y, elt)


def _range_f64(b: Binder) -> ir.Value:
    """Range in f64 without f64 scalar arithmetic, which IREE cannot run on the host (the
    length computation of aten.arange.start_step becomes an illegal f64 arith.fptoui)."""
    start, limit, delta = (emit.to_dtype(b, b.input(i), "f64") for i in range(3))
    scalar = b.vtensor([], "f64")
    span = b.op("torch.aten.sub.Tensor", [limit, start, b.int(1)], scalar)
    steps = b.op("torch.aten.div.Tensor", [span, delta], scalar)
    steps = b.op("torch.aten.ceil", [steps], scalar)
    steps = b.op("torch.aten.clamp", [steps, b.float(0.0), b.none()], scalar)
    n = b.op("torch.aten.item", [emit.to_dtype(b, steps, "si64")], b.types.int)
    idx = emit.to_dtype(b, emit.arange(b, n), "f64")
    y = b.op("torch.aten.mul.Tensor", [idx, delta], b.vtensor([None], "f64"))
    return b.op("torch.aten.add.Tensor", [y, start, b.int(1)], b.vtensor([None], "f64"))


TABLE = [
    ("Reshape", 1, reshape),
    ("Transpose", 1, transpose),
    ("Shape", 1, shape),
    ("Size", 1, size),
    ("Squeeze", 1, squeeze),
    ("Unsqueeze", 1, unsqueeze),
    ("SpaceToDepth", 1, space_to_depth),
    ("Range", 11, range_),
]


def populate(registry) -> None:
    """Register the Q-Z shape patterns."""
    register_table(registry, TABLE)
