"""Start-up of the command-line tools: defer torch-mlir's generated torch op classes; an
argparse help formatter that does not import shutil.

The MLIR Python bindings import a dialect's Python module (`torch_mlir.dialects.torch`) the first
time a type or op of that dialect is seen, and that module imports `_torch_ops_gen`: some 1,500
generated op classes, about half of the tools' start-up on a small input. Nothing in this
package uses those classes (ops are built and matched by name), so the tools put a stand-in
module in its place; the stand-in loads the real module the moment anything reads an
attribute of it, so code that does use the op classes in the same process still gets them.
Only the CLIs call this; importing the library changes nothing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
import types

_NAME = "torch_mlir.dialects.torch"


def defer_torch_op_classes() -> None:
    """Install the stand-in for `torch_mlir.dialects.torch` unless it is already imported."""
    if _NAME in sys.modules:
        return
    spec = importlib.util.find_spec(_NAME)
    if spec is None:
        return
    stub = types.ModuleType(_NAME, "stand-in: the real module loads on first attribute use")
    stub.__path__ = list(spec.submodule_search_locations or [])  # submodules still import
    stub.__getattr__ = _load_real_attribute
    sys.modules[_NAME] = stub


def _load_real_attribute(attr: str):
    if attr.startswith("__") and attr.endswith("__"):
        raise AttributeError(attr)
    current = sys.modules.get(_NAME)
    if current is None or getattr(current, "__getattr__", None) is _load_real_attribute:
        sys.modules.pop(_NAME, None)  # the stand-in: load the real module once
        current = importlib.import_module(_NAME)
        parent = sys.modules.get(_NAME.rpartition(".")[0])
        if parent is not None:
            parent.torch = current
    return getattr(current, attr)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized by `os.get_terminal_size` instead of `shutil`'s (whose
    import, with its compression modules, is a tenth of the start-up; argparse builds a
    formatter for every argument it adds)."""

    def __init__(self, prog: str, **kwargs) -> None:
        if kwargs.get("width") is None:
            try:
                columns = int(os.environ.get("COLUMNS") or os.get_terminal_size().columns)
            except (OSError, ValueError):
                columns = 80
            kwargs["width"] = max(columns - 2, 20)
        super().__init__(prog, **kwargs)
