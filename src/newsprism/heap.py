"""The objects a process holds before a story is analysed, set aside from the garbage collector's full passes
while it is analysed.

A full pass of the collector walks every object the process holds: the models, the spaCy Docs kept by text,
the cached readings of earlier stories (some 275,000 objects after a 100-article story, 0.17 CPU s a pass).
A story's analysis makes enough lasting objects to set off one to four such passes, each walking the whole
heap again, so the collector's share grew with the process, not with the story: 0.2-0.6 of a 100-article
story's 3.6 warm CPU s, 0.003 of a 20-article story's 0.41 (``bench/bench_analysis.py --embedder hashing``).
Frozen (:func:`gc.freeze`), the objects held before the analysis are not walked; those it makes are
collected as before. They are given back to the collector when the last analysis running ends.

A program that froze its own objects (a server before it forks) is left as it is: nothing is frozen or
thawed while anything else is frozen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _SetAside:
    """Whether this module froze the heap, and how many analyses run (the web worker analyses in a thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.froze = False

    def enter(self) -> None:
        with self.lock:
            if not self.running and not gc.get_freeze_count():
                gc.freeze()
                self.froze = True
            self.running += 1

    def leave(self) -> None:
        with self.lock:
            self.running -= 1
            if not self.running and self.froze:
                gc.unfreeze()
                self.froze = False


_SET_ASIDE = _SetAside()


@contextmanager
def older_objects_set_aside() -> Iterator[None]:
    """The objects held when the first such block begins are frozen until the last one ends."""
    _SET_ASIDE.enter()
    try:
        yield
    finally:
        _SET_ASIDE.leave()
