"""Conflicts over measured quantities outside shared facts: a length, a weight, a running time, a price.

Sentences that give one quantity need not be rewordings of each other ("The 18.6-pound tablet is big"
against "It weighs 17 pounds"), so the fact groups that :mod:`newsprism.analysis.conflicts` compares
within miss them. Here measures are read with their unit, written as a noun or as a hyphenated adjective
("8,027-meter mountain"), with a conversion in parentheses left to the first figure, compound durations
("1 hour, 30 minutes") and unit abbreviations ("91 MIN."), and compared in SI units. Two measures of
different articles are taken for one quantity when:

- they fill the same labelled field ("Running time: ..."): confident;
- they are within ``near_share`` of each other (a figure given twice, converted or re-measured: a
  coincidence between two different things of one story is rare at that closeness): fairly confident;
- they are the only weight each article gives, within ``single_share`` of each other: a
  possible difference only;
- they are the only price each article gives after one price phrase ("starts at $1,299" against "will
  start at $999"): a possible difference only;
- they are the only measure of their dimension each article gives at one place, found there in the past
  ("the city of Madison got 15.2 inches" against "In Madison, more than 19 inches of snow fell", read by
  :mod:`.measure_places`), on no two different weekdays or years: a possible difference only;
- they are the only duration each article gives of one thing, the noun the duration is written on ("her
  nearly 13-hour filibuster" against "her June filibuster – 11 hours of talk"): a possible difference only.

They conflict when their intervals (the written precision: "8,000 m" is a round figure, "8,027 m" is
not; hedges as :mod:`values` reads them) do not overlap. Ranges ("from 2 m to 15 m") are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..validate import check_range
from .measure_places import place_of
from .memo import MAX_ITEMS, at_row
from .moments import WEEKDAY_NAMES
from .units import DIGIT, FIGURE, UNIT, UNITS, half_step, unit_key
from .values import HEDGES, MONEY, YEAR, interval

# "~" and "∼" are hedges too in scientific writing ("∼50 km").
HEDGE = rf"(?:(?P<hedge>(?i:{HEDGES})|[~∼])\s*)?"
MEASURE = re.compile(
    rf"{HEDGE}(?<![\w$£€.,/:#-])(?P<num>{FIGURE})(?:\s*|-)(?P<unit>(?i:{UNIT})|m|g)\b(?![-–]\s*\d)(?!\s+(?:square|cubic)\b)"
)
# "between 2 meters (6.5 ft) and 16 meters (52 ft)", "from 2m to 15m": a range, read as its upper end
# with its lower end beside it.
RANGE_MEASURE = re.compile(
    rf"\b(?:between|from|ranged?\s+from)\s+(?P<start>{FIGURE})\s*-?(?P<start_unit>(?i:{UNIT})|m|g)?\b(?:\s*\([^()]*\))?"
    rf"\s+(?:and|to)\s+(?P<num>{FIGURE})\s*-?(?P<unit>(?i:{UNIT})|m|g)\b(?:\s*\([^()]*\))?"
)
# "1 hour, 30 minutes", "2 hrs 5 mins": one duration.
COMPOUND = re.compile(
    rf"{HEDGE}(?P<hours>\d+)\s*(?i:hours?|hrs?),?\s*(?:and\s+)?(?P<minutes>\d+)\s*(?i:minutes?|mins?)\b"
)
# A figure that ends or starts a range or a choice is not a value of its own ("from 2m to 15m").
RANGE_BEFORE = re.compile(
    r"(?:\b(?:between|from)|\d\s*(?:\w+\s*)?(?:\([^()]*\)\s*)?(?:-|–|\bto\b|\band\b|\bor\b))\s*$", re.I
)
RANGE_AFTER = re.compile(r"^\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*(?:[~∼]?\d|an?\s|one\s)", re.I)
CONVERSION = re.compile(r"^\s*\(\s*[~∼]?(?:{FIGURE})(?:\s*|-)[a-zA-Z]+\.?\s*\)".replace("{FIGURE}", FIGURE))
# A field label just before the value ("Running time: 91 MIN.").
LABEL = re.compile(r"(?:^|[.;]\s+)(?P<label>[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,2}):\s*$")
# A line that is a labelled field and nothing more: "Running time: 1 hour, 30 minutes".
FIELD_LINE = re.compile(r"^[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,2}:\s*\S[^.!?]*$")
# Phrases that say a figure is a price, and which: a starting price or a price.
PRICE_CUES = (
    ("starting price", re.compile(r"\b(?:starts?|started|starting|start)\s+(?:at|from)\s+(?:just\s+|only\s+)?$", re.I)),
    (
        "price",
        re.compile(
            r"\b(?:(?:is|are|was|were)\s+)?(?:priced\s+at|retails?\s+for|sells?\s+for|costs?)\s+(?:just\s+|only\s+)?$",
            re.I,
        ),
    ),
)
# Dimensions where the only figure each article gives is likely of the story's one object: a weight.
# Not a length: news gives distances of many things ("30 miles southwest of Boston", "2 miles offshore").
SINGLE_DIMENSIONS = frozenset(("weight",))
# A duration written on the noun it measures: as its adjective ("a 13-hour filibuster", the noun after), or
# set off after the noun ("the filibuster – 11 hours", "a filibuster lasting 11 hours", the noun before).
THING_AFTER = re.compile(r"^\s+(?P<thing>[A-Za-z]{3,})\b")
THING_BEFORE = re.compile(r"\b(?P<thing>[A-Za-z]{3,})\s*(?:[-–—]|,?\s+(?:lasting|which\s+lasted|that\s+lasted))\s*$")
# Nouns that a duration is written on without naming a thing of the story: a unit or a stretch of time
# ("a 12-hour day", "a 24-hour period") and words that are not nouns ("for 3 hours – and").
NOT_THINGS = frozenset(
    "day days night nights week weeks month months year years period periods span stretch window time times "
    "hour hours minute minutes and but or the then with for after before from".split()
)
# Dimensions a place is read for: what was found there ("15.2 inches" of snow, "a 3-pound tumour").
PLACED_DIMENSIONS = frozenset(("length", "area", "weight"))
# Two figures of one dimension this close (share of the larger) are one quantity: the Multi-News
# stories' near figures were one mountain's height in metres and in feet (0.2% apart); two heights of
# one climb (base camp and bodies, 3.4% apart) were not.
NEAR_SHARE = 0.02
# The only weights of two articles this close are possibly one quantity.
SINGLE_SHARE = 0.15
# Prices are exact to the cent written or not.
CENT = 0.005
LABEL_CONFIDENCE = 0.8
NEAR_CONFIDENCE = 0.7
SINGLE_CONFIDENCE = 0.5
RANGE_CONFIDENCE = 0.6


@dataclass(frozen=True, kw_only=True)
class MeasuresConfig:
    """How close two figures must be to be taken for one quantity (:class:`ConflictsConfig` extends it)."""

    near_share: float = NEAR_SHARE
    single_share: float = SINGLE_SHARE

    def __post_init__(self) -> None:
        check_range("near share", self.near_share, 0.0, 1.0)
        check_range("single share", self.single_share, 0.0, 1.0)


DEFAULT = MeasuresConfig()


@dataclass(frozen=True, slots=True)
class Measure:
    row: int
    dimension: str  # length, weight, duration, or "amount in $" and the like for prices
    surface: str
    low: float
    high: float
    value: float
    label: str = ""  # the field it fills: "running time", "starting price"
    start: tuple[float, float] | None = None  # of a range, the interval of its lower end
    place: str = ""  # the proper noun that places it, lower case ("madison"): see measure_places.py
    days: frozenset[str] = frozenset()  # of a placed measure, the weekdays and years its sentence names
    thing: str = ""  # of a duration, the noun it is written on, lower case ("filibuster"): see _thing


def read_measures(row: int, text: str) -> list[Measure]:
    """The measures and prices of one sentence, in SI units (prices as written)."""
    return at_row(_measures(text), row)


@lru_cache(maxsize=MAX_ITEMS)  # read again when a story grows by one article
def _measures(text: str) -> tuple[Measure, ...]:
    return tuple(_read_measures(0, text))


def _read_measures(row: int, text: str) -> list[Measure]:
    if not DIGIT.search(text):  # each is read from figures: most sentences have none, and are not searched
        return []
    found: list[Measure] = []
    taken: list[tuple[int, int]] = []
    for match in COMPOUND.finditer(text):
        value = (int(match["hours"]) * 60 + int(match["minutes"])) * 60.0
        found.append(_measure(row, text, match, "duration", value, 30.0))
        taken.append(match.span())
    for match in RANGE_MEASURE.finditer(text):
        found.append(_range(row, text, match))
        taken.append(match.span())
    for match in MEASURE.finditer(text):
        start, end = match.span()
        if conversion := CONVERSION.match(text[end:]):
            taken.append((end, end + conversion.end()))
        if any(a < end and start < b for a, b in taken) or _in_range(text, match):
            continue
        dimension, factor = UNITS[unit_key(match["unit"])]
        figure = match["num"].replace(",", "")
        measure = _measure(row, text, match, dimension, float(figure) * factor, half_step(figure) * factor)
        if dimension in PLACED_DIMENSIONS:
            days = frozenset(WEEKDAY_NAMES.findall(text)) | frozenset(y["year"] for y in YEAR.finditer(text))
            measure = replace(measure, place=place_of(text, match.start("num"), match.end("unit")), days=days)
        if dimension == "duration":
            measure = replace(measure, thing=_thing(text, match))
        found.append(measure)
        taken.append(match.span())
    found += _prices(row, text)
    return found


def _thing(text: str, match: re.Match[str]) -> str:
    """The noun a duration is written on: after it when hyphenated ("13-hour filibuster"), else before
    it when set off by a dash or "lasting" ("filibuster – 11 hours"); "" when neither."""
    hyphenated = text[match.end("num") : match.start("unit")] == "-"
    found = THING_AFTER.match(text[match.end() :]) if hyphenated else THING_BEFORE.search(text[: match.start()])
    thing = found["thing"].lower() if found else ""
    return "" if thing in NOT_THINGS else thing


def _range(row: int, text: str, match: re.Match[str]) -> Measure:
    dimension, factor = UNITS[unit_key(match["unit"])]
    start_factor = UNITS[unit_key(match["start_unit"])][1] if match["start_unit"] else factor
    start, end = (match[name].replace(",", "") for name in ("start", "num"))
    first = float(start) * start_factor, half_step(start) * start_factor
    measure = _measure(row, text, match, f"range of {dimension}", float(end) * factor, half_step(end) * factor)
    return replace(measure, start=(first[0] - first[1], first[0] + first[1]))


def _prices(row: int, text: str) -> Iterator[Measure]:
    for match in MONEY.finditer(text):
        before = text[: match.start()]
        cue = next((name for name, pattern in PRICE_CUES if pattern.search(before)), None)
        if cue and not match["scale"] and not match["short"]:
            figure = match["num"].replace(",", "")
            if figure.replace(".", "").isdigit():
                measure = _measure(row, text, match, f"amount in {match['currency']}", float(figure), CENT)
                yield replace(measure, label=cue)


def _measure(row: int, text: str, match: re.Match[str], dimension: str, value: float, rounding: float) -> Measure:
    low, high = interval(value, (match.groupdict().get("hedge") or "").lower().replace("∼", "~"), rounding)
    label = LABEL.search(text[: match.start()])
    return Measure(row, dimension, match.group(0).strip(), low, high, value, label["label"].lower() if label else "")


def _in_range(text: str, match: re.Match[str]) -> bool:
    return bool(RANGE_BEFORE.search(text[: match.start()]) or RANGE_AFTER.match(text[match.end() :]))


def _agree(a: Measure, b: Measure) -> bool:
    """Whether two measures' intervals overlap; touching ends do not ("91 min" and "90 min" differ)."""
    return a.low < b.high and b.low < a.high


