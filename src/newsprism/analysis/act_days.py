"""Conflicts over the day of one act by or to one named person: "Johnson was arrested June 17" in one
article, "On June 17, detectives searched Smith's home … A day later, Kevin Johnson was also arrested" in
another.

A day's date ("June 17", "on 18 June 2015") dates the verb it hangs from in the dependency parse, bare or by
"on"/"in" ("arrested after June 17" does not date the arrest); "a day after June 17" and "two days before June
17" date it that many days off. A sentence with no date of its own that opens on a count of days from what was
just told ("A day later, …", "The next day, …", read by :func:`.intervals.days_later`) is dated from the
sentence before (one opening on its time, "Later that day, …", to the same day), when that sentence gives one
day and gives it to its main clause (a date told in a relative clause, "the man, who was born on June 17", is
not what it goes on from).

Two datings are of one act when they are of one verb (or its news synonym, :data:`.claim_events.SYNONYMS`)
with one named person (spaCy PERSON, by surname) in one role: the one it is done to (its object or passive
subject, "Smith was arrested", "police arrested Smith", "Smith, who was arrested") or the one doing it.
A surname the story gives two people ("Kevin Johnson", "Magic Johnson") names nobody for sure. An article
that gives one act two days tells of two occurrences and is left out for it, and two dates of different
years are two occurrences. Unlike :mod:`.act_months`, the two sentences need not state one fact: a named
person with one act is the identity. The parse may hang a date on the wrong verb, a person may undergo
one act twice, and a carried date is read, not written: every such conflict is a possible difference.
Without spaCy there are none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from ..text.dates import MONTH_RE, month_number
from .act_months import GENERAL, MONTH, SAME_TIME, sentence_before
from .claim_events import SYNONYMS
from .doc_cache import entity_docs, parsed, shared
from .intervals import UNIT_DAYS, days_later
from .values import NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "June 17", "June 17, 2015", "17 June 2015"; not a span of days ("June 17-18") nor a time ("June 17:30").
DAY_DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_RE})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)\b(?!\s*[-–:/]\s*\d)"
)
# "a day after June 17", "two days before 18 June": the act is that many days off the date given.
COUNTED = re.compile(r"\b(?P<count>\w+)\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)\s+$", re.I)
# Prepositions that place an act on its date; others ("after", "by", "until", "since") only bound it.
ON_THE_DAY = frozenset(("on", "in"))
# Openings of the time just told (:data:`.act_months.SAME_TIME`) that keep to its day: "Later that day", "The same
# morning"; "That week", "While …" do not.
DAY_PARTS = ("day", "morning", "afternoon", "evening", "night")
# Dependencies of the one an act is done to, and of its doer.
DONE_TO = frozenset(("dobj", "nsubjpass"))
DOER = frozenset(("nsubj",))
RELATIVE_PRONOUNS = frozenset(("who", "whom", "that", "which"))
# A person told by a pronoun may be the named one: the act's day in its article then counts for each name.
PERSONAL_PRONOUNS = frozenset("he him she her they them".split())
ANYONE = ""  # the person of such an act
# An act told as done once more: "arrested again", "charged for a second time".
AGAIN = re.compile(r"^(?:again|twice|(?:for )?(?:a|the) (?:second|third|fourth) time)$", re.I)
# Clauses that tell the sentence's own news, not background: the root, what it reports, what it joins.
MAIN_CLAUSE = frozenset(("ROOT", "ccomp", "conj"))
# A year for dates that give none: one without a 29 February, so that a day counted from 28 February is 1 March.
NO_YEAR = 2001
CONFIDENCE = 0.5
REASON = "one act (one verb, one named person in one role) dated to two days"
CARRIED = "a sentence with no date of its own, opening on a count of days or on the day just told, dated by the last"


@dataclass(frozen=True, slots=True)
class Day:
    """A date as written: ``when`` on :data:`NO_YEAR` when the text gives no year."""

    when: date
    year_given: bool
    surface: str
    start: int  # where its month's word starts in the sentence
    counted: bool = False  # counted from the date written ("a day after June 17")


@dataclass(frozen=True, slots=True)
class DayDating:
    """One act dated to a day: the act (verb lemma, synonyms as one; role; surname), the date, as written, and
    the sentence the date was counted from when it is not the act's."""

    row: int
    act: tuple[str, str, str]
    day: Day
    surface: str
    dated_by: int | None = None
    recurs: bool = False  # told as done again ("was arrested again")


