"""Patterns for default-domain ONNX ops whose names start with G-P.

The shard is a package: one module per op family (named after what it holds), each with
`populate(registry)`.
"""

from __future__ import annotations

from importlib import import_module

# Imported when used (patterns/index.py maps each op to its module), not with the package.
MODULES = ("activations", "control_flow", "elementwise", "gather", "grid_sample", "image_decoder",
           "linalg", "linear_attention", "losses", "modulo", "multinomial", "normalization",
           "optionals", "pad", "pooling", "recurrent", "selection", "windows")


def populate(registry) -> None:
    """Register the G-P patterns."""
    for name in MODULES:
        import_module(f"{__name__}.{name}").populate(registry)
