"""Mod: integer, unsigned and float remainders that are exact in the lowering IREE compiles."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table


def mod(b: Binder):
    """Mod-10..28 -> aten.div.Tensor_mode(trunc) + aten.mul/sub.Tensor for integers (+ aten.where
    moving the result to the divisor's sign when fmod=0; ui8 computed in si32 (aten.to.dtype);
    wider unsigned types via a logical shift so that the signed division lowering is exact); f16/f32: fmod=1 -> aten.remainder.Tensor of the
    magnitudes with the dividend's sign, fmod=0 (Mod-28) -> aten.remainder.Tensor; f64: exact
    integer-mantissa arithmetic (IREE has no f64 fmod)"""
    x, y = b.input(0), b.input(1)
    fmod = b.attr_int("fmod", 0)
    if fmod not in (0, 1):
        raise Unsupported(f"fmod must be 0 or 1, got {fmod}")
    elt = b.dtype(x)
    if b.dtype(y) != elt:
        raise Unsupported(f"operand dtypes differ ({elt} vs {b.dtype(y)})")
    out = b.result_type()
    shape = emit.broadcast_shape(b.shape(x), b.shape(y))
    t = b.vtensor(shape, elt)
    if dtypes.is_float(elt):
        if fmod == 0 and b.opset < 28:
            raise Unsupported(f"fmod=0 with float operands ({elt}) is invalid before Mod-28")
        if elt == "f64":
            return _f64_mod(b, x, y, fmod, out)
        if fmod == 0:
            return _float_floor_mod(b, x, y, out)
        # arith.remf on |x|, |y| is C fmod of the magnitudes exactly (the remainder lowering's
        # sign fix never fires for non-negative operands); the result takes x's sign.
        ax = b.op("torch.aten.abs", [x], x.type)
        ay = b.op("torch.aten.abs", [y], y.type)
        r = b.op("torch.aten.remainder.Tensor", [ax, ay], t)
        neg = b.op("torch.aten.lt.Scalar", [x, b.float(0.0)], emit.like(b, x, "i1"))
        return b.op("torch.aten.where.self", [neg, b.op("torch.aten.neg", [r], t), r], out)
    if not dtypes.is_integer(elt):
        raise Unsupported(f"Mod of {elt} is not supported")
    if elt == "ui8":
        # Exact in si32, and no ui8 constant: TOSA turns one into an invalid tosa.const.
        r = _signed_rem(b, emit.to_dtype(b, x, "si32"), emit.to_dtype(b, y, "si32"), 1,
                        b.vtensor(shape, "si32"))
        return emit.to_dtype(b, r, "ui8")
    if elt in dtypes.UNSIGNED_INT_TYPES:
        return _unsigned_rem(b, x, y, out)  # fmod 0 and 1 agree on unsigned types
    return _signed_rem(b, x, y, fmod, out)


def _signed_rem(b: Binder, x, y, fmod: int, out):
    """x mod y on signed integers: C fmod (fmod=1) or Python's % (fmod=0)."""
    elt = b.dtype(x)
    shape = emit.broadcast_shape(b.shape(x), b.shape(y))
    t = b.vtensor(shape, elt)
    # aten.remainder's integer lowering is arith.remsi, and the floor division mode goes through
    # f64 (inexact for large int64). Truncating division is exact, so C fmod is
    # x - trunc(x / y) * y. A divisor of 0 or -1 is replaced by 1: the remainder is then 0, as
    # numpy gives, instead of a division trap (x / 0, INT_MIN / -1).
    mask_y = emit.like(b, y, "i1")
    zero, one = emit.scalar_tensor(b, 0, elt), emit.scalar_tensor(b, 1, elt)
    odd = b.op("torch.aten.logical_or",
               [b.op("torch.aten.eq.Tensor", [y, zero], mask_y),
                b.op("torch.aten.eq.Tensor", [y, emit.scalar_tensor(b, -1, elt)], mask_y)],
               mask_y)
    safe_y = b.op("torch.aten.where.self", [odd, one, y], y.type)
    q = b.op("torch.aten.div.Tensor_mode", [x, safe_y, b.str("trunc")], t)
    r = b.op("torch.aten.sub.Tensor",
             [x, b.op("torch.aten.mul.Tensor", [q, safe_y], t), b.int(1)], out if fmod else t)
    if fmod:
        return r
    # Python %: a nonzero remainder whose sign differs from the divisor's moves by one divisor.
    mask_t = b.vtensor(shape, "i1")
    r_neg = b.op("torch.aten.lt.Tensor", [r, zero], mask_t)
    y_neg = b.op("torch.aten.lt.Tensor", [y, zero], emit.like(b, y, "i1"))
    differ = b.op("torch.aten.logical_xor", [r_neg, y_neg], mask_t)
    nonzero = b.op("torch.aten.ne.Tensor", [r, zero], mask_t)
    fix = b.op("torch.aten.logical_and", [differ, nonzero], mask_t)
    moved = b.op("torch.aten.add.Tensor", [r, y, b.int(1)], t)
    return b.op("torch.aten.where.self", [fix, moved, r], out)


