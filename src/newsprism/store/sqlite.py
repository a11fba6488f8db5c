"""Stage 9, store: articles, stories and their analyses in one SQLite database.

:class:`SQLiteStore` implements :class:`newsprism.store.base.Store`. The database runs in WAL mode with a
busy timeout, so readers (a report, a web app) never block the writer and a second writer waits its
turn. Every write is one transaction (``BEGIN IMMEDIATE``), so an interrupted run leaves what was
stored before intact.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..cluster import ClusterState, StoryState
from ..dedup import DedupConfig, NearDuplicate
from ..errors import StoreError
from ..inputs.fetch import Fetched
from ..records import Article, Skipped
from .base import OutletLines, SearchHit, StoryOverview
from .lsh import SQLiteBands, create_tables
from .outlet_lines import SQLiteOutletLines
from .select import select_in

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source_hash TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL, extracted TEXT);
CREATE TABLE IF NOT EXISTS outlet_lines (
    outlet TEXT NOT NULL, line TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (outlet, line, article))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS outlet_lines_article ON outlet_lines (article);
CREATE TABLE IF NOT EXISTS analysis_parts (
    story_id TEXT NOT NULL, analyser TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (story_id, analyser));
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
# Version 2 added the near-duplicate index; a version 1 store is indexed when first opened. Version 3
# added the extracted articles, the per-outlet line counts and the per-analyser results; a version 2
# store takes its articles as their own extracted form and counts their lines when first opened.
STORE_VERSION = "3"
# How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 30.0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """The SQLite store. ``SQLiteStore(":memory:")`` keeps nothing on disk."""

    def __init__(self, path: str | Path, config: DedupConfig | None = None) -> None:
        self.location = str(path)
        self._depth = 0
        try:
            # autocommit: transactions are opened explicitly, BEGIN IMMEDIATE, by _write
            self.db = sqlite3.connect(self.location, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
            self.outlet_lines = SQLiteOutletLines(self.db)
            version = self._version()
            if version != STORE_VERSION:  # a new or older store: a writer's job, done once
                with self._write():
                    version = self._upgrade()
            self.near_duplicates = SQLiteBands(self.db, config)
            if version == "1":
                self._index_all()
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{self.location}: cannot use as a newsprism database ({err}); choose another database", setting="db"
            ) from err

    def _version(self) -> str | None:
        if not self.db.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone():
            return None
        found = self.db.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        return found[0] if found else None

    def _upgrade(self) -> str | None:
        """Create the tables, upgrade an older store in place, and return the version it had."""
        version = self._version()  # again, now that this process holds the write lock
        if version not in (None, "1", "2", STORE_VERSION):
            raise StoreError(
                f"{self.location}: store version {version} is not supported; choose another database", setting="db"
            )
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        if columns and "extracted" not in columns:
            self.db.execute("ALTER TABLE articles ADD COLUMN extracted TEXT")
        for statement in SCHEMA.split(";"):  # executescript would commit the open transaction
            if statement.strip():
                self.db.execute(statement)
        create_tables(self.db)
        if version in ("1", "2"):
            stored = [Article.from_dict(json.loads(data)) for (data,) in self.db.execute("SELECT data FROM articles")]
            self.outlet_lines.put({a.id: _outlet_lines(a) for a in stored if a.outlet})
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))
        return version

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # articles

    def article(self, article_id: str) -> Article | None:
        return self.articles([article_id]).get(article_id)

    def articles(self, article_ids: Sequence[str]) -> dict[str, Article]:
        rows = select_in(self.db, "id, data", "articles", "id", article_ids)
        return {i: Article.from_dict(json.loads(d)) for i, d in rows}

    def extracted(self, article_ids: Sequence[str]) -> dict[str, Article]:
        rows = select_in(self.db, "id, COALESCE(extracted, data)", "articles", "id", article_ids)
        return {i: Article.from_dict(json.loads(d)) for i, d in rows}

    def put_articles(self, articles: Iterable[Article], extracted: Iterable[Article] = ()) -> None:
        """Store finished articles; ``extracted`` gives the form extraction left some of them in."""
        articles = list(articles)
        before = {a.id: json.dumps(_article_data(a)) for a in extracted}
        rows = [(a.id, a.source_hash, json.dumps(_article_data(a)), _now(), before.get(a.id)) for a in articles]
        with self._write():
            self.db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "source_hash = excluded.source_hash, data = excluded.data, stored_at = excluded.stored_at, "
                "extracted = COALESCE(excluded.extracted, articles.extracted)",
                rows,
            )
            self.db.executemany("DELETE FROM articles_fts WHERE id = ?", [(a.id,) for a in articles])
            self.db.executemany(
                "INSERT INTO articles_fts VALUES (?, ?, ?)", [(a.id, a.title or "", a.text) for a in articles]
            )

    def unplaced_articles(self) -> list[Article]:
        """Stored articles in no story yet: an ingest stopped between storing and clustering them (pages
        that are not articles stay out of stories)."""
        rows = self.db.execute(
            "SELECT data FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
            "AND json_extract(data, '$.kind') IS NULL ORDER BY stored_at, id"
        ).fetchall()
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Stored articles matching all the words of ``query``, best first."""
        terms = " ".join(f'"{word}"' for word in query.replace('"', " ").split())
        if not terms:
            return []
        rows = self.db.execute(
            "SELECT id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (terms, limit),
        )
        return [SearchHit(article_id, snippet) for article_id, snippet in rows]

    def count(self, what: str) -> int:
        if what not in {"articles", "stories", "skipped"}:
            raise ValueError(f"unknown table {what!r}")
        return self.db.execute(f"SELECT COUNT(*) FROM {what}").fetchone()[0]

    # per-outlet repeated lines

    def put_outlet_lines(self, lines: Mapping[str, OutletLines]) -> list[str]:
        with self._write():
            return self.outlet_lines.put(lines)

    def repeated_lines(self, article_ids: Sequence[str], min_articles: int) -> dict[str, set[str]]:
        return self.outlet_lines.repeated(article_ids, min_articles)

    # near-duplicate bands

    def index_near_duplicates(self, articles: Iterable[Article]) -> list[NearDuplicate]:
        """Check each article against every stored one and index it; returns the new pairs."""
        with self._write():
            return [pair for a in articles for pair in self.near_duplicates.add(a.id, a.text)]

    def near_duplicate_pairs(self, article_ids: list[str]) -> dict[frozenset[str], NearDuplicate]:
        return {frozenset((d.first, d.second)): d for d in self.near_duplicates.pairs(article_ids)}

    def _index_all(self) -> None:
        rows = self.db.execute("SELECT data FROM articles ORDER BY stored_at, id").fetchall()
        self.index_near_duplicates(Article.from_dict(json.loads(data)) for (data,) in rows)

    # clustering

    def transaction(self) -> AbstractContextManager[None]:
        """One transaction (writes inside it join it); another process's transaction waits for it to end."""
        return self._write()

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
                self.db.execute("DELETE FROM analysis_parts WHERE story_id = ?", (sid,))

    def put_members(self, members: dict[str, list[str]]) -> None:
        """Record which articles each story holds (before any analysis of it)."""
        with self._write():
            for sid, article_ids in members.items():
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                rows = [(sid, a) for a in article_ids]
                self.db.executemany("INSERT OR IGNORE INTO story_articles VALUES (?, ?)", rows)

    def story_of(self, article_ids: list[str]) -> dict[str, str]:
        """The stored story of each of ``article_ids`` that has one."""
        return dict(select_in(self.db, "article_id, story_id", "story_articles", "article_id", article_ids))

    def story_members(self, story_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))]

    def stories_overview(self) -> list[StoryOverview]:
        """Every stored story, largest first."""
        rows = self.db.execute(
            "SELECT story_id, COUNT(*), stories.data FROM story_articles LEFT JOIN stories ON stories.id = story_id "
            "GROUP BY story_id ORDER BY COUNT(*) DESC, story_id"
        ).fetchall()
        return [StoryOverview(sid, size, json.loads(data).get("title", "") if data else "") for sid, size, data in rows]

    # analyses

    def analysis_part(self, story_id: str, analyser: str, key: str) -> Any | None:
        row = self.db.execute(
            "SELECT data FROM analysis_parts WHERE story_id = ? AND analyser = ? AND key = ?", (story_id, analyser, key)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put_analysis_part(self, story_id: str, analyser: str, key: str, data: Any) -> None:
        with self._write():
            self.db.execute(
                "INSERT OR REPLACE INTO analysis_parts VALUES (?, ?, ?, ?)", (story_id, analyser, key, json.dumps(data))
            )

    def analysis(self, story_id: str, key: str) -> dict | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ? AND analysis_key = ?", (story_id, key)).fetchone()
        return json.loads(row[0]) if row else None

    def put_story(self, story: dict, key: str) -> None:
        """Store a story's analysis. Which articles a story holds is the clustering step's to say
        (:meth:`put_members`): another process may have placed articles in it, or merged it into
        another, since this analysis read it, so only articles in no story yet (``--one-story``) are
        recorded here, and a story whose articles all moved to other stories is not written back."""
        with self._write():
            placed = self.story_of(story["articles"])
            if story["articles"] and all(placed.get(a, story["id"]) != story["id"] for a in story["articles"]):
                return
            self.db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?)", (story["id"], key, json.dumps(story), _now())
            )
            self.db.executemany(
                "INSERT INTO story_articles VALUES (?, ?)",
                [(story["id"], a) for a in story["articles"] if a not in placed],
            )

    # the fetch log

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

    def put_skipped(self, skipped: Iterable[Skipped]) -> None:
        with self._write():
            self.db.executemany("INSERT INTO skipped VALUES (?, ?, ?)", [(s.input, s.reason, _now()) for s in skipped])

    # helpers

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction: everything or nothing is written. Nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.location}: cannot write ({err})") from err
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            self.db.execute("ROLLBACK")
            raise StoreError(f"{self.location}: cannot write ({err})") from err


def _outlet_lines(article: Article) -> OutletLines:
    from ..articles.repeated import line_keys  # only an upgrade from version 2 needs it

    return OutletLines(article.outlet or "", line_keys(article))


def _article_data(article: Article) -> dict:
    return {
        **article.to_dict(),
        "sentences": list(article.sentences),
        "story": article.story,
        "source_hash": article.source_hash,
        "kind": article.kind,
    }
