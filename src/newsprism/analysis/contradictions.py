"""Conflicts stated in words: one article negates what another states of the same thing ("It will not impact
on existing convictions" against "dozens of people could now have their convictions overturned").

:mod:`.support_denial` reads, from the parse, whether an article's sentence negates a claim's verb (or a verb
of effect) on a noun the claim's verb acts on, and no sentence of that article states it. Here every
sentence of a story is such a claim, and every other article is read for a denial of it; the two sentences
must also be about one thing as wholes (their vectors close), or two sentences sharing a noun ("the
victims") would be set against each other for two different acts. The claim's own verb negated is a
conflict; a denied effect on the thing ("will not impact on") against a change to it ("overturned") shares
less with the claim, and is a possible difference.

A negation is no contradiction when the denying sentence only doubts ("may not affect", "has not yet"),
asks, quotes, grades the act ("do not accurately track"), or tells someone's word ("his lawyer said"): a
denial by someone of what the other article reports as an accusation ("he did not steal the money", "he
is accused of stealing the money") is not one. Nor is a claim told as a purpose or an intention ("bought
them to help them track their heart rate"), or in quotation marks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from ..records import Conflict, ConflictSide, Evidence
from .claims import NEGATION
from .doc_cache import parsed
from .support_denial import EFFECT, Denial, denials

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..embed import EmbeddedSentences


# Cosine of two sentences' vectors (MiniLM) for one statement, one of them negated ("McDaniel couldn't attend
# the premiere" against "none of the black stars were allowed to attend the premiere": 0.67).
SIMILAR = 0.6
# A denial of any effect on a thing ("It will not impact on existing convictions") set against a change to
# that thing ("could now have their convictions overturned") shares little else with it (0.40): it is
# read at a lower cosine, as a possible difference.
SIMILAR_EFFECT = 0.35
CONFIDENCE = 0.7
EFFECT_CONFIDENCE = 0.5
# The changes to a thing that a denied effect on it contradicts, general English.
CHANGES = EFFECT | frozenset("overturn quash reverse void invalidate annul revoke cancel repeal scrap".split())
# A denial that only doubts, or has not happened yet, states no fact against the other article.
HEDGED = re.compile(
    r"\b(?:may|might|could|would|should|perhaps|possibly|probably|likely|unlikely|necessarily|yet)\b", re.I
)
# Someone's word: a denial told as a party's (said, in a statement) answers an accusation, not a report.
SAID = re.compile(r"\b(?:said|says|say|told|tells|according|statement|denied|denies|insist\w*|claim\w*)\b", re.I)
# What the other article reports as an accusation, which a denial answers without contradicting the report.
ACCUSED = re.compile(r"\b(?:accus\w*|alleg\w*|claim\w*|reportedly|suspect\w*)\b", re.I)
# A negation that grades the act ("do not accurately track", "did not immediately respond") denies its manner,
# not the act.
GRADED = re.compile(r"\b(?:not|never|n[’']t)\s+\w+ly\b", re.I)
# A quotation or a question: a sentence that is someone's words, or asks.
QUOTED = re.compile(r"[“”\"?]")
REASON = "one article negates what the other states of the same thing"
EFFECT_REASON = "one article says a thing is not affected, the other that it is changed"


def contradiction_conflicts(embedded: EmbeddedSentences) -> list[Conflict]:
    sentences = embedded.sentences
    row_of = {(s.article, s.text): row for row, s in enumerate(sentences)}
    # only a sentence holding a negation, told plainly, can deny a claim: an article is read for a claim's
    # denial when one of its such sentences is close enough to the claim (the parse is read far less often)
    denying = [r for r, s in enumerate(sentences) if NEGATION.search(s.text) and not _doubted(s.text)]
    claims = [r for r, s in enumerate(sentences) if not QUOTED.search(s.text) and not ACCUSED.search(s.text)]
    if not denying or not claims:
        return []
    close = embedded.similarity(claims, denying) >= SIMILAR_EFFECT
    conflicts = []
    seen: set[frozenset[int]] = set()
    for row, near in zip(claims, close, strict=True):
        claim = sentences[row]
        for article in dict.fromkeys(sentences[denying[k]].article for k in np.flatnonzero(near)):
            if article == claim.article:
                continue
            texts = [sentences[r].text for r in embedded.rows(article)]
            for denial in denials(texts, claim.text):
                other = row_of[(article, denial.sentence)]
                if (key := frozenset((row, other))) in seen or _unsure(denial, claim.text):
                    continue
                similarity = float(embedded.vectors[row] @ embedded.vectors[other])
                same_verb = denial.verb == denial.claimed
                if similarity < (SIMILAR if same_verb else SIMILAR_EFFECT):
                    continue
                seen.add(key)
                conflicts.append(_conflict(denial, claim.article, claim.text, article, same_verb))
    return conflicts


def _doubted(sentence: str) -> bool:
    """Whether a sentence denies nothing plainly: a doubt, a quotation or question, a party's word, or a
    grading of the act."""
    return any(pattern.search(sentence) for pattern in (QUOTED, HEDGED, SAID, GRADED))


def _unsure(denial: Denial, claim: str) -> bool:
    """Whether the denial is doubted, or of an effect the claim's verb is no change of; or the claim's verb is
    only asked for or intended."""
    if _doubted(denial.sentence):
        return True
    if denial.verb != denial.claimed and denial.claimed not in CHANGES:
        return True
    return not any(token.lemma_.lower() == denial.claimed and _asserted(token) for token in parsed([claim])[0])


def _asserted(verb: Token) -> bool:
    """Whether a verb tells what happens, not what someone means to happen: neither it nor a verb it depends
    on is an infinitive ("to help them track their heart rate", "encourage victims to report crimes")."""
    for token in (verb, *verb.ancestors):
        if token.dep_ == "xcomp" or any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children):
            return False
    return True


def _conflict(denial: Denial, claim_article: str, claim: str, article: str, same_verb: bool) -> Conflict:
    sides = (
        ConflictSide(f"{denial.claimed} {denial.noun}", (claim_article,), (Evidence(claim_article, claim),)),
        ConflictSide(f"not {denial.verb} {denial.noun}", (article,), (Evidence(article, denial.sentence),)),
    )
    about = f"{denial.claimed} ({denial.noun}): stated by one source, negated by another"
    reason, confidence = (REASON, CONFIDENCE) if same_verb else (EFFECT_REASON, EFFECT_CONFIDENCE)
    return Conflict("", about, sides, kind="contradiction", reasons=(reason,), confidence=confidence)
