"""ImageDecoder: registered only so that its decline carries the reason."""

from __future__ import annotations

from ...binder import Binder, Unsupported
from ..families import register_table


def image_decoder(b: Binder):
    """ImageDecoder-20 -> always declined (decodes image bytes, which torch cannot hold)"""
    raise Unsupported("decodes image bytes, which torch cannot hold")


TABLE = [
    ("ImageDecoder", 20, image_decoder),
]


def populate(registry) -> None:
    """Register ImageDecoder (as a decline with its reason)."""
    register_table(registry, TABLE)
