"""Patterns for the ONNX training ops (domain ai.onnx.preview.training): the optimizers' update
rules, which are elementwise math on float tensors.

A shard like the letter shards: each module in `MODULES` has a `TABLE` of this domain's ops and
`populate(registry)`, which registers it with `families.register_table(..., domain=DOMAIN)`."""

from __future__ import annotations

from importlib import import_module

MODULES = ("optimizers",)

DOMAIN = "ai.onnx.preview.training"


def populate(registry) -> None:
    """Register the ai.onnx.preview.training patterns."""
    for name in MODULES:
        import_module(f"{__name__}.{name}").populate(registry)
