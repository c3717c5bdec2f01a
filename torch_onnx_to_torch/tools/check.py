"""`torch-onnx-to-torch check MODEL.onnx`: is this model right after our pass?

Import -> our pass -> IREE (llvm-cpu) -> run, on the inputs given or seeded random ones of the
declared shapes and dtypes, compared output by output with onnxruntime (CPU, graph
optimizations off) or with expected outputs from a file. `--bisect` finds the first ONNX node
whose output differs: every intermediate tensor of the main graph becomes a graph output in
both runs, and the nodes are compared in topological order; the first one whose outputs
differ while its inputs agree is reported with its attributes, input shapes and the torch ops
our pass turned it into (the ops carrying its location).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import helper, numpy_helper

from .. import convert
from ..conversion import Report
from ..e2e import compare, compile_torch_ir, run_compiled
from ..importer import ImportFailure, import_model, new_context

_NP = {onnx.TensorProto.FLOAT: np.float32, onnx.TensorProto.DOUBLE: np.float64,
       onnx.TensorProto.FLOAT16: np.float16, onnx.TensorProto.INT64: np.int64,
       onnx.TensorProto.INT32: np.int32, onnx.TensorProto.INT16: np.int16,
       onnx.TensorProto.INT8: np.int8, onnx.TensorProto.UINT8: np.uint8,
       onnx.TensorProto.BOOL: np.bool_}


class CheckError(Exception):
    """A failure to set up the check (bad inputs, no reference): one line for the user."""


@dataclass
class StageFailure:
    """Where our side stopped: import, conversion (ops left), compile or run."""

    stage: str
    lines: list[str]


@dataclass
class Row:
    """One output compared."""

    name: str
    shape: tuple
    dtype: str
    max_abs: float | None
    max_rel: float | None
    why: str  # "" when it matches

    @property
    def verdict(self) -> str:
        return "ok" if not self.why else "DIFFERS"


@dataclass
class Culprit:
    """The first node whose outputs differ while its inputs agree."""

    index: int
    node: onnx.NodeProto
    rows: list[Row]
    inputs: list[tuple[str, str]]  # (name, "shape dtype")
    torch_ops: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- inputs
def graph_inputs(model: onnx.ModelProto) -> list[onnx.ValueInfoProto]:
    """The graph inputs that are not initializers (what a caller feeds)."""
    inits = {t.name for t in model.graph.initializer}
    return [v for v in model.graph.input if v.name not in inits]


def _shape(v: onnx.ValueInfoProto, dims: dict[str, int]) -> list[int]:
    tt = v.type.tensor_type
    if not tt.HasField("shape"):
        raise CheckError(f"input '{v.name}' has no declared shape: give --inputs")
    out = []
    for d in tt.shape.dim:
        if d.HasField("dim_value"):
            out.append(d.dim_value)
        elif d.dim_param in dims:
            out.append(dims[d.dim_param])
        else:
            name = d.dim_param or "?"
            raise CheckError(f"input '{v.name}' has the dynamic dim '{name}': give --dim "
                             f"{name}=SIZE (or --inputs)")
    return out


def random_inputs(model: onnx.ModelProto, dims: dict[str, int], seed: int) -> list[np.ndarray]:
    """Seeded inputs of the declared shapes and dtypes: floats ~ N(0, 1), integers in [0, 8)
    (safe as token ids and indices of tiny vocabularies), bools fair coins."""
    rng = np.random.default_rng(seed)
    out = []
    for v in graph_inputs(model):
        if not v.type.HasField("tensor_type"):
            raise CheckError(f"input '{v.name}' is not a tensor (sequences and optionals are "
                             "not supported by check)")
        elt = v.type.tensor_type.elem_type
        if elt not in _NP:
            raise CheckError(f"input '{v.name}' has dtype "
                             f"{onnx.TensorProto.DataType.Name(elt)}: give --inputs")
        shape, kind = _shape(v, dims), np.dtype(_NP[elt])
        if kind == np.bool_:
            out.append(rng.random(shape) < 0.5)
        elif kind.kind in "iu":
            out.append(rng.integers(0, 8, size=shape).astype(kind))
        else:
            out.append(rng.standard_normal(shape).astype(kind))
    return out


def load_arrays(path: str, names: list[str]) -> list[np.ndarray]:
    """Arrays from an .npz, by name, else positionally (arr_0, arr_1, ...)."""
    try:
        with np.load(path) as z:
            files = set(z.files)
            if all(n in files for n in names):
                return [z[n] for n in names]
            keys = [f"arr_{i}" for i in range(len(names))]
            if all(k in files for k in keys):
                return [z[k] for k in keys]
            raise CheckError(f"{path} holds {sorted(files)}; expected {names} or "
                             f"arr_0..arr_{len(names) - 1}")
    except (OSError, ValueError) as e:
        raise CheckError(f"cannot read {path}: {e}") from None


# ----------------------------------------------------------------------------- the two runs
def reference_outputs(model: onnx.ModelProto, inputs: list[np.ndarray],
                      names: list[str]) -> list[np.ndarray]:
    """onnxruntime (CPU, graph optimizations off) on `model`; outputs `names`."""
    try:
        import onnxruntime as ort
    except ImportError:
        raise CheckError("no reference: onnxruntime is not installed; give --expected "
                         "FILE.npz") from None
    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    so.log_severity_level = 3
    try:
        sess = ort.InferenceSession(model.SerializeToString(), so,
                                    providers=["CPUExecutionProvider"])
        feeds = {v.name: x for v, x in zip(graph_inputs(model), inputs)}
        return sess.run(names, feeds)
    except Exception as e:  # onnxruntime raises its own exception types
        raise CheckError(f"onnxruntime failed: {str(e).splitlines()[0]}") from None


def our_outputs(model: onnx.ModelProto, inputs: list[np.ndarray], registry=None):
    """Import -> our pass -> IREE -> run: (outputs, converted module text with locations) or
    a StageFailure."""
    try:
        module = import_model(model, new_context())
    except ImportFailure as e:
        return StageFailure("import", [str(e)])
    report: Report = convert(module, registry=registry) if registry is not None \
        else convert(module)
    if report.declines:
        return StageFailure("convert", [f"{d.op} at {d.location}: {d.reason}"
                                        for d in report.declines])
    with_locs = module.operation.get_asm(enable_debug_info=True)
    try:
        vmfb = compile_torch_ir(module.operation.get_asm(enable_debug_info=False))
    except Exception as e:
        lines = [ln for ln in str(e).splitlines() if "error" in ln][:3] or \
            [str(e).splitlines()[0]]
        return StageFailure("compile", lines)
    try:
        return run_compiled(vmfb, model.graph.name, inputs), with_locs
    except Exception as e:
        return StageFailure("run", [f"{type(e).__name__}: {str(e).splitlines()[0]}"])


def compare_row(name: str, actual, expected, rtol: float, atol: float) -> Row:
    """One output: its errors and whether it matches (e2e.compare's rules)."""
    e = np.asarray(expected)
    a = np.asarray(actual)
    why = compare(a, e, rtol, atol)
    max_abs = max_rel = None
    if a.shape == e.shape and e.dtype.kind in "fciub" and e.size:
        d = np.abs(a.astype(np.float64) - e.astype(np.float64))
        d = np.where(np.isnan(a.astype(np.float64)) & np.isnan(e.astype(np.float64)), 0, d)
        max_abs = float(np.nanmax(d)) if d.size else 0.0
        scale = np.maximum(np.abs(e.astype(np.float64)), np.finfo(np.float64).tiny)
        max_rel = float(np.nanmax(d / scale)) if d.size else 0.0
    return Row(name, tuple(e.shape), str(e.dtype), max_abs, max_rel, why)


# ----------------------------------------------------------------------------- bisection
def name_nodes(model: onnx.ModelProto) -> None:
    """Give every unnamed or duplicate-named main-graph node a unique name (the importer uses
    node names as op locations; bisection finds our ops for a node by it)."""
    seen: set[str] = set()
    for i, node in enumerate(model.graph.node):
        if not node.name or node.name in seen:
            node.name = f"{node.op_type}_{i}"
        seen.add(node.name)


def _typed_values(model: onnx.ModelProto) -> dict[str, onnx.ValueInfoProto]:
    out = {}
    for v in [*model.graph.value_info, *model.graph.output]:
        tt = v.type.tensor_type if v.type.HasField("tensor_type") else None
        if tt is not None and tt.elem_type in _NP and tt.HasField("shape"):
            out[v.name] = v
    return out


def with_intermediates(model: onnx.ModelProto) -> tuple[onnx.ModelProto, list[str]]:
    """A copy of `model` whose outputs are every typed intermediate tensor of the main graph
    (then the original outputs); returns it and the names of its outputs."""
    typed = _typed_values(model)
    outputs = {o.name for o in model.graph.output}
    names = [o for n in model.graph.node for o in n.output
             if o and o in typed and o not in outputs]
    m = copy.deepcopy(model)
    extra = [typed[n] for n in names]
    originals = list(m.graph.output)
    del m.graph.output[:]
    m.graph.output.extend(extra + originals)
    return m, [v.name for v in m.graph.output]


def find_culprit(model: onnx.ModelProto, inputs: list[np.ndarray], rtol: float, atol: float,
                 registry=None) -> Culprit | StageFailure | None:
    """The first main-graph node, in topological order, whose outputs differ between
    onnxruntime and our path; None when every exposed value agrees."""
    m, names = with_intermediates(model)
    expected = reference_outputs(m, inputs, names)
    ours = our_outputs(m, inputs, registry)
    if isinstance(ours, StageFailure):
        return ours
    actual, text = ours
    by_name = dict(zip(names, zip(actual, expected)))
    typed = _typed_values(model)
    for i, node in enumerate(model.graph.node):
        rows = [compare_row(o, *by_name[o], rtol, atol) for o in node.output if o in by_name]
        if not any(r.why for r in rows):
            continue
        ins = []
        for x in node.input:
            v = typed.get(x) or next((g for g in model.graph.input if g.name == x), None)
            init = next((t for t in model.graph.initializer if t.name == x), None)
            if init is not None:
                ins.append((x, f"{list(init.dims)} {onnx.TensorProto.DataType.Name(init.data_type).lower()} (initializer)"))
            elif v is not None and v.type.HasField("tensor_type"):
                tt = v.type.tensor_type
                dims = [d.dim_value if d.HasField("dim_value") else (d.dim_param or "?")
                        for d in tt.shape.dim]
                ins.append((x, f"{dims} {onnx.TensorProto.DataType.Name(tt.elem_type).lower()}"))
            else:
                ins.append((x, "(type unknown)"))
        return Culprit(i, node, rows, ins, ops_for_node(text, node.name))
    return None


def ops_for_node(text: str, node_name: str, limit: int = 40) -> list[str]:
    """The ops of converted module `text` (printed with locations) located at `node_name`,
    printed without the location suffix."""
    aliases = set()
    for line in text.splitlines():
        if line.startswith("#loc") and f'loc("{node_name}")' in line:
            aliases.add(line.split(" = ", 1)[0])
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#") or not s.endswith(")") or " loc(" not in s:
            continue
        body, _, loc = s.rpartition(" loc(")
        loc = loc[:-1]
        if loc in aliases or loc == f'"{node_name}"':
            out.append(body.strip())
            if len(out) == limit:
                out.append("...")
                break
    return out


# ----------------------------------------------------------------------------- report
def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3g}"