def _unsigned_rem(b: Binder, x, y, out):
    """x mod y on unsigned integers. The division lowering works on signless integers and
    divides signed (arith.divsi), so the operands are first made non-negative as signed values:
    floor(x / y) = 2 * trunc((x >> 1) / y) + (0 or 1) when y's top bit is clear, and 0 or 1 when it
    is set; the logical shift and the comparisons know the type is unsigned. y == 0 gives 0."""
    elt = b.dtype(x)
    bits = dtypes.INT_BITS[elt]
    shape = emit.broadcast_shape(b.shape(x), b.shape(y))
    t, mask_t, mask_y = b.vtensor(shape, elt), b.vtensor(shape, "i1"), emit.like(b, y, "i1")
    zero, one = emit.scalar_tensor(b, 0, elt), emit.scalar_tensor(b, 1, elt)
    top = b.op("torch.aten.bitwise_right_shift.Tensor", [y, emit.scalar_tensor(b, bits - 1, elt)],
               y.type)
    big = b.op("torch.aten.ne.Tensor", [top, zero], mask_y)
    bad = b.op("torch.aten.logical_or",
               [big, b.op("torch.aten.eq.Tensor", [y, zero], mask_y)], mask_y)
    safe_y = b.op("torch.aten.where.self", [bad, one, y], y.type)
    half = b.op("torch.aten.bitwise_right_shift.Tensor", [x, one], x.type)
    q = b.op("torch.aten.div.Tensor_mode", [half, safe_y, b.str("trunc")], t)
    q = b.op("torch.aten.add.Tensor", [q, q, b.int(1)], t)
    q = b.op("torch.aten.where.self", [bad, zero, q], t)
    r = b.op("torch.aten.sub.Tensor", [x, b.op("torch.aten.mul.Tensor", [q, y], t), b.int(1)], t)
    # r < 2y here; with y's top bit set, r is x itself
    over = b.op("torch.aten.ge.Tensor", [r, y], mask_t)
    r = b.op("torch.aten.where.self",
             [over, b.op("torch.aten.sub.Tensor", [r, y, b.int(1)], t), r], t)
    y_zero = b.op("torch.aten.eq.Tensor", [y, zero], mask_y)
    return b.op("torch.aten.where.self", [y_zero, zero, r], out)


def _float_floor_mod(b: Binder, x, y, out):
    """x - floor(x / y) * y for floats, as Mod-28 defines it: aten.remainder.Tensor (arith.remf
    and a sign fix), then a zero result takes the divisor's sign."""
    elt = b.dtype(x)
    shape = emit.broadcast_shape(b.shape(x), b.shape(y))
    t, mask_t = b.vtensor(shape, elt), b.vtensor(shape, "i1")
    r = b.op("torch.aten.remainder.Tensor", [x, y], t)
    is_zero = b.op("torch.aten.eq.Scalar", [r, b.float(0.0)], mask_t)
    y_neg = b.op("torch.aten.lt.Scalar", [y, b.float(0.0)], emit.like(b, y, "i1"))
    signed_zero = b.op("torch.aten.where.self", [y_neg, emit.scalar_tensor(b, -0.0, elt),
                                                 emit.scalar_tensor(b, 0.0, elt)],
                       emit.like(b, y, elt))
    return b.op("torch.aten.where.self", [is_zero, signed_zero, r], out)


