"""Which of two linked articles derives from the other, and the evidence that says so.

Once provenance has found that two articles carry one text (or one text reworded), the direction is
decided by the strongest evidence at hand, in this order:

1. publication time: the earlier article is the original;
2. credit: the copy credits an outlet ("according to news station WKMG", "WKMG reported") that the
   other article names as itself (its outlet, or a copyright line: "Copyright 2017 by WKMG");
3. wire copy: two reprints of one body that both carry the same agency credit ("(AP)") are
   ``shared-source``: both reproduce the agency's copy, neither took it from the other;
4. details (rewrites): in the aligned sentences, a rewrite drops details of its original and adds
   none of its own. When each side's aligned sentences hold names or numbers that the other article
   lacks altogether, neither can be the other's source: both rewrite an outside report
   (``shared-source``). When only one side holds such details, it is the original;
5. otherwise, the fuller text is the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Article
from ..text.tokens import without_possessive
from .memo import MAX_ARTICLES

# News agencies whose credit marks wire copy: "(AP)", "Reuters", "Agence France-Presse".
WIRE_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|UPI|dpa|DPA|Xinhua|PA|CP|ANSA|EFE|Bloomberg)\)|"
    r"\b(?:Associated Press|Reuters|Agence France-Presse|United Press International|Press Association)\b"
)
_NAME = r"[A-Z0-9][\w&'’-]*(?: [A-Z0-9][\w&'’-]*){0,3}"
# Phrases by which a report credits the outlet it took its facts from.
CREDIT = re.compile(
    r"\b(?:according to|reported by|first reported by|via|[Ss]ource:)\s+(?:the\s+)?"
    r"(?:(?:news\s+)?(?:station|network|newspaper|outlet|site|channel|affiliate)\s+)?(?P<after>" + _NAME + r")"
    r"|(?P<before>" + _NAME + r")\s+(?:first\s+)?(?:reported|reports)\b"
)
# Lines in which a page names its own outlet: a short copyright line, not a report about copyright.
SELF_NAMED = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.I)
SELF_NAMED_WORDS = 20
# A dateline opening a report ("VELDHAVEN, March 4, 2025 —", "KATHMANDU, Nepal (AP) —"): where and
# when it was filed, not a detail of the report.
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]+(?:, [\w.'’ ]+){0,3}?(?: \([\w ]+\))?\s*[—–-]{1,2}\s")
# A specific detail: a number, or a capitalised word that does not open its sentence.
DETAIL = re.compile(r"(?<![\w.])(?:\d[\d,.:]*\d|\d|[A-Z][\w'’-]+)")
_WORD = re.compile(r"[\w'’-]+")
# Each side must hold at least this many details of its own for a pair to be called rewrites of an
# outside report: one odd word (a nickname, a day) is not enough. Set on the seed story (002 and 004
# rewrite one wire report: each keeps names the other lacks) and the planted rewrites of
# bench/bench_provenance.py.
MIN_OWN_DETAILS = 2


@dataclass(frozen=True)
class Direction:
    original: Article
    copy: Article
    shared_source: bool
    reason: str


def orient(a: Article, b: Article, kind: str, aligned: tuple[tuple[str, str], ...]) -> Direction:
    """The direction of a link between ``a`` and ``b``; ``aligned`` pairs a sentence of ``a`` with one of ``b``."""
    if a.published and b.published and not (a.published.startswith(b.published) or b.published.startswith(a.published)):
        first, second = (a, b) if a.published < b.published else (b, a)
        return Direction(first, second, False, f"published earlier ({first.published} before {second.published})")
    for source, taker in ((a, b), (b, a)):
        if name := _credited(taker, source):
            return Direction(source, taker, False, f"the copy credits {name}, the original's outlet")
    fuller, other = (a, b) if (word_count(a), b.id) >= (word_count(b), a.id) else (b, a)
    if kind != "rewrite":
        agency = _wire(a) & _wire(b)
        if agency:
            name = sorted(agency)[0]
            return Direction(fuller, other, True, f"both carry the same wire copy ({name})")
        return Direction(fuller, other, False, "the fuller text")
    outlets = {word.lower() for article in (a, b) for word in (article.outlet or "").split()}
    # the outlets' own names are not details of the report
    own_a = {d for d in _own_details([s for s, _ in aligned], b) if d.lower() not in outlets}
    own_b = {d for d in _own_details([s for _, s in aligned], a) if d.lower() not in outlets}
    if min(len(own_a), len(own_b)) >= MIN_OWN_DETAILS:
        return Direction(
            fuller,
            other,
            True,
            f"both rewrite an outside report: each keeps details the other lacks "
            f"({', '.join(sorted(own_a if fuller is a else own_b)[:3])} / "
            f"{', '.join(sorted(own_b if fuller is a else own_a)[:3])})",
        )
    if len(own_a) != len(own_b):
        source, taker, kept = (a, b, own_a) if len(own_a) > len(own_b) else (b, a, own_b)
        return Direction(
            source, taker, False, f"the copy drops details of the original ({', '.join(sorted(kept)[:3])})"
        )
    return Direction(fuller, other, False, "the fuller text")


def _credited(taker: Article, source: Article) -> str | None:
    """A name ``taker`` credits that ``source`` gives as its own outlet, unless ``source`` credits it too."""
    own = _self_names(source)
    if not own:
        return None
    credited = _credits(taker.text) - _credits(source.text)
    return next((name for name in sorted(credited) if any(name in line for line in own)), None)


# The text-bound readings below are cached by text: a story's exact copies (one wire report under many
# outlets) are oriented against every article they are linked to, and read the same text each time. The
# cache holds the texts themselves (the articles' own strings), as many as the analysis memos do.
TEXTS_CACHED = MAX_ARTICLES


def word_count(article: Article) -> int:
    """``article.words``, counted once for each text."""
    return _word_count(article.text)


@lru_cache(maxsize=TEXTS_CACHED)
def _word_count(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=TEXTS_CACHED)
def _credits(text: str) -> frozenset[str]:
    names: set[str] = set()
    for match in CREDIT.finditer(text):
        name = match.group("after") or match.group("before")
        names.update(word for word in name.split() if len(word) > 2 and (word.isupper() or word[0].isdigit()))
        names.add(name)
    return frozenset(names)


def _self_names(article: Article) -> list[str]:
    return [*_self_lines(article.text, article.removed), *(name for name in (article.outlet,) if name)]


@lru_cache(maxsize=TEXTS_CACHED)
def _self_lines(text: str, removed: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        line
        for line in (*text.splitlines(), *removed)
        if SELF_NAMED.search(line) and len(line.split()) <= SELF_NAMED_WORDS
    )


def _wire(article: Article) -> frozenset[str]:
    return _wire_text(article.text)


@lru_cache(maxsize=TEXTS_CACHED)
def _wire_text(text: str) -> frozenset[str]:
    return frozenset(m.group(0).strip("()") for m in WIRE_CREDIT.finditer(text))


def _own_details(sentences: list[str], other: Article) -> frozenset[str]:
    """Details of ``sentences`` that appear nowhere in ``other``."""
    return _details_missing(tuple(sentences), other.text)


@lru_cache(maxsize=TEXTS_CACHED)
def _details_missing(sentences: tuple[str, ...], other: str) -> frozenset[str]:
    text = other.lower()
    found: set[str] = set()
    for sentence in (DATELINE.sub("", line) for line in sentences):
        opening = _WORD.search(sentence)
        for detail in DETAIL.findall(sentence):
            if opening and opening.start() == sentence.find(detail):
                continue
            if not re.search(r"(?<![\w])" + re.escape(without_possessive(detail.lower())) + r"(?![\w])", text):
                found.add(detail)
    return frozenset(found)
