"""DFT as matrix products with cos/sin matrices built from aten.arange.

torch-mlir does not lower aten.fft_fft / fft_ifft to linalg, so the transform is written out:
along the DFT axis, Re/Im of the result are matmuls of the real and imaginary parts of the
signal with cos(2*pi*k*n/L) and sin(2*pi*k*n/L). The angle index k*n is reduced modulo L in
integers first, so the float angles stay in [0, 2*pi) and keep their precision.
"""

from __future__ import annotations

import math

import numpy as np
from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table


def _int_min(b: Binder, x, y):
    if isinstance(x, int) and isinstance(y, int):
        return min(x, y)
    return b.op("torch.prim.min.int", [emit.int_value(b, x), emit.int_value(b, y)], b.types.int)


def _half_plus_one(b: Binder, n):
    """n // 2 + 1 on sizes."""
    if isinstance(n, int):
        return n // 2 + 1
    half = b.op("torch.aten.floordiv.int", [n, b.int(2)], b.types.int)
    return b.op("torch.aten.add.int", [half, b.int(1)], b.types.int)


def _arange(b: Binder, n, shape: list) -> ir.Value:
    """aten.arange(n) as int64, reshaped to `shape` (one entry of which is n)."""
    return emit.reshape(b, emit.arange(b, n), shape, emit.static_or_none(shape))


# Above this many entries the cos/sin matrices are computed at run time rather than stored.
MAX_CONST_ENTRIES = 1 << 20


def _const_matrices(b: Binder, n_in: int, n_out: int, length: int, row_scale, work: str):
    """cos/sin matrices [n_in, n_out] computed in float64 here and stored as literals.

    float64 keeps the exact zeros of the transform (e.g. the imaginary part of the Nyquist
    bin of a real signal) far below any tolerance, which float32 sin(pi) does not.
    """
    k = np.arange(n_in, dtype=np.int64)[:, None]
    j = (k * np.arange(n_out, dtype=np.int64)[None, :]) % length
    ang = 2 * np.pi * j.astype(np.float64) / length
    scale = row_scale(np.arange(n_in))[:, None]
    np_t = np.float64 if work == "f64" else np.float32
    t = b.vtensor([n_in, n_out], work)
    return [b.literal(ir.DenseElementsAttr.get(np.ascontiguousarray((f(ang) * scale).astype(np_t))),
                      t) for f in (np.cos, np.sin)]


def _runtime_matrices(b: Binder, n_in, n_out, length, inverse: bool, irfft: bool, work: str):
    """cos/sin matrices built with aten.arange (for dynamic or very long transforms).

    With m = 2*((k*n) mod L) folded into [0, L] (the angle is pi*m/L in [0, pi]), sin and cos
    are both taken as sin of an angle in [-pi/2, pi/2], from exact integers:
    sin(pi*m/L) = +-sin(pi*min(m, L-m)/L) and cos(pi*m/L) = sin(pi*(L-2m)/(2L)).
    The exact zeros of the transform stay exact zeros.
    """
    rows = _arange(b, n_in, [n_in, 1])
    cols = _arange(b, n_out, [1, n_out])
    shape = emit.static_or_none([n_in, n_out])
    i64, t = b.vtensor(shape, "si64"), b.vtensor(shape, work)
    ln = emit.int_value(b, length)

    def iop(name, *args):
        return b.op(name, list(args), i64)

    j = iop("torch.aten.remainder.Scalar", iop("torch.aten.mul.Tensor", rows, cols), ln)
    upper = b.op("torch.aten.gt.Scalar", [iop("torch.aten.mul.Scalar", j, b.int(2)), ln],
                 b.vtensor(shape, "i1"))  # angle in (pi, 2*pi): sin < 0, cos as for L - j
    j = b.op("torch.aten.where.self", [upper, iop("torch.aten.rsub.Scalar", j, ln, b.int(1)),
                                       j], i64)
    m = iop("torch.aten.mul.Scalar", j, b.int(2))  # angle = pi*m/L, m in [0, L]
    m_sin = b.op("torch.aten.minimum", [m, iop("torch.aten.rsub.Scalar", m, ln, b.int(1))], i64)
    m_cos = iop("torch.aten.rsub.Scalar", iop("torch.aten.mul.Scalar", m, b.int(2)), ln,
                b.int(1))  # L - 2m, over 2L

    def sine(num, den_factor: int) -> ir.Value:
        ang = b.op("torch.aten.mul.Scalar", [emit.to_dtype(b, num, work),
                                             b.float(math.pi / den_factor)], t)
        ang = b.op("torch.aten.div.Scalar", [ang, ln], t)
        return _sin_f64(b, ang, t) if work == "f64" else b.op("torch.aten.sin", [ang], t)

    sin = sine(m_sin, 1)
    sin = b.op("torch.aten.where.self", [upper, b.op("torch.aten.neg", [sin], t), sin], t)
    mats = [sine(m_cos, 2), sin]
    if irfft:
        w = _irfft_weights(b, rows, length, work)
        mats = [b.op("torch.aten.mul.Tensor", [mt, w], t) for mt in mats]
    if inverse:
        mats = [b.op("torch.aten.div.Scalar", [mt, ln], t) for mt in mats]
    return mats


