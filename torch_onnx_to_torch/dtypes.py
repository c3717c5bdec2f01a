"""One table mapping ONNX element types to torch ScalarType codes and MLIR element types.

Rows whose torch code is ``None`` are element types that ONNX has but torch (as torch-mlir
lowers it) cannot hold in a tensor; patterns decline them with the reason given here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class DType(NamedTuple):
    onnx: int  # onnx.TensorProto.DataType code
    name: str  # ONNX name
    torch: int | None  # c10::ScalarType code, None if torch cannot hold it
    mlir: str  # MLIR element type as it appears in !torch.vtensor<[..],ELT>
    numpy: object | None  # numpy dtype for constant reading, None if numpy lacks it


_ROWS = [
    DType(1, "FLOAT", 6, "f32", np.float32),
    DType(2, "UINT8", 0, "ui8", np.uint8),
    DType(3, "INT8", 1, "si8", np.int8),
    DType(4, "UINT16", None, "ui16", np.uint16),
    DType(5, "INT16", 2, "si16", np.int16),
    DType(6, "INT32", 3, "si32", np.int32),
    DType(7, "INT64", 4, "si64", np.int64),
    DType(8, "STRING", None, "!torch.str", None),
    DType(9, "BOOL", 11, "i1", np.bool_),
    DType(10, "FLOAT16", 5, "f16", np.float16),
    DType(11, "DOUBLE", 7, "f64", np.float64),
    DType(12, "UINT32", None, "ui32", np.uint32),
    DType(13, "UINT64", None, "ui64", np.uint64),
    DType(14, "COMPLEX64", 9, "complex<f32>", np.complex64),
    DType(15, "COMPLEX128", 10, "complex<f64>", np.complex128),
    DType(16, "BFLOAT16", 15, "bf16", None),
    DType(17, "FLOAT8E4M3FN", 24, "f8E4M3FN", None),
    DType(18, "FLOAT8E4M3FNUZ", 26, "f8E4M3FNUZ", None),
    DType(19, "FLOAT8E5M2", 23, "f8E5M2", None),
    DType(20, "FLOAT8E5M2FNUZ", 25, "f8E5M2FNUZ", None),
    DType(21, "UINT4", None, "ui4", None),
    DType(22, "INT4", None, "si4", None),
    DType(23, "FLOAT4E2M1", None, "f4E2M1FN", None),
    DType(24, "FLOAT8E8M0", None, "f8E8M0FNU", None),
    DType(25, "UINT2", None, "ui2", None),
    DType(26, "INT2", None, "si2", None),
]

BY_ONNX: dict[int, DType] = {r.onnx: r for r in _ROWS}
BY_NAME: dict[str, DType] = {r.name: r for r in _ROWS}
BY_MLIR: dict[str, DType] = {r.mlir: r for r in _ROWS}
BY_TORCH: dict[int, DType] = {r.torch: r for r in _ROWS if r.torch is not None}

FLOAT_TYPES = frozenset(
    ["f16", "bf16", "f32", "f64", "f8E4M3FN", "f8E4M3FNUZ", "f8E5M2", "f8E5M2FNUZ"]
)
SIGNED_INT_TYPES = frozenset(["si8", "si16", "si32", "si64"])
UNSIGNED_INT_TYPES = frozenset(["ui8", "ui16", "ui32", "ui64"])
# Bit widths of the integer element types.
INT_BITS = {"ui8": 8, "ui16": 16, "ui32": 32, "ui64": 64,
            "si8": 8, "si16": 16, "si32": 32, "si64": 64}


def is_float(mlir_elt: str | None) -> bool:
    """True for floating-point MLIR element types."""
    return mlir_elt in FLOAT_TYPES


def is_integer(mlir_elt: str | None) -> bool:
    """True for (signed or unsigned) integer element types, bool excluded."""
    return mlir_elt in SIGNED_INT_TYPES or mlir_elt in UNSIGNED_INT_TYPES


def onnx_to_mlir(onnx_code: int) -> str | None:
    """MLIR element type for an ONNX dtype code, None if unknown."""
    row = BY_ONNX.get(onnx_code)
    return row.mlir if row else None


def torch_code_of_onnx(onnx_code: int) -> tuple[int | None, str]:
    """(torch ScalarType code, ONNX name) for an ONNX dtype; code None if torch cannot hold it."""
    row = BY_ONNX.get(onnx_code)
    if row is None:
        return None, f"unknown ONNX dtype {onnx_code}"
    return row.torch, row.name


def torch_code_of_mlir(mlir_elt: str) -> int | None:
    """torch ScalarType code of an MLIR element type, None if torch cannot hold it."""
    row = BY_MLIR.get(mlir_elt)
    return row.torch if row else None


_BITS = {"f16": 16, "bf16": 16, "f32": 32, "f64": 64, "ui8": 8, "si8": 8, "si16": 16,
         "si32": 32, "si64": 64, "i1": 1}


def promote(a: str, b: str) -> str | None:
    """torch's result dtype for a binary op on tensors of dtypes `a` and `b` (None if unknown)."""
    if a == b:
        return a
    if a not in _BITS or b not in _BITS:
        return None
    fa, fb = is_float(a), is_float(b)
    if fa != fb:
        return a if fa else b
    if {a, b} == {"f16", "bf16"}:
        return "f32"
    if {a, b} == {"ui8", "si8"}:
        return "si16"
    if "i1" in (a, b):
        return b if a == "i1" else a
    return a if _BITS[a] >= _BITS[b] else b
