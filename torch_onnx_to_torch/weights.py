"""Initializer data for the importer without copies: external-data files are memory-mapped once
and each big tensor becomes a `dense_resource` whose blob is a view of the mapping.

`DenseResourceElementsAttr.get_from_buffer` keeps a reference to the buffer it is given instead of
copying it, so the weights exist once, as file pages the kernel can drop and reread, until the
module (its context) goes. Small external tensors are read into the proto instead: shape inference
and the opset converter need the values of shape-like operands. Big initializers stored in the .onnx
file itself are left there (`read_detached`) and mapped the same way.
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Iterator
from pathlib import Path

import onnx
from onnx import TensorProto
from torch_mlir import ir

# External tensors up to this size are read into the proto (shape inference reads shape operands).
SMALL_EXTERNAL_BYTES = 4096
# What torch-mlir's importer gives the blobs; used where the data's offset allows it.
_ALIGNMENT = 8


def external_info(t: TensorProto) -> dict[str, str]:
    """The `external_data` entries of a tensor as a dict (location, offset, length...)."""
    return {e.key: e.value for e in t.external_data}


def is_external(t: TensorProto) -> bool:
    """Whether the tensor's data lives in an external file."""
    return t.HasField("data_location") and t.data_location == TensorProto.EXTERNAL


class ExternalDataError(ValueError):
    """External data that cannot be read safely; the message names the tensor and its file."""


def external_tensors(model: onnx.ModelProto) -> Iterator[tuple[str, TensorProto]]:
    """Each tensor of `model` whose data is external, with what a message calls it
    ("initializer 'W'", "tensor 'value' of node 'c' (Constant)"): the initializers and the
    tensor attributes of every graph, subgraph and function. Walked with a stack, not
    recursion, whatever the nesting."""
    graphs: list[onnx.GraphProto | onnx.FunctionProto] = [model.graph, *model.functions]
    for g in graphs:  # grows as subgraphs are met: breadth first, the main graph first
        for t in getattr(g, "initializer", ()):
            if is_external(t):
                yield f"initializer '{t.name}'", t
        for node in g.node:
            where = f"node '{node.name}' ({node.op_type})" if node.name else node.op_type
            for attr in node.attribute:
                for t in ([attr.t] if attr.HasField("t") else []) + list(attr.tensors):
                    if is_external(t):
                        yield f"tensor '{t.name or attr.name}' of {where}", t
                if attr.HasField("g"):
                    graphs.append(attr.g)
                graphs.extend(attr.graphs)


_INTEGER = re.compile(r"-?[0-9]+")


