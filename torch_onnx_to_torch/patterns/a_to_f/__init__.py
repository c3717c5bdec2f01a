"""Patterns for default-domain ONNX ops whose names start with A to F.

The shard is a package: one module per letter group, each with `populate(registry)`.
"""

from __future__ import annotations

from . import (
    a_affine_grid,
    a_attention,
    a_averagepool,
    a_b,
    b_generate,
    c,
    c_cast,
    c_conv,
    d_deform_conv,
    d_dft,
    d_f,
    d_quantize,
    e_einsum,
    sequences,
)

MODULES = (a_affine_grid, a_attention, a_averagepool, a_b, b_generate, c, c_cast, c_conv,
           d_deform_conv, d_dft, d_f, d_quantize, e_einsum, sequences)


def populate(registry) -> None:
    """Register the A-F patterns."""
    for module in MODULES:
        module.populate(registry)
