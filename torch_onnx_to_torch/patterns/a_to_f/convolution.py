"""Convolutions: Conv, ConvInteger, ConvTranspose, CausalConvWithState, and Col2Im (as a
scatter-add of the columns into the image)."""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..pool_windows import explicit_pads


def _conv_attrs(b: Binder, w, nd: int):
    """(kernel, strides, dilations, group) of a Conv-like op."""
    w_shape = b.shape(w)
    kernel = list(w_shape[2:])
    attr_kernel = b.attr_ints("kernel_shape", None)
    if attr_kernel is not None:
        if len(attr_kernel) != nd:
            raise Unsupported(f"'kernel_shape' must have {nd} entries, got {attr_kernel}")
        if any(k is not None and k != a for k, a in zip(kernel, attr_kernel)):
            raise Unsupported(f"'kernel_shape' {attr_kernel} disagrees with the weight {kernel}")
        kernel = attr_kernel
    strides = b.attr_ints("strides", [1] * nd)
    dilations = b.attr_ints("dilations", [1] * nd)
    for name, vals in (("strides", strides), ("dilations", dilations)):
        if len(vals) != nd:
            raise Unsupported(f"'{name}' must have {nd} entries, got {vals}")
    for name, vals in (("strides", strides), ("dilations", dilations)):
        if any(v < 1 for v in vals):
            raise Unsupported(f"'{name}' must be positive, got {vals}")
    group = b.attr_int("group", 1)
    if group < 1:
        raise Unsupported(f"'group' must be positive, got {group}")
    return kernel, strides, dilations, group


def _spatial_rank(b: Binder, x, w) -> int:
    w_shape = b.shape(w)
    if w_shape is None:
        raise Unsupported("weight rank is unknown")
    nd = len(w_shape) - 2
    if nd < 1 or nd > 3:
        raise Unsupported(f"{nd}-D convolution is not supported (1-D to 3-D are)")
    if b.rank(x) != nd + 2:
        raise Unsupported(f"input rank {b.rank(x)} does not match a {nd}-D weight")
    return nd