def _f64_mod(b: Binder, x, y, fmod: int, out):
    """Mod of f64 operands. arith.remf on f64 becomes a call to fmod, which IREE does not link
    (it has fmodf only), and x - trunc(x / y) * y is inexact for large quotients. So the
    remainder of the magnitudes is computed exactly on their integer mantissas:
    |x| = MX * 2^EX, |y| = MY * 2^EY, fmod(|x|, |y|) = ((MX mod MY) * (2^(EX-EY) mod MY) mod MY)
    * 2^EY, with 2^D mod MY by square-and-double over the 12 bits D can have."""
    if b.shape(x) is None or b.shape(y) is None:
        raise Unsupported("operand rank is unknown")
    both_scalar = b.shape(x) == () and b.shape(y) == ()
    # aten.view.dtype of a rank-0 tensor crashes iree-compile: work on rank >= 1.
    xs = emit.unsqueeze(b, x, 0) if b.shape(x) == () else x
    ys = emit.unsqueeze(b, y, 0) if b.shape(y) == () else y
    shape = emit.broadcast_shape(b.shape(xs), b.shape(ys))
    t64, tf, tb = b.vtensor(shape, "si64"), b.vtensor(shape, "f64"), b.vtensor(shape, "i1")
    ax = b.op("torch.aten.abs", [xs], xs.type)
    ay = b.op("torch.aten.abs", [ys], ys.type)
    mx, ex = _f64_parts(b, ax)
    my, ey = _f64_parts(b, ay)
    one = emit.scalar_tensor(b, 1, "si64")
    zero = emit.scalar_tensor(b, 0, "si64")
    # y == 0 gives NaN below; keep the integer division defined meanwhile.
    my_is0 = b.op("torch.aten.eq.Tensor", [my, zero], emit.like(b, my, "i1"))
    my = b.op("torch.aten.where.self", [my_is0, one, my], my.type)
    d = b.op("torch.aten.sub.Tensor", [ex, ey, b.int(1)], t64)
    d_neg = b.op("torch.aten.lt.Tensor", [d, zero], tb)
    d = b.op("torch.aten.where.self", [d_neg, zero, d], t64)
    fm = emit.to_dtype(b, my, "f64")
    my_is1 = b.op("torch.aten.eq.Tensor", [my, one], emit.like(b, my, "i1"))
    acc = b.op("torch.aten.where.self", [my_is1, zero, one], my.type)  # 2^0 mod MY
    for k in range(11, -1, -1):
        acc = _mulmod(b, acc, acc, my, fm, t64)
        bit = b.op("torch.aten.bitwise_and.Tensor", [d, emit.scalar_tensor(b, 1 << k, "si64")],
                   t64)
        bit = b.op("torch.aten.ne.Tensor", [bit, zero], tb)
        twice = b.op("torch.aten.add.Tensor", [acc, acc, b.int(1)], t64)
        over = b.op("torch.aten.ge.Tensor", [twice, my], tb)
        twice = b.op("torch.aten.where.self",
                     [over, b.op("torch.aten.sub.Tensor", [twice, my, b.int(1)], t64), twice],
                     t64)
        acc = b.op("torch.aten.where.self", [bit, twice, acc], t64)
    q = b.op("torch.aten.div.Tensor_mode", [mx, my, b.str("trunc")], t64)
    mx_mod = b.op("torch.aten.sub.Tensor",
                  [mx, b.op("torch.aten.mul.Tensor", [q, my], t64), b.int(1)], t64)
    r = emit.to_dtype(b, _mulmod(b, mx_mod, acc, my, fm, t64), "f64")
    # r * 2^EY: exact, since the true remainder is a double; a subnormal 2^EY is applied in
    # two steps so that the intermediate power of two stays a normal number.
    tiny = b.op("torch.aten.lt.Tensor", [ey, emit.scalar_tensor(b, -1022, "si64")],
                emit.like(b, ey, "i1"))
    e1 = b.op("torch.aten.where.self",
              [tiny, b.op("torch.aten.add.Scalar", [ey, b.int(600), b.int(1)], ey.type), ey],
              ey.type)
    r = b.op("torch.aten.mul.Tensor", [r, _f64_pow2(b, e1)], tf)
    r = b.op("torch.aten.where.self",
             [tiny, b.op("torch.aten.mul.Scalar", [r, b.float(2.0 ** -600)], tf), r], tf)
    smaller = b.op("torch.aten.lt.Tensor", [ax, ay], tb)
    r = b.op("torch.aten.where.self", [smaller, ax, r], tf)
    # NaN for a NaN operand, an infinite x, or y == 0
    bad = b.op("torch.aten.logical_or", [b.op("torch.aten.isnan", [ay], emit.like(b, ay, "i1")),
                                         my_is0], emit.like(b, ay, "i1"))
    bad_x = b.op("torch.aten.logical_or", [b.op("torch.aten.isnan", [ax], emit.like(b, ax, "i1")),
                                           b.op("torch.aten.isinf", [ax], emit.like(b, ax, "i1"))],
                 emit.like(b, ax, "i1"))
    bad = b.op("torch.aten.logical_or", [bad, bad_x], tb)
    r = b.op("torch.aten.where.self", [bad, emit.scalar_tensor(b, float("nan"), "f64"), r], tf)
    x_neg = b.op("torch.aten.lt.Scalar", [xs, b.float(0.0)], emit.like(b, xs, "i1"))
    r = b.op("torch.aten.where.self", [x_neg, b.op("torch.aten.neg", [r], tf), r], tf)
    if fmod == 0:
        # floor semantics: a nonzero remainder whose sign differs from y's moves by y (one
        # rounding, as Python's float % and numpy's mod do); a zero takes y's sign.
        r_neg = b.op("torch.aten.lt.Scalar", [r, b.float(0.0)], tb)
        y_neg = b.op("torch.aten.lt.Scalar", [ys, b.float(0.0)], emit.like(b, ys, "i1"))
        nonzero = b.op("torch.aten.ne.Scalar", [r, b.float(0.0)], tb)
        fix = b.op("torch.aten.logical_and",
                   [b.op("torch.aten.logical_xor", [r_neg, y_neg], tb), nonzero], tb)
        r = b.op("torch.aten.where.self",
                 [fix, b.op("torch.aten.add.Tensor", [r, ys, b.int(1)], tf), r], tf)
        signed_zero = b.op("torch.aten.where.self",
                           [y_neg, emit.scalar_tensor(b, -0.0, "f64"),
                            emit.scalar_tensor(b, 0.0, "f64")], emit.like(b, ys, "f64"))
        is_zero = b.op("torch.aten.eq.Scalar", [r, b.float(0.0)], tb)
        r = b.op("torch.aten.where.self", [is_zero, signed_zero, r], tf)
    if both_scalar:
        return b.op("torch.aten.squeeze.dim", [r, b.int(0)], out)
    return r


