"""Mutational fuzzing of the importer + pass over the ONNX node-test models.

Mutant `i` of seed `s` is a node-test model (chosen among the cases matching the filter) with one
to three mutations applied: attribute values and kinds, dropped, extra or swapped inputs and
outputs, input dtypes and ranks, dynamic dims, constant inputs, op swaps, opset changes, duplicate
names... It depends only on (seed, i, filter, the onnx version), so `--only i` replays it.

Each mutant runs in a forked child (conformance.run_cases: own session, time limit) under a memory
limit: ONNX shape inference, torch-mlir's importer, our pass, then `verify()` of the result and a
print/parse round trip. The outcome is one of CLASSES; only ok, declined and diagnostic are
acceptable (a mutant may well be invalid ONNX, but then the tools must say so cleanly).
"""

from __future__ import annotations

import math
import os
import random
import re
import resource
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .. import conformance as cf

CLASSES = ("ok", "declined", "diagnostic", "internal_error", "invalid_ir", "traceback", "crash",
           "timeout")
ACCEPTABLE = frozenset({"ok", "declined", "diagnostic"})
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 4096


@dataclass
class Mutant:
    """One mutated model; `name` sorts by index (run_cases sorts its results by name)."""

    index: int
    base: str
    model: onnx.ModelProto
    mutations: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.index:07d}"


@dataclass
class Outcome:
    """A mutant's class, the op and error it is about, and how it was made."""

    index: int
    base: str
    mutations: list[str]
    cls: str
    op: str = ""
    error: str = ""
    seconds: float = 0.0

    @property
    def signature(self) -> str:
        """The op and the first line of the error, numbers stripped: groups alike failures."""
        first = self.error.strip().splitlines()[0] if self.error.strip() else ""
        first = re.sub(r"0x[0-9a-fA-F]+|\d+", "N", first)[:160]
        return f"{self.op}: {first}" if self.op else first


# ---------------------------------------------------------------------------------------------
# Mutations

_INTS = [-2**63, -2**31, -100, -7, -2, -1, 0, 1, 2, 3, 5, 64, 2**31 - 1, 2**62, 2**63 - 1]
_FLOATS = [math.nan, math.inf, -math.inf, -1.0, 0.0, 0.5, 1.0, 1e-30, 1e30, -1e30]
_STRINGS = [b"", b"NOTSET", b"VALID", b"SAME_UPPER", b"SAME_LOWER", b"linear", b"nearest",
            b"cubic", b"constant", b"reflect", b"edge", b"wrap", b"DCR", b"CRD", b"Tanh",
            b"Relu", b"Sigmoid", b"half_pixel", b"asymmetric", b"align_corners", b"round_prefer_floor",
            b"max", b"mean", b"none", b"bogus", b"\xff\xfe\x80", b"x" * 5000, b"a\x00b", b"\"}{"]
_DTYPES = [TensorProto.FLOAT, TensorProto.FLOAT16, TensorProto.BFLOAT16, TensorProto.DOUBLE,
           TensorProto.INT8, TensorProto.INT16, TensorProto.INT32, TensorProto.INT64,
           TensorProto.UINT8, TensorProto.UINT16, TensorProto.UINT32, TensorProto.UINT64,
           TensorProto.BOOL, TensorProto.STRING, TensorProto.COMPLEX64,
           TensorProto.FLOAT8E4M3FN]
_AXIS_ATTRS = {"axis", "axes", "perm", "dims", "block_size", "batch_axis", "time_axis"}
_LATEST = onnx.defs.onnx_opset_version()


def _pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def _value_types(g: onnx.GraphProto) -> dict[str, onnx.TypeProto]:
    return {v.name: v.type for v in list(g.input) + list(g.value_info) + list(g.output)}


def _rank_of(g: onnx.GraphProto, name: str) -> int | None:
    t = _value_types(g).get(name)
    if t is not None and t.HasField("tensor_type") and t.tensor_type.HasField("shape"):
        return len(t.tensor_type.shape.dim)
    return None


def _new_int_value(rng, name: str, v: int, rank: int) -> int:
    if name in _AXIS_ATTRS and rng.random() < 0.5:
        new = _pick(rng, [v - rank, -v - 1, v + rank, rank, -rank - 1])
    else:
        new = _pick(rng, _INTS + [v + 1, v - 1, -v, v * 1000])
    return max(-2**63, min(2**63 - 1, new))


