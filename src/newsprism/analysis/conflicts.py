"""Story analysis: conflicts, where sources give values that cannot both be true.

Typed values are read from sentences as intervals (:mod:`.values`). Two sentences are compared only when they are about
the same thing: the same fact, or (for time spans) reworded sentences with the same words just before the value. Within
such a pair, values are matched kind by kind: values both sentences give cancel out, and only when one value of a kind
is left on each side, the words either side of them share a stem and their intervals do not overlap, do the two
disagree. So a sentence never conflicts with its own copy, and "stays one night" and "a two-day visit" (different
units) or "about 20" and "21" (overlap) never do.

Names are compared in sentences that are copies of each other but for a capitalised name: a person or place swapped for
one the other article never mentions is a conflict; a short form, a title or a spelling of the same name, an
organisation, or a name both articles know is not. Other readings: one quotation given two speakers (:mod:`.speakers`),
one act two doers (:mod:`.doers`), floors (:mod:`.floors`), months (:mod:`.act_months`) or days (:mod:`.act_days`), one
event two weekdays (:mod:`.weekdays`), one person two homes (:mod:`.homes`), one named work two years
(:mod:`.dated_works`), one maker's thing two names (:mod:`.coined_names`), a person known by age two kinds of one role
(:mod:`.roles`), two things' amounts one total (:mod:`.sums`), one name two close amounts (:mod:`.named_amounts`), one
day two close tolls (:mod:`.tolls`), and a denied statement (:mod:`.contradictions`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations

from ..embed import EmbeddedSentences
from ..records import Conflict, ConflictSide, Evidence, Fact, Sentence, Story
from ..text.dates import published_date
from ..validate import check_range
from .act_days import act_day_conflicts
from .act_months import act_month_conflicts
from .ages import age_conflicts
from .claim_events import parse_together
from .clock import KIND as TIME_OF_DAY
from .clock import read_times
from .coined_names import coined_name_conflicts
from .contradictions import contradiction_conflicts
from .counts import count_conflicts
from .dated_works import dated_work_conflicts
from .doers import doer_conflicts
from .events import event_verbs
from .figure_copies import copies_but_for_figures, figure_copies
from .floors import floor_conflicts
from .homes import home_conflicts
from .intervals import interval_conflicts
from .measures import MeasuresConfig, field_lines, measure_conflicts
from .memo import MAX_ITEMS, at_row
from .modifier_counts import read_modifier_counts
from .moments import moments_of, sides_share_a_moment
from .named_amounts import agree, named_amount_conflicts
from .names import NamesConfig, copy_pairs, name_conflicts
from .new_pairs import new_pairs
from .per_head import EACH_CONFIDENCE, EACH_REASON, as_totals, per_head
from .per_head import TOTAL as EACH_TOTAL
from .places import place_conflicts
from .positions import read_positions
from .roles import role_conflicts
from .sentence_values import mentions
from .speakers import speaker_conflicts
from .sums import sum_conflicts
from .tolls import toll_conflicts
from .translation import translation_conflicts
from .unionfind import DisjointSets
from .updates import as_update
from .value_of import owned
from .values import AT_LEAST, AT_MOST, Mention, ValuesConfig
from .weekdays import weekday_conflicts

VERSION = "23"

CONFIDENT = 0.6  # conflicts at or above this confidence are told as conflicts; those below as possible differences
# How sure each way of matching two values makes newsprism that they are of one thing (measures.py and
# ages.py give their own): values in sentences of one fact or time spans in reworded ones, a name
# swapped in copies of one sentence, a place given for one person or event.
FACT_CONFIDENCE = 0.8
NAME_CONFIDENCE = 0.7
# Two bounds that a copy changed ("up to 40" copied as "up to 90") may both be true: a possible difference.
BOUND_CONFIDENCE = 0.5
BOUND_REASON = "one bound given two figures in sentences that are copies but for them"
PLACE_CONFIDENCE = 0.7

# Outside a fact, time spans in two sentences measure the same thing only when the sentences are
# rewordings of each other (the embedder's alignment cosine) and share this many words before the value.
# On the seed story this keeps "the first time since 2019 that foreign delegations…" (cosine 0.70 to
# "first trip to Pyongyang since 2000" with MiniLM) apart from Putin's first visit.
SHARED_CONTEXT = 2


@dataclass(frozen=True, kw_only=True)
class ConflictsConfig(ValuesConfig, NamesConfig, MeasuresConfig):
    """The tuned thresholds of conflict finding: its own, and those of reading values and comparing names."""

    shared_context: int = SHARED_CONTEXT

    def __post_init__(self) -> None:
        ValuesConfig.__post_init__(self)
        NamesConfig.__post_init__(self)
        MeasuresConfig.__post_init__(self)
        check_range("shared context", self.shared_context, 0, self.context_words)


DEFAULT = ConflictsConfig()
# Words that make a value the whole ("the total", "overall", "in all"), as stems of values.py's length.
TOTAL_STEMS = frozenset(w[: ValuesConfig().stem] for w in ("total", "overall", "combined", "altogether", "cumulative"))
# Figures this many times apart are not taken for one quantity (see _apart); planted changes are within
# 3 times, and the conflicts people found on truth-dev within 2.
APART = 10.0
ONE_SIDED = AT_LEAST | AT_MOST  # hedges that bound a value on one side only ("more than", "up to")
DATE_KINDS = frozenset(("date", "day of the month", "year"))  # the kinds of value (values.py) that are dates
NAME_REASON = "copies of one sentence that differ in a name"


@dataclass(frozen=True, slots=True)
class Edge:
    """Two mentions matched as values of one thing, and whether they disagree."""

    a: Mention
    b: Mention
    differ: bool


def find_conflicts(
    story: Story, embedded: EmbeddedSentences, facts: tuple[Fact, ...], config: ConflictsConfig = DEFAULT
) -> tuple[Conflict, ...]:
    sentences = embedded.sentences
    # every sentence is parsed by the end (the doers' check reads them all): parsed together first, not one
    # at a time as the events of dates ask (spaCy takes about twice as long over a sentence parsed alone)
    parse_together([s.text for s in sentences])
    by_row = _read_values(story, sentences, config)
    same_fact = _fact_pairs(sentences, facts) | figure_copies(sentences, config.min_shared_words)
    moments = moments_of(story, sentences)
    matched = _value_edges(by_row, embedded, same_fact, config)
    edges = _without_agreed([e for e in matched if not (e.differ and _part_and_whole(e.a, e.b))], sentences)
    names = name_conflicts(story, sentences, same_fact | copy_pairs(sentences, config), config)
    conflicts = [
        *_value_conflicts(edges, sentences, moments),
        *(replace(c, kind="name", reasons=(NAME_REASON,), confidence=NAME_CONFIDENCE) for c in names),
        *age_conflicts(story, sentences),
        *(replace(c, confidence=PLACE_CONFIDENCE) for c in place_conflicts(story, sentences)),
        *speaker_conflicts(story, sentences),
    ]
    for found in (  # each reading's own, from the surest on (new_pairs.py)
        *(measure_conflicts(sentences, config, field_lines(story)), count_conflicts(sentences)),
        *(sum_conflicts(sentences, config), named_amount_conflicts(sentences, moments, config)),
        toll_conflicts(sentences, moments, config),
        *(floor_conflicts(sentences), translation_conflicts(story, embedded)),
        *(dated_work_conflicts(sentences, embedded.embedder), role_conflicts(sentences), interval_conflicts(embedded)),
        *(weekday_conflicts(sentences), home_conflicts(story, sentences), doer_conflicts(story, sentences)),
        *(act_month_conflicts(sentences, same_fact), act_day_conflicts(sentences)),
        coined_name_conflicts(sentences, same_fact),
        contradiction_conflicts(embedded),  # the least sure last
    ):
        conflicts += new_pairs(found, conflicts)
    conflicts = [as_update(c, story) for c in conflicts]
    conflicts.sort(key=lambda c: (c.confidence < CONFIDENT, -sum(len(s.sources) for s in c.sides)))
    return tuple(replace(c, id=f"c{n}") for n, c in enumerate(conflicts, 1))


def _part_and_whole(a: Mention, b: Mention) -> bool:
    """Whether one value is a total and the other not ("the total tax take about 32 percent" against "a
    15 percent cultivation tax"): a part and its whole differ without contradicting each other."""
    return bool(a.around & TOTAL_STEMS) != bool(b.around & TOTAL_STEMS)


def _read_values(story: Story, sentences: list[Sentence], config: ConflictsConfig) -> list[list[Mention]]:
    """Each sentence's values; "since 2000" is read against its article's year (else the story's latest).
    Dates and time spans keep the verb they are of (:mod:`.events`)."""
    years = {a.id: d.year for a in story.articles if (d := published_date(a.published))}
    story_year = max(years.values()) if years else None
    return [at_row(_values(s.text, years.get(s.article, story_year), config), row) for row, s in enumerate(sentences)]


@lru_cache(maxsize=MAX_ITEMS)  # read again when a story grows by one article
def _values(text: str, year: int | None, config: ConflictsConfig) -> tuple[Mention, ...]:
    """A sentence's values at row 0, "since 2000" read against ``year``."""
    # a count of other or more things ("four other states") is of another set than any plain count
    found = [m for m in mentions(0, text, year, config) if m.role != "other"]
    readers = (read_times, read_modifier_counts, read_positions)
    found = per_head(text, owned(text, [*found, *(m for read in readers for m in read(0, text, config))], config))
    timed = [n for n, m in enumerate(found) if _timed(m)]
    for n, verb in zip(timed, event_verbs(text, [found[n].surface for n in timed]), strict=True):
        found[n] = replace(found[n], event=verb)
    return tuple(found)


def _timed(mention: Mention) -> bool:
    return mention.kind in DATE_KINDS or mention.kind.startswith("time span") or mention.kind == TIME_OF_DAY


def _value_edges(
    by_row: list[list[Mention]], embedded: EmbeddedSentences, same_fact: set[tuple[int, int]], config: ConflictsConfig
) -> list[Edge]:
    """Values matched within the sentence pairs of one fact, and time spans within reworded sentences."""
    sentences = embedded.sentences
    edges = []
    for i, j in same_fact:
        a, b = as_totals(by_row[i], by_row[j])
        if copies_but_for_figures(sentences[i].text, sentences[j].text):
            edges += _compare(_as_written(a), _as_written(b), copies=True)
        else:
            edges += _compare(a, b)
    for i, j in _span_pairs(by_row, embedded, same_fact):
        edges += _compare(*_shared_spans(by_row[i], by_row[j], config))
    return edges


def _without_agreed(edges: list[Edge], sentences: list[Sentence]) -> list[Edge]:
    """Disagreements left when neither value is agreed to by another sentence of the other article: a
    sentence grouped with two of another article's (one its copy) disagrees only with the one it is not
    about ("cut $4.3 trillion" against "pare $148 billion" beside its own copy)."""
    agreed = {(m, sentences[other.row].article) for e in edges if not e.differ for m, other in ((e.a, e.b), (e.b, e.a))}
    return [
        e
        for e in edges
        if not e.differ
        or ((e.a, sentences[e.b.row].article) not in agreed and (e.b, sentences[e.a.row].article) not in agreed)
        or copies_but_for_figures(sentences[e.a.row].text, sentences[e.b.row].text)
    ]


def _as_written(mentions: list[Mention]) -> list[Mention]:
    """Bounds read as their figures. Two sentences that are copies but for their figures bound one
    quantity with the same words: "more than two decades" copied as "more than six decades", or
    "falling as much as 1,500 points" as "as much as 2,250 points", changes what the source said."""
    return [replace(m, low=m.value, high=m.value) if m.hedge in ONE_SIDED else m for m in mentions]


def _fact_pairs(sentences: list[Sentence], facts: tuple[Fact, ...]) -> set[tuple[int, int]]:
    """Row pairs (lower first) of sentences of different articles that state one fact."""
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, sentence in enumerate(sentences):
        rows[(sentence.article, sentence.text)].append(row)
    pairs: set[tuple[int, int]] = set()
    for fact in facts:
        for a, b in combinations(fact.evidence, 2):
            if a.article != b.article:
                pairs.update(
                    (min(i, j), max(i, j)) for i in rows[(a.article, a.sentence)] for j in rows[(b.article, b.sentence)]
                )
    return pairs


def _span_pairs(
    by_row: list[list[Mention]], embedded: EmbeddedSentences, same_fact: set[tuple[int, int]]
) -> list[tuple[int, int]]:
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


def _shared_spans(a: list[Mention], b: list[Mention], config: ConflictsConfig) -> tuple[list[Mention], list[Mention]]:
    """The time spans of two sentences whose words just before the value say what they measure alike."""
    spans_a = [m for m in a if m.kind == "time span"]
    spans_b = [m for m in b if m.kind == "time span"]
    shared = config.shared_context
    keep_a = [m for m in spans_a if any(len(m.context & n.context) >= shared for n in spans_b)]
    keep_b = [n for n in spans_b if any(len(m.context & n.context) >= shared for m in spans_a)]
    return keep_a, keep_b


def _compare(a: list[Mention], b: list[Mention], copies: bool = False) -> list[Edge]:
    """Match the values of two sentences about the same thing, kind by kind: values both give agree
    (the same words first, then the closest); when what is left of a kind on each side is one value
    (mentions that all agree, such as "24 years" and "since 2000") and the words either side share one
    (for a time of day, which places the told event rather than measures a thing, none is needed), the
    two sides disagree. In ``copies`` (sentences the same but for their figures) the verbs are the same
    words: a changed figure that the parser hangs elsewhere is still of the same event."""
    edges = []
    for kind in sorted({m.kind for m in a} & {m.kind for m in b}):
        left = [m for m in a if m.kind == kind]
        right = [m for m in b if m.kind == kind]
        pairs = sorted(((x, y) for x in left for y in right if agree(x, y)), key=_match_order)
        for x, y in pairs:
            if x in left and y in right:
                left.remove(x)
                right.remove(y)
                edges.append(Edge(x, y, False))
        # a time of day places the event the two sentences tell, so the words around it are its setting
        # ("on the 23rd floor", "officials said"), not what it measures: its verb and day decide instead
        same_role = kind == TIME_OF_DAY or any(x.around & y.around for x in left for y in right)
        comparable = all(_comparable(x, y, copies) for x in left for y in right)
        if left and right and same_role and comparable and _one_value(left) and _one_value(right):
            edges += [Edge(left[0], m, False) for m in left[1:]] + [Edge(right[0], m, False) for m in right[1:]]
            edges.append(Edge(left[0], right[0], True))
    return edges


def _comparable(a: Mention, b: Mention, copies: bool = False) -> bool:
    """Whether two values may be of one quantity as far as their own words tell: a level ("down to 80%")
    is not a change ("drained 20%"), shares of different things ("a 4.75% stake", "10% of public
    shares") are not one share, figures an order of magnitude apart are seldom one figure, and dates or
    spans of two verbs ("accused them in 1991", "was convicted in 1992") are of two events."""
    if a.role != b.role or _apart(a, b) or (not copies and a.event and b.event and a.event != b.event):
        return False
    return not (a.thing and b.thing and not a.thing & b.thing)


def _apart(a: Mention, b: Mention) -> bool:
    """Whether two figures (not dates) are an order of magnitude apart or more: one quantity misreported
    seldom is; a part and its whole, a rate and a total or two things counted often are ("about 3 gallons"
    of ethanol a bushel yields, "13.3 billion gallons" a year; "$38 billion" added, "$612 billion" in all)."""
    if a.kind in DATE_KINDS or a.kind == TIME_OF_DAY:
        return False
    small, large = sorted((abs(a.value), abs(b.value)))
    return small > 0 and large >= APART * small


def _match_order(pair: tuple[Mention, Mention]) -> tuple[bool, float]:
    """Agreeing values are matched the same words first, then the closest."""
    x, y = pair
    return x.surface.lower() != y.surface.lower(), abs(_middle(x) - _middle(y))


def _one_value(mentions: list[Mention]) -> bool:
    return all(agree(x, y) for x, y in combinations(mentions, 2))


def _middle(mention: Mention) -> float:
    return mention.low if math.isinf(mention.high) else (mention.low + mention.high) / 2


def _value_conflicts(edges: list[Edge], sentences: list[Sentence], moments: list[frozenset[str]]) -> list[Conflict]:
    """Mentions joined by edges form groups about one value; a group with a disagreeing edge whose
    values split into two sides that do not overlap is a conflict, unless each side's sentences name
    days and the sides share none (the same figure on different days)."""
    groups: DisjointSets[Mention] = DisjointSets()
    for edge in edges:
        groups.join(edge.b, edge.a)
    disagreeing = {groups.root(e.a) for e in edges if e.differ}
    components = groups.components()
    conflicts = []
    for key in sorted(disagreeing, key=lambda m: (m.row, m.low, m.surface)):  # the same order every run
        members = sorted(components[key], key=lambda m: m.row)
        sides = _sides(members)
        # three values that cannot agree are seldom one quantity misreported three ways: more often the
        # group mixes quantities (a close, an intraday low, the day before), so only two sides are told
        if len(sides) == 2 and (
            members[0].kind in DATE_KINDS or sides_share_a_moment([[m.row for m in side] for side in sides], moments)
        ):
            conflict = _conflict(members, sides, sentences)
            if any(m.hedge in ONE_SIDED and m.low == m.high for m in members):  # bounds read as written
                conflict = replace(conflict, confidence=BOUND_CONFIDENCE, reasons=(*conflict.reasons, BOUND_REASON))
            if any(m.hedge == EACH_TOTAL for m in members):  # an amount for each of several read as a total
                conflict = replace(conflict, confidence=EACH_CONFIDENCE, reasons=(*conflict.reasons, EACH_REASON))
            conflicts.append(conflict)
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
        side = next((side for side in sides if all(agree(mention, other) for other in side)), None)
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
    kind = "date" if members[0].kind in DATE_KINDS else "time" if members[0].kind == TIME_OF_DAY else "number"
    reason = f"the same {members[0].kind} in sentences that state one fact"
    return Conflict("", about, tuple(result), kind=kind, reasons=(reason,), confidence=FACT_CONFIDENCE)
