"""Pooling: MaxPool, LpPool, the Global* pools, LRN, MaxUnpool and MaxRoiPool.

The windows (pads, auto_pad, ceil_mode, dilations) come from `patterns/pool_windows.py`, which
AveragePool shares.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..pool_windows import fit_to_windows, read_window, torch_ceil_mode, window_sums


def _lowest(elt: str):
    """The padding value that never wins a max: -inf for floats, the minimum for integers."""
    if dtypes.is_float(elt):
        return float("-inf")
    row = dtypes.BY_MLIR.get(elt)
    if row is None or row.numpy is None or elt == "i1" or elt.startswith("complex"):
        raise Unsupported(f"max pooling of dtype {elt} is not supported")
    return int(np.iinfo(row.numpy).min)


def _onnx_indices(b: Binder, idx: ir.Value, x: ir.Value, plane, offsets, col_major: bool,
                  fitted: bool):
    """ONNX MaxPool indices from torch's: torch gives the flat offset inside the spatial
    plane `plane` of its channel (the input's, or the fitted input's whose begins were padded
    by `offsets`), ONNX the offset in the whole input tensor (N, C included), with the spatial
    dims in column-major order when storage_order=1."""
    shape = b.shape(idx)
    dims = emit.dim_sizes(b, x)
    spatial = dims[2:]
    nd = len(spatial)
    out = idx
    if fitted or (col_major and nd > 1):
        if not fitted:
            plane = spatial  # sizes, `!torch.int` where dynamic
        coords = []
        for i in range(nd):
            c = idx
            inner = emit.int_prod(b, plane[i + 1:])
            if not (isinstance(inner, int) and inner == 1):
                c = b.op("torch.aten.floor_divide.Scalar", [c, emit.int_value(b, inner)],
                         b.vtensor(shape, "si64"))
            if i > 0:
                c = b.op("torch.aten.remainder.Scalar", [c, emit.int_value(b, plane[i])],
                         b.vtensor(shape, "si64"))
            if fitted and offsets[i]:
                c = b.op("torch.aten.sub.Scalar", [c, b.int(offsets[i]), b.int(1)],
                         b.vtensor(shape, "si64"))
            coords.append(c)
        order = list(range(nd) if col_major else reversed(range(nd)))
        stride, out = 1, None
        for i in order:
            term = coords[i] if isinstance(stride, int) and stride == 1 else b.op(
                "torch.aten.mul.Scalar", [coords[i], emit.int_value(b, stride)],
                b.vtensor(shape, "si64"))
            out = term if out is None else b.op("torch.aten.add.Tensor", [out, term, b.int(1)],
                                                b.vtensor(shape, "si64"))
            if i != order[-1]:
                stride = emit.int_mul(b, stride, spatial[i])
    n, c = dims[0], dims[1]
    lead = emit.int_mul(b, n, c)
    base = emit.arange(b, lead)
    per_channel = emit.int_prod(b, spatial)
    if not (isinstance(per_channel, int) and per_channel == 1):
        base = b.op("torch.aten.mul.Scalar", [base, emit.int_value(b, per_channel)],
                    b.vtensor([lead if isinstance(lead, int) else None], "si64"))
    base = emit.reshape(b, base, [n, c] + [1] * nd, emit.static_or_none([n, c]) + [1] * nd)
    return b.op("torch.aten.add.Tensor", [out, base, b.int(1)], b.vtensor(shape, "si64"))


def max_pool(b: Binder):
    """MaxPool-1..22 (1-D/2-D/3-D; auto_pad, pads, strides, dilations, ceil_mode, the
    Indices output with storage_order) -> aten.max_pool{1,2,3}d[_with_indices]; pads it cannot
    take, ceil_mode overhangs and partial single windows -> aten.slice / aten.constant_pad_nd
    with the dtype's lowest value first; Indices made global by aten arithmetic; ui8 pooled
    as si32 (aten.to.dtype)."""
    x = b.input(0)
    elt = b.dtype(x)
    if elt is not None and elt.startswith("complex"):
        raise Unsupported(f"max pooling of dtype {elt} is not supported")
    if elt is not None and elt.startswith("ui"):
        # torch-mlir lowers max_pool of unsigned ints with signed comparisons (200 < 10 for
        # ui8): pool them widened to si32, which holds every ui8 value, and narrow back.
        if elt != "ui8":
            raise Unsupported(f"MaxPool of {elt} (compared as signed by the lowering)")
        x = emit.to_dtype(b, x, "si32")
    win = read_window(b, x, dilations=b.opset >= 10, ceil_mode=b.opset >= 10)
    want_indices = b.opset >= 8 and b.num_results > 1
    col_major = want_indices and bool(b.attr_int("storage_order", 0))
    nd = win.nd
    fitted = not win.direct(dynamic_ceil=True)
    if not fitted:
        xin, pads, ceil = x, list(win.begins), torch_ceil_mode(win)
        out_shape = b.shape(b.result_type())
    else:
        xin, outs = fit_to_windows(b, x, win, _lowest(b.dtype(x)))
        pads, ceil = [0] * nd, False
        out_shape = list(b.shape(x)[:2]) + outs
    args = [xin, b.int_list(win.kernel), b.int_list(win.strides), b.int_list(pads),
            b.int_list(win.dilations), b.bool(ceil)]
    pooled = b.dtype(x)
    if not want_indices:
        out = b.op(f"torch.aten.max_pool{nd}d", args, b.vtensor(out_shape, pooled))
        return emit.to_dtype(b, out, elt)
    values, idx = b.op_multi(f"torch.aten.max_pool{nd}d_with_indices", args,
                             [b.vtensor(out_shape, pooled), b.vtensor(out_shape, "si64")])
    values = emit.to_dtype(b, values, elt)
    plane = emit.dim_sizes(b, xin)[2:] if fitted else None
    return values, _onnx_indices(b, idx, x, plane, list(win.begins), col_major, fitted)


def _p_norm_terms(b: Binder, x: ir.Value, p: float) -> ir.Value:
    """|x|^p elementwise (x*x for p=2, |x| for p=1)."""
    t = emit.like(b, x)
    if p == 2:
        return b.op("torch.aten.mul.Tensor", [x, x], t)
    a = b.op("torch.aten.abs", [x], t)
    return a if p == 1 else b.op("torch.aten.pow.Tensor_Scalar", [a, b.scalar(p)], t)


def _p_root(b: Binder, s: ir.Value, p: float, result: ir.Type) -> ir.Value:
    if p == 1:
        return s
    if p == 2:
        return b.op("torch.aten.sqrt", [s], result)
    return b.op("torch.aten.pow.Tensor_Scalar", [s, b.float(1.0 / p)], result)


def _p_attr(b: Binder) -> float:
    # LpPool-1 / GlobalLpPool-1 have a float p, later versions an int.
    p = b.attr_float("p", 2.0) if b.opset < 2 else float(b.attr_int("p", 2))
    if p <= 0:
        raise Unsupported(f"p must be positive, got {p}")
    return int(p) if p == int(p) else p


def lp_pool(b: Binder):
    """LpPool-1..22 (auto_pad, pads, strides; ceil_mode and dilations from 18) -> |x|^p as
    aten.mul/aten.abs/aten.pow, window sums by a ones-kernel aten.convolution over the fitted
    input, then aten.sqrt / aten.pow(1/p)."""
    x = b.input(0)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"LpPool of dtype {b.dtype(x)} is not supported")
    p = _p_attr(b)
    win = read_window(b, x, dilations=b.opset >= 18, ceil_mode=b.opset >= 18)
    terms = _p_norm_terms(b, x, p)
    if win.static or not win.direct():
        xp, outs = fit_to_windows(b, terms, win, 0.0)
        sums = window_sums(b, xp, win, outs)
    else:  # dynamic dims: the convolution pads (symmetric, no ceil_mode)
        sums = window_sums(b, terms, win, list(b.shape(b.result_type())[2:]), list(win.begins))
    return _p_root(b, sums, p, b.result_type())


def _spatial_dims(b: Binder, x: ir.Value) -> list[int]:
    rank = b.rank(x)
    if rank < 3:
        raise Unsupported(f"input must have rank >= 3, got {rank}")
    return list(range(2, rank))


def global_average_pool(b: Binder):
    """GlobalAveragePool-1..22 -> aten.mean.dim over the spatial dims (keepdim)."""
    x = b.input(0)
    dims = _spatial_dims(b, x)
    return b.op("torch.aten.mean.dim", [x, b.int_list(dims), b.bool(True), b.none()],
                b.result_type())


def global_max_pool(b: Binder):
    """GlobalMaxPool-1..22 -> aten.amax over the spatial dims (keepdim)."""
    x = b.input(0)
    dims = _spatial_dims(b, x)
    return b.op("torch.aten.amax", [x, b.int_list(dims), b.bool(True)], b.result_type())


def global_lp_pool(b: Binder):
    """GlobalLpPool-1..22 -> |x|^p, aten.sum.dim_IntList over the spatial dims (keepdim),
    aten.sqrt / aten.pow(1/p)."""
    x = b.input(0)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"GlobalLpPool of dtype {b.dtype(x)} is not supported")
    dims = _spatial_dims(b, x)
    p = _p_attr(b)
    terms = _p_norm_terms(b, x, p)
    shape = b.shape(x)
    kept = list(shape[:2]) + [1] * len(dims)
    s = b.op("torch.aten.sum.dim_IntList", [terms, b.int_list(dims), b.bool(True), b.none()],
             b.vtensor(kept, b.dtype(x)))
    return _p_root(b, s, p, b.result_type())


_LRN_MAX_DYNAMIC = 1024  # window slices unrolled when the channel count is not known


def lrn(b: Binder):
    """LRN-1..13 -> x / (bias + alpha/size * sum of squares over a channel window)^beta: the
    squares zero-padded along C (aten.constant_pad_nd) and `size` shifted aten.slice.Tensor
    added up."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) < 3:
        raise Unsupported("LRN needs an input of rank >= 3 (N, C, spatial...)")
    if not dtypes.is_float(elt):
        raise Unsupported(f"LRN of dtype {elt} is not supported")
    size = b.attr_int("size")
    if size < 1:
        raise Unsupported(f"size must be positive, got {size}")
    alpha = b.attr_float("alpha", 1e-4)
    beta = b.attr_float("beta", 0.75)
    bias = b.attr_float("bias", 1.0)
    t = emit.like(b, x)
    sq = b.op("torch.aten.mul.Tensor", [x, x], t)
    lo, hi = (size - 1) // 2, size - 1 - (size - 1) // 2
    c = shape[1]
    if c is None and size > _LRN_MAX_DYNAMIC:
        raise Unsupported(f"size {size} with a dynamic channel count")
    # With C known, window offsets past +-(C-1) only ever read padding: the pads are capped
    # at C-1 and those offsets skipped (a huge `size` costs no more than 2C-1 slices).
    pad_lo, pad_hi = (lo, hi) if c is None else (min(lo, c - 1), min(hi, c - 1))
    first, last = (0, size - 1) if c is None else (max(0, lo - c + 1), min(size - 1, lo + c - 1))
    padded = list(shape)
    if c is not None:
        padded[1] = c + pad_lo + pad_hi
    if pad_lo + pad_hi:
        flat = [0, 0] * (len(shape) - 2) + [pad_lo, pad_hi]
        sq = b.op("torch.aten.constant_pad_nd", [sq, b.int_list(flat), b.float(0.0)],
                  b.vtensor(padded, elt))
    c = c if c is not None else emit.size(b, x, 1)
    total = None
    for i in range(first, last + 1):
        start = i - lo + pad_lo
        end = (c + start if isinstance(c, int) else
               b.op("torch.aten.add.int", [c, b.int(start)], b.types.int))
        part = sq if not pad_lo + pad_hi else b.op(
            "torch.aten.slice.Tensor",
            [sq, b.int(1), b.int(start), emit.int_value(b, end), b.int(1)], t)
        total = part if total is None else b.op("torch.aten.add.Tensor",
                                                [total, part, b.int(1)], t)
    scaled = b.op("torch.aten.mul.Scalar", [total, b.float(alpha / size)], t)
    base = b.op("torch.aten.add.Scalar", [scaled, b.float(bias), b.int(1)], t)
    denom = b.op("torch.aten.pow.Tensor_Scalar", [base, b.float(beta)], t)
    return b.op("torch.aten.div.Tensor", [x, denom], b.result_type())


