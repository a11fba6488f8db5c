"""Aligning two articles' sentences, for :mod:`.provenance`: pairs matched one to one, and how many of
them keep their order."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np


def one_to_one(sims: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Pairs (row, column) above ``threshold``, each row and column used once, the most similar first;
    sorted by row."""
    pairs: list[tuple[int, int]] = []
    rows: set[int] = set()
    columns: set[int] = set()
    for flat in np.argsort(-sims, axis=None, kind="stable"):
        i, j = divmod(int(flat), sims.shape[1])
        if sims[i, j] < threshold:
            break
        if i not in rows and j not in columns:
            rows.add(i)
            columns.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def longest_increasing(values: Iterable[int]) -> int:
    """The length of the longest subsequence of ``values`` that never decreases."""
    tails: list[int] = []
    for value in values:
        index = bisect.bisect_right(tails, value)
        tails[index : index + 1] = [value]
    return len(tails)