def act_day_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    if shared() is None:
        return []
    days = [_days(s.text) for s in sentences]
    before = sentence_before(sentences)
    counted = {
        r: found
        for r, s in enumerate(sentences)
        if not days[r] and r in before and len(days[before[r]]) == 1 and (found := _opening_count(s.text))
    }
    rows = sorted({r for r, found in enumerate(days) if found} | set(counted))
    if len({sentences[r].article for r in rows}) < 2:
        return []
    docs = dict(zip(rows, parsed([sentences[r].text for r in rows]), strict=True))
    surnames = _surnames(sentences, rows)
    datings: list[DayDating] = []
    for r in rows:
        if r in counted:
            prior = before[r]
            datings += _carried(r, docs[r], surnames[r], (prior, docs[prior], days[prior][0]), counted[r])
        else:
            datings += [
                d
                for day in days[r]
                if (verb := _dated_verb(docs[r], day))
                for d in _acts(r, verb, surnames[r], day, day.surface)
            ]
    dates: dict[tuple[str, tuple[str, str, str]], set[tuple[int, int]]] = defaultdict(set)
    for d in datings:
        told = dates[(sentences[d.row].article, d.act)]
        told.add((d.day.when.month, d.day.when.day))
        if d.recurs:  # a day no calendar has: the article tells of two
            told.add((0, 0))
    conflicts: dict[frozenset[str], Conflict] = {}
    for a, b in combinations(datings, 2):
        articles = (sentences[a.row].article, sentences[b.row].article)
        if a.act != b.act or a.act[2] == ANYONE or articles[0] == articles[1] or not _differ(a.day, b.day):
            continue
        unnamed = (*a.act[:2], ANYONE)
        if any(len(dates[(article, a.act)] | dates[(article, unnamed)]) > 1 for article in articles):
            continue  # an article that dates the act to two days (or tells it again) tells of two
        conflicts.setdefault(frozenset((*articles, *a.act)), _conflict(a, b, sentences))
    return list(conflicts.values())


def _days(text: str) -> list[Day]:
    """The days a sentence gives, each as written (a count of days before it included)."""
    found = []
    for match in DAY_DATE.finditer(text):
        month, day, year = match["m1"] or match["m2"], match["d1"] or match["d2"], match["y1"] or match["y2"]
        try:
            when = date(int(year) if year else NO_YEAR, month_number(month), int(day))
        except ValueError:
            continue
        start = match.start()
        if counted := COUNTED.search(text[: match.start()]):
            count = counted["count"].lower()
            number = int(count) if count.isdigit() else NUMBER_WORDS.get(count, 0)
            if not number:
                continue  # "days after June 17", "several days after": no count
            offset = number * UNIT_DAYS[counted["unit"].lower()]
            when += timedelta(days=offset if counted["way"].lower() == "after" else -offset)
            start = counted.start()
        month_at = match.start("m1") if match["m1"] else match.start("m2")
        found.append(Day(when, bool(year), text[start : match.end()], month_at, start != match.start()))
    return found


def _differ(a: Day, b: Day) -> bool:
    if a.year_given and b.year_given and a.when.year != b.when.year:
        return False  # two years: two occurrences
    return (a.when.month, a.when.day) != (b.when.month, b.when.day)


def _opening_count(text: str) -> tuple[int, str] | None:
    """The days a sentence opening on a count of days ("A day later, …", "Later that day, …") puts its act
    after the one before, with the phrase."""
    opening = text.lstrip(" “\"'")
    if (same := SAME_TIME.match(opening)) and same[0].lower().endswith(DAY_PARTS):
        return 0, same[0]
    found = days_later(opening)
    return found if found and opening.lower().startswith(found[1].lower()) else None


