"""Stage 9, store: articles, stories and their analyses in one SQLite database.

:class:`SQLiteStore` implements :class:`newsprism.store.base.Store`. The database runs in WAL mode with a
busy timeout, so readers (a report, a web app) never block the writer and a second writer waits its
turn. Every write is one transaction (``BEGIN IMMEDIATE``), so an interrupted run leaves what was
stored before intact.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..dedup import DedupConfig
from ..errors import StoreError
from ..records import Article
from .base import OutletLines, SearchHit, search_words
from .lsh import Bands, create_tables
from .outlet_lines import OutletLineCounts
from .sql import SQLStore

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
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, added TEXT NOT NULL, polls INTEGER NOT NULL DEFAULT 0, last_poll TEXT,
    new_articles INTEGER NOT NULL DEFAULT 0, last_new INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
    stories TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS sentence_vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS annotations (key TEXT PRIMARY KEY, doc BLOB NOT NULL) WITHOUT ROWID;
"""
# Version 2 added the near-duplicate index; a version 1 store is indexed when first opened. Version 3
# added the extracted articles, the per-outlet line counts and the per-analyser results; a version 2
# store takes its articles as their own extracted form and counts their lines when first opened. Version 4
# added the watched feeds of the web app; a version 3 store gains their table. Version 5 added the stored
# sentence vectors; a version 4 store gains their (empty) table. Version 6 added spaCy's stored
# annotations (analysis/doc_store.py); a version 5 store gains their (empty) table.
STORE_VERSION = "6"
# In WAL mode, NORMAL syncs the log at checkpoints, not at every commit: a commit took 10.5 ms against
# 0.55 ms on the bench machine's disk, and a run commits about 12 times a story (each analyser's part, then
# the story: some 40 s of a 437-s run of 2,000 documents, bench/bench_throughput.py). A process killed at
# any point keeps every commit; only a power cut or OS crash can lose the last ones, and the database
# stays consistent (SQLite's documentation, "WAL mode").
SYNCHRONOUS = "NORMAL"
# How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 30.0


class SQLiteStore(SQLStore):
    """The SQLite store. ``SQLiteStore(":memory:")`` keeps nothing on disk."""

    NOT_A_PAGE = "json_extract(data, '$.kind') IS NULL"
    BEGIN = ("BEGIN IMMEDIATE",)
    ERRORS = (sqlite3.DatabaseError,)
    db: sqlite3.Connection

    def __init__(self, path: str | Path, config: DedupConfig | None = None) -> None:
        self.location = str(path)
        try:
            # autocommit: transactions are opened explicitly, BEGIN IMMEDIATE, by _write
            self.db = sqlite3.connect(self.location, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            self.db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
            self.outlet_lines = OutletLineCounts(self.db)
            version = self._version()
            if version != STORE_VERSION:  # a new or older store: a writer's job, done once
                with self._write():
                    version = self._upgrade()
            self.near_duplicates = Bands(self.db, config)
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
        if version not in (None, "1", "2", "3", "4", "5", STORE_VERSION):
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

    def _index_text(self, articles: list[Article], stored: set[str]) -> None:
        # FTS5 finds a row by an unindexed column only by reading every row (10 ms at 10,000 articles): the
        # old rows are looked for only for the articles stored before, not for every new one (which made
        # storing 20,000 articles cost time in the square of their number)
        self.db.executemany("DELETE FROM articles_fts WHERE id = ?", [(a.id,) for a in articles if a.id in stored])
        self.db.executemany(
            "INSERT INTO articles_fts VALUES (?, ?, ?)", [(a.id, a.title or "", a.text) for a in articles]
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Stored articles matching all the words of ``query``, best first."""
        terms = " ".join(f'"{word}"' for word in search_words(query.replace('"', " ")))
        if not terms:
            return []
        rows = self.db.execute(
            "SELECT id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (terms, limit),
        )
        return [SearchHit(article_id, snippet) for article_id, snippet in rows]

    def _index_all(self) -> None:
        rows = self.db.execute("SELECT data FROM articles ORDER BY stored_at, id").fetchall()
        self.index_near_duplicates(Article.from_dict(json.loads(data)) for (data,) in rows)


def _outlet_lines(article: Article) -> OutletLines:
    from ..articles.repeated import line_keys  # only an upgrade from version 2 needs it

    return OutletLines(article.outlet or "", line_keys(article))
