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
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .doc_cache import parsed, tokens_of
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


class Denial(NamedTuple):
    """A sentence that negates ``verb`` (the claim's, or one of :data:`EFFECT`) on ``noun``, a thing the claim's
    verb ``claimed`` acts on."""

    sentence: str
    verb: str
    noun: str
    claimed: str


def denies(text: str, sentence: str) -> bool:
    """Whether ``text`` (an article) negates what ``sentence`` claims, as the module says."""
    return bool(denials(SENTENCE_BREAK.split(text), sentence))


def denials(sentences: Sequence[str], claim: str) -> tuple[Denial, ...]:
    """The sentences of one article that negate what ``claim`` states, as the module says: none when one of
    them states it."""
    if parser() is None:
        return ()
    claimed = _claimed(claim)
    if not claimed:
        return ()
    nouns = {noun for _, noun in claimed}
    candidates = tuple(s for s in sentences if any(_root(noun) in s.lower() for noun in nouns))
    if not candidates:
        return ()
    acts = [(text, tuple(_acts(doc))) for text, doc in zip(candidates, parsed(candidates), strict=True)]
    stated = {(verb, noun) for _, found in acts for verb, noun, negative in found if not negative}
    open_claims = claimed - stated
    return tuple(
        Denial(text, verb, noun, claim_verb)
        for text, found in acts
        for verb, noun, negative in found
        if negative
        for claim_verb, claim_noun in sorted(open_claims)
        if claim_noun == noun and (verb == claim_verb or verb in EFFECT)
    )


@lru_cache(maxsize=1 << 12)
def _claimed(sentence: str) -> frozenset[tuple[str, str]]:
    """The claim's verbs that are not negated, each with a noun it acts on, as lemmas."""
    return frozenset((verb, noun) for verb, noun, negative in _acts(parsed([sentence])[0]) if not negative)


def _acts(doc: Doc) -> Iterator[tuple[str, str, bool]]:
    """Each verb of a parse with each noun it acts on, and whether the verb is negated."""
    for token in tokens_of(doc, "VERB"):
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
        elif child.dep_ == "nsubj" and verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            # "have their convictions overturned": the convictions are overturned; not the doer of a perfect
            # tense ("investigators have ruled nothing out")
            yield child


def _negated(verb: Token) -> bool:
    """Whether a verb, or the passive it completes ("is not expected to affect"), is negated; a verb joined to
    a negated one keeps its own sense ("did not touch them and left the bodies"), and so does a verb an active
    one asks for ("didn't tell me to use them" tells nothing of their use)."""
    while True:
        if any(child.dep_ == "neg" for child in verb.children):
            return True
        if verb.dep_ != "xcomp" or not any(child.dep_ == "auxpass" for child in verb.head.children):
            return False
        verb = verb.head


def _root(noun: str) -> str:
    """A noun's lemma as a sentence may spell it in the plural ("conviction" in "convictions", "cit" in "cities")."""
    return noun[:-1] if len(noun) > 3 and noun.endswith("y") else noun
