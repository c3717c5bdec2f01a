"""Resize and Upsample: separable resampling, one axis at a time.

ONNX resampling is separable: each resized axis maps every output index to a few input indices
with fixed coefficients (the coordinate transformation, the nearest rounding, the linear/cubic
kernel, antialiasing and exclude_outside all live in those coefficients). With the axis sizes
static, the coefficients are computed here once, as ONNX's reference computes them, and the
axis is resampled by `aten.index_select` (nearest: exact for every dtype) or by `aten.matmul` with
the constant [out, in] weight matrix (linear, cubic). torch's own `aten.__interpolate` is not used:
it covers a few of the coordinate modes and none of exclude_outside, cubic_coeff_a, antialias,
tf_crop_and_resize or keep_aspect_ratio_policy.
"""

from __future__ import annotations

import math

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table

_COORD_MODES = ("half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners",
                "asymmetric", "tf_half_pixel_for_nn", "tf_crop_and_resize")
_NEAREST_MODES = ("round_prefer_floor", "round_prefer_ceil", "floor", "ceil")
# Weight matrices above this many entries would be weights, not resampling tables.
_MAX_WEIGHTS = 1 << 22


def _source_coords(mode: str, out_int: int, in_size: int, scale: float, roi):
    """Source coordinate of every output index of one axis, and the tf_crop_and_resize mask of
    the positions that fall outside the input (None for the other modes)."""
    y = np.arange(out_int, dtype=np.float64)
    out_w = scale * in_size
    if mode == "align_corners":
        return (np.zeros(out_int) if out_w == 1 else y * (in_size - 1) / (out_w - 1)), None
    if mode == "asymmetric":
        return y / scale, None
    if mode == "tf_half_pixel_for_nn":
        return (y + 0.5) / scale, None
    if mode == "pytorch_half_pixel":
        return (np.full(out_int, -0.5) if out_w == 1 else (y + 0.5) / scale - 0.5), None
    if mode == "half_pixel":
        return (y + 0.5) / scale - 0.5, None
    if mode == "half_pixel_symmetric":
        offset = in_size / 2 * (1 - out_int / out_w)
        return offset + (y + 0.5) / scale - 0.5, None
    start, end = roi  # tf_crop_and_resize
    if out_w == 1:
        x = np.full(out_int, (end - start) * (in_size - 1) / 2)
    else:
        x = y * (end - start) * (in_size - 1) / (out_w - 1)
    x = x + start * (in_size - 1)
    return x, (x < 0) | (x > in_size - 1)


def _kernel(kind: str, ratios: np.ndarray, scale: float, cubic_a: float, antialias: bool,
            nearest_mode: str) -> np.ndarray:
    """[out, n] coefficients of the n neighbours of each output position (ratio in (0, 1])."""
    r = ratios[:, None]
    if kind == "nearest":
        whole = ratios == 1.0
        if nearest_mode == "round_prefer_floor":
            right = ratios > 0.5
        elif nearest_mode == "round_prefer_ceil":
            right = ratios >= 0.5
        else:
            right = np.full(ratios.shape, nearest_mode == "ceil")
        right = right | whole
        return np.stack([~right, right], axis=1).astype(np.float64)
    if antialias:
        s = min(scale, 1.0)
        if kind == "linear":
            start = int(np.floor(-1 / s) + 1)
            args = (np.arange(start, 2 - start)[None, :] - r) * s
            c = np.clip(1 - np.abs(args), 0, 1)
        else:
            start = int(np.floor(-2 / s) + 1)
            x = np.abs(s * (np.arange(start, 2 - start)[None, :] - r))
            a = cubic_a
            c = np.where(x <= 1, (a + 2) * x**3 - (a + 3) * x**2 + 1,
                         np.where(x < 2, a * x**3 - 5 * a * x**2 + 8 * a * x - 4 * a, 0.0))
        return c / c.sum(axis=1, keepdims=True)
    if kind == "linear":
        return np.concatenate([1 - r, r], axis=1)
    a, q = cubic_a, 1 - r
    return np.concatenate([
        ((a * (r + 1) - 5 * a) * (r + 1) + 8 * a) * (r + 1) - 4 * a,
        ((a + 2) * r - (a + 3)) * r * r + 1,
        ((a + 2) * q - (a + 3)) * q * q + 1,
        ((a * (q + 1) - 5 * a) * (q + 1) + 8 * a) * (q + 1) - 4 * a,
    ], axis=1)