def _share(a: Measure, b: Measure) -> float:
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-9)


def field_lines(story: Story) -> list[Sentence]:
    """Lines of the articles that fill a labelled field ("Running time: 1 hour, 30 minutes") without
    ending as a sentence does, so that they are not among the articles' sentences."""
    found = []
    for article in story.articles:
        known = set(article.sentences)
        lines = (line.strip() for line in article.text.splitlines())
        found += [Sentence(article.id, -1, line) for line in lines if FIELD_LINE.match(line) and line not in known]
    return found


def measure_conflicts(
    sentences: list[Sentence], config: MeasuresConfig = DEFAULT, fields: list[Sentence] | None = None
) -> list[Conflict]:
    """Measures of different articles taken for one quantity that disagree: one conflict per pair of
    disagreeing values, each side with every article that gives its value, at the best confidence found.
    ``fields`` (see :func:`field_lines`) add their labelled measures."""
    sentences = [*sentences, *(fields or [])]
    by_article: dict[str, list[Measure]] = defaultdict(list)
    for row, sentence in enumerate(sentences):
        measures = read_measures(row, sentence.text)
        by_article[sentence.article] += [m for m in measures if sentence.index >= 0 or m.label]
    found: dict[tuple[str, float, float], tuple[float, str]] = {}
    sides: dict[tuple[str, float, float], list[Measure]] = defaultdict(list)
    for first, second in combinations(sorted(by_article), 2):
        for a in by_article[first]:
            for b in by_article[second]:
                judged = _judge(a, b, by_article[first], by_article[second], config)
                if judged and not _agree(a, b):
                    low, high = sorted((a, b), key=lambda m: m.value)
                    key = (a.dimension, low.value, high.value)
                    found[key] = max(found.get(key, judged), judged)
                    sides[key] += [m for m in (low, high) if m not in sides[key]]
    return [_conflict(*found[key], sides[key], sentences) for key in sorted(found)]