def _same_pads(b: Binder, x, kernel, strides, dilations, upper: bool):
    """SAME_UPPER/SAME_LOWER begin/end pads (ints, or `!torch.int` for dynamic dims)."""
    shape = b.shape(x)
    begins, ends = [], []
    for i, (k, s, d) in enumerate(zip(kernel, strides, dilations)):
        if k is None:
            raise Unsupported("auto_pad with a dynamic kernel size")
        size = shape[2 + i]
        if size is not None:
            out = -(-size // s)
            total = max(0, (out - 1) * s + (k - 1) * d + 1 - size)
            small, big = total // 2, total - total // 2
        else:
            # total = max(0, (ceil(size/s) - 1) * s + (k-1)*d + 1 - size), at run time.
            n = emit.size(b, x, 2 + i)
            t = b.types.int
            up = b.op("torch.aten.add.int", [n, b.int(s - 1)], t)
            out = b.op("torch.aten.floordiv.int", [up, b.int(s)], t)
            span = b.op("torch.aten.mul.int", [b.op("torch.aten.sub.int", [out, b.int(1)], t),
                                                b.int(s)], t)
            need = b.op("torch.aten.sub.int", [b.op("torch.aten.add.int",
                                                    [span, b.int((k - 1) * d + 1)], t), n], t)
            total = b.op("torch.prim.max.int", [need, b.int(0)], t)
            small = b.op("torch.aten.floordiv.int", [total, b.int(2)], t)
            big = b.op("torch.aten.sub.int", [total, small], t)
        begins.append(small if upper else big)
        ends.append(big if upper else small)
    return begins, ends


def _conv_pads(b: Binder, x, kernel, strides, dilations, nd: int):
    """Begin/end pads of Conv / ConvInteger, resolving auto_pad (SAME_* also on dynamic dims)."""
    auto_pad, begins, ends = explicit_pads(b, nd)
    if begins is not None:
        return begins, ends
    return _same_pads(b, x, kernel, strides, dilations, auto_pad == "SAME_UPPER")


def _zero(b: Binder, elt: str) -> ir.Value:
    return b.float(0.0) if dtypes.is_float(elt) else b.int(0)


def _pad_input(b: Binder, x, begins, ends):
    """Pad `x` explicitly where torch's symmetric conv padding cannot; returns (x, padding)."""
    static = all(isinstance(p, int) for p in begins + ends)
    if static and begins == ends:
        return x, list(begins)
    sym = [min(bg, en) if static or (isinstance(bg, int) and isinstance(en, int)) else 0
           for bg, en in zip(begins, ends)]
    extra = []
    shape, elt = b.tensor_info(x)
    out = list(shape)
    for i in reversed(range(len(begins))):  # constant_pad_nd lists the last dim first
        lo, hi = begins[i], ends[i]
        if isinstance(lo, int) and isinstance(hi, int):
            lo, hi = lo - sym[i], hi - sym[i]
            if out[2 + i] is not None:
                out[2 + i] += lo + hi
        else:
            out[2 + i] = None
        extra += [lo, hi]
    x = b.op("torch.aten.constant_pad_nd", [x, b.int_list(extra), _zero(b, elt)],
             b.vtensor(out, elt))
    return x, sym


def _convolution(b: Binder, x, w, bias, strides, padding, dilations, group, out_type,
                 transposed=False, output_padding=None):
    nd = len(strides)
    return b.op(
        "torch.aten.convolution",
        [x, w, bias if bias is not None else b.none(), b.int_list(strides),
         b.int_list(padding), b.int_list(dilations), b.bool(transposed),
         b.int_list(output_padding or [0] * nd), b.int(group)],
        out_type,
    )


def conv(b: Binder):
    """Conv-1..22 (1-D/2-D/3-D, group, dilations, strides, pads, auto_pad) -> aten.convolution
    (+ aten.constant_pad_nd for asymmetric or run-time SAME pads)."""
    x, w = b.input(0), b.input(1)
    bias = b.optional_input(2)
    nd = _spatial_rank(b, x, w)
    kernel, strides, dilations, group = _conv_attrs(b, w, nd)
    begins, ends = _conv_pads(b, x, kernel, strides, dilations, nd)
    x, padding = _pad_input(b, x, begins, ends)
    return _convolution(b, x, w, bias, strides, padding, dilations, group, b.result_type())


def conv_integer(b: Binder):
    """ConvInteger-10 -> aten.convolution on si32 operands with the zero points subtracted
    (padding then adds exact zeros, as the reference does)."""
    x, w = b.input(0), b.input(1)
    nd = _spatial_rank(b, x, w)
    for v in (x, w):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"ConvInteger operands must be 8-bit integers, got {b.dtype(v)}")
    kernel, strides, dilations, group = _conv_attrs(b, w, nd)
    begins, ends = _conv_pads(b, x, kernel, strides, dilations, nd)
    xi = emit.to_dtype(b, x, "si32")
    wi = emit.to_dtype(b, w, "si32")
    x_zp, w_zp = b.optional_input(2), b.optional_input(3)
    if x_zp is not None:
        zp_shape = b.shape(x_zp)
        if zp_shape is None or any(d != 1 for d in zp_shape):
            raise Unsupported("x_zero_point must be a scalar")
        xi = b.op("torch.aten.sub.Tensor", [xi, emit.to_dtype(b, x_zp, "si32"), b.int(1)],
                  b.vtensor(b.shape(xi), "si32"))
    if w_zp is not None:
        zp_shape = b.shape(w_zp)
        if zp_shape is None or len(zp_shape) > 1:
            raise Unsupported("w_zero_point must be a scalar or 1-D")
        zp = emit.to_dtype(b, w_zp, "si32")
        if len(zp_shape) == 1:  # per output channel
            zp = emit.reshape(b, zp, [-1] + [1] * (nd + 1), [zp_shape[0]] + [1] * (nd + 1))
        wi = b.op("torch.aten.sub.Tensor", [wi, zp, b.int(1)], b.vtensor(b.shape(wi), "si32"))
    xi, padding = _pad_input(b, xi, begins, ends)
    return _convolution(b, xi, wi, None, strides, padding, dilations, group, b.result_type())


# ---------------------------------------------------------------- transposed


def _crop_or_extend(b: Binder, y, axis: int, front: int, back: int):
    """`y` along `axis` without `front` leading and `back` trailing entries; a negative count
    adds that many zeros instead. Works on dynamic sizes (the end is sliced from the back)."""
    shape, elt = b.tensor_info(y)
    rank = len(shape)
    shape = list(shape)
    if front > 0 or back > 0:
        start, drop = max(front, 0), max(back, 0)
        if shape[axis] is not None:
            shape[axis] -= start + drop
        end = b.int(-drop) if drop else emit.size(b, y, axis)
        y = b.op("torch.aten.slice.Tensor", [y, b.int(axis), b.int(start), end, b.int(1)],
                 b.vtensor(shape, elt))
    if front < 0 or back < 0:
        lo, hi = max(-front, 0), max(-back, 0)
        if shape[axis] is not None:
            shape[axis] += lo + hi
        pads = [0, 0] * (rank - 1 - axis) + [lo, hi]
        y = b.op("torch.aten.constant_pad_nd", [y, b.int_list(pads), _zero(b, elt)],
                 b.vtensor(shape, elt))
    return y


