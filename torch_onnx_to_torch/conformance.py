"""Conformance on the ONNX backend node tests: every case end to end, isolated, compared.

Each case runs in its own forked child (own session, stdout/stderr to a log file), so a compiler
crash, an abort or a hang loses only that case. A case that dies or times out is recorded at the
stage it had reached (`run_model` reports its progress): a hang while compiling is a
`compile_error` whose detail starts with "timeout", a segfault while running is a `run_error`
whose detail starts with "crashed". The stage set is exactly `e2e.STAGES`.

Expectations (the xfail list) are a JSONL file with one `{"name", "stage", "reason"}` line per
case, sorted by name; comparing a run with them flags every case expected to pass that did not
(a regression, exit code 1) and every case that newly passes (reported, exit code 0).
"""

from __future__ import annotations

import faulthandler
import json
import multiprocessing as mp
import multiprocessing.connection as mpc
import os
import re
import signal
import sys
import tempfile
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from .e2e import STAGES

OURS = "torch-onnx-to-torch (Python pass)"
REFERENCE_CXX = "REFERENCE: torch-mlir C++ convert-torch-onnx-to-torch (not used by the product)"
DEFAULT_TIMEOUT = 300.0


@dataclass
class CaseResult:
    """One case's outcome, as written to the JSONL output."""

    name: str
    stage: str
    detail: str = ""
    ops: list[str] = field(default_factory=list)
    unconverted: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    converter: str = OURS
    # Lowering mode only: backend -> {"status": lowered|failed|crashed|timeout, "detail": ...}.
    lowering: dict[str, dict] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Cases


def collect_cases(filter_re: str | None = None, sample: int = 1):
    """The ONNX node test cases whose name matches `filter_re`, sorted by name.

    `sample=k` keeps every k-th of them (0th, k-th, ...): a deterministic subset.
    """
    import numpy as np
    from onnx.backend.test.case.node import collect_testcases

    # Building the cases runs the reference implementation, which warns about overflow & co.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        cases = collect_testcases(None)
    pat = re.compile(filter_re) if filter_re else None
    cases = sorted((c for c in cases if pat is None or pat.search(c.name)), key=lambda c: c.name)
    return cases[::sample] if sample > 1 else cases


def model_ops(model) -> list[str]:
    """Op types in a model's graph, including those in subgraphs (If/Loop/Scan bodies)."""
    from .importer import walk_nodes

    return sorted({node.op_type for node in walk_nodes(model.graph)})


def cxx_reference_converter(module) -> None:
    """torch-mlir's C++ pass, for the labelled reference run only; never used by the product.

    A pattern failure in the C++ pass fails the whole pass ("failed to legalize operation
    'torch.operator'"); that is reported as those ops being unconverted, like ours.
    """
    from torch_mlir import ir, passmanager

    from .e2e import Unconverted

    with module.context:
        pm = passmanager.PassManager.parse(
            "builtin.module(func.func(convert-torch-onnx-to-torch))")
        try:
            pm.run(module.operation)
        except ir.MLIRError as e:
            text = str(e)
            if "failed to legalize operation 'torch.operator'" not in text:
                raise
            ops = re.findall(r"failed to legalize operation 'torch.operator'.*?"
                             r'name = "(onnx\.[A-Za-z0-9_.]+)"', text)
            raise Unconverted({op: ["C++ pattern failed"] for op in sorted(set(ops))}) from None


def run_case(case, reference: bool = False, progress=None) -> CaseResult:
    """Run one case in this process (no isolation)."""
    from .e2e import run_model

    start = time.monotonic()
    conv = cxx_reference_converter if reference else None
    out = run_model(case.model, case.data_sets, case.rtol, case.atol, converter=conv,
                    progress=progress)
    return CaseResult(case.name, out.stage, out.detail, model_ops(case.model), out.unconverted,
                      round(time.monotonic() - start, 2), REFERENCE_CXX if reference else OURS)


# ---------------------------------------------------------------------------------------------
# Isolated, parallel execution


