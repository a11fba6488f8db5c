"""Typed values read from a sentence, each as an interval, for :mod:`newsprism.analysis.conflicts`.

Values are read as intervals that allow for rounding and hedges ("nearly", "about", "more than"):
time spans ("24 years", "nearly two decades", "six months", "since 2000" read against the
publication year), counts of a named thing ("12 people"), money ("£400m") and percentages, lengths,
areas and weights in SI units ("an 18-foot fence", "4.45 meters"), bare years, full dates and days of a
month. Numbers in a range or a part of a whole ("20 to 29", "three of the eight charges") and numbers
that place or name a thing ("the 3000 block of", "Flight 93") are not values of their own. A share or
an amount keeps what tells which quantity it is: "to" or "from" before it (a level, not a change) and,
for a share, what it is of ("a 4.75% stake").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from ..text.dates import FULL_DATE, MONTH_RE, match_to_date, month_number
from ..text.tokens import STOPWORDS, content_words
from ..validate import check_range
from .units import DETOUR, DIGIT, FIGURE, FROM_PLACE, UNIT, UNITS, unit_key

# fmt: off
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
}
# fmt: on
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
HEDGES = (
    r"nearly|almost|about|around|some|roughly|approximately|close to|more than|over|at least|less than|under|up to"
    r"|just over|just under|as many as|as much as|as large as|as high as"
)
# A hedge that is no preposition reaches over "a" ("up to a 4.75% stake", "more than a dozen people"); one
# that may be ("around a 65-acre park", "under a $5 million deal") does not.
OVER_A = "|".join(f"(?<={hedge} )" for hedge in ("up to", "more than", "less than", "nearly", "almost"))
HEDGE = rf"(?:(?P<hedge>(?i:{HEDGES}))\s+(?:(?i:{OVER_A})an?\s+)?)?"
# Digits with thousands separators or decimals, never swallowing the comma that ends a clause
# ("on June 21, according to"); number words in any case ("Three people").
NUMBER_TEXT = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(NUMBER_WORDS)})\b"
NUMBER = rf"(?P<num>{NUMBER_TEXT})"
SCALE = rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?"
# Not the tail of another token ("$12", "3.5", "A-1", "1/2", "#3", "one hundred and three") and not
# followed by one ("5%", "3:30").
TOKEN_START = r"(?<![\w$£€.,/:#-])"
NUMBER_START = rf"{TOKEN_START}(?<!hundred and )(?<!thousand and )"
NUMBER_END = r"(?![\w%/:-]|[.,]\d)"
# Two numbers joined as a range, a choice or a part of a whole ("20 to 29", "between 1,500 and 3,000",
# "two or three days", "three of the eight charges"): neither is a value to compare on its own.
RANGE = re.compile(
    rf"{NUMBER_START}(?!(?i:an?)\b)(?:{NUMBER_TEXT})(?:\s+(?:{'|'.join(SCALES)}))?"
    rf"\s*(?:-|–|\bto\b|\band\b|\bor\b|\bof(?:\s+the)?\b)\s*[$£€]?(?!(?i:an?)\b)(?:{NUMBER_TEXT})"
)
# Numbers that place or name something rather than count it: an address ("the 3000 block of", "the
# 300-block") and a number that ends a name ("Route 66", "Flight 370", "Room 12").
ADDRESS = re.compile(
    r"\b\d[\d,]*(?:\s+|-)blocks?\s+of\b|\b[Tt]he\s+\d[\d,]*(?:\s+|-)block\b"
    r"|\b(?:Route|Highway|Interstate|Flight|Room|Apt|Apartment|Suite|No\.|Number|Gate|Pier|Unit|Exit|Precinct|Ward"
    r"|Platform|Terminal)\s+\d[\w-]*"
)
SPAN_UNITS = {"year": 1, "decade": 10, "month": 1, "week": 1, "day": 1, "hour": 1, "minute": 1}
SPAN = re.compile(
    rf"\b{HEDGE}{NUMBER_START}{NUMBER}\s+(?P<unit>(?i:years?|decades?|months?|weeks?|days?|hours?|minutes?))\b(?!-|\s+old\b)"
)
TIME_WORDS = frozenset(f"{unit}{plural}" for unit in SPAN_UNITS for plural in ("", "s"))
SINCE = re.compile(r"\bsince\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# "a"/"an" count nothing here: "a about 900" must leave the hedge to "900". A count of other or more things
# ("four other states") has the role "other": another set than a plain count's (support.py reads it).
COUNT = re.compile(
    rf"\b{HEDGE}{NUMBER_START}(?!(?i:an?)\b){NUMBER}{SCALE}{NUMBER_END}\s+"
    r"(?:(?P<other>other|more|additional|extra)\s+)?(?P<unit>[a-z][a-z-]{2,})\b"
)
# Money also takes short scales ("£400m", "$1.5bn", "$3k") and may qualify a noun ("a $2,000-per-player
# stipend"), but a hyphen before another figure is a range ("$10-20").
SHORT_SCALES = {"k": "thousand", "m": "million", "bn": "billion", "tn": "trillion"}
MONEY = re.compile(
    rf"{HEDGE}(?P<currency>[$£€])\s?{NUMBER}(?:{SCALE}|(?P<short>bn|tn|m|k)\b)(?![\w%/:]|[.,]\d|-[\d$£€])"
)
PERCENT = re.compile(rf"\b{HEDGE}{NUMBER_START}{NUMBER}\s?(?:%|percent\b|per cent\b)")
# A figure with a unit of measure, as a noun or a hyphenated adjective ("4.45 meters", "an 18-foot fence",
# "a 197-foot-long ship"), not one end of a range ("5-6 feet"), a speed ("64 km/h") nor a square or cubic measure.
MEASURE = re.compile(
    rf"\b{HEDGE}{NUMBER_START}(?P<num>{FIGURE})(?:\s*|-)(?P<unit>(?i:{UNIT})|m|g)\b"
    r"(?:-(?:long|tall|high|wide|deep|thick))?(?![-–]\s*\d|/)(?!\s+(?:square|cubic)\b)"
)
# A measure converted from another unit and rounded is this share off ("1,000 feet" is 305 m, "300 m").
CONVERSION_SHARE = 0.02
# A measure given again in brackets in another unit: "56 nautical miles (103 kilometers)".
BRACKETED = re.compile(rf"\s*\(\s*(?:{HEDGE})?[~∼]?(?:{FIGURE})(?:\s*|-)(?:(?i:{UNIT})|m|g)\b[^()]*\)")
# Money first in brackets, or after another amount there, converts the amount before the brackets ("1bn
# yen ($8.3m, £5.6m)"): at the day's rate, which outlets take on different days.
# How far apart two outlets' conversions of one amount may be: exchange rates move this much over the
# months a story runs (1bn yen was $8.3m and $8.84m, mn-dev-168), a misread figure more.
CONVERSION_RATE = 0.2
CONVERTED = re.compile(r"\(\s*(?:(?:about|around|roughly|some)\s+)?(?:[$£€][^()]*,\s*)?$", re.I)
YEAR = re.compile(rf"{TOKEN_START}(?P<year>(?:19|20)\d\d){NUMBER_END}")
# Two years that RANGE joins as a run or a choice ("2003 to 2006", "1998-2001", "2003 or 2004").
YEAR_RUN = re.compile(
    rf"{TOKEN_START}(?P<first>(?:19|20)\d\d)\s*(?:-|–|\b(?:to|and|or)\b)\s*(?P<last>(?:19|20)\d\d){NUMBER_END}"
)
# "June 12" or "12 June" with no year after it (FULL_DATE reads the ones with a year).
DAY_MONTH = re.compile(
    rf"\b(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_RE}))(?!,?\s+(?:19|20)\d\d)(?!\w)"
)
# "to" or "from" just before an amount or a share makes it a level reached or left ("down to 80%", "up from
# $5"); without it, or after "by", it may be a change ("drained 20%", "fell by $5").
ROLE = re.compile(r"\b(?P<role>to|from)\s+$", re.I)
# A rate: an amount or a share for each stretch of time ("1% every 3-4 mins", "$15 an hour", "5% a year").
RATE = re.compile(
    r"\s+(?:every|per|each|a|an)\s+(?:[\w-]+\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?)\b",
    re.I,
)
# Before a time span, the period of a rate ("1% every three minutes").
PERIOD = re.compile(r"\b(?:every|per|each)\s+$", re.I)
# What a share is of: "of" and the words up to the first function word or punctuation ("of public shares").
SHARE_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|all|a|an)\s+)?(?P<words>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+(?:(?i:" + HEDGES + r")\s+)?$")
# Words after a number that do not name what is counted: time units (read as spans), measures and
# function words ("12 of them", "21, according to").
NOT_UNITS = {*(f"{unit}{plural}" for unit in SPAN_UNITS for plural in ("", "s")), "times", "percent", "per"}
NOT_UNITS |= {*SCALES, *NUMBER_WORDS, *STOPWORDS}
UP_TO = ("as many as", "as much as", "as large as", "as high as")  # "up to": any figure from nothing to it
# Hedges that bound a value on one side only ("more than 100" is any figure above it); NEARLY: "nearly 13
# hours" is within a tenth under 13, not the 11 hours another outlet gives.
AT_MOST, NEARLY = frozenset(("nearly", "almost", "just under", "less than", "under", "up to", *UP_TO)), 0.9
AT_LEAST = frozenset(("more than", "over", "at least", "just over"))
# Dates one day apart agree: a night-time event is dated by the time zone of the outlet ("Sunday,
# Feb. 26" at the Oscars, "February 27" in Europe).
DAY_ROUNDING = 0.5
# Leap year, so that every "February 29" read without a year has a day.
ANY_YEAR = 2000
# How many content words before a value name what it measures ("first visit … in 24 years").
CONTEXT_WORDS = 5
# Two values of one kind in sentences of one fact disagree only when the words either side of them (this
# many on each side) share a stem: "injuring 12 people" and "18 people were injured" do, while "killed
# four people" and "125 people had died" in a day's and a year's toll, or "its release in 2017" and
# "named CEO in 2018", do not. On the Multi-News stories' real outlets this left out 12 of 21 false
# conflicts and 2 of 6 true ones; copies keep every word, so the planted benchmark is unchanged.
WORDS_AROUND = 4
# Letters kept of a word to compare its stem ("injur" of "injuring", "injured").
STEM = 5


@dataclass(frozen=True, kw_only=True)
class ValuesConfig:
    """The tuned tolerances and word windows of reading values (:class:`ConflictsConfig` extends it)."""

    day_rounding: float = DAY_ROUNDING
    context_words: int = CONTEXT_WORDS
    words_around: int = WORDS_AROUND
    stem: int = STEM

    def __post_init__(self) -> None:
        check_range("day rounding", self.day_rounding, 0.0, 31.0)
        check_range("context words", self.context_words, 1, 50)
        check_range("words around", self.words_around, 1, 50)
        check_range("stem", self.stem, 1, 50)


DEFAULT = ValuesConfig()


@dataclass(frozen=True, slots=True)
class Mention:
    row: int
    kind: str
    surface: str
    low: float
    high: float
    context: frozenset[str]
    hedge: str = ""  # as written, lower case: "more than"
    value: float = 0.0  # the figure before any hedge or rounding
    around: frozenset[str] = frozenset()  # stems of the words either side: what the value is about
    role: str = ""  # "to"/"from" before it (a level, not a change), "per" (a rate), "other", "would" (value_of.py)
    thing: frozenset[str] = frozenset()  # of a share, stems of what it is a share of ("stake", "public shares")
    event: str = ""  # of a date or a time span, the verb it is of ("accused ... in 1991"), set by conflicts.py
    span: tuple[int, int] = (0, 0)  # where it stands in its sentence, a rate's period included


def read_mentions(row: int, text: str, reference_year: int | None, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """Typed values in one sentence, each as an interval; ``reference_year`` reads "since 2000"."""
    reader = SentenceReader(row, text, config)
    return [
        *_dates(reader),
        *_spans(reader),
        *_since(reader, reference_year),
        *_amounts(reader),
        *_years(reader),
        *_measures(reader),
        *_counts(reader),
    ]


class SentenceReader:
    """One sentence being read. Ranges are taken first, and every value read takes its span, so that a
    later pattern skips the values inside them."""

    def __init__(self, row: int, text: str, config: ValuesConfig) -> None:
        self.row, self.text, self.config = row, text, config
        self.taken: list[tuple[int, int]] = [m.span() for m in (*RANGE.finditer(text), *ADDRESS.finditer(text))]

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps no span read already; if so, it is taken now."""
        if any(start < b and a < end for a, b in self.taken):
            return False
        self.taken.append((start, end))
        return True

    def mention(self, kind: str, match: re.Match[str], value: float, rounding: float) -> Mention:
        hedge = (match.groupdict().get("hedge") or "").lower()
        low, high = interval(value, hedge, rounding)
        context, around = self.context(match.start()), self.around(match)
        return Mention(self.row, kind, match.group(0), low, high, context, hedge, value, around, span=match.span())

    def context(self, start: int) -> frozenset[str]:
        """The content words just before a value: what it measures."""
        return frozenset(content_words(self.text[:start])[-self.config.context_words :])

    def around(self, match: re.Match[str], skip: int = 0) -> frozenset[str]:
        return words_around(self.text, match.start(), match.end() + skip, self.config)


