"""Conflicts over a person's age: "Frank Macomber, 66," in one article, "Macomber, 65," in another.

News gives ages in a few fixed shapes: after the name between commas ("Pasztor, 29, admitted"), as
"a 29-year-old" before it, "who was 29", "died at 34", "Kroll was 34." Each is a claim about one
person, so two articles giving that person different ages contradict each other, whatever else their
sentences say. A person is known by surname, or by full name where the story names several people
with one surname (a mother and her children); an article that gives one person two ages is left out.

>>> from newsprism.records import Article, Sentence, Story
>>> first, second = "Frank Macomber, 66, was found in a ditch.", "Macomber, 65, was shot."
>>> a, b = Article("a", first, sentences=(first,)), Article("b", second, sentences=(second,))
>>> story = Story("s", (a, b))
>>> [(c.about, [s.value for s in c.sides]) for c in age_conflicts(story, story.sentences())]
[('age of Frank Macomber', ['65', '66'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story

NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|al-\w+)){0,3})"
AGE = r"(?P<age>\d{1,3})"
AGE_SHAPES = [
    re.compile(rf"{NAME},\s+{AGE},\s"),  # "Frank Macomber, 66, of Fort Wayne"
    re.compile(rf"\b{AGE}-year-old\s+(?:[a-z]+\s+){{0,3}}?{NAME}"),  # "66-year-old neighbour Frank Macomber"
    re.compile(rf"{NAME},\s+(?:who\s+was\s+|aged\s+){AGE}\b"),  # "Kroll, who was 34"
    re.compile(rf"{NAME}\s+(?:\w+\s+){{0,2}}?(?:died|dies|dead)\s+at\s+(?:the\s+)?(?:age\s+)?(?:of\s+)?{AGE}\b"),
    re.compile(rf"{NAME}\s+was\s+{AGE}(?=\s*(?:[.;]|$|years?\s+old))"),  # "Kroll was 34."
]
NOT_NAMES = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Aug Sept Sep Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At By "
    "He She They It This That".split()
)
# Ages outside this range are not a person's age as news gives it (a "150-year-old building").
OLDEST = 120
REASON = "the same person's age in two articles"


@dataclass(frozen=True, slots=True)
class AgeClaim:
    person: str  # as written
    age: int
    sentence: Sentence


def age_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    claims = [claim for sentence in sentences for claim in _claims(sentence)]
    shared = _shared_surnames(story)
    by_person: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    said: dict[tuple[str, str, int], AgeClaim] = {}
    for claim in claims:
        key = _person_key(claim.person, shared)
        if key is None:
            continue
        by_person[key][claim.sentence.article].add(claim.age)
        said.setdefault((key, claim.sentence.article, claim.age), claim)
    conflicts = []
    for key, ages in sorted(by_person.items()):
        clear = {article: next(iter(found)) for article, found in ages.items() if len(found) == 1}
        if len(set(clear.values())) < 2:
            continue
        names = [said[(key, article, age)].person for article, age in clear.items()]
        sides = []
        for age in sorted(set(clear.values())):
            articles = tuple(a for a, given in clear.items() if given == age)
            evidence = tuple(Evidence(a, said[(key, a, age)].sentence.text) for a in articles)
            sides.append(ConflictSide(str(age), articles, evidence))
        conflicts.append(Conflict("", f"age of {max(names, key=len)}", tuple(sides), kind="number", reasons=(REASON,)))
    return conflicts


def _claims(sentence: Sentence) -> list[AgeClaim]:
    found = []
    for shape in AGE_SHAPES:
        for match in shape.finditer(sentence.text):
            name = _name(match["name"])
            age = int(match["age"])
            if name and 0 < age <= OLDEST:
                found.append(AgeClaim(name, age, sentence))
    return found


def _name(text: str) -> str | None:
    words = [w.strip(".’'") for w in text.split()]
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    if not words or words[-1] in NOT_NAMES or not words[-1][:1].isupper() or words[-1].isupper():
        return None
    return " ".join(words)


def _shared_surnames(story: Story) -> set[str]:
    """Surnames the story gives to more than one person ("Rene Pasztor", "Kelly Pasztor")."""
    first_names: dict[str, set[str]] = defaultdict(set)
    for article in story.articles:
        for first, last in re.findall(r"\b([A-Z][a-z]+)\s+([A-Z][\w'’-]+)\b", article.text):
            if first not in NOT_NAMES:
                first_names[last.lower()].add(first)
    return {last for last, firsts in first_names.items() if len(firsts) > 1}


def _person_key(name: str, shared: set[str]) -> str | None:
    """The surname, or the full name where the story shares the surname; None when that is ambiguous."""
    words = name.lower().split()
    if words[-1] not in shared:
        return words[-1]
    return " ".join(words) if len(words) > 1 else None