def _mut_attr_value(rng, g, node) -> str | None:
    if not node.attribute:
        return None
    a = _pick(rng, node.attribute)
    rank = _rank_of(g, node.input[0]) if node.input else None
    rank = rank if rank is not None else 4
    A = onnx.AttributeProto
    before = helper.get_attribute_value(a)
    if a.type == A.INT:
        a.i = _new_int_value(rng, a.name, a.i, rank)
    elif a.type == A.FLOAT:
        a.f = _pick(rng, _FLOATS)
    elif a.type == A.STRING:
        a.s = _pick(rng, _STRINGS)
    elif a.type == A.INTS:
        vals = list(a.ints)
        how = rng.randrange(6)
        if how == 0 and vals:
            k = rng.randrange(len(vals))
            vals[k] = _new_int_value(rng, a.name, vals[k], rank)
        elif how == 1 and vals:
            del vals[rng.randrange(len(vals))]
        elif how == 2:
            vals.append(_pick(rng, _INTS[4:12]))
        elif how == 3:
            vals = []
        elif how == 4 and vals:
            vals = vals[::-1] + ([vals[0]] if rng.random() < 0.5 else [])
        else:
            vals = [v - rank if v >= 0 else v for v in vals]
        del a.ints[:]
        a.ints.extend(max(-2**63, min(2**63 - 1, v)) for v in vals)
    elif a.type == A.FLOATS:
        vals = list(a.floats)
        if vals and rng.random() < 0.6:
            vals[rng.randrange(len(vals))] = _pick(rng, _FLOATS)
        else:
            vals = vals[:-1] if vals and rng.random() < 0.5 else vals + [1.0]
        del a.floats[:]
        a.floats.extend(vals)
    elif a.type == A.TENSOR:
        arr = numpy_helper.to_array(a.t)
        how = rng.randrange(3)
        if how == 0:
            arr = arr.reshape(-1)
        elif how == 1:
            arr = arr.reshape(-1)[:0]
        else:
            arr = np.asarray(arr.reshape(-1)[:1]).reshape(())
        a.t.CopyFrom(numpy_helper.from_array(arr, a.t.name))
    elif a.type == A.STRINGS:
        del a.strings[:]
        a.strings.extend(rng.sample(_STRINGS, 2))
    else:
        return None
    after = helper.get_attribute_value(a)
    return f"attr_value: {node.op_type}.{a.name} {_short(before)} -> {_short(after)}"


def _short(v) -> str:
    if isinstance(v, onnx.TensorProto):
        return f"tensor{list(v.dims)}"
    s = repr(v)
    return s if len(s) < 60 else s[:57] + "..."


def _mut_attr_kind(rng, g, node) -> str | None:
    if not node.attribute:
        return None
    k = rng.randrange(len(node.attribute))
    a = node.attribute[k]
    v = helper.get_attribute_value(a)
    A = onnx.AttributeProto
    if a.type == A.INT:
        new = _pick(rng, [float(v), [v], str(v).encode(), [v, v]])
    elif a.type == A.FLOAT:
        new = _pick(rng, [int(v) if math.isfinite(v) else 0, [v], [int(v) if math.isfinite(v)
                                                                else 1]])
    elif a.type == A.INTS:
        new = _pick(rng, [v[0] if v else 0, [float(x) for x in v] or [1.0], b"ints"])
    elif a.type == A.FLOATS:
        new = _pick(rng, [v[0] if v else 0.0, [int(x) if math.isfinite(x) else 0 for x in v]
                          or [1]])
    elif a.type == A.STRING:
        new = _pick(rng, [0, 1.5, [1, 2]])
    else:
        new = _pick(rng, [0, 1.0, b"x"])
    if isinstance(new, list) and not new:
        new = [0]
    attr = helper.make_attribute(a.name, new)
    node.attribute[k].CopyFrom(attr)
    return f"attr_kind: {node.op_type}.{a.name} {A.AttributeType.Name(a.type)} -> " \
           f"{A.AttributeType.Name(attr.type)} {_short(new)}"


