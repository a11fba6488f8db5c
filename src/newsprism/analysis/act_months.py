"""Conflicts over the month of one act: "While he had her phone, he created Hotmail and Facebook accounts"
told right after "in March 2016, Plaskett asked McCullum to take her iPhone", against "In July 2016, …
he allegedly created a Hotmail account and a Facebook account".

Values elsewhere read "March 2016" as its year (:mod:`.values`), so two months of one year agree there.
Here a month and year ("in July 2016") dates the verb it hangs from in the dependency parse. A sentence
with no date of its own that opens on a clause of the same time as what was just told ("While he had her
phone", "At the time") continues the sentence before it, and is dated by that sentence's one month: the
time of a claim read from its context. Two datings are of one act only when they are in sentences of one
fact (the caller's pairs), hang from one verb (or its news synonym, :data:`.claim_events.SYNONYMS`) and
that verb acts on a noun both name ("accounts", "account"). An article that gives one act two months
tells of two occurrences and is left out for it. The parse may hang a date on the wrong verb and a
carried date is read, not written: every such conflict is a possible difference. Without spaCy there are
none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from ..text.dates import FULL_DATE, MONTH_RE, month_number
from .claim_events import SYNONYMS
from .doc_cache import parsed, shared
from .parse import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "in March 2016"; a full date ("July 2, 2016", "4 July 2016") is read by its month here.
MONTH_YEAR = re.compile(rf"(?<!\d\s)\b(?P<month>{MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b")
MONTH = re.compile(MONTH_RE)
ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Openings that place a sentence in the time just told: "While he had her phone, …", "At the time, …",
# "Later that day, …".
SAME_TIME = re.compile(
    r"(?:While|Whilst|At (?:the|that) time|During (?:that|this) (?:time|period)"
    r"|(?:(?:Later|Earlier) )?(?:That|The same|That same) (?:day|morning|afternoon|evening|night|week|month))\b",
    re.I,
)
# A "while" clause is of the same time when it tells a state or a course (having, holding, being
# somewhere, doing): "While he denied it, …" sets one claim against another instead.
DURATIVE = frozenset("have hold keep be stay remain live work serve".split())
# Verbs too general to tell one act from another.
GENERAL = frozenset(("be", "have", "do", "get", "go", "come", "make", "take", *REPORTING))
# Acted-on nouns of a verb: its object, its passive subject, and what they are joined to.
OBJECTS = frozenset(("dobj", "nsubjpass"))
CONFIDENCE = 0.5
REASON = "one act (one verb on one thing) in sentences that state one fact, dated to two months"
CARRIED = "a sentence with no date of its own, opening on the time just told, dated by the sentence before"


@dataclass(frozen=True, slots=True)
class Dating:
    """One act dated to a month: its verb (lemma, synonyms as one), the nouns it acts on, the month
    (year * 12 + month), as written, and the sentence the date was read from when it is not the act's."""

    row: int
    verb: str
    objects: frozenset[str]
    month: int
    surface: str
    dated_by: int | None = None


def act_month_conflicts(sentences: list[Sentence], same_fact: set[tuple[int, int]]) -> list[Conflict]:
    rows = sorted({row for pair in same_fact for row in pair})
    own = [r for r in rows if _dates(sentences[r].text)]
    before = sentence_before(sentences)
    carried = [
        r
        for r in rows
        if SAME_TIME.match(sentences[r].text)
        and not ANY_YEAR.search(sentences[r].text)
        and (prior := before.get(r)) is not None
        and len({month for _, month in _dates(sentences[prior].text)}) == 1
        and len(ANY_YEAR.findall(sentences[prior].text)) == 1
    ]
    if shared() is None or not ((own and carried) or len(own) > 1):
        return []
    docs = dict(zip(own + carried, parsed([sentences[r].text for r in own + carried]), strict=True))
    datings = [d for r in own for d in _own(r, docs[r], sentences[r].text)]
    datings += [d for r in carried if (d := _carried(r, docs[r], before[r], sentences[before[r]].text))]
    months: dict[tuple[str, str], set[int]] = defaultdict(set)
    for d in datings:
        for noun in d.objects:
            months[(sentences[d.row].article, f"{d.verb} {noun}")].add(d.month)
    conflicts: dict[frozenset[str], Conflict] = {}
    for a, b in combinations(datings, 2):
        shared_objects = a.objects & b.objects
        if (min(a.row, b.row), max(a.row, b.row)) not in same_fact or a.verb != b.verb or a.month == b.month:
            continue
        if sentences[a.row].article == sentences[b.row].article or not shared_objects:
            continue
        acts = [f"{a.verb} {noun}" for noun in shared_objects]
        if any(len(months[(sentences[d.row].article, act)]) > 1 for d in (a, b) for act in acts):
            continue  # an article that dates the act to two months tells of two
        key = frozenset((sentences[a.row].article, sentences[b.row].article, a.verb))
        conflicts.setdefault(key, _conflict(a, b, sorted(shared_objects)[0], sentences))
    return list(conflicts.values())


