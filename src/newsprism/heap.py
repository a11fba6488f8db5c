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
from collections.abc import Iterator
from contextlib import contextmanager

from .while_any import WhileAny


class _SetAside:
    """Whether this module froze the heap, while at least one analysis runs (:class:`.while_any.WhileAny`)."""

    def __init__(self) -> None:
        self.froze = False
        self.held = WhileAny(self.freeze, self.thaw)

    def freeze(self) -> None:
        if not gc.get_freeze_count():
            gc.freeze()
            self.froze = True

    def thaw(self) -> None:
        if self.froze:
            gc.unfreeze()
            self.froze = False


_SET_ASIDE = _SetAside()


@contextmanager
def older_objects_set_aside() -> Iterator[None]:
    """The objects held when the first such block begins are frozen until the last one ends."""
    with _SET_ASIDE.held.block():
        yield
