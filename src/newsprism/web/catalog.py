"""The web app's read side: what the pages and the API show, read from the store and kept in memory
until the store changes.

A story page is a read of the analysis stored when the story last changed (``Store.stored_stories``);
nothing is analysed while answering a request. The catalog asks the store for its stories' version at
most every :data:`RECHECK_SECONDS`, and at once after this process wrote; when the version moved it
reads the story list again and forgets what it had rendered.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..analysis.conflicts import CONFIDENT
from ..analysis.name_forms import name_key
from ..errors import NotFoundError
from ..records import Article
from ..store import Store, StoredStory, open_store

# How stale the story list may be when another process (a CLI ingest) writes to the database.
RECHECK_SECONDS = 1.0
# Rendered pages and API answers kept per store version; past this many the cache starts over.
CACHE_ENTRIES = 2048

T = TypeVar("T")


@dataclass(frozen=True)
class Card:
    """One story as a list shows it."""

    id: str
    title: str
    size: int
    independent_sources: int | None
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    conflicts: int
    analysed: bool
    updated: str
    names: frozenset[str] = field(repr=False)  # keys of its entities' names and variants, for the filter

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "size": self.size,
            "independent_sources": self.independent_sources,
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
            "conflicts": self.conflicts,
            "analysed": self.analysed,
            "updated": self.updated,
        }


@dataclass
class Snapshot:
    """The stories at one store version: cards newest first, stored analyses, article metadata."""

    version: str
    cards: list[Card]
    stories: dict[str, StoredStory]
    members: dict[str, list[str]]
    meta: dict[str, dict]  # article id -> its fields without the text
    story_of: dict[str, str]

    def card(self, story_id: str) -> Card:
        for card in self.cards:
            if card.id == story_id:
                return card
        raise NotFoundError(f"no story {story_id!r} is stored")


class Catalog:
    """Reads for the pages and the API; one store connection per thread (SQLite connections are not shared)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._cache: dict[Hashable, Any] = {}

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store

    def invalidate(self) -> None:
        """This process wrote: read the version again at the next request."""
        self._checked = 0.0

    def snapshot(self) -> Snapshot:
        now = time.monotonic()
        current = self._snapshot
        if current is not None and now - self._checked < RECHECK_SECONDS:
            return current
        version = self.store().stories_version()
        self._checked = now
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = _read(self.store(), version)
                self._cache = {}
            return self._snapshot

    def cached(self, key: Hashable, make: Callable[[Snapshot], T]) -> T:
        """``make(snapshot)``, computed once per store version."""
        snap = self.snapshot()
        full = (snap.version, key)
        if full not in self._cache:
            if len(self._cache) >= CACHE_ENTRIES:
                self._cache = {}
            self._cache[full] = make(snap)
        return self._cache[full]

    def hit(self, key: Hashable) -> Any | None:
        """What :meth:`cached` holds for ``key`` when the store was checked lately, without touching the
        store: the event loop answers cached pages itself, and only a miss goes to a thread."""
        snap = self._snapshot
        if snap is None or time.monotonic() - self._checked >= RECHECK_SECONDS:
            return None
        return self._cache.get((snap.version, key))

    def articles(self, article_ids: Sequence[str]) -> dict[str, Article]:
        return self.store().articles(article_ids)

    def story(self, story_id: str) -> tuple[Card, dict | None, list[dict]]:
        """A story's card, its stored analysis (None before the first) and its articles as the report has them."""
        snap = self.snapshot()
        card = snap.card(story_id)
        stored = snap.stories.get(story_id)
        found = self.articles(snap.members.get(story_id, []))
        order = stored.data["articles"] if stored else snap.members.get(story_id, [])
        ordered = [found[a] for a in order if a in found] + [a for i, a in found.items() if i not in order]
        return card, stored.data if stored else None, [a.to_dict() for a in ordered]


def select(cards: list[Card], *, date: str | None, outlet: str | None, entity: str | None) -> list[Card]:
    """The cards a list's filters keep: a day within the story's span, an outlet among its, an entity named."""
    kept = cards
    if date:
        kept = [c for c in kept if c.first and c.last and c.first[:10] <= date <= c.last[:10]]
    if outlet:
        wanted = outlet.casefold()
        kept = [c for c in kept if any(o.casefold() == wanted for o in c.outlets)]
    if entity:
        kept = [c for c in kept if name_key(entity) in c.names]
    return kept


