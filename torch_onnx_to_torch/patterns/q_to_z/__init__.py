"""Patterns for default-domain ONNX ops whose names start with Q-Z.

The shard is a package: one module per op family (named after what it holds), each with
`populate(registry)`.
"""

from __future__ import annotations

import importlib
import pkgutil

# Every module of the package that defines `populate`, in name order.
MODULES = tuple(
    m for m in (importlib.import_module(f"{__name__}.{info.name}")
                for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name))
    if hasattr(m, "populate"))


def populate(registry) -> None:
    """Register the Q-Z patterns."""
    for module in MODULES:
        module.populate(registry)
