"""The conformance harness: comparison rules, isolation, expectations, a few real cases."""

from __future__ import annotations

import json
import os
import signal
import time

import numpy as np
import pytest

from torch_onnx_to_torch import conformance as cf
from torch_onnx_to_torch.e2e import compare

# --- comparison ---------------------------------------------------------------------------------


def test_ints_and_bools_are_exact():
    assert compare(np.array([1, 2, 3]), np.array([1, 2, 3]), 1e-3, 1e-7) == ""
    # rtol would accept 1000 vs 1001 for floats; ints must match exactly
    assert "differ" in compare(np.array([1001]), np.array([1000]), 1e-3, 1e-7)
    assert compare(np.array([1001.0]), np.array([1000.0]), 1e-3, 1e-7) == ""
    assert "differ" in compare(np.array([True, False]), np.array([True, True]), 1e-3, 1e-7)
    big = np.array([2**63 + 1], dtype=np.uint64)
    assert "differ" in compare(big, np.array([2**63], dtype=np.uint64), 1e-3, 1e-7)


def test_nan_equals_nan_and_tolerance():
    nan = np.float32("nan")
    assert compare(np.array([nan, 1.0], np.float32), np.array([nan, 1.0], np.float32),
                   1e-3, 1e-7) == ""
    assert "differ" in compare(np.array([nan], np.float32), np.array([1.0], np.float32),
                               1e-3, 1e-7)
    assert compare(np.array([np.inf], np.float32), np.array([np.inf], np.float32), 0, 0) == ""
    assert compare(np.array([1.0005], np.float32), np.array([1.0], np.float32), 1e-3, 0) == ""
    assert "rtol" in compare(np.array([1.002], np.float32), np.array([1.0], np.float32),
                             1e-3, 0)


def test_shape_dtype_and_sequences():
    assert "shape" in compare(np.zeros((2, 3)), np.zeros((3, 2)), 1e-3, 1e-7)
    assert "dtype" in compare(np.zeros(3, np.float64), np.zeros(3, np.float32), 1e-3, 1e-7)
    # IREE hands back unsigned results as signless (signed) ints with the same bits
    assert compare(np.array([-1], np.int8), np.array([255], np.uint8), 0, 0) == ""
    assert "differ" in compare(np.array([-2], np.int8), np.array([255], np.uint8), 0, 0)
    seq = [np.array([1, 2]), np.array([3])]
    assert compare(seq, [np.array([1, 2]), np.array([3])], 1e-3, 1e-7) == ""
    assert "sequence element 1" in compare(seq, [np.array([1, 2]), np.array([4])], 1e-3, 1e-7)
    strings = np.array(["a", "b"], dtype=object)
    assert compare(strings, strings.copy(), 0, 0) == ""


# --- isolation: crash and timeout in a child lose only that case ---------------------------------


class _Case:
    def __init__(self, name):
        import onnx.helper as h

        self.name = name
        self.model = h.make_model(h.make_graph([h.make_node("Relu", ["x"], ["y"])], name, [],
                                               []))


def _fake_runner(case, reference, progress):
    progress("compile_error")
    if case.name == "test_segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    if case.name == "test_hang":
        time.sleep(60)
    if case.name == "test_raise":
        raise RuntimeError("boom")
    return cf.CaseResult(case.name, "pass")


def test_crash_and_timeout_are_isolated():
    cases = [_Case(n) for n in ("test_ok", "test_segv", "test_hang", "test_raise", "test_ok2")]
    start = time.monotonic()
    res = {r.name: r for r in cf.run_cases(cases, jobs=2, timeout=3, runner=_fake_runner)}
    assert time.monotonic() - start < 30
    assert res["test_ok"].stage == res["test_ok2"].stage == "pass"
    assert res["test_segv"].stage == "compile_error"
    assert res["test_segv"].detail.startswith("crashed with signal SIGSEGV (while compiling)")
    assert res["test_hang"].stage == "compile_error"
    assert res["test_hang"].detail.startswith("timeout after 3 s (while compiling)")
    assert res["test_raise"].stage == "compile_error"
    assert "RuntimeError: boom" in res["test_raise"].detail
    assert res["test_ok"].ops == ["Relu"]


# --- expectations -------------------------------------------------------------------------------


def _r(name, stage, detail=""):
    return cf.CaseResult(name, stage, detail)