def max_unpool(b: Binder):
    """MaxUnpool-9..22 -> aten.zeros + aten.scatter.src of the flattened values at the
    (whole-tensor) indices, reshaped to the inferred shape; a larger `output_shape` pads the
    end of each spatial dim with zeros (aten.constant_pad_nd), as the ONNX reference does."""
    x, ind = b.input(0), b.input(1)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) < 3:
        raise Unsupported("MaxUnpool needs an input of rank >= 3 (N, C, spatial...)")
    if any(d is None for d in shape):
        raise Unsupported("MaxUnpool needs a static input shape")
    nd = len(shape) - 2
    kernel = b.attr_ints("kernel_shape")
    strides = b.attr_ints("strides", [1] * nd)
    pads = b.attr_ints("pads", [0] * (2 * nd))
    if len(kernel) != nd or len(strides) != nd or len(pads) != 2 * nd:
        raise Unsupported(f"kernel_shape/strides/pads do not fit {nd} spatial dims")
    inferred = list(shape[:2]) + [(d - 1) * s - pads[i] - pads[nd + i] + k for i, (d, s, k)
                                  in enumerate(zip(shape[2:], strides, kernel))]
    out = inferred
    given = b.optional_input(2)
    if given is not None:
        out = b.shape(b.result_type())  # the declared type, when static, else the constant
        if out is None or len(out) != len(inferred) or any(d is None for d in out):
            out = b.const_ints(given, "output_shape")
        if len(out) != len(inferred) or any(o < i for o, i in zip(out, inferred)):
            raise Unsupported(f"output_shape {list(out)} is smaller than the inferred "
                              f"{inferred}")
    if b.dtype(ind) != "si64":
        ind = emit.to_dtype(b, ind, "si64")
    total = int(np.prod(inferred))
    count = int(np.prod(shape))
    none = b.none()
    zeros = b.op("torch.aten.zeros", [b.int_list([total]), b.int(b.torch_dtype_of(elt)), none,
                                      none, none], b.vtensor([total], elt))
    xf = emit.reshape(b, x, [count], [count])
    indf = emit.reshape(b, ind, [count], [count])
    flat = b.op("torch.aten.scatter.src", [zeros, b.int(0), indf, xf], b.vtensor([total], elt))
    y = emit.reshape(b, flat, inferred, inferred)
    if list(out) == inferred:
        return y
    ends = []
    for o, i in reversed(list(zip(out, inferred))):
        ends += [0, o - i]
    return b.op("torch.aten.constant_pad_nd", [y, b.int_list(ends), b.float(0.0)],
                b.vtensor(list(out), elt))