class MappedWeights:
    """The external-data files of one model, each memory-mapped (read only) at most once.

    What a location may name follows onnx (onnx.checker, load_external_data_for_model): a
    path relative to `data_dir` that stays inside it: no absolute path, no `..` out of it.
    Symlinks are followed and their target must be inside `data_dir` too (onnx refuses
    every symlink; one inside the folder is harmless, one out of it could read any file of
    the machine into the output). The one absolute location allowed is the model file
    itself (`allow_file`), what `read_detached` writes for the data it leaves in the file.
    Every error is an `ExternalDataError` naming the tensor.
    """

    def __init__(self, data_dir: str | os.PathLike):
        self.data_dir = Path(data_dir)
        self._maps: dict[Path, mmap.mmap | bytes] = {}
        self._own: set[str] = set()
        self._resolved: dict[str, Path] = {}
        self.mapped_bytes = 0

    def allow_file(self, path: str | os.PathLike) -> None:
        """Accept `path` (absolute) as a location: the model file, see `read_detached`."""
        self._own.add(os.path.abspath(path))

    def _map(self, path: Path, what: str, location: str) -> mmap.mmap | bytes:
        m = self._maps.get(path)
        if m is None:
            try:
                with open(path, "rb") as f:
                    size = os.fstat(f.fileno()).st_size
                    # mmap refuses empty files; an empty file only serves empty tensors.
                    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
            except OSError as e:
                raise ExternalDataError(f"{what}: cannot read external data '{location}': "
                                        f"{e.strerror or e}") from None
            self._maps[path] = m
        return m

    def view(self, t: TensorProto, what: str | None = None) -> memoryview:
        """The bytes of external tensor `t`, a view of its mapped file (no copy); the view
        starts at `offset_of(t)` in the mapping."""
        m, _, offset, length = self._span(t, what)
        self.mapped_bytes += length
        return memoryview(m)[offset:offset + length]

    def check(self, model: onnx.ModelProto) -> int:
        """Raise ExternalDataError unless every external tensor of `model` has an allowed
        location, a readable file, an offset and length inside it, and the size its type
        needs; the bytes of external data."""
        return sum(self._span(t, what)[3] for what, t in external_tensors(model))

    def source(self, t: TensorProto) -> tuple[Path, int, int]:
        """The file, offset and length of external tensor `t`'s data."""
        _, path, offset, length = self._span(t)
        return path, offset, length

    def load_all(self, model: onnx.ModelProto) -> None:
        """Read every external tensor into the proto (what onnx.load_external_data_for_model
        does, with these rules and messages)."""
        for what, t in list(external_tensors(model)):
            t.raw_data = bytes(self.view(t, what))
            del t.external_data[:]
            t.data_location = TensorProto.DEFAULT

    def resolve(self, location: str, what: str) -> Path:
        """The file `location` names, or ExternalDataError if it is not allowed or absent."""
        if not location:
            raise ExternalDataError(f"{what}: external data has no location")
        path = self._resolved.get(location)
        if path is None:
            path = self._resolved[location] = self._resolve(location, what)
        return path

    def _resolve(self, location: str, what: str) -> Path:
        if os.path.isabs(location) and os.path.abspath(location) in self._own:
            return Path(location)
        root = self.data_dir.resolve()
        if os.path.isabs(location) or location.startswith(("\\", "//")):
            raise ExternalDataError(f"{what}: external data '{location}' is an absolute path, "
                                    f"not one relative to {root} (as onnx requires)")
        try:
            lexical = Path(os.path.normpath(root / location))
            target = (root / location).resolve()
        except (OSError, ValueError) as e:  # a NUL byte, a symlink loop...
            raise ExternalDataError(f"{what}: external data '{location}' is not a usable "
                                    f"path: {e}") from None
        if not _inside(lexical, root):
            raise ExternalDataError(f"{what}: external data '{location}' escapes {root}")
        if not _inside(target, root):
            raise ExternalDataError(f"{what}: external data '{location}' resolves through a "
                                    f"symlink to {target}, outside {root} (a symlink must "
                                    "point inside the folder)")
        if not target.exists():
            raise ExternalDataError(f"{what}: external data file {target} is missing")
        if not target.is_file():
            raise ExternalDataError(f"{what}: external data {target} is not a regular file")
        return target

    def _span(self, t: TensorProto, what: str | None = None
              ) -> tuple[mmap.mmap | bytes, Path, int, int]:
        what = what or f"tensor '{t.name}'"
        info = external_info(t)
        location = info.get("location", "")
        path = self.resolve(location, what)
        offset, length = (_entry_int(info, key, what, location) for key in ("offset", "length"))
        m = self._map(path, what, location)
        offset = offset or 0
        if offset > len(m):
            raise ExternalDataError(f"{what}: external data '{location}' is {len(m)} bytes, "
                                    f"offset {offset} is past its end")
        if length is None:
            length = len(m) - offset
        elif offset + length > len(m):
            raise ExternalDataError(f"{what}: external data '{location}' is {len(m)} bytes, "
                                    f"offset {offset} + length {length} needs "
                                    f"{offset + length}")
        expected = nbytes(t)
        if expected is not None and expected != length:
            has = (f"has length {length}" if "length" in info else
                   f"has {length} bytes from offset {offset} to its end")
            raise ExternalDataError(f"{what}: external data '{location}' {has}; "
                                    f"{_type_text(t)} needs {expected}")
        return m, path, offset, length

    def load_small(self, model: onnx.ModelProto, limit: int = SMALL_EXTERNAL_BYTES) -> int:
        """Read the external tensors of at most `limit` bytes into the proto; their count.
        (Call `check` first: this reads what it is told.)"""
        n = 0
        for what, t in list(external_tensors(model)):
            info = external_info(t)
            size = int(info["length"]) if "length" in info else nbytes(t)
            if size is None or size > limit:
                continue
            t.raw_data = bytes(self.view(t, what))
            del t.external_data[:]
            t.data_location = TensorProto.DEFAULT
            n += 1
        return n


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _entry_int(info: dict[str, str], key: str, what: str, location: str) -> int | None:
    """The `offset` or `length` entry as a non-negative int (None if absent)."""
    value = info.get(key)
    if value is None:
        return None
    if not _INTEGER.fullmatch(value.strip()):
        raise ExternalDataError(f"{what}: external data '{location}' has {key} {value!r}, "
                                "not an integer")
    n = int(value)
    if n < 0:
        raise ExternalDataError(f"{what}: external data '{location}' has a negative {key} "
                                f"({n})")
    return n


def _type_text(t: TensorProto) -> str:
    """`FLOAT [2, 3]`: the element type and dims of a tensor, for messages."""
    try:
        name = TensorProto.DataType.Name(t.data_type)
    except ValueError:
        name = f"data type {t.data_type}"
    return f"{name} {list(t.dims)}"


def offset_of(t: TensorProto) -> int:
    """Where an external tensor's data starts in its file."""
    return int(external_info(t).get("offset", 0))


def nbytes(t: TensorProto) -> int | None:
    """Bytes of raw data the tensor's type and dims need, when its elements are whole bytes."""
    try:
        itemsize = onnx.helper.tensor_dtype_to_np_dtype(t.data_type).itemsize
    except (KeyError, TypeError, ValueError):
        return None
    if t.data_type in _SUB_BYTE or t.data_type == TensorProto.STRING:
        return None
    n = itemsize
    for d in t.dims:
        n *= d
    return n