def _judge(
    a: Measure, b: Measure, mine: list[Measure], theirs: list[Measure], config: MeasuresConfig
) -> tuple[float, str] | None:
    """How confident it is that two measures are of one quantity, and why; None when they are not.
    Neither may agree with another measure of the other article (then that one is its match)."""
    if a.dimension != b.dimension:
        return None
    mine, theirs = [m for m in mine if m.dimension == a.dimension], [t for t in theirs if t.dimension == a.dimension]
    if any(_agree(a, t) for t in theirs) or any(_agree(b, m) for m in mine):
        return None
    if a.start and b.start:  # ranges from one lower end to different upper ends
        same_start = a.start[0] < b.start[1] and b.start[0] < a.start[1]
        return (
            (RANGE_CONFIDENCE, f"two ranges of {a.dimension.removeprefix('range of ')} from one lower end")
            if same_start
            else None
        )
    if a.label and a.label == b.label:
        one_each = all(_agree(a, m) for m in mine if m.label == a.label) and all(
            _agree(b, t) for t in theirs if t.label == b.label
        )
        if not one_each:
            return None
        if a.dimension.startswith("amount"):  # a price phrase says less than a field label
            return SINGLE_CONFIDENCE, f"the only {a.label} each article gives"
        return LABEL_CONFIDENCE, f"the same field ({a.label}) in two articles"
    if a.label or b.label:  # a price only against a price of the same phrase
        return None if a.dimension.startswith("amount") else _unlabelled(a, b, mine, theirs, config)
    return _unlabelled(a, b, mine, theirs, config)


