"""Watched feeds in SQL tables: what ``newsprism serve`` polls, kept in the store so that a feed added
through the web app is still watched after a restart, and every server on one database polls it.

Each feed keeps when it was added, how often and when it was last polled, how many new articles it
brought in all and at its last poll, a note (why its last poll brought nothing, or what it skipped) and
the stories its last poll changed. Times are text as the caller gives them (the web app: ISO 8601, UTC).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .select import Connection

COLUMNS = "url, added, polls, last_poll, new_articles, last_new, note, stories"


@dataclass(frozen=True, slots=True)
class WatchedFeed:
    """A watched feed and what its polls brought."""

    url: str
    added: str
    polls: int = 0
    last_poll: str | None = None
    new_articles: int = 0  # stored from it, all polls together
    last_new: int = 0  # stored by its last poll
    note: str = ""
    stories: tuple[str, ...] = ()  # changed by its last poll

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "added": self.added,
            "polls": self.polls,
            "last_poll": self.last_poll,
            "new_articles": self.new_articles,
            "last_new_articles": self.last_new,
            "note": self.note,
            "stories": list(self.stories),
        }


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """One poll of one feed: when it started, the articles it stored anew, the stories it changed, a note."""

    url: str
    at: str
    new: int
    stories: tuple[str, ...] = ()
    note: str = ""


class FeedTable:
    """The ``feeds`` table of a store; the caller holds the transaction of each write."""

    def __init__(self, db: Connection) -> None:
        self.db = db

    def add(self, url: str, at: str) -> WatchedFeed:
        """Watch ``url`` from ``at`` on; a feed watched already keeps what it had."""
        self.db.execute("INSERT INTO feeds (url, added) VALUES (?, ?) ON CONFLICT (url) DO NOTHING", (url, at))
        found = self.get(url)
        assert found is not None  # inserted above, in this transaction
        return found

    def remove(self, url: str) -> bool:
        return self.db.execute("DELETE FROM feeds WHERE url = ? RETURNING url", (url,)).fetchone() is not None

    def get(self, url: str) -> WatchedFeed | None:
        row = self.db.execute(f"SELECT {COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
        return _feed(row) if row else None

    def all(self) -> list[WatchedFeed]:
        """Every watched feed, in the order they were added."""
        return [_feed(row) for row in self.db.execute(f"SELECT {COLUMNS} FROM feeds ORDER BY added, url")]

    def record(self, poll: FeedPoll) -> None:
        """Count one more poll of a watched feed (a feed no longer watched is left alone)."""
        self.db.execute(
            "UPDATE feeds SET polls = polls + 1, last_poll = ?, new_articles = new_articles + ?, last_new = ?, "
            "note = ?, stories = ? WHERE url = ?",
            (poll.at, poll.new, poll.new, poll.note, json.dumps(list(poll.stories)), poll.url),
        )


def _feed(row: tuple) -> WatchedFeed:
    url, added, polls, last_poll, new_articles, last_new, note, stories = row
    return WatchedFeed(url, added, polls, last_poll, new_articles, last_new, note, tuple(json.loads(stories)))
