"""A process-wide setting held while at least one block runs, blocks overlapping across threads.

An analysis sets things that belong to the whole process (OpenBLAS's thread pool, the garbage collector's
frozen objects); the web worker runs analyses in threads, so two may overlap. The setting is made when the
first block begins and undone when the last one ends, never by the first to end while another still runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class WhileAny:
    """``first`` called when the first of overlapping blocks begins, ``last`` when the last of them ends."""

    def __init__(self, first: Callable[[], None], last: Callable[[], None]) -> None:
        self.first, self.last = first, last
        self.lock = threading.Lock()
        self.running = 0

    @contextmanager
    def block(self) -> Iterator[None]:
        with self.lock:
            if not self.running:
                self.first()
            self.running += 1
        try:
            yield
        finally:
            with self.lock:
                self.running -= 1
                if not self.running:
                    self.last()
