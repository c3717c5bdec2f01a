"""Determinism (issue 13): the same input gives byte-identical output across runs, across
processes with different hash seeds, in whatever order a process imports its models, and
across conformance -j.

Each run is a child process (`_CHILD` below) with its own PYTHONHASHSEED that imports and
converts every model in every output mode through the CLI entry points, one after the other
in one process (in opposite orders for the two seeds); the files are then compared byte for
byte: text, bytecode, and with --externalize-params the module and the .irpa archive. The
same goes for `torch-onnx-to-torch-opt` on imported MLIR, text and bytecode.

Known, and not a defect of the output: two imports into the *same* MLIR context get
different resource blob names (MLIR uniques them per context: `W`, then `W_1`). Every entry
point makes a fresh context per import (`import_file`'s default, the CLIs, conformance).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODELS = ["models/gpt2_dynamo.onnx", "models/bert_ts.onnx",
          "test/data/contrib/bert_fused.onnx", "models/control_ts.onnx"]
MODES = {"text": [], "bytecode": ["--bytecode"], "params": ["--externalize-params"]}

# argv: output dir, "forward" | "reverse", then the models; also runs the opt CLI on each
# model's imported MLIR (written by the test beforehand as <out>/../<stem>.imported.mlir).
_CHILD = r"""
import sys
from pathlib import Path
from torch_onnx_to_torch import cli, opt

out, order, models = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
runs = []
for model in models:
    stem = Path(model).stem
    for mode, flags in MODES.items():
        suffix = ".mlirbc" if mode == "bytecode" else ".mlir"
        runs.append(("import", [model, "-o", str(out / f"{stem}.{mode}{suffix}"), *flags]))
    imported = str(out.parent / f"{stem}.imported.mlir")
    runs.append(("opt", ["--convert-torch-onnx-to-torch", imported,
                         "-o", str(out / f"{stem}.opt.mlir")]))
    runs.append(("opt", ["--convert-torch-onnx-to-torch", "--emit-bytecode", imported,
                         "-o", str(out / f"{stem}.opt.mlirbc")]))
if order == "reverse":
    runs.reverse()
for tool, argv in runs:
    code = cli.main(["import", *argv]) if tool == "import" else opt.main(argv)
    if code:
        sys.exit(f"{tool} {argv} exited with {code}")
"""


def _env(seed: int) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def _imported_mlir(model: Path, dest: Path) -> None:
    """What torch-mlir's importer gives for `model` (our pass not run): the opt input."""
    from torch_onnx_to_torch.importer import import_file

    imported = import_file(model)
    with open(dest, "w") as f:
        imported.module.operation.print(file=f, enable_debug_info=False)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("determinism")
    models = [ROOT / m for m in MODELS]
    for m in models:
        _imported_mlir(m, base / f"{m.stem}.imported.mlir")
    child = f"MODES = {MODES!r}\n" + _CHILD
    out = {}
    for seed, order in ((1, "forward"), (2, "reverse")):
        d = base / f"seed{seed}"
        d.mkdir()
        r = subprocess.run([sys.executable, "-c", child, str(d), order, *map(str, models)],
                           env=_env(seed), capture_output=True, text=True, check=False)
        assert r.returncode == 0, r.stderr[-3000:]
        out[seed] = d
    return out


@pytest.mark.parametrize("model", [Path(m).stem for m in MODELS])
def test_same_bytes_across_processes_and_orders(runs, model):
    one = sorted(p.name for p in runs[1].glob(f"{model}.*"))
    two = sorted(p.name for p in runs[2].glob(f"{model}.*"))
    # text, bytecode, params module + .irpa, opt text + bytecode
    assert one == two and len(one) == 6, (one, two)
    for name in one:
        a, b = (runs[1] / name).read_bytes(), (runs[2] / name).read_bytes()
        assert a, name
        assert a == b, f"{name} differs between the two processes"


def test_no_paths_of_the_run_in_the_output(runs):
    """Outputs name no temporary directory or input path (which would differ per run)."""
    for p in runs[1].iterdir():
        data = p.read_bytes()
        for needle in (str(runs[1]), str(ROOT), "/tmp/"):
            assert needle.encode() not in data, (p.name, needle)


def test_conformance_results_do_not_depend_on_jobs(tmp_path):
    """The harness's results (timing aside) are the same at -j 1 and -j 2, in the same order:
    what `conformance --json-out` writes, run in this process (the heavy imports once)."""
    from torch_onnx_to_torch import conformance as cf

    cases = cf.collect_cases("^test_(add|gemm_default_scalar_bias|string_concat)$", 1)
    assert len(cases) == 3
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.jsonl"
        cf.write_jsonl(cf.run_cases(cases, jobs=jobs, timeout=300), str(out))
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        results[jobs] = [{k: v for k, v in row.items() if k != "seconds"} for row in rows]
    assert [r["stage"] for r in results[1]] == ["pass", "pass", "unconverted"]
    assert results[1] == results[2]
