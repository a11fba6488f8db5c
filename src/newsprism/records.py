"""Typed records that flow between the stages.

Every stage takes records and returns new ones; nothing is mutated in place. Field names of the
records that reach the report are the names of the JSON contract (``schema/report.schema.json``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .story_title import story_title


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read from disk or standard input, before extraction.

    ``kind`` says how to read ``content``: ``"text"`` (plain text), ``"html"`` (a web page) or
    ``"record"`` (already split into fields by the caller: ``title`` and ``content`` are the text).
    """

    input: str
    kind: str
    content: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read as an article, and why; ``setting`` names the option that
    would let it through (see :class:`newsprism.errors.NewsprismError`)."""

    input: str
    reason: str
    setting: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the unit every later stage works on."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    story: str | None = None
    source_hash: str = ""
    # None for an article; else the kind of page it is instead ("sign-in page"), which keeps it out of stories
    kind: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": list(self.removed),
            "words": self.words,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            language=data.get("language"),
            removed=tuple(data.get("removed", ())),
            sentences=tuple(data.get("sentences", ())),
            story=data.get("story"),
            source_hash=data.get("source_hash", ""),
            kind=data.get("kind"),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, addressed by the article id and its position."""

    article: str
    index: int
    text: str


@dataclass(frozen=True, slots=True)
class Story:
    """Articles grouped as reports of one event."""

    id: str
    articles: tuple[Article, ...]

    @property
    def article_ids(self) -> list[str]:
        return [a.id for a in self.articles]

    @property
    def title(self) -> str:
        """The clean headline the other articles share most words with, else the clean lead sentence
        (:func:`~newsprism.story_title.story_title`)."""
        return story_title(self.articles)

    def sentences(self) -> list[Sentence]:
        return [Sentence(a.id, i, s) for a in self.articles for i, s in enumerate(a.sentences)]


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    # sources that report the fact with another value than its text's, in a conflict found over it
    disputed_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    about: str
    sides: tuple[ConflictSide, ...]
    # number, date, time, place, name, other; contradiction when one negates what the other states; update when
    # the sources were written at different times
    kind: str = "other"
    # why newsprism holds the values to be of the same thing ("the same fact in 2 articles")
    reasons: tuple[str, ...] = ()
    # how sure newsprism is that the sides are of one thing (0..1); below conflicts.CONFIDENT, a
    # possible difference
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CopyLink:
    """``copy`` reproduces ``original``; ``kind`` is duplicate, syndicated, rewrite, excerpt, or shared-source
    (both reproduce an outside report: which of the two is ``original`` is then only the fuller text);
    ``reason`` says what decided the direction."""

    original: str
    copy: str
    kind: str
    similarity: float
    aligned: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    reason: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    # the sentences that name it, in any of its forms, each once
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str
    event: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Framing:
    article: str
    loaded_terms: tuple[str, ...]
    tone: float
    omits: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    # the text of each fact in ``omits``, in the same order
    omitted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation an article carries; ``speaker`` is None when the text does not say who."""

    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """Everything newsprism says about one story."""

    story: Story
    independent_sources: int
    summary: tuple[SummarySentence, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    provenance: tuple[CopyLink, ...]
    entities: tuple[Entity, ...]
    timeline: tuple[TimelineEvent, ...]
    framing: tuple[Framing, ...]


def to_data(value: Any) -> Any:
    """A record (or tuple of records) as JSON-ready lists and dicts, the inverse of :func:`from_data`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


def from_data(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a record class, ``tuple[X, ...]``, ``X | None``, a plain type)
    from what :func:`to_data` made of it.

    >>> link = CopyLink("a", "b", "rewrite", 0.9, (("x", "y"),))
    >>> from_data(tuple[CopyLink, ...], to_data((link,))) == (link,)
    True
    """
    if data is None:
        return None
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        return kind(**{name: from_data(hints[name], value) for name, value in data.items() if name in hints})
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in data)
        return tuple(from_data(a, v) for a, v in zip(args, data, strict=True))
    if origin in (types.UnionType, typing.Union):
        return from_data(next(a for a in args if a is not type(None)), data)
    return data


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
