"""Story analysis: conflicts, where sources give values that cannot both be true.

Typed values are read from sentences as intervals that allow for rounding and hedges ("nearly",
"about", "more than"): time spans ("24 years", "nearly two decades", "six months", "since 2000" read
against the publication year), counts of a named thing ("12 people"), money and percentages, bare
years, full dates and days of a month. Numbers in a range or a part of a whole ("20 to 29", "three of
the eight charges") are not values of their own. Two sentences are compared only when they are about
the same thing: the same fact, or (for time spans) reworded sentences with the same words just before
the value. Within such a pair, values are matched kind by kind: values both sentences give cancel out,
and only when one value of a kind is left on each side, the words either side of them share a stem
and their intervals do not overlap, do the two disagree. So a sentence never conflicts with its own
copy, and "stays one night" and "a two-day visit" (different units) or "about 20" and "21" (overlap)
never do.

Names are compared in sentences that are copies of each other but for a capitalised name: a person or
place swapped for one the other article never mentions is a conflict; a short form, a title or a
spelling of the same name, an organisation, or a name both articles know is not.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..embed import EmbeddedSentences
from ..records import Conflict, ConflictSide, Evidence, Fact, Sentence, Story
from ..text.dates import FULL_DATE, MONTH_RE, match_to_date, month_number, published_date
from ..text.tokens import STOPWORDS, content_words
from .names import copy_pairs, name_conflicts

VERSION = "1"


@dataclass(frozen=True, kw_only=True)
class ConflictsConfig:
    """The tuned thresholds of conflict finding."""

# fmt: off
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
}
# fmt: on
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
HEDGES = r"nearly|almost|about|around|some|roughly|approximately|close to|more than|over|at least|less than|under|up to|just over|just under"  # noqa: E501
HEDGE = rf"(?:(?P<hedge>(?i:{HEDGES}))\s+)?"
# Digits with thousands separators or decimals, never swallowing the comma that ends a clause
# ("on June 21, according to"); number words in any case ("Three people").
NUMBER_TEXT = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(NUMBER_WORDS)})\b"
NUMBER = rf"(?P<num>{NUMBER_TEXT})"
SCALE = rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?"
# Not the tail of another token ("$12", "3.5", "A-1", "1/2", "#3", "one hundred and three") and not
# followed by one ("5%", "3:30").
NUMBER_START = r"(?<![\w$£€.,/:#-])(?<!hundred and )(?<!thousand and )"
NUMBER_END = r"(?![\w%/:-]|[.,]\d)"
# Two numbers joined as a range, a choice or a part of a whole ("20 to 29", "between 1,500 and 3,000",
# "two or three days", "three of the eight charges"): neither is a value to compare on its own.
RANGE = re.compile(
    rf"{NUMBER_START}(?!(?i:an?)\b)(?:{NUMBER_TEXT})(?:\s+(?:{'|'.join(SCALES)}))?"
    rf"\s*(?:-|–|\bto\b|\band\b|\bor\b|\bof(?:\s+the)?\b)\s*[$£€]?(?!(?i:an?)\b)(?:{NUMBER_TEXT})"
)
SPAN_UNITS = {"year": 1, "decade": 10, "month": 1, "week": 1, "day": 1, "hour": 1, "minute": 1}
SPAN = re.compile(
    rf"\b{HEDGE}{NUMBER_START}{NUMBER}\s+(?P<unit>(?i:years?|decades?|months?|weeks?|days?|hours?|minutes?))\b(?!-|\s+old\b)"
)
SINCE = re.compile(r"\bsince\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# "a"/"an" count nothing here: "a about 900" must leave the hedge to "900".
COUNT = re.compile(rf"\b{HEDGE}{NUMBER_START}(?!(?i:an?)\b){NUMBER}{SCALE}{NUMBER_END}\s+(?P<unit>[a-z][a-z-]{{2,}})\b")
MONEY = re.compile(rf"{HEDGE}(?P<currency>[$£€])\s?{NUMBER}{SCALE}{NUMBER_END}")
PERCENT = re.compile(rf"\b{HEDGE}{NUMBER_START}{NUMBER}\s?(?:%|percent\b|per cent\b)")
YEAR = re.compile(r"(?<![\w$£€.,/:#-])(?P<year>(?:19|20)\d\d)(?![\w%/:-]|[.,]\d)")
# "June 12" or "12 June" with no year after it (FULL_DATE reads the ones with a year).
DAY_MONTH = re.compile(
    rf"\b(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_RE}))(?!,?\s+(?:19|20)\d\d)(?!\w)"
)
# Words after a number that do not name what is counted: time units (read as spans), measures and
# function words ("12 of them", "21, according to").
NOT_UNITS = {
    *(f"{unit}{plural}" for unit in SPAN_UNITS for plural in ("", "s")),
    "times",
    "percent",
    "per",
    *SCALES,
    *NUMBER_WORDS,
    *STOPWORDS,
}
# Hedges that bound a value on one side only ("more than 100" is any figure above it).
AT_MOST = frozenset(("nearly", "almost", "just under", "less than", "under", "up to"))
AT_LEAST = frozenset(("more than", "over", "at least", "just over"))
# Two figures under the same one-sided hedge agree when they differ by at most this share of the larger:
# a copy's "more than 100" against "more than 120" may be a rounding, against "more than 150" it is not
# (bench/bench_conflicts.py plants changes of +50% or -35%).
SAME_HEDGE_TOLERANCE = 0.25
# Dates one day apart agree: a night-time event is dated by the time zone of the outlet ("Sunday,
# Feb. 26" at the Oscars, "February 27" in Europe).
DAY_ROUNDING = 0.5
# Leap year, so that every "February 29" read without a year has a day.
ANY_YEAR = 2000
# Outside a fact, time spans in two sentences measure the same thing only when the sentences are
# rewordings of each other (the embedder's alignment cosine) and share this many words before the value.
# On the seed story this keeps "the first time since 2019 that foreign delegations…" (cosine 0.70 to
# "first trip to Pyongyang since 2000" with MiniLM) apart from Putin's first visit.
SHARED_CONTEXT = 2
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


def _number(text: str, scale: str | None = None) -> float | None:
    text = text.lower().replace(",", "")
    factor = SCALES.get((scale or "").lower(), 1.0)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] * factor
    try:
        return float(text) * factor
    except ValueError:
        return None


def _interval(value: float, hedge: str | None, rounding: float) -> tuple[float, float]:
    hedge = (hedge or "").lower()
    if hedge in AT_MOST:
        return (0.0 if hedge in {"less than", "under", "up to"} else 0.8 * value, value)
    if hedge in AT_LEAST:
        return (value, math.inf if hedge != "just over" else 1.2 * value)
    if hedge:
        return (0.85 * value - rounding, 1.15 * value + rounding)
    return (value - rounding, value + rounding)


def _context(text: str, start: int) -> frozenset[str]:
    return frozenset(content_words(text[:start])[-CONTEXT_WORDS:])


def _around(text: str, start: int, end: int) -> frozenset[str]:
    """Stems of the content words either side of a value, numbers left out ("injuring", "injured")."""
    before = [w for w in content_words(text[:start]) if not _numeric(w)][-WORDS_AROUND:]
    after = [w for w in content_words(text[end:]) if not _numeric(w)][:WORDS_AROUND]
    return frozenset(w[:STEM] for w in before + after)


def _numeric(word: str) -> bool:
    return word in NUMBER_WORDS or word in SCALES or any(c.isdigit() for c in word)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def read_mentions(row: int, text: str, reference_year: int | None) -> list[Mention]:
    """Typed values in one sentence, each as an interval."""
    # spans read already, ranges first: a later reader skips values inside them
    taken: list[tuple[int, int]] = [m.span() for m in RANGE.finditer(text)]
    mentions = [
        *_dates(row, text, taken),
        *_spans(row, text, reference_year, taken),
        *_amounts(row, text, taken),
        *_years(row, text, taken),
    ]
    return mentions + _counts(row, text, taken)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps no span read already; if so, it is taken now."""
    if any(start < b and a < end for a, b in taken):
        return False
    taken.append((start, end))
    return True