def table(rows: list[Row]) -> str:
    """The per-output table."""
    head = ("output", "shape", "dtype", "max abs err", "max rel err", "verdict")
    body = [(r.name, "x".join(map(str, r.shape)) or "scalar", r.dtype, _fmt(r.max_abs),
             _fmt(r.max_rel), r.verdict) for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(head, *body)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip()
             for line in [head, *body]]
    return "\n".join(lines)


def describe(c: Culprit) -> str:
    """The culprit node, for a human."""
    n = c.node
    attrs = ", ".join(f"{a.name}={_short(helper.get_attribute_value(a))}" for a in n.attribute)
    lines = [f"first differing node: #{c.index} '{n.name}' "
             f"{(n.domain + '.') if n.domain else ''}{n.op_type}"
             + (f" {{{attrs}}}" if attrs else "")]
    for name, t in c.inputs:
        lines.append(f"  input  {name}: {t}")
    for r in c.rows:
        lines.append(f"  output {r.name}: {r.verdict}" + (f" ({r.why})" if r.why else ""))
    lines.append("  our pass turned it into:" if c.torch_ops else
                 "  (no op of the converted module carries this node's location)")
    lines += [f"    {op}" for op in c.torch_ops]
    return "\n".join(lines)


def _short(v) -> str:
    if isinstance(v, onnx.TensorProto):
        arr = numpy_helper.to_array(v)
        return f"tensor{list(arr.shape)}" if arr.size > 8 else repr(arr.tolist())
    if isinstance(v, bytes):
        return repr(v.decode(errors="replace"))
    if isinstance(v, onnx.GraphProto):
        return f"<graph {v.name}>"
    s = repr(v)
    return s if len(s) <= 60 else s[:57] + "..."


