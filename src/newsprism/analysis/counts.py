"""Conflicts over how many things one actor acted on: "The Coast Guard sent a helicopter, plane and
boat" against "The Coast Guard sent the helicopter and two boats".

The sentences need not be rewordings of each other, so the count is tied to what it counts by
spaCy's dependency parse: the noun counted (its lemma), the verb it hangs from and that verb's
subject. Two articles whose only counts under one subject, verb and noun differ are a possible
difference. A count is a number word or figure on the noun, or the "a" of a list that the noun ends
("a helicopter, plane and boat": one boat); hedged counts ("at least two", "about 20"), counts of
more or other things ("two more boats"), the whole a part is of ("three of the eight charges") and
sentences whose subject is a pronoun are left out. Counts told in two tenses ("had six children", "has
seven children") are of two moments.

Parsing is kept to the sentences that can matter: those with a number, then those of other articles
that name a noun counted and hold an "a" (a list's). The parses are the ones every analyser shares.
Without spaCy or its English model there are no such conflicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .doc_cache import tokens_of
from .memo import Memo, at_row
from .parse import parsed, parser
from .values import HEDGES, NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words on a count or its noun that make it a bound, a share or another set: "at least two", "two more".
NOT_EXACT = frozenset({*HEDGES.split("|"), "least", "most", "more", "other", "additional", "another", "extra"})
NOT_EXACT |= frozenset(w for hedge in HEDGES.split("|") for w in hedge.split())
SMALL_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if w not in ("a", "an", "dozens")}
HAS_NUMBER = re.compile(rf"\b(?:\d+|{'|'.join(SMALL_NUMBERS)})\b", re.I)
# The "a" of a list, the only count a sentence without a number can give.
INDEFINITE = re.compile(r"\ban?\b", re.I)
PRONOUNS = frozenset("i you he she it we they this that these those who which".split())
CONFIDENCE = 0.5
REASON = "the only count each article gives of what one subject did to one kind of thing"


@dataclass(frozen=True, slots=True)
class Count:
    row: int
    key: tuple[str, str, str, str]  # subject, verb lemma, noun lemma, tense
    value: int
    surface: str


def count_conflicts(sentences: list[Sentence]) -> list[Conflict]:
    if parser() is None:  # without spaCy there is no parse to read counts from
        return []
    numbered = [row for row, s in enumerate(sentences) if HAS_NUMBER.search(s.text)]
    counts = _read(sentences, numbered)
    nouns = {c.key[2] for c in counts}
    if not nouns:
        return []
    noun_words = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(nouns))})(?:s|es)?\b", re.I)
    # the other sentences' counts are the "a" of a list ("a helicopter, plane and boat"): only those with
    # an "a" and a noun counted are parsed
    numbered_rows = set(numbered)
    others = [
        r
        for r, s in enumerate(sentences)
        if r not in numbered_rows and noun_words.search(s.text) and INDEFINITE.search(s.text)
    ]
    counts += _read(sentences, others)
    return _conflicts(counts, sentences)


def _read(sentences: list[Sentence], rows: list[int]) -> list[Count]:
    read = _COUNTS.get([sentences[row].text for row in rows], _counts)
    return [count for row, found in zip(rows, read, strict=True) for count in at_row(found, row)]


# Each sentence's counts (read at row 0), kept across stories: a story grown by one article reads that one.
_COUNTS: Memo[str, tuple[Count, ...]] = Memo()


def _counts(texts: list[str]) -> list[tuple[Count, ...]]:
    found = []
    for doc in parsed(texts):
        counts = []
        for token in tokens_of(doc, "NOUN", "PROPN"):
            if (counted := _count(token)) is not None:
                value, surface = counted
                if key := _key(token):
                    counts.append(Count(0, key, value, surface))
        found.append(tuple(counts))
    return found


def _count(noun: Token) -> tuple[int, str] | None:
    """The count on a noun: its number word or figure, else the "a" of the list it ends."""
    if any(c.lower_ in NOT_EXACT for c in noun.children):
        return None
    numbers = [c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i]
    if numbers:
        number = numbers[-1]
        value = SMALL_NUMBERS.get(number.lower_) or (int(number.text) if number.text.isdigit() else None)
        before = {t.lower_ for t in noun.doc[max(0, number.i - 2) : number.i]}
        if value is None or (len(numbers) > 1 and numbers[0].i != number.i - 1) or before & NOT_EXACT:
            return None
        if "of" in before:  # the whole of a part ("three of the eight charges"), not what was acted on
            return None
        if any(c.dep_ in ("advmod", "quantmod") for c in number.children):
            return None
        return value, noun.doc[number.i : noun.i + 1].text
    first = noun
    while first.dep_ == "conj":
        first = first.head
    own = [c for c in noun.children if c.dep_ == "det"]
    article = [c for c in first.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
    if first.i != noun.i and not own and article and noun.tag_ in ("NN", "NNP"):
        return 1, noun.doc[article[0].i : noun.i + 1].text
    return None


def _key(noun: Token) -> tuple[str, str, str, str] | None:
    """Subject, verb, noun and tense of a counted noun that the verb acts on (not its subject)."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ in ("nsubj", "nsubjpass"):
            return None
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or noun.dep_ in ("nsubj", "nsubjpass"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].lower_ in PRONOUNS:
        return None
    subject = subjects[0]
    words = [c.lower_ for c in subject.children if c.dep_ == "compound" and c.i < subject.i] + [subject.lemma_.lower()]
    return " ".join(words), verb.lemma_.lower(), noun.lemma_.lower(), tense(verb)


def tense(verb: Token) -> str:
    """When a verb tells its act: in the past ("sent", "has sent", "was sending"), as a present state or
    habit ("where the average woman has seven children"), or as what will or would be ("will send"). One
    subject's counts at two such times ("the average woman had six children" in 18th-century Europe) are of
    two moments, not one count told two ways."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tags = {verb.tag_, *(c.tag_ for c in aux)}
    if "MD" in tags:
        return "modal"
    if "VBD" in tags or (verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux)):
        return "past"
    return "present" if tags & {"VBZ", "VBP"} else ""


def _conflicts(counts: Iterable[Count], sentences: list[Sentence]) -> list[Conflict]:
    by_key: dict[tuple[str, str, str, str], dict[str, list[Count]]] = defaultdict(lambda: defaultdict(list))
    for count in counts:
        by_key[count.key][sentences[count.row].article].append(count)
    conflicts = []
    for key, by_article in sorted(by_key.items()):
        clear = {a: found for a, found in by_article.items() if len({c.value for c in found}) == 1}
        values = sorted({found[0].value for found in clear.values()})
        if len(values) != 2:
            continue
        sides = []
        for value in values:
            given = [found[0] for found in clear.values() if found[0].value == value]
            evidence = tuple(Evidence(sentences[c.row].article, sentences[c.row].text) for c in given)
            surfaces = "; ".join(dict.fromkeys(c.surface for c in given))
            sides.append(ConflictSide(surfaces, tuple(e.article for e in evidence), evidence))
        subject, verb, noun, _ = key
        about = f"number of {noun} ({subject}, {verb})"
        conflicts.append(Conflict("", about, tuple(sides), kind="number", reasons=(REASON,), confidence=CONFIDENCE))
    return conflicts