def _child(case, reference: bool, conn, log_path: str, runner) -> None:
    os.setsid()  # our own process group, so a timeout also kills iree-compile
    faulthandler.disable()  # a parent's handler would dump our crash onto its own stderr
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    phase = ["import_error"]

    def progress(stage):
        phase[0] = stage
        conn.send(("phase", stage))

    try:
        result = runner(case, reference, progress)
    except BaseException as e:  # a harness bug in one case must not stop the run
        result = CaseResult(case.name, phase[0], f"harness error: {type(e).__name__}: {e}")
    conn.send(("result", result))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: MLIR/IREE destructors can crash after the fact


@dataclass
class _Running:
    proc: mp.Process
    conn: mpc.Connection
    case: object
    log: str
    start: float
    phase: str = "import_error"
    result: CaseResult | None = None


def _log_tail(path: str, n: int = 3) -> str:
    try:
        with open(path, errors="replace") as f:
            lines = [ln.rstrip() for ln in f if ln.strip()]
    except OSError:
        return ""
    return "\n".join(lines[-n:])


def _preload() -> None:
    """Import the heavy modules once, before forking, so children start fast."""
    import iree.compiler
    import iree.runtime  # noqa: F401

    from . import e2e  # noqa: F401
    from .conversion import _default

    _default()  # build the pattern registry once


def run_cases(cases, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT, reference: bool = False,
              on_result=None, runner=run_case) -> list[CaseResult]:
    """Run `cases`, each in a forked child, `jobs` at a time; results sorted by name.

    `runner(case, reference, progress)` does one case in the child (tests swap it).
    """
    if runner is run_case:
        _preload()
    ctx = mp.get_context("fork")
    todo = list(cases)[::-1]
    running: dict[int, _Running] = {}
    results: list[CaseResult] = []
    logdir = tempfile.mkdtemp(prefix="onnx-conformance-")
    try:
        while todo or running:
            while todo and len(running) < max(1, jobs):
                case = todo.pop()
                recv, send = ctx.Pipe(duplex=False)
                log = os.path.join(logdir, f"{case.name}.log")
                proc = ctx.Process(target=_child, args=(case, reference, send, log, runner),
                                   daemon=True)
                proc.start()
                send.close()
                running[proc.sentinel] = _Running(proc, recv, case, log, time.monotonic())
            waitables = [r.conn for r in running.values()] + list(running)
            now = time.monotonic()
            deadline = min(r.start + timeout for r in running.values())
            mpc.wait(waitables, timeout=max(0.0, deadline - now))
            for key, r in list(running.items()):
                _drain(r)
                done = None
                if not r.proc.is_alive():
                    r.proc.join()
                    _drain(r)
                    done = r.result or _died(r)
                elif time.monotonic() - r.start > timeout:
                    _kill(r.proc)
                    done = CaseResult(r.case.name, r.phase,
                                      f"timeout after {timeout:g} s ({_PHASE[r.phase]})")
                if done is None:
                    continue
                del running[key]
                r.conn.close()
                if not done.ops:
                    done.ops = model_ops(r.case.model)
                done.converter = REFERENCE_CXX if reference else OURS
                if not done.seconds:
                    done.seconds = round(time.monotonic() - r.start, 2)
                try:
                    os.unlink(r.log)
                except OSError:
                    pass
                results.append(done)
                if on_result:
                    on_result(done)
    finally:
        for r in running.values():
            _kill(r.proc)
        try:
            for f in os.listdir(logdir):
                os.unlink(os.path.join(logdir, f))
            os.rmdir(logdir)
        except OSError:
            pass
    return sorted(results, key=lambda r: r.name)


_PHASE = {"import_error": "while importing", "convert_error": "while converting",
          "compile_error": "while compiling", "run_error": "while running",
          "mismatch": "while comparing"}


def _drain(r: _Running) -> None:
    try:
        while r.conn.poll():
            kind, payload = r.conn.recv()
            if kind == "phase":
                r.phase = payload
            else:
                r.result = payload
    except (EOFError, OSError):
        pass


