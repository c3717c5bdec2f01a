"""`conformance --lower-to`: torch-mlir's backend pipelines after the conversion, classified."""

from __future__ import annotations

import json
import os

import pytest

from torch_onnx_to_torch import cli
from torch_onnx_to_torch import conformance as cf

HERE = os.path.dirname(os.path.abspath(__file__))
DOWNSTREAM = os.path.join(HERE, "..", "conformance", "downstream")

_ABS = """
func.func @main(%x: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> {
  %0 = torch.aten.abs %x : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
"""
# TOSA has no lowering for aten.asin: an ordinary failure with a diagnostic.
_ASIN = _ABS.replace("aten.abs", "aten.asin")


def test_parse_backends():
    assert cf.parse_backends("all") == ["linalg", "tosa", "stablehlo"]
    assert cf.parse_backends("tosa, linalg,tosa") == ["tosa", "linalg"]
    with pytest.raises(ValueError, match="unknown backend"):
        cf.parse_backends("linalg,spirv")


def test_lower_text_classifies():
    assert cf.lower_text(_ABS, "linalg")["status"] == "lowered"
    failed = cf.lower_text(_ASIN, "tosa")
    assert failed["status"] == "failed"
    assert "torch.aten.asin" in failed["detail"] and "\n" not in failed["detail"]
    with open(os.path.join(DOWNSTREAM, "torch_mlir_ui16_dtype_fold_abort.mlir")) as f:
        crashed = cf.lower_text(f.read(), "stablehlo")
    assert crashed["status"] == "crashed"
    assert "LLVM ERROR: Unhandled type in getScalarTypeForType: ui16" in crashed["detail"]
    assert "signal SIGABRT" in crashed["detail"]


def test_crash_signature_drops_paths():
    err = ("torch-mlir-opt: /build/src/lib/Foo.cpp:12: void f(): Assertion `x' failed.\n"
           "Stack dump:\n1.\tRunning pass 'ConvertTorchToTosa' on operation 'func.func'\n")
    sig = cf.crash_signature(err, -6)
    assert sig == ("torch-mlir-opt: Foo.cpp:12: void f(): Assertion `x' failed.; "
                   "in pass ConvertTorchToTosa; signal SIGABRT")
    assert cf.is_crash(err, 1) and not cf.is_crash("x.mlir:1:1: error: nope", 1)


def test_cli_runs_cases_and_summarizes(tmp_path, capsys):
    out, md = tmp_path / "low.jsonl", tmp_path / "low.md"
    assert cli.main(["conformance", "--lower-to", "linalg,tosa", "-j", "1", "-q",
                     "--filter", "^test_(abs|add_uint16|string_concat)$",
                     "--json-out", str(out)]) == 0
    res = {d["name"]: d for d in map(json.loads, out.read_text().splitlines())}
    assert res["test_abs"]["stage"] == "pass"
    assert {b: o["status"] for b, o in res["test_abs"]["lowering"].items()} == \
        {"linalg": "lowered", "tosa": "lowered"}
    crashed = res["test_add_uint16"]
    assert crashed["stage"] == "compile_error"
    assert crashed["lowering"]["linalg"]["status"] == "crashed"
    assert "getScalarTypeForType: ui16" in crashed["lowering"]["linalg"]["detail"]
    assert "lowering" not in res["test_string_concat"]  # not converted: nothing lowered
    # the summary, against a "reference" that is this same run
    assert cli.main(["conformance", "--lower-to", "linalg,tosa", "--from-results", str(out),
                     "--side-by-side", str(out), "--summary-out", str(md)]) == 0
    text = md.read_text()
    assert "| linalg | 1 | 0 | 1 | 0 |" in text
    assert "| linalg | 1 | 1 | 1 | 1 | 0 | 0 |" in text
    assert "getScalarTypeForType: ui16" in text
    assert "tosa: lowered=1 failed=0 crashed=1" in capsys.readouterr().err


def test_summary_lists_where_ours_fails_and_reference_lowers():
    def r(name, **status):
        return cf.CaseResult(name, "pass", lowering={b: {"status": s, "detail": f"{b} {s}"}
                                                     for b, s in status.items()})

    ours = [r("test_a", tosa="failed"), r("test_b", tosa="lowered"), r("test_c", tosa="lowered")]
    ref = [r("test_a", tosa="lowered"), r("test_b", tosa="crashed"),
           cf.CaseResult("test_c", "unconverted")]
    md = cf.lowering_summary_markdown(ours, ref)
    assert "on the 2 cases both convert fully" in md
    assert "| tosa | 1 | 1 | 0 | 1 | 1 | 1 |" in md
    assert "| `test_a` | failed: tosa failed |" in md


@pytest.mark.parametrize("name, backend, signature", [
    ("torch_mlir_ui16_dtype_fold_abort.mlir", "linalg", "getScalarTypeForType: ui16"),
    ("torch_to_linalg_static_reshape_to_empty_sigfpe.mlir", "linalg", "signal SIGFPE"),
    ("stablehlo_max_pool2d_ui8_segv.mlir", "stablehlo", "signal SIGSEGV"),
])
def test_downstream_reproducers_still_crash(name, backend, signature):
    """conformance/downstream.md's torch-mlir reproducers; when one stops crashing, update it."""
    with open(os.path.join(DOWNSTREAM, name)) as f:
        out = cf.lower_text(f.read(), backend)
    assert out["status"] == "crashed" and signature in out["detail"]
