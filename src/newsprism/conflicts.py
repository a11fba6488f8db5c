"""Story analysis: conflicts, where sources give values that cannot both be true.

Typed values are read from sentences (time spans such as "24 years", "nearly two decades" or
"since 2000" read against the publication year; counts of the same thing; full dates) as intervals
that allow for rounding and hedges ("nearly", "about", "more than"). Two mentions are compared only
when their sentences are about the same thing: the same fact, or reworded sentences with the same
words just before the value. A conflict is reported only when the intervals do not overlap, so "stays one
night" and "a two-day visit" (different units) or "about 20" and "21" (overlap) never are.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from .dates import FULL_DATE, match_to_date, published_date
from .embed import EmbeddedSentences
from .records import Conflict, ConflictSide, Evidence, Fact, Story
from .tokens import content_words

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
}
HEDGES = r"nearly|almost|about|around|some|roughly|approximately|close to|more than|over|at least|less than|under|up to|just over|just under"  # noqa: E501
NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})"
SPAN = re.compile(rf"\b(?:(?P<hedge>{HEDGES})\s+)?(?P<num>{NUMBER})\s+(?P<unit>years?|decades?)\b", re.I)
SINCE = re.compile(r"\bsince\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
COUNT = re.compile(rf"\b(?:(?P<hedge>{HEDGES})\s+)?(?P<num>{NUMBER})\s+(?P<unit>[a-z]{{3,}})\b", re.I)
NOT_UNITS = {
    "years",
    "year",
    "decades",
    "decade",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "times",
    "percent",
    "per",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
}
# Outside a fact, time spans in two sentences measure the same thing only when the sentences are
# rewordings of each other (the embedder's alignment cosine) and share this many words before the value.
# On the seed story this keeps "the first time since 2019 that foreign delegations…" (cosine 0.70 to
# "first trip to Pyongyang since 2000" with MiniLM) apart from Putin's first visit.
SHARED_CONTEXT = 2
# How many content words before a value name what it measures ("first visit … in 24 years").
CONTEXT_WORDS = 5


@dataclass(frozen=True, slots=True)
class Mention:
    row: int
    kind: str
    surface: str
    low: float
    high: float
    context: frozenset[str]


def _number(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def _interval(value: float, hedge: str | None, rounding: float) -> tuple[float, float]:
    hedge = (hedge or "").lower()
    if hedge in {"nearly", "almost", "just under", "less than", "under", "up to"}:
        return (0.0 if hedge in {"less than", "under", "up to"} else 0.8 * value, value)
    if hedge in {"more than", "over", "at least", "just over"}:
        return (value, math.inf if hedge != "just over" else 1.2 * value)
    if hedge:
        return (0.85 * value - rounding, 1.15 * value + rounding)
    return (value - rounding, value + rounding)


def _context(text: str, start: int) -> frozenset[str]:
    return frozenset(content_words(text[:start])[-CONTEXT_WORDS:])


def read_mentions(row: int, text: str, reference_year: int | None) -> list[Mention]:
    """Typed values in one sentence, each as an interval."""
    mentions = []
    for match in SPAN.finditer(text):
        value = _number(match.group("num"))
        if value is None:
            continue
        years = value * (10 if match.group("unit").lower().startswith("decade") else 1)
        low, high = _interval(years, match.group("hedge"), 1.0 if years >= 5 else 0.5)
        mentions.append(Mention(row, "time span", match.group(0), low, high, _context(text, match.start())))
    if reference_year:
        for match in SINCE.finditer(text):
            years = reference_year - int(match.group("year"))
            if years > 0:
                mentions.append(
                    Mention(
                        row,
                        "time span",
                        f"{match.group(0)} ({years} years)",
                        years - 1,
                        years + 0.5,
                        _context(text, match.start()),
                    )
                )
    for match in COUNT.finditer(text):
        unit = match.group("unit").lower()
        value = _number(match.group("num"))
        if unit in NOT_UNITS or value is None or match.group("num").lower() in {"a", "an"}:
            continue
        low, high = _interval(value, match.group("hedge"), 0.0)
        mentions.append(Mention(row, f"number of {unit}", match.group(0), low, high, frozenset()))
    for match in FULL_DATE.finditer(text):
        found = match_to_date(match)
        if found:
            ordinal = found.toordinal()
            mentions.append(Mention(row, "date", match.group(0), ordinal, ordinal, frozenset()))
    return mentions


def find_conflicts(story: Story, embedded: EmbeddedSentences, facts: tuple[Fact, ...]) -> tuple[Conflict, ...]:
    sentences = embedded.sentences
    years = {a.id: d.year for a in story.articles if (d := published_date(a.published))}
    story_year = max(years.values()) if years else None
    mentions = [
        m for row, s in enumerate(sentences) for m in read_mentions(row, s.text, years.get(s.article, story_year))
    ]
    same_fact = _fact_pairs(sentences, facts)
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(mentions)), 2):
        a, b = mentions[i], mentions[j]
        if a.kind != b.kind or sentences[a.row].article == sentences[b.row].article:
            continue
        if _same_subject(a, b, embedded, same_fact):
            parent[root(j)] = root(i)
    components: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        components[root(i)].append(mention)
    conflicts = []
    for members in components.values():
        sides = _sides(members)
        if len(sides) > 1:
            conflicts.append(_conflict(members, sides, sentences))
    conflicts.sort(key=lambda c: -sum(len(s.sources) for s in c.sides))
    return tuple(Conflict(f"c{n}", c.about, c.sides) for n, c in enumerate(conflicts, 1))


def _context_words(members: list[Mention], sentences: list) -> list[str]:
    """The words before the value that at least half the mentions share, most shared first, spelled
    as the first sentence has them: what the value measures ("first, Putin, trip")."""
    counts = Counter(word for m in members for word in m.context)
    words = [w for w, n in counts.most_common() if n * 2 >= len(members)][:4]
    spelled = {w.lower(): w for w in re.findall(r"\w+", sentences[members[0].row].text)}
    return [spelled.get(w, w) for w in words]


def _fact_pairs(sentences: list, facts: tuple[Fact, ...]) -> set[tuple[str, str]]:
    pairs = set()
    for fact in facts:
        for a, b in combinations(fact.evidence, 2):
            pairs.add((a.sentence, b.sentence))
            pairs.add((b.sentence, a.sentence))
    return pairs


def _same_subject(a: Mention, b: Mention, embedded: EmbeddedSentences, same_fact: set) -> bool:
    text_a, text_b = embedded.sentences[a.row].text, embedded.sentences[b.row].text
    if (text_a, text_b) in same_fact:
        return True
    if a.kind != "time span" or len(a.context & b.context) < SHARED_CONTEXT:
        return False
    return float(embedded.vectors[a.row] @ embedded.vectors[b.row]) >= embedded.embedder.align_similarity


def _sides(members: list[Mention]) -> list[list[Mention]]:
    """Split mentions into groups whose intervals overlap; more than one group is a conflict."""
    sides: list[tuple[float, float, list[Mention]]] = []
    for mention in sorted(members, key=lambda m: (m.low, m.high)):
        for index, (low, high, group) in enumerate(sides):
            if mention.low <= high and low <= mention.high:
                sides[index] = (max(low, mention.low), min(high, mention.high), [*group, mention])
                break
        else:
            sides.append((mention.low, mention.high, [mention]))
    return [group for _, _, group in sides]


def _conflict(members: list[Mention], sides: list[list[Mention]], sentences: list) -> Conflict:
    about = members[0].kind + (f" ({', '.join(_context_words(members, sentences))})" if members[0].context else "")
    result = []
    for group in sides:
        evidence = tuple(dict.fromkeys(Evidence(sentences[m.row].article, sentences[m.row].text) for m in group))
        values = "; ".join(dict.fromkeys(m.surface for m in group))
        result.append(ConflictSide(values, tuple(dict.fromkeys(e.article for e in evidence)), evidence))
    return Conflict("", about, tuple(result))
