"""The op binder: typed, defaulted access to one `torch.operator "onnx.*"` op, and builders.

A handler receives a :class:`Binder`. It reads operands, attributes and result types through it,
builds torch ops through it (every op it builds is tracked, so that a decline can remove them),
and returns the replacement values. Anything it cannot express it declines by raising
:class:`Unsupported` with a reason; the op then stays exactly as it was.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from torch_mlir import ir

from . import dtypes
from .folding import fold


def new_context() -> ir.Context:
    """A context with the torch dialect registered. (Registered straight from torch-mlir's
    native module: `torch_mlir.dialects.torch` would also import its generated op classes,
    a third of the start-up, which nothing here uses.)"""
    from torch_mlir._mlir_libs._torchMlir import register_dialect

    ctx = ir.Context()
    register_dialect(ctx)
    return ctx

_REQUIRED = object()
_ATTR_PREFIX = "torch.onnx."


class Unsupported(Exception):
    """Raised by a handler to decline an op; the message is the reason shown to the user."""


class InvalidInput(Exception):
    """The input IR itself is malformed (e.g. a resource blob shorter than its type): an error
    at the op that reads it, failing the pass, rather than a decline."""


def _utf8(name: str, a: ir.StringAttr) -> str:
    try:
        return a.value
    except RuntimeError:  # the bindings cannot make a str of non-UTF-8 bytes
        raise Unsupported(f"attribute '{name}' is not valid UTF-8") from None


def parse_tensor_type(asm: str) -> tuple[tuple[int | None, ...] | None, str | None] | None:
    """Split a `!torch.vtensor<[2,?],f32>` type into (shape, element type).

    Returns None for a type that is not a (value) tensor; shape None for an unranked
    tensor and element None when the dtype is unknown. `?` dims come back as None.
    """
    if not (asm.startswith("!torch.vtensor") or asm.startswith("!torch.tensor")):
        return None
    lt = asm.find("<")
    if lt < 0:
        return None, None
    body = asm[lt + 1 : -1]
    if body.startswith("*"):
        return None, body[2:] or None
    rb = body.index("]")
    dims = body[1:rb]
    shape = tuple(None if d == "?" else int(d) for d in dims.split(",")) if dims else ()
    elt = body[rb + 2 :]
    return shape, (None if elt == "unk" else elt)


def vtensor_asm(shape: Sequence[int | None] | None, elt: str | None) -> str:
    """The asm of a value tensor type; shape None means unranked, elt None unknown dtype."""
    if elt is None and shape is None:
        return "!torch.vtensor"
    e = elt if elt is not None else "unk"
    if shape is None:
        return f"!torch.vtensor<*,{e}>"
    return "!torch.vtensor<[" + ",".join("?" if d is None else str(d) for d in shape) + f"],{e}>"


class Types:
    """Per-context cache of parsed MLIR types (parsing is the slow part of building ops)."""

    def __init__(self, context: ir.Context):
        self.context = context
        self._cache: dict[str, ir.Type] = {}
        self._info: dict[ir.Type, tuple | None] = {}
        self._tensorish: dict[ir.Type, bool] = {}
        self._elements: dict[ir.Type, tuple] = {}
        self.memo: dict = {}  # facts handlers derive from types alone (families.shape_mismatch)
        self.int = self.get("!torch.int")
        self.float = self.get("!torch.float")
        self.bool = self.get("!torch.bool")
        self.str = self.get("!torch.str")
        self.none = self.get("!torch.none")
        self.int_list = self.get("!torch.list<int>")
        self.float_list = self.get("!torch.list<float>")
        self.bool_list = self.get("!torch.list<bool>")
        self.tensor_list = self.get("!torch.list<vtensor>")
        self.i64 = ir.IntegerType.get_signless(64, context)
        self.f64 = ir.F64Type.get(context)
        self.blobs = ResourceBlobs(context)

    def info(self, t: ir.Type):
        """`parse_tensor_type` of `t`, cached by type (printing a type costs microseconds)."""
        try:
            return self._info[t]
        except KeyError:
            info = self._info[t] = parse_tensor_type(str(t))
            return info

    def elements(self, t: ir.Type) -> tuple[tuple[int, ...], str, ir.Type]:
        """(shape, element type in vtensor spelling, the `!torch.vtensor` type) of the
        builtin tensor type of an elements attribute (`tensor<2xi64>`: element `si64`),
        cached by type."""
        try:
            return self._elements[t]
        except KeyError:
            pass
        shape = tuple(ir.ShapedType(t).shape)
        elt = str(ir.ShapedType(t).element_type)
        elt = _SIGNLESS.get(elt, elt)
        got = self._elements[t] = (shape, elt, self.get(vtensor_asm(shape, elt)))
        return got

    def is_tensor(self, t: ir.Type) -> bool:
        """True for a tensor type and for `!torch.none` (an absent optional operand)."""
        try:
            return self._tensorish[t]
        except KeyError:
            yes = self._tensorish[t] = self.info(t) is not None or t == self.none
            return yes

    def get(self, asm: str) -> ir.Type:
        """The type with this asm, parsed once."""
        t = self._cache.get(asm)
        if t is None:
            try:
                t = ir.Type.parse(asm, self.context)
            except ir.MLIRError:  # e.g. a negative dim computed from bad constants
                raise Unsupported(f"invalid type {asm}") from None
            self._cache[asm] = t
        return t

    def contained(self, t: ir.Type, kind: str) -> ir.Type | None:
        """The element type of a `!torch.list<...>` (kind "list") or the payload of a
        `!torch.optional<...>` (kind "optional"), else None."""
        asm = str(t)
        head = f"!torch.{kind}<"
        if not asm.startswith(head):
            return None
        inner = asm[len(head):-1]
        return self.get(inner if inner.startswith("!") else "!torch." + inner)

    def wrap(self, t: ir.Type, kind: str) -> ir.Type:
        """`!torch.list<t>` (kind "list") or `!torch.optional<t>` (kind "optional")."""
        return self.get(f"!torch.{kind}<" + str(t).removeprefix("!torch.") + ">")


# Constants bigger than this are never read into Python (they are weights, not shapes).
MAX_READ_ELEMENTS = 1 << 16
_BLOB_RE = re.compile(r'^\s*("?[^":\s]+"?): "0x([0-9A-Fa-f]*)"', re.MULTILINE)
_RESOURCE_NAME_RE = re.compile(r"^dense_resource<([^>]+)>")
_SIGNLESS = {"i64": "si64", "i32": "si32", "i16": "si16", "i8": "si8"}
_RESOURCE_NAME_RE_ANY = re.compile(r"dense_resource<([^>]+)>")


def _small_shape(t) -> tuple[int, ...] | None:
    """Static shape of a ranked tensor type with at most MAX_READ_ELEMENTS elements."""
    if not isinstance(t, ir.RankedTensorType) or not t.has_static_shape:
        return None
    shape = tuple(t.shape)
    return shape if math.prod(shape) <= MAX_READ_ELEMENTS else None


class ResourceBlobs:
    """Reads small dense_resource blobs, which the bindings give no direct access to.

    The attributes are put on a scratch module as discardable attributes and the module is
    printed once: the printer writes the blobs of the resources it references. To print once
    per function rather than once per read, the pass sets `candidates` to a callable giving the
    other small resource attributes of the function, loaded together on the first miss.
    Blobs are cached by attribute (attributes are uniqued: a dict lookup, no printing).
    """

    def __init__(self, context: ir.Context):
        self.context = context
        self.candidates = None
        self._raw: dict[str, bytes | None] = {}  # by resource name
        self._by_attr: dict[ir.Attribute, bytes | None] = {}
        self.inlined: dict[ir.Attribute, ir.Attribute] = {}  # see inline_small_resource
        self.values: dict[ir.Attribute, np.ndarray | None] = {}  # see read_dense
        self.meta: dict = {}  # see _element_meta
        self._scratch: ir.Module | None = None

    def raw(self, attr: ir.Attribute) -> bytes | None:
        """The bytes of a small dense_resource attribute, or None."""
        try:
            return self._by_attr[attr]
        except KeyError:
            pass
        m = _RESOURCE_NAME_RE.match(str(attr))
        if m is None:
            self._by_attr[attr] = None
            return None
        name = m.group(1)
        if name not in self._raw:
            batch = [attr]
            if self.candidates is not None:  # consumed by the first miss of a function
                batch += self.candidates()
                self.candidates = None
            self._load(batch)
            self._raw.setdefault(name, None)
        raw = self._by_attr[attr] = self._raw[name]
        return raw

    def preload(self, attrs) -> None:
        """Read the blobs of these small dense_resource attributes together (one print)."""
        todo = [a for a in attrs if a not in self._by_attr]
        if todo:
            self._load(todo)

    def _load(self, attrs) -> None:
        if self._scratch is None:
            self._scratch = ir.Module.create(ir.Location.unknown(self.context))
        small = [a for a in attrs if _small_shape(getattr(a, "type", None)) is not None]
        if not small:
            return
        holder = self._scratch.operation.attributes
        holder["blobs"] = ir.ArrayAttr.get(small, self.context)
        text = self._scratch.operation.get_asm()
        del holder["blobs"]
        cut = text.find("dialect_resources")
        tail = text[cut:]
        for name, hexdata in _BLOB_RE.findall(tail):
            # the first 4 bytes of a blob hold its alignment
            self._raw[name] = bytes.fromhex(hexdata)[4:]
        # the array prints its elements in order: each attribute's resource name, unprinted
        names = _RESOURCE_NAME_RE_ANY.findall(text[:cut] if cut >= 0 else text)
        if len(names) == len(small):
            for a, name in zip(small, names):
                self._by_attr[a] = self._raw.get(name)


def read_dense(attr: ir.Attribute, blobs: ResourceBlobs | None = None) -> np.ndarray | None:
    """Values of a small dense or dense_resource elements attribute, else None (a fresh array;
    the values are read once per attribute and `blobs`).

    Used for shape-like operands (axes, pads, shapes); never for weights, which stay in MLIR.
    """
    if blobs is None:
        blobs = ResourceBlobs(attr.context)
    try:
        vals = blobs.values[attr]
    except KeyError:
        vals = blobs.values[attr] = _read_dense(attr, blobs)
    return None if vals is None else vals.copy()


def _element_meta(t, blobs: ResourceBlobs):
    """(shape, dtypes row, element type) of a small static tensor type whose element type has a
    numpy dtype, else None; cached per type (printing a type costs microseconds)."""
    try:
        return blobs.meta[t]
    except KeyError:
        pass
    meta = None
    shape = _small_shape(t)
    if shape is not None:
        elt = str(t.element_type)
        row = _numpy_row(elt)
        if row is not None:
            meta = (shape, row, elt)
    blobs.meta[t] = meta
    return meta


def _read_dense(attr: ir.Attribute, blobs: ResourceBlobs) -> np.ndarray | None:
    meta = _element_meta(getattr(attr, "type", None), blobs)
    if meta is None:
        return None
    shape, row, elt = meta
    if isinstance(attr, ir.DenseElementsAttr):
        if attr.is_splat:
            v = attr.get_splat_value()
            scalar = v.value if hasattr(v, "value") else None
            if scalar is None:
                return None
            return np.full(shape, scalar, dtype=row.numpy)
        if elt == "i1":  # elements of an i1 attribute come back as Python ints
            return np.array([bool(attr[i]) for i in range(len(attr))]).reshape(shape)
        return np.array(attr).astype(row.numpy).reshape(shape)
    raw = blobs.raw(attr)
    if raw is None:
        return None
    _check_blob(attr, raw)
    if elt == "i1":
        return np.frombuffer(raw, dtype=np.uint8).astype(np.bool_).reshape(shape)
    return np.frombuffer(raw, dtype=row.numpy).reshape(shape)


def _numpy_row(elt: str) -> dtypes.DType | None:
    """The dtypes row of an element type when numpy holds it (signless integers read as
    signed), else None: the constants read and inlined are those."""
    row = dtypes.BY_MLIR.get(elt) or dtypes.BY_MLIR.get(_SIGNLESS.get(elt, ""))
    return row if row is not None and row.numpy is not None else None


def _byte_size(t: ir.RankedTensorType) -> int:
    """Bytes of the dense layout of a static tensor type (i1: one byte per element)."""
    n = math.prod(t.shape)
    return n if str(t.element_type) == "i1" else n * _bit_width(t.element_type) // 8


def _check_blob(attr: ir.Attribute, raw: bytes) -> None:
    """Raise InvalidInput when a dense_resource blob does not hold its type's bytes."""
    need = _byte_size(attr.type)
    if len(raw) != need:
        m = _RESOURCE_NAME_RE.match(str(attr))
        name = m.group(1) if m else str(attr)
        raise InvalidInput(f"dense_resource blob '{name}' holds {len(raw)} bytes; "
                           f"{attr.type} needs {need}")


