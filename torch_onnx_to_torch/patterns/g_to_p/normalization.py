"""G-P normalizations: GroupNormalization, InstanceNormalization, LayerNormalization,
LpNormalization, MeanVarianceNormalization (mean / variance from patterns/norm_common.py)."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from .. import norm_common as nc
from ..families import register_table


def layer_normalization(b: Binder):
    """LayerNormalization-17 (axis, epsilon, stash_type, optional B, Mean / InvStdDev outputs)
    -> aten.mean.dim, sub, mul, rsqrt in the stash type, then * Scale + B in X's type."""
    x = b.input(0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    stash = nc.stash_dtype(b, x)
    y, mu, inv_std = nc.standardize(b, x, range(axis, rank), b.attr_float("epsilon", 1e-5),
                                    stash)
    y = emit.binary(b, "mul", emit.to_dtype(b, y, b.dtype(x)), b.input(1))
    bias = b.optional_input(2)
    if bias is not None:
        y = emit.binary(b, "add", y, bias)
    outs = [y]
    for i, stat in ((1, mu), (2, inv_std)):
        if b.num_results > i:
            info = b.types.info(b.result_type(i))  # None: an omitted output (!torch.none)
            outs.append(None if info is None else emit.to_dtype(b, stat, info[1] or stash))
    return outs


def group_normalization(b: Binder):
    """GroupNormalization-18 (scale and bias per group) and -21 (per channel, stash_type)
    -> aten.reshape to [N, G, C/G * spatial], the shared standardization, reshape back,
    * scale + bias."""
    x = b.input(0)
    shape = b.shape(x)
    if shape is None or len(shape) < 2:
        raise Unsupported("GroupNormalization needs an input of rank >= 2")
    groups = b.attr_int("num_groups")
    channels = shape[1]
    if channels is None:
        raise Unsupported("the channel dim must be static")
    if groups <= 0 or channels % groups:
        raise Unsupported(f"{channels} channels do not split into {groups} groups")
    stash = nc.stash_dtype(b, x) if b.opset >= 21 else b.dtype(x)
    sizes = emit.dim_sizes(b, x)
    rest = emit.int_prod(b, [channels // groups] + sizes[2:])
    grouped = emit.reshape(b, x, [sizes[0], groups, rest],
                           emit.static_or_none([sizes[0], groups, rest]))
    y, _, _ = nc.standardize(b, grouped, [2], b.attr_float("epsilon", 1e-5), stash)
    y = emit.to_dtype(b, y, b.dtype(x))
    scale, bias = b.input(1), b.input(2)
    if b.opset < 21:  # per group: applied in the grouped view
        y = emit.binary(b, "mul", y, nc.per_channel(b, scale, 3))
        y = emit.binary(b, "add", y, nc.per_channel(b, bias, 3))
        return emit.reshape(b, y, sizes, shape)
    y = emit.reshape(b, y, sizes, shape)
    y = emit.binary(b, "mul", y, nc.per_channel(b, scale, len(shape)))
    return emit.binary(b, "add", y, nc.per_channel(b, bias, len(shape)))


def instance_normalization(b: Binder):
    """InstanceNormalization-1..22 (epsilon) -> the shared standardization over the spatial
    dims, * scale + B per channel."""
    x = b.input(0)
    rank = b.rank(x)
    if rank < 3:
        raise Unsupported("InstanceNormalization needs an input of rank >= 3")
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"InstanceNormalization of {b.dtype(x)} is not supported")
    y, _, _ = nc.standardize(b, x, range(2, rank), b.attr_float("epsilon", 1e-5))
    y = emit.binary(b, "mul", y, nc.per_channel(b, b.input(1), rank))
    return emit.binary(b, "add", y, nc.per_channel(b, b.input(2), rank))


def lp_normalization(b: Binder):
    """LpNormalization-1..22 (axis, p 1 or 2) -> x / (sum |x| or sqrt(sum x^2)) along axis
    (aten.sum.dim_IntList), 0 where the norm is 0 (aten.where.ScalarSelf)."""
    x = b.input(0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    p = b.attr_int("p", 2)
    if p not in (1, 2):
        raise Unsupported(f"p={p} (only 1 and 2 are defined)")
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"LpNormalization of {b.dtype(x)} is not supported")
    mag = emit.unary(b, "abs", x) if p == 1 else emit.binary(b, "mul", x, x)
    norm = b.op("torch.aten.sum.dim_IntList",
                [mag, b.int_list([axis]), b.bool(True), b.none()],
                b.vtensor(nc.keep_shape(b.shape(x), [axis]), b.dtype(x)))
    if p == 2:
        norm = emit.unary(b, "sqrt", norm)
    y = b.op("torch.aten.div.Tensor", [x, norm], emit.like(b, x))
    zero = b.op("torch.aten.eq.Scalar", [norm, b.float(0.0)], emit.like(b, norm, "i1"))
    return b.op("torch.aten.where.ScalarSelf", [zero, b.float(0.0), y], emit.like(b, x))


def mean_variance_normalization(b: Binder):
    """MeanVarianceNormalization-9..13 (axes, default [0, 2, 3]) -> (x - mean) /
    (sqrt(var) + 1e-9) with aten.mean.dim, sub, mul, sqrt, div (ONNX's function body)."""
    x = b.input(0)
    rank = b.rank(x)
    if not dtypes.is_float(b.dtype(x)):
        raise Unsupported(f"MeanVarianceNormalization of {b.dtype(x)} is not supported")
    axes = sorted({emit.normalize_axis(a, rank) for a in b.attr_ints("axes", [0, 2, 3])})
    mu = nc.mean(b, x, axes)
    d = emit.binary(b, "sub", x, mu)
    std = emit.unary(b, "sqrt", nc.mean(b, emit.binary(b, "mul", d, d), axes))
    return emit.binary(b, "div", d, emit.add_scalar(b, std, 1e-9))


TABLE = [
    ("GroupNormalization", 18, group_normalization),
    ("GroupNormalization", 21, group_normalization),
    ("InstanceNormalization", 1, instance_normalization),
    ("LayerNormalization", 17, layer_normalization),
    ("LpNormalization", 1, lp_normalization),
    ("MeanVarianceNormalization", 9, mean_variance_normalization),
]


def populate(registry) -> None:
    """Register the G-P normalizations."""
    register_table(registry, TABLE)
