"""Q-Z normalizations: RMSNormalization (mean of squares from patterns/norm_common.py)."""

from __future__ import annotations

from ... import emit
from ...binder import Binder
from .. import norm_common as nc
from ..families import register_table


def rms_normalization(b: Binder):
    """RMSNormalization-23 (axis, epsilon, stash_type) -> x * rsqrt(mean(x^2) + epsilon) over
    dims axis.. (aten.mul, mean.dim, add.Scalar, rsqrt) in the stash type, then * scale."""
    x = b.input(0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    stash = nc.stash_dtype(b, x)
    y = nc.rms_normalize(b, x, range(axis, rank), b.attr_float("epsilon", 1e-5), stash)
    return emit.binary(b, "mul", emit.to_dtype(b, y, b.dtype(x)), b.input(1))


TABLE = [("RMSNormalization", 23, rms_normalization)]


def populate(registry) -> None:
    """Register the Q-Z normalizations."""
    register_table(registry, TABLE)
