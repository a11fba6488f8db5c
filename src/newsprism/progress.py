"""Progress of long runs, for a person at a terminal: how many articles were read, how many stories
analysed, and how fast.

The stages say how far they got with :func:`advance`, which costs nothing when nobody listens (the
Python API, the web app, tests). The command line listens with :func:`bars`: a tqdm bar per stage on
standard error when it is a terminal, nothing at all otherwise (a log file or a pipe gets no bar
characters).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any

# A stage's name, how many more items it finished, and how many it has in all when that is known.
Listener = Callable[[str, int, int | None], None]
_listener: ContextVar[Listener | None] = ContextVar("newsprism_progress", default=None)

# What each stage counts, as its bar says it: (description, unit).
STAGES = {
    "read": ("reading", "articles"),
    "analyse": ("analysing", "stories"),
}
# Redraw a bar at most this often (seconds): a fast stage does not flood a slow terminal.
REDRAW_SECONDS = 0.2


def advance(stage: str, step: int = 1, total: int | None = None) -> None:
    """Tell the listener, if any, that ``stage`` finished ``step`` more items (of ``total``)."""
    listener = _listener.get()
    if listener is not None:
        listener(stage, step, total)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send what the stages tell :func:`advance` to ``listener`` while the block runs."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


class Bars:
    """One tqdm bar per stage, drawn on ``out``; a bar is closed when the next stage starts."""

    def __init__(self, out: IO[str], enabled: bool) -> None:
        self.out = out
        self.enabled = enabled
        self.bars: dict[str, Any] = {}

    def __call__(self, stage: str, step: int, total: int | None) -> None:
        if not self.enabled:
            return
        if stage not in self.bars:
            from tqdm import tqdm  # only a terminal run pays for it

            self.close()
            description, unit = STAGES.get(stage, (stage, "items"))
            self.bars[stage] = tqdm(total=total, desc=description, unit=f" {unit}", file=self.out,
                                    mininterval=REDRAW_SECONDS, dynamic_ncols=True, leave=True)  # fmt: skip
        self.bars[stage].update(step)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()
        self.bars = {}


@contextmanager
def bars(out: IO[str] | None = None, enabled: bool | None = None) -> Iterator[None]:
    """Progress bars on ``out`` (standard error) while the block runs: when ``enabled``, or by default when
    ``out`` is a terminal."""
    out = out or sys.stderr
    shown = Bars(out, out.isatty() if enabled is None else enabled)
    try:
        with listening(shown):
            yield
    finally:
        shown.close()