def _sin_f64(b: Binder, a: ir.Value, t: ir.Type) -> ir.Value:
    """sin(a) for float64 a in [-pi/2, pi/2] as its Taylor polynomial to a^19 (error below
    4e-14): IREE's CPU backend has no float64 sin to link against."""
    a2 = b.op("torch.aten.mul.Tensor", [a, a], t)
    acc = None
    for n in range(19, 0, -2):  # Horner on a^2, from the a^19 term down to a
        coef = (-1) ** (n // 2) / math.factorial(n)
        if acc is None:
            acc = b.op("torch.aten.mul.Scalar", [a2, b.float(coef)], t)
        else:
            acc = b.op("torch.aten.add.Scalar", [acc, b.float(coef), b.int(1)], t)
            if n > 1:
                acc = b.op("torch.aten.mul.Tensor", [acc, a2], t)
    return b.op("torch.aten.mul.Tensor", [acc, a], t)


def _irfft_weights(b: Binder, k: ir.Value, length, work: str) -> ir.Value:
    """Row weights: 1 for bin 0 and bin L/2, 2 for the others (they stand for their
    conjugate twins too)."""
    shape = b.shape(k)
    bools = b.vtensor(shape, "i1")
    twice = b.op("torch.aten.mul.Scalar", [k, b.int(2)], b.vtensor(shape, "si64"))
    edge = b.op("torch.aten.logical_or",
                [b.op("torch.aten.eq.Scalar", [k, b.int(0)], bools),
                 b.op("torch.aten.eq.Scalar", [twice, emit.int_value(b, length)], bools)], bools)
    edge = emit.to_dtype(b, edge, work)
    return b.op("torch.aten.rsub.Scalar", [edge, b.float(2.0), b.int(1)], b.vtensor(shape, work))


def _scalar_input(b: Binder, v: ir.Value, what: str):
    """A one-element integer operand: a Python int if constant, else an aten.item value."""
    vals = b.const_value(v)
    if vals is not None:
        if vals.size != 1:
            raise Unsupported(f"{what} must hold one value")
        return int(vals.reshape(-1)[0])
    shape = b.shape(v)
    if shape is None or any(d != 1 for d in shape):
        raise Unsupported(f"{what} must be a scalar")
    if shape:
        v = emit.reshape(b, v, [], [])
    return b.op("torch.aten.item", [v], b.types.int)


def _default_length(b: Binder, n, inverse: bool, onesided: bool):
    """The DFT length when dft_length is absent: the axis size, 2*(n-1) for irfft."""
    if not (inverse and onesided):
        return n
    if isinstance(n, int):
        return 2 * (n - 1)
    less = b.op("torch.aten.sub.int", [n, b.int(1)], b.types.int)
    return b.op("torch.aten.mul.int", [less, b.int(2)], b.types.int)


def _extents(b: Binder, n, length, inverse: bool, onesided: bool):
    """(input entries used, output entries) along the axis.

    Inputs beyond the DFT length are dropped and missing ones are zeros, which add nothing;
    irfft reads the first L//2+1 bins, rfft writes them.
    """
    if inverse and onesided:
        return _int_min(b, n, _half_plus_one(b, length)), length
    return _int_min(b, n, length), (_half_plus_one(b, length) if onesided else length)


def _static_out_shape(shape, axis: int, length, inverse: bool, onesided: bool):
    """The output shape for `axis` (None entries where unknown), without building ops."""
    n = shape[axis]
    if length is None or not isinstance(length, int):
        if length is None and n is not None:
            length = 2 * (n - 1) if inverse and onesided else n
        else:
            length = None
    if length is None:
        out = None
    elif inverse and onesided:
        out = length
    else:
        out = length // 2 + 1 if onesided else length
    return list(shape[:axis]) + [out] + list(shape[axis + 1:-1]) + [1 if inverse and onesided
                                                                   else 2]


def _transform(b: Binder, x: ir.Value, axis: int, length_in, inverse: bool,
               onesided: bool) -> ir.Value:
    """The DFT of `x` along `axis` (the last dim holding real or real/imaginary parts)."""
    shape, elt = b.tensor_info(x)
    rank = len(shape)
    sizes = emit.dim_sizes(b, x)
    n = sizes[axis]
    length = _default_length(b, n, inverse, onesided) if length_in is None else length_in
    if isinstance(length, int) and length < 1:
        raise Unsupported(f"DFT length {length} must be positive")
    n_in, n_out = _extents(b, n, length, inverse, onesided)
    work = "f64" if elt == "f64" else "f32"
    irfft = inverse and onesided

    # Signal dims with the DFT axis last, the real/imaginary dim dropped.
    perm = [d for d in range(rank - 1) if d != axis] + [axis]
    lead = [sizes[d] for d in perm[:-1]]

    def part(c: int) -> ir.Value:
        sel = b.op("torch.aten.select.int", [x, b.int(rank - 1), b.int(c)],
                   b.vtensor(shape[:-1], elt))
        sel = emit.to_dtype(b, sel, work)
        if perm != list(range(rank - 1)):
            sel = emit.permute(b, sel, perm)
        if not (isinstance(n_in, int) and n_in == n):
            sel = b.op("torch.aten.slice.Tensor",
                       [sel, b.int(rank - 2), b.int(0), emit.int_value(b, n_in), b.int(1)],
                       b.vtensor(emit.static_or_none(lead + [n_in]), work))
        return sel

    re_in = part(0)
    im_in = part(1) if shape[-1] == 2 else None
    if all(isinstance(v, int) for v in (n_in, n_out, length)) and \
            n_in * n_out <= MAX_CONST_ENTRIES:
        def row_scale(k):
            w = np.ones(k.shape) if not irfft else np.where((k == 0) | (2 * k == length), 1., 2.)
            return w / length if inverse else w
        cos, sin = _const_matrices(b, n_in, n_out, length, row_scale, work)
    else:
        cos, sin = _runtime_matrices(b, n_in, n_out, length, inverse, irfft, work)
    out_t = b.vtensor(emit.static_or_none(lead + [n_out]), work)

    def mm(a, m):
        return b.op("torch.aten.matmul", [a, m], out_t)

    def combine(op, a, c):
        return b.op(op, [a, c, b.int(1)], out_t)

    # (R + iI)(cos -+ i sin); the inverse scaling and irfft weights are in the matrices.
    if irfft:  # only the real part of a Hermitian spectrum's transform
        outs = [mm(re_in, cos)]
        if im_in is not None:
            outs = [combine("torch.aten.sub.Tensor", outs[0], mm(im_in, sin))]
    elif inverse:
        out_re, out_im = mm(re_in, cos), mm(re_in, sin)
        if im_in is not None:
            out_re = combine("torch.aten.sub.Tensor", out_re, mm(im_in, sin))
            out_im = combine("torch.aten.add.Tensor", out_im, mm(im_in, cos))
        outs = [out_re, out_im]
    else:
        out_re = mm(re_in, cos)
        out_im = b.op("torch.aten.neg", [mm(re_in, sin)], out_t)
        if im_in is not None:
            out_re = combine("torch.aten.add.Tensor", out_re, mm(im_in, sin))
            out_im = combine("torch.aten.add.Tensor", out_im, mm(im_in, cos))
        outs = [out_re, out_im]

    y = b.op("torch.aten.stack", [b.tensor_list(outs), b.int(rank - 1)],
             b.vtensor(emit.static_or_none(lead + [n_out]) + [len(outs)], work))
    back = [0] * rank
    for i, d in enumerate(perm):
        back[d] = i
    back[rank - 1] = rank - 1
    if back != list(range(rank)):
        y = emit.permute(b, y, back)
    return emit.to_dtype(b, y, elt)


def _compatible(have, want) -> bool:
    return want is None or (len(have) == len(want) and all(
        w is None or h == w for h, w in zip(have, want)))


def dft(b: Binder):
    """DFT-17..20 -> aten.matmul with cos/sin matrices (literals, or built with aten.arange)

    Forward/inverse, onesided (rfft/irfft), axis attribute (17) or input (20), dft_length
    constant or runtime, real [...,1] or complex [...,2] input.
    """
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    if elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"input dtype {elt} is not supported")
    rank = len(shape)
    if rank < 2:
        raise Unsupported("input must have rank >= 2 (signal dims and a last dim of 1 or 2)")
    if shape[-1] not in (1, 2):
        got = "?" if shape[-1] is None else shape[-1]
        raise Unsupported(f"the last dim must be 1 (real) or 2 (complex), got {got}")
    inverse = bool(b.attr_int("inverse", 0))
    onesided = bool(b.attr_int("onesided", 0))
    length_v = b.optional_input(1)
    length = None if length_v is None else _scalar_input(b, length_v, "dft_length")

    axis_v = b.optional_input(2) if b.opset >= 20 else None
    if b.opset < 20:
        axes = [b.attr_int("axis", 1)]
    elif axis_v is None:
        axes = [-2]
    else:
        vals = b.const_value(axis_v)
        axes = None if vals is None else [int(vals.reshape(-1)[0])]
    if axes is not None:
        axis = axes[0]
        if not -rank <= axis < rank - 1 or axis == -1:
            raise Unsupported(f"axis {axis} is out of range for rank {rank}")
        return _transform(b, x, axis % rank, length, inverse, onesided)

    # A runtime axis: only the axes whose result fits the declared result type are possible.
    want = b.shape(b.result_type())
    cands = [a for a in range(rank - 1)
             if _compatible(_static_out_shape(shape, a, length, inverse, onesided), want)]
    if not cands:
        raise Unsupported("no axis gives the declared result shape")
    if len(cands) == 1:
        return _transform(b, x, cands[0], length, inverse, onesided)
    if want is None or None in want:
        raise Unsupported("a runtime axis needs a static result shape when several axes fit")
    ax_shape = b.shape(axis_v)
    if ax_shape is None or any(d != 1 for d in ax_shape):
        raise Unsupported("axis must be a scalar")
    cond_t = b.vtensor(ax_shape, "i1")
    out_t = b.vtensor(want, elt)
    y = _transform(b, x, cands[-1], length, inverse, onesided)
    for a in reversed(cands[:-1]):
        pick = b.op("torch.aten.logical_or",
                    [b.op("torch.aten.eq.Scalar", [axis_v, b.int(a)], cond_t),
                     b.op("torch.aten.eq.Scalar", [axis_v, b.int(a - rank)], cond_t)], cond_t)
        y = b.op("torch.aten.where.self",
                 [pick, _transform(b, x, a, length, inverse, onesided), y], out_t)
    return y


TABLE = [
    ("DFT", 17, dft),
]


def populate(registry) -> None:
    """Register DFT."""
    register_table(registry, TABLE)
