"""Progress of long imports and conversions, for `torch-onnx-to-torch import`.

On a terminal, big models get tqdm bars (nodes imported, ops converted, bytes written, with
rates); otherwise, or with -v, a timed line per stage. Small models show nothing but the
summary line the command always prints. One summary line at the end either way.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Progress:
    """Stage lines and bars on stderr; `enabled` may turn on once the model's size is known."""

    def __init__(self, enabled: bool, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.total: int | None = None  # length of the next bar, when known

    @property
    def bars(self) -> bool:
        """Bars only on a terminal (a log gets the stage lines)."""
        return self.enabled and bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, message: str) -> None:
        """A stage done: a timed line when enabled."""
        now = time.monotonic()
        if self.enabled:
            print(f"[{now - self.start:7.1f}s] {message} ({now - self.last:.1f}s)",
                  file=self.stream, flush=True)
        self.last = now

    @contextmanager
    def bar(self, desc: str, total: int | None = None, unit: str = "it",
            unit_scale: bool = False):
        """A bar while the block runs; yields `update(n=1)`. The bar starts at the first update
        made while bars are on (the model's size may switch them on during the block);
        `self.total`, if set by then, is its length."""
        made: list = []

        def update(n: int = 1) -> None:
            if not made:
                if not self.bars:
                    return
                from tqdm import tqdm

                made.append(tqdm(total=total or self.total, desc=desc, unit=unit,
                                 unit_scale=unit_scale,
                                 unit_divisor=1024 if unit == "B" else 1000, file=self.stream,
                                 leave=False, dynamic_ncols=True, mininterval=0.2))
            made[0].update(n)

        try:
            yield update
        finally:
            if made:
                made[0].close()

    @contextmanager
    def ops_bar(self, desc: str):
        """A bar fed by the pass's `on_progress(done, total)` callback."""
        if not self.bars:
            yield None
            return
        from tqdm import tqdm

        with tqdm(desc=desc, unit="op", file=self.stream, leave=False, dynamic_ncols=True,
                  mininterval=0.2) as t:
            def on_progress(done: int, total: int) -> None:
                if t.total != total:
                    t.reset(total=total)
                t.update(done - t.n)

            yield on_progress

    def elapsed(self) -> float:
        return time.monotonic() - self.start
