"""RoiAlign: bilinear samples on a regular grid inside each bin of each region, gathered from
the input and averaged (or maxed), as in the ONNX reference (onnxruntime's kernel)."""

from __future__ import annotations

import numpy as np

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table


def _bilinear(b: Binder, pos, inside, size: int, elt: str):
    """The two bilinear taps of sample positions `pos` (any shape) along an axis of `size`:
    [(index si64, weight)] for the low and high tap, the reference's clamping rules, weights
    zero where `inside` is false."""
    shape = b.shape(pos)
    t, mask_t = b.vtensor(shape, elt), b.vtensor(shape, "i1")
    pos = b.op("torch.aten.clamp_min", [pos, b.float(0.0)], t)
    low = b.op("torch.aten.floor", [pos], t)
    last = b.op("torch.aten.ge.Scalar", [low, b.float(size - 1.0)], mask_t)
    low = b.op("torch.aten.where.ScalarSelf", [last, b.float(size - 1.0), low], t)
    pos = b.op("torch.aten.where.self", [last, low, pos], t)
    high = b.op("torch.aten.where.ScalarSelf", [last, b.float(size - 1.0),
                b.op("torch.aten.add.Scalar", [low, b.float(1.0), b.int(1)], t)], t)
    frac = b.op("torch.aten.sub.Tensor", [pos, low, b.int(1)], t)
    frac = b.op("torch.aten.where.ScalarOther", [inside, frac, b.float(0.0)], t)
    rest = b.op("torch.aten.rsub.Scalar", [frac, b.float(1.0), b.int(1)], t)
    rest = b.op("torch.aten.where.ScalarOther", [inside, rest, b.float(0.0)], t)
    return [(emit.to_dtype(b, low, "si64"), rest), (emit.to_dtype(b, high, "si64"), frac)]


def _inside(b: Binder, pos, size: int):
    """Samples outside [-1, size] read nothing (the reference's rule)."""
    mask_t = b.vtensor(b.shape(pos), "i1")
    return b.op("torch.aten.logical_and",
                [b.op("torch.aten.ge.Scalar", [pos, b.float(-1.0)], mask_t),
                 b.op("torch.aten.le.Scalar", [pos, b.float(float(size))], mask_t)], mask_t)


def _axis_taps(b: Binder, start, binsz, pooled: int, grid: int, size: int, elt: str, r):
    """Sample positions along one axis for every ROI, [R, pooled*grid] (a fixed grid per
    bin), each read through its two bilinear taps (see `_bilinear`)."""
    n = pooled * grid
    t = b.vtensor([r, n], elt)
    # offsets of the samples inside the ROI, in bins: ph + (i + 0.5) / grid
    offs = (np.arange(pooled)[:, None] + (np.arange(grid)[None, :] + 0.5) / grid).reshape(1, n)
    o = emit.array_literal(b, offs, elt)
    pos = b.op("torch.aten.mul.Tensor", [emit.unsqueeze(b, binsz, 1), o], t)
    pos = b.op("torch.aten.add.Tensor", [pos, emit.unsqueeze(b, start, 1), b.int(1)], t)
    return _bilinear(b, pos, _inside(b, pos, size), size, elt)


