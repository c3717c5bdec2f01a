"""ONNX model -> MLIR module with `torch.operator "onnx.*"` ops, via torch-mlir's importer.

Errors in the input (missing file, corrupt protobuf, unsupported IR version, external data that
escapes its directory) are raised as :class:`ImportFailure` with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import onnx
from google.protobuf.message import DecodeError
from onnx import shape_inference
from torch_mlir import ir
from torch_mlir.extras import onnx_importer

from . import contrib_import
from .binder import INLINE_BYTES, dense_from_bytes, new_context  # new_context: part of the API
from .params import Parameters, ParamImporter
from .weights import (
    ExternalDataError,
    MappedWeights,
    is_external,
    nbytes,
    offset_of,
    read_detached,
    resource_from_view,
)

_TWO_GB = 2**31 - 1
# upb's default recursion limit when parsing (google.protobuf's Python parser).
_PROTOBUF_DEPTH = 100


class ImportFailure(Exception):
    """The model could not be loaded or imported; the message says why."""


def read_model(path: str | os.PathLike) -> onnx.ModelProto:
    """The model proto at `path`, without its external data; checks the IR version."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(f"no such file: {path}")
    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as e:  # protobuf raises DecodeError and friends
        why = f"{type(e).__name__}: {_one_line(e)}"
        if "MaxDepth" in why:  # upb's recursion limit: deeply nested subgraphs
            why = (f"its messages nest deeper than protobuf's limit of {_PROTOBUF_DEPTH} "
                   "levels (each If/Loop/Scan body takes 3: about 32 nested subgraphs)")
        raise ImportFailure(f"{path} is not a valid ONNX model: {why}") from None
    _check_model(model, path)
    return model


def _check_model(model: onnx.ModelProto, path: Path) -> None:
    if not model.HasField("graph"):
        raise ImportFailure(f"{path} is not a valid ONNX model: it has no graph")
    if model.ir_version > onnx.IR_VERSION:
        raise ImportFailure(f"{path} has IR version {model.ir_version}; this onnx supports up "
                            f"to {onnx.IR_VERSION}")


def check_required_inputs(model: onnx.ModelProto) -> None:
    """Refuse a node whose required input is empty: ONNX shape inference crashes (a segfault)
    on some of those, e.g. a RegexFullMatch without its input."""
    opsets = {i.domain or "": i.version for i in model.opset_import}
    single = onnx.defs.OpSchema.FormalParameterOption.Single
    cache: dict = {}

    for node in walk_nodes(model.graph):
        key = (node.domain or "", node.op_type)
        if key not in cache:
            try:
                s = onnx.defs.get_schema(node.op_type, max(1, opsets.get(key[0], 1)), key[0])
                cache[key] = [p.option == single for p in s.inputs]
            except Exception:
                cache[key] = []
        for i, (name, required) in enumerate(zip(node.input, cache[key])):
            if required and not name:
                what = f"'{node.name}' ({node.op_type})" if node.name else node.op_type
                raise ImportFailure(f"node {what}: required input #{i} is empty")


def load_external(model: onnx.ModelProto, data_dir: str | os.PathLike) -> None:
    """Load the model's external tensors from `data_dir` into the proto; a location that is
    not allowed (see weights.MappedWeights), a missing file or data that does not fit is an
    ImportFailure naming the tensor."""
    weights = MappedWeights(data_dir)
    try:
        weights.check(model)
        weights.load_all(model)
    except ExternalDataError as e:
        raise ImportFailure(str(e)) from None


def upgrade_opset(model: onnx.ModelProto, opset_version: int) -> onnx.ModelProto:
    """The model converted to `opset_version` of the default domain by onnx's converter."""
    try:
        return onnx.version_converter.convert_version(model, opset_version)
    except Exception as e:
        raise ImportFailure(f"cannot convert the model to opset {opset_version}: "
                            f"{_one_line(e)}") from None


