"""Multinomial: inverse-CDF sampling with aten.rand, written out.

ONNX gives unnormalized log-probabilities; aten.multinomial wants probabilities and has no
linalg lowering, so the draw is: cdf = cumsum(softmax(x)), u = aten.rand, and the class is the
number of cdf entries <= u (clamped to the last class against rounding).
"""

from __future__ import annotations

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..generators import decline_seed, target_dtype


def multinomial(b: Binder):
    """Multinomial-7..22 (sample_size, dtype; no seed) -> aten.softmax.int + aten.cumsum +
    aten.rand + aten.ge.Tensor + aten.sum.dim_IntList (+ aten.clamp_max, aten.to.dtype)"""
    decline_seed(b, "aten.rand")
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) != 2:
        raise Unsupported("input must be 2-D [batch_size, class_size]")
    if elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"input dtype {elt} is not a float type")
    out = target_dtype(b, "dtype", "si32")
    if out not in ("si32", "si64"):
        raise Unsupported(f"dtype {out} is not int32 or int64")
    samples = b.attr_int("sample_size", 1)
    if samples < 1:
        raise Unsupported(f"sample_size {samples} must be positive")
    work = "f64" if elt == "f64" else "f32"
    batch, classes = emit.dim_sizes(b, x)
    sb, sc = shape
    x = emit.to_dtype(b, x, work)
    t = b.vtensor(shape, work)
    none = b.none()
    p = b.op("torch.aten.softmax.int", [x, b.int(1), none], t)
    cdf = emit.unsqueeze(b, b.op("torch.aten.cumsum", [p, b.int(1), none], t), 1)
    u = b.op("torch.aten.rand", [b.int_list([batch, samples, 1]), b.int(b.torch_dtype_of(work)),
                                 none, none, none], b.vtensor([sb, samples, 1], work))
    below = b.op("torch.aten.ge.Tensor", [u, cdf], b.vtensor([sb, samples, sc], "i1"))
    below = emit.to_dtype(b, below, "si64")
    idx = b.op("torch.aten.sum.dim_IntList", [below, b.int_list([2]), b.bool(False), none],
               b.vtensor([sb, samples], "si64"))
    last = b.op("torch.aten.sub.int", [emit.int_value(b, classes), b.int(1)], b.types.int) \
        if not isinstance(classes, int) else b.int(classes - 1)
    idx = b.op("torch.aten.clamp_max", [idx, last], b.vtensor([sb, samples], "si64"))
    return emit.to_dtype(b, idx, out)


TABLE = [
    ("Multinomial", 7, multinomial),
]


def populate(registry) -> None:
    """Register Multinomial."""
    register_table(registry, TABLE)
