"""Date expressions of one sentence, resolved against its article's publication date with attention to
tense, for :mod:`.timeline` (see there): "will travel on Tuesday" in an article of Monday 17 June 2024 is
18 June, "announced on Monday" the 17th; a year, a month or a day, as precise as the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Story
from ..text.dates import FULL_DATE, MONTH_RE, WEEKDAYS, match_to_date, month_number, published_date

MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"\b(?:in|since|of|by|from|until|year)\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
DAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "on June 2", and "Wednesday, November 21": a weekday naming the day of a date is that date
MONTH_DAY = re.compile(
    rf"\b(?:(?:on|by|from|until)\s+|{DAY_NAME},?\s+)(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?!\d|,?\s+(?:19|20)\d\d)"
)
MONTH_ONLY = re.compile(rf"\b(?:in|since|last|this|next|early|late|mid-)\s*(?P<month>{MONTH_RE})(?!\s+\d)\b")
WEEKDAY = re.compile(rf"\b(?:on|last|this|next|by|since|until)\s+(?P<day>{DAY_NAME})\b(?!,?\s+{MONTH_RE}\s+\d)")

# Dates relative to the publication day: "yesterday", "two days ago", "last month", "next year".
RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow)\b", re.I)
DAYS_AGO = re.compile(r"\b(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b", re.I)
RELATIVE_PERIOD = re.compile(r"\b(?P<side>last|next|this)\s+(?P<unit>month|year)\b", re.I)
DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
COUNT_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
FUTURE = re.compile(
    r"\b(?:will|would|shall)\b|\b(?:is|are)\s+(?:set|expected|scheduled|due|going|slated|poised|planning)\s+to\b"
    r"|\bplans?\s+to\b|\bnext\b|\bupcoming\b",
    re.I,
)
PAST = re.compile(
    r"\b(?:was|were|had|did|has|have|said|told|met|went|began|came|took|gave|made|held|left|saw|spoke|wrote)\b"
    r"|\b\w+ed\b|\blast\b(?!\s+\w+['’]s\b)|\bago\b",  # not "last week's talks", a noun's modifier
    re.I,
)
# Where a clause ends: a comma, semicolon, colon or dash, a quotation mark (a quote has its own tense),
# or "that" ("said on Sunday that troops would leave": Sunday is when it was said).
CLAUSE_END = re.compile(r"[,;:—–]\s|[“”\"]|\bthat\b")


def is_future(text: str) -> bool:
    """Whether a text tells what is ahead ("will", "is expected to") more than what happened."""
    future, past = len(FUTURE.findall(text)), len(PAST.findall(text))
    return future > 0 and future >= past


def is_future_at(text: str, position: int) -> bool:
    """The tense of the clause holding ``position``, or of the whole sentence when the clause shows none:
    in "“We will win,” he said in September" September is past, in "Putin will travel on Tuesday, the
    Kremlin announced on Monday" Tuesday is ahead and Monday behind."""
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, position)), default=0)
    end = next((m.start() for m in CLAUSE_END.finditer(text, position)), len(text))
    clause = text[start:end]
    if FUTURE.search(clause) or PAST.search(clause):
        return is_future(clause)
    return is_future(text)


def find_dates(text: str, published: date | None, nearest: bool = False) -> list[DateSpan]:
    """The date expressions of one sentence, each with where it stands and its ISO value, in text order."""
    found = _Found()
    _absolute_dates(found, text)
    if published:
        _calendar_dates(found, text, published, nearest)
        if not nearest:  # a day counted from a publication date known only roughly is no date
            _counted_days(found, text, published)
        for match in RELATIVE_PERIOD.finditer(text):
            found.add(match, _relative_period(published, match.group("side").lower(), match.group("unit").lower()))
    return sorted(found.spans, key=lambda found: found.start)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression of a sentence: its characters and its ISO value (a year, a month or a day)."""

    start: int
    end: int
    value: str


class _Found:
    """The dates found in one sentence; an expression starting inside one read already is part of it."""

    def __init__(self) -> None:
        self.spans: list[DateSpan] = []

    def add(self, match: re.Match[str], value: str | None) -> None:
        if value and not any(s.start <= match.start() < s.end for s in self.spans):
            self.spans.append(DateSpan(match.start(), match.end(), value))


def _absolute_dates(found: _Found, text: str) -> None:
    """Dates with a year: "June 19, 2024", "September 2023", "in 2000"."""
    for match in FULL_DATE.finditer(text):
        day = match_to_date(match)
        found.add(match, day.isoformat() if day else None)
    for match in MONTH_YEAR.finditer(text):
        found.add(match, f"{match.group('year')}-{month_number(match.group('month')):02d}")
    for match in YEAR.finditer(text):
        found.add(match, match.group("year"))


def _calendar_dates(found: _Found, text: str, published: date, nearest: bool) -> None:
    """Days, months and weekdays without a year, placed before or after the publication date by the
    tense of their clause (a weekday nearest to it when ``nearest``)."""
    for match in MONTH_DAY.finditer(text):
        month, day = month_number(match.group("month")), int(match.group("day"))
        found.add(match, _month_day(published, month, day, is_future_at(text, match.start())))
    for match in MONTH_ONLY.finditer(text):
        found.add(match, _month(published, month_number(match.group("month")), is_future_at(text, match.start())))
    for match in WEEKDAY.finditer(text):
        weekday = WEEKDAYS[match.group("day").lower()]
        future = None if nearest else is_future_at(text, match.start())
        found.add(match, _weekday(published, weekday, future).isoformat())


def _counted_days(found: _Found, text: str, published: date) -> None:
    """Days counted from the publication date: "yesterday", "two days ago"."""
    for match in RELATIVE_DAY.finditer(text):
        found.add(match, (published + timedelta(days=DAY_OFFSETS[match.group("word").lower()])).isoformat())
    for match in DAYS_AGO.finditer(text):
        count = match.group("count").lower()
        days = int(count) if count.isdigit() else COUNT_WORDS[count]
        found.add(match, (published - timedelta(days=days)).isoformat())


def _relative_period(published: date, side: str, unit: str) -> str:
    step = {"last": -1, "this": 0, "next": 1}[side]
    if unit == "year":
        return str(published.year + step)
    months = published.year * 12 + published.month - 1 + step
    return f"{months // 12}-{months % 12 + 1:02d}"


def _weekday(published: date, weekday: int, future: bool | None) -> date:
    ahead = published + timedelta(days=(weekday - published.weekday()) % 7)
    behind = published - timedelta(days=(published.weekday() - weekday) % 7)
    if future is None:
        return min((ahead, behind), key=lambda day: abs((day - published).days))
    return ahead if future else behind


def _month(published: date, month: int, future: bool) -> str:
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return f"{year}-{month:02d}"


def _month_day(published: date, month: int, day: int, future: bool) -> str | None:
    year = int(_month(published, month, future)[:4])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def reference_dates(story: Story) -> dict[str, tuple[date | None, bool]]:
    """The day each article's dates are read against, and whether it is not its own: without its own
    date, an article is read against the story's earliest (a weekday then the nearest to it)."""
    known = [d for a in story.articles if (d := published_date(a.published))]
    earliest = min(known) if known else None
    return {a.id: (own or earliest, own is None) for a in story.articles for own in [published_date(a.published)]}
