"""The days sentences are of, for :mod:`newsprism.analysis.conflicts`: two values of one quantity given
for different days ("Friday ... 666 points" against "Monday ... 1,175 points") are no conflict."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

from ..records import Sentence, Story
from ..text.dates import published_date
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
        days = {d for d in resolve_dates(sentence.text, published.get(sentence.article)) if len(d) == len("2024-06-19")}
        days |= {f"weekday {w.lower()}" for w in WEEKDAY_NAMES.findall(sentence.text)}
        named[(sentence.article, sentence.index)] = frozenset(days)
        moments.append(frozenset(days) or named.get((sentence.article, sentence.index - 1), frozenset()))
    return moments


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
