"""Two threads' blocks of one process-wide hold overlapping, the first to enter leaving first: what the
tests of :class:`newsprism.while_any.WhileAny`'s users read of the setting it holds."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

T = TypeVar("T")


def seen_when_overlapping(hold: Callable[[], AbstractContextManager[object]], probe: Callable[[], T]) -> list[T]:
    """What ``probe`` reads inside the second block once the first has ended, then after both."""
    first_in, first_out = threading.Event(), threading.Event()
    seen: list[T] = []

    def first() -> None:
        with hold():
            first_in.set()
            first_out.wait(5)

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with hold():
        first_out.set()
        worker.join(5)
        seen.append(probe())
    seen.append(probe())
    return seen
