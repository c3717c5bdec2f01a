"""Patterns for the classical-ML ops (domain ai.onnx.ml) whose types torch can hold: feature
transforms (Binarizer, ArrayFeatureExtractor) and tree ensembles (TreeEnsemble).

A shard like the letter shards: each module in `MODULES` has a `TABLE` of this domain's ops and
`populate(registry)`, which registers it with `families.register_table(..., domain=DOMAIN)`."""

from __future__ import annotations

from importlib import import_module

MODULES = ("features", "trees")

DOMAIN = "ai.onnx.ml"


def populate(registry) -> None:
    """Register the ai.onnx.ml patterns."""
    for name in MODULES:
        import_module(f"{__name__}.{name}").populate(registry)