def _f64_parts(b: Binder, v):
    """(M, E) with v == M * 2^E for a non-negative finite f64 `v`, M < 2^53 an integer (si64)."""
    t = emit.like(b, v, "si64")
    bits = b.op("torch.aten.view.dtype", [v, b.int(b.torch_dtype_of("si64"))], t)
    field = b.op("torch.aten.bitwise_right_shift.Tensor",
                 [bits, emit.scalar_tensor(b, 52, "si64")], t)
    frac = b.op("torch.aten.bitwise_and.Tensor",
                [bits, emit.scalar_tensor(b, (1 << 52) - 1, "si64")], t)
    normal = b.op("torch.aten.gt.Tensor", [field, emit.scalar_tensor(b, 0, "si64")],
                  emit.like(b, v, "i1"))
    m = b.op("torch.aten.where.self",
             [normal, b.op("torch.aten.bitwise_or.Tensor",
                           [frac, emit.scalar_tensor(b, 1 << 52, "si64")], t), frac], t)
    e = b.op("torch.aten.where.self", [normal, field, emit.scalar_tensor(b, 1, "si64")], t)
    return m, b.op("torch.aten.sub.Scalar", [e, b.int(1075), b.int(1)], t)


def _f64_pow2(b: Binder, e):
    """2.0^e (f64) for integer e in [-1022, 1023], built from its bits."""
    t = e.type
    field = b.op("torch.aten.add.Scalar", [e, b.int(1023), b.int(1)], t)
    bits = b.op("torch.aten.bitwise_left_shift.Tensor",
                [field, emit.scalar_tensor(b, 52, "si64")], t)
    return b.op("torch.aten.view.dtype", [bits, b.int(b.torch_dtype_of("f64"))],
                emit.like(b, e, "f64"))


def _mulmod(b: Binder, u, v, m, fm, t):
    """u * v mod m for 0 <= u, v < m <= 2^53 (si64): the quotient estimated in f64 (off by a
    few units), the remainder exact in wrapping int64 arithmetic, then corrected."""
    tf = b.vtensor(b.shape(t), "f64")
    tb = b.vtensor(b.shape(t), "i1")
    prod = b.op("torch.aten.mul.Tensor", [emit.to_dtype(b, u, "f64"), emit.to_dtype(b, v, "f64")],
                tf)
    q = b.op("torch.aten.floor", [b.op("torch.aten.div.Tensor", [prod, fm], tf)], tf)
    r = b.op("torch.aten.sub.Tensor", [b.op("torch.aten.mul.Tensor", [u, v], t),
                                       b.op("torch.aten.mul.Tensor",
                                            [emit.to_dtype(b, q, "si64"), m], t), b.int(1)], t)
    c = b.op("torch.aten.floor", [b.op("torch.aten.div.Tensor",
                                       [emit.to_dtype(b, r, "f64"), fm], tf)], tf)
    r = b.op("torch.aten.sub.Tensor", [r, b.op("torch.aten.mul.Tensor",
                                               [emit.to_dtype(b, c, "si64"), m], t), b.int(1)], t)
    zero = emit.scalar_tensor(b, 0, "si64")
    low = b.op("torch.aten.lt.Tensor", [r, zero], tb)
    r = b.op("torch.aten.where.self", [low, b.op("torch.aten.add.Tensor", [r, m, b.int(1)], t),
                                       r], t)
    high = b.op("torch.aten.ge.Tensor", [r, m], tb)
    return b.op("torch.aten.where.self",
                [high, b.op("torch.aten.sub.Tensor", [r, m, b.int(1)], t), r], t)


TABLE = [
    ("Mod", 10, mod),
]


def populate(registry) -> None:
    """Register the Mod pattern."""
    register_table(registry, TABLE)
