"""The near-duplicate bands in SQL tables: the stores' side of :mod:`newsprism.dedup`.

Signatures, band keys and the decision on candidates come from :mod:`newsprism.dedup`; this module
only keeps them in indexed tables (SQLite's or PostgreSQL's), so a new article is checked against
every stored one with a few lookups. ``bench/bench_dedup.py`` compares it with datasketch's in-memory ``MinHashLSH``.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from ..dedup import DedupConfig, NearDuplicate, Sketch, band_keys, matches, sketch
from .select import Connection, select_in

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


class Bands:
    """MinHash LSH bands kept in a database's tables, updated one article at a time.

    >>> bands = sqlite_bands(sqlite3.connect(":memory:"))
    >>> text = "The rocket lifted off from the coast on Tuesday morning after two delays caused by wind."
    >>> bands.add("a", text)
    []
    >>> [(d.first, d.second, d.exact) for d in bands.add("b", text.upper())]
    [('a', 'b', True)]
    """

    def __init__(self, db: Connection, config: DedupConfig | None = None) -> None:
        self.db = db
        self.config = config or DedupConfig()
        self.bands, self.rows = self.config.layout

    def add(self, article: str, text: str) -> list[NearDuplicate]:
        """Index ``text`` under ``article`` and return its near-duplicates among the articles indexed before.

        Adding an article again with the same text changes nothing; with a new text it replaces the old one.
        The caller commits (the store writes each batch in one transaction).
        """
        new = sketch(article, text)
        known = self.db.execute("SELECT id, fingerprint FROM minhashes WHERE article = ?", (article,)).fetchone()
        if known and known[1] == new.fingerprint:
            return []
        if known:
            self._forget(article, known[0])
        keys = band_keys(new.signature, self.bands, self.rows)
        found = matches(new, self._candidates(keys), self.config.threshold)
        row = self.db.execute(
            "INSERT INTO minhashes (article, fingerprint, signature) VALUES (?, ?, ?) RETURNING id",
            (article, new.fingerprint, new.signature.tobytes()),
        ).fetchone()[0]
        self.db.executemany(
            "INSERT INTO lsh_buckets (bucket, id) VALUES (?, ?) ON CONFLICT DO NOTHING", [(k, row) for k in keys]
        )
        self.db.executemany(
            "INSERT INTO near_duplicates (first, second, jaccard, exact) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (first, second) DO UPDATE SET jaccard = excluded.jaccard, exact = excluded.exact",
            [(d.first, d.second, d.jaccard, int(d.exact)) for d in found],
        )
        return found

    def pairs(self, articles: list[str]) -> list[NearDuplicate]:
        """The stored near-duplicate pairs with both articles among ``articles``."""
        wanted = set(articles)
        rows = select_in(self.db, "*", "near_duplicates", "first", articles)
        return [NearDuplicate(a, b, j, bool(e)) for a, b, j, e in rows if b in wanted]

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM minhashes").fetchone()[0]

    def _candidates(self, keys: list[int]) -> list[Sketch]:
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            "SELECT article, fingerprint, signature FROM minhashes WHERE id IN "
            f"(SELECT DISTINCT id FROM lsh_buckets WHERE bucket IN ({marks})) ORDER BY id",
            keys,
        ).fetchall()
        return [Sketch(a, f, np.frombuffer(blob, dtype=np.uint32)) for a, f, blob in rows]

    def _forget(self, article: str, row: int) -> None:
        self.db.execute("DELETE FROM lsh_buckets WHERE id = ?", (row,))
        self.db.execute("DELETE FROM minhashes WHERE id = ?", (row,))
        self.db.execute("DELETE FROM near_duplicates WHERE first = ? OR second = ?", (article, article))


def create_tables(db: sqlite3.Connection) -> None:
    """The bands' tables in a SQLite database (PostgreSQL's come with its migrations)."""
    for statement in SCHEMA.split(";"):  # executescript would commit an open transaction
        if statement.strip():
            db.execute(statement)


def sqlite_bands(db: sqlite3.Connection, config: DedupConfig | None = None) -> Bands:
    """Bands in a SQLite database, its tables created when missing."""
    if not db.execute("SELECT name FROM sqlite_master WHERE name = 'minhashes'").fetchone():
        create_tables(db)
    return Bands(db, config)
