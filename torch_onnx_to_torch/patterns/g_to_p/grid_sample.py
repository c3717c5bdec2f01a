"""GridSample: sampling an N-D input at normalized grid coordinates, as elementwise coordinate
arithmetic and aten.gather over the flattened spatial dims.

torch-mlir lowers aten.grid_sampler only for 4-D inputs, bilinear/nearest and zero padding (and
its nearest rounding differs from ONNX), so every mode is built here from the ONNX definition:
unnormalize, round (nearest) or take the 2 (linear) or 4 (cubic) neighbouring taps per dim,
apply the padding mode to the coordinate and to each tap, gather, and weight.
"""

from __future__ import annotations

import itertools

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table

_CUBIC_A = -0.75
_MODES = {16: {"bilinear": "linear", "nearest": "nearest", "bicubic": "cubic"},
          20: {"linear": "linear", "nearest": "nearest", "cubic": "cubic"}}


def _scalar(b: Binder, v):
    """A Python number as a constant; a `!torch.int` / `!torch.float` value as itself."""
    return v if isinstance(v, ir.Value) else b.scalar(v)


class _Axis:
    """One spatial dim of the input, of static (int) or dynamic (`!torch.int`) size `d`, and
    the borders [lo, hi] of the coordinates that are inside it: [0, d-1] with align_corners,
    else [-0.5, d-0.5]."""

    def __init__(self, b: Binder, d, align: bool):
        self.b, self.d, self.align = b, d, align
        self.static = isinstance(d, int)
        self.lo = 0.0 if align else -0.5
        self.hi_off = -1.0 if align else -0.5  # hi = d + hi_off
        if self.static:
            self.last = d - 1.0
            self.hi = d + self.hi_off
            self.span = self.hi - self.lo
        else:
            self.last = b.op("torch.aten.sub.int", [d, b.int(1)], b.types.int)
            self.hi = None
            # d-1 or d; at least 1 (a one-pixel axis reads pixel 0 whatever the reflection)
            span = self.last if align else d
            self.span = b.op("torch.prim.max.int", [span, b.int(1)], b.types.int)

    def above(self, m: _Math, c):
        """c > hi."""
        if self.static:
            return m.cmp("gt", c, self.hi)
        return m.cmp("gt", m.scalar("sub", c, self.hi_off), self.d)

    def hi_minus(self, m: _Math, x):
        """hi - x."""
        if self.static:
            return m.rsub(self.hi, x)
        return m.scalar("add", m.rsub(self.d, x), self.hi_off)


class _Math:
    """Elementwise arithmetic on tensors of one type (the grid coordinates' shape)."""

    def __init__(self, b: Binder, t: ir.Type, shape):
        self.b, self.t, self.shape = b, t, shape

    def scalar(self, op: str, x, v):
        b = self.b
        args = [x, _scalar(b, v)] + ([b.int(1)] if op in ("add", "sub") else [])
        return b.op(f"torch.aten.{op}.Scalar", args, self.t)

    def add(self, x, y):
        return self.b.op("torch.aten.add.Tensor", [x, y, self.b.int(1)], self.t)

    def sub(self, x, y):
        return self.b.op("torch.aten.sub.Tensor", [x, y, self.b.int(1)], self.t)

    def mul(self, x, y):
        return self.b.op("torch.aten.mul.Tensor", [x, y], self.t)

    def unary(self, name: str, x):
        return self.b.op(f"torch.aten.{name}", [x], self.t)

    def rsub(self, v, x):
        """v - x."""
        return self.b.op("torch.aten.rsub.Scalar", [x, _scalar(self.b, v), self.b.int(1)], self.t)

    def cmp(self, op: str, x, v):
        return self.b.op(f"torch.aten.{op}.Scalar", [x, _scalar(self.b, v)],
                         self.b.vtensor(self.shape, "i1"))

    def where(self, cond, x, y):
        return self.b.op("torch.aten.where.self", [cond, x, y], self.t)

    def where_scalar(self, cond, v, y):
        """where(cond, v, y) with a scalar v."""
        return self.b.op("torch.aten.where.ScalarSelf", [cond, _scalar(self.b, v), y], self.t)

    def clamp(self, x, lo, hi):
        return self.b.op("torch.aten.clamp", [x, _scalar(self.b, lo), _scalar(self.b, hi)], self.t)

    def poly(self, x, coeffs):
        """coeffs[0]*x^n + ... + coeffs[n] by Horner's rule."""
        r = self.scalar("mul", x, coeffs[0])
        for c in coeffs[1:-1]:
            r = self.mul(self.scalar("add", r, c) if c else r, x)
        return self.scalar("add", r, coeffs[-1]) if coeffs[-1] else r

    def reflect(self, x, ax: _Axis):
        """Reflect x into [lo, hi] by the borders (as torch's reflect_coordinates)."""
        if ax.static and ax.span <= 0:
            return self.scalar("mul", x, 0.0)
        dist = self.unary("abs", self.scalar("sub", x, ax.lo))
        flips = self.unary("floor", self.scalar("div", dist, ax.span))
        extra = self.sub(dist, self.scalar("mul", flips, ax.span))
        even = self.cmp("eq", self.b.op("torch.aten.remainder.Scalar", [flips, self.b.float(2.0)],
                                        self.t), 0.0)
        return self.where(even, self.scalar("add", extra, ax.lo), ax.hi_minus(self, extra))


