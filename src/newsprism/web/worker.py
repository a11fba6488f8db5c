"""The web app's write side: ingest (URLs or records), analyse what changed, and watch feeds in a
background thread.

Writes go one at a time (one lock): each ingests through :func:`newsprism.api.ingest` (URL fetches
refuse private addresses unless the server was started to allow them), then analyses the stories it
touched with :func:`newsprism.api.analyse_stored` and stores the analyses, so pages only read.
Feeds are polled with :func:`newsprism.api.watch`, one round per interval.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import api
from ..analysis.entities import Recognizer
from ..analysis.ner import load_recognizer
from ..embed import Embedder, load_embedder
from ..errors import NoArticlesError, NotFoundError
from ..records import Skipped

# How many ingests /feeds lists.
RECENT = 20


@dataclass
class FeedStatus:
    """A watched feed: when it was added and last polled, and what its last polls brought."""

    url: str
    added: float
    polls: int = 0
    last_poll: float | None = None
    new: int = 0  # articles stored from it so far
    last_new: int = 0
    note: str = ""
    stories: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "added": _iso(self.added),
            "polls": self.polls,
            "last_poll": _iso(self.last_poll),
            "new_articles": self.new,
            "last_new_articles": self.last_new,
            "note": self.note,
            "stories": self.stories,
        }


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
        self.feeds: dict[str, FeedStatus] = {url: FeedStatus(url, time.time()) for url in feeds}
        self.recent: list[IngestResult] = []
        self.pending: list[str] = []  # stories to analyse, found stale at start
        self._write = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._tools: tuple[Embedder, Recognizer] | None = None

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

    def add_feed(self, url: str) -> FeedStatus:
        status = self.feeds.setdefault(url, FeedStatus(url, time.time()))
        self._wake.set()  # poll it now rather than at the next interval
        return status

    def poll(self) -> None:
        """One round over every watched feed."""
        for status in list(self.feeds.values()):
            if self._stop.is_set():
                return
            with self._write:
                embedder, recognizer = self.tools()
                poll = next(api.watch([status.url], every=0, polls=1, db=self.config.db, embedder=embedder,
                                      allow_private=self.config.allow_private, delay=self.config.delay))  # fmt: skip
                status.polls, status.last_poll = status.polls + 1, poll.started
                if poll.ingested is None:
                    status.last_new, status.note = 0, poll.note
                    continue
                status.last_new, status.note = poll.ingested.new, _skipped_note(poll.ingested.skipped)
                status.new += poll.ingested.new
                status.stories = [s.id for s in poll.ingested.stories]
                self._analyse(status.stories, embedder, recognizer)

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
            if self.feeds:
                self._safely(self.poll)
            self._wake.wait(self.config.every)
            self._wake.clear()

    def _safely(self, work: Callable[[], None]) -> None:
        """A failed round is noted on each feed and the watch goes on: a server keeps serving."""
        try:
            work()
        except (NoArticlesError, NotFoundError) as err:
            self._note(str(err))
        except Exception as err:  # any failure of one round must not end the thread
            self._note(f"poll failed: {type(err).__name__}: {err}")

    def _note(self, text: str) -> None:
        for status in self.feeds.values():
            status.note = text


def _skipped_note(skipped: list[Skipped]) -> str:
    return f"{len(skipped)} input(s) skipped, first: {skipped[0].input}: {skipped[0].reason}" if skipped else ""


def _iso(at: float | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at)) if at is not None else None