def _died(r: _Running) -> CaseResult:
    code = r.proc.exitcode
    how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
    tail = _log_tail(r.log)
    detail = f"crashed with {how} ({_PHASE[r.phase]})" + (f"\n{tail}" if tail else "")
    return CaseResult(r.case.name, r.phase, detail)


def _kill(proc: mp.Process) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.join(5)


# ---------------------------------------------------------------------------------------------
# Output


def write_jsonl(results: list[CaseResult], path: str) -> None:
    """One JSON object per case."""
    with open(path, "w") as f:
        f.writelines(json.dumps(_record(r), sort_keys=True) + "\n" for r in results)


def _record(r: CaseResult) -> dict:
    d = asdict(r)
    if not d["lowering"]:  # the end-to-end runs keep their format
        del d["lowering"]
    return d


def read_jsonl(path: str) -> list[CaseResult]:
    """Results written by `write_jsonl`."""
    out = []
    with open(path) as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append(CaseResult(**{k: d[k] for k in CaseResult.__dataclass_fields__
                                         if k in d}))
    return out


def letter_range(spec: str) -> set[str]:
    """`A-F` -> {'A', ..., 'F'}; `ABQ` -> {'A', 'B', 'Q'}."""
    spec = spec.upper()
    if len(spec) == 3 and spec[1] == "-":
        return {chr(c) for c in range(ord(spec[0]), ord(spec[2]) + 1)}
    return set(spec)


def ops_all_in(ops, letters: set[str]) -> bool:
    """True if the model has ops and every op type starts with one of `letters`."""
    return bool(ops) and all(op[:1].upper() in letters for op in ops)


def _pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.1f}%" if total else "-"


def summary_markdown(results: list[CaseResult], reference: list[CaseResult] | None = None,
                     title: str | None = None, top: int = 40, note: str = "") -> str:
    """Counts per stage, pass rate, per-op pass/total, top reasons ops were left."""
    label = results[0].converter if results else OURS
    lines = [f"# ONNX node-test conformance: {title or label}", ""]
    if note:
        lines += [note, ""]
    total = len(results)
    stages = Counter(r.stage for r in results)
    if reference:
        names = {r.name for r in results}
        ref_in = [r for r in reference if r.name in names]
        ref_stages = Counter(r.stage for r in ref_in)
        lines += ["| stage | cases | % | reference (torch-mlir C++) | % |",
                  "|---|---:|---:|---:|---:|"]
        for s in STAGES:
            lines.append(f"| {s} | {stages[s]} | {_pct(stages[s], total)} | {ref_stages[s]} | "
                         f"{_pct(ref_stages[s], len(ref_in))} |")
        lines.append(f"| **total** | {total} | | {len(ref_in)} | |")
    else:
        lines += ["| stage | cases | % |", "|---|---:|---:|"]
        for s in STAGES:
            lines.append(f"| {s} | {stages[s]} | {_pct(stages[s], total)} |")
        lines.append(f"| **total** | {total} | |")
    lines += ["", f"**Pass rate: {stages['pass']}/{total} ({_pct(stages['pass'], total)})**"]
    if reference:
        lines.append(f"(reference: {ref_stages['pass']}/{len(ref_in)})")
        ours_pass = {r.name for r in results if r.stage == "pass"}
        lost = sorted(r.name for r in ref_in if r.stage == "pass" and r.name not in ours_pass)
        lines += ["", f"Cases the reference passes and ours does not: {len(lost)}"]
        if lost:
            lines += ["", "<details><summary>list</summary>", "",
                      ", ".join(f"`{n}`" for n in lost), "", "</details>"]

    per_op: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for op in r.ops:
            per_op[op]["total"] += 1
            per_op[op]["pass"] += r.stage == "pass"
            per_op[op]["left"] += f"onnx.{op}" in r.unconverted
    ref_pass: Counter = Counter()
    for r in ref_in if reference else []:
        if r.stage == "pass":
            for op in r.ops:
                ref_pass[op] += 1
    lines += ["", "## Per op", "",
              "A case counts for every op type in its model (subgraphs included); `left` is the "
              "number of cases in which this op itself was left unconverted.", ""]
    head = "| op | pass | total | % | left |" + (" reference pass |" if reference else "")
    lines += [head, "|---|---:|---:|---:|---:|" + ("---:|" if reference else "")]
    for op in sorted(per_op):
        c = per_op[op]
        row = f"| {op} | {c['pass']} | {c['total']} | {_pct(c['pass'], c['total'])} | {c['left']} |"
        lines.append(row + (f" {ref_pass[op]} |" if reference else ""))

    reasons: Counter = Counter()
    for r in results:
        for op, rs in r.unconverted.items():
            for why in rs:
                reasons[(op, why.splitlines()[0][:160] if why else "")] += 1
    lines += _top_table(reasons, top, "Top reasons ops were left unconverted", "op", "reason")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Expectations


