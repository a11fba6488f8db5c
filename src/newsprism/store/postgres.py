"""Stage 9, store, for teams: the same Store on a PostgreSQL server (psycopg 3).

Watchers, a web app and analysts on several machines share one database. :class:`PostgresStore` runs
the queries of :class:`newsprism.store.sql.SQLStore`; what is its own:

- the schema comes from the numbered files in ``migrations/``, applied in order when a store opens and
  recorded in ``schema_migrations``, so an older database is brought up to date in place;
- a writer's transaction first takes one transaction-level advisory lock, so writers take turns as
  they do on SQLite (a clustering step reads the state and writes it back without another process
  placing articles in between) while readers never wait;
- search is PostgreSQL's full text: a ``tsvector`` per article under a GIN index;
- connections come from a pool per database (psycopg_pool), so a web app or a watcher that opens a
  store per request or per poll reuses them; the schema is brought up to date when the pool is made.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg_pool import ConnectionPool

from ..dedup import DedupConfig
from ..errors import StoreError
from ..records import Article
from .base import SearchHit, search_words
from .lsh import Bands
from .outlet_lines import OutletLineCounts
from .select import Cursor
from .sql import SQLStore

# The advisory lock every writer holds for its transaction: one number for newsprism in this database.
WRITER_LOCK = 0x6E657773  # "news"
# Only this much of an article's text goes into its tsvector: PostgreSQL refuses a tsvector over 1 MB,
# and positions past 16,383 are not kept anyway.
SEARCH_CHARS = 200_000
# Connections one process keeps open to one database (a web app's worker threads share them).
POOL_SIZE = 8
CONNECT_SECONDS = 10


class QmarkConnection:
    """A psycopg connection in autocommit mode that takes the ``?`` parameters the shared SQL is written in."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        if not parameters:  # sent as written: psycopg reads placeholders (and "%%") only with parameters
            return self.connection.execute(sql)
        return self.connection.execute(_pyformat(sql), parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        rows = list(rows)
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(_pyformat(sql), rows)

    def close(self) -> None:
        self.connection.close()


@lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    # the shared SQL holds no literal '?' or '%'
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLStore):
    """The PostgreSQL store at a ``postgresql://`` URL."""

    NOT_A_PAGE = "(data::jsonb ->> 'kind') IS NULL"
    BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
    ERRORS = (psycopg.Error,)
    db: QmarkConnection

    def __init__(self, url: str, config: DedupConfig | None = None) -> None:
        self.location = _without_password(url)
        self._pool = _pool(url, self.location)
        try:
            self.db = QmarkConnection(self._pool.getconn())
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: cannot connect ({_reason(err)})", setting="db") from err
        self._holding = True
        self.outlet_lines = OutletLineCounts(self.db)
        self.near_duplicates = Bands(self.db, config)

    def close(self) -> None:
        if self._holding:  # closing twice gives the connection back once
            self._holding = False
            self._pool.putconn(self.db.connection)

    def _index_text(self, articles: list[Article], stored: set[str]) -> None:
        self.db.executemany(
            "UPDATE articles SET search = to_tsvector('english', ?) WHERE id = ?",
            [(f"{a.title or ''}\n{a.text}"[:SEARCH_CHARS], a.id) for a in articles],
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Stored articles holding all the words of ``query`` (as English stems), best first."""
        words = search_words(query)
        if not words:
            return []
        rows = self.db.execute(
            "SELECT id, ts_headline('english', data::jsonb ->> 'text', q, "
            "'StartSel=[, StopSel=], MaxWords=14, MinWords=6, ShortWord=2') "
            "FROM articles, plainto_tsquery('english', ?) AS q WHERE search @@ q "
            "ORDER BY ts_rank(search, q) DESC, id LIMIT ?",
            (" ".join(words), limit),
        )
        return [SearchHit(article_id, snippet) for article_id, snippet in rows]


_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()


def _pool(url: str, location: str) -> ConnectionPool:
    """The process's pool of connections to ``url``, made (and the schema migrated) on first use."""
    with _pools_lock:
        if url not in _pools:
            try:
                with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_SECONDS) as first:
                    migrate(first)  # a server that refuses says why here, not as a pool timeout
            except psycopg.Error as err:
                raise StoreError(f"{location}: cannot connect ({_reason(err)})", setting="db") from err
            _pools[url] = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                timeout=60,
                open=True,
                kwargs={"autocommit": True, "connect_timeout": CONNECT_SECONDS},
            )
        return _pools[url]


@atexit.register
def _close_pools() -> None:
    for pool in _pools.values():
        pool.close()


def migrate(connection: psycopg.Connection[Any]) -> None:
    """Apply the migrations the database has not had yet, in order, in one transaction that holds the
    writers' lock (two processes opening a new database at once do it once)."""
    with connection.transaction():
        connection.execute(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)"
        )
        applied = {version for (version,) in connection.execute("SELECT version FROM schema_migrations")}
        for version, sql in migrations():
            if version not in applied:
                connection.execute(sql.encode())  # a script of several statements, no parameters
                connection.execute("INSERT INTO schema_migrations VALUES (%s, now()::text)", (version,))


def _reason(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def migrations() -> list[tuple[int, str]]:
    """The schema migrations shipped with newsprism: (version, SQL), oldest first."""
    folder = resources.files(__package__).joinpath("migrations")
    found = [
        (int(entry.name.split("_", 1)[0]), entry.read_text())
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found)


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