def sentence_before(sentences: list[Sentence]) -> dict[int, int]:
    """Each row's previous sentence of its article, where that sentence is in the story."""
    rows = {(s.article, s.index): row for row, s in enumerate(sentences)}
    return {row: rows[(s.article, s.index - 1)] for row, s in enumerate(sentences) if (s.article, s.index - 1) in rows}


def _own(row: int, doc: Doc, text: str) -> list[Dating]:
    found = []
    for match, month in _dates(text):
        # the month's word dates the verb its preposition hangs from ("on July 2, 2016", "on 4 July 2016")
        span = range(match.start(), match.end())
        token = next((t for t in doc if t.idx in span and MONTH.fullmatch(t.text)), None)
        if token is None:
            continue
        carrier = token.head if token.head.pos_ == "ADP" and token.dep_ == "pobj" else token
        if (dating := _dating(row, carrier.head, match.group(0), month)) is not None:
            found.append(dating)
    return found


def _dates(text: str) -> list[tuple[re.Match[str], int]]:
    """The months and years a sentence gives, and full dates read by their month, each as year * 12 + month."""
    found = []
    for match in MONTH_YEAR.finditer(text):
        found.append((match, int(match["year"]) * 12 + month_number(match["month"]) - 1))
    for match in FULL_DATE.finditer(text):
        month, year = match["m1"] or match["m2"], match["y1"] or match["y2"]
        found.append((match, int(year) * 12 + month_number(month) - 1))
    return found


def _carried(row: int, doc: Doc, before: int, before_text: str) -> Dating | None:
    """The dating of a sentence opening on the time just told, by the one month of the sentence before."""
    opening = doc[0]
    if opening.lower_ in ("while", "whilst"):
        clause = opening.head
        if clause.dep_ != "advcl" or not (clause.lemma_.lower() in DURATIVE or clause.tag_ == "VBG"):
            return None
        verb = clause.head
    else:
        verb = next((t for t in doc if t.dep_ == "ROOT"), opening)
    dates = _dates(before_text)
    dating = _dating(row, verb, dates[0][0].group(0), dates[0][1]) if dates else None
    return Dating(row, dating.verb, dating.objects, dating.month, dating.surface, before) if dating else None


def _dating(row: int, verb: Token, surface: str, month: int) -> Dating | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in GENERAL:
        return None
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    objects += [c for o in objects for c in o.conjuncts]
    nouns = frozenset(o.lemma_.lower() for o in objects if o.pos_ not in ("PRON", "PROPN"))
    return Dating(row, SYNONYMS.get(lemma, lemma), nouns, month, surface) if nouns else None


def _conflict(a: Dating, b: Dating, noun: str, sentences: list[Sentence]) -> Conflict:
    # the sentence that gives a carried date is named in the reasons, not made evidence: it tells another act,
    # which the other article may date alike ("asked him in March 2016" in both)
    sides = [
        ConflictSide(
            d.surface if d.dated_by is None else f"{d.surface} (from the sentence before)",
            (sentences[d.row].article,),
            (Evidence(sentences[d.row].article, sentences[d.row].text),),
        )
        for d in sorted((a, b), key=lambda d: d.month)
    ]
    carried = [f"{CARRIED}: “{sentences[d.dated_by].text}”" for d in (a, b) if d.dated_by is not None]
    reasons = (REASON, *carried)
    about = f"month of one act ({a.verb}: {noun})"
    return Conflict("", about, tuple(sides), kind="date", reasons=reasons, confidence=CONFIDENCE)