def _mut_attr_drop_add(rng, g, node) -> str | None:
    if node.attribute and rng.random() < 0.5:
        k = rng.randrange(len(node.attribute))
        name = node.attribute[k].name
        del node.attribute[k]
        return f"attr_drop: {node.op_type}.{name}"
    try:
        schema = onnx.defs.get_schema(node.op_type, _LATEST, node.domain)
        names = [n for n in schema.attributes if n not in {a.name for a in node.attribute}]
    except Exception:
        names = []
    name = _pick(rng, names) if names and rng.random() < 0.8 else "fuzz_unknown"
    value = _pick(rng, [_pick(rng, _INTS), _pick(rng, _FLOATS), [1, 2], [-1], b"bogus",
                        [0.5, 2.0]])
    node.attribute.append(helper.make_attribute(name, value))
    return f"attr_add: {node.op_type}.{name} = {_short(value)}"


def _names(g: onnx.GraphProto) -> list[str]:
    out = [i.name for i in g.input] + [t.name for t in g.initializer]
    for n in g.node:
        out += [o for o in n.output if o]
    return out


def _mut_inputs(rng, g, node) -> str | None:
    how = rng.randrange(4)
    if how == 0 and node.input:
        k = rng.randrange(len(node.input))
        name = node.input[k]
        del node.input[k]
        return f"drop_input: {node.op_type} input #{k} ({name})"
    if how == 1 and node.input:
        k = rng.randrange(len(node.input))
        node.input[k] = ""
        return f"absent_input: {node.op_type} input #{k} set to ''"
    if how == 2 and len(node.input) > 1:
        i, j = rng.sample(range(len(node.input)), 2)
        node.input[i], node.input[j] = node.input[j], node.input[i]
        return f"swap_inputs: {node.op_type} #{i} <-> #{j}"
    names = _names(g)
    if not names:
        return None
    name = _pick(rng, names)
    node.input.append(name)
    return f"extra_input: {node.op_type} + {name}"


def _mut_outputs(rng, g, node) -> str | None:
    how = rng.randrange(4)
    if how == 0 and len(node.output) > 1:
        name = node.output.pop()
        return f"drop_output: {node.op_type} last output ({name})"
    if how == 1:
        node.output.append("fuzz_extra_out")
        return f"extra_output: {node.op_type} + fuzz_extra_out"
    others = [o for n in g.node if n is not node for o in n.output if o] + \
        [i.name for i in g.input]
    if how == 2 and others:
        k = rng.randrange(len(node.output)) if node.output else 0
        if not node.output:
            return None
        name = _pick(rng, others)
        node.output[k] = name
        return f"dup_output: {node.op_type} output #{k} renamed to existing {name}"
    if g.output:
        g.output.append(g.output[rng.randrange(len(g.output))])
        return f"dup_graph_output: {g.output[-1].name}"
    return None


def _tensor_values(rng, g) -> list[onnx.ValueInfoProto]:
    init = {t.name for t in g.initializer}
    return [v for v in g.input if v.name not in init and v.type.HasField("tensor_type")]


def _mut_dtype(rng, g, node) -> str | None:
    vals = _tensor_values(rng, g)
    if not vals:
        return None
    v = _pick(rng, vals)
    old = v.type.tensor_type.elem_type
    v.type.tensor_type.elem_type = _pick(rng, _DTYPES)
    return f"dtype: input {v.name} {TensorProto.DataType.Name(old)} -> " \
           f"{TensorProto.DataType.Name(v.type.tensor_type.elem_type)}"


def _mut_rank(rng, g, node) -> str | None:
    vals = [v for v in _tensor_values(rng, g) + [o for o in g.output
                                                 if o.type.HasField("tensor_type")]]
    if not vals:
        return None
    v = _pick(rng, vals)
    shape = v.type.tensor_type.shape
    dims = [d.dim_value if d.HasField("dim_value") else None for d in shape.dim]
    how = rng.randrange(5)
    if how == 0 and dims:
        del dims[rng.randrange(len(dims))]
    elif how == 1:
        dims.insert(rng.randrange(len(dims) + 1), _pick(rng, [1, 3]))
    elif how == 2:
        dims = []
    elif how == 3:
        dims = [1] * 7
    else:
        dims = dims + [2**62] if rng.random() < 0.3 else [0] + dims
    v.type.tensor_type.ClearField("shape")
    v.type.tensor_type.shape.SetInParent()
    for d in dims:
        if d is None:
            v.type.tensor_type.shape.dim.add().dim_param = "d"
        else:
            v.type.tensor_type.shape.dim.add().dim_value = d
    return f"rank: {v.name} -> {dims}"


