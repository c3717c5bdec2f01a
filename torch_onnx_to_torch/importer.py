"""ONNX model -> MLIR module with `torch.operator "onnx.*"` ops, via torch-mlir's importer.

Errors in the input (missing file, corrupt protobuf, unsupported IR version, external data that
escapes its directory) are raised as :class:`ImportFailure` with a one-line message.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import onnx
from onnx import shape_inference

from torch_mlir import ir
from torch_mlir.dialects import torch as torch_d
from torch_mlir.extras import onnx_importer

_TWO_GB = 2**31 - 1


class ImportFailure(Exception):
    """The model could not be loaded or imported; the message says why."""


def _check_external_paths(model: onnx.ModelProto, data_dir: Path) -> None:
    """Refuse external-data locations that escape `data_dir`."""
    root = data_dir.resolve()
    for t in onnx.external_data_helper._get_all_tensors(model):
        if t.data_location != onnx.TensorProto.EXTERNAL:
            continue
        for entry in t.external_data:
            if entry.key == "location":
                target = (root / entry.value).resolve()
                if root != target and root not in target.parents:
                    raise ImportFailure(
                        f"external data '{entry.value}' of tensor '{t.name}' escapes {root}")
                if not target.is_file():
                    raise ImportFailure(f"external data file {target} is missing")


def load_model(path: str | os.PathLike, data_dir: str | os.PathLike | None = None,
               opset_version: int | None = None, infer_shapes: bool = True
               ) -> onnx.ModelProto:
    """Load, optionally upgrade, and shape-infer an ONNX model (file-based above 2 GB)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(f"no such file: {path}")
    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as e:  # protobuf raises DecodeError and friends
        raise ImportFailure(f"{path} is not a valid ONNX model: {type(e).__name__}: {e}")
    if model.ir_version > onnx.IR_VERSION:
        raise ImportFailure(f"{path} has IR version {model.ir_version}; this onnx supports up "
                            f"to {onnx.IR_VERSION}")
    ddir = Path(data_dir) if data_dir is not None else path.parent
    _check_external_paths(model, ddir)
    try:
        onnx.load_external_data_for_model(model, str(ddir))
    except Exception as e:
        raise ImportFailure(f"cannot load external data from {ddir}: {e}")
    if opset_version:
        try:
            model = onnx.version_converter.convert_version(model, opset_version)
        except Exception as e:
            raise ImportFailure(f"cannot convert {path} to opset {opset_version}: {e}")
    if infer_shapes:
        model = _infer_shapes(model)
    return model


def _infer_shapes(model: onnx.ModelProto) -> onnx.ModelProto:
    if model.ByteSize() < _TWO_GB:
        try:
            return shape_inference.infer_shapes(model, data_prop=True)
        except Exception:
            return model  # the importer copes with missing value infos
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.onnx"), os.path.join(tmp, "out.onnx")
        onnx.save(model, src, save_as_external_data=True, all_tensors_to_one_file=True,
                  location="in.data")
        shape_inference.infer_shapes_path(src, dst)
        out = onnx.load(dst, load_external_data=False)
        onnx.load_external_data_for_model(out, tmp)
        return out


def new_context() -> ir.Context:
    """A context with the torch dialect registered."""
    ctx = ir.Context()
    torch_d.register_dialect(ctx)
    return ctx


def import_model(model: onnx.ModelProto, context: ir.Context | None = None) -> ir.Module:
    """Import `model` with torch-mlir's ONNX importer into a new module."""
    context = context or new_context()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            info = onnx_importer.ModelInfo(model)
            module = info.create_module(context=context)
            imp = onnx_importer.NodeImporter.define_function(info.main_graph, module.operation)
            imp.import_all()
    except Exception as e:
        raise ImportFailure(f"import failed: {type(e).__name__}: {e}") from None
    return module
