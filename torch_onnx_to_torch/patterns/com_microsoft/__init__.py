"""Patterns for onnxruntime's contrib ops (domain com.microsoft), and the two contrib ops
onnxruntime registers in the ONNX domain (LayerNormalization-1, SimplifiedLayerNormalization-1).

The shard is a package like the letter shards: one module per op family, each with
`TABLE` (com.microsoft ops), optionally `ONNX_DOMAIN_TABLE`, and `INFER`: the type inference
of its ops that the importer applies before import (contrib_import.py), so that it works
without onnxruntime.
"""

from __future__ import annotations

from importlib import import_module

# Imported when used (patterns/index.py maps each op to its module), not with the package.
MODULES = ("activations", "attention", "matmul", "normalization", "quantized")

DOMAIN = "com.microsoft"


def _modules():
    return [import_module(f"{__name__}.{name}") for name in MODULES]


def register_tables(module, registry) -> None:
    """Register a module's `TABLE` (com.microsoft) and `ONNX_DOMAIN_TABLE` (each module's
    `populate` calls this)."""
    for name, since, handler in module.TABLE:
        registry.register(name, since, handler, domain=DOMAIN)
    for name, since, handler in getattr(module, "ONNX_DOMAIN_TABLE", ()):
        registry.register(name, since, handler)


def populate(registry) -> None:
    """Register the com.microsoft patterns (and the ONNX-domain contrib ops)."""
    for module in _modules():
        module.populate(registry)


def infer_table() -> dict:
    """op_type -> type inference of the com.microsoft ops the shard supports."""
    out = {}
    for module in _modules():
        out.update(module.INFER)
    return out


def onnx_domain_infer_table() -> dict:
    """op_type -> type inference of the ONNX-domain contrib ops the shard supports."""
    out = {}
    for module in _modules():
        out.update(getattr(module, "ONNX_DOMAIN_INFER", {}))
    return out