# Constants up to this size are inlined; bigger ones are weights and stay resources.
INLINE_BYTES = 4096


def _bit_width(t: ir.Type) -> int:
    for kind in (ir.IntegerType, ir.FloatType):
        if isinstance(t, kind):
            return kind(t).width
    return 1 << 20  # complex and others: never inlined


def is_small_resource(attr: ir.Attribute) -> bool:
    """True for a dense_resource elements attribute of at most INLINE_BYTES."""
    t = getattr(attr, "type", None)
    return not isinstance(attr, ir.DenseElementsAttr) and isinstance(t, ir.RankedTensorType) \
        and t.has_static_shape and \
        math.prod(t.shape) * _bit_width(t.element_type) <= 8 * INLINE_BYTES


def dense_from_bytes(raw: bytes, t: ir.RankedTensorType) -> ir.Attribute | None:
    """An inline `dense<...>` of type `t` from `raw` (the little-endian layout ONNX raw_data
    and dense_resource blobs share; i1 one byte per element), or None when `t`'s element type
    is not one inlined (no numpy dtype: bf16, float8, complex...) or the size disagrees."""
    if _numpy_row(str(t.element_type)) is None or len(raw) != _byte_size(t):
        return None
    return ir.DenseElementsAttr.get(raw, type=t.element_type, shape=list(t.shape))