def _round_half_away(b: Binder, v: ir.Value) -> ir.Value:
    """std::round: halves away from zero (aten.round rounds them to even)."""
    t = v.type
    mag = b.op("torch.aten.floor", [b.op("torch.aten.add.Scalar", [
        b.op("torch.aten.abs", [v], t), b.float(0.5), b.int(1)], t)], t)
    return b.op("torch.aten.mul.Tensor", [mag, b.op("torch.aten.sign", [v], t)], t)


def _roi_bins(b: Binder, start, end, pooled: int, size: int, elt: str, r):
    """Per ROI and bin, the mask of the pixels the bin covers along one axis ([R, pooled,
    size]) and whether the bin is empty ([R, pooled])."""
    vt = b.vtensor([r], elt)
    extent = b.op("torch.aten.sub.Tensor", [end, start, b.int(1)], vt)
    extent = b.op("torch.aten.add.Scalar", [extent, b.float(1.0), b.int(1)], vt)
    extent = b.op("torch.aten.clamp_min", [extent, b.float(1.0)], vt)
    binsz = emit.unsqueeze(b, b.op("torch.aten.div.Scalar", [extent, b.float(float(pooled))],
                                   vt), 1)
    start = emit.unsqueeze(b, start, 1)
    bt = b.vtensor([r, pooled], elt)
    bounds = []
    for first, rnd in ((0, "floor"), (1, "ceil")):
        steps = emit.array_literal(b, np.arange(first, pooled + first).reshape(1, pooled), elt)
        e = b.op(f"torch.aten.{rnd}", [b.op("torch.aten.mul.Tensor", [steps, binsz], bt)], bt)
        e = b.op("torch.aten.add.Tensor", [e, start, b.int(1)], bt)
        bounds.append(b.op("torch.aten.clamp", [e, b.float(0.0), b.float(float(size))], bt))
    lo, hi = bounds
    empty = b.op("torch.aten.le.Tensor", [hi, lo], b.vtensor([r, pooled], "i1"))
    pix = emit.array_literal(b, np.arange(size).reshape(1, 1, size), elt)
    mt = b.vtensor([r, pooled, size], "i1")
    mask = b.op("torch.aten.logical_and", [
        b.op("torch.aten.ge.Tensor", [pix, emit.unsqueeze(b, lo, 2)], mt),
        b.op("torch.aten.lt.Tensor", [pix, emit.unsqueeze(b, hi, 2)], mt)], mt)
    return mask, empty


