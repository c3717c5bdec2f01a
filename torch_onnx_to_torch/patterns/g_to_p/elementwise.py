"""G-P elementwise ops: unary math, binary arithmetic, comparisons, logical ops, the variadic
Max/Min/Mean, Pow, IsInf/IsNaN, Identity (Mod lives in `modulo`)."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import binary, elementwise2, legacy_broadcast, register_table, unary, variadic


def identity(b: Binder):
    """Identity-1..25 -> its input (tensors, sequences and optionals alike)."""
    return b.input(0)


def is_inf(b: Binder):
    """IsInf-10..20 -> aten.isinf (+ aten.gt.Scalar / aten.lt.Scalar and aten.logical_and when
    detect_positive or detect_negative is 0)"""
    x = b.input(0)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"IsInf of {b.dtype(x)} (float types only)")
    mask_type = emit.like(b, x, "i1")
    mask = b.op("torch.aten.isinf", [x], mask_type)
    for attr, aten in (("detect_positive", "torch.aten.lt.Scalar"),
                       ("detect_negative", "torch.aten.gt.Scalar")):
        if not b.attr_int(attr, 1):
            keep = b.op(aten, [x, b.float(0.0)], mask_type)
            mask = b.op("torch.aten.logical_and", [mask, keep], mask_type)
    return mask


def is_nan(b: Binder):
    """IsNaN-9..20 -> aten.isnan"""
    x = b.input(0)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"IsNaN of {b.dtype(x)} (float types only)")
    return b.op("torch.aten.isnan", [x], b.result_type())


def not_(b: Binder):
    """Not-1 -> aten.logical_not"""
    x = b.input(0)
    if b.dtype(x) != "i1":
        raise Unsupported(f"Not needs a bool operand, got {b.dtype(x)}")
    return b.op("torch.aten.logical_not", [x], b.result_type())


def pow_(b: Binder):
    """Pow-1..15 -> aten.pow.Tensor_Tensor; integer base and exponent -> square-and-multiply
    (aten.mul.Tensor, and aten.bitwise_and + aten.where per exponent bit); mixed dtypes compute
    in the promoted type and cast back to the base's dtype (aten.to.dtype)."""
    base, exponent = legacy_broadcast(b, b.input(0), b.input(1))
    out = b.result_type()
    eb, ee = b.dtype(base), b.dtype(exponent)
    if dtypes.is_integer(eb) and dtypes.is_integer(ee):
        # torch-mlir lowers integer aten.pow to math.ipowi, which IREE cannot compile.
        return _int_pow(b, base, exponent, out)
    if eb == ee:
        return b.op("torch.aten.pow.Tensor_Tensor", [base, exponent], out)
    shape = b.shape(out)
    if dtypes.is_float(eb) and not dtypes.is_float(ee):
        # an integer exponent (any width, unsigned too) is exact in the base's float type
        # for every exponent that does not overflow the result anyway
        exponent = emit.to_dtype(b, exponent, eb)
        return b.op("torch.aten.pow.Tensor_Tensor", [base, exponent], out)
    # torch promotes mixed dtypes; compute in the promoted type and cast back.
    promoted = dtypes.promote(eb, ee)
    if promoted is None:
        raise Unsupported(f"no torch promotion for base/exponent dtypes {eb}/{ee}")
    y = b.op("torch.aten.pow.Tensor_Tensor", [base, exponent], b.vtensor(shape, promoted))
    return emit.to_dtype(b, y, eb)


def _int_pow(b: Binder, base, exponent, out):
    """base ** exponent on integers, wrapping like numpy: one squaring of the base per exponent
    bit, multiplied in where the bit is set. Negative exponents have no integer result (numpy
    and torch raise); their bits are used as if unsigned."""
    eb, ee = b.dtype(base), b.dtype(exponent)
    if eb not in dtypes.INT_BITS or ee not in dtypes.INT_BITS:
        raise Unsupported(f"integer Pow of {eb} by {ee} is not supported")
    const = b.const_value(exponent)
    if const is not None and const.size == 1 and int(const.reshape(-1)[0]) >= 0:
        return _const_int_pow(b, base, int(const.reshape(-1)[0]), out)
    out_shape = emit.broadcast_shape(b.shape(base), b.shape(exponent))
    t = b.vtensor(out_shape, eb)
    bit_t = emit.like(b, exponent, "i1")
    one, zero_e = emit.scalar_tensor(b, 1, eb), emit.scalar_tensor(b, 0, ee)
    bits = dtypes.INT_BITS[ee]
    acc, p = None, base
    for k in range(bits):
        mask = 1 << k
        if k == bits - 1 and (ee.startswith("si") or bits == 64):
            # the top bit as the signed value with those bits (attributes hold int64)
            mask -= 1 << bits
        has = b.op("torch.aten.bitwise_and.Tensor", [exponent, emit.scalar_tensor(b, mask, ee)],
                   exponent.type)
        bit = b.op("torch.aten.ne.Tensor", [has, zero_e], bit_t)
        factor = b.op("torch.aten.where.self", [bit, p, one], t)
        last = k == bits - 1
        acc = factor if acc is None else b.op("torch.aten.mul.Tensor", [acc, factor],
                                               out if last else t)
        if not last:
            p = b.op("torch.aten.mul.Tensor", [p, p], base.type)
    return acc


def _const_int_pow(b: Binder, base, k: int, out):
    """base ** k for a constant k >= 0: the multiplications of square-and-multiply."""
    if k == 0:
        none = b.none()
        return b.op("torch.aten.ones_like", [base, b.int(b.torch_dtype_of(b.dtype(base))), none,
                                             none, none, none], out)
    acc, p = None, base
    while k:
        if k & 1:
            acc = p if acc is None else b.op("torch.aten.mul.Tensor", [acc, p], base.type)
        k >>= 1
        if k:
            p = b.op("torch.aten.mul.Tensor", [p, p], base.type)
    return acc


TABLE = [
    ("Greater", 1, binary("gt", "Greater", "1..13")),
    ("GreaterOrEqual", 12, binary("ge", "GreaterOrEqual", "12..16")),
    ("Identity", 1, identity),
    ("IsInf", 10, is_inf),
    ("IsNaN", 9, is_nan),
    ("Less", 1, binary("lt", "Less", "1..13")),
    ("LessOrEqual", 12, binary("le", "LessOrEqual", "12..16")),
    ("Log", 1, unary("torch.aten.log", "Log", "1..13")),
    ("Max", 1, variadic("max", "Max", "1..13")),
    ("Mean", 1, variadic("mean", "Mean", "1..13")),
    ("Min", 1, variadic("min", "Min", "1..13")),
    ("Mul", 1, binary("mul", "Mul", "1..14")),
    ("Neg", 1, unary("torch.aten.neg", "Neg", "1..13")),
    ("Not", 1, not_),
    ("Or", 1, elementwise2("torch.aten.logical_or", "Or", "1..7", bool_only=True)),
    ("Pow", 1, pow_),
]


def populate(registry) -> None:
    """Register the G-P elementwise patterns."""
    register_table(registry, TABLE)