_SUB_BYTE = {getattr(TensorProto, name) for name in
             ("INT4", "UINT4", "FLOAT4E2M1", "INT2", "UINT2") if hasattr(TensorProto, name)}


def resource_from_view(data: memoryview, name: str, tensor_type: ir.Type,
                       offset: int = 0) -> ir.Attribute:
    """A `dense_resource` attribute holding `data` by reference (the buffer is kept alive by the
    blob); `offset` is the data's position in its page-aligned mapping: the blob declares the
    largest alignment up to 8 that the data has."""
    alignment = _ALIGNMENT
    while alignment > 1 and offset % alignment:
        alignment //= 2
    return ir.DenseResourceElementsAttr.get_from_buffer(
        data, name, tensor_type, alignment=alignment, is_mutable=False)


# Weights embedded in the .onnx file itself (raw_data of the main graph's initializers) are not
# parsed into the proto: the file is mapped, the protobuf wire format is walked to find them, and
# they are rewritten as external tensors pointing into the file at their own offsets (absolute
# location), so that the same mapped path imports them. Field numbers from onnx.proto.
_MODEL_GRAPH, _GRAPH_INITIALIZER = 7, 5
_TENSOR_RAW_DATA, _TENSOR_EXTERNAL_DATA, _TENSOR_DATA_LOCATION = 9, 13, 14
_LEN = 2


def _varint(buf, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _encode_varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _fields(buf, start: int, end: int):
    """(field number, wire type, start of the field's tag, start of its payload, end) of each
    field in buf[start:end]."""
    pos = start
    while pos < end:
        tag_at = pos
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, after = _varint(buf, pos)
        elif wire == 1:
            after = pos + 8
        elif wire == _LEN:
            length, pos = _varint(buf, pos)
            after = pos + length
        elif wire == 5:
            after = pos + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire} at byte {tag_at}")
        if after > end:
            raise ValueError(f"truncated protobuf field at byte {tag_at}")
        yield number, wire, tag_at, pos, after
        pos = after


def _len_field(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | _LEN) + _encode_varint(len(payload)) + payload


def _entry(key: str, value: str) -> bytes:
    return _len_field(1, key.encode()) + _len_field(2, value.encode())


def _detached_tensor(buf, start: int, end: int, location: str, limit: int
                     ) -> tuple[bytes, int] | None:
    """The TensorProto in buf[start:end] with its raw_data replaced by an external reference
    to `location` at the data's offset, and the data's size; None if it has no raw_data above
    `limit` bytes."""
    raw = None
    for number, wire, _, payload, after in _fields(buf, start, end):
        if number == _TENSOR_RAW_DATA and wire == _LEN:
            raw = (payload, after)
        elif number in (_TENSOR_EXTERNAL_DATA, _TENSOR_DATA_LOCATION):
            return None  # already says where its data is: left to onnx's rules
    if raw is None or raw[1] - raw[0] <= limit:
        return None
    out = bytearray()
    for number, wire, tag_at, _, after in _fields(buf, start, end):
        if number != _TENSOR_RAW_DATA:
            out += buf[tag_at:after]
    for key, value in (("location", location), ("offset", str(raw[0])),
                       ("length", str(raw[1] - raw[0]))):
        out += _len_field(_TENSOR_EXTERNAL_DATA, _entry(key, value))
    out += _encode_varint(_TENSOR_DATA_LOCATION << 3) + _encode_varint(TensorProto.EXTERNAL)
    return bytes(out), raw[1] - raw[0]


def read_detached(path: str | os.PathLike, limit: int = SMALL_EXTERNAL_BYTES
                  ) -> tuple[onnx.ModelProto, int]:
    """The model at `path` with the raw_data of its main graph's initializers above `limit`
    bytes left in the file: each becomes an external tensor whose location is the file's
    absolute path. Returns the proto and the bytes so left."""
    path = os.path.abspath(path)
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if not size:
            return onnx.load_model_from_string(b""), 0
        buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        left = 0
        model = bytearray()
        for number, wire, tag_at, payload, after in _fields(buf, 0, size):
            if number != _MODEL_GRAPH or wire != _LEN:
                model += buf[tag_at:after]
                continue
            graph = bytearray()
            for g_number, g_wire, g_tag, g_payload, g_after in _fields(buf, payload, after):
                detached = None
                if g_number == _GRAPH_INITIALIZER and g_wire == _LEN:
                    detached = _detached_tensor(buf, g_payload, g_after, path, limit)
                if detached is None:
                    graph += buf[g_tag:g_after]
                else:
                    graph += _len_field(_GRAPH_INITIALIZER, detached[0])
                    left += detached[1]
            model += _len_field(_MODEL_GRAPH, bytes(graph))
        return onnx.load_model_from_string(bytes(model)), left
    finally:
        buf.close()
