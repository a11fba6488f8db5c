"""Conflicts over a person's age: "Frank Macomber, 66," in one article, "Macomber, 65," in another.

News gives ages in a few fixed shapes: after the name between commas ("Pasztor, 29, admitted"), as
"a 29-year-old" before it, "who was 29", "died at 34", "Kroll was 34." Each is a claim about one
person, so two articles giving that person different ages contradict each other, whatever else their
sentences say. A person is known by surname, or by full name where the story names several people
with one surname (a mother and her children); an article that gives one person two ages is left out.

"He was 35." is read as the age of the one person whose age the story tells elsewhere and whom the
article names, when the sentence before names nobody else ("Colin Kroll, a founder of the app, has
died. He was 35."); any other pronoun is left out.

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
from functools import lru_cache

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.tokens import STOPWORDS
from .captions import is_caption
from .memo import MAX_ITEMS

# A name may hold a nickname in quotes ("Liberty “Libby” German"), which the person's key leaves out.
NICKNAME = r"[\"“][A-Z][\w'’.-]*[\"”]"
NAME = rf"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{NICKNAME}|de|van|von|bin|al-\w+)){{0,3}})"
AGE = r"(?P<age>\d{1,3})"
# "was 34" is an age only where the sentence or clause ends there or "years old" follows: a number with a
# unit or decimals after it is a measure ("was 7.7 feet", "was 34.5").
AGE_ENDS = r"(?![\d.,]\d)(?=\s*(?:[.;](?!\d)|$|years?\s+old))"
AGE_SHAPES = [
    re.compile(rf"{NAME},\s+{AGE}[,;]\s"),  # "Frank Macomber, 66, of Fort Wayne", "Kevin Deon Johnson, 24; Dwight"
    re.compile(rf"\b{AGE}-year-old\s+(?:[a-z]+\s+){{0,3}}?{NAME}"),  # "66-year-old neighbour Frank Macomber"
    re.compile(rf"{NAME},\s+(?:who\s+was\s+|aged\s+){AGE}\b"),  # "Kroll, who was 34"
    re.compile(rf"{NAME}\s+(?:\w+\s+){{0,2}}?(?:died|dies|dead)\s+at\s+(?:the\s+)?(?:age\s+)?(?:of\s+)?{AGE}\b"),
    re.compile(rf"{NAME}\s+was\s+{AGE}{AGE_ENDS}"),  # "Kroll was 34.", never "Sue's was 7.7 feet"
]
# One age given to two people at once: "13-year-olds Liberty German and Abigail Williams", "Liberty German
# and Abigail Williams, both 13".
OTHER = NAME.replace("?P<name>", "?P<other>")
PAIR_SHAPES = [
    re.compile(rf"\b{AGE}-year-olds\s+{NAME}\s+and\s+{OTHER}"),
    re.compile(rf"{NAME}\s+and\s+{OTHER},\s+both\s+(?:aged\s+)?{AGE}\b(?![\d.,]\d|-)"),
]
NOT_NAMES = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Aug Sept Sep Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At By "
    "He She They It This That".split()
)
# "He was 35." / "She was 29 years old.": a pronoun's age, resolved in pronoun_claims.
PRONOUN_AGE = re.compile(rf"(?:^|[.;]\s+)(?:He|She)\s+(?:was|is)\s+{AGE}{AGE_ENDS}")
# "the 75-year-old leader", "her 27-year-old son": a person known by a description, one word after the age;
# a name after it makes it a named age (AGE_SHAPES).
DESCRIBED = re.compile(
    rf"\b(?P<det>(?i:the|his|her|their|its|my|our|your|an?))\s+{AGE}-year-old\s+(?P<noun>[a-z]+)\b(?!\s+[A-Z])"
)
# Any age an article gives: "4-year-old", "Macomber, 66,".
ANY_AGE = re.compile(r"\b(\d{1,3})(?:-year-old\b|,\s)")
DEFINITE = frozenset("the his her their its my our your".split())
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][\w'’-]+)\b")
# How sure an age makes newsprism of whose it is: named in the sentence, or a pronoun resolved.
NAMED_CONFIDENCE = 0.9
PRONOUN_CONFIDENCE = 0.6
# A description is shared by more people than a name ("the 25-year-old man" may be the victim in one
# article and the suspect in another): a possible difference only.
DESCRIBED_CONFIDENCE = 0.5
# Ages outside this range are not a person's age as news gives it (a "150-year-old building").
OLDEST = 120
REASON = "the same person's age in two articles"
PRONOUN_REASON = "'he' or 'she' read as the one person of the article whose age the story tells"
DESCRIBED_REASON = "one description ('the 75-year-old leader') given two ages, no other age given with it"


@dataclass(frozen=True, slots=True)
class AgeClaim:
    person: str  # as written
    age: int
    sentence: Sentence
    key: str = ""  # of a person known by a description: "described leader"


def age_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    claims = [claim for sentence in sentences for claim in _claims(sentence)]
    shared = _shared_surnames(story)
    resolved = _pronoun_claims(sentences, claims, shared)
    claims += resolved + _described_claims(sentences)
    by_person: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    said: dict[tuple[str, str, int], AgeClaim] = {}
    for claim in claims:
        key = claim.key or _person_key(claim.person, shared)
        if key is None:
            continue
        by_person[key][claim.sentence.article].add(claim.age)
        said.setdefault((key, claim.sentence.article, claim.age), claim)
    conflicts = []
    for key, ages in sorted(by_person.items()):
        clear = {article: next(iter(found)) for article, found in ages.items() if len(found) == 1}
        if len(set(clear.values())) < 2 or (key.startswith("described ") and _known_elsewhere(clear, sentences)):
            continue
        names = [said[(key, article, age)].person for article, age in clear.items()]
        sides = []
        for age in sorted(set(clear.values())):
            articles = tuple(a for a, given in clear.items() if given == age)
            evidence = tuple(Evidence(a, said[(key, a, age)].sentence.text) for a in articles)
            sides.append(ConflictSide(str(age), articles, evidence))
        by_pronoun = any(said[(key, a, age)] in resolved for a, age in clear.items())
        confidence = PRONOUN_CONFIDENCE if by_pronoun else NAMED_CONFIDENCE
        reasons = (REASON, PRONOUN_REASON) if by_pronoun else (REASON,)
        if key.startswith("described "):
            confidence, reasons = DESCRIBED_CONFIDENCE, (REASON, DESCRIBED_REASON)
        about = f"age of {max(names, key=len)}"
        conflicts.append(Conflict("", about, tuple(sides), kind="number", reasons=reasons, confidence=confidence))
    return conflicts


def _pronoun_claims(sentences: list[Sentence], named: list[AgeClaim], shared: set[str]) -> list[AgeClaim]:
    """Ages given to "he" or "she", each read as the one person of the story with a named age that its
    article names, provided the sentence before names no one else."""
    people = {key: claim.person for claim in named if (key := _person_key(claim.person, shared))}
    found = []
    for row, sentence in enumerate(sentences):
        match = PRONOUN_AGE.search(sentence.text)
        if not match or not 0 < int(match["age"]) <= OLDEST:
            continue
        text = " ".join(s.text for s in sentences if s.article == sentence.article)
        named_here = [key for key in people if re.search(rf"\b{re.escape(key.split()[-1])}\b", text, re.I)]
        before = sentences[row - 1] if row and sentences[row - 1].article == sentence.article else None
        others = {last.lower() for _, last in FULL_NAME.findall(before.text)} if before else set()
        if len(named_here) == 1 and others <= {named_here[0].split()[-1]}:
            found.append(AgeClaim(people[named_here[0]], int(match["age"]), sentence))
    return found


def _known_elsewhere(clear: dict[str, int], sentences: list[Sentence]) -> bool:
    """Whether an article gives, to anyone, the age another article gives the description: then the two
    may be two people ("his 4-year-old brother" of one, "his 20-year-old brother" of the other, each
    article telling both ages)."""
    given: dict[str, set[int]] = defaultdict(set)
    for sentence in sentences:
        given[sentence.article] |= {int(age) for age in ANY_AGE.findall(sentence.text)}
    return any(age in given[article] for article in clear for other, age in clear.items() if other != article)


def _described_claims(sentences: list[Sentence]) -> list[AgeClaim]:
    """Ages of people known by a definite description ("the 75-year-old leader", "her 27-year-old son"),
    keyed by the noun; a noun the story gives two ages in one article ("a 25-year-old man" and "a
    30-year-old man") describes more than one person and is left out."""
    found: list[AgeClaim] = []
    ages: dict[tuple[str, str], set[int]] = defaultdict(set)
    for sentence in sentences:
        for match in DESCRIBED.finditer(sentence.text):
            noun, age = match["noun"], int(match["age"])
            if noun in STOPWORDS or not 0 < age <= OLDEST:
                continue
            ages[(sentence.article, noun)].add(age)
            if match["det"].lower() in DEFINITE:
                found.append(AgeClaim(f"the {noun}", age, sentence, key=f"described {noun}"))
    several = {noun for (_, noun), given in ages.items() if len(given) > 1}
    return [c for c in found if c.person.removeprefix("the ") not in several]


def _claims(sentence: Sentence) -> list[AgeClaim]:
    """The named ages of a sentence; none from page furniture (a photo's caption, a video's blurb), which is
    of the day the picture was taken, not the article's own telling."""
    return [AgeClaim(name, age, sentence) for name, age in _named_ages(sentence.text)]


@lru_cache(maxsize=MAX_ITEMS)  # read again when a story grows by one article
def _named_ages(text: str) -> tuple[tuple[str, int], ...]:
    if is_caption(text):
        return ()
    found = []
    for shape, names in [*((s, ("name",)) for s in AGE_SHAPES), *((s, ("name", "other")) for s in PAIR_SHAPES)]:
        for match in shape.finditer(text):
            age = int(match["age"])
            for name in filter(None, (name_in(match[group]) for group in names)):
                if 0 < age <= OLDEST:
                    found.append((name, age))
    return tuple(found)


def name_in(text: str) -> str | None:
    """The person's name in what a name pattern took, without words that open or end no name ("On", "May");
    None when nothing of a name is left."""
    words = [w.strip(".’'") for w in text.split() if not re.fullmatch(NICKNAME, w)]
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
            if first not in NOT_NAMES and first.lower() not in STOPWORDS:  # "Can Kroll ..." opens a question
                first_names[last.lower()].add(first)
    return {last for last, firsts in first_names.items() if len(firsts) > 1}


def _person_key(name: str, shared: set[str]) -> str | None:
    """The surname, or the full name where the story shares the surname; None when that is ambiguous."""
    words = name.lower().split()
    if words[-1] not in shared:
        return words[-1]
    return " ".join(words) if len(words) > 1 else None