def words_around(
    text: str, start: int, end: int, config: ValuesConfig, lo: int = 0, hi: int | None = None
) -> frozenset[str]:
    """Stems of the content words either side of ``text[start:end]`` within ``text[lo:hi]``, numbers left
    out ("injuring", "injured"); a rate's period is in the value (skipped). Units of time say how long,
    not of what ("six times a week" and "three days a week" share no subject)."""
    before = [w for w in content_words(text[lo:start]) if not _numeric(w) and w not in TIME_WORDS]
    after = [w for w in content_words(text[end:hi]) if not _numeric(w) and w not in TIME_WORDS]
    before, after = before[-config.words_around :], after[: config.words_around]
    return frozenset(w[: config.stem] for w in before + after)


def number_value(text: str, scale: str | None = None) -> float | None:
    text = text.lower().replace(",", "")
    factor = SCALES.get((scale or "").lower(), 1.0)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] * factor
    try:
        return float(text) * factor
    except ValueError:
        return None


def interval(value: float, hedge: str, rounding: float) -> tuple[float, float]:
    if hedge in AT_MOST:
        return (0.0 if hedge in {"less than", "under", "up to", *UP_TO} else NEARLY * value, value)
    if hedge in AT_LEAST:
        return (value, math.inf if hedge != "just over" else 1.2 * value)
    if hedge:
        return (0.85 * value - rounding, 1.15 * value + rounding)
    return (value - rounding, value + rounding)