def _mut_dynamic(rng, g, node) -> str | None:
    vals = [v for v in list(g.input) + list(g.output) + list(g.value_info)
            if v.type.HasField("tensor_type") and v.type.tensor_type.HasField("shape")]
    if not vals:
        return None
    v = _pick(rng, vals)
    shape = v.type.tensor_type.shape
    how = rng.randrange(3)
    if how == 0 or not shape.dim:
        v.type.tensor_type.ClearField("shape")
        return f"dynamic: {v.name} unranked"
    if how == 1:
        for k, d in enumerate(shape.dim):
            d.dim_param = f"d{k}"
        return f"dynamic: {v.name} every dim"
    k = rng.randrange(len(shape.dim))
    shape.dim[k].dim_param = "N"
    return f"dynamic: {v.name} dim {k}"


_NP_INT = {TensorProto.INT64: np.int64, TensorProto.INT32: np.int32, TensorProto.INT8: np.int8,
           TensorProto.UINT8: np.uint8, TensorProto.INT16: np.int16}
_NP_FLOAT = {TensorProto.FLOAT: np.float32, TensorProto.DOUBLE: np.float64,
             TensorProto.FLOAT16: np.float16}


def _random_array(rng, elem: int, dims: list[int]) -> np.ndarray | None:
    n = math.prod(dims)
    if n > 4096:
        return None
    nrng = np.random.default_rng(rng.randrange(2**32))
    if elem in _NP_INT:
        return nrng.integers(-3, 6, size=dims).astype(_NP_INT[elem])
    if elem in _NP_FLOAT:
        return nrng.choice([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0, np.nan, np.inf], size=dims) \
            .astype(_NP_FLOAT[elem])
    if elem == TensorProto.BOOL:
        return nrng.integers(0, 2, size=dims).astype(bool)
    return None


def _mut_const_input(rng, g, node) -> str | None:
    """A graph input becomes an initializer with random small values (handlers read constant
    operands at conversion time), or an existing initializer gets random values."""
    cands = []
    for v in _tensor_values(rng, g):
        tt = v.type.tensor_type
        if tt.HasField("shape") and all(d.HasField("dim_value") for d in tt.shape.dim):
            cands.append(("input", v))
    cands += [("init", t) for t in g.initializer]
    if not cands:
        return None
    kind, v = _pick(rng, cands)
    if kind == "input":
        tt = v.type.tensor_type
        dims = [d.dim_value for d in tt.shape.dim]
        arr = _random_array(rng, tt.elem_type, dims)
        if arr is None:
            return None
        g.initializer.append(numpy_helper.from_array(arr, v.name))
        return f"const_input: {v.name} = {_short(arr.tolist())}"
    arr = _random_array(rng, v.data_type, list(v.dims))
    if arr is None:
        return None
    v.CopyFrom(numpy_helper.from_array(arr, v.name))
    return f"const_values: {v.name} = {_short(arr.tolist())}"


_ARITY: dict[tuple[int, int], list[str]] = {}


def _same_arity(n_in: int, n_out: int) -> list[str]:
    key = (n_in, n_out)
    if key not in _ARITY:
        ops = set()
        for s in onnx.defs.get_all_schemas():
            if s.domain in ("", "ai.onnx") and s.min_input <= n_in <= s.max_input and \
                    s.min_output <= n_out <= s.max_output and not s.deprecated:
                ops.add(s.name)
        _ARITY[key] = sorted(ops)
    return _ARITY[key]


def _mut_op_swap(rng, g, node) -> str | None:
    ops = [o for o in _same_arity(len(node.input), len(node.output)) if o != node.op_type]
    if not ops:
        return None
    old = node.op_type
    node.op_type = _pick(rng, ops)
    return f"op_swap: {old} -> {node.op_type}"


def _mut_opset(rng, model) -> str | None:
    for imp in model.opset_import:
        if imp.domain in ("", "ai.onnx"):
            old = imp.version
            imp.version = _pick(rng, [1, max(1, old - 1), rng.randint(1, max(1, old)), old + 1,
                                      _LATEST, _LATEST + 1, 999, 0, -1])
            return f"opset: {old} -> {imp.version}"
    return None


def _mut_node(rng, g, node) -> str | None:
    how = rng.randrange(3)
    if how == 0 and len(g.node) > 1:
        g.node.remove(node)
        return f"drop_node: {node.op_type}"
    if how == 1:
        g.node.append(node)
        return f"dup_node: {node.op_type} (same outputs)"
    node.domain = _pick(rng, ["com.microsoft", "ai.onnx.ml", "bogus.domain"])
    return f"domain: {node.op_type} -> {node.domain}"