def _surnames(sentences: list[Sentence], rows: list[int]) -> dict[int, dict[int, str]]:
    """Each row's people as the index of their name's last word, by surname; a surname the story gives two
    first names ("Kevin Johnson", "Magic Johnson") is left out."""
    docs = entity_docs([s.text for s in sentences])
    first_names: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                first_names[ent[-1].text].add(ent[0].text)
    wanted = set(rows)
    return {
        row: {e[-1].i: e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(first_names[e[-1].text]) < 2}
        for row, doc in enumerate(docs)
        if row in wanted
    }


def _dated_verb(doc: Doc, day: Day) -> Token | None:
    """The verb a date dates: the one its month hangs from, bare or by "on"/"in"; a counted date ("a day
    after June 17") by its "after" or "before"."""
    month = next((t for t in doc if t.idx == day.start and MONTH.fullmatch(t.text)), None)
    if month is None:
        return None
    if month.dep_ == "pobj":
        if month.head.lower_ not in (("after", "before") if day.counted else ON_THE_DAY):
            return None
        verb = month.head.head
    elif month.dep_ in ("npadvmod", "nmod", "dobj") and not day.counted:
        verb = month.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() not in GENERAL else None


def _carried(
    row: int, doc: Doc, people: dict[int, str], anchor: tuple[int, Doc, Day], count: tuple[int, str]
) -> list[DayDating]:
    """The acts of a sentence opening on a count of days, dated from the one day of the sentence before, when
    that day dates a verb of that sentence's main clause."""
    prior, prior_doc, day = anchor
    verb = _dated_verb(prior_doc, day)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if verb is None or root is None or any(t.dep_ not in MAIN_CLAUSE for t in (verb, *verb.ancestors)):
        return []
    when = Day(day.when + timedelta(days=count[0]), day.year_given, day.surface, day.start)
    surface = f"{_written(when)} ({count[1]}, from {day.surface} in the sentence before)"
    return [replace(d, dated_by=prior) for d in _acts(row, root, people, when, surface)]


def _acts(row: int, verb: Token, people: dict[int, str], day: Day, surface: str) -> list[DayDating]:
    """The acts of one verb dated to a day, one per named person it is done to or by."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in GENERAL:
        return []
    recurs = any(AGAIN.match(verb.doc[c.left_edge.i : c.right_edge.i + 1].text) for c in verb.children)
    found = []
    for child in verb.children:
        role = "done to" if child.dep_ in DONE_TO else "by" if child.dep_ in DOER else None
        if role is None:
            continue
        named = verb.head if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else child
        for person in (named, *named.conjuncts):
            who = people.get(person.i, ANYONE if person.lower_ in PERSONAL_PRONOUNS else None)
            if who is not None:
                found.append(DayDating(row, (SYNONYMS.get(lemma, lemma), role, who), day, surface, recurs=recurs))
    return found


def _written(day: Day) -> str:
    return f"{day.when:%B} {day.when.day}" + (f", {day.when.year}" if day.year_given else "")


def _conflict(a: DayDating, b: DayDating, sentences: list[Sentence]) -> Conflict:
    # the sentence a date is counted from is named in the reasons, not made evidence: it tells another act
    sides = []
    for d in sorted((a, b), key=lambda d: (d.day.when.month, d.day.when.day)):
        article = sentences[d.row].article
        sides.append(ConflictSide(d.surface, (article,), (Evidence(article, sentences[d.row].text),)))
    carried = [f"{CARRIED}: “{sentences[d.dated_by].text}”" for d in (a, b) if d.dated_by is not None]
    verb, role, person = a.act
    about = f"day of one act ({verb}, {role} {person})"
    return Conflict("", about, tuple(sides), kind="date", reasons=(REASON, *carried), confidence=CONFIDENCE)