def load_model(path: str | os.PathLike, data_dir: str | os.PathLike | None = None,
               opset_version: int | None = None, infer_shapes: bool = True,
               progress: Callable[[str], None] | None = None) -> onnx.ModelProto:
    """Load, optionally upgrade, and shape-infer an ONNX model (file-based above 2 GB).

    `progress(message)` is called after each step that was done.
    """
    note = progress or (lambda message: None)
    model = read_model(path)
    note(f"read {path}: {count_nodes(model.graph)} nodes, "
         f"{len(model.graph.initializer)} initializers")
    try:
        check_required_inputs(model)
    except ImportFailure as e:
        raise ImportFailure(f"{path}: {e}") from None
    ddir = Path(data_dir) if data_dir is not None else Path(path).parent
    weights = MappedWeights(ddir)
    try:
        ext = weights.check(model)  # before anything reads a location
    except ExternalDataError as e:
        raise ImportFailure(f"{path}: {e}") from None
    if ext + model.ByteSize() >= _TWO_GB:
        # Too big for one protobuf once the data is in: upgrade and shape-infer the proto
        # without its external tensors (as file-based inference would), then load them.
        steps = ["upgrade", "infer", "load"]
    else:
        steps = ["load", "upgrade", "infer"]
    for step in steps:
        if step == "load":
            try:
                weights.load_all(model)
            except ExternalDataError as e:
                raise ImportFailure(f"{path}: {e}") from None
            if ext:
                note(f"loaded {_size(ext)} of external data from {ddir}")
        elif step == "upgrade" and opset_version:
            model = upgrade_opset(model, opset_version)
            note(f"converted to opset {opset_version}")
        elif step == "infer" and infer_shapes:
            model = infer_model_shapes(model)
            note("shape inference")
    return model


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return ""


def walk_nodes(graph: onnx.GraphProto) -> Iterator[onnx.NodeProto]:
    """Every node of `graph` and of its subgraphs (If/Loop/Scan bodies), depth first."""
    for node in graph.node:
        yield node
        for attr in node.attribute:
            if attr.HasField("g"):
                yield from walk_nodes(attr.g)
            for g in attr.graphs:
                yield from walk_nodes(g)


def count_nodes(graph: onnx.GraphProto) -> int:
    """Nodes in `graph` and its subgraphs."""
    return sum(1 for _ in walk_nodes(graph))


def _one_line(e: Exception) -> str:
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    return lines[0] if lines else type(e).__name__


def infer_model_shapes(model: onnx.ModelProto) -> onnx.ModelProto:
    """ONNX shape inference with data propagation; file-based for models of 2 GB or more.

    Shape inference is best effort: if it fails the model is returned as it was, since the
    importer copes with missing value infos.
    """
    try:
        small = model.ByteSize() < _TWO_GB
    except Exception:  # some protobuf builds refuse to size a message past 2 GB
        small = False
    if small:
        return _infer_in_child(model)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.onnx"), os.path.join(tmp, "out.onnx")
        # onnx.save moves the tensors of `model` itself into in.data: they are loaded back
        # before the directory goes, whatever happens (this path holds the data twice;
        # load_model avoids it by inferring before it loads external data).
        onnx.save(model, src, save_as_external_data=True, all_tensors_to_one_file=True,
                  location="in.data")
        try:
            shape_inference.infer_shapes_path(src, dst, data_prop=True)
            out = onnx.load(dst, load_external_data=False)
            onnx.load_external_data_for_model(out, tmp)
        except Exception:
            out = model
        finally:
            onnx.load_external_data_for_model(model, tmp)
        return out


def _infer_in_child(model: onnx.ModelProto) -> onnx.ModelProto:
    """ONNX shape inference in a forked child: it segfaults on some invalid models (e.g.
    LayerNormalization with axis 2**63-1), which must not take the tool down. A child that
    fails or dies leaves the model as it was, like an exception would."""
    if not hasattr(os, "fork"):
        try:
            return shape_inference.infer_shapes(model, data_prop=True)
        except Exception:
            return model
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: infer, send the result, exit without any cleanup
        os.close(r)
        try:
            data = shape_inference.infer_shapes(model, data_prop=True).SerializeToString()
            with os.fdopen(w, "wb") as f:
                f.write(data)
        except BaseException:
            pass
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if not data or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return model
    out = onnx.ModelProto()
    out.ParseFromString(data)
    return out