def _mut_output_type(rng, g, node) -> str | None:
    outs = [o for o in g.output if o.type.HasField("tensor_type")]
    if not outs:
        return None
    o = _pick(rng, outs)
    tt = o.type.tensor_type
    if rng.random() < 0.5:
        tt.elem_type = _pick(rng, _DTYPES)
        return f"output_dtype: {o.name} -> {TensorProto.DataType.Name(tt.elem_type)}"
    if tt.HasField("shape") and tt.shape.dim and rng.random() < 0.7:
        d = tt.shape.dim[rng.randrange(len(tt.shape.dim))]
        d.dim_value = _pick(rng, [0, 1, 2, 5, 97])
        return f"output_shape: {o.name} one dim -> {d.dim_value}"
    tt.ClearField("shape")
    return f"output_shape: {o.name} unranked"


# kind -> (weight, mutate(rng, graph, node))
MUTATIONS = {
    "attr_value": (6, _mut_attr_value),
    "attr_kind": (3, _mut_attr_kind),
    "attr_drop_add": (3, _mut_attr_drop_add),
    "inputs": (4, _mut_inputs),
    "outputs": (2, _mut_outputs),
    "dtype": (4, _mut_dtype),
    "rank": (4, _mut_rank),
    "dynamic": (4, _mut_dynamic),
    "const_input": (4, _mut_const_input),
    "op_swap": (4, _mut_op_swap),
    "opset": (2, None),
    "node": (1, _mut_node),
    "output_type": (2, _mut_output_type),
}


def make_mutant(cases: list, seed: int, index: int, kinds: list[str] | None = None) -> Mutant:
    """Mutant `index` of `seed`: a base case and one to three mutations, all from one RNG."""
    rng = random.Random(f"{seed}/{index}")
    case = cases[rng.randrange(len(cases))]
    model = onnx.ModelProto()
    model.CopyFrom(case.model)
    names = [k for k in MUTATIONS if kinds is None or k in kinds]
    weights = [MUTATIONS[k][0] for k in names]
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        for _attempt in range(5):
            kind = rng.choices(names, weights)[0]
            g = model.graph
            try:
                if kind == "opset":
                    what = _mut_opset(rng, model)
                elif not g.node:
                    what = None
                else:
                    what = MUTATIONS[kind][1](rng, g, _pick(rng, g.node))
            except (ValueError, TypeError, IndexError, OverflowError) as e:
                # A mutation that protobuf or numpy refused may have half-applied: say so.
                what = f"{kind}: failed half-way ({type(e).__name__})"
            if what:
                done.append(what)
                break
    return Mutant(index, case.name, model, done)


# ---------------------------------------------------------------------------------------------
# Running one mutant (in the child)


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[0] if lines else ""


