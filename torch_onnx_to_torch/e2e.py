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

from . import convert
from .importer import ImportFailure, import_model, new_context

STAGES = ("import_error", "convert_error", "unconverted", "compile_error", "run_error",
          "mismatch", "pass")


@dataclass
class Outcome:
    """Where one model got to, and why it stopped there."""

    stage: str
    detail: str = ""
    unconverted: dict[str, list[str]] = field(default_factory=dict)  # op -> reasons


def _first_lines(text: str, n: int = 6) -> str:
    lines = [ln for ln in str(text).strip().splitlines() if ln.strip()]
    return "\n".join(lines[:n])


def convert_model(model: onnx.ModelProto, converter=None):
    """Import + convert; returns (module text, Outcome or None when everything converted).

    `converter(module)` defaults to our pass; the conformance reference swaps in another.
    """
    ctx = new_context()
    try:
        module = import_model(model, ctx)
    except ImportFailure as e:
        return None, Outcome("import_error", _first_lines(str(e)))
    try:
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
    except Exception as e:
        return None, Outcome("convert_error", _first_lines(str(e)))
    text = module.operation.get_asm(enable_debug_info=False)
    left = sorted(set(re.findall(r'torch\.operator "(onnx\.[A-Za-z0-9_.]+)"', text)))
    if left:
        unconv = {op: reasons.get(op, ["left by the converter"]) for op in left}
        detail = "; ".join(f"{op}: {' | '.join(r)}" for op, r in unconv.items())
        return text, Outcome("unconverted", _first_lines(detail, 3), unconv)
    return text, None


def compile_torch_ir(text: str) -> bytes:
    """Compile torch-dialect IR (no `onnx.*` ops left) for the llvm-cpu target."""
    import iree.compiler as ireec

    return ireec.compile_str(text, target_backends=["llvm-cpu"], input_type="torch",
                             extra_args=["--iree-llvmcpu-target-cpu=host"])


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
    return [np.asarray(r.to_host() if hasattr(r, "to_host") else r) for r in results]


def compare(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> str:
    """'' if equal within tolerance (exact for ints/bools, NaN == NaN), else why not."""
    if tuple(actual.shape) != tuple(expected.shape):
        return f"shape {tuple(actual.shape)} != expected {tuple(expected.shape)}"
    if expected.dtype.kind in "biu" or expected.dtype == np.bool_:
        if actual.dtype != expected.dtype and actual.astype(expected.dtype).tolist() != \
                actual.tolist():
            return f"dtype {actual.dtype} != expected {expected.dtype}"
        bad = np.asarray(actual).astype(expected.dtype) != expected
        if bad.any():
            i = np.argwhere(bad)[0]
            return (f"{int(bad.sum())} of {bad.size} elements differ, first at {tuple(i)}: "
                    f"{actual[tuple(i)]} != {expected[tuple(i)]}")
        return ""
    a = np.asarray(actual, dtype=np.float64) if expected.dtype.kind != "c" else actual
    e = np.asarray(expected, dtype=np.float64) if expected.dtype.kind != "c" else expected
    ok = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    if not ok.all():
        i = np.argwhere(~ok)[0]
        return (f"{int((~ok).sum())} of {ok.size} elements differ beyond rtol={rtol} "
                f"atol={atol}, first at {tuple(i)}: {a[tuple(i)]} != {e[tuple(i)]}")
    return ""


def read_pb(path: str) -> np.ndarray:
    """A TensorProto file of an ONNX test data set as numpy."""
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return numpy_helper.to_array(t)


def run_model(model: onnx.ModelProto, data_sets, rtol: float = 1e-3, atol: float = 1e-7,
              converter=None) -> Outcome:
    """The whole flow for one model; `data_sets` is [(inputs, expected_outputs), ...]."""
    text, failed = convert_model(model, converter)
    if failed:
        return failed
    try:
        vmfb = compile_torch_ir(text)
    except Exception as e:
        return Outcome("compile_error", _first_lines(_compiler_message(str(e))))
    entry = _entry_name(model)
    for k, (inputs, expected) in enumerate(data_sets):
        try:
            actual = run_compiled(vmfb, entry, list(inputs))
        except Exception as e:
            return Outcome("run_error", _first_lines(f"data set {k}: {type(e).__name__}: {e}"))
        if len(actual) != len(expected):
            return Outcome("mismatch", f"data set {k}: {len(actual)} outputs, expected "
                                       f"{len(expected)}")
        for j, (a, e) in enumerate(zip(actual, expected)):
            why = compare(a, np.asarray(e), rtol, atol)
            if why:
                return Outcome("mismatch", f"data set {k} output {j}: {why}")
    return Outcome("pass")


def _compiler_message(text: str) -> str:
    """The error lines of an iree-compile failure, without its invocation banner."""
    errs = [ln for ln in text.splitlines() if "error:" in ln]
    return "\n".join(errs) if errs else text
