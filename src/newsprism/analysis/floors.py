"""Conflicts over the floor an act took place on: "the 17th floor, where first responders pulled them both
out" against "He pulled the mom from the 15th-floor shaft".

A building story names many floors (where the victim waited, where the car stopped, where she was pulled
out), so a floor is tied to the act it places, read from spaCy's dependency parse: the verb whose
preposition leads to the floor ("pulled ... from the 15th-floor shaft", "plummeting down to the 17th
floor") or the verb of a "where" clause on it ("the 17th floor, where ... pulled them out"). Two articles
whose only floors for one verb (its lemma) differ are a possible difference. Verbs that place nothing of
their own (being, having, saying) are left out. Without spaCy there are no such conflicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .parse import REPORTING, parsed, parser

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "the 17th floor", "the 15th-floor shaft", "the 3rd story", "the 10th storey"
FLOOR = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)[- ](?:floor|stor(?:e?y|ies))\b", re.I)
FLOOR_NOUNS = frozenset(("floor", "story", "storey"))
# Verbs too general to tell one act from another: any sentence may hold them.
GENERAL = frozenset(("be", "have", "do", "get", "go", "come", "make", "take", *REPORTING))
CONFIDENCE = 0.5
REASON = "the only floor each article gives for one act"


@dataclass(frozen=True, slots=True)
class FloorClaim:
    row: int
    verb: str  # lemma
    floor: int
    surface: str


def floor_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    if parser() is None:
        return []
    rows = [row for row, s in enumerate(sentences) if FLOOR.search(s.text)]
    claims = [
        claim
        for row, doc in zip(rows, parsed(sentences[r].text for r in rows), strict=True)
        for claim in _read(row, doc)
    ]
    by_verb: dict[str, dict[str, list[FloorClaim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        by_verb[claim.verb][sentences[claim.row].article].append(claim)
    conflicts = []
    for verb, by_article in sorted(by_verb.items()):
        clear = {a: found[0] for a, found in by_article.items() if len({c.floor for c in found}) == 1}
        floors = sorted({c.floor for c in clear.values()})
        if len(floors) != 2:
            continue
        sides = []
        for floor in floors:
            given = [c for c in clear.values() if c.floor == floor]
            evidence = tuple(Evidence(sentences[c.row].article, sentences[c.row].text) for c in given)
            sides.append(ConflictSide(given[0].surface, tuple(e.article for e in evidence), evidence))
        about = f"floor where one act took place ({verb})"
        conflicts.append(Conflict("", about, tuple(sides), kind="number", reasons=(REASON,), confidence=CONFIDENCE))
    return conflicts


def _read(row: int, doc: Doc) -> list[FloorClaim]:
    found = []
    for token in doc:
        if token.lemma_.lower() not in FLOOR_NOUNS or not (match := FLOOR.search(_phrase(token))):
            continue
        for verb in _acts(token):
            if verb.lemma_.lower() not in GENERAL:
                found.append(FloorClaim(row, verb.lemma_.lower(), int(match[1]), match[0]))
    return found


def _phrase(floor: Token) -> str:
    """The floor noun with the words before it in its phrase ("15th-floor", "17th floor")."""
    first = min((c.i for c in floor.children if c.i < floor.i), default=floor.i)
    return floor.doc[first : floor.i + 1].text


def _acts(floor: Token) -> list[Token]:
    """The verbs the floor places: the verb its preposition hangs from and that of a "where" clause on it."""
    acts = [c for c in floor.children if c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children)]
    noun = floor.head if floor.dep_ == "compound" else floor
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        acts.append(noun.head.head)
    return acts
