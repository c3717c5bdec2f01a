"""AveragePool: torch's avg_pool where it matches ONNX, else an explicit sum-and-divide."""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

_AVG_POOL = {1: "torch.aten.avg_pool1d", 2: "torch.aten.avg_pool2d", 3: "torch.aten.avg_pool3d"}
_NP_FLOAT = {"f16": np.float16, "f32": np.float32, "f64": np.float64}


def _pads(b: Binder, spatial, kernel, strides, dilations, nd: int) -> list[int]:
    """Explicit [begins..., ends...] pads, resolving auto_pad from static spatial dims."""
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
    if any(d is None for d in spatial):
        raise Unsupported(f"auto_pad={auto_pad} needs static spatial dims")
    begins, ends = [], []
    for d, k, s, dil in zip(spatial, kernel, strides, dilations):
        total = max(0, (-(-d // s) - 1) * s + (k - 1) * dil + 1 - d)
        small, big = total // 2, total - total // 2
        begins.append(small if auto_pad == "SAME_UPPER" else big)
        ends.append(big if auto_pad == "SAME_UPPER" else small)
    return begins + ends


def _out_size(d: int, k: int, s: int, dil: int, pb: int, pe: int, ceil_mode: bool) -> int:
    span = d + pb + pe - (k - 1) * dil - 1
    out = (-(-span // s) if ceil_mode else span // s) + 1
    if ceil_mode and (out - 1) * s >= d + pb:
        out -= 1  # the last window must start inside the input or its left padding
    return out


def average_pool(b: Binder):
    """AveragePool-1..22 (1-D/2-D/3-D; auto_pad, pads, strides, ceil_mode, count_include_pad)
    -> aten.avg_pool{1,2,3}d; with dilations or asymmetric pads -> aten.constant_pad_nd +
    ones-kernel aten.convolution divided by a constant window-count tensor."""
    x = b.input(0)
    shape = b.shape(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    nd = len(shape) - 2
    if nd not in _AVG_POOL:
        raise Unsupported(f"{nd}-D pooling is not supported (1-D to 3-D only)")
    kernel = b.attr_ints("kernel_shape")
    if len(kernel) != nd:
        raise Unsupported(f"kernel_shape has {len(kernel)} entries for {nd} spatial dims")
    strides = b.attr_ints("strides", [1] * nd)
    dilations = b.attr_ints("dilations", [1] * nd) if b.opset >= 19 else [1] * nd
    if len(strides) != nd or len(dilations) != nd:
        raise Unsupported(f"strides/dilations must have {nd} entries")
    ceil_mode = b.opset >= 10 and bool(b.attr_int("ceil_mode", 0))
    include_pad = b.opset >= 7 and bool(b.attr_int("count_include_pad", 0))
    spatial = list(shape[2:])
    pads = _pads(b, spatial, kernel, strides, dilations, nd)
    begins, ends = pads[:nd], pads[nd:]
    if all(d is not None for d in spatial) and any(
            _out_size(d, k, s, dil, pb, pe, ceil_mode) < 1
            for d, k, s, dil, pb, pe in zip(spatial, kernel, strides, dilations, begins, ends)):
        raise Unsupported("the pooling window is larger than the padded input")
    # The avg_pool lowering sizes some ceil_mode=True outputs wrongly (e.g. kernel 1, stride 1
    # gives n + 1), so with known dims ceil_mode is dropped where it changes nothing, and
    # overhanging windows go the explicit way.
    overhang = False
    if ceil_mode and all(d is not None for d in spatial):
        overhang = any(
            _out_size(d, k, s, dil, pb, pe, True) != _out_size(d, k, s, dil, pb, pe, False)
            for d, k, s, dil, pb, pe in zip(spatial, kernel, strides, dilations, begins, ends))
        ceil_mode = overhang
    # The avg_pool lowering also mis-sizes a pool whose output is one window wide along a dim
    # where that window does not span the whole padded input; the explicit way crops first.
    single = all(d is not None for d in spatial) and any(
        _out_size(d, k, s, 1, pb, pe, ceil_mode) == 1 and k < d + pb + pe
        for d, k, s, pb, pe in zip(spatial, kernel, strides, begins, ends))
    if (all(d == 1 for d in dilations) and begins == ends and not overhang
            and not single
            and all(2 * p <= k for p, k in zip(begins, kernel))):
        args = [x, b.int_list(kernel), b.int_list(strides), b.int_list(begins),
                b.bool(ceil_mode), b.bool(include_pad)]
        if nd > 1:
            args.append(b.none())  # divisor_override
        return b.op(_AVG_POOL[nd], args, b.result_type())
    return _sum_and_divide(b, x, kernel, strides, dilations, begins, ends, ceil_mode,
                           include_pad)


def _sum_and_divide(b: Binder, x, kernel, strides, dilations, begins, ends, ceil_mode,
                    include_pad):
    """Window sums by a ones-kernel convolution over the padded input, divided by the number
    of elements each window counts (computed here, so the spatial dims must be static)."""
    shape, elt = b.tensor_info(x)
    nd = len(kernel)
    spatial = list(shape[2:])
    if any(d is None for d in spatial):
        raise Unsupported("dilations or asymmetric pads need static spatial dims")
    if elt not in _NP_FLOAT:
        raise Unsupported(f"dtype {elt} is not supported with dilations or asymmetric pads")
    outs, padded, counts, crop = [], [], [], []
    for d, k, s, dil, pb, pe in zip(spatial, kernel, strides, dilations, begins, ends):
        o = _out_size(d, k, s, dil, pb, pe, ceil_mode)
        if o < 1:
            raise Unsupported("the pooling window is larger than the padded input")
        # The padded input is cut (or extended, for ceil_mode) to exactly the extent the
        # windows read: the lowering of a one-window convolution assumes that.
        need = (o - 1) * s + (k - 1) * dil + 1
        if need <= pb:
            raise Unsupported("a pooling window lies wholly in the padding")
        outs.append(o)
        keep = min(d, need - pb)
        crop.append(keep)
        padded.append((pb, need - pb - keep))
        # A window counts the input, plus the explicit pads if count_include_pad, never the
        # ceil_mode overhang.
        pos = np.arange(need)
        valid = pos < d + pb + pe if include_pad else (pos >= pb) & (pos < pb + d)
        taps = np.arange(o)[:, None] * s + np.arange(k)[None, :] * dil
        counts.append(valid[taps].sum(axis=1))
    divisor = counts[0]
    for c in counts[1:]:
        divisor = np.multiply.outer(divisor, c)
    cur = list(shape)
    for i, keep in enumerate(crop):
        if keep < spatial[i]:
            cur[2 + i] = keep
            x = b.op("torch.aten.slice.Tensor", [x, b.int(2 + i), b.int(0), b.int(keep), b.int(1)],
                     b.vtensor(cur, elt))
    flat = []
    for pb, pe in reversed(padded):  # constant_pad_nd lists the last dim first
        flat += [pb, pe]
    pshape = list(shape[:2]) + [c + pb + pe for c, (pb, pe) in zip(crop, padded)]
    xp = b.op("torch.aten.constant_pad_nd", [x, b.int_list(flat), b.float(0.0)],
              b.vtensor(pshape, elt)) if any(flat) else x
    lead = None if shape[0] is None or shape[1] is None else shape[0] * shape[1]
    # N and C fold into the batch of a one-channel convolution (C may be dynamic).
    xr = b.op("torch.aten.flatten.using_ints", [xp, b.int(0), b.int(1)],
              b.vtensor([lead] + pshape[2:], elt))
    xr = emit.unsqueeze(b, xr, 1)
    np_t = _NP_FLOAT[elt]
    ones = ir.DenseElementsAttr.get(np.ones([1, 1] + list(kernel), dtype=np_t))
    w = b.literal(ones, b.vtensor([1, 1] + list(kernel), elt))
    sums = b.op("torch.aten.convolution",
                [xr, w, b.none(), b.int_list(strides), b.int_list([0] * nd),
                 b.int_list(dilations), b.bool(False), b.int_list([0] * nd), b.int(1)],
                b.vtensor([lead, 1] + outs, elt))
    n, c = emit.size(b, x, 0), emit.size(b, x, 1)
    sums = emit.reshape(b, sums, [n, c] + outs, list(shape[:2]) + outs)
    div = b.literal(ir.DenseElementsAttr.get(divisor.astype(np_t)), b.vtensor(outs, elt))
    return b.op("torch.aten.div.Tensor", [sums, div], b.result_type())


TABLE = [
    ("AveragePool", 1, average_pool),
]


def populate(registry) -> None:
    """Register the AveragePool pattern."""
    register_table(registry, TABLE)
