"""OpenBLAS held to one thread while a story is analysed.

The analysers multiply small arrays thousands of times (one sentence's vector against a story's: the
citation check, the summary's overtaken announcements, provenance's neighbours). OpenBLAS splits each
product over a pool of threads that spin while they wait for the next; at this size the split costs
more than it saves, and on a machine whose cores are busy the spinning took most of the time: a
100-article story's provenance 0.7 to 2.1 CPU s against 0.15 on one thread, its whole analysis 7.6
against 5.8 (medians of ``bench/bench_analysis.py --embedder hashing --sizes 100`` with the annotations
stored). The reports are byte-identical on truth-dev and sets A and B.

The limit is the process's (OpenBLAS has one pool), set while at least one analysis runs and given back
when the last one ends, so that a program using newsprism as a library keeps its own setting for its own
work; ``OPENBLAS_NUM_THREADS`` is read once, when numpy loads, and cannot be scoped like this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy  # noqa: F401  loaded before the controller, which sees the BLAS libraries loaded when it is made
from threadpoolctl import ThreadpoolController

from .while_any import WhileAny


class _OneThread:
    """The limit in force while at least one analysis runs (:class:`.while_any.WhileAny`)."""

    def __init__(self) -> None:
        self.controller: ThreadpoolController | None = None  # made on first use: it lists the libraries loaded
        self.limit: Any = None  # threadpoolctl's limiter, which gives the former counts back
        self.held = WhileAny(self.set, self.restore)

    def set(self) -> None:
        self.controller = self.controller or ThreadpoolController()
        self.limit = self.controller.limit(limits=1, user_api="blas")

    def restore(self) -> None:
        self.limit.restore_original_limits()


_ONE_THREAD = _OneThread()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS on one thread inside the block; its former count back when the last such block ends."""
    with _ONE_THREAD.held.block():
        yield