def _cubic_weights(m: _Math, t):
    """Keys' cubic convolution weights (A = -0.75) of the 4 taps at offsets -1, 0, 1, 2."""
    a = _CUBIC_A
    outer = [a, -5 * a, 8 * a, -4 * a]  # for distances in [1, 2]
    inner = [a + 2, -(a + 3), 0.0, 1.0]  # for distances in [0, 1]
    return [m.poly(m.scalar("add", t, 1.0), outer), m.poly(t, inner),
            m.poly(m.rsub(1.0, t), inner), m.poly(m.rsub(2.0, t), outer)]


def grid_sample(b: Binder):
    """GridSample-16..22 (modes bilinear/nearest/bicubic, named linear/nearest/cubic from 20;
    padding zeros/border/reflection; align_corners; 4-D, and N-D from 20) -> coordinate
    arithmetic (aten.add/mul/floor/round/clamp/where), aten.gather of the taps from the
    flattened input, weighted and summed."""
    x, grid = b.input(0), b.input(1)
    xshape, elt = b.tensor_info(x)
    gshape, gelt = b.tensor_info(grid)
    if xshape is None or gshape is None:
        raise Unsupported("input and grid ranks must be known")
    k = len(xshape) - 2
    if k < 1 or len(gshape) != k + 2:
        raise Unsupported(f"grid of rank {len(gshape)} does not fit an input of rank "
                          f"{len(xshape)}")
    if b.opset < 20 and k != 2:
        raise Unsupported(f"GridSample-{b.opset} takes 4-D inputs only")
    if gshape[-1] is not None and gshape[-1] != k:
        raise Unsupported(f"grid's last dim is {gshape[-1]}, expected {k}")
    if not (dtypes.is_float(elt) and dtypes.is_float(gelt)):
        raise Unsupported(f"GridSample of dtypes {elt}/{gelt} is not supported (floats only)")
    dims = emit.dim_sizes(b, x)[2:]
    names = _MODES[16 if b.opset < 20 else 20]
    mode_name = b.attr_str("mode", "bilinear" if b.opset < 20 else "linear")
    if mode_name not in names:
        raise Unsupported(f"unknown mode '{mode_name}' for GridSample-{b.opset}")
    mode = names[mode_name]
    padding = b.attr_str("padding_mode", "zeros")
    if padding not in ("zeros", "border", "reflection"):
        raise Unsupported(f"unknown padding_mode '{padding}'")
    align = bool(b.attr_int("align_corners", 0))

    out_sp = list(gshape[1:-1])
    cshape = [gshape[0]] + out_sp
    m = _Math(b, b.vtensor(cshape, gelt), cshape)
    per_dim = []  # per spatial dim: [(index tensor si64, weight tensor or None), ...]
    for i, d in enumerate(dims):
        ax = _Axis(b, d, align)
        g = b.op("torch.aten.select.int", [grid, b.int(k + 1), b.int(k - 1 - i)], m.t)
        if align:
            c = m.scalar("add", g, 1.0)
            c = (m.scalar("mul", c, (d - 1) / 2) if ax.static else
                 m.scalar("mul", m.scalar("mul", c, ax.last), 0.5))
        else:
            c = m.scalar("mul", m.scalar("sub", m.scalar("mul", m.scalar("add", g, 1.0), d),
                                         1.0), 0.5)
        if mode == "nearest":
            c = m.unary("round", c)  # half to even, as ONNX (and torch)
        # A coordinate outside [lo, hi] is first moved by the padding mode.
        if padding == "border":
            c = m.where_scalar(m.cmp("lt", c, ax.lo), 0.0,
                               m.where_scalar(ax.above(m, c), ax.last, c))
        elif padding == "reflection":
            c = m.reflect(c, ax)
        if mode == "nearest":
            taps = [(c, None)]
        else:
            base = m.unary("floor", c)
            frac = m.sub(c, base)
            if mode == "linear":
                taps = [(base, m.rsub(1.0, frac)), (m.scalar("add", base, 1.0), frac)]
            else:
                ws = _cubic_weights(m, frac)
                taps = [(base if o == 0 else m.scalar("add", base, float(o)), w)
                        for o, w in zip((-1, 0, 1, 2), ws)]
        per_dim.append([_tap(b, m, p, w, ax, padding) for p, w in taps])
    # Each tap's index, scaled by its dim's stride in the flattened input.
    stride = 1
    for i in range(k - 1, -1, -1):
        if not (isinstance(stride, int) and stride == 1):
            per_dim[i] = [(b.op("torch.aten.mul.Scalar", [idx, emit.int_value(b, stride)],
                                b.vtensor(cshape, "si64")), w) for idx, w in per_dim[i]]
        if i:
            stride = emit.int_mul(b, stride, dims[i])

    # Flatten the input to [N, C, prod(dims)] and the taps to [N, 1, Q] (Q = grid points).
    n, ch = emit.size(b, x, 0), emit.size(b, x, 1)
    total = emit.int_prod(b, dims)
    xf = emit.reshape(b, x, [n, ch, total], [xshape[0], xshape[1],
                                             total if isinstance(total, int) else None])
    q = [d if d is not None else emit.size(b, grid, 1 + j) for j, d in enumerate(out_sp)]
    qn = emit.int_prod(b, q)
    qs = qn if isinstance(qn, int) else None
    acc = None
    gathered_t = b.vtensor([xshape[0], xshape[1], qs], elt)
    for combo in itertools.product(*per_dim):
        flat, weight = None, None
        for idx, w in combo:
            flat = idx if flat is None else b.op("torch.aten.add.Tensor", [flat, idx, b.int(1)],
                                                 b.vtensor(cshape, "si64"))
            if w is not None:
                weight = w if weight is None else m.mul(weight, w)
        flat = emit.reshape(b, flat, [n, 1, qn], [gshape[0], 1, qs])
        flat = b.op("torch.aten.expand", [flat, b.int_list([n, ch, qn]), b.bool(False)],
                    b.vtensor([xshape[0], xshape[1], qs], "si64"))
        val = b.op("torch.aten.gather", [xf, b.int(2), flat, b.bool(False)], gathered_t)
        if weight is not None:
            weight = emit.to_dtype(b, emit.reshape(b, weight, [n, 1, qn], [gshape[0], 1, qs]),
                                   elt)
            val = b.op("torch.aten.mul.Tensor", [val, weight], gathered_t)
        acc = val if acc is None else b.op("torch.aten.add.Tensor", [acc, val, b.int(1)],
                                           gathered_t)
    out_shape = [xshape[0], xshape[1]] + out_sp
    return emit.reshape(b, acc, [n, ch] + q, out_shape)


def _tap(b: Binder, m: _Math, pos, weight, ax: _Axis, padding: str):
    """One tap at integral float position `pos`: its index (si64, inside the axis) and weight,
    zeroed for a zeros-padding tap outside the input."""
    if padding == "zeros":
        inside = b.op("torch.aten.logical_and", [m.cmp("ge", pos, 0.0), m.cmp("le", pos, ax.last)],
                      b.vtensor(m.shape, "i1"))
        if weight is None:
            weight = m.where_scalar(inside, 1.0, m.scalar("mul", pos, 0.0))
        else:
            weight = b.op("torch.aten.where.ScalarOther", [inside, weight, b.float(0.0)], m.t)
    elif padding == "reflection":
        pos = m.reflect(pos, ax)
    pos = m.clamp(pos, 0.0, ax.last)
    return emit.to_dtype(b, pos, "si64"), weight


TABLE = [
    ("GridSample", 16, grid_sample),
]


def populate(registry) -> None:
    """Register the GridSample pattern."""
    register_table(registry, TABLE)
