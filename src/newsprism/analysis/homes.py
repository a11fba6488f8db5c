"""Conflicts over where a person is from: "A Flagler County woman has been arrested … Shelby McDowell, 20,
told deputies …" in one article, "Shelby McDowell, of Lake Butler, told deputies …" in another.

News writing gives a person's home two ways: after the name ("Shelby McDowell, 20, of Lake Butler,"),
and, in a report's opening lines, before a noun that stands for the person until the name comes ("A
Flagler County woman has been arrested"). The second is read as the home of the first person named in
full in the next sentences, when the sentence itself names no one. Two articles that give one person (the
same surname) two homes disagree, unless either article names the other's place anywhere (a town and
its county, "of Palm Coast" and "Flagler County jail"), or either place is a country or a state, which
may hold the other ("a Florida woman", "of Lake Butler").

>>> from newsprism.records import Article, Story
>>> a = "Jane Roe, 41, of Dayton, was arrested on Sunday."
>>> b = "Jane Roe, of Akron, was arrested on Sunday."
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in home_conflicts(story, story.sentences())]  # doctest: +SKIP
[('where Roe is from', ['Dayton', 'Akron'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.tokens import fold
from .doc_cache import entity_docs
from .entity_words import COUNTRIES

PLACE = r"(?P<place>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
# "Jane Roe, 41, of Dayton," — the place ends at a mark or at the verb the name is the subject of.
AFTER_NAME = re.compile(r",(?: \d{1,3},)? of " + PLACE + r"(?=[,;.)]| (?:and|who|was|is|has|had|told|said)\b)")
# "A 20-year-old Flagler County woman": nouns that stand for one person in a report's opening lines.
BEFORE_NOUN = re.compile(
    r"\b[Aa]n? (?:[\w-]+-year-old )?" + PLACE + r" (?:man|woman|boy|girl|teen|teenager|mother|father|resident)\b"
)
# The opening lines of an article, where "a Flagler County woman" stands for the person named next, and
# how many sentences after it the name must come.
OPENING = 3
NAME_WITHIN = 2
# A name right after the place ("Jane Roe, 41, of Dayton") must end this close before it (", 41").
NAME_GAP = 6
# A home given after the name is the outlet's plain statement; one read from an opening noun rests on
# the person being the one named next: a possible difference.
AFTER_NAME_CONFIDENCE = 0.6
OPENING_CONFIDENCE = 0.5
REASON = "one person, named by surname, given two homes, and neither article names the other's place"


@dataclass(frozen=True, slots=True)
class Home:
    surname: str
    place: str
    opening: bool
    sentence: Sentence


def home_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    texts = {a.id: a.text.lower() for a in story.articles}
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_article[sentence.article].append(sentence)
    homes = [h for rows in by_article.values() for h in _homes(sorted(rows, key=lambda s: s.index))]
    conflicts: dict[tuple[str, ...], Conflict] = {}
    for a, b in combinations(homes, 2):
        if (
            a.sentence.article != b.sentence.article
            and a.surname == b.surname
            and a.place.lower() != b.place.lower()
            and a.place.lower() not in texts[b.sentence.article]
            and b.place.lower() not in texts[a.sentence.article]
            and not {fold(a.place), fold(b.place)} & COUNTRIES
        ):
            key = (a.surname, *sorted((a.place, b.place)))
            conflicts.setdefault(key, _conflict(a, b))
    return list(conflicts.values())


def _homes(rows: list[Sentence]) -> list[Home]:
    """The homes one article gives, its sentences in order."""
    homes: list[Home] = []
    opening: Sentence | None = None
    opening_place = ""
    for sentence, doc in zip(rows, entity_docs([s.text for s in rows]), strict=True):
        people = [e for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2]
        for after in AFTER_NAME.finditer(sentence.text):
            named = [e for e in people if 0 <= after.start() - e.end_char <= NAME_GAP]
            if named:
                homes.append(Home(_surname(named[-1].text), after["place"], False, sentence))
        if opening is not None and people:
            homes.append(Home(_surname(people[0].text), opening_place, True, opening))
            opening = None
        elif opening is not None and sentence.index - opening.index > NAME_WITHIN:
            opening = None
        before = BEFORE_NOUN.search(sentence.text) if sentence.index < OPENING and not people else None
        if opening is None and before is not None:
            opening, opening_place = sentence, before["place"]
    return homes


def _surname(name: str) -> str:
    return re.sub(r"['’]s$", "", name.split()[-1])


def _conflict(a: Home, b: Home) -> Conflict:
    sides = tuple(
        ConflictSide(h.place, (h.sentence.article,), (Evidence(h.sentence.article, h.sentence.text),)) for h in (a, b)
    )
    sure = not (a.opening or b.opening)
    return Conflict(
        "",
        f"where {a.surname} is from",
        sides,
        kind="place",
        reasons=(REASON,),
        confidence=AFTER_NAME_CONFIDENCE if sure else OPENING_CONFIDENCE,
    )
