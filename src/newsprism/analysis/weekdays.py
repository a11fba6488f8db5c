"""Conflicts over the weekday of one event: "two former staff members were indicted Thursday" in one
article, "according to an indictment handed up Tuesday and unsealed Thursday" in another.

A weekday name dates the verb it hangs from in the dependency parse ("indicted Thursday"). A support
verb, which only carries a noun's event ("an indictment handed up", "charges were filed", "the hearing was
held"), dates that noun's event instead. Two datings are of one event when one article tells it by its
noun and the other by a verb of the noun's stem ("indictment", "indict"). Two datings of one verb are
never compared: events recur under one verb, each told of its day in one article ("the Dow closed down
666 points" on Friday, "down 1,175 points" on Monday; "the House passed" it Wednesday, "the Senate
passed" it Friday), nor two of one noun ("a hearing was held" Monday and another Thursday). Speech is no
event ("said Thursday"). An article that gives one event two weekdays tells of two occurrences and is
left out for that event. Two articles of one story are taken to be of one week.

>>> from newsprism.records import Article, Story
>>> a = "Two former aides were indicted Thursday for circulating the images."
>>> b = "According to an indictment handed up Tuesday and unsealed Thursday, McCullum offered to help."
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in weekday_conflicts(story.sentences())]  # doctest: +SKIP
[('weekday of the indictment', ['Thursday', 'Tuesday'])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .doc_cache import parsed, shared
from .moments import WEEKDAY_NAMES
from .ownvoice import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Support verbs of English: verbs whose own meaning is slight and whose event is the noun they carry
# ("an indictment was handed up / returned", "charges were filed / brought", "a hearing was held").
SUPPORT = frozenset("hand return file bring issue lodge level hold make take".split())
# A noun and a verb are one event when one starts with the other and the shorter has this many letters
# ("indict", "indictment"); shorter words ("kill", "killer") differ too often in what they tell.
SAME_STEM = 5
# The parse may hang a weekday on the wrong verb and a noun's event may recur: a possible difference.
CONFIDENCE = 0.5
REASON = "an event told by a verb in one article and by its noun in the other, dated to two weekdays"


@dataclass(frozen=True, slots=True)
class Dating:
    """One event dated to a weekday in one sentence: the event's word (a verb's or a noun's lemma) and
    whether a noun tells it."""

    event: str
    day: str
    noun: bool
    sentence: Sentence


def weekday_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    rows = [s for s in sentences if WEEKDAY_NAMES.search(s.text)]
    if shared() is None or not rows:
        return []
    datings = [d for s, doc in zip(rows, parsed([s.text for s in rows]), strict=True) for d in _datings(s, doc)]
    days: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in datings:
        days[(d.sentence.article, d.event)].add(d.day)
    conflicts: dict[frozenset[str], Conflict] = {}
    for a, b in combinations(datings, 2):
        if a.sentence.article == b.sentence.article or a.day == b.day or not _one_event(a, b):
            continue
        # an article that dates the event to two weekdays tells of more than one
        if len(days[(a.sentence.article, a.event)]) > 1 or len(days[(b.sentence.article, b.event)]) > 1:
            continue
        key = frozenset((a.sentence.article, b.sentence.article, a.event, b.event))
        conflicts.setdefault(key, _conflict(a, b))
    return list(conflicts.values())


def _datings(sentence: Sentence, doc: Doc) -> list[Dating]:
    found = []
    for token in doc:
        if not WEEKDAY_NAMES.fullmatch(token.text):
            continue
        carrier = token.head if token.head.pos_ == "ADP" and token.dep_ == "pobj" else token
        verb = carrier.head
        if verb.pos_ != "VERB" or carrier.dep_ not in ("npadvmod", "prep") or verb.lemma_.lower() in REPORTING:
            continue
        lemma = verb.lemma_.lower()
        noun = _carried_noun(verb) if lemma in SUPPORT else None
        if noun is not None:
            found.append(Dating(noun.lemma_.lower(), token.text, True, sentence))
        else:
            found.append(Dating(lemma, token.text, False, sentence))
    return found


def _carried_noun(verb: Token) -> Token | None:
    """The noun whose event a support verb carries: the noun it describes ("an indictment handed up"),
    its passive subject ("charges were filed") or its object ("filed charges")."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "NOUN"), None)


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= SAME_STEM and long.startswith(short))


def _one_event(a: Dating, b: Dating) -> bool:
    return a.noun != b.noun and _same_word(a.event, b.event)


def _conflict(a: Dating, b: Dating) -> Conflict:
    noun = a.event if a.noun else b.event
    sides = tuple(
        ConflictSide(d.day, (d.sentence.article,), (Evidence(d.sentence.article, d.sentence.text),)) for d in (a, b)
    )
    return Conflict("", f"weekday of the {noun}", sides, kind="date", reasons=(REASON,), confidence=CONFIDENCE)
