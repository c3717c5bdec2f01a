"""DeformConv (2-D) as bilinear gathers followed by one grouped matmul.

torchvision.deform_conv2d exists in the torch dialect but torch-mlir does not lower it, so the
op is written out: the sampling positions (kernel grid + stride/pad/dilation + learned
offsets) are built, the four bilinear corners of each are gathered from the input (zero
outside it), weighted (and masked), and the resulting columns are contracted with the
weights, group by group, in one aten.matmul.
"""

from __future__ import annotations

import numpy as np

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table


def deform_conv(b: Binder):
    """DeformConv-19..22 (2-D) -> aten.gather bilinear sampling + aten.matmul

    Strides, pads, dilations, group, offset_group, bias and mask.
    """
    x, w, off = b.input(0), b.input(1), b.input(2)
    bias, mask = b.optional_input(3), b.optional_input(4)
    xs, elt = b.tensor_info(x)
    ws, offs = b.shape(w), b.shape(off)
    if xs is None or ws is None or offs is None:
        raise Unsupported("operand ranks must be known")
    if len(xs) != 4:
        raise Unsupported(f"only 2-D DeformConv is supported, got input rank {len(xs)}")
    if elt not in ("f16", "f32", "f64"):
        raise Unsupported(f"dtype {elt} is not supported")
    if any(d is None for d in list(xs[1:]) + list(ws) + list(offs[1:])):
        raise Unsupported("channel, spatial, weight and offset dims must be static")
    _, c, h, wd = xs
    oc, cpg, kh, kw = ws
    kernel = b.attr_ints("kernel_shape", [kh, kw])
    if list(kernel) != [kh, kw]:
        raise Unsupported(f"kernel_shape {kernel} does not match the weight {[kh, kw]}")
    sh, sw = b.attr_ints("strides", [1, 1])
    dh, dw = b.attr_ints("dilations", [1, 1])
    pads = b.attr_ints("pads", [0, 0, 0, 0])
    if len(pads) != 4:
        raise Unsupported(f"'pads' must have 4 entries, got {len(pads)}")
    group = b.attr_int("group", 1)
    og = b.attr_int("offset_group", 1)
    if group < 1 or og < 1 or c % group or oc % group or cpg * group != c or c % og:
        raise Unsupported(f"channels {c} / {oc} do not split into group {group} and "
                          f"offset_group {og}")
    k = kh * kw
    if offs[1] != og * k * 2:
        raise Unsupported(f"offset has {offs[1]} channels, expected {og * k * 2}")
    oh, ow = offs[2], offs[3]
    n = emit.size(b, x, 0)
    n_static = xs[0]
    p = k * oh * ow
    cg = c // og

    def t(shape, e=elt):
        return b.vtensor([n_static] + list(shape), e)

    # Sampling positions [N, OG, kH, kW, oH, oW]: kernel grid plus learned offsets.
    off6 = emit.reshape(b, off, [n, og, kh, kw, 2, oh, ow], [n_static, og, kh, kw, 2, oh, ow])
    base_h = (np.arange(kh) * dh)[:, None] + (np.arange(oh) * sh - pads[0])[None, :]
    base_w = (np.arange(kw) * dw)[:, None] + (np.arange(ow) * sw - pads[1])[None, :]
    pos = []
    for axis, base in ((0, base_h.reshape(1, 1, kh, 1, oh, 1)),
                       (1, base_w.reshape(1, 1, 1, kw, 1, ow))):
        o = b.op("torch.aten.select.int", [off6, b.int(4), b.int(axis)],
                 t([og, kh, kw, oh, ow]))
        q = b.op("torch.aten.add.Tensor", [o, emit.array_literal(b, base, elt), b.int(1)],
                 t([og, kh, kw, oh, ow]))
        pos.append(emit.reshape(b, q, [n, og, p], [n_static, og, p]))
    if mask is not None:
        mask = emit.reshape(b, mask, [n, og, p], [n_static, og, p])

    flat = t([og, p])
    ints = t([og, p], "si64")
    bools = t([og, p], "i1")
    # Per axis, the two bilinear neighbours: (weight, clamped index), the weight zero where
    # the neighbour is outside the input (GridSample's zero padding).
    sides = []
    for q, size in zip(pos, (h, wd)):
        q0 = b.op("torch.aten.floor", [q], flat)
        frac = b.op("torch.aten.sub.Tensor", [q, q0, b.int(1)], flat)
        pair = []
        for d in (0, 1):
            qc = b.op("torch.aten.add.Scalar", [q0, b.int(1), b.int(1)], flat) if d else q0
            wt = frac if d else b.op("torch.aten.rsub.Scalar", [frac, b.float(1.0), b.int(1)],
                                     flat)
            inside = b.op("torch.aten.logical_and",
                          [b.op("torch.aten.ge.Scalar", [qc, b.int(0)], bools),
                           b.op("torch.aten.le.Scalar", [qc, b.int(size - 1)], bools)], bools)
            wt = b.op("torch.aten.where.ScalarOther", [inside, wt, b.float(0.0)], flat)
            qi = emit.to_dtype(b, b.op("torch.aten.clamp", [qc, b.int(0), b.int(size - 1)],
                                       flat), "si64")
            pair.append((wt, qi))
        sides.append(pair)

    x4 = emit.reshape(b, x, [n, og, cg, h * wd], [n_static, og, cg, h * wd])
    cols = None
    for wt_h, qi_h in sides[0]:
        row = b.op("torch.aten.mul.Scalar", [qi_h, b.int(wd)], ints)
        if mask is not None:
            wt_h = b.op("torch.aten.mul.Tensor", [wt_h, mask], flat)
        for wt_w, qi_w in sides[1]:
            weight = b.op("torch.aten.mul.Tensor", [wt_h, wt_w], flat)
            index = b.op("torch.aten.add.Tensor", [row, qi_w, b.int(1)], ints)
            index = emit.unsqueeze(b, index, 2)
            index = b.op("torch.aten.broadcast_to", [index, b.int_list([n, og, cg, p])],
                         t([og, cg, p], "si64"))
            vals = b.op("torch.aten.gather", [x4, b.int(3), index, b.bool(False)],
                        t([og, cg, p]))
            vals = b.op("torch.aten.mul.Tensor", [vals, emit.unsqueeze(b, weight, 2)],
                        t([og, cg, p]))
            cols = vals if cols is None else b.op("torch.aten.add.Tensor",
                                                  [cols, vals, b.int(1)], t([og, cg, p]))

    # cols [N, OG, C/OG, kH*kW*oH*oW] is [N, C, K, L] in memory: regroup by conv group.
    r = cpg * k
    cols = emit.reshape(b, cols, [n, group, r, oh * ow], [n_static, group, r, oh * ow])
    wg = emit.reshape(b, w, [group, oc // group, r], [group, oc // group, r])
    y = b.op("torch.aten.matmul", [wg, cols], t([group, oc // group, oh * ow]))
    y = emit.reshape(b, y, [n, oc, oh, ow], [n_static, oc, oh, ow])
    if bias is not None:
        bias = emit.reshape(b, bias, [1, oc, 1, 1], [1, oc, 1, 1])
        y = b.op("torch.aten.add.Tensor", [y, bias, b.int(1)], t([oc, oh, ow]))
    return y


TABLE = [
    ("DeformConv", 19, deform_conv),
]


def populate(registry) -> None:
    """Register DeformConv."""
    register_table(registry, TABLE)
