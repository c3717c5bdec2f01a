"""End to end: ONNX model -> our conversion -> IREE (llvm-cpu) -> run -> compare.

`run_model` is the one place that does the whole flow for one model and its data sets; the
conformance harness calls it per ONNX node test case (in a subprocess, so a crash or hang in
a compiler only loses that case). It never hands IR with `onnx.*` ops left to IREE, whose own
torch input path would otherwise convert them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import numpy_helper

from . import boundary, convert
from .importer import ImportFailure, import_model, infer_model_shapes, new_context

STAGES = ("import_error", "convert_error", "unconverted", "compile_error", "run_error",
          "mismatch", "pass")


@dataclass
class Outcome:
    """Where one model got to, and why it stopped there."""

    stage: str
    detail: str = ""
    unconverted: dict[str, list[str]] = field(default_factory=dict)  # op -> reasons


class Unconverted(Exception):
    """Raised by a converter hook that failed because it could not convert some ops."""

    def __init__(self, reasons: dict[str, list[str]]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def _first_lines(text: str, n: int = 6) -> str:
    lines = [ln for ln in str(text).strip().splitlines() if ln.strip()]
    return "\n".join(lines[:n])


def convert_model(model: onnx.ModelProto, converter=None, progress=None, specialize=None):
    """Shape-infer, import, convert; returns (module text, Outcome or None when all converted).

    `converter(module)` defaults to our pass; the conformance reference swaps in another.
    `specialize(module)`, if given, rewrites the imported module before the conversion and
    again after it (`specialize(module, after=True)`): the boundary of sequence and optional
    arguments and results (see `run_model`).
    """
    ctx = new_context()
    try:
        module = import_model(infer_model_shapes(model), ctx)
    except ImportFailure as e:
        return None, Outcome("import_error", _first_lines(str(e)))
    if progress:
        progress("convert_error")
    try:
        if specialize is not None:
            specialize(module)
        if converter is None:
            report = convert(module)
            reasons = {}
            for d in report.declines:
                reasons.setdefault(d.op, [])
                if d.reason not in reasons[d.op]:
                    reasons[d.op].append(d.reason)
        else:
            converter(module)
            reasons = {}
    except Unconverted as e:
        detail = "; ".join(f"{op}: {' | '.join(r)}" for op, r in e.reasons.items())
        return None, Outcome("unconverted", _first_lines(detail, 3), e.reasons)
    except Exception as e:
        return None, Outcome("convert_error", _first_lines(str(e)))
    text = module.operation.get_asm(enable_debug_info=False)
    left = sorted(set(re.findall(r'torch\.operator "(onnx\.[A-Za-z0-9_.]+)"', text)))
    if left:
        unconv = {op: reasons.get(op, ["left by the converter"]) for op in left}
        detail = "; ".join(f"{op}: {' | '.join(r)}" for op, r in unconv.items())
        return text, Outcome("unconverted", _first_lines(detail, 3), unconv)
    if specialize is not None:
        try:
            specialize(module, after=True)
        except ValueError as e:
            why = f"a sequence or optional result stays in the signature: {e}"
            return None, Outcome("compile_error", why)
        text = module.operation.get_asm(enable_debug_info=False)
    return text, None


def compile_torch_ir(text: str) -> bytes:
    """Compile torch-dialect IR (no `onnx.*` ops left) for the llvm-cpu target."""
    import iree.compiler as ireec

    # IREE demotes f64 to f32 by default, which breaks the ABI of every f64 input/output.
    return ireec.compile_str(text, target_backends=["llvm-cpu"], input_type="torch",
                             extra_args=["--iree-llvmcpu-target-cpu=host",
                                         "--iree-input-demote-f64-to-f32=false"])


def _entry_name(model: onnx.ModelProto) -> str:
    return model.graph.name


def run_compiled(vmfb: bytes, entry: str, inputs: list[np.ndarray]) -> list[np.ndarray]:
    """Run `entry` of a compiled module on the local CPU."""
    import iree.runtime as ireert

    config = ireert.Config("local-sync")
    vm_module = ireert.VmModule.copy_buffer(config.vm_instance, vmfb)
    ctx = ireert.SystemContext(config=config)
    ctx.add_vm_module(vm_module)
    fn = ctx.modules.module[entry]
    results = fn(*inputs)
    if not isinstance(results, (list, tuple)):
        results = [results]
    return [_host(r) for r in results]


def _host(r):
    if isinstance(r, (list, tuple)):
        return [_host(x) for x in r]
    return np.asarray(r.to_host() if hasattr(r, "to_host") else r)


def as_value(v):
    """A data-set entry as numpy: TensorProto -> array, sequences element-wise, None kept."""
    if isinstance(v, onnx.TensorProto):
        return numpy_helper.to_array(v)
    if isinstance(v, (list, tuple)):
        return [as_value(x) for x in v]
    if v is None:
        return None
    return np.asarray(v)


def _exact_kind(dt: np.dtype) -> bool:
    """Integers and bools compare exactly; so do ml_dtypes' sub-byte ints (int4, uint2, ...)."""
    return dt.kind in "biu" or dt.name.startswith(("int", "uint"))


