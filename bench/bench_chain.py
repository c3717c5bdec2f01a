"""Benchmark: a chain of N ONNX ops (default 1M) through the whole driver, ours vs torch-mlir's
C++ pass (labelled reference).

    python bench/bench_chain.py [--ops 1000000] [--repeat 1] [--workdir DIR]

The module is written directly as torch-dialect MLIR (an ONNX import of 1M nodes would time the
importer, not the pass): a single function, a [4,4] f32 activation, cycling through unary and
binary elementwise ops and Softmax, no weights. Both tools parse, convert and print it to
/dev/null; wall, CPU (user + system) and peak RSS of each process are printed side by side.
Ours runs twice: as it runs by default (every op here has a local handler, so the module is
stamped: stamp.py) and with `--stamp=never` (the pass op by op, as in any pipeline).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_pass import time_tool  # noqa: E402

_T = "!torch.vtensor<[4,4],f32>"
_CYCLE = [("Relu", 1), ("Add", 2), ("Tanh", 1), ("Mul", 2), ("Sigmoid", 1), ("Sub", 2),
          ("Neg", 1), ("Softmax", 1)]


def write_chain(path: str, n_ops: int) -> None:
    """A function computing a chain of `n_ops` ONNX ops on its [4,4] argument."""
    with open(path, "w") as f:
        f.write("module {\n  func.func @chain(%arg0: " + _T + ") -> " + _T +
                " attributes {torch.onnx_meta.opset_version = 17 : si64} {\n")
        prev = "%arg0"
        for i in range(n_ops):
            op, arity = _CYCLE[i % len(_CYCLE)]
            args = ", ".join([prev] * arity)
            types = ", ".join([_T] * arity)
            f.write(f'    %{i} = torch.operator "onnx.{op}"({args}) : ({types}) -> {_T}\n')
            prev = f"%{i}"
        f.write(f"    return {prev} : {_T}\n  }}\n}}\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ops", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--workdir", default=None)
    args = p.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="t2t-chain-")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"chain{args.ops}.mlir")
    t = time.perf_counter()
    write_chain(path, args.ops)
    print(f"chain of {args.ops} ONNX ops -> {path} ({os.path.getsize(path) / 2**20:.0f} MiB) "
          f"in {time.perf_counter() - t:.1f}s")
    bindir = os.path.dirname(sys.executable)
    ours = shutil.which("torch-onnx-to-torch-opt", path=bindir) or "torch-onnx-to-torch-opt"
    cxx = shutil.which("torch-mlir-opt", path=bindir) or "torch-mlir-opt"
    rows = [("torch-onnx-to-torch-opt", [ours, "--convert-torch-onnx-to-torch", path,
                                         "-o", os.devnull]),
            ("  --stamp=never (op by op)", [ours, "--convert-torch-onnx-to-torch", path,
                                            "--stamp=never", "-o", os.devnull]),
            ("torch-mlir-opt [reference, C++]", [cxx, "--convert-torch-onnx-to-torch", path,
                                                 "-o", os.devnull])]
    got = []
    print(f"whole tool: parse + pass + print (best of {args.repeat}):")
    print(f"  {'':34}{'wall':>9}{'CPU':>9}{'peak RSS':>11}")
    for label, cmd in rows:
        w, c, rss = time_tool(cmd, args.repeat)
        got.append((w, c, rss))
        print(f"  {label:34}{w:8.2f}s{c:8.2f}s{rss:7.0f} MiB")
    w1, c1, r1 = got[-1]
    for label, (w0, c0, r0) in zip(("ratio ours/C++", "ratio ours op by op/C++"), got):
        print(f"  {label:34}{w0 / w1:8.2f} {c0 / c1:8.2f} {r0 / r1:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
