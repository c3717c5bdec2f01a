"""Patterns for default-domain ONNX ops whose names start with D to F."""

from __future__ import annotations

from ..families import binary, register_table, unary

TABLE = [
    ("Div", 1, binary("div", "Div", "1..14")),
    ("Equal", 1, binary("eq", "Equal", "1..19")),
    ("Erf", 9, unary("torch.aten.erf", "Erf", "9..13")),
    ("Exp", 1, unary("torch.aten.exp", "Exp", "1..13")),
    ("Floor", 1, unary("torch.aten.floor", "Floor", "1..13")),
]


def populate(registry) -> None:
    """Register the D-F patterns."""
    register_table(registry, TABLE)
