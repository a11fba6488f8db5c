"""Conflicts over what a described person is: "The 24-year-old computer science student" in one article,
"The 24-year old electronics student" in another.

News describes a person it has not yet named, or names once, by age and role ("the 75-year-old
leader", "Ghlam, a 24-year-old student"), and often says more of the role with nouns before it (a
field of study, a trade, a service: "computer science student", "truck driver", "army veteran"). Read
from spaCy's parse, the person is the age and the role noun, in a definite description or in apposition
to a name; the role's kind is the nouns compounded with it. Two articles that each give that person's
role one kind, and never use the other's words anywhere (a "science student" is a "computer science
student" told short), are a possible difference: the two kinds may still both be true (a "delivery
driver" may drive a truck), so it is never told as a conflict. An article that gives the person two
kinds (or describes two such people) is left out. Without spaCy there are no such conflicts.

A named person's academic rank, which needs no parse, is read the same way (:mod:`.academic_ranks`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .academic_ranks import rank_conflicts
from .ages import DEFINITE
from .parse import parsed, parser

if TYPE_CHECKING:
    from spacy.tokens import Doc

AGED = re.compile(r"\b(?P<age>\d{1,3})[- ]years?[- ]old\b", re.I)
CONFIDENCE = 0.5
REASON = "one person, known by age and role, whose role each article qualifies with other words"


@dataclass(frozen=True, slots=True)
class Role:
    row: int
    person: tuple[int, str]  # age and role noun (lemma): (24, "student")
    kind: tuple[str, ...]  # the nouns compounded with the role, lower case: ("computer", "science")
    surface: str  # as written: "computer science student"


def role_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    ranks = rank_conflicts(sentences)
    if parser() is None:
        return ranks
    rows = [row for row, s in enumerate(sentences) if AGED.search(s.text)]
    docs = parsed(sentences[r].text for r in rows)
    roles = [role for row, doc in zip(rows, docs, strict=True) for role in _read(row, doc)]
    kinds: dict[tuple[int, str], dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    said: dict[tuple[tuple[int, str], str, tuple[str, ...]], Role] = {}
    for role in roles:
        article = sentences[role.row].article
        kinds[role.person][article].add(role.kind)
        said.setdefault((role.person, article, role.kind), role)
    texts: dict[str, str] = defaultdict(str)
    for sentence in sentences:
        texts[sentence.article] += " " + sentence.text.lower()
    conflicts = []
    for person, by_article in sorted(kinds.items()):
        clear = {a: next(iter(given)) for a, given in by_article.items() if len(given) == 1}
        told = sorted(set(clear.values()))
        if len(told) != 2 or _either_uses_both(clear, texts):
            continue
        sides = []
        for kind in told:
            given = [said[(person, a, kind)] for a, k in clear.items() if k == kind]
            evidence = tuple(Evidence(sentences[r.row].article, sentences[r.row].text) for r in given)
            sides.append(ConflictSide(given[0].surface, tuple(e.article for e in evidence), evidence))
        about = f"what kind of {person[1]} the {person[0]}-year-old is"
        conflicts.append(Conflict("", about, tuple(sides), kind="other", reasons=(REASON,), confidence=CONFIDENCE))
    return ranks + conflicts


def _either_uses_both(clear: dict[str, tuple[str, ...]], texts: dict[str, str]) -> bool:
    """Whether an article uses the other kind's words somewhere ("a student of electronics and computer
    science"): then it knows both, and its own description leaves out no contradiction."""
    return any(
        re.search(rf"\b{re.escape(' '.join(other))}\b", texts[article])
        for article, kind in clear.items()
        for other in set(clear.values())
        if other != kind
    )


def _read(row: int, doc: Doc) -> list[Role]:
    """Roles of people known by age that nouns compounded with the role qualify: "the 24-year-old computer
    science student", "Ghlam, a 24-year-old electronics student"."""
    found = []
    for noun in doc:
        before = doc[noun.left_edge.i : noun.i]
        if noun.pos_ != "NOUN" or not (age := AGED.search(before.text)):
            continue
        if before[0].lower_ not in DEFINITE and noun.dep_ != "appos":
            continue
        # only nouns compounded with the role stand between the age and it: the age is the role's own
        # ("the 24-year-old student's dorm room" gives no age to a room, nor "a 24-year-old Algerian student"
        # a kind to the student)
        words = [t for t in before if t.idx >= before.start_char + age.end()]
        if not words or any(t.pos_ != "NOUN" or t.dep_ != "compound" or t.like_num for t in words):
            continue
        kind = tuple(w.lower_ for w in words)
        surface = doc[words[0].i : noun.i + 1].text
        found.append(Role(row, (int(age["age"]), noun.lemma_.lower()), kind, surface))
    return found
