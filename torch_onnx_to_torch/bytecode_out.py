"""Writing a module as MLIR bytecode to a file without copying its blobs.

The bindings' `Operation.write_bytecode(file)` hands each chunk the writer emits to `file.write`
as a new `bytes` object: for a weight of N bytes that is a transient copy of N bytes (a 2 GB
embedding table doubles the peak memory). Here the same C API function,
`mlirOperationWriteBytecode`, is called through ctypes with a callback that writes each chunk
to the file descriptor from the writer's own memory (for a weight: the mapped file). If the
C API library cannot be reached, the bindings' method is used.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from torch_mlir import ir


class _StringRef(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("length", ctypes.c_size_t)]


class _Operation(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p)]


_CALLBACK = ctypes.CFUNCTYPE(None, _StringRef, ctypes.c_void_p)
_capi = None


def _write_function():
    """`mlirOperationWriteBytecode` of the library the bindings use, or None."""
    global _capi
    if _capi is None:
        _capi = False
        import torch_mlir._mlir_libs as libs

        path = Path(libs.__file__).parent / "libTorchMLIRAggregateCAPI.so"
        try:
            fn = ctypes.CDLL(str(path)).mlirOperationWriteBytecode
        except (OSError, AttributeError):
            return None
        fn.argtypes = [_Operation, _CALLBACK, ctypes.c_void_p]
        fn.restype = None
        _capi = fn
    return _capi or None


def _operation_pointer(op: ir.Operation) -> int | None:
    capsule = op._CAPIPtr
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype, get_name.argtypes = ctypes.c_char_p, [ctypes.py_object]
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    return get_pointer(capsule, get_name(capsule))


def write_bytecode(module: ir.Module, file: BinaryIO,
                   on_bytes: Callable[[int], None] | None = None) -> None:
    """Write `module` as bytecode to `file` (an open binary file with a descriptor) without
    copying its resource blobs; OSError if a write fails. `on_bytes(n)` is told of each chunk
    written."""
    fn = _write_function()
    try:
        fd = file.fileno()
        op = _operation_pointer(module.operation)
    except (AttributeError, OSError, ValueError, TypeError):
        fd = op = None
    if fn is None or fd is None or not op:
        module.operation.write_bytecode(file)
        return
    file.flush()
    failure: list[OSError] = []

    def write(chunk: _StringRef, _user_data) -> None:
        if failure or not chunk.length:
            return
        view = memoryview((ctypes.c_char * chunk.length).from_address(chunk.data)).cast("B")
        try:
            while view:
                view = view[os.write(fd, view):]
        except OSError as e:  # the writer cannot be stopped: remember, skip the rest
            failure.append(e)
        if on_bytes is not None:
            on_bytes(chunk.length)

    callback = _CALLBACK(write)
    fn(_Operation(op), callback, None)
    if failure:
        raise failure[0]
