"""Stage 6, deduplicate: find articles that carry the same text, across everything ever stored.

Exact duplicates share the hash of their normalised text; near-duplicates share many word shingles.
Each article gets a MinHash signature (datasketch) cut into LSH bands. This module holds the pure
part: signatures, band keys and the decision on candidates. Where the bands live is the store's
business (:meth:`newsprism.store.Store.index_near_duplicates`): the SQLite store keeps them in indexed
tables beside the articles (:mod:`newsprism.store.lsh`), so a new article is checked against every
stored one with a few lookups, without rereading texts or holding an index in memory.
:class:`NearDuplicateIndex` keeps them in memory, for one story or a benchmark.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from .records import Article
from .text.tokens import words
from .validate import check_range

SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard of word 5-gram shingles from which two articles are reported as near-duplicates.
# A copy cut to 40% of its original still scores 0.4; two reports of one event written apart rarely
# pass 0.05. Rerun bench/bench_dedup.py after changing it.
LSH_THRESHOLD = 0.3
# Missing a copy costs more than checking a false candidate (a signature comparison), so the band
# layout favours recall: 32 bands of 2 rows find a pair at Jaccard 0.3 with probability 0.95, at 0.4
# with 0.996.
LSH_WEIGHTS = (0.1, 0.9)


@dataclass(frozen=True, kw_only=True)
class DedupConfig:
    """The near-duplicate threshold and the weights that choose the band layout."""

    threshold: float = LSH_THRESHOLD
    false_positive_weight: float = LSH_WEIGHTS[0]
    false_negative_weight: float = LSH_WEIGHTS[1]

    def __post_init__(self) -> None:
        check_range("near-duplicate threshold", self.threshold, 0.01, 1.0)
        check_range("false positive weight", self.false_positive_weight, 0.0, 1.0)
        check_range("false negative weight", self.false_negative_weight, 0.0, 1.0)

    @property
    def layout(self) -> tuple[int, int]:
        """(bands, rows per band) that datasketch chooses for this threshold and these weights."""
        return _layout(self.threshold, self.false_positive_weight, self.false_negative_weight)


@functools.cache
def _layout(threshold: float, false_positive_weight: float, false_negative_weight: float) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(false_positive_weight, false_negative_weight))
    return lsh.b, lsh.r


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two articles (``first`` stored earlier) and the estimated Jaccard of their word shingles."""

    first: str
    second: str
    jaccard: float
    exact: bool


@dataclass(frozen=True, slots=True)
class Sketch:
    """What the index keeps of an article: its text fingerprint and MinHash signature."""

    article: str
    fingerprint: str
    signature: np.ndarray


def text_fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's shingles: ``NUM_PERM`` unsigned 32-bit values."""
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([s.encode("utf-8") for s in shingles(text)])
    return sketch.hashvalues.astype(np.uint32)


def sketch(article: str, text: str) -> Sketch:
    return Sketch(article, *_text_sketch(text))


@functools.lru_cache(maxsize=1024)  # a story analysed again when it grows by one article signs only that one
def _text_sketch(text: str) -> tuple[str, np.ndarray]:
    """A text's fingerprint and signature, the signature read-only: it is kept and shared."""
    values = signature(text)
    values.flags.writeable = False
    return text_fingerprint(text), values


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band: articles that share a key are candidates."""
    keys = []
    for band in range(bands):
        key = band.to_bytes(2, "little") + values[band * rows : (band + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little", signed=True))
    return keys


def matches(new: Sketch, candidates: list[Sketch], threshold: float) -> list[NearDuplicate]:
    """The candidates (indexed earlier, in indexing order) that ``new`` nearly duplicates."""
    found = []
    for other in candidates:
        jaccard = float(np.mean(other.signature == new.signature))
        exact = other.fingerprint == new.fingerprint
        if exact or jaccard >= threshold:
            found.append(NearDuplicate(other.article, new.article, round(jaccard, 4), exact))
    return found


@dataclass
class NearDuplicateIndex:
    """MinHash LSH over word shingles, in memory, updated one article at a time.

    >>> index = NearDuplicateIndex()
    >>> text = "The rocket lifted off from the coast on Tuesday morning after two delays caused by wind."
    >>> index.add("a", text)
    []
    >>> [(d.first, d.second, d.exact) for d in index.add("b", text.upper())]
    [('a', 'b', True)]
    """

    config: DedupConfig = field(default_factory=DedupConfig)
    _sketches: list[Sketch] = field(default_factory=list)
    _buckets: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, article: str, text: str) -> list[NearDuplicate]:
        """Index ``text`` under ``article`` and return its near-duplicates among the articles indexed before."""
        new = sketch(article, text)
        keys = band_keys(new.signature, *self.config.layout)
        rows = sorted({row for key in keys for row in self._buckets.get(key, ())})
        found = matches(new, [self._sketches[row] for row in rows], self.config.threshold)
        for key in keys:
            self._buckets[key].append(len(self._sketches))
        self._sketches.append(new)
        return found

    def __len__(self) -> int:
        return len(self._sketches)


def find_near_duplicates(articles: list[Article], config: DedupConfig | None = None) -> list[NearDuplicate]:
    """Near-duplicate pairs among ``articles`` alone."""
    index = NearDuplicateIndex(config or DedupConfig())
    return [pair for article in articles for pair in index.add(article.id, article.text)]
