"""Ops that generate their values: Bernoulli (random draws) and BlackmanWindow."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..generators import cosine_window, decline_seed, target_dtype


def bernoulli(b: Binder):
    """Bernoulli-15..22 -> aten.bernoulli (+ aten.to.dtype for the dtype attribute)"""
    x = b.input(0)
    decline_seed(b, "aten.bernoulli")
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"probabilities must be a float tensor, got {elt}")
    drawn = b.op("torch.aten.bernoulli", [x, b.none()], x.type)
    return emit.to_dtype(b, drawn, target_dtype(b, "dtype", elt))


def blackman_window(b: Binder):
    """BlackmanWindow-17 (periodic, output_datatype, constant or run-time size) ->
    0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N) over aten.arange, + aten.to.dtype"""
    return cosine_window(b, 0.42, [(2.0, -0.5), (4.0, 0.08)])


TABLE = [
    ("Bernoulli", 15, bernoulli),
    ("BlackmanWindow", 17, blackman_window),
]


def populate(registry) -> None:
    """Register the Bernoulli and BlackmanWindow patterns."""
    register_table(registry, TABLE)