def _adaptive_axis_weights(b: Binder, start, binsz, pooled: int, size: int, elt: str, r):
    """For sampling_ratio=0: the matrix [R, pooled, size] of each bin's averaged bilinear
    weights on the pixels of one axis, with ceil(bin size) samples per bin.

    That count depends on the ROI, but only samples inside [-1, size] read anything, and
    they are at least half a pixel apart when there are several (a bin of b >= 1 pixels has
    ceil(b) samples), so each bin enumerates J = 2*size + 5 samples from the first one that
    can be inside and masks those past its count or outside."""
    vt = b.vtensor([r], elt)
    count = b.op("torch.aten.ceil", [binsz], vt)
    safe = b.op("torch.aten.clamp_min", [count, b.float(1.0)], vt)
    step = b.op("torch.aten.div.Tensor", [binsz, safe], vt)
    bt = b.vtensor([r, pooled], elt)
    steps = emit.array_literal(b, np.arange(pooled).reshape(1, pooled), elt)
    base = b.op("torch.aten.add.Tensor", [b.op("torch.aten.mul.Tensor", [
        steps, emit.unsqueeze(b, binsz, 1)], bt), emit.unsqueeze(b, start, 1), b.int(1)], bt)
    step2 = emit.unsqueeze(b, step, 1)
    # first index whose sample can reach -1: ceil((-1 - base) / step - 0.5), one earlier
    # against rounding, at least 0
    first = b.op("torch.aten.div.Tensor", [b.op("torch.aten.rsub.Scalar", [
        base, b.float(-1.0), b.int(1)], bt), step2], bt)
    first = b.op("torch.aten.ceil", [b.op("torch.aten.sub.Scalar", [
        first, b.float(1.5), b.int(1)], bt)], bt)
    first = b.op("torch.aten.clamp_min", [first, b.float(0.0)], bt)
    j = 2 * size + 5
    st = b.vtensor([r, pooled, j], elt)
    idx = b.op("torch.aten.add.Tensor", [emit.unsqueeze(b, first, 2), emit.array_literal(
        b, np.arange(j).reshape(1, 1, j), elt), b.int(1)], st)
    # the reference's arithmetic: start + ph * bin + (i + 0.5) * bin / count
    off = b.op("torch.aten.div.Tensor", [b.op("torch.aten.mul.Tensor", [
        b.op("torch.aten.add.Scalar", [idx, b.float(0.5), b.int(1)], st),
        emit.unsqueeze(b, emit.unsqueeze(b, binsz, 1), 2)], st),
        emit.unsqueeze(b, emit.unsqueeze(b, safe, 1), 2)], st)
    pos = b.op("torch.aten.add.Tensor", [emit.unsqueeze(b, base, 2), off, b.int(1)], st)
    mt = b.vtensor([r, pooled, j], "i1")
    counted = b.op("torch.aten.lt.Tensor", [idx, emit.unsqueeze(b, emit.unsqueeze(
        b, count, 1), 2)], mt)
    inside = b.op("torch.aten.logical_and", [counted, _inside(b, pos, size)], mt)
    # scatter-add each sample's two tap weights onto its bin's row of pixels
    nr = emit.size(b, start, 0)
    wt = b.vtensor([r, pooled, size], elt)
    none = b.none()
    acc = b.op("torch.aten.zeros", [b.int_list([nr, pooled, size]),
                                    b.int(b.torch_dtype_of(elt)), none, none, none], wt)
    for tap, w in _bilinear(b, pos, inside, size, elt):
        acc = b.op("torch.aten.scatter_add", [acc, b.int(2), tap, w], wt)
    return b.op("torch.aten.div.Tensor", [acc, emit.unsqueeze(b, emit.unsqueeze(b, safe, 1), 2)],
                wt)


