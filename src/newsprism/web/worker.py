"""The web app's write side: ingest (URLs or records), analyse what changed, and watch feeds in a
background thread.

Writes go one at a time (one lock): each ingests through :func:`newsprism.api.ingest` (URL fetches
refuse private addresses unless the server was started to allow them), then analyses the stories it
touched with :func:`newsprism.api.analyse_stored` and stores the analyses, so pages only read.
The watched feeds live in the store (:mod:`newsprism.store.feeds`): one added through the web app is
still watched after a restart. Each is ingested with :func:`newsprism.api.ingest` when it falls due (never
polled yet, or last polled an interval ago), and what the poll brought is recorded on it.
"""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from .. import api
from ..analysis.entities import Recognizer
from ..analysis.ner import load_recognizer
from ..embed import Embedder, load_embedder
from ..errors import NoArticlesError, NotFoundError
from ..records import Skipped
from ..store import open_store
from ..store.feeds import FeedPoll, WatchedFeed

# How many ingests /feeds lists.
RECENT = 20
# The shortest pause between two rounds of the watch, so that a feed whose poll cannot be recorded (a
# database refusing writes) is not polled again and again.
MIN_WAIT = 1.0
T = TypeVar("T")


@dataclass(frozen=True)
class IngestResult:
    """One ingest: when, of what, the articles read (``stored`` of them new), their stories, skipped inputs."""

    at: float
    inputs: list[str]
    stored: int
    articles: list[str]
    stories: list[str]
    skipped: list[Skipped]

    def to_dict(self) -> dict:
        return {
            "at": _iso(self.at),
            "inputs": self.inputs,
            "stored": self.stored,
            "articles": self.articles,
            "stories": self.stories,
            "skipped": [{"input": s.input, "reason": s.reason} for s in self.skipped],
        }


@dataclass(frozen=True)
class WorkerConfig:
    db: str
    every: float = 600.0  # seconds between two polls of the watched feeds
    allow_private: bool = False
    delay: float = 1.0
    embedder: str = "auto"


