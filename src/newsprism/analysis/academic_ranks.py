"""Conflicts over a named person's academic rank: "said Matthew Kanan, an assistant professor of chemistry"
in one article, "says Matthew Kanan, an associate professor of chemistry" in another.

A university's professors hold one rank at a time, and "assistant" and "associate" are two of them: one
person given both by two articles is a conflict. News gives the rank after the name ("Kanan, an associate
professor", "Kanan, who is an assistant professor") or as a title before it ("Assistant Professor Matthew
Kanan"). A bare "professor" may be either told short, and ranks of another sort ("adjunct", "visiting",
"emeritus") may go with either, so neither is compared. A person is known by surname; a surname the rank
claims give two first names, or an article that gives one person both ranks, is left out. A name is a
person's only when no word of it names an organisation ("Stanford University, an associate professor")
and, told by surname alone, when a rank claim gives that surname with a first name ("Jane Roe, PhD, an
assistant professor" gives no rank to a "PhD").

>>> from newsprism.records import Sentence
>>> a = Sentence("a", 0, "said Matthew Kanan, an assistant professor of chemistry at Stanford.")
>>> b = Sentence("b", 0, "Kanan, an associate professor, co-wrote the paper.")
>>> [(c.about, [s.value for s in c.sides]) for c in rank_conflicts([a, b])]
[('academic rank of Matthew Kanan', ['assistant professor', 'associate professor'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..records import Conflict, ConflictSide, Evidence, Sentence
from ..text.tokens import STOPWORDS
from .ages import NAME, name_in
from .entity_words import ORG_WORDS

RANK = r"(?P<rank>(?i:assistant|associate))\s+(?i:professor)\b"
RANK_SHAPES = [
    re.compile(rf"{NAME},\s+(?:who\s+is\s+|who\s+was\s+)?(?:an?\s+|the\s+)?{RANK}"),  # "Kanan, an associate professor"
    re.compile(rf"\b(?P<rank>Assistant|Associate)\s+Professor\s+{NAME}"),  # "Associate Professor Matthew Kanan"
]
# Exclusive ranks, each told in two articles: one is wrong, as two ages of one person are.
CONFIDENCE = 0.7
REASON = "one person, named by surname, given two academic ranks that cannot both hold"


@dataclass(frozen=True, slots=True)
class RankClaim:
    person: str  # as written
    rank: str  # lower case: "associate professor"
    sentence: Sentence


def rank_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    claims = [claim for sentence in sentences for claim in _claims(sentence)]
    named_in_full = {c.person.split()[-1] for c in claims if " " in c.person}
    by_surname: dict[str, list[RankClaim]] = defaultdict(list)
    for claim in (c for c in claims if c.person.split()[-1] in named_in_full):
        by_surname[claim.person.split()[-1].lower()].append(claim)
    conflicts = []
    for _, found in sorted(by_surname.items()):
        if len({c.person.split()[0] for c in found if len(c.person.split()) > 1}) > 1:
            continue  # two people of one surname
        ranks: dict[str, set[str]] = defaultdict(set)
        for claim in found:
            ranks[claim.sentence.article].add(claim.rank)
        clear = {article: next(iter(given)) for article, given in ranks.items() if len(given) == 1}
        told = sorted(set(clear.values()))
        if len(told) != 2:
            continue
        said = {(c.sentence.article, c.rank): c.sentence.text for c in reversed(found)}  # each article's first
        sides = []
        for rank in told:
            evidence = tuple(Evidence(a, said[(a, rank)]) for a, given in clear.items() if given == rank)
            sides.append(ConflictSide(rank, tuple(e.article for e in evidence), evidence))
        about = f"academic rank of {max((c.person for c in found), key=len)}"
        conflicts.append(Conflict("", about, tuple(sides), kind="other", reasons=(REASON,), confidence=CONFIDENCE))
    return conflicts


def _claims(sentence: Sentence) -> list[RankClaim]:
    found = []
    for shape in RANK_SHAPES:
        for match in shape.finditer(sentence.text):
            if person := _person(match["name"]):
                found.append(RankClaim(person, f"{match['rank'].lower()} professor", sentence))
    return found


def _person(text: str) -> str | None:
    """The person's name a rank pattern took ("But Jonathan Albright": "Jonathan Albright"), or None for an
    organisation's."""
    words = (name_in(text) or "").split()
    while words and words[0].lower() in STOPWORDS:
        words.pop(0)
    if not words or any(w.lower() in ORG_WORDS or w.isupper() for w in words):
        return None
    return " ".join(words)
