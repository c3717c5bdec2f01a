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
from importlib import import_module

Handler = Callable  # (Binder) -> Value | list[Value | None]

DEFAULT_DOMAIN = ""


class Registry:
    """Handlers for ONNX ops, keyed by (domain, name, since-version)."""

    def __init__(self):
        # (domain, name) -> (sorted since-versions, handlers in the same order)
        self._ops: dict[tuple[str, str], tuple[list[int], list[Handler]]] = {}
        # (domain, name) -> the modules whose populate(registry) register it, not yet imported
        self._deferred: dict[tuple[str, str], tuple[str, ...]] = {}

    def defer(self, modules_of: dict[tuple[str, str], tuple[str, ...]]) -> None:
        """Register the ops of `modules_of` lazily: the modules registering an op are imported
        and populated the first time it is looked up, registered again, or listed."""
        self._deferred.update(modules_of)

    def _load(self, key: tuple[str, str]) -> None:
        modules = self._deferred.get(key)
        if modules is None:
            return
        # every op of these modules is about to be registered: none stays deferred to them
        # (first, so that their own register() calls do not load them a second time)
        for k, ms in list(self._deferred.items()):
            rest = tuple(m for m in ms if m not in modules)
            if len(rest) == len(ms):
                continue
            if rest:
                self._deferred[k] = rest
            else:
                del self._deferred[k]
        for module in modules:
            import_module(module).populate(self)

    def _load_all(self) -> None:
        while self._deferred:
            self._load(next(iter(self._deferred)))

    def register(self, name: str, since: int, handler: Handler | None = None, *,
                 domain: str = DEFAULT_DOMAIN):
        """Register `handler` for `domain`/`name` valid since opset `since`.

        Usable directly or as a decorator. Raises ValueError on a duplicate key.
        """
        if handler is None:
            return lambda fn: self.register(name, since, fn, domain=domain) or fn
        self._load((domain, name))
        versions, handlers = self._ops.setdefault((domain, name), ([], []))
        if since in versions:
            where = f"{domain}." if domain else ""
            raise ValueError(f"duplicate registration of {where}{name} since version {since}")
        i = bisect.bisect(versions, since)
        versions.insert(i, since)
        handlers.insert(i, handler)
        return None

    def replace(self, name: str, since: int, handler: Handler, *,
                domain: str = DEFAULT_DOMAIN) -> Handler:
        """Swap the handler registered for `domain`/`name` since `since` (to try a fix, or
        to plant a fault in a test); returns the old one. Raises KeyError if there is none."""
        self._load((domain, name))
        versions, handlers = self._ops.get((domain, name), ([], []))
        if since not in versions:
            raise KeyError(f"no registration of {domain + '.' if domain else ''}{name} "
                           f"since version {since}")
        i = versions.index(since)
        old, handlers[i] = handlers[i], handler
        return old

    def lookup(self, domain: str, name: str, version: int) -> tuple[Handler | None, str]:
        """The handler for `name` at opset `version`, or (None, reason)."""
        if not isinstance(version, int) or isinstance(version, bool):
            return None, f"opset version {version!r} is not an integer"
        if (domain, name) in self._deferred:
            self._load((domain, name))
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
        self._load_all()
        for (domain, name), (versions, handlers) in sorted(self._ops.items()):
            for since, h in zip(versions, handlers):
                yield domain, name, since, h

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._ops or key in self._deferred


def default_registry() -> Registry:
    """A new registry holding every pattern shipped with this package."""
    from .patterns.index import MODULE_OF

    reg = Registry()
    reg.defer(MODULE_OF)  # pattern modules are imported on their first op
    return reg
