"""Stage 9, store: articles, stories and their analyses in one SQLite database.

Writes happen in transactions, so an interrupted run leaves what was stored before intact.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ..cluster import ClusterState, StoryState
from ..dedup import NearDuplicate, NearDuplicateIndex
from ..errors import StoreError
from ..inputs.fetch import Fetched
from ..records import Article, Skipped

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source_hash TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, analysis_key TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id));
CREATE TABLE IF NOT EXISTS cluster_stories (
    id TEXT PRIMARY KEY, terms TEXT NOT NULL, vector BLOB NOT NULL, size INTEGER NOT NULL, last REAL);
CREATE INDEX IF NOT EXISTS cluster_stories_last ON cluster_stories (last);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles (article_id);
CREATE TABLE IF NOT EXISTS fetches (
    url TEXT NOT NULL, status INTEGER NOT NULL, fetched_at TEXT NOT NULL, content_hash TEXT, etag TEXT,
    last_modified TEXT, error TEXT);
CREATE INDEX IF NOT EXISTS fetches_url ON fetches (url, fetched_at);
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (id UNINDEXED, title, text);
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
        articles = list(articles)
        rows = [(a.id, a.source_hash, json.dumps(_article_data(a)), _now()) for a in articles]
        with self._write():
            self.db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "source_hash = excluded.source_hash, data = excluded.data, stored_at = excluded.stored_at",
                rows,
            )
            self.db.executemany("DELETE FROM articles_fts WHERE id = ?", [(a.id,) for a in articles])
            self.db.executemany(
                "INSERT INTO articles_fts VALUES (?, ?, ?)", [(a.id, a.title or "", a.text) for a in articles]
            )

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Stored articles matching ``query`` (SQLite FTS5 syntax; plain words match all of them), best first,
        as (id, snippet) pairs."""
        terms = " ".join(f'"{word}"' for word in query.replace('"', " ").split())
        if not terms:
            return []
        rows = self.db.execute(
            "SELECT id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (terms, limit),
        )
        return [(article_id, snippet) for article_id, snippet in rows]

    def record_fetch(self, fetched: Fetched) -> None:
        content_hash = hashlib.sha1(fetched.body).hexdigest() if fetched.body else None
        with self._write():
            self.db.execute(
                "INSERT INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?)",
                (fetched.url, fetched.status, _now(), content_hash, fetched.etag, fetched.last_modified, fetched.error),
            )

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified to send for ``url``: those of the last fetch whose content is stored."""
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def put_validators(self, validators: dict[str, tuple[str | None, str | None]]) -> None:
        with self._write():
            self.db.executemany(
                "INSERT OR REPLACE INTO validators VALUES (?, ?, ?)", [(u, e, m) for u, (e, m) in validators.items()]
            )

    def fetch_count(self, url: str | None = None) -> int:
        if url is None:
            return self.db.execute("SELECT COUNT(*) FROM fetches").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM fetches WHERE url = ?", (url,)).fetchone()[0]

    def stories_overview(self) -> list[tuple[str, int, str]]:
        """(story id, number of articles, title) of every stored story, largest first."""
        rows = self.db.execute(
            "SELECT story_id, COUNT(*) FROM story_articles GROUP BY story_id ORDER BY COUNT(*) DESC, story_id"
        ).fetchall()
        overview = []
        for sid, size in rows:
            data = self.db.execute("SELECT data FROM stories WHERE id = ?", (sid,)).fetchone()
            overview.append((sid, size, json.loads(data[0]).get("title", "") if data else ""))
        return overview

    def index_near_duplicates(self, articles: Iterable[Article]) -> list[NearDuplicate]:
        """Check each article against every stored one and index it; returns the new pairs."""
        with self._write():
            return [pair for a in articles for pair in self.near_duplicates.add(a.id, a.text)]

    def near_duplicate_pairs(self, article_ids: list[str]) -> dict[frozenset[str], NearDuplicate]:
        return {frozenset((d.first, d.second)): d for d in self.near_duplicates.pairs(article_ids)}

    def _index_all(self) -> None:
        rows = self.db.execute("SELECT data FROM articles ORDER BY stored_at, id").fetchall()
        self.index_near_duplicates(Article.from_dict(json.loads(data)) for (data,) in rows)

    def cluster_state(self, embedder: str, since: float | None) -> ClusterState:
        """The clustering state: term statistics and the stories still open at time ``since``.

        Embedding centroids made by another embedder live in another space and are left out.
        """
        state = ClusterState()
        state.docs = int(self._meta("cluster_docs") or 0)
        state.df.update(dict(self.db.execute("SELECT term, df FROM term_df")))
        same_space = self._meta("cluster_embedder") == embedder
        rows = self.db.execute(
            "SELECT id, terms, vector, size, last FROM cluster_stories WHERE last IS NULL OR last >= ?",
            (since if since is not None else float("-inf"),),
        )
        for sid, terms, vector, size, last in rows:
            vector = np.frombuffer(vector, dtype=np.float32).copy() if same_space else np.zeros(0, np.float32)
            state.add_story(StoryState(sid, json.loads(terms), vector, size, last))
        return state

    def put_cluster_state(self, state: ClusterState, embedder: str) -> None:
        with self._write():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('cluster_docs', ?)", (str(state.docs),))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('cluster_embedder', ?)", (embedder,))
            self.db.executemany(
                "INSERT OR REPLACE INTO term_df VALUES (?, ?)", [(t, state.df[t]) for t in state.changed_terms]
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO cluster_stories VALUES (?, ?, ?, ?, ?)",
                [
                    (s.id, json.dumps(s.terms), np.asarray(s.vector, dtype=np.float32).tobytes(), s.size, s.last)
                    for s in state.stories.values()
                ],
            )
            for sid in state.merged_into:
                self.db.execute("DELETE FROM cluster_stories WHERE id = ?", (sid,))
                self.db.execute("DELETE FROM stories WHERE id = ?", (sid,))
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))

    def story_of(self, article_ids: list[str]) -> dict[str, str]:
        """The stored story of each of ``article_ids`` that has one."""
        found: dict[str, str] = {}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            rows = self.db.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update(dict(rows))
        return found

    def put_members(self, members: dict[str, list[str]]) -> None:
        """Record which articles each story holds (before any analysis of it)."""
        with self._write():
            for sid, article_ids in members.items():
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                rows = [(sid, a) for a in article_ids]
                self.db.executemany("INSERT OR IGNORE INTO story_articles VALUES (?, ?)", rows)

    def unplaced_articles(self) -> list[Article]:
        """Stored articles in no story yet: an ingest stopped between storing and clustering them."""
        rows = self.db.execute(
            "SELECT data FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
        ).fetchall()
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def story_members(self, story_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))]

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

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
