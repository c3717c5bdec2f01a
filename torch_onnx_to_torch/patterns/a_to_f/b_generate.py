"""Ops that generate their values: Bernoulli (random draws) and BlackmanWindow."""

from __future__ import annotations

import math

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table


def _target_dtype(b: Binder, attr: str, default: str) -> str:
    """The MLIR element type named by ONNX dtype attribute `attr` (or `default`)."""
    if not b.has_attr(attr):
        return default
    code = b.attr_int(attr)
    elt = dtypes.onnx_to_mlir(code)
    if elt is None:
        raise Unsupported(f"unknown {attr} {code}")
    b.torch_dtype_of(elt)
    return elt


def bernoulli(b: Binder):
    """Bernoulli-15..22 -> aten.bernoulli (+ aten.to.dtype for the dtype attribute)"""
    x = b.input(0)
    if b.has_attr("seed"):
        # aten.bernoulli draws from the runtime's generator; a seed cannot be passed to it.
        raise Unsupported("a seeded draw cannot be expressed: aten.bernoulli takes no seed")
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"probabilities must be a float tensor, got {elt}")
    drawn = b.op("torch.aten.bernoulli", [x, b.none()], x.type)
    return emit.to_dtype(b, drawn, _target_dtype(b, "dtype", elt))


def blackman_window(b: Binder):
    """BlackmanWindow-17 (periodic, output_datatype, constant or run-time size) ->
    0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N) over aten.arange, + aten.to.dtype"""
    size = b.input(0)
    if b.shape(size) not in ((), (1,)):
        raise Unsupported("'size' must be a scalar")
    out = _target_dtype(b, "output_datatype", "f32")
    periodic = bool(b.attr_int("periodic", 1))
    vals = b.const_value(size)
    if vals is not None:
        n_static = int(vals.reshape(-1)[0])
        n = b.int(n_static)
        denom = b.int(n_static if periodic else n_static - 1)
    else:
        n_static = None
        flat = size if b.shape(size) == () else b.op(
            "torch.aten.squeeze.dim", [size, b.int(0)], b.vtensor([], b.dtype(size)))
        n = b.op("torch.aten.item", [flat], b.types.int)
        denom = n if periodic else b.op("torch.aten.sub.int", [n, b.int(1)], b.types.int)
    acc = "f64" if out == "f64" else "f32"
    none = b.none()
    t = b.vtensor([n_static], acc)
    idx = b.op("torch.aten.arange", [n, b.int(b.torch_dtype_of(acc)), none, none, none], t)
    terms = []
    for mult, coeff in ((2.0, -0.5), (4.0, 0.08)):
        angle = b.op("torch.aten.div.Scalar", [b.op("torch.aten.mul.Scalar",
                                                    [idx, b.float(mult * math.pi)], t), denom], t)
        terms.append(b.op("torch.aten.mul.Scalar", [b.op("torch.aten.cos", [angle], t),
                                                   b.float(coeff)], t))
    window = b.op("torch.aten.add.Tensor", [terms[0], terms[1], b.int(1)], t)
    window = b.op("torch.aten.add.Scalar", [window, b.float(0.42), b.int(1)], t)
    return emit.to_dtype(b, window, out)


TABLE = [
    ("Bernoulli", 15, bernoulli),
    ("BlackmanWindow", 17, blackman_window),
]


def populate(registry) -> None:
    """Register the Bernoulli and BlackmanWindow patterns."""
    register_table(registry, TABLE)