@dataclass
class Result:
    """What `check` found: per-output rows, or the stage that failed; and the culprit."""

    rows: list[Row] = field(default_factory=list)
    failure: StageFailure | None = None
    bisected: bool = False
    culprit: Culprit | StageFailure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.rows) and not any(r.why for r in self.rows)


def check(model: onnx.ModelProto, inputs: list[np.ndarray] | None = None,
          expected: list[np.ndarray] | None = None, dims: dict[str, int] | None = None,
          seed: int = 0, rtol: float = 1e-3, atol: float = 1e-4, bisect: bool = False,
          registry=None) -> Result:
    """Check shape-inferred `model` end to end; `registry` swaps in other handlers (tests
    plant a wrong one to see bisection find it)."""
    model = copy.deepcopy(model)
    name_nodes(model)
    if inputs is None:
        inputs = random_inputs(model, dims or {}, seed)
    if len(inputs) != len(graph_inputs(model)):
        raise CheckError(f"the model takes {len(graph_inputs(model))} inputs, got "
                         f"{len(inputs)}")
    names = [o.name for o in model.graph.output]
    if expected is None:
        expected = reference_outputs(model, inputs, names)
    ours = our_outputs(model, inputs, registry)
    if isinstance(ours, StageFailure):
        return Result(failure=ours)
    actual, _ = ours
    if len(actual) != len(expected):
        why = f"{len(actual)} outputs, expected {len(expected)}"
        return Result(failure=StageFailure("run", [why]))
    res = Result([compare_row(n, a, e, rtol, atol)
                  for n, a, e in zip(names, actual, expected)])
    if bisect and not res.ok:
        res.bisected = True
        res.culprit = find_culprit(model, inputs, rtol, atol, registry)
    return res


def format_result(path: str, res: Result) -> str:
    """The text `check` prints."""
    if res.failure is not None:
        f = res.failure
        return "\n".join([f"{path}: FAILED at {f.stage}"] + [f"  {ln}" for ln in f.lines])
    out = [table(res.rows)]
    bad = sum(1 for r in res.rows if r.why)
    out.append(f"{path}: {'OK' if res.ok else 'MISMATCH'}: "
               f"{len(res.rows) - bad}/{len(res.rows)} outputs match")
    for r in res.rows:
        if r.why:
            out.append(f"  {r.name}: {r.why}")
    c = res.culprit
    if isinstance(c, Culprit):
        out.append(describe(c))
    elif isinstance(c, StageFailure):
        out.append(f"bisection could not run: the model with its intermediates exposed "
                   f"failed at {c.stage}: " + "; ".join(c.lines[:2]))
    elif res.bisected:
        out.append("bisection: every exposed intermediate value agrees; the difference is in "
                   "a value without an inferred type or in the outputs' own nodes")
    return "\n".join(out)
