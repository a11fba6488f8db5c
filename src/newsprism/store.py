"""Stage 9, store: articles, stories and their analyses in one SQLite database.

Writes happen in transactions, so an interrupted run leaves what was stored before intact.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .dedup import NearDuplicate, NearDuplicateIndex
from .errors import StoreError
from .records import Article, Skipped

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source_hash TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, analysis_key TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id));
CREATE TABLE IF NOT EXISTS skipped (input TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
"""
# Version 2 added the near-duplicate index; a version 1 store is indexed when first opened.
STORE_VERSION = "2"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The SQLite store. ``Store(":memory:")`` keeps nothing on disk."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.executescript(SCHEMA)
            self.near_duplicates = NearDuplicateIndex(self.db)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
            if found is not None and found[0] == "1":
                self._index_all()
            elif found is not None and found[0] != STORE_VERSION:
                raise StoreError(f"{self.path}: store version {found[0]} is not supported; use another --db")
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{self.path}: cannot use as a newsprism database ({err}); pass another file with --db"
            ) from err

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def put_articles(self, articles: Iterable[Article]) -> None:
        rows = [(a.id, a.source_hash, json.dumps(_article_data(a)), _now()) for a in articles]
        with self._write():
            self.db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "source_hash = excluded.source_hash, data = excluded.data, stored_at = excluded.stored_at",
                rows,
            )

    def index_near_duplicates(self, articles: Iterable[Article]) -> list[NearDuplicate]:
        """Check each article against every stored one and index it; returns the new pairs."""
        with self._write():
            return [pair for a in articles for pair in self.near_duplicates.add(a.id, a.text)]

    def near_duplicate_pairs(self, article_ids: list[str]) -> dict[frozenset[str], NearDuplicate]:
        return {frozenset((d.first, d.second)): d for d in self.near_duplicates.pairs(article_ids)}

    def _index_all(self) -> None:
        rows = self.db.execute("SELECT data FROM articles ORDER BY stored_at, id").fetchall()
        self.index_near_duplicates(Article.from_dict(json.loads(data)) for (data,) in rows)

    def analysis(self, story_id: str, key: str) -> dict | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ? AND analysis_key = ?", (story_id, key)).fetchone()
        return json.loads(row[0]) if row else None

    def put_story(self, story: dict, key: str) -> None:
        with self._write():
            self.db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?)", (story["id"], key, json.dumps(story), _now())
            )
            self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (story["id"],))
            self.db.executemany(
                "INSERT INTO story_articles VALUES (?, ?)", [(story["id"], a) for a in story["articles"]]
            )

    def put_skipped(self, skipped: Iterable[Skipped]) -> None:
        with self._write():
            self.db.executemany("INSERT INTO skipped VALUES (?, ?, ?)", [(s.input, s.reason, _now()) for s in skipped])

    def count(self, table: str) -> int:
        if table not in {"articles", "stories", "skipped"}:
            raise ValueError(f"unknown table {table!r}")
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction: everything or nothing is written."""
        try:
            with self.db:
                yield
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot write ({err})") from err


def _article_data(article: Article) -> dict:
    return {
        **article.to_dict(),
        "sentences": list(article.sentences),
        "story": article.story,
        "source_hash": article.source_hash,
    }