def inline_small_resource(attr: ir.Attribute, blobs: ResourceBlobs) -> ir.Attribute:
    """`attr` as inline `dense<...>` if it is a small dense_resource (how the importer stores
    initializers and raw_data constants), else `attr`: iree-compile 3.13 crashes on a
    dense_resource operand it tries to fold ("ElementsAttr does not provide iteration
    facilities"), e.g. a scalar divisor or a loop bound; inline they also read as written.
    Weights above INLINE_BYTES stay resources and are never read. Cached per attribute."""
    if isinstance(attr, ir.DenseElementsAttr):  # already inline
        return attr
    try:
        return blobs.inlined[attr]
    except KeyError:
        pass
    out = attr
    if is_small_resource(attr) and _numpy_row(str(attr.type.element_type)) is not None:
        raw = blobs.raw(attr)
        if raw is not None:
            _check_blob(attr, raw)
            out = dense_from_bytes(raw, attr.type)
    blobs.inlined[attr] = out
    return out


def build_before(op: ir.Operation, name: str, operands: list, result: ir.Type,
                 attributes: dict | None = None) -> ir.Value:
    """Build `name` right before `op`, at its location; its one result. (For the `direct`
    forms of handlers, which build without a Binder: see conversion.convert_op.)"""
    return ir.Operation.create(name, results=[result], operands=operands, attributes=attributes,
                               loc=op.location, ip=ir.InsertionPoint(op)).results[0]


