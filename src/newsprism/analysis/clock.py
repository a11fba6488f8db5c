"""Times of day read from a sentence, as values for :mod:`newsprism.analysis.conflicts`: "The accident
happened at about 11:45 a.m." in one article, "headed out with her mother around 10:30 a.m. ... when
tragedy struck" in another.

A time is read only with "a.m." or "p.m." (a bare "7:30" may be a score or a ratio), as minutes after
midnight, and as an interval: outlets round a time and take it from different sources (the call, the
first officers' arrival), so a time as written stands for the quarter of an hour either side and a
hedged one ("about", "around", "shortly before") for the half hour. Times that only bound another
("after 4:30 p.m.", "until 6 p.m.") and both ends of a run ("between 1 p.m. and 5 p.m.") are left out.
A time zone ("10:33am PDT", "6:30 a.m. local time") is kept as the time's role, so that only times of
one zone are compared, and a time given again in brackets ("2:20 a.m. (1720 GMT Friday)") is that
time converted, not a time of its own.

>>> [(m.surface, m.low, m.high) for m in read_times(0, "It began at about 7 p.m. and ended at 9:40 p.m.")]
[('about 7 p.m.', 1110.0, 1170.0), ('9:40 p.m.', 1285.0, 1315.0)]
>>> read_times(0, "Flights after 4:30 p.m. and between 1 p.m. and 5 p.m. were cancelled.")
[]
>>> [m.role for m in read_times(0, "They set off shortly before 6:30 a.m. local time (2:30 p.m. ET).")]
['local time']
"""

from __future__ import annotations

import re

from ..text.tokens import content_words
from .values import DEFAULT, Mention, ValuesConfig, words_around

# How far either side of a time as written the moment it names may be, in minutes; a hedged time's
# reach is wider. Tuned on the 250 Multi-News dev stories: outlets a few minutes apart ("7:15 p.m.",
# "7:23 p.m.") tell of the call and of the arrival, not of two times for one moment.
EXACT_MINUTES = 15
HEDGED_MINUTES = 30
ZONE = (
    r"(?i:local\s+time)|(?-i:(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?"
    r"|[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|KST|IST|AEST|AEDT)"
)
TIME = r"(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
CLOCK = re.compile(
    r"(?<![\w:$.,-])(?:(?P<hedge>about|around|approximately|roughly|shortly\s+(?:before|after)"
    rf"|just\s+(?:before|after)|soon\s+after)\s+)?{TIME}(?:\s+(?P<zone>{ZONE})\b)?",
    re.I,
)
# A time that only bounds the moment ("after 4:30 p.m."), or begins or ends a run of time.
BOUND = re.compile(r"\b(?:before|after|by|until|till|through|from|since|between|and|to)\s+$", re.I)
RUN_END = re.compile(rf"^\s*(?:-|–|to|and|until|till)\s+{TIME}", re.I)
# Kinds a time of day falls under in conflicts and in the citation check.
KIND = "time of day"


def read_times(row: int, text: str, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The times of day of one sentence, each as an interval in minutes after midnight."""
    found = []
    for match in CLOCK.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        before, after = text[: match.start()], text[match.end() :]
        if not 1 <= hour <= 12 or BOUND.search(before) or RUN_END.match(after) or _converted(before):
            continue
        value = float((hour % 12 + (12 if match["half"].lower() == "p" else 0)) * 60 + minute)
        hedge = re.sub(r"\s+", " ", (match["hedge"] or "").lower())
        low, high = _interval(value, hedge)
        zone = re.sub(r"\s+", " ", match["zone"] or "")
        context = frozenset(content_words(before)[-config.context_words :])
        around = words_around(text, match.start(), match.end(), config)
        surface = match.group(0).strip()
        found.append(
            Mention(row, KIND, surface, low, high, context, hedge, value, around, role=zone, span=match.span())
        )
    return found


def _interval(value: float, hedge: str) -> tuple[float, float]:
    if hedge.endswith("before"):
        return value - HEDGED_MINUTES, value
    if hedge.endswith("after"):
        return value, value + HEDGED_MINUTES
    reach = HEDGED_MINUTES if hedge else EXACT_MINUTES
    return value - reach, value + reach


def _converted(before: str) -> bool:
    """Whether a time stands in brackets right after another time: that time in another zone."""
    opened = before.rfind("(")
    return opened > before.rfind(")") and bool(CLOCK.search(before[max(0, opened - 40) : opened]))
