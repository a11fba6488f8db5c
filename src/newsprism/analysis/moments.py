"""The days sentences are of, for :mod:`newsprism.analysis.conflicts`: two values of one quantity given
for different days ("Friday ... 666 points" against "Monday ... 1,175 points") are no conflict."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import combinations

from ..records import Sentence, Story
from ..text.dates import published_date
from .memo import MAX_ITEMS
from .timeline import resolve_dates

WEEKDAY_NAMES = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Dates this many days apart are one day: "today" or "Wednesday" is read against each article's publication
# date, and outlets a day apart (or in other time zones) date one event a day apart.
SAME_DAY = 1


def moments_of(story: Story, sentences: list[Sentence]) -> list[frozenset[str]]:
    """The days each sentence names: dates (weekdays resolved against its article's date) and weekday
    names as written. A sentence that names none is of the day the sentence before it in its article
    names ("... plunging Monday. After a volatile session, the Dow ended down 1,175 points.")."""
    published = {a.id: published_date(a.published) for a in story.articles}
    moments: list[frozenset[str]] = []
    named: dict[tuple[str, int], frozenset[str]] = {}
    for sentence in sentences:
        days = _days(sentence.text, published.get(sentence.article))
        named[(sentence.article, sentence.index)] = days
        moments.append(days or named.get((sentence.article, sentence.index - 1), frozenset()))
    return moments


@lru_cache(maxsize=MAX_ITEMS)  # read again when a story grows by one article
def _days(text: str, published: date | None) -> frozenset[str]:
    """The days a sentence names, read against its article's date: dates, and weekday names as written."""
    days = {d for d in resolve_dates(text, published) if len(d) == len("2024-06-19")}
    return frozenset(days | {f"weekday {w.lower()}" for w in WEEKDAY_NAMES.findall(text)})


def _different_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of days are both given, of one sort (dates, weekday names), and share none. Dates
    a day apart are one day: "today" or "Wednesday" is read against each article's publication date, and
    outlets a day apart (or in other time zones) date one event a day apart."""
    dates_a, dates_b = ({date.fromisoformat(d) for d in days if d[:1].isdigit()} for days in (a, b))
    if dates_a and dates_b and not any(abs((x - y).days) <= SAME_DAY for x in dates_a for y in dates_b):
        return True
    names_a, names_b = ({d for d in days if d.startswith("weekday")} for days in (a, b))
    return bool(names_a and names_b and not names_a & names_b)


def sides_share_a_moment(sides: list[list[int]], moments: list[frozenset[str]]) -> bool:
    """Whether two sides may be of one moment: not when their sentences name different days ("Friday ...
    666 points" against "Monday ... 1,175 points"), each side's days being all its sentences name."""
    days = [frozenset().union(*(moments[row] for row in side)) for side in sides]
    return any(not _different_days(a, b) for a, b in combinations(days, 2))
