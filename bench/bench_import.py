"""Benchmark: importing a model with big weights in external data (wall time, peak RSS).

    python bench/bench_import.py [--gib 1.0] [--dim 4096] [--workdir DIR] [--skip text,...] [--keep]

Generates a chain of MatMul(x, W) + Relu with W 4096x4096 float32 (64 MiB each; 16 per GiB), all
weights in one external-data file, in a temporary directory, then runs each mode as a child process
and prints its wall time, CPU time (user + system; steadier than wall time on a busy machine) and
peak RSS (both from wait4, so each child is measured alone):
 - `torch-onnx-to-torch import big.onnx -o big.mlir` (text; warns, 2x the weights written)
 - `torch-onnx-to-torch import big.onnx --bytecode -o big.mlirbc`
 - `... --externalize-params --params-file big.irpa` (weights as IREE parameters)
 - REFERENCE ONLY: torch-mlir's importer (`python -m torch_mlir.tools.import_onnx`, text) then
   `torch-mlir-opt --convert-torch-onnx-to-torch` (C++ pass, bytecode out), as two processes.
Generated files are deleted at the end unless --keep.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

DIM = 4096


def make_model(directory: str, n_weights: int, dim: int = DIM) -> str:
    """Write `model.onnx` + `model.data` (the weights, streamed) to `directory`; its path."""
    rng = np.random.default_rng(0)
    nodes, inits, prev, offset = [], [], "x", 0
    with open(os.path.join(directory, "model.data"), "wb") as data:
        rows = max(1, 2**22 // dim)  # written 16 MiB at a time: this process stays small
        for i in range(n_weights):
            t = TensorProto(name=f"w{i}", data_type=TensorProto.FLOAT, dims=[dim, dim])
            t.data_location = TensorProto.EXTERNAL
            for k, v in (("location", "model.data"), ("offset", str(offset)),
                         ("length", str(dim * dim * 4))):
                t.external_data.add(key=k, value=v)
            for r in range(0, dim, rows):
                w = (rng.random((min(rows, dim - r), dim), dtype=np.float32) - 0.5)
                data.write((w * (2 / dim ** 0.5)).tobytes())
            offset += dim * dim * 4
            inits.append(t)
            nodes.append(helper.make_node("MatMul", [prev, f"w{i}"], [f"m{i}"]))
            nodes.append(helper.make_node("Relu", [f"m{i}"], [f"r{i}"]))
            prev = f"r{i}"
    graph = helper.make_graph(
        nodes, "big", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, dim])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [1, dim])], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    path = os.path.join(directory, "model.onnx")
    onnx.save(model, path)
    return path


def run(cmd: list[str], log: str) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS (bytes) and exit code of `cmd`,
    output to `log`."""
    # A child's peak RSS starts at this process's own high-water mark (Linux carries it over
    # exec): the command runs under /usr/bin/time, a small process that forks it.
    if os.path.exists("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-o", os.devnull, *cmd]
    t = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - t, cpu, usage.ru_maxrss * 1024, proc.returncode


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gib", type=float, default=1.0, help="GiB of weights (64 MiB per MatMul)")
    p.add_argument("--dim", type=int, default=DIM,
                   help=f"W is DIM x DIM (default {DIM}; 16384 makes one 1 GiB weight)")
    p.add_argument("--workdir", help="where to generate (default: a new directory in /tmp)")
    p.add_argument("--skip", default="", help="comma-separated modes to skip: "
                   "text,bytecode,params,reference")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    args = p.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    work = tempfile.mkdtemp(prefix="t2t-bench-import-", dir=args.workdir)
    bindir = os.path.dirname(sys.executable)
    tool = shutil.which("torch-onnx-to-torch", path=bindir) or "torch-onnx-to-torch"
    cxx = shutil.which("torch-mlir-opt", path=bindir) or "torch-mlir-opt"
    try:
        n = max(1, round(args.gib * 2**30 / (args.dim * args.dim * 4)))
        t = time.perf_counter()
        model = make_model(work, n, args.dim)
        weights = n * args.dim * args.dim * 4
        print(f"model: {n} x MatMul(x, W {args.dim}x{args.dim} f32) + Relu, "
              f"{weights / 2**30:.2f} GiB of "
              f"weights in one external-data file; generated in {time.perf_counter() - t:.1f} s")
        def f(name: str) -> str:
            return os.path.join(work, name)

        modes = [
            ("text", "ours: import -o big.mlir (text)",
             [[tool, "import", model, "-o", f("big.mlir")]]),
            ("bytecode", "ours: import --bytecode -o big.mlirbc",
             [[tool, "import", model, "--bytecode", "-o", f("big.mlirbc")]]),
            ("params", "ours: import --bytecode --externalize-params",
             [[tool, "import", model, "--bytecode", "-o", f("params.mlirbc"),
               "--externalize-params", "--params-file", f("big.irpa")]]),
            ("reference", "REFERENCE torch-mlir import_onnx + torch-mlir-opt (C++ pass)",
             [[sys.executable, "-m", "torch_mlir.tools.import_onnx", model, "-o", f("ref.mlir")],
              [cxx, "--convert-torch-onnx-to-torch", "--emit-bytecode", f("ref.mlir"), "-o",
               f("ref.mlirbc")]]),
        ]
        print(f"{'mode':62s} {'wall s':>11s} {'CPU s':>11s} {'peak RSS':>10s} {'x weights':>9s}")
        for key, label, cmds in modes:
            if key in skip:
                continue
            walls, cpus, peaks = [], [], []
            for i, cmd in enumerate(cmds):
                wall, cpu, rss, rc = run(cmd, f(f"{key}{i}.log"))
                if rc:
                    tail = Path(f(f"{key}{i}.log")).read_text()[-2000:]
                    print(f"{label}: exit {rc}; see {f(f'{key}{i}.log')}:\n{tail}")
                    args.keep = True
                walls.append(wall)
                cpus.append(cpu)
                peaks.append(rss)
            wall = " + ".join(f"{w:.1f}" for w in walls)
            cpu = " + ".join(f"{c:.1f}" for c in cpus)
            print(f"{label:62s} {wall:>11s} {cpu:>11s} {max(peaks) / 2**30:6.2f} GiB "
                  f"{max(peaks) / weights:8.2f}x", flush=True)
            for name in ("big.mlir", "ref.mlir"):  # free the disk early: 2x the weights each
                if os.path.exists(f(name)) and not args.keep:
                    os.remove(f(name))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