def _unlabelled(
    a: Measure, b: Measure, mine: list[Measure], theirs: list[Measure], config: MeasuresConfig
) -> tuple[float, str] | None:
    if a.dimension.startswith("amount"):
        return None
    if _share(a, b) <= config.near_share:
        return NEAR_CONFIDENCE, f"two close figures of one {a.dimension}"
    single = all(_agree(a, m) for m in mine) and all(_agree(b, t) for t in theirs)
    if a.place and a.place == b.place and not _other_moments(a.days, b.days):
        alone = _alone(a, b, mine, theirs, lambda m: m.place)
        return (SINGLE_CONFIDENCE, f"the only {a.dimension} each article gives at one place") if alone else None
    if a.thing and a.thing == b.thing:
        alone = _alone(a, b, mine, theirs, lambda m: m.thing)
        return (SINGLE_CONFIDENCE, f"the only {a.dimension} each article gives of the {a.thing}") if alone else None
    if a.dimension in SINGLE_DIMENSIONS and single and _share(a, b) <= config.single_share:
        return SINGLE_CONFIDENCE, f"the only {a.dimension} each article gives"
    return None


def _alone(a: Measure, b: Measure, mine: list[Measure], theirs: list[Measure], key: Callable[[Measure], str]) -> bool:
    """Whether each of two measures is the only value its article gives of what ``key`` reads (a place,
    a thing): measures that agree with it are the same value written again."""
    return all(_agree(a, m) for m in mine if key(m) == key(a)) and all(_agree(b, t) for t in theirs if key(t) == key(b))


def _other_moments(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences' weekdays, or their years, are both named and none shared: "Madison got 15
    inches on Monday" is of another snowfall than "Madison got 19 inches on Friday", or in another year."""
    years_a, years_b = ({d for d in days if d.isdigit()} for days in (a, b))
    pairs = ((years_a, years_b), (a - years_a, b - years_b))
    return any(x and y and not x & y for x, y in pairs)


def _conflict(confidence: float, reason: str, members: list[Measure], sentences: list[Sentence]) -> Conflict:
    low = min(m.value for m in members)
    result = []
    for group in ([m for m in members if m.value == low], [m for m in members if m.value != low]):
        evidence = tuple(dict.fromkeys(Evidence(sentences[m.row].article, sentences[m.row].text) for m in group))
        values = "; ".join(dict.fromkeys(m.surface for m in group))
        result.append(ConflictSide(values, tuple(dict.fromkeys(e.article for e in evidence)), evidence))
    things = {m.thing for m in members}  # what all its sides measure, when they say so alike
    thing = f" of the {min(things)}" if len(things) == 1 and "" not in things else ""
    about = members[0].label or members[0].dimension + thing
    return Conflict("", about, tuple(result), kind="number", reasons=(reason,), confidence=confidence)
