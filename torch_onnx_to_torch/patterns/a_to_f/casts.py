"""Cast and CastLike: every element-type pair torch can hold, float8 with ONNX's `saturate`."""

from __future__ import annotations

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported

# Largest finite value of each float8 type: `saturate=1` clamps to it (Inf included).
_F8_MAX = {"f8E4M3FN": 448.0, "f8E4M3FNUZ": 240.0, "f8E5M2": 57344.0, "f8E5M2FNUZ": 57344.0}


def _check_holdable(elt: str) -> None:
    row = dtypes.BY_MLIR.get(elt)
    if row is None:
        raise Unsupported(f"dtype {elt} is not an ONNX tensor dtype torch knows")
    if row.name == "STRING":
        raise Unsupported("string tensors have no torch equivalent")
    if row.torch is None:
        raise Unsupported(f"dtype {row.name} has no torch equivalent")


def _keep_nan_clamp(b: Binder, x: ir.Value, lo: float, hi: float) -> ir.Value:
    """aten.clamp that keeps NaN: the linalg lowering of clamp turns NaN into `lo`."""
    shape, elt = b.tensor_info(x)
    clamped = b.op("torch.aten.clamp", [x, b.float(lo), b.float(hi)], b.vtensor(shape, elt))
    nan = b.op("torch.aten.isnan", [x], b.vtensor(shape, "i1"))
    return b.op("torch.aten.where.self", [nan, x, clamped], b.vtensor(shape, elt))


def _from_f8(b: Binder, x: ir.Value) -> ir.Value:
    """A float8 tensor widened to f32."""
    y = emit.to_dtype(b, x, "f32")
    if b.dtype(x) == "f8E4M3FN":
        # The lowering decodes E4M3FN's NaN (S.1111.111) as +-480, a value the type cannot hold.
        shape = b.shape(y)
        mag = b.op("torch.aten.abs", [y], b.vtensor(shape, "f32"))
        bad = b.op("torch.aten.eq.Scalar", [mag, b.float(480.0)], b.vtensor(shape, "i1"))
        y = b.op("torch.aten.where.ScalarSelf", [bad, b.float(float("nan")), y],
                 b.vtensor(shape, "f32"))
    return y


def cast_to(b: Binder, x: ir.Value, target: str, saturate: bool) -> ir.Value:
    """`x` converted to element type `target` with ONNX Cast semantics."""
    src = b.dtype(x)
    _check_holdable(src)
    _check_holdable(target)
    dst_f8 = target in _F8_MAX
    if src == target and not (dst_f8 and saturate):
        return x
    if src in _F8_MAX:
        x = _from_f8(b, x)
    elif dst_f8:
        # The lowering converts to float8 only from f32: exact for f16/bf16 values, and
        # integers beyond 2**24 are out of every float8 range whatever their rounding. f64 is
        # rounded to f32 first, as the ONNX reference implementation and onnxruntime do.
        x = emit.to_dtype(b, x, "f32")
    elif target == "bf16" and not dtypes.is_float(src):
        # An integer -> bf16 conversion links against a runtime helper IREE lacks
        # (__truncsfbf2), and int -> f32 -> bf16 is folded back into it; adding 0.0 (exact:
        # an integer is never -0.0) keeps the two steps apart. torch rounds through f32 too.
        x = emit.to_dtype(b, x, "f32")
        x = b.op("torch.aten.add.Scalar", [x, b.float(0.0), b.int(1)], b.vtensor(b.shape(x), "f32"))
    if not dst_f8:
        if target == "ui8" and dtypes.is_float(b.dtype(x)):
            # The lowering converts float -> ui8 as signed (128.0 becomes 127); through si32
            # every value in ui8's range is exact.
            x = emit.to_dtype(b, x, "si32")
        return emit.to_dtype(b, x, target)
    if saturate:
        x = _keep_nan_clamp(b, x, -_F8_MAX[target], _F8_MAX[target])
    return emit.to_dtype(b, x, target)


def _target_of_cast(b: Binder) -> str:
    if b.opset < 6:  # Cast-1 names the target type as a string
        to = b.attr_str("to")
        row = dtypes.BY_NAME.get(to.upper())
    else:
        to = b.attr_int("to")
        row = dtypes.BY_ONNX.get(to)
    if row is None:
        raise Unsupported(f"unknown target dtype {to}")
    return row.mlir


def _saturate(b: Binder) -> bool:
    return bool(b.attr_int("saturate", 1)) if b.opset >= 19 else True


def cast(b: Binder):
    """Cast-1..28 -> aten.to.dtype (float8 targets: aten.clamp for saturate=1, NaN kept)."""
    return cast_to(b, b.input(0), _target_of_cast(b), _saturate(b))


def cast_like(b: Binder):
    """CastLike-15..25 -> aten.to.dtype to the dtype of `target_type`, as Cast."""
    return cast_to(b, b.input(0), b.dtype(b.input(1)), _saturate(b))


TABLE = [
    ("Cast", 1, cast),
    ("CastLike", 15, cast_like),
]


def populate(registry) -> None:
    """Register Cast and CastLike."""
    for name, since, handler in TABLE:
        registry.register(name, since, handler)
