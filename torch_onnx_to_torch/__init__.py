"""torch-onnx-to-torch: convert `torch.operator "onnx.*"` ops into native torch-mlir ops.

Public API:
- :func:`convert` runs the conversion on a module in place and returns a :class:`Report`.
- :func:`default_registry` / :class:`Registry` to add or override handlers.
- :class:`Binder` and :class:`Unsupported` for writing handlers.
- :class:`Pipeline` / :func:`build_pass_manager` to mix our pass with MLIR passes.
"""

from __future__ import annotations

from collections.abc import Callable

from torch_mlir import ir

from .binder import Binder, Unsupported
from .conversion import PASS_NAME, Decline, Options, Report
from .pipeline import Pipeline, build_pass_manager
from .registry import Registry, default_registry

__all__ = [
    "PASS_NAME",
    "Binder",
    "Decline",
    "Options",
    "Pipeline",
    "Registry",
    "Report",
    "Unsupported",
    "build_pass_manager",
    "convert",
    "default_registry",
]


def convert(module: ir.Module, registry: Registry | None = None, strict: bool = False,
            progress: Callable[[int, int], None] | None = None) -> Report:
    """Run `convert-torch-onnx-to-torch` on `module` in place and return what it did;
    `progress(done, total)` is called now and then with the ops of the function converting.

    Raises `torch_mlir.ir.MLIRError` (carrying the diagnostics) if the pass fails: a handler
    raised an unexpected exception, or `strict` is set and some op was left unconverted.
    """
    pipe = Pipeline(f"builtin.module({PASS_NAME}{{strict={'true' if strict else 'false'}}})",
                    registry)
    pipe.report.on_progress = progress
    pipe.run(module)
    return pipe.report
