"""Patterns for default-domain ONNX ops whose names start with Q-Z.

The shard is a package: one module per op family (named after what it holds), each with
`populate(registry)`.
"""

from __future__ import annotations

from importlib import import_module

# Imported when used (patterns/index.py maps each op to its module), not with the package.
MODULES = ("activations", "elementwise", "losses", "normalization", "quantized", "random",
           "recurrent", "reductions", "resize", "roi_align", "rotary_embedding", "scan",
           "scatter", "selection", "sequences", "shapes", "slicing", "stft", "text")


def populate(registry) -> None:
    """Register the Q-Z patterns."""
    for name in MODULES:
        import_module(f"{__name__}.{name}").populate(registry)
