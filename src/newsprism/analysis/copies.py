"""Exact copies analysed once: a story's articles that no analyser can tell apart become one article
for the analysers, and what that article is credited with is then credited to each of its copies.

A wire report republished word for word by 29 outlets is one report told 29 times. The analysers that
compare sentences with each other (facts, conflicts, the summary) cost the square of a story's
sentences, so 29 copies of six reports cost some 800 times what the six cost (8,584 sentences where
~300 are distinct), and tell nothing more: every copy says what its original says. Here such a story is
analysed as the story of its distinct articles (:func:`exact_copies`), and the results are expanded
(:func:`expand`): every copy is credited wherever the article standing for it is (sources of a fact,
of a conflict's side, of a summary sentence, of a timeline event, of an entity; evidence and
mentions; a framing of its own). Provenance still compares all articles (it is what reports the
copies), and copies still count once in every measure of breadth, as the copy groups made them count.

An exact copy is an exact duplicate in the deduplicate stage's sense (:func:`newsprism.dedup.text_fingerprint`,
the same words) whose sentences are also the same, character for character (the evidence quoted for the
copy is then its own text), under the same headline, on the same day and in the same language: all an
analyser reads of an article besides its id (dates are read by day, through ``published_date``). The
outlet is not read by the analysers except to name the sources of a disputed value in the summary,
which then names the outlet of the first copy only (the sources it cites are all of them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..dedup import text_fingerprint
from ..records import Article, Story
from ..text.dates import published_date

# The version of the crediting, part of a story's analysis key when it holds copies (:mod:`.runner`).
VERSION = "1"
# Fields of the analysis records that list articles by id; a record with an ``article`` field (a
# framing, a piece of evidence) is about that one article.
ID_LISTS = ("sources", "disputed_by")
ARTICLE = "article"


@dataclass(frozen=True)
class Copies:
    """A story, the story of its distinct articles (the first of each group of exact copies, in the
    story's order) and each of those articles' copies (itself first)."""

    story: Story
    distinct: Story
    members: dict[str, tuple[str, ...]]
    position: dict[str, int]

    @property
    def any(self) -> bool:
        return len(self.distinct.articles) < len(self.story.articles)

    def expand(self, value: Any) -> Any:
        """``value`` (an analysis record, or a tuple of them) with every copy credited wherever its first
        copy is: in the order the analyser gave, where that was the story's order the copies take their
        places in it, else each stands after its first copy."""
        return _expand(value, self) if self.any else value


def exact_copies(story: Story) -> Copies:
    """The story's groups of exact copies."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    first: dict[str, Article] = {}
    for article in story.articles:
        held = groups.setdefault(_key(article), [])
        if not held:
            first[article.id] = article
        held.append(article.id)
    members = {held[0]: tuple(held) for held in groups.values()}
    distinct = story if len(first) == len(story.articles) else Story(story.id, tuple(first.values()))
    return Copies(story, distinct, members, {a.id: n for n, a in enumerate(story.articles)})


def _key(article: Article) -> tuple[Any, ...]:
    """All an analyser reads of an article besides its id."""
    return (
        text_fingerprint(article.text),
        article.text,
        article.sentences,
        article.title,
        published_date(article.published),
        article.language,
    )


def _expand(value: Any, copies: Copies) -> Any:
    if isinstance(value, tuple):
        if value and all(dataclasses.is_dataclass(v) and hasattr(v, ARTICLE) for v in value):
            return _in_order(value, [getattr(v, ARTICLE) for v in value], copies, _each_copy)
        return tuple(_expand(v, copies) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            held = getattr(value, f.name)
            if f.name in ID_LISTS:
                changes[f.name] = _in_order(held, list(held), copies, lambda a, c: c.members.get(a, (a,)))
            elif isinstance(held, tuple):
                changes[f.name] = _expand(held, copies)
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _each_copy(record: Any, copies: Copies) -> tuple[Any, ...]:
    """The record about one article, once for it and once for each of its copies."""
    record = _expand(record, copies)
    article = getattr(record, ARTICLE)
    return tuple(dataclasses.replace(record, **{ARTICLE: a}) for a in copies.members.get(article, (article,)))


def _in_order(
    items: tuple[Any, ...], articles: list[str], copies: Copies, each: Callable[[Any, Copies], tuple[Any, ...]]
) -> tuple[Any, ...]:
    """Each item replaced by its expansion; sorted by the story's order (stably) when the items were in it."""
    places = [copies.position.get(a, -1) for a in articles]
    expanded = [new for item in items for new in each(item, copies)]
    if all(a <= b for a, b in pairwise(places)):
        return tuple(sorted(expanded, key=lambda new: copies.position.get(_article(new), -1)))
    return tuple(expanded)


def _article(item: Any) -> str:
    return item if isinstance(item, str) else getattr(item, ARTICLE)
