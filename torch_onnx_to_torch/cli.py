"""`torch-onnx-to-torch`: import an ONNX model and convert it; run the conformance suite.

    torch-onnx-to-torch import MODEL.onnx [-o OUT.mlir] [--bytecode] [--data-dir DIR]
                        [--opset-version N] [--report] [--report-json FILE]
                        [--lower-to linalg|tosa|stablehlo] [--strict] [-v]
                        [--externalize-params [--params-file OUT.irpa] [--params-scope S]]
    torch-onnx-to-torch check MODEL.onnx [--inputs FILE.npz] [--expected FILE.npz]
                        [--dim NAME=SIZE] [--seed N] [--rtol R] [--atol A] [--bisect]
    torch-onnx-to-torch conformance [--filter REGEX] [-j N] [--reference cxx] [--json-out FILE]
                        [--summary-out FILE.md] [--expect FILE] [--update-expectations] ...

Converting MLIR that is already imported is the job of `torch-onnx-to-torch-opt`.
Errors in the input are one line on stderr and exit code 1; bad usage is exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict

from .conversion import PASS_NAME
from .startup import defer_torch_op_classes
from .tools.progress import Progress

# torch-mlir pipelines run after our pass by `import --lower-to`.
LOWERINGS = {
    "linalg": "torch-lower-to-backend-contract,"
              "torch-backend-to-linalg-on-tensors-backend-pipeline",
    "tosa": "torch-lower-to-backend-contract,torch-backend-to-tosa-backend-pipeline",
    "stablehlo": "torch-lower-to-backend-contract,torch-backend-to-stablehlo-backend-pipeline",
}
LARGE_MODEL_NODES = 1000
LARGE_MODEL_BYTES = 64 * 2**20
# Text output of this many bytes of weights or more warns and suggests --bytecode.
TEXT_WARN_BYTES = 256 * 2**20


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


# ---------------------------------------------------------------------------------------------
# import


def _operator_counts(module) -> Counter:
    """`torch.operator` names in a module (what our pass will see)."""
    from .conversion import walk_named

    counts: Counter = Counter()

    def visit(op):
        counts[op.attributes["name"].value] += 1

    walk_named(module.operation, "torch.operator", visit)
    return counts


def build_report(before: Counter, report) -> dict:
    """Per op type: count in the model, converted, left, and the reasons for what was left."""
    reasons: dict[str, Counter] = defaultdict(Counter)
    for d in report.declines:
        reasons[d.op][d.reason] += 1
    left = report.left
    rows = []
    for op in sorted(set(before) | set(left) | set(report.converted)):
        rows.append({"op": op, "count": before.get(op, 0),
                     "converted": report.converted.get(op, 0), "left": left.get(op, 0),
                     "reasons": dict(reasons[op].most_common())})
    return {"ops": rows, "converted": sum(report.converted.values()),
            "left": sum(left.values())}


def format_report(rep: dict) -> str:
    """The report as a plain-text table."""
    rows = rep["ops"]
    w = max([len("op")] + [len(r["op"]) for r in rows])
    out = [f"{'op':<{w}}  {'count':>6}  {'converted':>9}  {'left':>5}  reasons for what was left"]
    for r in rows:
        why = "; ".join(f"{k} (x{n})" if n > 1 else k for k, n in r["reasons"].items())
        out.append(f"{r['op']:<{w}}  {r['count']:>6}  {r['converted']:>9}  {r['left']:>5}  {why}")
    total = sum(r["count"] for r in rows)
    out.append(f"{'total':<{w}}  {total:>6}  {rep['converted']:>9}  {rep['left']:>5}")
    return "\n".join(out)


def cmd_import(args) -> int:
    from torch_mlir import ir

    from . import convert
    from .importer import ImportFailure, count_nodes, import_file, new_context
    from .pipeline import Pipeline, PipelineError

    params_file = None
    if args.externalize_params:
        if args.lower_to:
            raise CliError("--externalize-params cannot be combined with --lower-to (torch-mlir "
                           "lowers no IREE util.global)")
        params_file = args.params_file
        if params_file is None:
            if args.output == "-":
                raise CliError("--externalize-params writing to stdout needs --params-file")
            params_file = os.path.splitext(args.output)[0] + ".irpa"
    elif args.params_file:
        raise CliError("--params-file needs --externalize-params")
    try:
        size = os.path.getsize(args.model)
    except OSError:
        size = 0
    progress = Progress(args.verbose or size >= LARGE_MODEL_BYTES)

    def note(message: str) -> None:
        if message.startswith("read "):
            m = re.search(r": (\d+) nodes", message)
            progress.total = int(m.group(1)) if m else None  # top-level nodes
            if not progress.enabled:
                progress.enabled = bool(m and int(m.group(1)) >= LARGE_MODEL_NODES)
        progress(message)

    try:
        # Weights are memory-mapped, not read: the module refers to the file's pages.
        with progress.bar("importing", unit="node") as node_done:
            imported = import_file(args.model, args.data_dir, args.opset_version,
                                   context=new_context(), progress=note,
                                   params_scope=args.params_scope if params_file else None,
                                   on_node=node_done)
    except ImportFailure as e:  # the message names the input, once
        raise CliError(str(e) if args.model in str(e) else f"{args.model}: {e}") from None
    module = imported.module
    n_nodes = count_nodes(imported.model.graph)
    weight_bytes, params = imported.weight_bytes, imported.params
    del imported
    progress("imported with torch-mlir's ONNX importer")
    before = _operator_counts(module)
    try:
        with progress.ops_bar("converting") as on_progress:
            report = convert(module, progress=on_progress)
    except ir.MLIRError as e:
        raise CliError(f"conversion failed: {_mlir_error_line(e)}") from None
    progress(f"{PASS_NAME}: {report.summary()}")
    rep = build_report(before, report)
    rep["model"] = args.model
    rep["nodes"] = n_nodes
    if args.report:
        print(format_report(rep), file=sys.stderr)
    if args.report_json:
        try:
            with open(args.report_json, "w") as f:
                json.dump(rep, f, indent=1)
                f.write("\n")
        except OSError as e:
            raise CliError(f"cannot write {args.report_json}: {e.strerror}") from None
    if report.declines and (args.strict or args.lower_to):
        why = "--strict" if args.strict else f"--lower-to {args.lower_to}"
        for d in report.declines:
            where = "" if d.location in ('loc("")', "loc(unknown)") else f"{d.location}: "
            print(f"{where}{d.op} was not converted: {d.reason}", file=sys.stderr)
        raise CliError(f"{len(report.declines)} op(s) left unconverted ({why} needs all "
                       "converted); nothing written")
    if args.lower_to:
        pipe = f"builtin.module({LOWERINGS[args.lower_to]})"
        try:
            Pipeline(pipe).run(module)
        except (ir.MLIRError, PipelineError) as e:
            raise CliError(f"lowering to {args.lower_to} failed: {_mlir_error_line(e)}") from None
        progress(f"lowered to {args.lower_to}")
    if not args.bytecode and weight_bytes >= TEXT_WARN_BYTES:
        print(f"torch-onnx-to-torch: warning: writing {_size(weight_bytes)} of weights as "
              "hex text (twice their size, slow to write and to parse); --bytecode writes "
              "them as they are", file=sys.stderr)
    progress.total = None
    # Written under temporary names beside their destinations, renamed once both are
    # complete: a failure leaves neither a half-written module nor one without its archive.
    tmp_out = None if args.output == "-" else _beside(args.output)
    tmp_params = None if params is None else _beside(params_file)
    try:
        with progress.bar("writing", unit="B", unit_scale=True) as wrote:
            _write_module(module, tmp_out or "-", args.bytecode, wrote, shown=args.output)
        if params is not None:
            try:
                params.write_archive(tmp_params)
            except (OSError, RuntimeError, ValueError) as e:
                raise CliError(f"cannot write {params_file}: {e}") from None
            os.replace(tmp_params, params_file)
        if tmp_out is not None:
            os.replace(tmp_out, args.output)
    except BaseException:
        for tmp in (tmp_out, tmp_params):
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
        raise
    progress(f"wrote {args.output if args.output != '-' else 'stdout'}")
    if params is not None:
        progress(f"wrote {len(params.entries)} parameters ({_size(params.nbytes)}) to "
                 f"{params_file}; run with --parameters={params.scope}={params_file}")
    took = f" in {progress.elapsed():.1f}s" if progress.enabled else ""
    print(f"{os.path.basename(args.model)}: {report.summary()}{took}", file=sys.stderr)
    return 0


def _size(n: float) -> str:
    for unit in ("bytes", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def _mlir_error_line(e: Exception) -> str:
    """The first diagnostic of an MLIRError, on one line."""
    diags = getattr(e, "error_diagnostics", None)
    if diags:
        d = diags[0]
        return f"{d.location}: {d.message}".replace("\n", " ")
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    return " ".join(lines[:2])


def _beside(path: str) -> str:
    """A temporary name in the folder of `path`, for writing it and renaming it into place."""
    head, tail = os.path.split(path)
    return os.path.join(head, f".{tail}.{os.getpid()}.tmp")


def _write_module(module, output: str, bytecode: bool, on_bytes=None,
                  shown: str | None = None) -> None:
    """Write `module` to `output` ("-": stdout); errors name `shown` (the destination)."""
    from .bytecode_out import write_bytecode  # blobs written from their memory, not copied

    try:
        if output == "-":
            if bytecode:
                write_bytecode(module, sys.stdout.buffer, on_bytes)
                sys.stdout.buffer.flush()
            else:
                module.operation.print(file=sys.stdout, enable_debug_info=False)
            return
        with open(output, "wb" if bytecode else "w") as f:
            if bytecode:
                write_bytecode(module, f, on_bytes)
            else:
                module.operation.print(file=f, enable_debug_info=False)
    except OSError as e:
        raise CliError(f"cannot write {shown or output}: {e.strerror}") from None


# ---------------------------------------------------------------------------------------------
# conformance


def cmd_conformance(args) -> int:
    from . import conformance as cf

    reference = args.reference == "cxx"
    if reference and (args.expect or args.update_expectations):
        raise CliError("--expect / --update-expectations apply to our pass only, not to "
                       "--reference cxx")
    if args.update_expectations and not args.expect:
        raise CliError("--update-expectations needs --expect FILE (the file to write)")
    if args.lower_to:
        return _conformance_lowering(cf, args, reference)
    t0 = time.monotonic()
    if args.from_results:
        results = _saved_results(cf, args)
        cases = results
        label = results[0].converter if results else cf.OURS
        reference = label == cf.REFERENCE_CXX
        if reference and args.expect:
            raise CliError(f"{args.from_results} is a reference run; --expect applies to ours")
    else:
        cases = _select_cases(cf, args)
        label = cf.REFERENCE_CXX if reference else cf.OURS
        print(f"{label}: {len(cases)} ONNX node test case(s), -j {args.jobs}, "
              f"timeout {args.timeout:g} s", file=sys.stderr, flush=True)
        results = cf.run_cases(cases, args.jobs, args.timeout, reference,
                               _case_printer(len(cases), args.quiet))
    wall = time.monotonic() - t0
    if args.json_out:
        cf.write_jsonl(results, args.json_out)
    side = cf.read_jsonl(args.side_by_side) if args.side_by_side else None
    scope = (f"{len(cases)} cases" + (f" matching `{args.filter}`" if args.filter else "") +
             (f" whose ops all start with {args.ops_in}" if args.ops_in else "") +
             (f", every {args.sample}th" if args.sample > 1 else ""))
    note = (f"onnx {_version('onnx')}, torch-mlir {_version('torch-mlir')}, "
            f"IREE {_version('iree-base-compiler')} (llvm-cpu); {scope}")
    note += (f"; results read from {args.from_results}." if args.from_results else
             f"; -j {args.jobs}; wall time {wall / 60:.1f} min.")
    if reference:
        note = ("**This is the reference run with torch-mlir's C++ pass, for comparison only; "
                "the product never uses it.**\n\n" + note)
    md = cf.summary_markdown(results, side, note=note)
    if args.summary_out:
        with open(args.summary_out, "w") as f:
            f.write(md)
    stages = Counter(r.stage for r in results)
    print("\n" + " ".join(f"{s}={stages[s]}" for s in cf.STAGES), file=sys.stderr)
    print(f"{label}: pass {stages['pass']}/{len(results)}"
          + ("" if args.from_results else f" in {wall / 60:.1f} min"), file=sys.stderr)
    if not args.expect:
        return 0
    expected = cf.load_expectations(args.expect)
    if args.update_expectations:
        cf.write_expectations(results, args.expect,
                              full_run=not (args.filter or args.ops_in) and args.sample == 1)
        print(f"wrote expectations for {len(results)} case(s) to {args.expect}", file=sys.stderr)
        return 0
    if not expected:
        raise CliError(f"no expectations in {args.expect}")
    cmp = cf.compare_with_expectations(results, expected)
    print("\n" + cf.format_comparison(cmp, args.expect), file=sys.stderr)
    return 0 if cmp.ok else 1


def _select_cases(cf, args) -> list:
    """The node-test cases `--filter`, `--sample` and `--ops-in` select; an error if none."""
    cases = cf.collect_cases(args.filter, args.sample)
    if args.ops_in:
        letters = cf.letter_range(args.ops_in)
        cases = [c for c in cases if cf.ops_all_in(cf.model_ops(c.model), letters)]
    if not cases:
        raise CliError(f"no test case matches --filter {args.filter!r}")
    return cases


def _conformance_lowering(cf, args, reference: bool) -> int:
    """`conformance --lower-to B,...`: conversion then torch-mlir's backend pipelines, no IREE."""
    if args.expect or args.update_expectations:
        raise CliError("--expect / --update-expectations do not apply to --lower-to")
    try:
        backends = cf.parse_backends(args.lower_to)
    except ValueError as e:
        raise CliError(f"--lower-to: {e}") from None
    t0 = time.monotonic()
    if args.from_results:
        results = _saved_results(cf, args)
        cases = results
    else:
        cases = _select_cases(cf, args)
        label = cf.REFERENCE_CXX if reference else cf.OURS
        print(f"{label}: {len(cases)} ONNX node test case(s) lowered to {', '.join(backends)}, "
              f"-j {args.jobs}, timeout {args.timeout:g} s", file=sys.stderr, flush=True)
        cf.preload_lowering()
        results = cf.run_cases(cases, args.jobs, args.timeout, reference,
                               _case_printer(len(cases), args.quiet),
                               runner=cf.lowering_runner(backends, args.timeout))
    wall = time.monotonic() - t0
    if args.json_out:
        cf.write_jsonl(results, args.json_out)
    side = cf.read_jsonl(args.side_by_side) if args.side_by_side else None
    note = (f"torch-mlir {_version('torch-mlir')}; {len(cases)} cases"
            + (f" matching `{args.filter}`" if args.filter else "")
            + (f", every {args.sample}th" if args.sample > 1 else "")
            + (f"; results read from {args.from_results}." if args.from_results else
               f"; -j {args.jobs}; wall time {wall / 60:.1f} min."))
    if args.summary_out:
        with open(args.summary_out, "w") as f:
            f.write(cf.lowering_summary_markdown(results, side, note=note))
    for b in backends:
        c = Counter(r.lowering[b]["status"] for r in results if b in r.lowering)
        print(f"{b}: " + " ".join(f"{s}={c[s]}" for s in cf.LOWER_STATUSES), file=sys.stderr)
    return 0