class _TypeCache(onnx_importer.ContextCache):
    """torch-mlir's ONNX-to-torch type mapping, except for a tensor type without a shape (what
    ONNX shape inference leaves where it cannot tell the rank, often inside Loop/Scan bodies):
    torch-mlir types it rank 0 (`!torch.vtensor<[],f32>`), a wrong type; here it is unranked
    (`!torch.vtensor<*,f32>`), and the pass gives it the type its conversion computes."""

    def type_proto_to_type(self, tp):
        if isinstance(tp, onnx.TypeProto) and tp.HasField("tensor_type"):
            tt = tp.tensor_type
            if tt.elem_type and not tt.HasField("shape"):
                elt = self.tensor_element_type(tt.elem_type)
                return ir.Type.parse(f"!torch.vtensor<*,{elt}>", self._c)
        return super().type_proto_to_type(tp)

    def tensor_proto_to_attr(self, tp: onnx.TensorProto) -> ir.Attribute:
        """Small raw-data tensors (shapes, axes, scalars, small weights) as inline `dense<...>`
        instead of torch-mlir's `dense_resource`: the pass inlines them anyway
        (binder.inline_small_resource), and reading a resource back costs a print of its blob.
        Tensors above binder.INLINE_BYTES stay resources."""
        if tp.HasField("raw_data") and 0 < len(tp.raw_data) <= INLINE_BYTES:
            t = self.tensor_proto_to_builtin_type(tp)
            if isinstance(t, ir.RankedTensorType) and t.has_static_shape:
                attr = dense_from_bytes(tp.raw_data, t)
                if attr is not None:
                    return attr
        return super().tensor_proto_to_attr(tp)


class _MappedCache(_TypeCache):
    """`_TypeCache` that imports external tensors as `dense_resource`s viewing their mapped
    file (see weights.py) instead of bytes read into the proto."""

    def __init__(self, context: ir.Context, weights: MappedWeights):
        super().__init__(context)
        self.weights = weights

    def tensor_proto_to_attr(self, tp: onnx.TensorProto) -> ir.Attribute:
        if is_external(tp):
            return resource_from_view(self.weights.view(tp), self._sanitize_name(tp.name),
                                      self.tensor_proto_to_builtin_type(tp), offset_of(tp))
        return super().tensor_proto_to_attr(tp)


@contextlib.contextmanager
def _counting_nodes(on_node: Callable[[], None] | None):
    """While active, `on_node()` is called after torch-mlir's importer imports each node."""
    if on_node is None:
        yield
        return
    cls = onnx_importer.NodeImporter
    original = cls.import_node

    def import_node(self, node):
        original(self, node)
        on_node()

    cls.import_node = import_node
    try:
        yield
    finally:
        cls.import_node = original


def import_model(model: onnx.ModelProto, context: ir.Context | None = None, *,
                 weights: MappedWeights | None = None,
                 params: Parameters | None = None,
                 on_node: Callable[[], None] | None = None) -> ir.Module:
    """Import `model` with torch-mlir's ONNX importer into a new module (value types without a
    shape come out unranked, see `_TypeCache`). With `weights`, tensors left in external data
    are imported from their mapped files without a copy (see `import_file`); with `params`
    (whose weights are `weights`), the main graph's become IREE parameters instead.
    `on_node()` is called after each node is imported (progress display)."""
    context = context or new_context()
    model = contrib_import.infer_contrib_types(model)
    cache = _MappedCache(context, weights) if weights is not None else _TypeCache(context)
    if params is not None:
        context.allow_unregistered_dialects = True  # util, stream, torch_c (see params.py)
        cache.params = params
    handlers = onnx_importer.ATTRIBUTE_TYPE_HANDLERS
    before = handlers.get(_TYPE_PROTO)
    handlers[_TYPE_PROTO] = _type_attribute
    try:
        with warnings.catch_warnings(), contrib_import.keep_domains(), \
                _counting_nodes(on_node):
            warnings.simplefilter("ignore")
            info = onnx_importer.ModelInfo(model)
            module = info.create_module(context=context)
            imp = onnx_importer.NodeImporter.define_function(
                info.main_graph, module.operation, context_cache=cache)
            if params is not None:
                imp.__class__ = ParamImporter
            imp.import_all()
        # The importer can build IR that does not verify from an invalid model (e.g. a call
        # to an ONNX function with an extra operand): refuse it here, not after our pass.
        module.operation.verify()
    except ir.MLIRError as e:
        diags = getattr(e, "error_diagnostics", None) or []
        why = str(diags[0].message) if diags else _one_line(e)
        raise ImportFailure(f"import produced invalid IR: {why}") from None
    except Exception as e:
        raise ImportFailure(f"import failed: {type(e).__name__}: {e}") from None
    finally:
        handlers[_TYPE_PROTO] = before
    return module