def compare(actual, expected, rtol: float, atol: float) -> str:
    """'' if `actual` matches `expected`, else why not.

    Like the ONNX backend runner: same shape and dtype, allclose with the case's rtol/atol
    (bfloat16 gets two ULPs of rtol), NaN equal to NaN; but ints and bools must be exact.
    Sequences compare element-wise; strings compare exactly.
    """
    if isinstance(expected, (list, tuple)) or expected is None:
        if not isinstance(actual, (list, tuple)) and expected is not None:
            return f"got a {type(actual).__name__}, expected a sequence"
        if expected is None:
            return "" if actual is None else "expected an empty optional"
        if len(actual) != len(expected):
            return f"sequence of {len(actual)} tensors, expected {len(expected)}"
        for k, (a, e) in enumerate(zip(actual, expected)):
            why = compare(a, e, rtol, atol)
            if why:
                return f"sequence element {k}: {why}"
        return ""
    actual, expected = np.asarray(actual), np.asarray(expected)
    if tuple(actual.shape) != tuple(expected.shape):
        return f"shape {tuple(actual.shape)} != expected {tuple(expected.shape)}"
    if expected.dtype.kind in "OUS":
        bad = actual.astype(str) != expected.astype(str)
        return f"{int(bad.sum())} of {bad.size} strings differ" if bad.any() else ""
    if actual.dtype != expected.dtype and actual.dtype.kind in "iu" and \
            expected.dtype.kind in "iu" and actual.dtype.itemsize == expected.dtype.itemsize:
        # IREE's ABI has signless integers: a ui8 result comes back as int8 with the same bits.
        actual = actual.view(expected.dtype)
    if actual.dtype != expected.dtype:
        return f"dtype {actual.dtype} != expected {expected.dtype}"
    if _exact_kind(expected.dtype):
        a, e = actual.astype(np.int64), expected.astype(np.int64)
        if expected.dtype == np.uint64:
            a, e = actual, expected
        bad = a != e
        if bad.any():
            i = tuple(int(x) for x in np.argwhere(bad)[0])
            return (f"{int(bad.sum())} of {bad.size} elements differ, first at {i}: "
                    f"{actual[i]} != {expected[i]}")
        return ""
    if expected.dtype.name == "bfloat16":
        rtol = max(rtol, 2**-6)
    if expected.dtype.kind == "c":
        a, e = actual, expected
    else:
        a, e = actual.astype(np.float64), expected.astype(np.float64)
    ok = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    if not ok.all():
        i = tuple(int(x) for x in np.argwhere(~ok)[0])
        return (f"{int((~ok).sum())} of {ok.size} elements differ beyond rtol={rtol} "
                f"atol={atol}, first at {i}: {a[i]} != {e[i]}")
    return ""


def read_pb(path: str) -> np.ndarray:
    """A TensorProto file of an ONNX test data set as numpy."""
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return numpy_helper.to_array(t)


def run_model(model: onnx.ModelProto, data_sets, rtol: float = 1e-3, atol: float = 1e-7,
              converter=None, progress=None) -> Outcome:
    """The whole flow for one model; `data_sets` is [(inputs, expected_outputs), ...].

    `progress(stage)`, if given, is called before each step with the stage a failure there
    would be recorded as (import_error, compile_error, run_error), so a supervisor that sees
    the process die or hang knows where it was.

    IREE takes no list or optional in a function signature: a model whose graph takes or
    returns sequences or optionals is specialized to each data set (its sequence lengths and
    which optionals are present), converted and compiled once per data set (boundary.py).
    """
    if converter is None and boundary.needs_flattening(model):
        for k, data_set in enumerate(data_sets):
            out = _run(model, [data_set], rtol, atol, None, progress, k)
            if out.stage != "pass":
                return out
        return Outcome("pass")
    return _run(model, data_sets, rtol, atol, converter, progress)


def _run(model, data_sets, rtol, atol, converter, progress, specialized: int | None = None):
    note = progress or (lambda stage: None)
    note("import_error")
    layout: dict = {}
    specialize = None
    if specialized is not None:
        inputs = [as_value(x) for x in data_sets[0][0]]

        def specialize(module, after=False):
            if after:
                layout["results"] = boundary.flatten_results(module, _entry_name(model))
            else:
                layout["inputs"] = boundary.specialize_inputs(module, _entry_name(model), inputs)

    text, failed = convert_model(model, converter, note, specialize)
    if failed:
        return failed
    note("compile_error")
    try:
        vmfb = compile_torch_ir(text)
    except Exception as e:
        return Outcome("compile_error", _first_lines(_compiler_message(str(e))))
    entry = _entry_name(model)
    for k, (inputs, expected) in enumerate(data_sets):
        k = k if specialized is None else specialized
        note("run_error")
        try:
            if specialized is None:
                actual = run_compiled(vmfb, entry, [as_value(x) for x in inputs])
            else:
                actual = boundary.regroup(run_compiled(vmfb, entry, layout["inputs"]),
                                          layout["results"])
        except Exception as e:
            return Outcome("run_error", _first_lines(f"data set {k}: {type(e).__name__}: {e}"))
        if len(actual) != len(expected):
            return Outcome("mismatch", f"data set {k}: {len(actual)} outputs, expected "
                                       f"{len(expected)}")
        note("mismatch")
        for j, (a, e) in enumerate(zip(actual, expected)):
            why = compare(a, as_value(e), rtol, atol)
            if why:
                return Outcome("mismatch", f"data set {k} output {j}: {why}")
    return Outcome("pass")


def _compiler_message(text: str) -> str:
    """The error lines of an iree-compile failure, without its invocation banner."""
    errs = [ln for ln in text.splitlines() if "error:" in ln]
    return "\n".join(errs) if errs else text
