"""Conflicts over where an event took place: "a visit to Vladivostok ... in September" in one article,
"their meeting in September at Russia's Vostochny cosmodrome" in another.

An event claim is an event word (visit, trip, meeting, talks, summit) with the place it went to or
happened at ("to X", "at X", "in X", X capitalised) and the month it is dated to, all within a few
words. Two articles whose claims name the same month (and year, where both give one) and one
person or thing besides the place, but two different places, disagree on the place, unless one
place is a region that may hold the other ("the Russian Far East"), or one article names the other's
place too (as an article placing a visit in Vladivostok names Russia).

>>> from newsprism.records import Article, Story
>>> a = "Kim invited Putin to his capital during a visit to Vladivostok, eastern Russia, in September."
>>> b = "This visit follows their meeting in September at Russia's Vostochny cosmodrome, Putin said."
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in place_conflicts(story, story.sentences())]
[('place of the visit in September', ['Vladivostok', 'Vostochny cosmodrome'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.dates import MONTH_RE, month_number
from .support import key_terms

EVENT = re.compile(r"\b(?P<event>visit|trip|meeting|summit|talks)\b", re.I)
# "to Vladivostok", "at Russia's Vostochny cosmodrome": the place right after a preposition, a leading
# possessive ("Russia's") being where the place is, not the place
PLACE = re.compile(
    r"\b(?:to|at|in)\s+(?:the\s+)?(?:(?P<owner>[A-Z][\w-]+)['’]s\s+)?"
    r"(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}(?:\s+(?:cosmodrome|airport|base|palace|square|stadium|port))?)"
)
MONTH = re.compile(rf"\b(?P<month>{MONTH_RE})(?:\s+(?P<year>(?:19|20)\d\d))?\b")
# Words within which the place and the month must follow the event word.
WINDOW_WORDS = 8
# A place holding one of these words is a region, which may hold a place another article names.
REGION_WORDS = frozenset(
    "east west north south eastern western northern southern central far region province state".split()
)
REASON = "one event, dated to one month, placed in two places"


@dataclass(frozen=True, slots=True)
class EventClaim:
    event: str
    place: str
    month: int
    year: int | None
    sentence: Sentence


def place_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    claims = [claim for sentence in sentences for claim in _claims(sentence)]
    texts = {a.id: a.text.lower() for a in story.articles}
    conflicts: dict[tuple[str, str], Conflict] = {}
    for a, b in combinations(claims, 2):
        if _disagree(a, b, texts):
            first, second = sorted((a, b), key=lambda c: c.place)
            when = f"{_month_name(first.month)}{f' {first.year}' if first.year else ''}"
            sides = tuple(
                ConflictSide(c.place, (c.sentence.article,), (Evidence(c.sentence.article, c.sentence.text),))
                for c in (first, second)
            )
            conflicts.setdefault(
                (first.place, second.place),
                Conflict("", f"place of the {first.event.lower()} in {when}", sides, kind="place", reasons=(REASON,)),
            )
    return list(conflicts.values())


def _claims(sentence: Sentence) -> list[EventClaim]:
    found = []
    for event in EVENT.finditer(sentence.text):
        after = sentence.text[event.end() :]
        reach = len(_words_after(sentence.text, event.end()))  # a place starting this close may run on
        month = MONTH.search(after[:reach])
        for place in PLACE.finditer(after):
            if place.start() > reach:
                break
            name = place["place"]
            if month and not MONTH.fullmatch(name) and not _region(name):
                year = int(month["year"]) if month["year"] else None
                found.append(EventClaim(event["event"], name, month_number(month["month"]), year, sentence))
    return found


def _disagree(a: EventClaim, b: EventClaim, texts: dict[str, str]) -> bool:
    article_a, article_b = a.sentence.article, b.sentence.article
    return (
        article_a != article_b
        and a.month == b.month
        and (a.year is None or b.year is None or a.year == b.year)
        and a.place.lower() != b.place.lower()
        and not _names_other(texts[article_a], b.place)
        and not _names_other(texts[article_b], a.place)
        and bool(_people(a) & _people(b))
    )


def _people(claim: EventClaim) -> set[str]:
    """Who or what the claim names besides its place and its month."""
    place = {w.lower() for w in claim.place.split()}
    terms = key_terms(claim.sentence.text)
    return {t for t in terms if not t.isdigit() and t not in place and not MONTH.fullmatch(t.capitalize())}


def _names_other(text: str, place: str) -> bool:
    return place.split()[0].lower() in text


def _region(name: str) -> bool:
    return bool(REGION_WORDS & set(name.lower().split()))


def _words_after(text: str, start: int) -> str:
    return " ".join(text[start:].split()[:WINDOW_WORDS])


def _month_name(number: int) -> str:
    return ("January February March April May June July August September October November December").split()[number - 1]