def variant_keys(entity: dict) -> tuple[set[str], set[str]]:
    """The keys a name of ``entity`` is found by: its name and aliases, however cased or spelt
    (:func:`name_key`: "sergey lavrov" finds "Sergei Lavrov"), and for a person the last words of each,
    as a person is named after the first mention ("Lavrov")."""
    names = [entity["name"], *entity.get("aliases", [])]
    whole = {name_key(n) for n in names}
    if entity.get("type") != "PERSON":
        return whole, set()
    ends = {name_key(" ".join(words[i:])) for n in names if len(words := n.split()) > 1 for i in range(1, len(words))}
    return whole, ends - whole


def entity_mentions(snap: Snapshot, name: str) -> list[tuple[Card, dict]]:
    """Each story naming ``name`` with that entity's record: the entity whose name or alias it is, else
    the person it names by surname (the one most mentioned, when several share it)."""
    wanted = name_key(name)
    found = []
    for card in snap.cards:
        stored = snap.stories.get(card.id)
        ranked = []
        for entity in stored.data.get("entities", []) if stored else []:
            whole, ends = variant_keys(entity)
            if wanted in whole or wanted in ends:
                ranked.append((wanted in whole, len(entity.get("mentions", [])), entity))
        if ranked:
            found.append((card, max(ranked, key=lambda r: r[:2])[2]))
    if not found:
        raise NotFoundError(f"no stored story names the entity {name!r}")
    return found


def outlet_view(snap: Snapshot, name: str) -> dict:
    """An outlet's stories, its loaded terms across them, and the shared facts it left out."""
    wanted = name.casefold()
    mine = {a for a, m in snap.meta.items() if (m.get("outlet") or "").casefold() == wanted}
    if not mine:
        raise NotFoundError(f"no stored article is from the outlet {name!r}")
    stories = [c for c in snap.cards if any(snap.story_of.get(a) == c.id for a in mine)]
    terms: Counter[str] = Counter()
    omitted = []
    for card in stories:
        stored = snap.stories.get(card.id)
        for framing in stored.data.get("framing", []) if stored else []:
            if framing["article"] in mine:
                terms.update(framing.get("loaded_terms", []))
                omitted += [{"story": card.id, "fact": text} for text in framing.get("omitted") or []]
    return {
        "outlet": next(snap.meta[a]["outlet"] for a in sorted(mine)),
        "articles": len(mine),
        "stories": stories,
        "loaded_terms": [{"term": t, "stories": n} for t, n in terms.most_common()],
        "omitted": omitted,
    }


def marked(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (matches in ``[`` ``]``) as pieces of text, each marked or not, for escaping one by one."""
    pieces = []
    for i, part in enumerate(snippet.replace("]", "[").split("[")):
        if part:
            pieces.append((part, i % 2 == 1))
    return pieces


def _read(store: Store, version: str) -> Snapshot:
    overviews = store.stories_overview()
    stored = store.stored_stories()
    members = {o.id: store.story_members(o.id) for o in overviews}
    found = store.articles([a for ids in members.values() for a in ids])
    meta = {i: {k: v for k, v in a.to_dict().items() if k not in ("text", "removed")} for i, a in found.items()}
    cards = [_card(o.id, o.title, members[o.id], stored.get(o.id), meta) for o in overviews]
    cards.sort(key=lambda c: (c.last or "", c.updated, c.id), reverse=True)
    story_of = {a: sid for sid, ids in members.items() for a in ids}
    return Snapshot(version, cards, stored, members, meta, story_of)


def _card(story_id: str, title: str, members: list[str], stored: StoredStory | None, meta: dict[str, dict]) -> Card:
    data = stored.data if stored else {}
    dates = sorted(d for a in members if (d := (meta.get(a) or {}).get("published")))
    outlets = tuple(dict.fromkeys(o for a in members if (o := (meta.get(a) or {}).get("outlet"))))
    first_title = next((t for a in members if (t := (meta.get(a) or {}).get("title"))), story_id)
    names = {key for e in data.get("entities", []) for keys in variant_keys(e) for key in keys}
    return Card(
        id=story_id,
        title=data.get("title") or title or first_title,
        size=len(members),
        independent_sources=data.get("independent_sources"),
        outlets=outlets,
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        conflicts=sum(1 for c in data.get("conflicts", []) if c.get("confidence", 1.0) >= CONFIDENT),
        analysed=stored is not None and sorted(data.get("articles", [])) == sorted(members),
        updated=stored.stored_at if stored else "",
        names=frozenset(names),
    )
