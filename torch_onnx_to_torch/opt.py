"""`torch-onnx-to-torch-opt`: an mlir-opt-style driver for our pass and any torch-mlir pass.

    torch-onnx-to-torch-opt [--convert-torch-onnx-to-torch[=strict]] [--pass-pipeline=PIPE]
                            [--split-input-file] [--verify-diagnostics] [--report]
                            [-o OUT] [INPUT|-]

Passes given as flags (`--canonicalize`, `--convert-torch-onnx-to-torch`) run in the order given,
at module level; `--pass-pipeline` takes a full textual pipeline in which our pass name selects
the Python pass. `--report` prints each op left unconverted as a remark with its reason.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from torch_mlir import ir

from .binder import new_context
from .conversion import PASS_NAME, Report
from .pipeline import PipelineError, build_pass_manager, parse_pipeline
from .startup import HelpFormatter, defer_torch_op_classes

SPLIT_MARKER = "// -----"
_BYTECODE_MAGIC = b"ML\xefR"
# `--stamp=auto` stamps modules of this many ONNX ops or more (stamp.py); below it the pass takes
# well under a second, and MLIR prints the output with its own names.
MIN_OPS = 10_000
_OUR_PASS_ALONE = re.compile(r"builtin\.module\(" + re.escape(PASS_NAME) + r"(\{[^{}]*\})?\)")


@dataclass
class Diag:
    severity: str  # error | warning | note | remark
    line: int | None  # 1-based, within the chunk
    col: int | None
    message: str


_LOC_RE = re.compile(r'"[^"]*":(\d+):(\d+)')
_SEVERITY = {0: "error", 1: "warning", 2: "note", 3: "remark"}


def _loc_line_col(loc_text: str) -> tuple[int | None, int | None]:
    m = _LOC_RE.search(loc_text)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _severity_name(sev) -> str:
    name = str(sev).rsplit(".", 1)[-1].lower()
    return {"error": "error", "warning": "warning", "note": "note", "remark": "remark"}.get(
        name, _SEVERITY.get(int(sev) if isinstance(sev, int) else -1, name))


def _process_chunk(text: bytes | Path, pipeline: str, report_remarks: bool,
                   bytecode: bool = False) -> tuple[bytes | None, list[Diag]]:
    """Parse, run the pipeline and print one buffer (or the file at a Path); returns (output
    or None, diagnostics). The output is the printed module as one bytes buffer: printing into
    a Python file object makes a call per token."""
    diags: list[Diag] = []
    ctx = new_context()
    ctx.allow_unregistered_dialects = False

    def handler(d):
        line, col = _loc_line_col(str(d.location))
        diags.append(Diag(_severity_name(d.severity), line, col, str(d.message)))
        for n in d.notes:
            nl, nc = _loc_line_col(str(n.location))
            diags.append(Diag("note", nl, nc, str(n.message)))
        return True

    def from_error(e: ir.MLIRError) -> None:
        # The bindings collect diagnostics raised during parse/run into the exception.
        infos = list(getattr(e, "error_diagnostics", []) or [])
        for info in infos:
            handler(info)
        if not infos and not any(d.severity == "error" for d in diags):
            diags.append(Diag("error", None, None, str(e)))

    ctx.attach_diagnostic_handler(handler)
    with ctx:
        try:
            module = ir.Module.parseFile(str(text)) if isinstance(text, Path) else \
                ir.Module.parse(text)
        except ir.MLIRError as e:
            from_error(e)
            return None, diags
        report = Report()
        if pipeline:
            try:
                pm = build_pass_manager(pipeline, ctx, report=report)
            except PipelineError as e:
                diags.append(Diag("error", None, None, str(e)))
                return None, diags
            try:
                pm.run(module.operation)
            except ir.MLIRError as e:
                from_error(e)
                return None, diags
        if report_remarks:
            for d in report.declines:
                if d.fails:
                    continue
                m = re.search(r":(\d+):(\d+)$", d.location)
                line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
                diags.append(Diag("remark", line, col,
                                  f"{d.op} was not converted: {d.reason}"))
        if bytecode:
            buf = io.BytesIO()
            module.operation.write_bytecode(buf)
            return buf.getvalue(), diags
        return module.operation.get_asm(assume_verified=True, binary=True), diags


_EXPECT_RE = re.compile(
    r"expected-(error|warning|note|remark)\s*(@(?:[+-]\d+|above|below))?\s*\{\{(.*?)\}\}")


def _verify(text: str, diags: list[Diag]) -> list[tuple[int | None, str]]:
    """Match diagnostics against `// expected-<severity>[@+N] {{text}}` annotations."""
    expected = []
    lines = text.split("\n")
    for i, line in enumerate(lines, 1):
        for m in _EXPECT_RE.finditer(line):
            sev, off, msg = m.groups()
            target = i
            if off in ("@above",):
                target = i - 1
            elif off in ("@below",):
                target = i + 1
            elif off:
                target = i + int(off[1:])
            expected.append([sev, target, msg, False, i])
    errors = []
    for d in diags:
        for e in expected:
            if not e[3] and e[0] == d.severity and e[1] == d.line and e[2] in d.message:
                e[3] = True
                break
        else:
            errors.append((d.line, f"unexpected {d.severity}: {d.message}"))
    for sev, target, msg, seen, src in expected:
        if not seen:
            errors.append((src, f"expected {sev} was not produced: {msg}"))
    return errors


def _format(d: Diag, name: str, offset: int) -> str:
    where = f"{name}:{d.line + offset}:{d.col}" if d.line else name
    return f"{where}: {d.severity}: {d.message}"


def _build_pipeline(args, extra: list[str]) -> str:
    if args.pass_pipeline and extra:
        raise SystemExit("error: --pass-pipeline cannot be combined with pass flags")
    if args.pass_pipeline:
        return args.pass_pipeline
    steps = []
    for flag in extra:
        name, _, val = flag[2:].partition("=")
        if name == PASS_NAME:
            steps.append(f"{name}{{{val.replace(',', ' ')}}}" if val else name)
        else:
            steps.append(f"{name}{{{val}}}" if val else name)
    return f"builtin.module({','.join(steps)})" if steps else ""


def main(argv: list[str] | None = None) -> int:
    """Entry point of `torch-onnx-to-torch-opt`."""
    defer_torch_op_classes()
    p = argparse.ArgumentParser(
        prog="torch-onnx-to-torch-opt",
        description="mlir-opt-style driver; any --<pass-name>[=options] flag adds that pass.",
        formatter_class=HelpFormatter)
    p.add_argument("input", nargs="?", default="-")
    p.add_argument("-o", dest="output", default="-")
    p.add_argument("--pass-pipeline", default="")
    p.add_argument("--split-input-file", action="store_true")
    p.add_argument("--verify-diagnostics", action="store_true")
    p.add_argument("--emit-bytecode", action="store_true", help="write MLIR bytecode")
    p.add_argument("--report", action="store_true",
                   help="print every op left unconverted as a remark with its reason")
    p.add_argument("--stamp", choices=("auto", "always", "never"), default="auto",
                   help="convert a module whose every ONNX op converts locally by stamping "
                        f"(see stamp.py): auto from {MIN_OPS:,} ONNX ops")
    args, extra = p.parse_known_args(argv)
    bad = [e for e in extra if not e.startswith("--")]
    if bad:
        p.error(f"unrecognized arguments: {' '.join(bad)}")
    try:
        pipeline = _build_pipeline(args, extra)
        if args.input != "-" and not (args.split_input_file or args.verify_diagnostics or
                                      args.emit_bytecode):
            # MLIR reads the file itself (no copy of it here). Its locations then name the
            # file, which text output does not print; bytecode keeps locations, so it reads
            # the buffer as before (they name no file).
            with open(args.input, "rb") as f:  # readable?
                f.read(1)
            raw = None
        else:
            raw = sys.stdin.buffer.read() if args.input == "-" else open(args.input, "rb").read()
    except OSError as e:
        print(f"error: cannot read {args.input}: {e.strerror}", file=sys.stderr)
        return 1
    name = "<stdin>" if args.input == "-" else args.input
    stamped = _try_stamp(args, pipeline, raw)
    if stamped is not None:
        if args.report:
            print(f"{name}: remark: stamped {stamped.ops:,} ONNX ops of {stamped.signatures} "
                  "signatures (see --stamp)", file=sys.stderr)
        return _write(stamped.text, args.output)
    if raw is None:
        chunks = [Path(args.input)]  # one module, text or bytecode, parsed from the file
    elif raw.startswith(_BYTECODE_MAGIC):
        if args.split_input_file or args.verify_diagnostics:
            print("error: --split-input-file/--verify-diagnostics need textual input",
                  file=sys.stderr)
            return 1
        chunks = [raw]
    else:
        # Text is parsed as bytes: MLIR's parser accepts any byte inside a string attribute,
        # which need not be UTF-8; only the expected-* annotations are read decoded.
        chunks = raw.split(SPLIT_MARKER.encode()) if args.split_input_file else [raw]
    outputs, failed, offset = [], False, 0
    for chunk in chunks:
        out, diags = _process_chunk(chunk, pipeline, args.report or args.verify_diagnostics,
                                    args.emit_bytecode)
        if args.verify_diagnostics:
            for line, err in _verify(chunk.decode("utf-8", "replace"), diags):
                where = f"{name}:{line + offset}" if line else name
                print(f"{where}: error: {err}", file=sys.stderr)
                failed = True
        else:
            for d in diags:
                print(_format(d, name, offset), file=sys.stderr)
            if any(d.severity == "error" for d in diags):
                failed = True
        if out is not None:
            outputs.append(out)
        offset += 0 if isinstance(chunk, Path) else chunk.count(b"\n")
    if len(outputs) == 1:  # one module: its buffer as printed, no copy
        result = outputs[0]
    elif args.emit_bytecode:
        result = b"".join(outputs)
    else:
        result = (b"\n" + SPLIT_MARKER.encode() + b"\n").join(o.rstrip(b"\n") for o in outputs)
        result = result + b"\n" if result else b""
    if failed and args.output != "-":
        return 1  # no half-written output file
    return max(_write(result, args.output), 1 if failed else 0)


def _try_stamp(args, pipeline: str, raw: bytes | None):
    """The output by stamping (a stamp.Stamped) when the run is our pass alone on one text
    module and the module qualifies; None to run the pipeline as usual."""
    if args.stamp == "never" or args.emit_bytecode or args.split_input_file or \
            args.verify_diagnostics:
        return None
    if not _OUR_PASS_ALONE.fullmatch(pipeline):
        return None
    try:
        parse_pipeline(pipeline)  # our pass's options are valid
    except PipelineError:  # running the pipeline reports it
        return None
    min_ops = 0 if args.stamp == "always" else MIN_OPS
    if raw is None:
        if os.path.getsize(args.input) < min_ops * len("torch.operator"):
            return None  # too small to hold min_ops ONNX ops (start-up spared the import)
        with open(args.input, "rb") as f:
            if f.read(len(_BYTECODE_MAGIC)) == _BYTECODE_MAGIC:
                return None
    elif raw.startswith(_BYTECODE_MAGIC):
        return None
    from .conversion import _default
    from .stamp import stamp

    source = Path(args.input) if raw is None else raw
    return stamp(source, _default(), min_ops)


def _write(result: bytes, output: str) -> int:
    if output == "-":
        try:
            sys.stdout.buffer.write(result)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # e.g. `| head`: the reader has gone; no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    else:
        with open(output, "wb") as f:
            f.write(result)
    return 0

if __name__ == "__main__":
    sys.exit(main())
