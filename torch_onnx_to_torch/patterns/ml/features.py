"""ai.onnx.ml feature transforms on numeric tensors: Binarizer, ArrayFeatureExtractor."""

from __future__ import annotations

import math

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from . import DOMAIN

_NUMERIC = ("f32", "f64", "si64", "si32")  # the types both ops' schemas allow, strings aside


def _numeric_input(b: Binder):
    x = b.input(0)
    if b.dtype(x) not in _NUMERIC:
        raise Unsupported(f"{b.name.rpartition('.')[2]} of {b.dtype(x)} (float, double, "
                          "int64 or int32 only)")
    return x


def binarizer(b: Binder):
    """Binarizer-1 -> 1 where x > threshold, else 0 (NaN too), in x's dtype (aten.gt.Scalar,
    aten.where.self)"""
    x = _numeric_input(b)
    elt = b.dtype(x)
    threshold = b.attr_float("threshold", 0.0)
    if dtypes.is_float(elt):
        bound = b.float(threshold)
    elif math.isfinite(threshold):
        bound = b.int(math.floor(threshold))  # an integer x > t exactly when x > floor(t)
    else:
        raise Unsupported(f"threshold {threshold} on {elt}")
    above = b.op("torch.aten.gt.Scalar", [x, bound], emit.like(b, x, "i1"))
    one, zero = emit.scalar_tensor(b, 1, elt), emit.scalar_tensor(b, 0, elt)
    return b.op("torch.aten.where.self", [above, one, zero], b.result_type())


def array_feature_extractor(b: Binder):
    """ArrayFeatureExtractor-1 -> the entries of the last axis at the indices Y, flattened:
    shape X.shape[:-1] + [Y.size] ([1, Y.size] for a 1-D X) (aten.reshape, aten.index_select)"""
    x, idx = _numeric_input(b), b.input(1)
    if b.dtype(idx) != "si64":
        raise Unsupported(f"indices of {b.dtype(idx)} (int64 only)")
    xs, ids = b.shape(x), b.shape(idx)
    if not xs or ids is None or None in ids:
        raise Unsupported("needs a ranked X of rank >= 1 and indices of static shape")
    count = math.prod(ids)
    flat = emit.reshape(b, idx, [count], [count])
    picked_shape = list(xs[:-1]) + [count]
    picked = b.op("torch.aten.index_select", [x, b.int(len(xs) - 1), flat],
                  b.vtensor(picked_shape, b.dtype(x)))
    if len(xs) > 1:
        return picked
    return emit.reshape(b, picked, [1, count], [1, count])


TABLE = [
    ("ArrayFeatureExtractor", 1, array_feature_extractor),
    ("Binarizer", 1, binarizer),
]


def populate(registry) -> None:
    """Register the ai.onnx.ml feature transforms."""
    register_table(registry, TABLE, domain=DOMAIN)