def _top_table(reasons: Counter, top: int, title: str, what: str, why: str) -> list[str]:
    """Markdown lines of a section listing the `top` most common (`what`, `why`) pairs of
    `reasons` with their counts; none when there are no reasons."""
    if not reasons:
        return []
    lines = ["", f"## {title} (top {top})", "", f"| cases | {what} | {why} |", "|---:|---|---|"]
    lines += [f"| {n} | {a} | {w.replace('|', '/')} |" for (a, w), n in reasons.most_common(top)]
    return lines


def short_reason(r: CaseResult) -> str:
    """The first line of a failure's detail, bounded, for the expectations file."""
    first = r.detail.strip().splitlines()[0] if r.detail.strip() else ""
    return first[:200]


def load_expectations(path: str) -> dict[str, dict]:
    """name -> {"stage", "reason"} from an expectations JSONL file (missing file: empty)."""
    if not os.path.exists(path):
        return {}
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["name"]] = d
    return out


def write_expectations(results: list[CaseResult], path: str, full_run: bool) -> None:
    """Record `results` as the expectations; a filtered run only replaces its own cases."""
    exp = {} if full_run else load_expectations(path)
    for r in results:
        d = {"name": r.name, "stage": r.stage}
        if r.stage != "pass":
            d["reason"] = short_reason(r)
        exp[r.name] = d
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.writelines(json.dumps(exp[name]) + "\n" for name in sorted(exp))


@dataclass
class Comparison:
    """How a run differs from the expectations."""

    regressions: list[tuple[CaseResult, dict]] = field(default_factory=list)
    new_passes: list[CaseResult] = field(default_factory=list)
    changed: list[tuple[CaseResult, dict]] = field(default_factory=list)  # failing differently
    unknown: list[CaseResult] = field(default_factory=list)  # not in the expectations

    @property
    def ok(self) -> bool:
        return not self.regressions


def compare_with_expectations(results: list[CaseResult], expected: dict[str, dict]
                              ) -> Comparison:
    """Regressions (expected pass, did not), new passes, and other stage changes."""
    cmp = Comparison()
    for r in results:
        e = expected.get(r.name)
        if e is None:
            cmp.unknown.append(r)
        elif e["stage"] == "pass" and r.stage != "pass":
            cmp.regressions.append((r, e))
        elif e["stage"] != "pass" and r.stage == "pass":
            cmp.new_passes.append(r)
        elif e["stage"] != r.stage:
            cmp.changed.append((r, e))
    return cmp