def run_mutant(mutant: Mutant, memory_mb: int = DEFAULT_MEMORY_MB,
               progress=None) -> cf.CaseResult:
    """Shape inference, import, our pass, verify, print/parse: the mutant's class as `stage`.

    Runs in this process; `run` puts it in a child with time and memory limits.
    """
    import traceback

    from torch_mlir import ir

    from ..importer import ImportFailure, import_file, new_context
    from ..pipeline import Pipeline

    note = progress or (lambda stage: None)
    if memory_mb:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    res = cf.CaseResult(mutant.name, "ok")
    try:
        note("import_error")
        try:
            with tempfile.TemporaryDirectory() as tmp:  # the path `import` takes, from a file
                path = os.path.join(tmp, "mutant.onnx")
                with open(path, "wb") as f:
                    f.write(mutant.model.SerializeToString())
                # weights stay mapped (the file may go: the mapping holds the pages)
                module = import_file(path, context=new_context()).module
        except ImportFailure as e:
            res.stage, res.detail = "diagnostic", f"import: {_first_line(str(e))}"
            return res
        note("convert_error")
        _preload()
        pipe = Pipeline("builtin.module(convert-torch-onnx-to-torch)", _TRACED)
        try:
            pipe.run(module)
        except ir.MLIRError:
            pass  # the internal declines below say why
        report = pipe.report
        internal = [d for d in report.declines if d.internal]
        errors = [d for d in report.declines if d.error]  # malformed input IR, reported
        for d in report.declines:
            res.unconverted.setdefault(d.op, []).append(d.reason)
        if internal:
            res.stage, res.ops = "internal_error", [internal[0].op]
            res.detail = internal[0].reason + ("\n" + _TRACEBACKS[0] if _TRACEBACKS else "")
            return res
        if errors:
            res.stage, res.detail = "diagnostic", errors[0].reason
            return res
        try:
            module.operation.verify()
            ir.Module.parse(module.operation.get_asm(), module.context)
        except ir.MLIRError as e:
            diags = getattr(e, "error_diagnostics", None) or []
            msg = str(diags[0].message) if diags else _first_line(str(e))
            m = re.search(r"'([a-z_]+\.[A-Za-z0-9_.]+)' op", msg)
            res.stage, res.ops, res.detail = "invalid_ir", [m.group(1) if m else ""], msg
            return res
        if report.declines:
            res.stage = "declined"
            res.detail = f"{report.declines[0].op}: {report.declines[0].reason}"
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        where = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
        first = f"{type(e).__name__}: {_first_line(str(e))}"
        # An exception inside an MLIR callback (a walk, our pass) arrives as a RuntimeError
        # holding the inner traceback as text: its last frame and line say what happened.
        frames = re.findall(r'File "[^"]*?([^/"]+)", line (\d+)', str(e))
        if frames:
            where = f"{frames[-1][0]}:{frames[-1][1]}"
            first = [ln for ln in str(e).splitlines() if ln.strip()][-1].strip()
        res.stage, res.ops = "traceback", [where]
        res.detail = f"{first}\n" + "".join(traceback.format_exception(e)[-6:])
    return res


_TRACED = None  # the default registry with every handler wrapped by _traced
_TRACEBACKS: list[str] = []  # where handlers raised something other than Unsupported


def _traced(handler):
    """`handler`, recording the traceback of an unexpected exception before the pass turns it
    into an internal decline (whose message has no traceback)."""
    import functools
    import traceback

    from ..binder import Unsupported

    @functools.wraps(handler)
    def wrapper(b):
        try:
            return handler(b)
        except Unsupported:
            raise
        except Exception as e:
            _TRACEBACKS.append("".join(traceback.format_exception(e)[-8:]))
            raise

    return wrapper


def _preload() -> None:
    """Import what the children need once, before forking, so each starts fast."""
    global _TRACED
    from .. import importer, pipeline  # noqa: F401
    from ..conversion import _default
    from ..registry import Registry

    if _TRACED is None:
        _TRACED = Registry()
        for domain, name, since, h in _default().entries():
            _TRACED.register(name, since, _traced(h), domain=domain)


def _outcome(m: Mutant, r: cf.CaseResult) -> Outcome:
    cls, detail = r.stage, r.detail
    if cls not in CLASSES:  # died or hung: run_cases reports the phase it had reached
        cls = "timeout" if detail.startswith("timeout") else "crash"
    op = r.ops[0] if cls in ("internal_error", "invalid_ir", "traceback") and r.ops else ""
    if cls in ("declined",) and ":" in detail:
        op, detail = detail.split(": ", 1)
    return Outcome(m.index, m.base, m.mutations, cls, op, detail, r.seconds)


def run(cases: list, seed: int, indices, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB, kinds: list[str] | None = None,
        on_outcome=None, unmutated: bool = False) -> list[Outcome]:
    """Make and run the mutants `indices` of `seed`, each in a child; outcomes by index.

    `unmutated`: "mutant" i is case i as it is (a baseline: what the pass does on valid
    models)."""
    if unmutated:
        mutants = {i: Mutant(i, cases[i].name, cases[i].model) for i in indices}
    else:
        mutants = {i: make_mutant(cases, seed, i, kinds) for i in indices}
    by_name = {m.name: m for m in mutants.values()}
    _preload()

    def runner(m, _reference, progress):
        return run_mutant(m, memory_mb, progress)

    def on_result(r):
        if on_outcome:
            on_outcome(_outcome(by_name[r.name], r))

    results = cf.run_cases(list(mutants.values()), jobs, timeout, on_result=on_result,
                           runner=runner)
    return [_outcome(by_name[r.name], r) for r in results]


# ---------------------------------------------------------------------------------------------
# Output


