"""Q-Z recurrent layers: RNN (the machinery, shared with GRU and LSTM, is patterns/recurrent.py)."""

from __future__ import annotations

from ...binder import Binder
from .. import recurrent
from ..families import register_table


def rnn(b: Binder):
    """RNN-1..22 (layout from 14) -> torch.prim.Loop (or unrolled steps) of aten.linear,
    the activation, aten.where for sequence_lens."""
    return recurrent.rnn(b)


TABLE = [
    ("RNN", 1, rnn),
]


def populate(registry) -> None:
    """Register the Q-Z recurrent patterns."""
    register_table(registry, TABLE)
