"""The pattern registry: handlers keyed by (domain, op name, since-version).

For an op of a model at opset N, the handler used is the one with the highest since-version
not newer than N. Registering the same key twice is an error at start-up.

User code can extend a registry::

    from torch_onnx_to_torch import default_registry, convert

    reg = default_registry()

    @reg.register("MyRelu", since=1, domain="com.example")
    def my_relu(b):
        \"\"\"com.example MyRelu-1 -> aten.relu\"\"\"
        return b.op("torch.aten.relu", [b.input(0)], b.result_type())

    convert(module, registry=reg)
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator

Handler = Callable  # (Binder) -> Value | list[Value | None]

DEFAULT_DOMAIN = ""


class Registry:
    """Handlers for ONNX ops, keyed by (domain, name, since-version)."""

    def __init__(self):
        # (domain, name) -> (sorted since-versions, handlers in the same order)
        self._ops: dict[tuple[str, str], tuple[list[int], list[Handler]]] = {}

    def register(self, name: str, since: int, handler: Handler | None = None, *,
                 domain: str = DEFAULT_DOMAIN):
        """Register `handler` for `domain`/`name` valid since opset `since`.

        Usable directly or as a decorator. Raises ValueError on a duplicate key.
        """
        if handler is None:
            return lambda fn: self.register(name, since, fn, domain=domain) or fn
        versions, handlers = self._ops.setdefault((domain, name), ([], []))
        if since in versions:
            where = f"{domain}." if domain else ""
            raise ValueError(f"duplicate registration of {where}{name} since version {since}")
        i = bisect.bisect(versions, since)
        versions.insert(i, since)
        handlers.insert(i, handler)
        return None

    def lookup(self, domain: str, name: str, version: int) -> tuple[Handler | None, str]:
        """The handler for `name` at opset `version`, or (None, reason)."""
        if not isinstance(version, int) or isinstance(version, bool):
            return None, f"opset version {version!r} is not an integer"
        entry = self._ops.get((domain, name))
        if entry is None:
            return None, "no pattern for this op"
        versions, handlers = entry
        i = bisect.bisect(versions, version)
        if i == 0:
            return None, f"no pattern for opset {version} (patterns start at {versions[0]})"
        return handlers[i - 1], ""

    def entries(self) -> Iterator[tuple[str, str, int, Handler]]:
        """Every (domain, name, since, handler), sorted."""
        for (domain, name), (versions, handlers) in sorted(self._ops.items()):
            for since, h in zip(versions, handlers):
                yield domain, name, since, h

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._ops


@functools.lru_cache(maxsize=4096)
def _schema_arity(domain: str, name: str, version: int) -> tuple[int, int, int, int] | None:
    import onnx

    try:
        s = onnx.defs.get_schema(name, max(1, version), domain)
    except Exception:  # no ONNX schema (a custom domain, or older than the op): no check
        return None
    return s.min_input, s.max_input, s.min_output, s.max_output


def arity_problem(domain: str, name: str, version: int, operands: int, results: int) -> str:
    """Why an op with this many operands and results breaks its ONNX schema ('' if it does
    not, or if ONNX has no schema for it): handlers read operands by index and would silently
    ignore an extra one."""
    arity = _schema_arity(domain, name, version)
    if arity is None:
        return ""
    lo_in, hi_in, lo_out, hi_out = arity
    for what, n, lo, hi in (("operand", operands, lo_in, hi_in),
                            ("result", results, lo_out, hi_out)):
        if not lo <= n <= hi:
            want = str(lo) if lo == hi else f"{lo} or more" if hi > 2**20 else f"{lo} to {hi}"
            plural = "" if want == "1" else "s"
            return f"ONNX {name}-{version} takes {want} {what}{plural}, this op has {n}"
    return ""


def default_registry() -> Registry:
    """A new registry holding every pattern shipped with this package."""
    from .patterns import populate_all

    reg = Registry()
    populate_all(reg)
    return reg
