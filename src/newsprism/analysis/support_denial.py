"""Whether an article denies what a sentence claims: one of its sentences negates the claim's verb, or a
verb of effect, on the same thing.

A summary sentence cites the articles that say it; an article that says the opposite must never be
among them. "Dozens of people could now have their convictions overturned" is denied by "It will not
impact on existing convictions": a negated effect on what the claim acts on. The check reads the
parse: the claim's verbs, each with the nouns it acts on (its object, its passive subject, the noun of
its preposition, the subject of a participle it leads: "have their convictions overturned"), and, in
the article, the negated verbs with the nouns they act on. It denies when a negated verb is the claim's
own verb, or one of :data:`EFFECT` (a negated effect on a thing denies any change to it), on a noun the
claim's verb acts on, and no sentence of the article states the claim's verb on that noun without a
negation (an article telling both is citing the claim and its limits). Without spaCy nothing is denied.

>>> denies("It will not impact on convictions.", "Dozens could have convictions overturned.")  # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .doc_cache import parsed
from .parse import parser

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Where one sentence ends and the next begins, in an article's text and in a claim (support.py reads it too).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# Verbs of effect, general English: "will not affect/impact/change X" denies that anything is done to X.
# Not "touch": "did not touch the bodies" agrees with "the bodies were left untouched".
EFFECT = frozenset("affect impact change alter apply".split())
# The dependencies by which a verb acts on a noun: its object, its passive subject, its attribute.
ACTED_ON = frozenset(("dobj", "nsubjpass", "attr", "oprd"))
NOUN_TAGS = frozenset(("NOUN", "PROPN"))


def denies(text: str, sentence: str) -> bool:
    """Whether ``text`` (an article) negates what ``sentence`` claims, as the module says."""
    if parser() is None:
        return False
    claimed = _claimed(sentence)
    if not claimed:
        return False
    nouns = {noun for _, noun in claimed}
    candidates = tuple(s for s in SENTENCE_BREAK.split(text) if any(_root(noun) in s.lower() for noun in nouns))
    if not candidates:
        return False
    negated: set[tuple[str, str]] = set()
    stated: set[tuple[str, str]] = set()
    for doc in parsed(candidates):
        for verb, noun, negative in _acts(doc):
            (negated if negative else stated).add((verb, noun))
    return any(
        (verb, noun) in negated or any((effect, noun) in negated for effect in EFFECT)
        for verb, noun in claimed
        if (verb, noun) not in stated
    )


@lru_cache(maxsize=1 << 12)
def _claimed(sentence: str) -> frozenset[tuple[str, str]]:
    """The claim's verbs that are not negated, each with a noun it acts on, as lemmas."""
    return frozenset((verb, noun) for verb, noun, negative in _acts(parsed([sentence])[0]) if not negative)


def _acts(doc: Doc) -> Iterator[tuple[str, str, bool]]:
    """Each verb of a parse with each noun it acts on, and whether the verb is negated."""
    for token in doc:
        if token.pos_ != "VERB":
            continue
        negative = _negated(token)
        for noun in _acted_on(token):
            if noun.pos_ in NOUN_TAGS:
                yield token.lemma_.lower(), noun.lemma_.lower(), negative


def _acted_on(verb: Token) -> Iterator[Token]:
    for child in verb.children:
        if child.dep_ in ACTED_ON:
            yield child
        elif child.dep_ == "prep":
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "nsubj" and verb.tag_ == "VBN":
            yield child  # "have their convictions overturned": the convictions are overturned


def _negated(verb: Token) -> bool:
    """Whether a verb, or the verb it completes ("is not expected to affect"), is negated; a verb joined to a
    negated one keeps its own sense ("did not touch them and left the bodies")."""
    while True:
        if any(child.dep_ == "neg" for child in verb.children):
            return True
        if verb.dep_ != "xcomp":
            return False
        verb = verb.head


def _root(noun: str) -> str:
    """A noun's lemma as a sentence may spell it in the plural ("conviction" in "convictions", "cit" in "cities")."""
    return noun[:-1] if len(noun) > 3 and noun.endswith("y") else noun
