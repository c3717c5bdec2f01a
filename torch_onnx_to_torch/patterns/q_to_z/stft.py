"""STFT: frames gathered with aten.index_select, windowed, then DFT's matrix transform."""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..a_to_f.dft import _scalar_input, _transform
from ..families import register_table


def stft(b: Binder):
    """STFT-17 (frame_step, window, frame_length, onesided; constant or run-time sizes) ->
    aten.arange frame indices + aten.index_select + aten.reshape, aten.mul.Tensor by the
    window, DFT's aten.matmul with cos/sin matrices"""
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) != 3 or shape[2] not in (1, 2):
        raise Unsupported("signal must be [batch, signal_length, 1 or 2]")
    if elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"signal dtype {elt} is not supported")
    step = _scalar_input(b, b.input(1), "frame_step")
    window = b.optional_input(2)
    fl_v = b.optional_input(3)
    batch, length, parts = emit.dim_sizes(b, x)
    if fl_v is not None:
        fl = _scalar_input(b, fl_v, "frame_length")
    elif window is not None:
        w_shape = b.shape(window)
        if w_shape is None or len(w_shape) != 1:
            raise Unsupported("window must be 1-D")
        fl = emit.dim_sizes(b, window)[0]
    else:
        fl = length
    if isinstance(fl, int) and fl < 1 or isinstance(step, int) and step < 1:
        raise Unsupported("frame_length and frame_step must be positive")
    frames = emit.int_add(b, emit.int_floordiv(b, emit.int_sub(b, length, fl), step), 1)
    if isinstance(frames, int) and frames < 1:
        raise Unsupported("the signal is shorter than one frame")

    def arange(n, shape):
        return emit.reshape(b, emit.arange(b, n), shape, emit.static_or_none(shape))

    starts = arange(frames, [frames, 1])
    starts = b.op("torch.aten.mul.Scalar", [starts, emit.int_value(b, step)], starts.type)
    idx_shape = emit.static_or_none([frames, fl])
    idx = b.op("torch.aten.add.Tensor", [starts, arange(fl, [1, fl]), b.int(1)],
               b.vtensor(idx_shape, "si64"))
    n_idx = emit.int_mul(b, frames, fl)
    idx = emit.reshape(b, idx, [n_idx], emit.static_or_none([n_idx]))
    y = b.op("torch.aten.index_select", [x, b.int(1), idx],
             b.vtensor(emit.static_or_none([batch, n_idx, parts]), elt))
    dims = [batch, frames, fl, parts]
    y = emit.reshape(b, y, dims, emit.static_or_none(dims))
    if window is not None:
        w = emit.to_dtype(b, window, elt)
        w = emit.reshape(b, w, [fl, 1], emit.static_or_none([fl, 1]))
        y = b.op("torch.aten.mul.Tensor", [y, w], y.type)
    onesided = bool(b.attr_int("onesided", 1))
    return _transform(b, y, 2, fl, False, onesided)


TABLE = [
    ("STFT", 17, stft),
]


def populate(registry) -> None:
    """Register STFT."""
    register_table(registry, TABLE)
