"""Patterns for default-domain ONNX ops whose names start with A to F.

The shard is a package: one module per op family (named after what it holds), each with
`populate(registry)`.
"""

from __future__ import annotations

from importlib import import_module

# Imported when used (patterns/index.py maps each op to its module), not with the package.
MODULES = ("affine_grid", "attention", "averagepool", "casts", "convolution", "deform_conv",
           "dft", "einsum", "elementwise", "generators", "quantize", "sequences", "shape_layout",
           "tensor_building")


def populate(registry) -> None:
    """Register the A-F patterns."""
    for name in MODULES:
        import_module(f"{__name__}.{name}").populate(registry)
