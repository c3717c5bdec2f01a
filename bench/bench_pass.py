"""Benchmark: our Python pass vs torch-mlir's C++ pass (reference) on a synthetic ONNX graph.

    python bench/bench_pass.py [--nodes 50000] [--repeat 3] [--workdir DIR]

Generates a chain of mixed supported ops with small weights, imports it once to MLIR, then times
 1. in process, on the parsed module: our pass vs the C++ pass (labelled reference), pass only;
 2. whole tools, as a user runs them: `torch-onnx-to-torch-opt --convert-torch-onnx-to-torch`
    vs `torch-mlir-opt --convert-torch-onnx-to-torch` (parse + pass + print), with peak RSS.
Prints wall times (best of --repeat) and the ratios ours / C++ (<= 1.0 means we are not slower),
and 3. start-up: the driver on an empty file vs a bare `import torch_mlir.ir` (CPU time).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from torch_mlir import ir, passmanager

from torch_onnx_to_torch import convert
from torch_onnx_to_torch.importer import import_model, new_context

_BLOCK = ["MatMul", "Add", "Relu", "Mul", "Sigmoid", "Sub", "Tanh", "Transpose", "Softmax",
          "Reshape"]


def make_model(n_nodes: int) -> onnx.ModelProto:
    """A chain of `n_nodes` ops cycling through _BLOCK on an [8, 8] activation."""
    rng = np.random.default_rng(0)
    nodes, inits, prev = [], [], "x"
    for i in range(n_nodes):
        op, out = _BLOCK[i % len(_BLOCK)], f"t{i}"
        if op in ("MatMul", "Add", "Mul", "Sub"):
            w = f"w{i}"
            shape = (8, 8) if op == "MatMul" else (8,)
            inits.append(numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), w))
            nodes.append(helper.make_node(op, [prev, w], [out]))
        elif op == "Reshape":
            s = f"s{i}"
            inits.append(numpy_helper.from_array(np.array([8, -1], np.int64), s))
            nodes.append(helper.make_node(op, [prev, s], [out]))
        elif op == "Softmax":
            nodes.append(helper.make_node(op, [prev], [out], axis=-1))
        else:
            nodes.append(helper.make_node(op, [prev], [out]))
        prev = out
    graph = helper.make_graph(
        nodes, "bench", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [8, 8])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [8, 8])], initializer=inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def time_in_process(mlir_path: str, repeat: int) -> tuple[float, float, int]:
    """Pass-only times (ours, C++ reference) on freshly parsed modules; ops converted by ours."""
    text = open(mlir_path).read()
    converted = [0]

    def fresh():
        return ir.Module.parse(text, new_context())

    def ours():
        m = fresh()
        t = time.perf_counter()
        report = convert(m)
        converted[0] = sum(report.converted.values())
        return time.perf_counter() - t

    def cxx():  # REFERENCE ONLY: torch-mlir's C++ pass, never used by the product
        m = fresh()
        with m.context:
            pm = passmanager.PassManager.parse(
                "builtin.module(func.func(convert-torch-onnx-to-torch))")
        t = time.perf_counter()
        pm.run(m.operation)
        return time.perf_counter() - t

    t_ours = min(ours() for _ in range(repeat))
    t_cxx = min(cxx() for _ in range(repeat))
    return t_ours, t_cxx, converted[0]


def time_tool(cmd: list[str], repeat: int) -> tuple[float, float, float]:
    """Best wall time, best CPU time (user + system) and peak RSS (MiB) of a command, each
    run measured on its own: os.wait4 gives the CPU of that child and what it waited for;
    the RSS comes from /usr/bin/time, since a child forked from this (big) process would
    count the parent's pages until its exec."""
    walls, cpus, rss = [], [], 0.0
    timer = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen(timer + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}: {err.decode(errors='replace')[-500:]}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        last = err.decode(errors="replace").strip().splitlines()[-1:] if timer else []
        if last and last[0].isdigit():
            rss = max(rss, int(last[0]) / 1024)
    return min(walls), min(cpus), rss


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nodes", type=int, default=50000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workdir", default=None)
    args = p.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="t2t-bench-")
    os.makedirs(work, exist_ok=True)
    mlir_path = os.path.join(work, f"chain{args.nodes}.mlir")

    t = time.perf_counter()
    model = make_model(args.nodes)
    module = import_model(onnx.shape_inference.infer_shapes(model))
    with open(mlir_path, "w") as f:
        f.write(module.operation.get_asm())
    n_ops = module.operation.get_asm().count('torch.operator "onnx.')
    print(f"graph: {args.nodes} ONNX nodes -> {n_ops} torch.operator ops "
          f"(incl. initializers as onnx.Constant); generated+imported in "
          f"{time.perf_counter() - t:.1f}s -> {mlir_path}")

    t_ours, t_cxx, converted = time_in_process(mlir_path, args.repeat)
    print(f"in-process, pass only (best of {args.repeat}):")
    print(f"  ours (Python)          {t_ours:8.3f} s   converted {converted} ops")
    print(f"  C++ pass [reference]   {t_cxx:8.3f} s")
    print(f"  ratio ours/C++         {t_ours / t_cxx:8.2f}")

    bindir = os.path.dirname(sys.executable)
    ours_tool = shutil.which("torch-onnx-to-torch-opt", path=bindir) or "torch-onnx-to-torch-opt"
    cxx_tool = shutil.which("torch-mlir-opt", path=bindir) or "torch-mlir-opt"
    w_ours, c_ours, rss_ours = time_tool(
        [ours_tool, "--convert-torch-onnx-to-torch", mlir_path, "-o", os.devnull], args.repeat)
    w_cxx, c_cxx, rss_cxx = time_tool(
        [cxx_tool, "--convert-torch-onnx-to-torch", mlir_path, "-o", os.devnull], args.repeat)
    print(f"whole tool: parse + pass + print (best of {args.repeat}):")
    print(f"  {'':34}{'wall':>9}{'CPU':>9}{'peak RSS':>11}")
    print(f"  {'torch-onnx-to-torch-opt':34}{w_ours:8.3f}s{c_ours:8.3f}s{rss_ours:7.0f} MiB")
    print(f"  {'torch-mlir-opt [reference, C++]':34}{w_cxx:8.3f}s{c_cxx:8.3f}s{rss_cxx:7.0f} MiB")
    print(f"  {'ratio ours/C++':34}{w_ours / w_cxx:8.2f} {c_ours / c_cxx:8.2f} "
          f"{rss_ours / rss_cxx:8.2f}")

    empty = os.path.join(work, "empty.mlir")
    with open(empty, "w") as f:
        f.write("")
    n = max(args.repeat, 10)
    starts = [("torch-onnx-to-torch-opt, empty file",
               [ours_tool, "--convert-torch-onnx-to-torch", empty, "-o", os.devnull]),
              ("python -c 'import torch_mlir.ir'", [sys.executable, "-c", "import torch_mlir.ir"]),
              ("torch-mlir-opt, empty file [reference, C++]",
               [cxx_tool, "--convert-torch-onnx-to-torch", empty, "-o", os.devnull])]
    print(f"start-up (best of {n}):")
    got = {}
    for label, cmd in starts:
        w, c, _ = time_tool(cmd, n)
        got[label] = c
        print(f"  {label:44}{w:8.3f}s wall{c:8.3f}s CPU")
    print(f"  ratio ours / bare import (CPU)              "
          f"{got[starts[0][0]] / got[starts[1][0]]:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