def _mention(row: int, kind: str, match: re.Match[str], value: float, rounding: float, text: str) -> Mention:
    hedge = (match.groupdict().get("hedge") or "").lower()
    interval = _interval(value, hedge, rounding)
    context = _context(text, match.start())
    return Mention(row, kind, match.group(0), *interval, context, hedge, value, _around(text, *match.span()))


def _dates(row: int, text: str, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    for match in FULL_DATE.finditer(text):
        found = match_to_date(match)
        if found and _free(taken, *match.span()):
            yield _mention(row, "date", match, found.toordinal(), DAY_ROUNDING, text)
    for match in DAY_MONTH.finditer(text):
        month, day = match.group("m1") or match.group("m2"), int(match.group("d1") or match.group("d2"))
        if 1 <= day <= 31 and _free(taken, *match.span()):
            try:
                ordinal = _day_of_year(month_number(month), day)
            except ValueError:  # "June 31"
                continue
            yield _mention(row, "day of the month", match, ordinal, DAY_ROUNDING, text)


def _day_of_year(month: int, day: int) -> float:
    return date(ANY_YEAR, month, day).timetuple().tm_yday


def _spans(row: int, text: str, reference_year: int | None, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    for match in SPAN.finditer(text):
        value = _number(match.group("num"))
        if value is None or not _free(taken, *match.span()):
            continue
        unit = _singular(match.group("unit").lower())
        if match.group("num").lower() in {"a", "an"} and unit != match.group("unit").lower():
            continue  # "a decades-long battle"
        amount = value * SPAN_UNITS[unit]
        kind = "time span" if unit in {"year", "decade"} else f"time span in {unit}s"
        yield _mention(row, kind, match, amount, 1.0 if amount >= 5 else 0.5, text)
    for match in SINCE.finditer(text) if reference_year else ():
        years = reference_year - int(match.group("year"))
        if years > 0 and _free(taken, *match.span()):
            yield Mention(
                row,
                "time span",
                f"{match.group(0)} ({years} years)",
                years - 1,
                years + 0.5,
                _context(text, match.start()),
                value=years,
                around=_around(text, *match.span()),
            )


def _amounts(row: int, text: str, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    for match in MONEY.finditer(text):
        value = _number(match.group("num"), match.group("scale"))
        if value is not None and _free(taken, *match.span()):
            yield _mention(row, f"amount in {match.group('currency')}", match, value, 0.0, text)
    for match in PERCENT.finditer(text):
        value = _number(match.group("num"))
        if value is not None and _free(taken, *match.span()):
            yield _mention(row, "percentage", match, value, 0.0, text)


def _years(row: int, text: str, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    for match in YEAR.finditer(text):
        if _free(taken, *match.span()):
            yield _mention(row, "year", match, int(match.group("year")), 0.0, text)


def _counts(row: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    mentions = []
    for match in COUNT.finditer(text):
        unit = match.group("unit")
        value = _number(match.group("num"), match.group("scale"))
        if unit in NOT_UNITS or value is None or ("." in match.group("num") and not match.group("scale")):
            continue  # not a thing counted, or not a count ("31.6 live with a partner")
        if _free(taken, match.start("num"), match.end("unit")):
            mentions.append(_mention(row, f"number of {_singular(unit)}", match, value, 0.0, text))
    return mentions


def find_conflicts(story: Story, embedded: EmbeddedSentences, facts: tuple[Fact, ...]) -> tuple[Conflict, ...]:
    sentences = embedded.sentences
    years = {a.id: d.year for a in story.articles if (d := published_date(a.published))}
    story_year = max(years.values()) if years else None
    by_row = [read_mentions(row, s.text, years.get(s.article, story_year)) for row, s in enumerate(sentences)]
    same_fact = _fact_pairs(sentences, facts)
    edges: list[tuple[Mention, Mention, bool]] = []  # (a, b, whether they disagree)
    for i, j in same_fact:
        edges += _compare(by_row[i], by_row[j])
    for i, j in _span_pairs(by_row, embedded, same_fact):
        edges += _compare(*_shared_spans(by_row[i], by_row[j]))
    edges = _without_agreed(edges, sentences)
    name_pairs = same_fact | copy_pairs(sentences)
    conflicts = [*_value_conflicts(edges, sentences), *name_conflicts(story, sentences, name_pairs)]
    conflicts.sort(key=lambda c: -sum(len(s.sources) for s in c.sides))
    return tuple(Conflict(f"c{n}", c.about, c.sides) for n, c in enumerate(conflicts, 1))


def _without_agreed(
    edges: list[tuple[Mention, Mention, bool]], sentences: list[Sentence]
) -> list[tuple[Mention, Mention, bool]]:
    """Disagreements left when neither value is agreed to by another sentence of the other article: a
    sentence grouped with two of another article's (one its copy) disagrees only with the one it is not
    about ("cut $4.3 trillion" against "pare $148 billion" beside its own copy)."""
    agreed = {
        (m, sentences[other.row].article) for a, b, differ in edges if not differ for m, other in ((a, b), (b, a))
    }
    return [
        (a, b, differ)
        for a, b, differ in edges
        if not differ or ((a, sentences[b.row].article) not in agreed and (b, sentences[a.row].article) not in agreed)
    ]


def _fact_pairs(sentences: list[Sentence], facts: tuple[Fact, ...]) -> set[tuple[int, int]]:
    """Row pairs (lower first) of sentences of different articles that state one fact."""
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, sentence in enumerate(sentences):
        rows[(sentence.article, sentence.text)].append(row)
    pairs = set()
    for fact in facts:
        for a, b in combinations(fact.evidence, 2):
            if a.article != b.article:
                pairs.update(
                    (min(i, j), max(i, j)) for i in rows[(a.article, a.sentence)] for j in rows[(b.article, b.sentence)]
                )
    return pairs


def _span_pairs(by_row: list[list[Mention]], embedded: EmbeddedSentences, same_fact: set) -> list[tuple[int, int]]:
    """Reworded sentences of different articles, outside any shared fact, that both give a time span."""
    sentences = embedded.sentences
    rows = [r for r, found in enumerate(by_row) if any(m.kind == "time span" for m in found)]
    return [
        (i, j)
        for i, j in combinations(rows, 2)
        if sentences[i].article != sentences[j].article
        and (i, j) not in same_fact
        and float(embedded.vectors[i] @ embedded.vectors[j]) >= embedded.embedder.align_similarity
    ]


def _shared_spans(a: list[Mention], b: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The time spans of two sentences whose words just before the value say what they measure alike."""
    spans_a = [m for m in a if m.kind == "time span"]
    spans_b = [m for m in b if m.kind == "time span"]
    keep_a = [m for m in spans_a if any(len(m.context & n.context) >= SHARED_CONTEXT for n in spans_b)]
    keep_b = [n for n in spans_b if any(len(m.context & n.context) >= SHARED_CONTEXT for m in spans_a)]
    return keep_a, keep_b


def _agree(a: Mention, b: Mention) -> bool:
    """Whether two values of one kind can both be true: their intervals overlap. Two figures under the
    same one-sided hedge ("more than 100", "more than 150") are each a rounded threshold, so their
    figures are compared instead."""
    if a.hedge and a.hedge == b.hedge and a.hedge in AT_MOST | AT_LEAST:
        return abs(a.value - b.value) <= SAME_HEDGE_TOLERANCE * max(abs(a.value), abs(b.value))
    return a.low <= b.high and b.low <= a.high


def _compare(a: list[Mention], b: list[Mention]) -> list[tuple[Mention, Mention, bool]]:
    """Match the values of two sentences about the same thing, kind by kind: values both give agree
    (the same words first, then the closest); when what is left of a kind on each side is one value
    (mentions that all agree, such as "24 years" and "since 2000") and the words either side share one,
    the two sides disagree."""
    edges = []
    for kind in sorted({m.kind for m in a} & {m.kind for m in b}):
        left = [m for m in a if m.kind == kind]
        right = [m for m in b if m.kind == kind]
        pairs = sorted(
            ((x, y) for x in left for y in right if _agree(x, y)),
            key=lambda p: (p[0].surface.lower() != p[1].surface.lower(), abs(_middle(p[0]) - _middle(p[1]))),
        )
        for x, y in pairs:
            if x in left and y in right:
                left.remove(x)
                right.remove(y)
                edges.append((x, y, False))
        same_role = any(x.around & y.around for x in left for y in right)
        if left and right and same_role and _one_value(left) and _one_value(right):
            edges += [(left[0], m, False) for m in left[1:]] + [(right[0], m, False) for m in right[1:]]
            edges.append((left[0], right[0], True))
    return edges


def _one_value(mentions: list[Mention]) -> bool:
    return all(_agree(x, y) for x, y in combinations(mentions, 2))


def _middle(mention: Mention) -> float:
    return mention.low if math.isinf(mention.high) else (mention.low + mention.high) / 2


def _value_conflicts(edges: list[tuple[Mention, Mention, bool]], sentences: list[Sentence]) -> list[Conflict]:
    """Mentions joined by edges form groups about one value; a group with a disagreeing edge whose
    values split into sides that do not overlap is a conflict."""
    parent: dict[Mention, Mention] = {}

    def root(m: Mention) -> Mention:
        parent.setdefault(m, m)
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for a, b, _ in edges:
        parent[root(b)] = root(a)
    disagreeing = {root(a) for a, _, differ in edges if differ}
    components: dict[Mention, list[Mention]] = defaultdict(list)
    for mention in parent:
        components[root(mention)].append(mention)
    conflicts = []
    for key in sorted(disagreeing, key=lambda m: (m.row, m.low, m.surface)):  # the same order every run
        members = sorted(components[key], key=lambda m: m.row)
        sides = _sides(members)
        if len(sides) > 1:
            conflicts.append(_conflict(members, sides, sentences))
    return conflicts


def _context_words(members: list[Mention], sentences: list[Sentence]) -> list[str]:
    """The words before the value that at least half the mentions share, most shared first, spelled
    as the first sentence has them: what the value measures ("first, Putin, trip")."""
    counts = Counter(word for m in members for word in m.context)
    words = [w for w, n in counts.most_common() if n * 2 >= len(members)][:4]
    spelled = {w.lower(): w for w in re.findall(r"\w+", sentences[members[0].row].text)}
    return [spelled.get(w, w) for w in words]


def _sides(members: list[Mention]) -> list[list[Mention]]:
    """Split mentions into groups that all agree; more than one group is a conflict."""
    sides: list[list[Mention]] = []
    for mention in sorted(members, key=lambda m: (m.low, m.high)):
        side = next((side for side in sides if all(_agree(mention, other) for other in side)), None)
        if side is None:
            sides.append([mention])
        else:
            side.append(mention)
    return sides


def _conflict(members: list[Mention], sides: list[list[Mention]], sentences: list[Sentence]) -> Conflict:
    # a count's unit already says what it counts; a time span needs the words before it ("first trip")
    words = _context_words(members, sentences) if members[0].kind.startswith("time span") else []
    about = members[0].kind + (f" ({', '.join(words)})" if words else "")
    result = []
    for group in sides:
        evidence = tuple(dict.fromkeys(Evidence(sentences[m.row].article, sentences[m.row].text) for m in group))
        values = "; ".join(dict.fromkeys(m.surface for m in group))
        result.append(ConflictSide(values, tuple(dict.fromkeys(e.article for e in evidence)), evidence))
    return Conflict("", about, tuple(result))