_TYPE_PROTO = onnx.AttributeProto.AttributeType.TYPE_PROTO


class FileImport(NamedTuple):
    """What `import_file` gives: the module, the model proto it came from (without the data of
    its big tensors), the bytes of tensor data the module holds, and the weights that became
    IREE parameters (with `params_scope`)."""
    module: ir.Module
    model: onnx.ModelProto
    weight_bytes: int
    params: Parameters | None = None


def import_file(path: str | os.PathLike, data_dir: str | os.PathLike | None = None,
                opset_version: int | None = None, infer_shapes: bool = True,
                context: ir.Context | None = None,
                progress: Callable[[str], None] | None = None,
                params_scope: str | None = None,
                on_node: Callable[[], None] | None = None) -> FileImport:
    """Import the ONNX file at `path` without copying its weights.

    Same module as `import_model(load_model(path, ...))`, but the external-data files are
    memory-mapped and each big external tensor becomes a `dense_resource` viewing the mapping
    (the module keeps the mapping alive); so do initializers above 4 KiB stored in the model
    file itself, whose blobs then declare the alignment their file offset gives (up to 8).
    Upgrade and shape inference run on the proto without those tensors, so models past the
    2 GB protobuf limit need no file-based inference.

    With `params_scope`, those tensors of the main graph become IREE parameters of that scope
    instead (see params.py; `FileImport.params.write_archive` writes their .irpa).
    """
    note = progress or (lambda message: None)
    shown, path = os.fspath(path), Path(path)
    try:
        # The initializers' raw_data stay in the file (mapped like external data).
        model, embedded = read_detached(path)
        _check_model(model, path)
    except (ImportFailure, DecodeError, ValueError, IndexError, OSError):
        # Not a protobuf our walk can read: onnx's parser says why (or reads it after all).
        model, embedded = read_model(path), 0
    note(f"read {path}: {count_nodes(model.graph)} nodes, "
         f"{len(model.graph.initializer)} initializers"
         + (f", {_size(embedded)} of them left in the file" if embedded else ""))
    try:
        check_required_inputs(model)  # shape inference would crash on one
    except ImportFailure as e:
        raise ImportFailure(f"{shown}: {e}") from None
    ddir = Path(data_dir) if data_dir is not None else path.parent
    weights = MappedWeights(ddir)
    weights.allow_file(path)  # what read_detached left in the file
    try:
        weights.check(model)  # every location and span, before anything is read
        weights.load_small(model)
    except ExternalDataError as e:
        raise ImportFailure(f"{shown}: {e}") from None
    if opset_version:
        model = upgrade_opset(model, opset_version)
        note(f"converted to opset {opset_version}")
    if infer_shapes:
        model = infer_model_shapes(model)
        note("shape inference")
    params = Parameters(weights, params_scope) if params_scope is not None else None
    module = import_model(model, context, weights=weights, params=params, on_node=on_node)
    inline = sum(nbytes(t) or 0 for t in onnx.external_data_helper._get_all_tensors(model)
                 if t.HasField("raw_data"))
    if weights.mapped_bytes:
        note(f"mapped {_size(weights.mapped_bytes)} of tensor data (external data and big "
             "initializers of the model file)")
    if params is not None:
        note(f"{len(params.entries)} weights ({_size(params.nbytes)}) externalized as IREE "
             f"parameters of scope '{params_scope}'")
    return FileImport(module, model, weights.mapped_bytes + inline, params)


def _type_attribute(attr: onnx.AttributeProto, cache: onnx_importer.ContextCache) -> ir.Attribute:
    """A TYPE_PROTO attribute (Optional's `type`, needed for an empty optional) as a TypeAttr of
    its torch type; torch-mlir's importer rejects the whole model on one."""
    return ir.TypeAttr.get(cache.type_proto_to_type(attr.tp))