def _case_printer(total: int, quiet: bool):
    done = [0]

    def on_result(r) -> None:
        done[0] += 1
        if quiet:
            return
        first = r.detail.splitlines()[0][:150] if r.detail and r.stage != "pass" else ""
        print(f"[{done[0]:4d}/{total}] {r.name:55s} {r.stage:13s} {r.seconds:6.1f}s "
              f"{first}", file=sys.stderr, flush=True)

    return on_result


def _saved_results(cf, args) -> list:
    """Results of an earlier run (its --json-out), filtered and sampled like a run would be."""
    try:
        results = cf.read_jsonl(args.from_results)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise CliError(f"cannot read results from {args.from_results}: {e}") from None
    if args.filter:
        pat = re.compile(args.filter)
        results = [r for r in results if pat.search(r.name)]
    results = sorted(results, key=lambda r: r.name)[::max(1, args.sample)]
    if args.ops_in:
        letters = cf.letter_range(args.ops_in)
        results = [r for r in results if cf.ops_all_in(r.ops, letters)]
    if not results:
        raise CliError(f"no results in {args.from_results}")
    return results


def cmd_fuzz(args) -> int:
    from .tools import fuzz

    try:
        return fuzz.main(args)
    except ValueError as e:
        raise CliError(str(e)) from None


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