class Worker:
    """Ingests, analyses and watches; ``changed`` is called after every write (the catalog re-reads)."""

    def __init__(self, config: WorkerConfig, changed: Callable[[], None], feeds: Iterable[str] = ()) -> None:
        self.config = config
        self.changed = changed
        self.recent: list[IngestResult] = []
        self.pending: list[str] = []  # stories to analyse, found stale at start
        self._write = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._tools: tuple[Embedder, Recognizer] | None = None
        for url in feeds:  # --watch feeds join the stored ones
            self.add_feed(url)

    def tools(self) -> tuple[Embedder, Recognizer]:
        """The embedder and the entity recogniser, loaded once (seconds) at the first write."""
        if self._tools is None:
            self._tools = load_embedder(self.config.embedder)[0], load_recognizer()[0]
        return self._tools

    # writes

    def ingest_urls(self, urls: list[str]) -> IngestResult:
        return self._ingest(urls, None)

    def ingest_records(self, records: list[dict[str, Any]]) -> IngestResult:
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
        return self._ingest(["-"], io.StringIO(lines), shown=[f"{len(records)} JSON record(s)"])

    def _ingest(self, inputs: list[str], stdin: io.StringIO | None, shown: list[str] | None = None) -> IngestResult:
        with self._write:
            embedder, recognizer = self.tools()
            done = api.ingest(inputs, db=self.config.db, embedder=embedder, allow_private=self.config.allow_private,
                              delay=self.config.delay, stdin=stdin)  # fmt: skip
            story_ids = [s.id for s in done.stories]
            self._analyse(story_ids, embedder, recognizer)
        result = IngestResult(time.time(), shown or inputs, done.new, [a.id for a in done.articles], story_ids,
                              done.skipped)  # fmt: skip
        self.recent = [result, *self.recent][:RECENT]
        return result

    def refresh(self, story_ids: list[str]) -> None:
        """Analyse and store ``story_ids`` (stories stored without an analysis, or grown since)."""
        if story_ids:
            with self._write:
                self._analyse(story_ids, *self.tools())

    def _analyse(self, story_ids: list[str], embedder: Embedder, recognizer: Recognizer) -> None:
        try:
            api.analyse_stored(story_ids, db=self.config.db, embedder=embedder, recognizer=recognizer)
        finally:
            self.changed()

    # feeds

    def feeds(self) -> list[WatchedFeed]:
        with open_store(self.config.db) as store:
            return store.watched_feeds()

    def add_feed(self, url: str) -> WatchedFeed:
        """Watch ``url`` (kept in the store); the watch polls it at once rather than at the next interval."""
        with open_store(self.config.db) as store:
            feed = store.watch_feed(url, _iso(time.time()))
        self._wake.set()
        return feed

    def remove_feed(self, url: str) -> bool:
        with open_store(self.config.db) as store:
            return store.unwatch_feed(url)

    def due(self, now: float) -> list[WatchedFeed]:
        """The feeds never polled, or last polled at least an interval before ``now``."""
        return [f for f in self.feeds() if f.last_poll is None or now - _seconds(f.last_poll) >= self.config.every]

    def poll(self) -> None:
        """One round over the watched feeds that are due; each poll is recorded on its feed, a failed one too."""
        for feed in self.due(time.time()):
            if self._stop.is_set():
                return
            self._record(feed.url, *self._poll_one(feed.url))

    def _poll_one(self, url: str) -> tuple[float, int, list[str], str]:
        """Ingest ``url`` once and analyse the stories it changed: when it started, the articles stored
        anew, the stories, and a note (what was skipped, or why nothing came in)."""
        started = time.time()
        try:
            with self._write:
                embedder, recognizer = self.tools()
                done = api.ingest([url], db=self.config.db, embedder=embedder, allow_private=self.config.allow_private,
                                  delay=self.config.delay)  # fmt: skip
                stories = [s.id for s in done.stories]
                self._analyse(stories, embedder, recognizer)
                return started, done.new, stories, _skipped_note(done.skipped)
        except NoArticlesError as err:
            return started, 0, [], _skipped_note(err.skipped) or str(err)
        except NotFoundError as err:
            return started, 0, [], str(err)
        except Exception as err:  # a failed poll is noted on its feed and the watch goes on: a server keeps serving
            return started, 0, [], f"poll failed: {type(err).__name__}: {err}"

    def _record(self, url: str, started: float, new: int, stories: list[str], note: str) -> None:
        with open_store(self.config.db) as store:
            store.record_poll(FeedPoll(url, _iso(started), new, tuple(stories), note))

    def _next_due(self, now: float) -> float:
        """Seconds until the next feed falls due (at most one interval)."""
        polled = [_seconds(f.last_poll) for f in self.feeds() if f.last_poll is not None]
        return max(0.0, min([p + self.config.every - now for p in polled], default=self.config.every))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsprism-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        self._safely(lambda: self.refresh(self.pending))
        self.pending = []
        while not self._stop.is_set():
            self._wake.clear()  # before the round: a feed added while it runs wakes the next one
            self._safely(self.poll)
            wait = self._safely(lambda: self._next_due(time.time()))
            self._wake.wait(self.config.every if wait is None else max(MIN_WAIT, wait))

    def _safely(self, work: Callable[[], T]) -> T | None:
        """Any failure of the store or an analysis is printed and the thread goes on: a server keeps serving."""
        try:
            return work()
        except Exception as err:
            print(f"newsprism serve: background work failed: {type(err).__name__}: {err}", file=sys.stderr)
            return None


def _skipped_note(skipped: list[Skipped]) -> str:
    if not skipped:
        return ""
    first = f"{skipped[0].input}: {skipped[0].reason}"
    return first if len(skipped) == 1 else f"{len(skipped)} inputs skipped, the first {first}"


def _iso(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))


def _seconds(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()