def build_int_before(op: ir.Operation, types: Types, v: int) -> ir.Value:
    """A `torch.constant.int` right before `op` (see build_before)."""
    return build_before(op, "torch.constant.int", [], types.int,
                        {"value": ir.IntegerAttr.get(types.i64, v)})


def build_int_list_before(op: ir.Operation, types: Types, values: Sequence[int]) -> ir.Value:
    """A `!torch.list<int>` of constants right before `op` (see build_before)."""
    items = [build_int_before(op, types, v) for v in values]
    return build_before(op, "torch.prim.ListConstruct", items, types.int_list)


def float_operands(op: ir.Operation, types: Types, arity: int) -> tuple | None:
    """For a `direct` form: (operands, result type, shape, element type) when `op` has `arity`
    operands and one result, all tensors of one float dtype, the result's shape static;
    else None."""
    operands, results = op.operands, op.results
    if len(operands) != arity or len(results) != 1:
        return None
    out = results[0].type
    shape, elt = types.info(out) or (None, None)
    if shape is None or None in shape or elt not in dtypes.FLOAT_TYPES:
        return None
    if any((types.info(v.type) or (None, None))[1] != elt for v in operands):
        return None
    return list(operands), out, shape, elt


class Binder:
    """Access to one ONNX op and the builders for its replacement."""

    __slots__ = ("created", "ip", "loc", "name", "onnx_op", "opset", "types")

    def __init__(self, op: ir.Operation, types: Types, opset: int, name: str):
        self.onnx_op = op
        self.types = types
        self.opset = opset
        self.name = name  # e.g. "onnx.Abs"
        self.loc = op.location
        self.ip = ir.InsertionPoint(op)
        self.created: list[ir.Operation] = []

    # ---------------------------------------------------------------- operands
    @property
    def num_inputs(self) -> int:
        return len(self.onnx_op.operands)

    def input(self, i: int) -> ir.Value:
        """Required operand `i`; declines if it is absent or an omitted (none) input."""
        v = self.optional_input(i)
        if v is None:
            raise Unsupported(f"required input #{i} is missing")
        return v

    def optional_input(self, i: int) -> ir.Value | None:
        """Operand `i`, or None if it is absent or given as the empty name (a !torch.none)."""
        ops = self.onnx_op.operands
        if i >= len(ops):
            return None
        v = ops[i]
        return None if v.type == self.types.none else v

    def inputs(self, start: int = 0) -> list[ir.Value]:
        """All operands from `start` (a variadic input); omitted ones are dropped."""
        none = self.types.none
        return [v for v in list(self.onnx_op.operands)[start:] if v.type != none]

    # ---------------------------------------------------------------- attributes
    def has_attr(self, name: str) -> bool:
        return _ATTR_PREFIX + name in self.onnx_op.attributes

    def _attr(self, name: str, default):
        key = _ATTR_PREFIX + name
        attrs = self.onnx_op.attributes
        if key not in attrs:
            if default is _REQUIRED:
                raise Unsupported(f"required attribute '{name}' is missing")
            return None
        return attrs[key]

    def attr_int(self, name: str, default=_REQUIRED) -> int:
        """Integer attribute `name` (an ONNX INT)."""
        a = self._attr(name, default)
        if a is None:
            return default
        if not isinstance(a, ir.IntegerAttr):
            raise Unsupported(f"attribute '{name}' must be an int, got {a}")
        return a.value

    def attr_float(self, name: str, default=_REQUIRED) -> float:
        """Float attribute `name` (an ONNX FLOAT; an INT is accepted and widened)."""
        a = self._attr(name, default)
        if a is None:
            return default
        if isinstance(a, (ir.FloatAttr, ir.IntegerAttr)):
            return float(a.value)
        raise Unsupported(f"attribute '{name}' must be a float, got {a}")

    def attr_str(self, name: str, default=_REQUIRED) -> str:
        """String attribute `name`."""
        a = self._attr(name, default)
        if a is None:
            return default
        if not isinstance(a, ir.StringAttr):
            raise Unsupported(f"attribute '{name}' must be a string, got {a}")
        return _utf8(name, a)

    def _attr_list(self, name: str, default, kind, what: str) -> list | None:
        a = self._attr(name, default)
        if a is None:
            return None if default is None else list(default)
        if not isinstance(a, ir.ArrayAttr):
            raise Unsupported(f"attribute '{name}' must be a list of {what}, got {a}")
        out = []
        for e in a:
            if not isinstance(e, kind):
                raise Unsupported(f"attribute '{name}' must be a list of {what}, got {a}")
            out.append(_utf8(name, e) if isinstance(e, ir.StringAttr) else e.value)
        return out

    def attr_ints(self, name: str, default=_REQUIRED) -> list[int] | None:
        """Integer-list attribute `name` (an ONNX INTS)."""
        return self._attr_list(name, default, ir.IntegerAttr, "ints")

    def attr_floats(self, name: str, default=_REQUIRED) -> list[float] | None:
        """Float-list attribute `name` (an ONNX FLOATS)."""
        vals = self._attr_list(name, default, (ir.FloatAttr, ir.IntegerAttr), "floats")
        return None if vals is None else [float(v) for v in vals]

    def attr_strs(self, name: str, default=_REQUIRED) -> list[str] | None:
        """String-list attribute `name` (an ONNX STRINGS)."""
        return self._attr_list(name, default, ir.StringAttr, "strings")

    def attr_tensor(self, name: str, default=_REQUIRED) -> ir.Attribute | None:
        """Tensor attribute `name` as its dense / dense_resource elements attribute."""
        a = self._attr(name, default)
        if a is None:
            return default
        if not isinstance(getattr(a, "type", None), ir.RankedTensorType):
            raise Unsupported(f"attribute '{name}' must be a tensor, got {a}")
        return a

    def list_element(self, v: ir.Value | ir.Type) -> ir.Type | None:
        """Element type of a `!torch.list<...>` value or type (an ONNX sequence), else None."""
        return self.types.contained(v if isinstance(v, ir.Type) else v.type, "list")

    def optional_element(self, v: ir.Value | ir.Type) -> ir.Type | None:
        """Payload type of a `!torch.optional<...>` value or type (an ONNX optional), else None."""
        return self.types.contained(v if isinstance(v, ir.Type) else v.type, "optional")

    def region(self, i: int) -> ir.Region:
        """Graph attribute regions, in the importer's order (sorted by attribute name)."""
        regions = self.onnx_op.regions
        if i >= len(regions):
            raise Unsupported(f"graph attribute region #{i} is missing")
        return regions[i]

    # ---------------------------------------------------------------- types
    @property
    def num_results(self) -> int:
        return len(self.onnx_op.results)

    def result_type(self, i: int = 0) -> ir.Type:
        return self.onnx_op.results[i].type

    def tensor_info(self, v: ir.Value | ir.Type):
        """(shape, element type) of a tensor value or type; declines if it is not a tensor."""
        t = v if isinstance(v, ir.Type) else v.type
        info = self.types.info(t)
        if info is None:
            raise Unsupported(f"expected a tensor, got {t}")
        return info

    def shape(self, v) -> tuple[int | None, ...] | None:
        """Static shape (None entries for dynamic dims), or None if unranked."""
        return self.tensor_info(v)[0]

    def rank(self, v) -> int:
        """Rank of a tensor; declines if unranked."""
        s = self.shape(v)
        if s is None:
            raise Unsupported("operand rank is unknown")
        return len(s)

    def dtype(self, v) -> str:
        """MLIR element type of a tensor (e.g. 'f32', 'si64'); declines if unknown."""
        e = self.tensor_info(v)[1]
        if e is None:
            raise Unsupported("operand dtype is unknown")
        return e

    def vtensor(self, shape: Sequence[int | None] | None, elt: str | None) -> ir.Type:
        """The type `!torch.vtensor<[shape],elt>`."""
        return self.types.get(vtensor_asm(shape, elt))

    def torch_dtype_of_onnx(self, onnx_code: int) -> int:
        """torch ScalarType code for an ONNX dtype code; declines if torch cannot hold it."""
        code, name = dtypes.torch_code_of_onnx(onnx_code)
        if code is None:
            raise Unsupported(f"dtype {name} has no torch equivalent")
        return code

    def torch_dtype_of(self, elt: str) -> int:
        """torch ScalarType code for an MLIR element type; declines if torch cannot hold it."""
        code = dtypes.torch_code_of_mlir(elt)
        if code is None:
            raise Unsupported(f"dtype {elt} has no torch equivalent")
        return code

    # ---------------------------------------------------------------- constants
    def const_value(self, v: ir.Value) -> np.ndarray | None:
        """Values of `v` if it is a small constant (onnx.Constant or vtensor.literal) or a small
        integer tensor torch ops compute from constants (folding.py), else None."""
        return fold(self, v)

    def literal_value(self, v: ir.Value) -> np.ndarray | None:
        """Values of `v` if it is a small constant (onnx.Constant or vtensor.literal), else None."""
        owner = v.owner
        if not isinstance(owner, (ir.Operation, ir.OpView)):
            return None
        op = owner.operation
        if op.name == "torch.vtensor.literal":
            return read_dense(op.attributes["value"], self.types.blobs)
        if op.name == "torch.operator":
            if op.attributes["name"].value != "onnx.Constant":
                return None
            attrs = op.attributes
            if "torch.onnx.value" in attrs:
                return read_dense(attrs["torch.onnx.value"], self.types.blobs)
            try:  # an attribute of the wrong kind (a malformed model) is no constant
                for key, kind in (("value_int", np.int64), ("value_float", np.float32)):
                    if "torch.onnx." + key in attrs:
                        return np.array(attrs["torch.onnx." + key].value, dtype=kind)
                for key, kind in (("value_ints", np.int64), ("value_floats", np.float32)):
                    if "torch.onnx." + key in attrs:
                        return np.array([e.value for e in attrs["torch.onnx." + key]],
                                        dtype=kind)
            except (TypeError, ValueError, AttributeError, OverflowError):
                return None
        return None

    def const_ints(self, v: ir.Value, what: str) -> list[int]:
        """A constant integer tensor operand as a Python list; declines if it is dynamic."""
        vals = self.const_value(v)
        if vals is None:
            raise Unsupported(f"{what} must be a constant")
        return [int(x) for x in np.asarray(vals).reshape(-1)]

    # ---------------------------------------------------------------- builders
    def op(self, name: str, operands: Iterable, result: ir.Type, **attributes) -> ir.Value:
        """Build one op with a single result before the ONNX op; returns its result."""
        return self.op_multi(name, operands, [result], **attributes)[0]

    def op_multi(self, name: str, operands: Iterable, results: list, **attributes) -> list:
        """Build one op with several results; returns them."""
        if name.startswith("torch.aten.") and self.types.none in results:
            # An ONNX result the importer could not type (malformed or partially inferred
            # model): an aten op producing !torch.none would be invalid IR.
            raise Unsupported(f"{name} would produce !torch.none: an output has no inferred type")
        new = ir.Operation.create(
            name,
            results=results,
            operands=list(operands),
            attributes=attributes or None,
            loc=self.loc,
            ip=self.ip,
        )
        self.created.append(new)
        return list(new.results)

    def op_regions(self, name: str, operands: Iterable, results: list, regions: int,
                   **attributes) -> ir.Operation:
        """Build one op holding `regions` empty regions (prim.If, prim.Loop); returns it."""
        new = ir.Operation.create(name, results=results, operands=list(operands),
                                  attributes=attributes or None, regions=regions,
                                  loc=self.loc, ip=self.ip)
        self.created.append(new)
        return new

    @contextmanager
    def at(self, ip: ir.InsertionPoint) -> Iterator[None]:
        """Build at `ip` (e.g. inside a region being filled) instead of before the ONNX op."""
        saved, self.ip = self.ip, ip
        try:
            yield
        finally:
            self.ip = saved

    def int(self, v: int) -> ir.Value:
        """A `!torch.int` constant."""
        if not -2**63 <= int(v) < 2**63:  # e.g. a product of huge dims
            raise Unsupported(f"integer {int(v)} does not fit in 64 bits")
        return self.op("torch.constant.int", [], self.types.int,
                       value=ir.IntegerAttr.get(self.types.i64, int(v)))

    def float(self, v: float) -> ir.Value:
        """A `!torch.float` constant."""
        return self.op("torch.constant.float", [], self.types.float,
                       value=ir.FloatAttr.get(self.types.f64, float(v)))

    def bool(self, v: bool) -> ir.Value:
        """A `!torch.bool` constant."""
        return self.op("torch.constant.bool", [], self.types.bool,
                       value=ir.BoolAttr.get(bool(v), self.types.context))

    def str(self, v: str) -> ir.Value:
        """A `!torch.str` constant."""
        return self.op("torch.constant.str", [], self.types.str,
                       value=ir.StringAttr.get(v, self.types.context))

    def none(self) -> ir.Value:
        """A `!torch.none` constant."""
        return self.op("torch.constant.none", [], self.types.none)

    def scalar(self, v) -> ir.Value:
        """A `!torch.int` or `!torch.float` constant, by the Python type of `v`."""
        return self.int(v) if isinstance(v, (int, np.integer)) else self.float(v)

    def list(self, items: Sequence[ir.Value], list_type: ir.Type) -> ir.Value:
        """`torch.prim.ListConstruct` of `items`."""
        return self.op("torch.prim.ListConstruct", items, list_type)

    def int_list(self, items: Sequence) -> ir.Value:
        """A `!torch.list<int>` from Python ints and/or `!torch.int` values."""
        return self.list([x if isinstance(x, ir.Value) else self.int(x) for x in items],
                         self.types.int_list)

    def tensor_list(self, items: Sequence[ir.Value]) -> ir.Value:
        """A `!torch.list<vtensor>` of tensors."""
        return self.list(items, self.types.tensor_list)

    def literal(self, attr: ir.Attribute, result: ir.Type) -> ir.Value:
        """`torch.vtensor.literal` holding `attr` (the attribute itself: no copy of a weight's
        data; a small dense_resource is inlined, see inline_small_resource)."""
        attr = inline_small_resource(attr, self.types.blobs)
        return self.op("torch.vtensor.literal", [], result, value=attr)

    def discard(self) -> None:
        """Erase every op this binder built (after a decline), newest first."""
        for op in reversed(self.created):
            op.erase()
        self.created.clear()
