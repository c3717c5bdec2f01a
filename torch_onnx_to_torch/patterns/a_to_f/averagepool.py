"""AveragePool: torch's avg_pool where it matches ONNX, else an explicit sum-and-divide."""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ...binder import Binder, Unsupported
from ..families import register_table
from ..pool_windows import (
    NP_FLOAT,
    Window,
    fit_to_windows,
    read_window,
    torch_ceil_mode,
    window_sums,
)

_AVG_POOL = {1: "torch.aten.avg_pool1d", 2: "torch.aten.avg_pool2d", 3: "torch.aten.avg_pool3d"}


def average_pool(b: Binder):
    """AveragePool-1..22 (1-D/2-D/3-D; auto_pad, pads, strides, ceil_mode, count_include_pad)
    -> aten.avg_pool{1,2,3}d; with dilations or asymmetric pads -> aten.constant_pad_nd +
    ones-kernel aten.convolution divided by a constant window-count tensor."""
    x = b.input(0)
    win = read_window(b, x, dilations=b.opset >= 19, ceil_mode=b.opset >= 10)
    include_pad = b.opset >= 7 and bool(b.attr_int("count_include_pad", 0))
    if all(d == 1 for d in win.dilations) and win.direct(dynamic_ceil=True):
        args = [x, b.int_list(win.kernel), b.int_list(win.strides), b.int_list(win.begins),
                b.bool(torch_ceil_mode(win)), b.bool(include_pad)]
        if win.nd > 1:
            args.append(b.none())  # divisor_override
        return b.op(_AVG_POOL[win.nd], args, b.result_type())
    return _sum_and_divide(b, x, win, include_pad)


def _sum_and_divide(b: Binder, x, win: Window, include_pad: bool):
    """Window sums by a ones-kernel convolution over the fitted input, divided by the number
    of elements each window counts (computed here, so the spatial dims must be static)."""
    elt = b.dtype(x)
    if elt not in NP_FLOAT:
        raise Unsupported(f"dtype {elt} is not supported with dilations or asymmetric pads")
    if not win.static:
        if win.ceil_mode and all(d == 1 for d in win.dilations) and win.begins == win.ends:
            raise Unsupported("ceil_mode with mixed unit and larger strides needs static "
                              "spatial dims (the avg_pool lowering mis-sizes some ceil_mode "
                              "outputs)")
        raise Unsupported("dilations or asymmetric pads need static spatial dims")
    counts = []
    for (d, k, s, dil, pb, pe), (o, need, _keep) in zip(win.dims(), win.extents()):
        # A window counts the input, plus the explicit pads if count_include_pad, never the
        # ceil_mode overhang.
        pos = np.arange(need)
        valid = pos < d + pb + pe if include_pad else (pos >= pb) & (pos < pb + d)
        taps = np.arange(o)[:, None] * s + np.arange(k)[None, :] * dil
        counts.append(valid[taps].sum(axis=1))
    divisor = counts[0]
    for c in counts[1:]:
        divisor = np.multiply.outer(divisor, c)
    xp, outs = fit_to_windows(b, x, win, 0.0)
    sums = window_sums(b, xp, win, outs)
    div = b.literal(ir.DenseElementsAttr.get(divisor.astype(NP_FLOAT[elt])),
                    b.vtensor(outs, elt))
    return b.op("torch.aten.div.Tensor", [sums, div], b.result_type())


TABLE = [
    ("AveragePool", 1, average_pool),
]


def populate(registry) -> None:
    """Register the AveragePool pattern."""
    register_table(registry, TABLE)