def _zero_stuff(b: Binder, x, axis: int, stride: int):
    """`x` with stride - 1 zeros between neighbours along `axis`."""
    shape, elt = b.tensor_info(x)
    rank = len(shape)
    wide = list(shape[:axis + 1]) + [stride] + list(shape[axis + 1:])
    u = emit.unsqueeze(b, x, axis + 1)
    pads = [0, 0] * (rank - 1 - axis) + [0, stride - 1]
    u = b.op("torch.aten.constant_pad_nd", [u, b.int_list(pads), _zero(b, elt)],
             b.vtensor(wide, elt))
    n = shape[axis]
    merged = list(shape)
    merged[axis] = None if n is None else n * stride
    dims = [d if d is not None else emit.size(b, x, i) for i, d in enumerate(shape)]
    dims[axis] = merged[axis] if n is not None else b.op(
        "torch.aten.mul.int", [dims[axis], b.int(stride)], b.types.int)
    y = emit.reshape(b, u, dims, merged)
    out = list(merged)
    out[axis] = None if n is None else (n - 1) * stride + 1
    return b.op("torch.aten.slice.Tensor", [y, b.int(axis), b.int(0), b.int(-(stride - 1)),
                                            b.int(1)], b.vtensor(out, elt))


def _grouped_transposed(b: Binder, x, w, bias, strides, padding, dilations, group, out_type):
    """A grouped transposed convolution as a grouped convolution of the zero-stuffed input
    with the flipped, per-group transposed kernel: the linalg lowering of a grouped transposed
    convolution builds an invalid tensor.collapse_shape."""
    w_shape, w_elt = b.tensor_info(w)
    c, per_out = w_shape[0], w_shape[1]
    nd = len(strides)
    if c is None or per_out is None or c % group:
        raise Unsupported("grouped transposed convolution needs static channel counts")
    kernel = list(w_shape[2:])
    for i, s in enumerate(strides):
        if s > 1:
            x = _zero_stuff(b, x, 2 + i, s)
    per_in = c // group
    # (C, M/g, k..) -> (g, C/g, M/g, k..) -> (g, M/g, C/g, k..) -> (M, C/g, k..), flipped.
    wg = emit.reshape(b, w, [group, per_in, per_out] + kernel, [group, per_in, per_out] + kernel)
    wg = emit.permute(b, wg, [0, 2, 1] + list(range(3, 3 + nd)))
    wg = emit.reshape(b, wg, [group * per_out, per_in] + kernel,
                      [group * per_out, per_in] + kernel)
    wg = b.op("torch.aten.flip", [wg, b.int_list(list(range(2, 2 + nd)))],
              b.vtensor([group * per_out, per_in] + kernel, w_elt))
    inner = [d * (k - 1) - p for d, k, p in zip(dilations, kernel, padding)]
    return _convolution(b, x, wg, bias, [1] * nd, inner, dilations, group, out_type)


