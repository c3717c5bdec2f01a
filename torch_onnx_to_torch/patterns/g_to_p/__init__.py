"""Patterns for default-domain ONNX ops whose names start with G-P.

The shard is a package: one module per op family (named after what it holds), each with
`populate(registry)`.
"""

from __future__ import annotations

from . import (
    activations,
    control_flow,
    elementwise,
    gather,
    grid_sample,
    image_decoder,
    linalg,
    linear_attention,
    losses,
    modulo,
    multinomial,
    normalization,
    optionals,
    pad,
    pooling,
    recurrent,
    selection,
    windows,
)

MODULES = (activations, control_flow, elementwise, gather, grid_sample, image_decoder, linalg,
           linear_attention, losses, modulo, multinomial, normalization, optionals, pad, pooling,
           recurrent, selection, windows)


def populate(registry) -> None:
    """Register the G-P patterns."""
    for module in MODULES:
        module.populate(registry)
