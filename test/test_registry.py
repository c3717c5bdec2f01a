"""Registry invariants: no duplicates, shards by first letter, lit coverage, docstrings."""

import pathlib
import re

import pytest

from torch_onnx_to_torch import Registry, default_registry
from torch_onnx_to_torch.patterns import DOMAIN_SHARDS, SHARDS

TEST_DIR = pathlib.Path(__file__).parent
SHARD_LETTERS = {"a_to_f": "ABCDEF", "g_to_p": "GHIJKLMNOP", "q_to_z": "QRSTUVWXYZ"}


def test_default_registry_builds_without_duplicates():
    reg = default_registry()
    keys = [(d, n, s) for d, n, s, _ in reg.entries()]
    assert len(keys) == len(set(keys))
    assert len({n for _, n, _ in keys}) >= 30


def test_lazy_index_is_current():
    """patterns/index.py (which module registers which op, for lazy loading) matches the
    modules; rerun `python -m torch_onnx_to_torch.patterns` after adding an op."""
    from torch_onnx_to_torch.patterns import build_index
    from torch_onnx_to_torch.patterns.index import MODULE_OF

    assert MODULE_OF == build_index()


def test_default_registry_loads_modules_on_first_use():
    import sys

    reg = default_registry()
    handler, _ = reg.lookup("", "Einsum", 12)
    assert handler is not None and "torch_onnx_to_torch.patterns.a_to_f.einsum" in sys.modules
    assert ("", "Xor") in reg  # known before its module is loaded
    with pytest.raises(ValueError, match="duplicate registration of Relu since version 1"):
        reg.register("Relu", 1, lambda b: None)  # its module loads first: a real duplicate


def test_duplicate_registration_fails():
    reg = Registry()
    reg.register("Abs", 1, lambda b: None)
    with pytest.raises(ValueError, match="duplicate registration of Abs since version 1"):
        reg.register("Abs", 1, lambda b: None)


def test_version_dispatch_picks_newest_not_newer():
    reg = Registry()
    h1, h7 = (lambda b: 1), (lambda b: 7)
    reg.register("X", 7, h7)
    reg.register("X", 1, h1)
    assert reg.lookup("", "X", 6)[0] is h1
    assert reg.lookup("", "X", 7)[0] is h7
    assert reg.lookup("", "X", 30)[0] is h7
    reg2 = Registry()
    reg2.register("Y", 9, h7)
    handler, reason = reg2.lookup("", "Y", 8)
    assert handler is None and "patterns start at 9" in reason


@pytest.mark.parametrize("shard", sorted(SHARDS))
def test_shard_holds_only_its_letters(shard):
    reg = Registry()
    SHARDS[shard].populate(reg)
    names = [n for d, n, _, _ in reg.entries() if d == ""]
    assert names, f"shard {shard} registers nothing"
    wrong = [n for n in names if n[0] not in SHARD_LETTERS[shard]]
    assert not wrong, f"{shard} registers ops of another shard: {wrong}"


# onnxruntime's contrib ops that it registers in the ONNX domain (older since-versions than
# ONNX's own op of the same name, or no ONNX op at all): they live in the com.microsoft shard.
ORT_ONNX_DOMAIN_OPS = {"LayerNormalization", "SimplifiedLayerNormalization"}


@pytest.mark.parametrize("domain", sorted(DOMAIN_SHARDS))
def test_domain_shard_holds_only_its_domain(domain):
    reg = Registry()
    DOMAIN_SHARDS[domain].populate(reg)
    entries = list(reg.entries())
    assert any(d == domain for d, _, _, _ in entries), f"shard {domain} registers nothing"
    wrong = [(d, n) for d, n, _, _ in entries
             if d != domain and not (d == "" and n in ORT_ONNX_DOMAIN_OPS)]
    assert not wrong, f"the {domain} shard registers ops of other domains: {wrong}"


def _lit_sources() -> str:
    return "\n".join(p.read_text() for p in (TEST_DIR / "patterns").rglob("*.mlir"))


def test_every_registered_op_has_a_lit_case():
    text = _lit_sources()
    reg = default_registry()
    missing = sorted({f"{d}.{n}" if d else n for d, n, _, _ in reg.entries()
                      if not re.search(rf'torch\.operator "onnx\.{re.escape(d + "." if d else "")}'
                                       rf'{re.escape(n)}"', text)})
    assert not missing, f"ops without a lit case: {missing}"


def test_every_handler_has_a_docstring_naming_its_op():
    reg = default_registry()
    bad = [(n, getattr(h, "__name__", h)) for _, n, _, h in reg.entries()
           if not (h.__doc__ and n in h.__doc__)]
    assert not bad, f"handlers without a docstring naming their op: {bad}"