def _numeric(word: str) -> bool:
    return word in NUMBER_WORDS or word in SCALES or any(c.isdigit() for c in word)


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _dates(reader: SentenceReader) -> Iterator[Mention]:
    rounding = reader.config.day_rounding
    for match in FULL_DATE.finditer(reader.text):
        found = match_to_date(match)
        if found and reader.free(*match.span()):
            yield reader.mention("date", match, found.toordinal(), rounding)
    for match in DAY_MONTH.finditer(reader.text):
        month, day = match.group("m1") or match.group("m2"), int(match.group("d1") or match.group("d2"))
        if 1 <= day <= 31 and reader.free(*match.span()):
            try:
                ordinal = date(ANY_YEAR, month_number(month), day).timetuple().tm_yday
            except ValueError:  # "June 31"
                continue
            yield reader.mention("day of the month", match, ordinal, rounding)


def _spans(reader: SentenceReader) -> Iterator[Mention]:
    for match in SPAN.finditer(reader.text):
        value = number_value(match.group("num"))
        if value is None or PERIOD.search(reader.text[: match.start()]) or not reader.free(*match.span()):
            continue  # "every three minutes" is the period of a rate, not a time that passed
        unit = singular(match.group("unit").lower())
        if match.group("num").lower() in {"a", "an"} and unit != match.group("unit").lower():
            continue  # "a decades-long battle"
        amount = value * SPAN_UNITS[unit]
        kind = "time span" if unit in {"year", "decade"} else f"time span in {unit}s"
        mention = reader.mention(kind, match, amount, 1.0 if amount >= 5 else 0.5)
        if (left := ROLE.search(reader.text[: match.start()])) and left["role"].lower() == "from":
            mention = replace(mention, role="from")  # "cut her sentence from three years to one": a level left
        if rate := RATE.match(reader.text[match.end() :]):
            # a time for each stretch of time ("three hours a week"): a rate, and its period is its unit,
            # not what it is about (two groups' weekly hours share "week" and nothing else)
            span = (match.start(), match.end() + rate.end())
            mention = replace(mention, role="per", around=reader.around(match, rate.end()), span=span)
            reader.free(match.end(), match.end() + rate.end())
        yield mention