def transposed_conv(b: Binder, x, w, bias, strides, dilations, group, begins, ends):
    """A transposed convolution whose output along spatial axis i is the full result (of
    length (in - 1) * stride + (kernel - 1) * dilation + 1, zeros beyond) without `begins[i]`
    leading and `ends[i]` trailing entries; negative counts extend with zeros. ONNX's pads,
    output_padding and output_shape all come down to this."""
    shape, elt = b.tensor_info(x)
    w_shape = b.shape(w)
    nd = len(strides)
    kernel = w_shape[2:]
    if any(k is None for k in kernel):
        raise Unsupported("transposed convolution needs a static kernel size")
    # torch's padding p crops p from both ends; its output_padding (< stride or dilation)
    # extends the end. What they cannot express is sliced off or padded afterwards.
    padding, out_pad, fronts, backs = [], [], [], []
    for i in range(nd):
        bg, en, limit = begins[i], ends[i], max(strides[i], dilations[i])
        if group > 1:  # _grouped_transposed: 0 <= padding <= dilation * (kernel - 1)
            p, op = min(max(0, min(bg, en)), dilations[i] * (kernel[i] - 1)), 0
        elif bg >= 0 and 0 <= bg - en < limit:
            p, op = bg, bg - en  # torch's window exactly
        else:
            p = max(0, min(bg, en))
            op = p - en if 0 < p - en < limit else 0
        padding.append(p)
        out_pad.append(op)
        fronts.append(bg - p)
        backs.append(en - p + op)
    conv_len = [None if n is None else (n - 1) * s + (k - 1) * d + 1 - 2 * p + op
                for n, s, k, d, p, op in zip(shape[2:], strides, kernel, dilations, padding,
                                             out_pad)]
    exact = not any(fronts) and not any(backs)
    m = None if w_shape[1] is None else w_shape[1] * group
    y_type = b.vtensor([shape[0], m] + conv_len, elt)
    if group == 1:
        y = _convolution(b, x, w, bias if exact else None, strides, padding, dilations, 1,
                         y_type, transposed=True, output_padding=out_pad)
    else:
        y = _grouped_transposed(b, x, w, bias if exact else None, strides, padding, dilations,
                                group, y_type)
    if exact:
        return y
    for i in range(nd):
        y = _crop_or_extend(b, y, 2 + i, fronts[i], backs[i])
    if bias is not None:
        # Added after the crop/extension: extended entries are bias, not zero.
        bias = emit.reshape(b, bias, [-1] + [1] * nd, [m] + [1] * nd)
        y = b.op("torch.aten.add.Tensor", [y, bias, b.int(1)], _like_type(b, y))
    return y


def _like_type(b: Binder, v):
    return b.vtensor(*b.tensor_info(v))


