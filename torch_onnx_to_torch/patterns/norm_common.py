"""Mean / variance logic shared by the normalizations of both shards (Layer-, Group-,
Instance-, MeanVariance- and RMSNormalization).

Everything is explicit `aten.mean.dim` / `aten.sub` / `aten.mul` / `aten.rsqrt` rather than
`aten.native_layer_norm` & co.: ONNX's `stash_type` asks for the statistics in another precision
than the input, the Mean / InvStdDev outputs must be exposed, and the explicit form lowers
everywhere (IREE fuses it back).
"""

from __future__ import annotations

from collections.abc import Sequence

from torch_mlir import ir

from .. import dtypes, emit
from ..binder import Binder, Unsupported


def keep_shape(shape, dims: Sequence[int]):
    """`shape` with `dims` reduced to 1 (keepdim=True)."""
    return None if shape is None else [1 if i in dims else d for i, d in enumerate(shape)]


def mean(b: Binder, x: ir.Value, dims: Sequence[int]) -> ir.Value:
    """`aten.mean.dim(x, dims, keepdim=True)`."""
    shape, elt = b.tensor_info(x)
    return b.op("torch.aten.mean.dim", [x, b.int_list(list(dims)), b.bool(True), b.none()],
                b.vtensor(keep_shape(shape, dims), elt))


def stash_dtype(b: Binder, x: ir.Value) -> str:
    """The element type of the statistics: `stash_type` (default float) where the op has it,
    else the input's own."""
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"normalization of {elt} is not supported")
    code = b.attr_int("stash_type", 1)
    stash = dtypes.onnx_to_mlir(code)
    if stash is None or not dtypes.is_float(stash):
        raise Unsupported(f"stash_type {code} is not a float type")
    return stash


def standardize(b: Binder, x: ir.Value, dims: Sequence[int], epsilon: float,
                stash: str | None = None):
    """(x - mean) / sqrt(var + epsilon) over `dims` (population variance), computed in `stash`
    (default: x's dtype). Returns (normalized, mean, 1 / sqrt(var + epsilon)), all in `stash`,
    the statistics with the reduced dims kept as 1."""
    x = emit.to_dtype(b, x, stash or b.dtype(x))
    mu = mean(b, x, dims)
    d = emit.binary(b, "sub", x, mu)
    var = mean(b, emit.binary(b, "mul", d, d), dims)
    inv_std = emit.unary(b, "rsqrt", emit.add_scalar(b, var, epsilon))
    return emit.binary(b, "mul", d, inv_std), mu, inv_std


def rms_normalize(b: Binder, x: ir.Value, dims: Sequence[int], epsilon: float,
                  stash: str | None = None) -> ir.Value:
    """x / sqrt(mean(x^2) + epsilon) over `dims`, computed in `stash` (default: x's dtype)."""
    x = emit.to_dtype(b, x, stash or b.dtype(x))
    ms = mean(b, emit.binary(b, "mul", x, x), dims)
    return emit.binary(b, "mul", x, emit.unary(b, "rsqrt", emit.add_scalar(b, ms, epsilon)))


def per_channel(b: Binder, v: ir.Value, rank: int, channel_dim: int = 1) -> ir.Value:
    """A 1-D [C] tensor reshaped to broadcast along dim `channel_dim` of a rank-`rank` tensor."""
    shape = b.shape(v)
    if shape is None or len(shape) != 1:
        raise Unsupported(f"expected a 1-D per-channel tensor, got {b.tensor_info(v)}")
    trailing = rank - channel_dim - 1
    return emit.reshape(b, v, [emit.size(b, v, 0)] + [1] * trailing, [shape[0]] + [1] * trailing)
