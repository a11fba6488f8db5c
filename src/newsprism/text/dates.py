"""Calendar helpers shared by extraction (publication dates, datelines) and the timeline."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
WEEKDAYS = {
    name: n for n, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
# "June 19, 2024" or "19 June 2024"
FULL_DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_RE}),?\s+(?P<y2>(?:19|20)\d\d))\b"
)
DATELINE = re.compile(rf"^\s*(?:[A-Z][\w.'’ -]{{1,40}},\s+)?(?P<date>{FULL_DATE.pattern})\s*(?:[—–-]|\(\w+\)\s*[—–-])")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def match_to_date(match: re.Match[str]) -> date | None:
    """Turn a :data:`FULL_DATE` match into a date, or None if the calendar has no such day."""
    month = match.group("m1") or match.group("m2")
    day = match.group("d1") or match.group("d2")
    year = match.group("y1") or match.group("y2")
    try:
        return date(int(year), month_number(month), int(day))
    except ValueError:
        return None


EPOCH = re.compile(r"\d{10}|\d{13}")


def parse_published(value: str | None) -> str | None:
    """Normalise a publication date from metadata to ISO 8601; None when it cannot be read.

    >>> parse_published("1394470370698"), parse_published("2024-06-19")
    ('2014-03-10T16:52:50.698000+00:00', '2024-06-19')
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if EPOCH.fullmatch(value):  # seconds or milliseconds since 1970, as feeds and data sets give them
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    if ISO_DATE.match(value):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed.isoformat() if len(value) > 10 else parsed.date().isoformat()
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    match = FULL_DATE.search(value)
    found = match_to_date(match) if match else None
    return found.isoformat() if found else None


def dateline_date(line: str) -> date | None:
    """The date of a dateline such as "Pyongyang, June 19, 2024 — ..." at the start of a paragraph."""
    match = DATELINE.match(line)
    found = FULL_DATE.search(match.group("date")) if match else None
    return match_to_date(found) if found else None


def published_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).date()
    except ValueError:
        return None