def _since(reader: SentenceReader, reference_year: int | None) -> Iterator[Mention]:
    """ "since 2000" as a time span of the years to ``reference_year``."""
    if not reference_year:
        return
    for match in SINCE.finditer(reader.text):
        years = reference_year - int(match.group("year"))
        if years > 0 and reader.free(*match.span()):
            surface = f"{match.group(0)} ({years} years)"
            context, around = reader.context(match.start()), reader.around(match)
            low, high, span = years - 1, years + 0.5, match.span()
            yield Mention(reader.row, "time span", surface, low, high, context, value=years, around=around, span=span)


def _amounts(reader: SentenceReader) -> Iterator[Mention]:
    # the patterns open on a hedge tried at every letter: searched only where a currency or percentage is
    for match in MONEY.finditer(reader.text) if any(sign in reader.text for sign in "$£€") else ():
        value = number_value(match.group("num"), match.group("scale") or SHORT_SCALES.get(match.group("short") or ""))
        converted = CONVERTED.search(reader.text[: match.start()])
        if value is not None and reader.free(*match.span()):
            # a conversion is at some day's rate: as sure as the rate, not as its digits
            rounding = CONVERSION_RATE * value if converted else 0.0
            yield _share(reader, match, reader.mention(f"amount in {match.group('currency')}", match, value, rounding))
    for match in PERCENT.finditer(reader.text) if "%" in reader.text or "per" in reader.text else ():
        value = number_value(match.group("num"))
        if value is not None and reader.free(*match.span()):
            yield _share(reader, match, reader.mention("percentage", match, value, 0.0))


