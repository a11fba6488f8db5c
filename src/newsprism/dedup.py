"""Stage 6, deduplicate: find articles that carry the same text, across everything ever stored.

Exact duplicates share the hash of their normalised text; near-duplicates share many word shingles.
Each article gets a MinHash signature (datasketch) cut into LSH bands; the bands live in SQLite
beside the articles, so a new article is checked against every stored one with a few indexed
lookups, without rereading their texts or holding an index in memory. ``bench/bench_dedup.py``
compares this with datasketch's in-memory ``MinHashLSH``: at a million articles that needs several
GB of RAM and has to be rebuilt or unpickled on every start; this needs neither.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from .records import Article
from .text.tokens import words


@dataclass(frozen=True, kw_only=True)
class DedupConfig:
    """The tuned thresholds of near-duplicate detection."""

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

SCHEMA = """
CREATE TABLE IF NOT EXISTS minhashes (
    id INTEGER PRIMARY KEY, article TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh_buckets (bucket INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (bucket, id))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicates (
    first TEXT NOT NULL, second TEXT NOT NULL, jaccard REAL NOT NULL, exact INTEGER NOT NULL,
    PRIMARY KEY (first, second));
CREATE INDEX IF NOT EXISTS near_duplicates_second ON near_duplicates (second);
"""


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two articles (``first`` stored earlier) and the estimated Jaccard of their word shingles."""

    first: str
    second: str
    jaccard: float
    exact: bool


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


class NearDuplicateIndex:
    """MinHash LSH over word shingles, kept in a SQLite database and updated one article at a time.

    >>> index = NearDuplicateIndex(sqlite3.connect(":memory:"))
    >>> text = "The rocket lifted off from the coast on Tuesday morning after two delays caused by wind."
    >>> index.add("a", text)
    []
    >>> [(d.first, d.second, d.exact) for d in index.add("b", text.upper())]
    [('a', 'b', True)]
    """

    def __init__(self, db: sqlite3.Connection, threshold: float = LSH_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be above 0 and at most 1, got {threshold!r}")
        self.db = db
        self.threshold = threshold
        layout = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        self.bands, self.rows = layout.b, layout.r
        db.executescript(SCHEMA)

    def add(self, article: str, text: str) -> list[NearDuplicate]:
        """Index ``text`` under ``article`` and return its near-duplicates among the articles indexed before.

        Adding an article again with the same text changes nothing; with a new text it replaces the old one.
        The caller commits (the store writes each batch in one transaction).
        """
        fingerprint = text_fingerprint(text)
        known = self.db.execute("SELECT id, fingerprint FROM minhashes WHERE article = ?", (article,)).fetchone()
        if known and known[1] == fingerprint:
            return []
        if known:
            self._forget(article, known[0])
        values = signature(text)
        buckets = self._buckets(values)
        found = self._query(article, fingerprint, values, buckets)
        row = self.db.execute(
            "INSERT INTO minhashes (article, fingerprint, signature) VALUES (?, ?, ?)",
            (article, fingerprint, values.tobytes()),
        ).lastrowid
        self.db.executemany("INSERT OR IGNORE INTO lsh_buckets VALUES (?, ?)", [(b, row) for b in buckets])
        self.db.executemany(
            "INSERT OR REPLACE INTO near_duplicates VALUES (?, ?, ?, ?)",
            [(d.first, d.second, d.jaccard, int(d.exact)) for d in found],
        )
        return found

    def pairs(self, articles: list[str]) -> list[NearDuplicate]:
        """The stored near-duplicate pairs with both articles among ``articles``."""
        wanted = set(articles)
        found = []
        for start in range(0, len(articles), 500):  # stay under SQLite's bound-parameter limit
            chunk = articles[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT * FROM near_duplicates WHERE first IN ({marks})", chunk).fetchall()
            found += [NearDuplicate(a, b, j, bool(e)) for a, b, j, e in rows if b in wanted]
        return found

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM minhashes").fetchone()[0]

    def _buckets(self, values: np.ndarray) -> list[int]:
        buckets = []
        for band in range(self.bands):
            key = band.to_bytes(2, "little") + values[band * self.rows : (band + 1) * self.rows].tobytes()
            buckets.append(int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little", signed=True))
        return buckets

    def _query(self, article: str, fingerprint: str, values: np.ndarray, buckets: list[int]) -> list[NearDuplicate]:
        marks = ",".join("?" * len(buckets))
        candidates = self.db.execute(
            "SELECT article, fingerprint, signature FROM minhashes WHERE id IN "
            f"(SELECT DISTINCT id FROM lsh_buckets WHERE bucket IN ({marks})) ORDER BY id",
            buckets,
        ).fetchall()
        found = []
        for other, other_print, blob in candidates:
            jaccard = float(np.mean(np.frombuffer(blob, dtype=np.uint32) == values))
            if other_print == fingerprint or jaccard >= self.threshold:
                found.append(NearDuplicate(other, article, round(jaccard, 4), other_print == fingerprint))
        return found

    def _forget(self, article: str, row: int) -> None:
        self.db.execute("DELETE FROM lsh_buckets WHERE id = ?", (row,))
        self.db.execute("DELETE FROM minhashes WHERE id = ?", (row,))
        self.db.execute("DELETE FROM near_duplicates WHERE first = ? OR second = ?", (article, article))


def find_near_duplicates(articles: list[Article], threshold: float = LSH_THRESHOLD) -> list[NearDuplicate]:
    """Near-duplicate pairs among ``articles`` alone, in a throwaway in-memory index."""
    with closing(sqlite3.connect(":memory:")) as db:
        index = NearDuplicateIndex(db, threshold)
        return [pair for article in articles for pair in index.add(article.id, article.text)]