# ---------------------------------------------------------------------------------------------


def cmd_check(args) -> int:
    from .importer import ImportFailure, load_model
    from .tools.check import CheckError, check, format_result, graph_inputs, load_arrays

    dims = {}
    for item in args.dim:
        name, eq, size = item.partition("=")
        if not eq or not size.strip().isdigit():
            raise CliError(f"--dim takes NAME=SIZE, got '{item}'")
        dims[name] = int(size)
    try:
        model = load_model(args.model, args.data_dir)
    except ImportFailure as e:
        raise CliError(str(e)) from None
    try:
        inputs = load_arrays(args.inputs, [v.name for v in graph_inputs(model)]) \
            if args.inputs else None
        expected = load_arrays(args.expected, [o.name for o in model.graph.output]) \
            if args.expected else None
        res = check(model, inputs, expected, dims, args.seed, args.rtol, args.atol,
                    args.bisect)
    except CheckError as e:
        raise CliError(f"{args.model}: {e}") from None
    print(format_result(args.model, res))
    return 0 if res.ok else 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="torch-onnx-to-torch",
        description="Import ONNX models into torch-mlir with Python-authored conversions; "
                    "measure conformance on the ONNX node tests. (For MLIR input use "
                    "torch-onnx-to-torch-opt.)")
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="ONNX model -> torch-mlir IR (our pass applied)")
    imp.add_argument("model", help="the .onnx file")
    imp.add_argument("-o", dest="output", default="-", help="output file (default: stdout)")
    imp.add_argument("--bytecode", action="store_true", help="write MLIR bytecode, not text")
    imp.add_argument("--data-dir", help="directory of external data (default: the model's); "
                     "paths that escape it are refused")
    imp.add_argument("--opset-version", type=int,
                     help="upgrade the model to this opset first (onnx version converter)")
    imp.add_argument("--report", action="store_true",
                     help="print per op type: count, converted, left and why, on stderr")
    imp.add_argument("--report-json", metavar="FILE", help="write the same report as JSON")
    imp.add_argument("--lower-to", choices=sorted(LOWERINGS),
                     help="then run torch-mlir's lowering to this backend contract: "
                     + "; ".join(f"{k}: {v}" for k, v in LOWERINGS.items()))
    imp.add_argument("--strict", action="store_true",
                     help="fail (exit 1, nothing written) if any op is left unconverted")
    imp.add_argument("--externalize-params", action="store_true",
                     help="weights above 4 KiB become IREE parameters (util.global "
                     "#stream.parameter.named), written to an .irpa archive; the module stays "
                     "small (IREE only: iree-compile, then --parameters=SCOPE=FILE.irpa)")
    imp.add_argument("--params-file", metavar="OUT.irpa",
                     help="the parameter archive (default: the output's name with .irpa)")
    imp.add_argument("--params-scope", default="model", metavar="SCOPE",
                     help="scope of the parameters (default: model)")
    imp.add_argument("-v", "--verbose", action="store_true",
                     help="progress lines on stderr even for small models")
    imp.set_defaults(func=cmd_import)

    chk = sub.add_parser(
        "check", help="is a model right after our pass? compare with onnxruntime, bisect",
        description="Import -> our pass -> IREE llvm-cpu -> run on --inputs or seeded random "
                    "inputs of the declared shapes -> compare every output with onnxruntime "
                    "(CPU, graph optimizations off) or --expected. Exit 0 only when every "
                    "output matches.")
    chk.add_argument("model", help="the .onnx file")
    chk.add_argument("--inputs", metavar="FILE.npz",
                     help="inputs by graph input name, or arr_0, arr_1... (default: random)")
    chk.add_argument("--expected", metavar="FILE.npz",
                     help="expected outputs by name or position (default: onnxruntime)")
    chk.add_argument("--dim", action="append", default=[], metavar="NAME=SIZE",
                     help="size of a dynamic input dim for random inputs (repeatable)")
    chk.add_argument("--seed", type=int, default=0, help="seed of the random inputs")
    chk.add_argument("--rtol", type=float, default=1e-3)
    chk.add_argument("--atol", type=float, default=1e-4)
    chk.add_argument("--bisect", action="store_true",
                     help="on a mismatch, find the first ONNX node whose output differs")
    chk.add_argument("--data-dir", help="directory of external data (default: the model's)")
    chk.set_defaults(func=cmd_check)

    conf = sub.add_parser(
        "conformance", help="run the ONNX backend node tests end to end (IREE llvm-cpu)",
        description="Each case: import -> conversion -> (stop if any onnx op is left) -> IREE "
                    "llvm-cpu compile -> run -> compare. A case that crashes or times out is "
                    "recorded at the stage it had reached, with 'crashed' / 'timeout' in its "
                    "detail.")
    conf.add_argument("--filter", metavar="REGEX", help="only cases whose name matches")
    conf.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    conf.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    conf.add_argument("--sample", type=int, default=1, metavar="K",
                      help="every K-th case (sorted by name) of those selected")
    conf.add_argument("--reference", choices=["cxx"],
                      help="use torch-mlir's C++ pass instead of ours (labelled reference run)")
    conf.add_argument("--json-out", metavar="FILE", help="one JSON object per case")
    conf.add_argument("--summary-out", metavar="FILE.md", help="markdown summary")
    conf.add_argument("--side-by-side", metavar="REF.jsonl",
                      help="add a reference run's numbers (its --json-out) to the summary")
    conf.add_argument("--expect", metavar="FILE",
                      help="compare with expectations; exit 1 if an expected pass fails")
    conf.add_argument("--update-expectations", action="store_true",
                      help="write this run's results into --expect FILE instead of comparing")
    conf.add_argument("--from-results", metavar="RUN.jsonl",
                      help="do not run: take the results of an earlier run (its --json-out)")
    conf.add_argument("--ops-in", metavar="LETTERS",
                      help="only cases whose op types all start with these letters (e.g. A-F)")
    conf.add_argument("-q", "--quiet", action="store_true", help="no per-case lines")
    conf.add_argument("--lower-to", metavar="B[,B...]|all",
                      help="lowering mode: after the conversion run torch-mlir-opt with "
                      "torch-lower-to-backend-contract + each backend pipeline ("
                      + ", ".join(LOWERINGS) + ", or all) instead of IREE (no compile, no "
                      "run); each backend is lowered / failed / crashed / timeout in "
                      "--json-out ('lowering'); the case is 'pass' when all lowered, "
                      "'compile_error' when one did not. --summary-out then holds the "
                      "per-backend counts, against --side-by-side REF.jsonl (a lowering "
                      "run of the other converter) on the cases both convert fully")
    conf.set_defaults(func=cmd_conformance)

    fuzz = sub.add_parser(
        "fuzz", help="mutational fuzzing of the importer and the pass over the node tests",
        description="Mutant i of --seed S: a node-test model with 1-3 random mutations "
                    "(tools/fuzz.py), run through shape inference, import, our pass and verify "
                    "in a child with time and memory limits. Classes: ok, declined, diagnostic "
                    "(acceptable); internal_error, invalid_ir, traceback, crash, timeout (exit "
                    "code 1).")
    fuzz.add_argument("--seed", type=int, default=1)
    fuzz.add_argument("--count", type=int, default=500, help="mutants to run")
    fuzz.add_argument("--start", type=int, default=0, help="index of the first mutant")
    fuzz.add_argument("--only", metavar="I[,J...]", help="rerun just these mutant indices")
    fuzz.add_argument("--filter", metavar="REGEX", help="base cases: node tests matching")
    fuzz.add_argument("--kinds", metavar="K[,K...]", help="only these mutation kinds")
    fuzz.add_argument("--unmutated", action="store_true",
                      help="run every selected node test as it is (a baseline), no mutants")
    fuzz.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    fuzz.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant")
    fuzz.add_argument("--memory-mb", type=int, default=4096,
                      help="address-space limit per child (RLIMIT_AS), 0: none")
    fuzz.add_argument("--save-dir", metavar="DIR",
                      help="write each failing mutant (.onnx) and what happened (.txt) here")
    fuzz.add_argument("--json-out", metavar="FILE", help="one JSON object per mutant")
    fuzz.add_argument("-v", "--verbose", action="store_true", help="a line for every mutant")
    fuzz.set_defaults(func=cmd_fuzz)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of `torch-onnx-to-torch`."""
    defer_torch_op_classes()
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except CliError as e:
        print(f"torch-onnx-to-torch: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("torch-onnx-to-torch: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
