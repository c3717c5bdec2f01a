"""The fuzzer's fixed sample (CI): every mutant must be ok, declined or a clean diagnostic.

The full run has its own command (README, "Fuzzing"): `torch-onnx-to-torch fuzz --seed 1
--count 10000 -j 2 --save-dir fuzz-failures`.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from torch_onnx_to_torch.tools import fuzz

SEED = 1
COUNT = 250


@pytest.fixture(scope="module")
def cases():
    from torch_onnx_to_torch.conformance import collect_cases

    return collect_cases(None)


def test_fixed_sample(cases):
    outcomes = fuzz.run(cases, SEED, range(COUNT), jobs=2, timeout=60)
    assert len(outcomes) == COUNT
    bad = [o for o in outcomes if o.cls not in fuzz.ACCEPTABLE]
    assert not bad, "\n" + "\n".join(
        f"[--seed {SEED} --only {o.index}] {o.cls}: {o.base}: {'; '.join(o.mutations)}: "
        f"{o.signature}" for o in bad)
    # The sample exercises the pass, not only the importer's refusals.
    counts = {c: sum(o.cls == c for o in outcomes) for c in fuzz.CLASSES}
    assert counts["ok"] > COUNT // 5 and counts["declined"] > COUNT // 5, counts


def test_mutants_are_reproducible(cases):
    for i in (0, 7, 123):
        a, b = fuzz.make_mutant(cases, 5, i), fuzz.make_mutant(cases, 5, i)
        assert a.base == b.base and a.mutations == b.mutations
        assert a.model.SerializeToString() == b.model.SerializeToString()
    assert fuzz.make_mutant(cases, 5, 1).mutations != fuzz.make_mutant(cases, 6, 1).mutations or \
        fuzz.make_mutant(cases, 5, 1).base != fuzz.make_mutant(cases, 6, 1).base


def test_kinds_restrict_mutations(cases):
    m = fuzz.make_mutant(cases, 2, 3, kinds=["opset"])
    assert m.mutations and all(d.startswith("opset:") for d in m.mutations)


def test_signature_strips_numbers():
    o = fuzz.Outcome(1, "test_x", [], "internal_error", "onnx.Reshape",
                     "internal error: tuple index 3 out of range at 0x7f00\nmore")
    assert o.signature == "onnx.Reshape: internal error: tuple index N out of range at N"


def test_save_failure(cases, tmp_path):
    m = fuzz.make_mutant(cases, 1, 4)
    o = fuzz.Outcome(4, m.base, m.mutations, "crash", "", "crashed with signal SIGSEGV")
    stem = fuzz.save_failure(o, m, 1, str(tmp_path))
    assert os.path.getsize(stem + ".onnx") > 0
    text = (tmp_path / (os.path.basename(stem) + ".txt")).read_text()
    assert "--seed 1 --only 4" in text and "crash" in text and m.mutations[0] in text


def test_summary_groups_by_signature():
    outs = [fuzz.Outcome(i, "b", [], "internal_error", "onnx.Split", f"IndexError {i}")
            for i in range(3)] + [fuzz.Outcome(9, "b", [], "ok")]
    text = fuzz.summary(outs, 1)
    assert "ok=1" in text and "internal_error=3" in text
    assert "   3  internal_error onnx.Split: IndexError N  [--only 0]" in text


def test_cli_only(capsys):
    from torch_onnx_to_torch.cli import main

    rc = main(["fuzz", "--seed", "1", "--only", "0,1", "--filter", "^test_(abs|relu)$",
               "-j", "1"])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert "seed 1: 2 mutants" in err and "[0]" in err and "[1]" in err


def test_bad_kind_is_a_usage_error(capsys):
    args = SimpleNamespace(kinds="nope", filter=None, unmutated=False)
    with pytest.raises(ValueError, match="unknown mutation kind"):
        fuzz.main(args)
