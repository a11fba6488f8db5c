"""The sentence pairs of a story that :mod:`.facts` reads, found a block of rows at a time: a story of 100
articles has four million pairs, of which some 125,000 are candidates, and most of those share too little of
their claim's weight to be linked (:func:`may_link`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from .claims import ClaimWords

if TYPE_CHECKING:
    from .facts import FactsConfig

BLOCK = 512
# How far below a bound of :func:`may_link` a pair is still read one by one: far more than rounding.
SLACK = 1e-4


def upper(n: int, mask: Callable[[slice], np.ndarray]) -> Iterator[tuple[int, int]]:
    """``np.nonzero(np.triu(mask(all rows)))`` read BLOCK rows at a time: no temporary of all pairs is built."""
    for rows, columns in upper_blocks(n, mask):
        yield from zip(rows.tolist(), columns.tolist(), strict=True)


def upper_blocks(n: int, mask: Callable[[slice], np.ndarray]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The pairs of :func:`upper` as arrays of rows and columns, a block of rows at a time."""
    columns = np.arange(n)
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        found_rows, found_columns = np.nonzero(mask(rows) & (columns[None, :] >= columns[rows, None]))
        yield found_rows + start, found_columns


def sharing(rows: np.ndarray, columns: np.ndarray, kept: np.ndarray) -> Iterator[tuple[int, int]]:
    """The pairs of ``rows`` and ``columns`` that ``kept`` marks."""
    return zip(rows[kept].tolist(), columns[kept].tolist(), strict=True)


def sharing_stems(
    candidates: Iterator[tuple[np.ndarray, np.ndarray]], claim_words: ClaimWords, least: int
) -> Iterator[tuple[int, int]]:
    """The candidate pairs that share at least ``least`` stems (:meth:`.ClaimWords.shared_counts`)."""
    for rows, columns in candidates:
        yield from sharing(rows, columns, claim_words.shared_counts(rows, columns) >= least)


def may_link(
    candidates: Iterator[tuple[np.ndarray, np.ndarray]],
    sims: np.ndarray,
    claim_words: ClaimWords,
    threshold: float,
    config: FactsConfig,
) -> Iterator[tuple[int, int]]:
    """The candidate pairs that share enough of their claim's weight to be linked by :func:`.facts._link_sentences`'s
    score or by :func:`.facts._anchored`, read a block at a time: nine in ten of a 100-article story's candidates
    share too little, and are not read one by one. Every bound tested is one of theirs, loosened by ``SLACK``:
    the weights are summed here in another order, so the two may differ in the last digits."""
    for rows, columns in candidates:
        share, weight = claim_words.shared_at_most(rows, columns)
        similarity = sims[rows, columns].astype(np.float64)
        anchored = share >= min(config.contained_share, config.measure_share) - SLACK
        close = similarity >= threshold - config.candidate_margin - SLACK
        bonus = config.weight_bonus * np.minimum(weight, config.weight_cap)
        yield from sharing(
            rows, columns, anchored | close & (similarity + share + bonus >= threshold + config.claim_score - SLACK)
        )
