"""Pieces shared by the ops that generate their values, across shards: the dtype attribute
of random draws and windows, the decline of seeded draws, and the cosine-sum windows
(BlackmanWindow, HammingWindow, HannWindow)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from torch_mlir import ir

from .. import dtypes, emit
from ..binder import Binder, Unsupported


def target_dtype(b: Binder, attr: str, default: str) -> str:
    """The MLIR element type named by ONNX dtype attribute `attr` (or `default`)."""
    if not b.has_attr(attr):
        return default
    code = b.attr_int(attr)
    elt = dtypes.onnx_to_mlir(code)
    if elt is None:
        raise Unsupported(f"unknown {attr} {code}")
    b.torch_dtype_of(elt)
    return elt


def decline_seed(b: Binder, op: str) -> None:
    """Declines a draw with a `seed` attribute: the torch ops draw from the runtime's
    generator, which takes no seed, so ONNX's seeded stream cannot be reproduced."""
    if b.has_attr("seed"):
        raise Unsupported(f"a seeded draw cannot be expressed: {op} takes no seed")


def scalar_size(b: Binder, size: ir.Value) -> tuple[ir.Value, int | None]:
    """A one-element integer operand as a `!torch.int`, and its value when constant."""
    if b.shape(size) not in ((), (1,)):
        raise Unsupported("'size' must be a scalar")
    vals = b.const_value(size)
    if vals is not None:
        n = int(vals.reshape(-1)[0])
        return b.int(n), n
    flat = size if b.shape(size) == () else b.op(
        "torch.aten.squeeze.dim", [size, b.int(0)], b.vtensor([], b.dtype(size)))
    return b.op("torch.aten.item", [flat], b.types.int), None


def cosine_window(b: Binder, a0: float, terms: Sequence[tuple[float, float]]) -> ir.Value:
    """The window a0 + sum(coeff * cos(mult * pi * n / N)) of a *Window-17 op, over
    aten.arange, with N = size (periodic) or size - 1 (symmetric); output_datatype applies."""
    size = b.input(0)
    out = target_dtype(b, "output_datatype", "f32")
    periodic = bool(b.attr_int("periodic", 1))
    n, n_static = scalar_size(b, size)
    if n_static is not None:
        denom = b.int(n_static if periodic else n_static - 1)
    else:
        denom = n if periodic else b.op("torch.aten.sub.int", [n, b.int(1)], b.types.int)
    acc = "f64" if out == "f64" else "f32"
    none = b.none()
    t = b.vtensor([n_static], acc)
    idx = b.op("torch.aten.arange", [n, b.int(b.torch_dtype_of(acc)), none, none, none], t)
    parts = []
    for mult, coeff in terms:
        angle = b.op("torch.aten.div.Scalar", [b.op("torch.aten.mul.Scalar",
                                                    [idx, b.float(mult * math.pi)], t), denom], t)
        parts.append(b.op("torch.aten.mul.Scalar", [b.op("torch.aten.cos", [angle], t),
                                                   b.float(coeff)], t))
    window = parts[0]
    for p in parts[1:]:
        window = b.op("torch.aten.add.Tensor", [window, p, b.int(1)], t)
    window = b.op("torch.aten.add.Scalar", [window, b.float(a0), b.int(1)], t)
    return emit.to_dtype(b, window, out)
