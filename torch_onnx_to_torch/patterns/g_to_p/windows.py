"""Signal-processing tables: HammingWindow, HannWindow (cosine-sum windows, shared with
BlackmanWindow) and MelWeightMatrix (computed at conversion time)."""

from __future__ import annotations

import math

import numpy as np
from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..generators import cosine_window, target_dtype


def hamming_window(b: Binder):
    """HammingWindow-17 (periodic, output_datatype, constant or run-time size) ->
    25/46 - 21/46 cos(2 pi n / N) over aten.arange, + aten.to.dtype"""
    return cosine_window(b, 25.0 / 46.0, [(2.0, -21.0 / 46.0)])


def hann_window(b: Binder):
    """HannWindow-17 (periodic, output_datatype, constant or run-time size) ->
    0.5 - 0.5 cos(2 pi n / N) over aten.arange, + aten.to.dtype"""
    return cosine_window(b, 0.5, [(2.0, -0.5)])


def _mel_matrix(num_mel_bins, dft_length, sample_rate, lower, upper) -> np.ndarray:
    """The [dft_length // 2 + 1, num_mel_bins] triangular filter bank, as ONNX defines it
    (float64, in the reference's order of operations)."""
    n_spec = int(dft_length) // 2 + 1
    bins = np.arange(0, int(num_mel_bins) + 2)
    low_mel = 2595 * np.log1p(lower / 700) / np.log(10)
    high_mel = 2595 * np.log1p(upper / 700) / np.log(10)
    step = (high_mel - low_mel) / bins.shape[0]
    freq = 700 * np.expm1((bins * step + low_mel) / 2595 * np.log(10))
    edges = (((dft_length + 1) * freq) // sample_rate).astype(int)
    out = np.zeros((n_spec, int(num_mel_bins)))
    for i in range(int(num_mel_bins)):
        left, center, right = edges[i], edges[i + 1], edges[i + 2]
        if center == left:
            out[center, i] = 1
        else:
            for j in range(left, center + 1):
                out[j, i] = float(j - left) / float(center - left)
        if right > center:
            for j in range(center, right):
                out[j, i] = float(right - j) / float(right - center)
    return out


# Above this many entries the matrix is not stored inline.
_MAX_ENTRIES = 1 << 20


def _runtime_mel(b: Binder, n_spec: int, num_mel: int, operands, out: str) -> ir.Value:
    """The filter bank from run-time inputs, for a static result shape [n_spec, num_mel]:
    the band edges with aten.log1p/expm1/floor in f64 (the reference's precision), then
    each entry from its row's position against its column's left/center/right edges."""
    _, dft, rate, lower, upper = (_f64_scalar(b, v) for v in operands)
    s = b.vtensor([], "f64")

    def mel(hz):
        v = b.op("torch.aten.div.Scalar", [hz, b.float(700.0)], s)
        v = b.op("torch.aten.log1p", [v], s)
        return b.op("torch.aten.mul.Scalar", [v, b.float(2595.0 / math.log(10))], s)

    low = mel(lower)
    step = b.op("torch.aten.sub.Tensor", [mel(upper), low, b.int(1)], s)
    step = b.op("torch.aten.div.Scalar", [step, b.int(num_mel + 2)], s)
    none = b.none()
    t = b.vtensor([num_mel + 2], "f64")
    bins = b.op("torch.aten.arange", [b.int(num_mel + 2), b.int(b.torch_dtype_of("f64")), none,
                                      none, none], t)
    hz = b.op("torch.aten.add.Tensor", [b.op("torch.aten.mul.Tensor", [bins, step], t), low,
                                        b.int(1)], t)
    hz = b.op("torch.aten.div.Scalar", [hz, b.float(2595.0)], t)
    hz = b.op("torch.aten.mul.Scalar", [hz, b.float(math.log(10))], t)
    hz = b.op("torch.aten.mul.Scalar", [b.op("torch.aten.expm1", [hz], t), b.float(700.0)], t)
    edges = b.op("torch.aten.mul.Tensor",
                 [hz, b.op("torch.aten.add.Scalar", [dft, b.int(1), b.int(1)], s)], t)
    edges = b.op("torch.aten.floor", [b.op("torch.aten.div.Tensor", [edges, rate], t)], t)
    row = b.vtensor([1, num_mel], "f64")

    def edge(start):
        e = b.op("torch.aten.slice.Tensor", [edges, b.int(0), b.int(start),
                                             b.int(start + num_mel), b.int(1)],
                 b.vtensor([num_mel], "f64"))
        return emit.unsqueeze(b, e, 0)

    left, center, right = edge(0), edge(1), edge(2)
    j = b.op("torch.aten.arange", [b.int(n_spec), b.int(b.torch_dtype_of("f64")), none, none,
                                   none], b.vtensor([n_spec], "f64"))
    j = emit.unsqueeze(b, j, 1)
    full, mask = b.vtensor([n_spec, num_mel], "f64"), b.vtensor([n_spec, num_mel], "i1")

    def binop(name, x, y, typ=full):
        return b.op(name, [x, y] + ([b.int(1)] if name.endswith("sub.Tensor") else []), typ)

    rise = binop("torch.aten.div.Tensor", binop("torch.aten.sub.Tensor", j, left),
                 binop("torch.aten.sub.Tensor", center, left, row))
    fall = binop("torch.aten.div.Tensor", binop("torch.aten.sub.Tensor", right, j),
                 binop("torch.aten.sub.Tensor", right, center, row))
    in_rise = b.op("torch.aten.logical_and", [binop("torch.aten.ge.Tensor", j, left, mask),
                                              binop("torch.aten.lt.Tensor", j, center, mask)],
                   mask)
    in_fall = b.op("torch.aten.logical_and", [binop("torch.aten.gt.Tensor", j, center, mask),
                                              binop("torch.aten.lt.Tensor", j, right, mask)],
                   mask)
    peak = binop("torch.aten.eq.Tensor", j, center, mask)
    y = b.op("torch.aten.where.ScalarOther", [in_fall, fall, b.float(0.0)], full)
    y = b.op("torch.aten.where.self", [in_rise, rise, y], full)
    y = b.op("torch.aten.where.ScalarSelf", [peak, b.float(1.0), y], full)
    return emit.to_dtype(b, y, out)


def _f64_scalar(b: Binder, v: ir.Value) -> ir.Value:
    """A one-element operand as a rank-0 f64 tensor."""
    shape = b.shape(v)
    if shape is None or None in shape or math.prod(shape) != 1:
        raise Unsupported("MelWeightMatrix inputs must be scalars")
    if shape:
        v = emit.reshape(b, v, [], [])
    return emit.to_dtype(b, v, "f64")


def mel_weight_matrix(b: Binder):
    """MelWeightMatrix-17 (output_datatype) -> a torch.vtensor.literal computed at conversion
    time for constant inputs; else, for a static result shape, the triangles from
    aten.arange/log1p/expm1/floor and aten.where (+ aten.to.dtype)"""
    names = ("num_mel_bins", "dft_length", "sample_rate", "lower_edge_hertz",
             "upper_edge_hertz")
    operands = [b.input(i) for i in range(5)]
    out = target_dtype(b, "output_datatype", "f32")
    vals = [b.const_value(v) for v in operands]
    if any(v is None for v in vals):
        # The output shape depends on num_mel_bins and dft_length: take it from the result.
        want = b.shape(b.result_type())
        if want is None or len(want) != 2 or None in want:
            missing = [n for n, v in zip(names, vals) if v is None]
            raise Unsupported(f"run-time {', '.join(missing)} need a static 2-D result shape")
        return _runtime_mel(b, want[0], want[1], operands, out)
    if any(v.size != 1 for v in vals):
        raise Unsupported("MelWeightMatrix inputs must be scalars")
    vals = [v.reshape(()) for v in vals]
    num_mel, dft_length, rate = (int(v) for v in vals[:3])
    if num_mel < 1 or dft_length < 1 or rate < 1:
        raise Unsupported("num_mel_bins, dft_length and sample_rate must be positive")
    if (dft_length // 2 + 1) * num_mel > _MAX_ENTRIES:
        raise Unsupported("the matrix is too large to store inline")
    try:
        table = _mel_matrix(*vals)
    except IndexError:
        raise Unsupported("the upper edge maps beyond the last spectrogram bin") from None
    if out == "bf16":
        return emit.to_dtype(b, emit.array_literal(b, table, "f32"), "bf16")
    return emit.array_literal(b, table, out)


TABLE = [
    ("HammingWindow", 17, hamming_window),
    ("HannWindow", 17, hann_window),
    ("MelWeightMatrix", 17, mel_weight_matrix),
]


def populate(registry) -> None:
    """Register HammingWindow, HannWindow and MelWeightMatrix."""
    register_table(registry, TABLE)
