"""Random draws: RandomNormal, RandomNormalLike, RandomUniform, RandomUniformLike.

The draws come from the runtime's generator (aten.randn / aten.rand); a `seed` attribute is
declined, as torch cannot reproduce ONNX's seeded stream. Values are drawn in f32 (f64 for a
double output) and converted, so f16/bf16 outputs need no low-precision generator.
"""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..generators import decline_seed, target_dtype

_FLOATS = ("f16", "bf16", "f32", "f64")


def _draw(b: Binder, kind: str, sizes: list, out: str, a: float, c: float) -> ir.Value:
    """aten.randn (kind "randn": a * N(0,1) + c) or aten.rand (kind "rand": a * U[0,1) + c)
    of shape `sizes` (ints and `!torch.int`s), converted to `out`."""
    if out not in _FLOATS:
        raise Unsupported(f"output dtype {out} is not a float type")
    work = "f64" if out == "f64" else "f32"
    t = b.vtensor(emit.static_or_none(sizes), work)
    none = b.none()
    y = b.op(f"torch.aten.{kind}", [b.int_list(sizes), b.int(b.torch_dtype_of(work)), none, none,
                                    none], t)
    if a != 1.0:
        y = b.op("torch.aten.mul.Scalar", [y, b.float(a)], t)
    if c != 0.0:
        y = b.op("torch.aten.add.Scalar", [y, b.float(c), b.int(1)], t)
    return emit.to_dtype(b, y, out)


def _shape_attr(b: Binder) -> list[int]:
    shape = b.attr_ints("shape")
    if any(d < 0 for d in shape):
        raise Unsupported(f"'shape' {shape} has a negative dim")
    return shape


def _like_sizes(b: Binder) -> tuple[list, str]:
    """The sizes of the *Like op's input, and the output dtype (the dtype attribute, else the
    input's)."""
    x = b.input(0)
    return emit.dim_sizes(b, x), target_dtype(b, "dtype", b.dtype(x))


def random_normal(b: Binder):
    """RandomNormal-1..22 (shape, dtype, mean, scale; no seed) -> aten.randn * scale + mean"""
    decline_seed(b, "aten.randn")
    return _draw(b, "randn", _shape_attr(b), target_dtype(b, "dtype", "f32"),
                 b.attr_float("scale", 1.0), b.attr_float("mean", 0.0))


def random_normal_like(b: Binder):
    """RandomNormalLike-1..22 (dtype, mean, scale; no seed) -> aten.randn of the input's
    sizes * scale + mean"""
    decline_seed(b, "aten.randn")
    sizes, out = _like_sizes(b)
    return _draw(b, "randn", sizes, out, b.attr_float("scale", 1.0), b.attr_float("mean", 0.0))


def _uniform(b: Binder, sizes: list, out: str):
    low, high = b.attr_float("low", 0.0), b.attr_float("high", 1.0)
    return _draw(b, "rand", sizes, out, high - low, low)


def random_uniform(b: Binder):
    """RandomUniform-1..22 (shape, dtype, low, high; no seed) -> aten.rand * (high - low) + low"""
    decline_seed(b, "aten.rand")
    return _uniform(b, _shape_attr(b), target_dtype(b, "dtype", "f32"))


def random_uniform_like(b: Binder):
    """RandomUniformLike-1..22 (dtype, low, high; no seed) -> aten.rand of the input's sizes
    * (high - low) + low"""
    decline_seed(b, "aten.rand")
    sizes, out = _like_sizes(b)
    return _uniform(b, sizes, out)


TABLE = [
    ("RandomNormal", 1, random_normal),
    ("RandomNormalLike", 1, random_normal_like),
    ("RandomUniform", 1, random_uniform),
    ("RandomUniformLike", 1, random_uniform_like),
]


def populate(registry) -> None:
    """Register the random draws."""
    register_table(registry, TABLE)
