"""What the SQL stores share: every Store operation written once, in the SQL that SQLite and PostgreSQL
both speak (``?`` parameters, ``INSERT … ON CONFLICT``, ``RETURNING``).

:class:`SQLStore` holds the queries; a backend (:mod:`.sqlite`, :mod:`.postgres`) opens the connection,
creates or migrates its schema, and supplies what differs: full-text search, how a writer takes its
turn, and which exceptions mean the database refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

import numpy as np

from ..cluster import ClusterState, StoryState
from ..dedup import NearDuplicate
from ..errors import StoreError
from ..inputs.fetch import Fetched
from ..records import Article, Skipped
from .base import OutletLines, SearchHit, StoredStory, StoryOverview
from .feeds import FeedPoll, FeedTable, WatchedFeed
from .lsh import Bands
from .outlet_lines import OutletLineCounts
from .select import Connection, select_in


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLStore:
    """The Store protocol over a SQL connection; subclasses open ``self.db`` and set up the schema."""

    # the condition on ``articles.data`` (JSON text) that keeps pages that are not articles out of stories
    NOT_A_PAGE: ClassVar[str]
    # the statements that open a writer's transaction: one writer at a time, readers never wait
    BEGIN: ClassVar[tuple[str, ...]]
    # the exceptions by which the database refuses a statement
    ERRORS: ClassVar[tuple[type[Exception], ...]]

    location: str
    db: Connection
    near_duplicates: Bands
    outlet_lines: OutletLineCounts
    _depth: int = 0

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # full-text search: each backend has its own index

    def _index_text(self, articles: list[Article], stored: set[str]) -> None:
        """Index the articles' words for :meth:`search`; ``stored``: those of them indexed before."""
        raise NotImplementedError

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

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
        before = {a.id: json.dumps(article_data(a)) for a in extracted}
        rows = [(a.id, a.source_hash, json.dumps(article_data(a)), now(), before.get(a.id)) for a in articles]
        with self._write():
            stored = {i for (i,) in select_in(self.db, "id", "articles", "id", [a.id for a in articles])}
            self.db.executemany(
                "INSERT INTO articles (id, source_hash, data, stored_at, extracted) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET source_hash = excluded.source_hash, data = excluded.data, "
                "stored_at = excluded.stored_at, extracted = COALESCE(excluded.extracted, articles.extracted)",
                rows,
            )
            self._index_text(articles, stored)

    def unplaced_articles(self, known: Container[str] = frozenset()) -> list[Article]:
        """Stored articles in no story yet: an ingest stopped between storing and clustering them (pages
        that are not articles stay out of stories). Those in ``known`` (the caller holds them) are passed
        over unread: a run's own articles are all unplaced until clustered, 20,000 read twice took 600 MB."""
        rows = self.db.execute(
            "SELECT id, data FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
            f"AND {self.NOT_A_PAGE} ORDER BY stored_at, id"
        )
        return [Article.from_dict(json.loads(data)) for article_id, data in rows if article_id not in known]

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
        state.df.update(dict(self.db.execute("SELECT term, df FROM term_df").fetchall()))
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
            self._put_meta("cluster_docs", str(state.docs))
            self._put_meta("cluster_embedder", embedder)
            self.db.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df",
                [(t, state.df[t]) for t in state.changed_terms],
            )
            self.db.executemany(
                "INSERT INTO cluster_stories (id, terms, vector, size, last) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET terms = excluded.terms, vector = excluded.vector, "
                "size = excluded.size, last = excluded.last",
                [
                    (s.id, json.dumps(s.terms), np.asarray(s.vector, dtype=np.float32).tobytes(), s.size, s.last)
                    for s in state.stories.values()
                ],
            )
            if state.merged_into:
                self._stories_changed()
            for sid in state.merged_into:
                self.db.execute("DELETE FROM cluster_stories WHERE id = ?", (sid,))
                self.db.execute("DELETE FROM stories WHERE id = ?", (sid,))
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                self.db.execute("DELETE FROM analysis_parts WHERE story_id = ?", (sid,))

    def put_members(self, members: dict[str, list[str]]) -> None:
        """Record which articles each story holds (before any analysis of it)."""
        with self._write():
            self._stories_changed()
            for sid, article_ids in members.items():
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                self.db.executemany(
                    "INSERT INTO story_articles (story_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(sid, a) for a in article_ids],
                )

    def story_of(self, article_ids: list[str]) -> dict[str, str]:
        """The stored story of each of ``article_ids`` that has one."""
        return dict(select_in(self.db, "article_id, story_id", "story_articles", "article_id", article_ids))

    def story_members(self, story_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id", (story_id,)
        )
        return [r[0] for r in rows]

    def stories_overview(self) -> list[StoryOverview]:
        """Every stored story, largest first."""
        rows = self.db.execute(
            "SELECT story_id, COUNT(*), MAX(stories.data) FROM story_articles "
            "LEFT JOIN stories ON stories.id = story_id GROUP BY story_id ORDER BY COUNT(*) DESC, story_id"
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
                "INSERT INTO analysis_parts (story_id, analyser, key, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (story_id, analyser) DO UPDATE SET key = excluded.key, data = excluded.data",
                (story_id, analyser, key, json.dumps(data)),
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
            self._stories_changed()
            self.db.execute(
                "INSERT INTO stories (id, analysis_key, data, stored_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET analysis_key = excluded.analysis_key, data = excluded.data, "
                "stored_at = excluded.stored_at",
                (story["id"], key, json.dumps(story), now()),
            )
            self.db.executemany(
                "INSERT INTO story_articles (story_id, article_id) VALUES (?, ?)",
                [(story["id"], a) for a in story["articles"] if a not in placed],
            )

    def stored_stories(self, story_ids: Sequence[str] | None = None) -> dict[str, StoredStory]:
        if story_ids is None:
            rows = self.db.execute("SELECT id, data, stored_at FROM stories").fetchall()
        else:
            rows = select_in(self.db, "id, data, stored_at", "stories", "id", story_ids)
        return {sid: StoredStory(json.loads(data), at) for sid, data, at in rows}

    def stories_version(self) -> str:
        return self._meta("stories_version") or "0"

    def _stories_changed(self) -> None:
        """Count one more change to the stories' members or analyses (inside the writer's transaction)."""
        self._put_meta("stories_version", str(int(self._meta("stories_version") or 0) + 1))

    # sentence vectors

    def sentence_vectors(self, keys: Sequence[str]) -> dict[str, bytes]:
        return {
            key: bytes(vector) for key, vector in select_in(self.db, "key, vector", "sentence_vectors", "key", keys)
        }

    def put_sentence_vectors(self, vectors: Mapping[str, bytes]) -> None:
        with self._write():
            self.db.executemany(
                "INSERT INTO sentence_vectors (key, vector) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                list(vectors.items()),
            )

    # spaCy's annotations of a text, by key (the pipeline and the text, hashed: newsprism.analysis.doc_store)

    def annotations(self, keys: Sequence[str]) -> dict[str, bytes]:
        return {key: bytes(doc) for key, doc in select_in(self.db, "key, doc", "annotations", "key", keys)}

    def put_annotations(self, annotations: Mapping[str, bytes]) -> None:
        with self._write():  # a text annotated further replaces what it had
            self.db.executemany(
                "INSERT INTO annotations (key, doc) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc",
                list(annotations.items()),
            )

    # the fetch log

    def record_fetch(self, fetched: Fetched) -> None:
        content_hash = hashlib.sha1(fetched.body).hexdigest() if fetched.body else None
        with self._write():
            self.db.execute(
                "INSERT INTO fetches (url, status, fetched_at, content_hash, etag, last_modified, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (fetched.url, fetched.status, now(), content_hash, fetched.etag, fetched.last_modified, fetched.error),
            )

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified to send for ``url``: those of the last fetch whose content is stored."""
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def put_validators(self, validators: dict[str, tuple[str | None, str | None]]) -> None:
        with self._write():
            self.db.executemany(
                "INSERT INTO validators (url, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE "
                "SET etag = excluded.etag, last_modified = excluded.last_modified",
                [(u, e, m) for u, (e, m) in validators.items()],
            )

    def fetch_count(self, url: str | None = None) -> int:
        if url is None:
            return self.db.execute("SELECT COUNT(*) FROM fetches").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM fetches WHERE url = ?", (url,)).fetchone()[0]

    def put_skipped(self, skipped: Iterable[Skipped]) -> None:
        with self._write():
            self.db.executemany(
                "INSERT INTO skipped (input, reason, at) VALUES (?, ?, ?)",
                [(s.input, s.reason, now()) for s in skipped],
            )

    # watched feeds (``newsprism serve`` polls them)

    def watch_feed(self, url: str, at: str) -> WatchedFeed:
        with self._write():
            return FeedTable(self.db).add(url, at)

    def unwatch_feed(self, url: str) -> bool:
        with self._write():
            return FeedTable(self.db).remove(url)

    def watched_feeds(self) -> list[WatchedFeed]:
        return FeedTable(self.db).all()

    def record_poll(self, poll: FeedPoll) -> None:
        with self._write():
            FeedTable(self.db).record(poll)

    # helpers

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _put_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

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
            for statement in self.BEGIN:
                self.db.execute(statement)
        except self.ERRORS as err:
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
        except self.ERRORS as err:
            self.db.execute("ROLLBACK")
            raise StoreError(f"{self.location}: cannot write ({err})") from err


def article_data(article: Article) -> dict:
    return {
        **article.to_dict(),
        "sentences": list(article.sentences),
        "story": article.story,
        "source_hash": article.source_hash,
        "kind": article.kind,
    }
