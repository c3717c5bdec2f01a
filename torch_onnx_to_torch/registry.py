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


def default_registry() -> Registry:
    """A new registry holding every pattern shipped with this package."""
    from .patterns import populate_all

    reg = Registry()
    populate_all(reg)
    return reg