def max_roi_pool(b: Binder):
    """MaxRoiPool-1..22 -> aten.index_select of each ROI's image, per-bin pixel masks from the
    rounded, scaled ROI (aten.floor/ceil/clamp), masked aten.amax over W then H (a bin is a
    rectangle), 0 for empty bins."""
    x, rois = b.input(0), b.input(1)
    xshape, elt = b.tensor_info(x)
    rshape, relt = b.tensor_info(rois)
    if xshape is None or len(xshape) != 4 or rshape is None or len(rshape) != 2:
        raise Unsupported("MaxRoiPool needs a 4-D input and 2-D rois")
    if not dtypes.is_float(elt) or relt != elt:
        raise Unsupported(f"MaxRoiPool of dtypes {elt}/{relt} is not supported")
    h, w = xshape[2], xshape[3]
    if h is None or w is None:
        raise Unsupported("MaxRoiPool needs static input height and width")
    pooled = b.attr_ints("pooled_shape")
    if len(pooled) != 2 or min(pooled) < 1:
        raise Unsupported(f"pooled_shape must be 2 positive ints, got {pooled}")
    ph, pw = pooled
    scale = b.attr_float("spatial_scale", 1.0)
    r, c = rshape[0], xshape[1]
    vt = b.vtensor([r], elt)

    def col(i):
        return b.op("torch.aten.select.int", [rois, b.int(1), b.int(i)], vt)

    def scaled(i):
        return _round_half_away(b, b.op("torch.aten.mul.Scalar", [col(i), b.float(scale)], vt))

    batch = emit.to_dtype(b, col(0), "si64")
    x0, y0, x1, y1 = scaled(1), scaled(2), scaled(3), scaled(4)
    mask_h, empty_h = _roi_bins(b, y0, y1, ph, h, elt, r)
    mask_w, empty_w = _roi_bins(b, x0, x1, pw, w, elt, r)
    imgs = b.op("torch.aten.index_select", [x, b.int(0), batch], b.vtensor([r, c, h, w], elt))
    low = b.float(_lowest(elt))
    # max over each bin's columns: [R,C,H,1,W] masked by [R,1,1,PW,W]
    mw = emit.unsqueeze(b, emit.unsqueeze(b, mask_w, 1), 1)
    vals = b.op("torch.aten.where.ScalarOther", [mw, emit.unsqueeze(b, imgs, 3), low],
                b.vtensor([r, c, h, pw, w], elt))
    cols = b.op("torch.aten.amax", [vals, b.int_list([4]), b.bool(False)],
                b.vtensor([r, c, h, pw], elt))
    # then over its rows: [R,C,1,H,PW] masked by [R,1,PH,H,1]
    mh = emit.unsqueeze(b, emit.unsqueeze(b, mask_h, 1), 4)
    vals = b.op("torch.aten.where.ScalarOther", [mh, emit.unsqueeze(b, cols, 2), low],
                b.vtensor([r, c, ph, h, pw], elt))
    out = b.op("torch.aten.amax", [vals, b.int_list([3]), b.bool(False)],
               b.vtensor([r, c, ph, pw], elt))
    empty = b.op("torch.aten.logical_or", [emit.unsqueeze(b, emit.unsqueeze(b, empty_h, 1), 3),
                                           emit.unsqueeze(b, emit.unsqueeze(b, empty_w, 1), 2)],
                 b.vtensor([r, 1, ph, pw], "i1"))
    return b.op("torch.aten.where.ScalarSelf", [empty, b.float(0.0), out], b.result_type())


TABLE = [
    ("GlobalAveragePool", 1, global_average_pool),
    ("GlobalLpPool", 1, global_lp_pool),
    ("GlobalMaxPool", 1, global_max_pool),
    ("LRN", 1, lrn),
    ("LpPool", 1, lp_pool),
    ("MaxPool", 1, max_pool),
    ("MaxRoiPool", 1, max_roi_pool),
    ("MaxUnpool", 9, max_unpool),
]


def populate(registry) -> None:
    """Register the pooling patterns."""
    register_table(registry, TABLE)