def axis_weights(in_size: int, out_int: int, scale: float, coord_mode: str, roi, kind: str,
                 nearest_mode: str = "round_prefer_floor", cubic_a: float = -0.75,
                 antialias: bool = False, exclude_outside: bool = False):
    """The [out, in] resampling matrix of one axis and its extrapolation mask (or None), as
    ONNX's reference `_interpolate_1d_along_axis` computes the output."""
    x, extrapolated = _source_coords(coord_mode, out_int, in_size, scale, roi)
    x_int = np.floor(x)
    ratios = np.where(x == x_int, 1.0, x - x_int)  # the left neighbour is preferred
    coeffs = _kernel(kind, ratios, scale, cubic_a, antialias, nearest_mode)
    n = coeffs.shape[1]
    # The n input indices nearest to x (ties to the smaller), in edge-padded coordinates.
    pad = math.ceil(n / 2)
    xp = x + pad
    p = np.floor(xp).astype(np.int64)
    frac = xp - p
    if n % 2 == 0:
        offset = np.where(frac == 0, -(n // 2), -(n // 2) + 1)
    else:
        offset = np.where(frac <= 0.5, -((n - 1) // 2), -((n - 1) // 2) + 1)
    idx = (p + offset)[:, None] + np.arange(n)[None, :] - pad
    if exclude_outside:
        coeffs = np.where((idx < 0) | (idx >= in_size), 0.0, coeffs)
        total = coeffs.sum(axis=1, keepdims=True)
        coeffs = coeffs / np.where(total == 0, 1.0, total)
    weights = np.zeros((out_int, in_size))
    rows = np.repeat(np.arange(out_int), n)
    np.add.at(weights, (rows, np.clip(idx, 0, in_size - 1).reshape(-1)), coeffs.reshape(-1))
    return weights, extrapolated


def _one_hot_rows(weights: np.ndarray) -> np.ndarray | None:
    """The selected column of each row if every row picks exactly one input, else None."""
    cols = weights.argmax(axis=1)
    picked = weights[np.arange(len(cols)), cols]
    if np.all(picked == 1.0) and np.all(np.count_nonzero(weights, axis=1) == 1):
        return cols
    return None


def _operand(b: Binder, v, what: str, kind=float):
    """An optional 1-D input: None when absent or empty, a list when constant, else the value."""
    if v is None or b.shape(v) == (0,):
        return None
    vals = b.const_value(v)
    if vals is None:
        shape = b.shape(v)
        if shape is None or len(shape) != 1 or shape[0] is None:
            raise Unsupported(f"{what} must be a constant or a 1-D tensor of static length")
        return v
    vals = np.asarray(vals).reshape(-1)
    if not np.all(np.isfinite(vals.astype(np.float64))):
        raise Unsupported(f"{what} {vals.tolist()} are not all finite")
    return [kind(e) for e in vals] if vals.size else None


def _entry(b: Binder, v, i: int):
    """Entry `i` of a run-time 1-D tensor as a 0-d f64 tensor."""
    e = b.op("torch.aten.select.int", [v, b.int(0), b.int(i)], b.vtensor([], b.dtype(v)))
    return emit.to_dtype(b, e, "f64")


def _plan(b: Binder, x, shape, scales, sizes, axes, policy: str, declared):
    """(per-dim scale, per-dim output size) as ONNX's reference derives them. A scale is a float,
    or a 0-d f64 tensor when it is only known at run time (then the output size comes from the
    declared result type). A resized axis of dynamic size must be left as it is: a run-time
    assertion checks that."""
    r = len(shape)
    if declared is not None and len(declared) != r:
        raise Unsupported(f"declared output rank {len(declared)} is not the input rank {r}")
    for name, given in (("sizes", sizes), ("scales", scales)):
        if isinstance(given, list) and len(given) != len(axes):
            raise Unsupported(f"{name} has {len(given)} entries for {len(axes)} axes")
    if sizes is None and scales is None:
        raise Unsupported("neither scales nor sizes is given")
    scale, out = [1.0] * r, list(shape)
    dynamic = [a for a in axes if shape[a] is None]
    if sizes is not None and policy != "stretch" and (dynamic or not isinstance(sizes, list)):
        if dynamic:
            raise Unsupported("keep_aspect_ratio_policy needs static resized axes")
        # run-time sizes with an aspect-ratio policy: one common scale, computed at run time
        v = _Vec(b)
        ratios = [v.div(_entry(b, sizes, i), float(shape[a])) for i, a in enumerate(axes)]
        common = ratios[0]
        pick = "torch.aten.minimum" if policy == "not_larger" else "torch.aten.maximum"
        for t in ratios[1:]:
            common = b.op(pick, [common, t], b.vtensor([], "f64"))
        return [common if a in axes else 1.0 for a in range(r)], _declared_out(declared, shape,
                                                                               axes)
    for i, a in enumerate(axes):
        given = sizes if sizes is not None else scales
        entry = given[i] if isinstance(given, list) else None
        if shape[a] is None:  # must be an identity: asserted, not assumed
            if sizes is None and entry is not None:
                if entry != 1.0:
                    raise Unsupported("resized axes must have static sizes")
                continue
            _assert_identity(b, x, a, given, i, sizes is not None)
            continue
        if sizes is not None:
            n = entry if entry is not None else (None if declared is None else declared[a])
            if n is None:
                raise Unsupported("run-time sizes need a static declared output shape")
            out[a], scale[a] = int(n), int(n) / shape[a]
        elif entry is not None:
            if entry <= 0:
                raise Unsupported(f"scale {entry} must be positive")
            out[a], scale[a] = int(entry * shape[a]), entry
        else:
            scale[a] = _entry(b, scales, i)
            out[a] = _declared_out(declared, shape, [a])[a]
    if sizes is not None and policy != "stretch":
        pick = min if policy == "not_larger" else max
        common = pick(scale[a] for a in axes)
        for a in axes:
            scale[a], out[a] = common, int(common * shape[a] + 0.5)
    return scale, out


def _assert_identity(b: Binder, x, a: int, given, i: int, is_sizes: bool) -> None:
    """A run-time check that resized axis `a` (of dynamic size) keeps its size (scale 1)."""
    if is_sizes:
        if isinstance(given, list):
            want = b.int(given[i])
        else:
            e = b.op("torch.aten.select.int", [given, b.int(0), b.int(i)],
                     b.vtensor([], b.dtype(given)))
            want = b.op("torch.aten.item", [e], b.types.int)
        ok = b.op("torch.aten.eq.int", [emit.size(b, x, a), want], b.types.bool)
        what = "sizes"
    else:
        e = b.op("torch.aten.select.int", [given, b.int(0), b.int(i)],
                 b.vtensor([], b.dtype(given)))
        ok = b.op("torch.aten.eq.float", [b.op("torch.aten.item", [e], b.types.float),
                                           b.float(1.0)], b.types.bool)
        what = "scales"
    b.op_multi("torch.runtime.assert", [ok], [],
               message=ir.StringAttr.get(f"Resize: {what} must keep dynamic axis {a} as it is"))


def _declared_out(declared, shape, axes):
    if declared is not None and len(declared) != len(shape):
        raise Unsupported(f"declared output rank {len(declared)} is not the input rank "
                          f"{len(shape)}")
    if declared is None or any(declared[a] is None for a in axes):
        raise Unsupported("run-time scales need a static declared output shape")
    return [declared[a] if a in axes else shape[a] for a in range(len(shape))]


def _resample(b: Binder, x, shape, scale, out, roi, kind: str, coord_mode: str, **kernel):
    """Resample `x` (static `shape` on resized axes) to `out`, axis by axis."""
    if any(isinstance(o, (int, float)) and o < 0 for o in out):
        raise Unsupported(f"negative output size in {list(out)}")
    elt = b.dtype(x)
    r = len(shape)
    extrapolation = kernel.pop("extrapolation", 0.0)
    work = "f64" if elt == "f64" else "f32"
    cur, cur_shape, in_work = x, list(shape), False
    for a in range(r):
        axis_roi = None if roi is None else (roi[a], roi[a + r])
        runtime = isinstance(scale[a], ir.Value) or any(
            isinstance(e, ir.Value) for e in axis_roi or ())
        if runtime:
            if cur_shape[a] == 1 and out[a] == 1 and roi is None:
                continue  # one element in, one out: every coordinate reads it
            f64 = [e if isinstance(e, ir.Value) else emit.scalar_tensor(b, e, "f64")
                   for e in (scale[a], *(axis_roi or ()))]
            axis_roi = None if roi is None else tuple(f64[1:])
            cur = _runtime_axis(b, cur, a, out[a], f64[0], axis_roi, kind, coord_mode, work,
                                kernel.get("nearest_mode", "round_prefer_floor"),
                                kernel.get("cubic_a", -0.75), kernel.get("antialias", False),
                                kernel.get("exclude_outside", False), extrapolation)
            in_work = in_work or kind != "nearest"
            cur_shape = list(b.shape(cur))
            continue
        trivial_roi = roi is None or (roi[a] == 0.0 and roi[a + r] == 1.0)
        if math.isclose(scale[a], 1.0) and out[a] == cur_shape[a] and trivial_roi:
            continue
        if out[a] * cur_shape[a] > _MAX_WEIGHTS:
            raise Unsupported(f"axis {a} resampling table {out[a]}x{cur_shape[a]} is too big")
        weights, mask = axis_weights(cur_shape[a], out[a], scale[a], coord_mode, axis_roi, kind,
                                     **kernel)
        new_shape = cur_shape[:a] + [out[a]] + cur_shape[a + 1:]
        cols = _one_hot_rows(weights)
        if cols is not None:
            index = emit.array_literal(b, cols, "si64")
            cur = b.op("torch.aten.index_select", [cur, b.int(a), index],
                       b.vtensor(new_shape, b.dtype(cur)))
        else:
            if not in_work:
                cur, in_work = emit.to_dtype(b, cur, work), True
            cur = _apply_along(b, cur, a, r, weights, work, cur_shape, new_shape)
        if mask is not None and mask.any():
            bshape = [out[a]] + [1] * (r - a - 1)
            m = emit.array_literal(b, mask.reshape(bshape), "i1")
            fill = extrapolation
            if not dtypes.is_float(b.dtype(cur)):
                fill = round(fill)
            cur = b.op("torch.aten.where.self",
                       [m, emit.scalar_tensor(b, fill, b.dtype(cur)), cur],
                       b.vtensor(new_shape, b.dtype(cur)))
        cur_shape = new_shape
    if in_work and elt != work:
        if dtypes.is_integer(elt):  # round half to even, saturate, as ONNX's reference
            cur = b.op("torch.aten.round", [cur], b.vtensor(cur_shape, work))
            info = np.iinfo(dtypes.BY_MLIR[elt].numpy)
            cur = b.op("torch.aten.clamp", [cur, b.float(info.min), b.float(info.max)],
                       b.vtensor(cur_shape, work))
        cur = emit.to_dtype(b, cur, elt)
    return cur


def _apply_along(b: Binder, x, a: int, r: int, weights, work: str, shape, new_shape):
    """`weights` [out, in] applied along axis `a`: a matmul on the last two axes, else around a
    permutation that brings the axis last."""
    if a == r - 2:  # [out, in] @ [..., in, last]
        w = emit.array_literal(b, weights, work)
        return b.op("torch.aten.matmul", [w, x], b.vtensor(new_shape, work))
    wt = emit.array_literal(b, np.ascontiguousarray(weights.T), work)
    if a == r - 1:
        return b.op("torch.aten.matmul", [x, wt], b.vtensor(new_shape, work))
    perm = [i for i in range(r) if i != a] + [a]
    moved = emit.permute(b, x, perm)
    moved_shape = [new_shape[i] for i in perm]
    y = b.op("torch.aten.matmul", [moved, wt], b.vtensor(moved_shape, work))
    return emit.permute(b, y, [perm.index(i) for i in range(r)])


class _Vec:
    """f64 tensor arithmetic for the run-time-scale path: coordinates of one axis ([n]) and
    0-d run-time values (a scale, a roi bound), broadcast together."""

    def __init__(self, b: Binder):
        self.b = b

    def _t(self, name, operands, *like):
        shape = self.b.shape(like[0])
        for v in like[1:]:
            shape = emit.broadcast_shape(shape, self.b.shape(v))
        return self.b.op(name, operands, self.b.vtensor(shape, "f64"))

    def add(self, x, y):
        if isinstance(y, float):
            return self._t("torch.aten.add.Scalar", [x, self.b.float(y), self.b.int(1)], x)
        return self._t("torch.aten.add.Tensor", [x, y, self.b.int(1)], x, y)

    def sub(self, x, y):
        return self._t("torch.aten.sub.Tensor", [x, y, self.b.int(1)], x, y)

    def mul(self, x, y):
        if isinstance(y, float):
            return self._t("torch.aten.mul.Scalar", [x, self.b.float(y)], x)
        return self._t("torch.aten.mul.Tensor", [x, y], x, y)

    def div(self, x, y):
        if isinstance(y, float):
            return self._t("torch.aten.div.Scalar", [x, self.b.float(y)], x)
        return self._t("torch.aten.div.Tensor", [x, y], x, y)

    def floor(self, x):
        return self._t("torch.aten.floor", [x], x)

    def cmp(self, name, x, c: float):
        return self.b.op(f"torch.aten.{name}.Scalar", [x, self.b.float(c)],
                         emit.like(self.b, x, "i1"))

    def where(self, cond, x, y):
        if isinstance(x, float):
            x = emit.scalar_tensor(self.b, x, "f64")
        if isinstance(y, float):
            y = emit.scalar_tensor(self.b, y, "f64")
        return self._t("torch.aten.where.self", [cond, x, y], cond, x, y)


def _runtime_coords(v: _Vec, mode: str, out_n: int, n_in: int, s, roi):
    """Source coordinates (f64 [out_n]) for a run-time 0-d scale `s`, and the tf_crop_and_resize
    outside mask (or None)."""
    b = v.b
    y = emit.array_literal(b, np.arange(out_n, dtype=np.float64), "f64")
    out_w = v.mul(s, float(n_in))
    one = v.cmp("eq", out_w, 1.0)
    half = v.add(v.div(v.add(y, 0.5), s), -0.5)
    if mode == "asymmetric":
        return v.div(y, s), None
    if mode == "half_pixel":
        return half, None
    if mode == "tf_half_pixel_for_nn":
        return v.div(v.add(y, 0.5), s), None
    if mode == "pytorch_half_pixel":
        return v.where(one, -0.5, half), None
    if mode == "half_pixel_symmetric":
        adjust = v.div(emit.scalar_tensor(b, float(out_n), "f64"), out_w)
        offset = v.mul(v.add(v.mul(adjust, -1.0), 1.0), n_in / 2)
        return v.add(half, offset), None
    if mode == "align_corners":
        return v.where(one, 0.0, v.div(v.mul(y, float(n_in - 1)), v.add(out_w, -1.0))), None
    start, end = roi  # tf_crop_and_resize
    span = v.mul(v.sub(end, start), float(n_in - 1))
    x = v.where(one, v.mul(span, 0.5), v.div(v.mul(y, span), v.add(out_w, -1.0)))
    x = v.add(x, v.mul(start, float(n_in - 1)))
    outside = b.op("torch.aten.logical_or", [v.cmp("lt", x, 0.0), v.cmp("gt", x, n_in - 1.0)],
                   emit.like(b, x, "i1"))
    return x, outside


def _runtime_antialias(v: _Vec, kind: str, r, s, n_in: int, out_n: int, cubic_a: float):
    """Antialiased linear/cubic coefficients for a run-time scale `s`. The kernel footprint
    grows as the scale shrinks; the widest one over every scale that gives `out_n` (floor(s *
    n_in) == out_n) is used: the taps beyond the footprint of the actual scale get weight 0."""
    reach = 1 if kind == "linear" else 2
    first = int(np.floor(-reach / min(out_n / n_in, 1.0)) + 1)
    b = v.b
    s_eff = b.op("torch.aten.clamp", [s, b.none(), b.float(1.0)], b.vtensor([], "f64"))
    coeffs = []
    for k in range(2 - 2 * first):
        x = v.mul(v.add(v.mul(r, -1.0), float(first + k)), s_eff)
        x = v._t("torch.aten.abs", [x], x)
        if kind == "linear":
            c = b.op("torch.aten.clamp", [v.add(v.mul(x, -1.0), 1.0), b.float(0.0), b.float(1.0)],
                     emit.like(b, x))
        else:
            a = cubic_a
            x2, x3 = v.mul(x, x), v.mul(v.mul(x, x), x)
            near = v.add(v.add(v.mul(x3, a + 2), v.mul(x2, -(a + 3))), 1.0)
            far = v.add(v.add(v.add(v.mul(x3, a), v.mul(x2, -5 * a)), v.mul(x, 8 * a)), -4 * a)
            c = v.where(v.cmp("le", x, 1.0), near, v.where(v.cmp("lt", x, 2.0), far, 0.0))
        coeffs.append(c)
    total = coeffs[0]
    for c in coeffs[1:]:
        total = v.add(total, c)
    return [v.div(c, total) for c in coeffs]


def _runtime_axis(b: Binder, cur, a: int, out_n: int, s, roi, kind: str, coord: str, work: str,
                  nearest_mode: str, cubic_a: float, antialias: bool, exclude_outside: bool,
                  extrapolation: float):
    """Resample axis `a` of `cur` with a run-time scale: the coefficients and neighbour indices
    are computed in f64 tensors, the neighbours gathered with aten.index_select."""
    v = _Vec(b)
    shape = list(b.shape(cur))
    n_in = shape[a]
    if not isinstance(out_n, int) or not isinstance(n_in, int):
        raise Unsupported(f"a run-time scale on axis {a} needs static input and output sizes")
    x, outside = _runtime_coords(v, coord, out_n, n_in, s, roi)
    xi = v.floor(x)
    whole = b.op("torch.aten.eq.Tensor", [x, xi], emit.like(b, x, "i1"))
    r = v.where(whole, 1.0, v.sub(x, xi))
    if kind == "nearest":
        cond = {"round_prefer_floor": ("gt", 0.5), "round_prefer_ceil": ("ge", 0.5),
                "floor": ("gt", 1.0), "ceil": ("ge", 0.0)}[nearest_mode]
        right = b.op("torch.aten.logical_or", [v.cmp(*cond[:1], r, cond[1]), whole],
                     emit.like(b, x, "i1"))
        coeffs = None
    elif antialias:
        coeffs = _runtime_antialias(v, kind, r, s, n_in, out_n, cubic_a)
    elif kind == "linear":
        coeffs = [v.add(v.mul(r, -1.0), 1.0), r]
    else:
        a_, q = cubic_a, v.add(v.mul(r, -1.0), 1.0)

        def poly(t, cs):  # ((c0 * t + c1) * t + c2) * t + c3
            acc = v.mul(t, cs[0])
            for c in cs[1:-1]:
                acc = v.mul(v.add(acc, c), t)
            return v.add(acc, cs[-1])

        outer = (a_, -5 * a_, 8 * a_, -4 * a_)
        inner = (a_ + 2, -(a_ + 3), 0.0, 1.0)
        coeffs = [poly(v.add(r, 1.0), outer), poly(r, inner), poly(q, inner),
                  poly(v.add(q, 1.0), outer)]
    n = 2 if coeffs is None else len(coeffs)
    # neighbours: the n indices nearest to x, ties to the smaller (as the reference)
    base = v.add(xi, v.where(whole, float(-(n // 2)), float(-(n // 2) + 1)))
    idx = [v.add(base, float(k)) for k in range(n)]
    if exclude_outside:
        if coeffs is None:
            raise Unsupported("exclude_outside with nearest mode needs constant scales")
        keep = [b.op("torch.aten.logical_and", [v.cmp("ge", i, 0.0), v.cmp("le", i, n_in - 1.0)],
                     emit.like(b, i, "i1")) for i in idx]
        coeffs = [v.where(k, c, 0.0) for k, c in zip(keep, coeffs)]
        total = coeffs[0]
        for c in coeffs[1:]:
            total = v.add(total, c)
        total = v.where(v.cmp("eq", total, 0.0), 1.0, total)
        coeffs = [v.div(c, total) for c in coeffs]

    def as_index(i):
        i = b.op("torch.aten.clamp", [i, b.float(0.0), b.float(n_in - 1.0)], emit.like(b, i))
        return emit.to_dtype(b, i, "si64")

    new_shape = shape[:a] + [out_n] + shape[a + 1:]
    bshape = [out_n] + [1] * (len(shape) - a - 1)
    if coeffs is None:
        pick = v.where(right, idx[1], idx[0])
        y = b.op("torch.aten.index_select", [cur, b.int(a), as_index(pick)],
                 b.vtensor(new_shape, b.dtype(cur)))
    else:
        cur = emit.to_dtype(b, cur, work)
        y = None
        for i, c in zip(idx, coeffs):
            g = b.op("torch.aten.index_select", [cur, b.int(a), as_index(i)],
                     b.vtensor(new_shape, work))
            c = emit.reshape(b, emit.to_dtype(b, c, work), bshape, bshape)
            term = b.op("torch.aten.mul.Tensor", [g, c], b.vtensor(new_shape, work))
            y = term if y is None else b.op("torch.aten.add.Tensor", [y, term, b.int(1)],
                                            b.vtensor(new_shape, work))
    if outside is not None:
        m = emit.reshape(b, outside, bshape, bshape)
        fill = extrapolation if dtypes.is_float(b.dtype(y)) else round(extrapolation)
        y = b.op("torch.aten.where.self", [m, emit.scalar_tensor(b, fill, b.dtype(y)), y],
                 b.vtensor(new_shape, b.dtype(y)))
    return y


def _check_dtype(elt: str) -> None:
    if not (dtypes.is_float(elt) or dtypes.is_integer(elt)) or elt.startswith("f8"):
        raise Unsupported(f"resampling of {elt} tensors is not supported")


def resize(b: Binder):
    """Resize-10..19 (every mode, coordinate_transformation_mode, nearest_mode, cubic_coeff_a,
    exclude_outside, extrapolation_value, antialias, axes, keep_aspect_ratio_policy; scales,
    sizes and roi must be constants, resized axes static) -> per resized axis aten.index_select
    (nearest) or aten.matmul with a constant weight matrix (+ aten.permute), aten.where for
    tf_crop_and_resize extrapolation, aten.round/clamp/to.dtype back for integer inputs."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    _check_dtype(elt)
    r = len(shape)
    mode = b.attr_str("mode", "nearest")
    if mode not in ("nearest", "linear", "cubic"):
        raise Unsupported(f"mode '{mode}' is not one of nearest, linear, cubic")
    if b.opset < 11:  # Resize-10: scales only, asymmetric coordinates, nearest rounds down
        if mode == "cubic":
            raise Unsupported("mode 'cubic' does not exist before opset 11")
        scales = _operand(b, b.input(1), "scales")
        scale, out = _plan(b, x, shape, scales, None, list(range(r)), "stretch",
                           b.shape(b.result_type()))
        return _resample(b, x, shape, scale, out, None, mode, "asymmetric",
                         nearest_mode="floor")
    coord = b.attr_str("coordinate_transformation_mode", "half_pixel")
    valid = [m for m in _COORD_MODES if (m != "half_pixel_symmetric" or b.opset >= 19)
             and (m != "tf_half_pixel_for_nn" or b.opset < 13)]
    if coord not in valid:
        raise Unsupported(f"coordinate_transformation_mode '{coord}' is not valid at opset "
                          f"{b.opset}")
    nearest_mode = b.attr_str("nearest_mode", "round_prefer_floor")
    if nearest_mode not in _NEAREST_MODES:
        raise Unsupported(f"nearest_mode '{nearest_mode}' is not valid")
    antialias = b.attr_int("antialias", 0) if b.opset >= 18 else 0
    if antialias and mode == "nearest":
        raise Unsupported("antialias applies to linear and cubic modes only")
    policy = b.attr_str("keep_aspect_ratio_policy", "stretch") if b.opset >= 18 else "stretch"
    if policy not in ("stretch", "not_larger", "not_smaller"):
        raise Unsupported(f"keep_aspect_ratio_policy '{policy}' is not valid")
    axes = list(range(r))
    if b.opset >= 18 and b.has_attr("axes"):
        axes = [emit.normalize_axis(a, r, "axes entry") for a in b.attr_ints("axes")]
        if len(set(axes)) != len(axes):
            raise Unsupported(f"axes {axes} has duplicates")
    scales = _operand(b, b.optional_input(2), "scales")
    sizes = _operand(b, b.optional_input(3), "sizes", int)
    if scales is not None and sizes is not None:
        raise Unsupported("only one of scales and sizes may be given")
    if policy != "stretch" and sizes is None:
        policy = "stretch"  # the policy applies to sizes only
    roi = None
    if coord == "tf_crop_and_resize":
        given = _operand(b, b.optional_input(1), "roi")
        count = None if given is None else (
            len(given) if isinstance(given, list) else b.shape(given)[0])
        if count != 2 * len(axes):
            raise Unsupported("tf_crop_and_resize needs a roi of 2 x len(axes) entries")
        roi = [0.0] * r + [1.0] * r
        for i, a in enumerate(axes):
            for j, k in ((a, i), (r + a, len(axes) + i)):
                roi[j] = given[k] if isinstance(given, list) else _entry(b, given, k)
    scale, out = _plan(b, x, shape, scales, sizes, axes, policy, b.shape(b.result_type()))
    return _resample(b, x, shape, scale, out, roi, mode, coord, nearest_mode=nearest_mode,
                     cubic_a=b.attr_float("cubic_coeff_a", -0.75), antialias=bool(antialias),
                     exclude_outside=bool(b.attr_int("exclude_outside", 0)),
                     extrapolation=b.attr_float("extrapolation_value", 0.0))


def upsample(b: Binder):
    """Upsample-1..10 (height_scale/width_scale, scales attribute from 7, input from 9; nearest
    and (bi)linear, asymmetric coordinates, nearest rounding down) -> as Resize-10:
    aten.index_select / aten.matmul per axis."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    _check_dtype(elt)
    mode = b.attr_str("mode", "nearest")
    kind = {"nearest": "nearest", "linear": "linear", "bilinear": "linear"}.get(mode)
    if kind is None or (mode == "bilinear" and b.opset >= 7) or (mode == "linear" and b.opset < 7):
        raise Unsupported(f"mode '{mode}' is not valid at opset {b.opset}")
    if b.opset < 7:
        if len(shape) != 4:
            raise Unsupported("Upsample-1 takes a 4-D input")
        scales = [1.0, 1.0, b.attr_float("height_scale"), b.attr_float("width_scale")]
    elif b.opset < 9:
        scales = b.attr_floats("scales")
    else:
        scales = _operand(b, b.input(1), "scales")
    if isinstance(scales, list) and any(s < 1 for s in scales):
        raise Unsupported(f"Upsample scales must be >= 1, got {scales}")
    scale, out = _plan(b, x, shape, scales, None, list(range(len(shape))), "stretch",
                       b.shape(b.result_type()))
    return _resample(b, x, shape, scale, out, None, kind, "asymmetric", nearest_mode="floor")


TABLE = [
    ("Resize", 10, resize),
    ("Upsample", 1, upsample),
]


def populate(registry) -> None:
    """Register Resize and Upsample."""
    register_table(registry, TABLE)