def roi_align(b: Binder):
    """RoiAlign-10..22 (modes avg/max; coordinate_transformation_mode half_pixel /
    output_half_pixel from 16) -> aten.index_select of each ROI's image, bilinear taps as
    coordinate arithmetic; a fixed sampling_ratio: aten.gather, aten.maximum for the corners
    (max), aten.mean.dim / aten.amax over each bin's samples; sampling_ratio=0 (avg): per-axis
    weight matrices and two aten.matmul."""
    x, rois, batch = b.input(0), b.input(1), b.input(2)
    xshape, elt = b.tensor_info(x)
    rshape, relt = b.tensor_info(rois)
    if xshape is None or len(xshape) != 4 or rshape is None or len(rshape) != 2:
        raise Unsupported("RoiAlign needs a 4-D input and 2-D rois")
    if not dtypes.is_float(elt) or relt != elt:
        raise Unsupported(f"RoiAlign of dtypes {elt}/{relt} is not supported")
    if rshape[1] is not None and rshape[1] != 4:
        raise Unsupported(f"rois must have 4 columns, got {rshape[1]}")
    h, w = xshape[2], xshape[3]
    if h is None or w is None:
        raise Unsupported("RoiAlign needs static input height and width")
    mode = b.attr_str("mode", "avg")
    if mode not in ("avg", "max"):
        raise Unsupported(f"unknown mode '{mode}'")
    ctm = b.attr_str("coordinate_transformation_mode", "half_pixel") if b.opset >= 16 \
        else "output_half_pixel"
    if ctm not in ("half_pixel", "output_half_pixel"):
        raise Unsupported(f"unknown coordinate_transformation_mode '{ctm}'")
    half_pixel = ctm == "half_pixel"
    ph, pw = b.attr_int("output_height", 1), b.attr_int("output_width", 1)
    grid = b.attr_int("sampling_ratio", 0)
    if grid <= 0 and mode == "max":
        raise Unsupported("mode=max with sampling_ratio=0 (adaptive): the number of samples "
                          "depends on the ROI values")
    scale = b.attr_float("spatial_scale", 1.0)
    if ph < 1 or pw < 1:
        raise Unsupported("output_height and output_width must be positive")

    r = rshape[0]
    c = xshape[1]
    vt = b.vtensor([r], elt)

    def col(i):
        v = b.op("torch.aten.select.int", [rois, b.int(1), b.int(i)], vt)
        if scale != 1.0:
            v = b.op("torch.aten.mul.Scalar", [v, b.float(scale)], vt)
        return b.op("torch.aten.sub.Scalar", [v, b.float(0.5), b.int(1)], vt) if half_pixel \
            else v

    x0, y0, x1, y1 = col(0), col(1), col(2), col(3)
    taps = []
    for start, end, pooled, size in ((y0, y1, ph, h), (x0, x1, pw, w)):
        extent = b.op("torch.aten.sub.Tensor", [end, start, b.int(1)], vt)
        if not half_pixel:
            extent = b.op("torch.aten.clamp_min", [extent, b.float(1.0)], vt)
        binsz = b.op("torch.aten.div.Scalar", [extent, b.float(float(pooled))], vt)
        taps.append(_axis_taps(b, start, binsz, pooled, grid, size, elt, r) if grid > 0 else
                    _adaptive_axis_weights(b, start, binsz, pooled, size, elt, r))

    if b.dtype(batch) != "si64":
        batch = emit.to_dtype(b, batch, "si64")
    imgs = b.op("torch.aten.index_select", [x, b.int(0), batch], b.vtensor([r, c, h, w], elt))
    if grid <= 0:
        # averaging is separable: rows [R,1,PH,H] @ image [R,C,H,W] @ columns^T [R,1,W,PW]
        rows = emit.unsqueeze(b, taps[0], 1)
        cols = emit.unsqueeze(b, emit.permute(b, taps[1], [0, 2, 1]), 1)
        part = b.op("torch.aten.matmul", [rows, imgs], b.vtensor([r, c, ph, w], elt))
        return b.op("torch.aten.matmul", [part, cols], b.result_type())
    nr, nc = emit.size(b, rois, 0), emit.size(b, x, 1)
    flat_x = emit.reshape(b, imgs, [nr, nc, h * w], [r, c, h * w])
    ny, nx = ph * grid, pw * grid
    q = ny * nx
    vals_t = b.vtensor([r, c, q], elt)
    # rows as [R, ny, 1] (index scaled by W) and columns as [R, 1, nx], which broadcast to
    # every sample of the bin grid
    rows = [(b.op("torch.aten.mul.Scalar", [emit.unsqueeze(b, yi, 2), b.int(w)],
                  b.vtensor([r, ny, 1], "si64")), emit.unsqueeze(b, wy, 2)) for yi, wy in taps[0]]
    cols = [(emit.unsqueeze(b, xi, 1), emit.unsqueeze(b, wx, 1)) for xi, wx in taps[1]]
    corners = []
    for yy, wy in rows:
        for xx, wx in cols:
            idx = b.op("torch.aten.add.Tensor", [yy, xx, b.int(1)],
                       b.vtensor([r, ny, nx], "si64"))
            wgt = b.op("torch.aten.mul.Tensor", [wy, wx], b.vtensor([r, ny, nx], elt))
            idx = emit.reshape(b, idx, [nr, 1, q], [r, 1, q])
            idx = b.op("torch.aten.expand", [idx, b.int_list([nr, nc, q]), b.bool(False)],
                       b.vtensor([r, c, q], "si64"))
            v = b.op("torch.aten.gather", [flat_x, b.int(2), idx, b.bool(False)], vals_t)
            wgt = emit.reshape(b, wgt, [nr, 1, q], [r, 1, q])
            corners.append(b.op("torch.aten.mul.Tensor", [v, wgt], vals_t))
    acc = corners[0]
    for v in corners[1:]:
        acc = (b.op("torch.aten.add.Tensor", [acc, v, b.int(1)], vals_t) if mode == "avg"
               else b.op("torch.aten.maximum", [acc, v], vals_t))
    acc = emit.reshape(b, acc, [nr, nc, ph, grid, pw, grid], [r, c, ph, grid, pw, grid])
    dims = b.int_list([3, 5])
    if mode == "avg":
        return b.op("torch.aten.mean.dim", [acc, dims, b.bool(False), b.none()],
                    b.result_type())
    return b.op("torch.aten.amax", [acc, dims, b.bool(False)], b.result_type())


TABLE = [
    ("RoiAlign", 10, roi_align),
]


def populate(registry) -> None:
    """Register the RoiAlign pattern."""
    register_table(registry, TABLE)