def conv_transpose(b: Binder):
    """ConvTranspose-1..22 (group, dilations, pads, auto_pad, output_padding, output_shape)
    -> aten.convolution(transposed=true) (+ aten.slice / aten.constant_pad_nd / aten.add
    where the output window is not torch's)."""
    x, w = b.input(0), b.input(1)
    bias = b.optional_input(2)
    nd = _spatial_rank(b, x, w)
    kernel, strides, dilations, group = _conv_attrs(b, w, nd)
    if any(k is None for k in kernel):
        raise Unsupported("ConvTranspose needs a static kernel size")
    in_sizes = b.shape(x)[2:]
    out_pad = b.attr_ints("output_padding", [0] * nd)[:nd]
    if len(out_pad) != nd:
        raise Unsupported(f"'output_padding' must have {nd} entries")
    out_shape = b.attr_ints("output_shape", None)
    if out_shape is not None:
        if len(out_shape) == nd + 2:
            out_shape = out_shape[2:]
        if len(out_shape) != nd:
            raise Unsupported(f"'output_shape' must have {nd} entries, got {out_shape}")
    auto_pad = b.attr_str("auto_pad", "NOTSET")
    if auto_pad not in ("NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER"):
        raise Unsupported(f"unknown auto_pad '{auto_pad}'")
    pads = b.attr_ints("pads", None)
    if pads is not None and len(pads) != 2 * nd:
        raise Unsupported(f"'pads' must have {2 * nd} entries, got {pads}")
    same = pads is None and auto_pad in ("SAME_UPPER", "SAME_LOWER")
    if pads is None or auto_pad == "VALID":
        pads = [0] * (2 * nd)
    if not same and out_shape is None:
        # The natural window: no static sizes needed.
        ends = [en - op for en, op in zip(pads[nd:], out_pad)]
        return transposed_conv(b, x, w, bias, strides, dilations, group, pads[:nd], ends)
    if any(d is None for d in in_sizes):
        raise Unsupported("ConvTranspose with auto_pad SAME or output_shape needs static "
                          "spatial sizes")
    full = [(n - 1) * s + (k - 1) * d + 1
            for n, s, k, d in zip(in_sizes, strides, kernel, dilations)]
    # As the ONNX reference implementation does: SAME_* without pads splits the total padding
    # (floor division, the odd one at the end for SAME_UPPER); otherwise the window starts at
    # pads_begin and spans output_shape.
    if same:
        target = out_shape or [n * s for n, s in zip(in_sizes, strides)]
        begins = []
        for f, op, t in zip(full, out_pad, target):
            total = f + op - t
            begins.append(total // 2 if auto_pad == "SAME_UPPER" else total - total // 2)
    else:
        target, begins = out_shape, pads[:nd]
    if any(n <= 0 for n in target):
        raise Unsupported(f"output size {target} is empty or negative")
    ends = [f - bg - t for f, bg, t in zip(full, begins, target)]
    return transposed_conv(b, x, w, bias, strides, dilations, group, begins, ends)


def col2im(b: Binder):
    """Col2Im-18 (N-D, strides, dilations, asymmetric pads, block_shape at run time) ->
    aten.scatter_add of the columns into the flattened image (aten.arange index arithmetic,
    out-of-image entries sent to a dropped extra slot)."""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if elt == "i1" or not (dtypes.is_float(elt) or dtypes.is_integer(elt)):
        raise Unsupported(f"Col2Im of {elt} is not supported (numeric types are)")
    b.torch_dtype_of(elt)
    if shape is None or len(shape) != 3:
        raise Unsupported("input must be 3-D")
    out_shape = b.shape(b.result_type())
    image = emit.int_entries(b, b.input(1), "image_shape")
    nd = len(image)
    if out_shape is not None and len(out_shape) == nd + 2:
        # The output type fixes the image size when image_shape is a run-time tensor.
        image = [o if o is not None else i for o, i in zip(out_shape[2:], image)]
    if not all(isinstance(i, int) for i in image):
        raise Unsupported("image_shape must be a constant or fixed by the output type")
    block = emit.int_entries(b, b.input(2), "block_shape")
    if len(block) != nd:
        raise Unsupported("image_shape and block_shape differ in length")
    channels = out_shape[1] if out_shape is not None and len(out_shape) == nd + 2 else None
    if channels is None and all(isinstance(k, int) for k in block) and shape[1] is not None:
        channels = shape[1] // int(np.prod(block))
    if channels is None:
        raise Unsupported("the channel count must be static")
    strides = b.attr_ints("strides", [1] * nd)
    dilations = b.attr_ints("dilations", [1] * nd)
    pads = b.attr_ints("pads", [0] * (2 * nd))
    if len(strides) != nd or len(dilations) != nd or len(pads) != 2 * nd:
        raise Unsupported("strides/dilations/pads do not match the image rank")
    if any(v < 1 for v in strides + dilations):
        raise Unsupported("strides and dilations must be positive")
    # Blocks along each axis: (image + pads - (dilation * (block - 1) + 1)) // stride + 1.
    blocks = []
    for i in range(nd):
        span = emit.int_add(b, emit.int_mul(b, dilations[i], emit.int_sub(b, block[i], 1)), 1)
        room = emit.int_sub(b, image[i] + pads[i] + pads[nd + i], span)
        blocks.append(emit.int_add(b, emit.int_floordiv(b, room, strides[i]), 1))
    n, rows, cols = (shape[d] if shape[d] is not None else emit.size(b, x, d) for d in range(3))
    total = emit.int_floordiv(b, emit.int_mul(b, rows, cols), channels)
    static_total = total if isinstance(total, int) else None
    idx_t = b.vtensor([static_total], "si64")
    none = b.none()
    t = b.op("torch.aten.arange.start_step",
             [b.int(0), b.int(total) if isinstance(total, int) else total, b.int(1),
              b.int(4), none, none, none], idx_t)

    def scalar_op(name, a, v):
        if isinstance(v, int) and v == 1 and name != "torch.aten.remainder.Scalar":
            return a  # * 1 and // 1
        return b.op(name, [a, b.int(v) if isinstance(v, int) else v], idx_t)

    # Entry t of a channel is column t % L of kernel offset t // L (both unravelled C-order).
    kpos, rest = [None] * nd, scalar_op("torch.aten.floor_divide.Scalar", t, cols)
    bpos, lin = [None] * nd, scalar_op("torch.aten.remainder.Scalar", t, cols)
    for i in reversed(range(nd)):
        kpos[i] = scalar_op("torch.aten.remainder.Scalar", rest, block[i])
        rest = scalar_op("torch.aten.floor_divide.Scalar", rest, block[i])
        bpos[i] = scalar_op("torch.aten.remainder.Scalar", lin, blocks[i])
        lin = scalar_op("torch.aten.floor_divide.Scalar", lin, blocks[i])
    flat, valid = None, None
    size = 1
    bool_t = b.vtensor([static_total], "i1")
    for i in reversed(range(nd)):
        y = b.op("torch.aten.add.Tensor",
                 [scalar_op("torch.aten.mul.Scalar", bpos[i], strides[i]),
                  scalar_op("torch.aten.mul.Scalar", kpos[i], dilations[i]), b.int(1)], idx_t)
        if pads[i]:
            y = b.op("torch.aten.sub.Scalar", [y, b.int(pads[i]), b.int(1)], idx_t)
        ok = b.op("torch.aten.logical_and",
                  [b.op("torch.aten.ge.Scalar", [y, b.int(0)], bool_t),
                   b.op("torch.aten.lt.Scalar", [y, b.int(image[i])], bool_t)], bool_t)
        valid = ok if valid is None else b.op("torch.aten.logical_and", [valid, ok], bool_t)
        term = scalar_op("torch.aten.mul.Scalar", y, size)
        flat = term if flat is None else b.op("torch.aten.add.Tensor", [flat, term, b.int(1)],
                                              idx_t)
        size *= image[i]
    flat = b.op("torch.aten.where.ScalarOther", [valid, flat, b.int(size)], idx_t)
    src = emit.reshape(b, x, [n, channels, total], [shape[0], channels, static_total])
    index = emit.reshape(b, flat, [1, 1, total], [1, 1, static_total])
    index = b.op("torch.aten.expand", [index, b.int_list([n, channels, total]), b.bool(False)],
                 b.vtensor([shape[0], channels, static_total], "si64"))
    acc_t = b.vtensor([shape[0], channels, size + 1], elt)
    zeros = b.op("torch.aten.zeros", [b.int_list([n, channels, size + 1]),
                                      b.int(b.torch_dtype_of(elt)), none, none, none], acc_t)
    acc = b.op("torch.aten.scatter_add", [zeros, b.int(2), index, src], acc_t)
    acc = b.op("torch.aten.slice.Tensor", [acc, b.int(2), b.int(0), b.int(size), b.int(1)],
               b.vtensor([shape[0], channels, size], elt))
    return emit.reshape(b, acc, [n, channels] + image, [shape[0], channels] + image)


# ---------------------------------------------------------------- causal conv with state


def causal_conv_with_state(b: Binder):
    """CausalConvWithState-27 -> aten.cat (past state or zeros, input) + depthwise
    aten.convolution (+ aten.silu for silu/swish) and aten.slice for the present state."""
    x, w = b.input(0), b.input(1)
    bias, past = b.optional_input(2), b.optional_input(3)
    shape, elt = b.tensor_info(x)
    w_shape = b.shape(w)
    if shape is None or len(shape) != 3 or w_shape is None or len(w_shape) != 3:
        raise Unsupported("input and weight must be 3-D")
    k = w_shape[2]
    channels = w_shape[0] if w_shape[0] is not None else shape[1]
    if k is None or channels is None:
        raise Unsupported("kernel size and channel count must be static")
    activation = b.attr_str("activation", "none")
    if activation not in ("none", "silu", "swish"):
        raise Unsupported(f"unknown activation '{activation}'")
    state_shape = [shape[0], shape[1], k - 1]
    if past is None:
        dims = [emit.size(b, x, 0), emit.size(b, x, 1), b.int(k - 1)]
        none = b.none()
        past = b.op("torch.aten.zeros", [b.int_list(dims), b.int(b.torch_dtype_of(elt)), none,
                                         none, none], b.vtensor(state_shape, elt))
    length = None if shape[2] is None else shape[2] + k - 1
    padded = b.op("torch.aten.cat", [b.tensor_list([past, x]), b.int(2)],
                  b.vtensor([shape[0], shape[1], length], elt))
    y = _convolution(b, padded, w, bias, [1], [0], [1], channels, b.vtensor(shape, elt))
    if activation != "none":
        # The reference applies SiLU in f32 for narrower floats.
        wide = emit.to_dtype(b, y, "f32") if elt in ("f16", "bf16") else y
        y = emit.to_dtype(b, b.op("torch.aten.silu", [wide], b.vtensor(shape, b.dtype(wide))),
                          elt)
    state = b.op("torch.aten.slice.Tensor",
                 [padded, b.int(2), b.int(-(k - 1)) if k > 1 else emit.size(b, padded, 2),
                  emit.size(b, padded, 2), b.int(1)], b.vtensor(state_shape, elt))
    return [y, state]


TABLE = [
    ("CausalConvWithState", 27, causal_conv_with_state),
    ("Col2Im", 18, col2im),
    ("Conv", 1, conv),
    ("ConvInteger", 10, conv_integer),
    ("ConvTranspose", 1, conv_transpose),
]


def populate(registry) -> None:
    """Register the convolution patterns."""
    register_table(registry, TABLE)