def save_failure(o: Outcome, mutant: Mutant, seed: int, directory: str) -> str:
    """Write the mutant's .onnx and a .txt (how it was made, what happened); returns the stem."""
    os.makedirs(directory, exist_ok=True)
    stem = os.path.join(directory, f"seed{seed}-{o.index:07d}-{o.cls}")
    with open(stem + ".onnx", "wb") as f:
        f.write(mutant.model.SerializeToString())
    with open(stem + ".txt", "w") as f:
        f.write(f"seed {seed} index {o.index} (torch-onnx-to-torch fuzz --seed {seed} "
                f"--only {o.index})\nbase case: {o.base}\nmutations:\n")
        f.writelines(f"  {m}\n" for m in o.mutations)
        f.write(f"class: {o.cls}\nop: {o.op}\nerror:\n{o.error}\n")
    return stem


def summary(outcomes: list[Outcome], seed: int, wall: float | None = None, top: int = 30) -> str:
    """Counts per class, then the failures grouped by signature with one example each."""
    counts = Counter(o.cls for o in outcomes)
    lines = [f"seed {seed}: {len(outcomes)} mutants" +
             (f" in {wall:.0f} s" if wall is not None else ""),
             "  " + "  ".join(f"{c}={counts[c]}" for c in CLASSES)]
    bad = [o for o in outcomes if o.cls not in ACCEPTABLE]
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in bad:
        groups[(o.cls, o.signature)].append(o)
    if groups:
        lines += ["", "failures by signature (count, class, signature, example index):"]
        for (cls, sig), os_ in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"  {len(os_):4d}  {cls:14s} {sig}  [--only {os_[0].index}]")
    declined = Counter(o.signature for o in outcomes if o.cls == "declined")
    if declined:
        lines += ["", f"top decline reasons (of {counts['declined']}):"]
        lines += [f"  {n:4d}  {sig}" for sig, n in declined.most_common(top)]
    return "\n".join(lines)


def main(args) -> int:
    """`torch-onnx-to-torch fuzz`: exit code 1 if any mutant is not ok/declined/diagnostic."""
    import json
    import sys

    kinds = args.kinds.split(",") if args.kinds else None
    if kinds and set(kinds) - set(MUTATIONS):
        raise ValueError(f"unknown mutation kind(s) {sorted(set(kinds) - set(MUTATIONS))}; "
                         f"known: {', '.join(MUTATIONS)}")
    t0 = time.monotonic()
    cases = cf.collect_cases(args.filter)
    if not cases:
        raise ValueError(f"no test case matches --filter {args.filter!r}")
    if args.only:
        indices = [int(x) for x in args.only.split(",")]
    elif args.unmutated:
        indices = range(len(cases))
    else:
        indices = range(args.start, args.start + args.count)
    print(f"fuzz: seed {args.seed}, {len(indices)} mutant(s) of {len(cases)} node tests, "
          f"-j {args.jobs}, timeout {args.timeout:g} s, memory {args.memory_mb} MiB",
          file=sys.stderr, flush=True)
    verbose = bool(args.only) or args.verbose

    def show(o: Outcome) -> None:
        if verbose or o.cls not in ACCEPTABLE:
            print(f"[{o.index}] {o.cls:14s} {o.base}: {'; '.join(o.mutations)}\n"
                  f"    {o.signature}", file=sys.stderr, flush=True)
            if args.only and "\n" in o.error.strip():
                print("    " + o.error.replace("\n", "\n    "), file=sys.stderr)

    outcomes = run(cases, args.seed, indices, args.jobs, args.timeout, args.memory_mb, kinds,
                   on_outcome=show, unmutated=args.unmutated)
    wall = time.monotonic() - t0
    if args.save_dir:
        for o in outcomes:
            if o.cls not in ACCEPTABLE:
                m = Mutant(o.index, o.base, cases[o.index].model) if args.unmutated else \
                    make_mutant(cases, args.seed, o.index, kinds)
                save_failure(o, m, args.seed, args.save_dir)
    if args.json_out:
        with open(args.json_out, "w") as f:
            for o in outcomes:
                f.write(json.dumps({"index": o.index, "base": o.base, "mutations": o.mutations,
                                    "class": o.cls, "op": o.op, "error": o.error[:2000],
                                    "signature": o.signature, "seconds": o.seconds}) + "\n")
    print("\n" + summary(outcomes, args.seed, wall), file=sys.stderr)
    return 0 if all(o.cls in ACCEPTABLE for o in outcomes) else 1