def _share(reader: SentenceReader, match: re.Match[str], mention: Mention) -> Mention:
    """An amount or a share with its role (the "to" of "down to 80%", the "from" of "up from $5", "per" of
    "1% every 3 minutes") and, for a share, what it is of: the noun it qualifies after "a" ("a 4.75%
    stake") or the words of its "of" phrase ("10% of public shares")."""
    role = ROLE.search(reader.text[: match.start()])
    rate = RATE.match(reader.text[match.end() :])
    thing: list[str] = []
    if mention.kind == "percentage":
        after = reader.text[match.end() :]
        of = SHARE_OF.match(after)
        if of:
            thing = content_words(of["words"])
        elif ARTICLE_BEFORE.search(reader.text[: match.start("num")]):
            thing = content_words(after.split(maxsplit=1)[0]) if after.strip() else []
    stems = frozenset(w[: reader.config.stem] for w in thing if not _numeric(w))
    return replace(mention, role="per" if rate else role["role"].lower() if role else "", thing=stems)


def _years(reader: SentenceReader) -> Iterator[Mention]:
    """Years, and runs of years ("from 2003 to 2006") as one interval: a year in the run agrees with it
    ("In 2003 ... sent him to prison", "a second stint from 2003 to 2006"), but a run is no one year."""
    for run in YEAR_RUN.finditer(reader.text):  # a span RANGE has taken already
        if (low := float(run["first"])) < (high := float(run["last"])):
            yield replace(reader.mention("year", run, low, 0.0), high=high, role="run")
    for match in YEAR.finditer(reader.text):
        if reader.free(*match.span()):
            yield reader.mention("year", match, int(match.group("year")), 0.0)


def _measures(reader: SentenceReader) -> Iterator[Mention]:
    """Lengths, areas and weights in SI units, to the last written digit or a conversion's rounding,
    whichever is wider; durations are time spans. A conversion in brackets after a measure ("56
    nautical miles (103 kilometers)") is that measure again, not a value of its own. A distance from a
    named place ("90 miles north of Las Vegas") keeps the place as what it measures and allows for
    the route: one outlet's road distance is another's straight line."""
    for match in MEASURE.finditer(reader.text) if DIGIT.search(reader.text) else ():  # a measure is in figures
        dimension, factor = UNITS[unit_key(match.group("unit"))]
        figure = match.group("num").replace(",", "")
        digit = 0.5 * 10 ** -len(figure.partition(".")[2])
        rounding = max(digit, CONVERSION_SHARE * float(figure)) * factor
        if dimension == "duration" or not reader.free(*match.span()):
            continue
        after = reader.text[match.end() :]
        if conversion := BRACKETED.match(after):
            reader.free(match.end(), match.end() + conversion.end())
        mention = reader.mention(dimension, match, float(figure) * factor, rounding)
        place = FROM_PLACE.match(after)
        if dimension == "length" and place:
            low, high = mention.low / math.sqrt(DETOUR), mention.high * math.sqrt(DETOUR)
            mention = replace(mention, low=low, high=high, thing=frozenset(content_words(place["place"])))
        yield mention


def _counts(reader: SentenceReader) -> Iterator[Mention]:
    for match in COUNT.finditer(reader.text):
        unit = match.group("unit")
        value = number_value(match.group("num"), match.group("scale"))
        if unit in NOT_UNITS or value is None or ("." in match.group("num") and not match.group("scale")):
            continue  # not a thing counted, or not a count ("31.6 live with a partner")
        if reader.free(match.start("num"), match.end("unit")):
            mention = reader.mention(f"number of {singular(unit)}", match, value, 0.0)
            yield replace(mention, role="other" if match["other"] else "")