def format_comparison(cmp: Comparison, expect_path: str) -> str:
    """Human-readable report of a comparison; loud about both regressions and new passes."""
    out = []
    if cmp.regressions:
        out += ["", "=" * 78, f"REGRESSIONS: {len(cmp.regressions)} case(s) expected to pass "
                f"did not ({expect_path})", "=" * 78]
        for r, _ in cmp.regressions:
            first = r.detail.splitlines()[0] if r.detail else ""
            out.append(f"  {r.name}: {r.stage}: {first[:200]}")
    if cmp.new_passes:
        out += ["", "*" * 78, f"NEWLY PASSING: {len(cmp.new_passes)} case(s) now pass that "
                f"{expect_path} expects to fail.", "Update the expectations with "
                "--update-expectations (or run the regeneration command in the README).",
                "*" * 78]
        out += [f"  {r.name}" for r in cmp.new_passes]
    if cmp.changed:
        out += ["", f"{len(cmp.changed)} failing case(s) now fail at a different stage:"]
        out += [f"  {r.name}: {e['stage']} -> {r.stage}" for r, e in cmp.changed]
    if cmp.unknown:
        out += ["", f"{len(cmp.unknown)} case(s) are not in {expect_path}:"]
        out += [f"  {r.name}: {r.stage}" for r in cmp.unknown]
    if not out:
        out = [f"All cases match {expect_path}."]
    elif not cmp.regressions:
        out.append(f"\nNo regressions against {expect_path}.")
    return "\n".join(out).lstrip("\n")


# ---------------------------------------------------------------------------------------------
# Lowering mode: torch-mlir's own backends after the conversion (no IREE)
#
# `conformance --lower-to linalg,tosa,stablehlo` converts each case (ours, or the C++ pass with
# `--reference cxx`) and, when every ONNX op was converted, runs `torch-mlir-opt` with
# `torch-lower-to-backend-contract` + the backend pipeline, one subprocess per backend (so a
# crash costs one backend of one case, and keeps its signature). IREE is not run. The case's
# stage is its conversion stage when that failed; otherwise `pass` if every requested backend
# lowered and `compile_error` if one did not; the per-backend outcome is in `lowering`.

LOWER_STATUSES = ("lowered", "failed", "crashed", "timeout")
LOWER_TIMEOUT = 120.0


def lowering_pipelines() -> dict[str, str]:
    """backend -> torch-mlir pipeline (the ones `import --lower-to` runs)."""
    from .cli import LOWERINGS

    return LOWERINGS


def parse_backends(spec: str) -> list[str]:
    """`linalg,tosa` -> ['linalg', 'tosa']; `all` -> every backend. ValueError if unknown."""
    known = list(lowering_pipelines())
    names = known if spec.strip() == "all" else [s.strip() for s in spec.split(",") if s.strip()]
    bad = [n for n in names if n not in known]
    if bad or not names:
        raise ValueError(f"unknown backend(s) {', '.join(bad) or spec!r}; "
                         f"choose from {', '.join(known)} or all")
    return list(dict.fromkeys(names))


_CRASH_LINE = re.compile(r"Assertion .* failed|LLVM ERROR:|UNREACHABLE executed|"
                         r"terminate called|Segmentation fault|Aborted")
_PASS_LINE = re.compile(r"Running pass '([^']+)'")


