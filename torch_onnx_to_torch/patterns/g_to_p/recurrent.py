"""G-P recurrent layers: GRU, LSTM (the machinery, shared with RNN, is patterns/recurrent.py)."""

from __future__ import annotations

from ...binder import Binder
from .. import recurrent
from ..families import register_table


def gru(b: Binder):
    """GRU-1..22 (linear_before_reset from 3, layout from 14) -> torch.prim.Loop (or unrolled
    steps) of aten.linear, gate slices, activations, aten.where for sequence_lens."""
    return recurrent.gru(b)


def lstm(b: Binder):
    """LSTM-1..22 (layout from 14) -> torch.prim.Loop (or unrolled steps) of aten.linear, gate
    slices, peepholes, activations, aten.where for sequence_lens."""
    return recurrent.lstm(b)


TABLE = [
    ("GRU", 1, gru),
    ("LSTM", 1, lstm),
]


def populate(registry) -> None:
    """Register the G-P recurrent patterns."""
    register_table(registry, TABLE)