def test_expectations_roundtrip_and_compare(tmp_path):
    path = str(tmp_path / "expected.jsonl")
    cf.write_expectations([_r("test_b", "unconverted", "onnx.B: no pattern\nmore"),
                           _r("test_a", "pass")], path, full_run=True)
    lines = [json.loads(x) for x in open(path)]
    assert lines == [{"name": "test_a", "stage": "pass"},
                     {"name": "test_b", "stage": "unconverted", "reason": "onnx.B: no pattern"}]
    exp = cf.load_expectations(path)
    cmp = cf.compare_with_expectations(
        [_r("test_a", "mismatch", "x"), _r("test_b", "pass"), _r("test_c", "pass")], exp)
    assert [r.name for r, _ in cmp.regressions] == ["test_a"] and not cmp.ok
    assert [r.name for r in cmp.new_passes] == ["test_b"]
    assert [r.name for r in cmp.unknown] == ["test_c"]
    text = cf.format_comparison(cmp, "expected.jsonl")
    assert "REGRESSIONS: 1" in text and "NEWLY PASSING: 1" in text
    ok = cf.compare_with_expectations([_r("test_a", "pass"), _r("test_b", "pass")], exp)
    assert ok.ok and "No regressions" in cf.format_comparison(ok, "e")
    # a filtered update only replaces the cases it ran
    cf.write_expectations([_r("test_b", "pass")], path, full_run=False)
    assert {n: e["stage"] for n, e in cf.load_expectations(path).items()} == \
        {"test_a": "pass", "test_b": "pass"}


def test_summary_markdown():
    rs = [cf.CaseResult("test_a", "pass", ops=["Add"]),
          cf.CaseResult("test_b", "unconverted", "x", ops=["Add", "Foo"],
                        unconverted={"onnx.Foo": ["no pattern for this op"]})]
    md = cf.summary_markdown(rs, reference=[cf.CaseResult("test_a", "pass", ops=["Add"]),
                                            cf.CaseResult("test_b", "pass", ops=["Add", "Foo"])])
    assert "**Pass rate: 1/2 (50.0%)**" in md
    assert "| Add | 1 | 2 | 50.0% | 0 | 2 |" in md
    assert "| Foo | 0 | 1 | 0.0% | 1 | 1 |" in md
    assert "| 1 | onnx.Foo | no pattern for this op |" in md


# --- real cases through the whole flow ----------------------------------------------------------

_REAL = "^test_(abs|string_concat|cast_FLOAT_to_INT4)$"


@pytest.fixture(scope="module")
def real_results():
    pytest.importorskip("iree.compiler")
    cases = cf.collect_cases(_REAL)
    return {r.name: r for r in cf.run_cases(cases, jobs=2, timeout=120)}


def test_real_pass(real_results):
    r = real_results["test_abs"]
    assert (r.stage, r.ops, r.converter) == ("pass", ["Abs"], cf.OURS)


def test_real_unconverted_has_reasons(real_results):
    r = real_results["test_string_concat"]
    assert r.stage == "unconverted"
    assert list(r.unconverted) == ["onnx.StringConcat"] and r.unconverted["onnx.StringConcat"]
    r = real_results["test_cast_FLOAT_to_INT4"]
    assert r.stage == "unconverted" and "onnx.Cast" in r.unconverted


# --- the CLI's gate, on saved results (no cases run) --------------------------------------------


def test_cli_gate_on_saved_results(tmp_path, capsys):
    from torch_onnx_to_torch.cli import main

    run, exp = str(tmp_path / "run.jsonl"), str(tmp_path / "expected.jsonl")
    cf.write_jsonl([_r("test_a", "pass"), _r("test_b", "unconverted", "onnx.B: no pattern")], run)
    assert main(["conformance", "--from-results", run, "--expect", exp,
                 "--update-expectations", "--summary-out", str(tmp_path / "s.md")]) == 0
    assert "Pass rate: 1/2" in (tmp_path / "s.md").read_text()
    assert main(["conformance", "--from-results", run, "--expect", exp]) == 0
    # test_a regresses, test_b newly passes: exit 1, both reported
    cf.write_jsonl([_r("test_a", "mismatch", "bad"), _r("test_b", "pass")], run)
    capsys.readouterr()
    assert main(["conformance", "--from-results", run, "--expect", exp]) == 1
    err = capsys.readouterr().err
    assert "REGRESSIONS: 1" in err and "test_a: mismatch: bad" in err
    assert "NEWLY PASSING: 1" in err and "  test_b" in err
    # only a new pass: exit 0, still loud
    cf.write_jsonl([_r("test_a", "pass"), _r("test_b", "pass")], run)
    assert main(["conformance", "--from-results", run, "--expect", exp]) == 0
    assert "NEWLY PASSING: 1" in capsys.readouterr().err