def crash_signature(stderr: str, returncode: int | None) -> str:
    """A short, stable description of a compiler crash: the assertion / LLVM ERROR line (the
    message before an UNREACHABLE), the pass that was running, the signal."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    parts = []
    for i, ln in enumerate(lines):
        if _CRASH_LINE.search(ln):
            if ln.startswith("UNREACHABLE") and i and not _CRASH_LINE.search(lines[i - 1]):
                parts.append(lines[i - 1][:200])
            # Drop the build's absolute paths: the signature must not depend on them.
            parts.append(re.sub(r"/\S*/", "", ln)[:240])
            break
    passes = _PASS_LINE.findall(stderr)
    if passes:
        parts.append(f"in pass {passes[-1]}")
    if returncode is not None and returncode < 0:
        try:
            parts.append(f"signal {signal.Signals(-returncode).name}")
        except ValueError:
            parts.append(f"signal {-returncode}")
    return "; ".join(parts) or f"exit code {returncode}"


def is_crash(stderr: str, returncode: int | None) -> bool:
    """A signal, an assertion, an LLVM ERROR: not an ordinary diagnostic."""
    return (returncode is not None and returncode < 0) or bool(_CRASH_LINE.search(stderr)) \
        or "Stack dump:" in stderr or "PLEASE submit a bug report" in stderr


def torch_mlir_opt() -> str:
    """The torch-mlir-opt binary itself (the venv's `torch-mlir-opt` is a Python wrapper that
    costs a Python start-up and turns a crash's signal into an exit code)."""
    import torch_mlir

    exe = os.path.join(next(iter(torch_mlir.__path__)), "_mlir_libs", "torch-mlir-opt")
    return exe if os.access(exe, os.X_OK) else "torch-mlir-opt"


def lower_text(text: str, backend: str, timeout: float = LOWER_TIMEOUT,
               tool: str | None = None) -> dict:
    """Run torch-mlir's lowering to `backend` on torch-dialect IR `text` in a subprocess.

    Returns {"status": lowered|failed|crashed|timeout, "detail": first error line or the crash
    signature, "seconds"}.
    """
    import subprocess

    pipe = f"--pass-pipeline=builtin.module({lowering_pipelines()[backend]})"
    start = time.monotonic()
    try:
        proc = subprocess.run([tool or torch_mlir_opt(), pipe, "-o", os.devnull], input=text,
                              text=True, capture_output=True, timeout=timeout,
                              start_new_session=True, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "detail": f"timeout after {timeout:g} s",
                "seconds": round(time.monotonic() - start, 2)}
    took = round(time.monotonic() - start, 2)
    if proc.returncode == 0:
        return {"status": "lowered", "detail": "", "seconds": took}
    if is_crash(proc.stderr, proc.returncode):
        return {"status": "crashed", "detail": crash_signature(proc.stderr, proc.returncode),
                "seconds": took}
    return {"status": "failed", "detail": first_error(proc.stderr), "seconds": took}


def first_error(stderr: str) -> str:
    """The first `error:` line of a diagnostic dump, without the `<stdin>:L:C: ` prefix."""
    for ln in stderr.splitlines():
        if "error:" in ln:
            return re.sub(r"^.*?error:\s*", "", ln).strip()[:240]
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return lines[0][:240] if lines else "failed without a message"


def lowering_runner(backends: list[str], timeout: float = LOWER_TIMEOUT):
    """A `run_cases` runner: convert the case, then lower it to each of `backends`."""

    def run(case, reference: bool = False, progress=None) -> CaseResult:
        from . import boundary
        from .e2e import convert_model

        start = time.monotonic()
        note = progress or (lambda stage: None)
        note("import_error")
        specialize = None
        if boundary.needs_flattening(case.model) and case.data_sets:
            # IREE-style flat signature for the first data set, as the end-to-end run does.
            from .e2e import as_value

            inputs = [as_value(x) for x in case.data_sets[0][0]]
            entry = case.model.graph.name

            def specialize(module, after=False):
                if after:
                    boundary.flatten_results(module, entry)
                else:
                    boundary.specialize_inputs(module, entry, inputs)

        conv = cxx_reference_converter if reference else None
        text, failed = convert_model(case.model, conv, note, specialize)
        label = REFERENCE_CXX if reference else OURS
        if failed:
            return CaseResult(case.name, failed.stage, failed.detail, model_ops(case.model),
                              failed.unconverted, round(time.monotonic() - start, 2), label)
        note("compile_error")
        lowering = {b: lower_text(text, b, timeout) for b in backends}
        bad = [f"{b}: {o['status']}: {o['detail']}" for b, o in lowering.items()
               if o["status"] != "lowered"]
        return CaseResult(case.name, "compile_error" if bad else "pass", "\n".join(bad),
                          model_ops(case.model), {}, round(time.monotonic() - start, 2), label,
                          lowering)

    return run


def preload_lowering() -> None:
    """Like `_preload`, without IREE: what the lowering mode's children need."""
    from . import boundary, e2e  # noqa: F401
    from .conversion import _default

    _default()


def failure_kind(detail: str) -> str:
    """A lowering failure without its SSA names and printed op, so that equal causes group."""
    m = re.match(r"failed to legalize operation '([^']+)'", detail)
    if m:
        return f"failed to legalize operation '{m.group(1)}'"
    return re.sub(r"%[\w.-]+", "%", detail)[:160]


def converted_fully(r: CaseResult) -> bool:
    """Did the conversion leave no ONNX op (so that the lowering ran)?"""
    return bool(r.lowering)


def lowering_summary_markdown(results: list[CaseResult],
                              reference: list[CaseResult] | None = None,
                              note: str = "", top: int = 30) -> str:
    """Per backend: lowered / failed / crashed; against a reference run, on the cases both
    convert fully, with the cases where ours does not lower and the reference does."""
    label = results[0].converter if results else OURS
    seen = {b for r in results for b in r.lowering}
    backends = [b for b in lowering_pipelines() if b in seen] + \
        sorted(seen - set(lowering_pipelines()))
    lines = [f"# Lowering through torch-mlir's backends: {label}", ""]
    if note:
        lines += [note, ""]
    full = [r for r in results if converted_fully(r)]
    lines += [(f"{len(full)} of {len(results)} cases converted fully and were lowered with "
               "`torch-lower-to-backend-contract` + the backend pipeline (`torch-mlir-opt`)."),
              ""]
    lines += ["| backend | lowered | failed | crashed | timeout |", "|---|---:|---:|---:|---:|"]
    for b in backends:
        c = Counter(r.lowering[b]["status"] for r in full if b in r.lowering)
        lines.append(f"| {b} | {c['lowered']} | {c['failed']} | {c['crashed']} | "
                     f"{c['timeout']} |")
    if reference:
        ref = {r.name: r for r in reference if converted_fully(r)}
        common = [r for r in full if r.name in ref]
        lines += ["", (f"## Against the reference (torch-mlir's C++ pass) on the {len(common)} "
                       "cases both convert fully"), "",
                  ("| backend | ours lowered | reference lowered | ours crashed | "
                   "reference crashed | ours only | reference only |"),
                  "|---|---:|---:|---:|---:|---:|---:|"]
        lost: dict[str, list[str]] = {}
        for b in backends:
            pairs = [(r.lowering.get(b, {}).get("status"),
                      ref[r.name].lowering.get(b, {}).get("status"), r.name) for r in common]
            ol = sum(o == "lowered" for o, _, _ in pairs)
            rl = sum(x == "lowered" for _, x, _ in pairs)
            oc = sum(o == "crashed" for o, _, _ in pairs)
            rc = sum(x == "crashed" for _, x, _ in pairs)
            only_o = sum(o == "lowered" and x != "lowered" for o, x, _ in pairs)
            lost[b] = [n for o, x, n in pairs if o != "lowered" and x == "lowered"]
            lines.append(f"| {b} | {ol} | {rl} | {oc} | {rc} | {only_o} | {len(lost[b])} |")
        for b in backends:
            lines += ["", (f"Cases where ours does not lower to {b} and the reference does: "
                           f"{len(lost[b])}")]
            if lost[b]:
                lines += ["", "| case | ours |", "|---|---|"]
                for n in lost[b]:
                    o = next(r for r in common if r.name == n).lowering[b]
                    first = o["detail"].splitlines()[0][:160] if o["detail"] else ""
                    lines.append(f"| `{n}` | {o['status']}: {first.replace('|', '/')} |")
    crashes: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    reasons: Counter = Counter()
    for r in full:
        for b, o in r.lowering.items():
            if o["status"] == "crashed":
                crashes[o["detail"]][r.name].append(b)
            elif o["status"] == "failed":
                reasons[(b, failure_kind(o["detail"]))] += 1
    if crashes:
        lines += ["", "## Crashes (see conformance/downstream.md)", "",
                  "| signature | cases | backends |", "|---|---|---|"]
        for sig, cases in sorted(crashes.items(), key=lambda kv: -len(kv[1])):
            names = sorted(cases)
            shown = ", ".join(f"`{n}`" for n in names)
            where = sorted({", ".join(bs) for bs in cases.values()})
            lines.append(f"| {sig.replace('|', '/')} | {len(names)}: {shown} | "
                         f"{'; '.join(where)} |")
    lines += _top_table(reasons, top, "Top lowering failures", "backend", "first error")
    return "\n".join(lines) + "\n"
