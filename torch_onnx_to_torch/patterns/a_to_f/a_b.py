"""Patterns for default-domain ONNX ops whose names start with A or B."""

from __future__ import annotations

from ..families import binary, register_table, unary

TABLE = [
    ("Abs", 1, unary("torch.aten.abs", "Abs", "1..13")),
    ("Add", 1, binary("add", "Add", "1..14")),
]


def populate(registry) -> None:
    """Register the A-B patterns."""
    register_table(registry, TABLE)
