"""Reference text without wiki markup: a page that explains a subject rather than reports news.

A fact sheet on a disease, an agency's page on one of its programmes, a glossary entry: each opens by
saying what its subject is ("Rocky Mountain Spotted Fever is a disease caused by …") and never reports:
no one says or tells anything, no day of the news is named, no one is quoted at length, no writer speaks
as "I" or "we", and no person is named and then called by surname, as a reporter does. A page is reference
text when all of these hold. Reviews, opinion, scientific abstracts and features share some of them (no
reporting verb, present tense) but not all: the test is a conjunction, precision first.

A long explanatory page is told by another conjunction, for pages that speak to their reader or quote
their sources: it never narrates. Of its first sentences, none has a verb in the past tense, as every
report's account of what happened does; nor does it name a day of the news or call a named person by
surname.

Only English pages are judged (the signals are English words), and only with spaCy: the opening is read
by its parse and persons by the recogniser, on the few pages that pass the word tests first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analysis.doc_cache import entity_docs, installed_model, parsed
from .pagegenre import NEWS_DAY, QUOTED, REPORTING, SENTENCE_END

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The writer speaking: "I", "we", "our", "my", "me"; "us" in lower case only (not "the US").
FIRST_PERSON = re.compile(r"\bI\b|\bI['’](?:m|ve|d|ll)\b|\bus\b|\b(?i:we|we['’](?:re|ve)|our|ours|my|me)\b")
# A quotation of six words or more: someone quoted at length.
SPEECH = re.compile(r"[\"“](?:[^\"“”\s]+\s+){5,}[^\"“”]*[\"”]")
# The page must have at least this many sentences: fewer tell too little of a register. The two
# reference pages of the 690 Multi-News dev documents this test finds have 13 and 27.
REFERENCE_SENTENCES = 8
# The opening sentence: the first of at least this many words that ends as a sentence (not a heading).
OPENING_WORDS = 6
# A page that never narrates: at least this many sentences of OPENING_WORDS words or more, none of the
# first NARRATION_SAMPLE of them in the past tense. Of the 612 Multi-News dev documents of the stories
# not held out, 12 English pages have 40 such sentences and no day of the news; 2 of them never narrate
# (an association's page on a syndrome, a cancer society's list of carcinogens: set B's reader labels
# both reference text), and the others hold 3 past-tense sentences or more in 60 (a family's statement
# atop its fundraising page 3, a study's discussion 6, a review of an album's lyrics 6).
EXPLAINER_SENTENCES = 40
NARRATION_SAMPLE = 60


def is_reference(text: str, sentences: list[str], language: str | None) -> bool:
    """Whether an English page of ``sentences`` reads as reference text (see the module's docstring)."""
    if language != "en" or len(sentences) < REFERENCE_SENTENCES:
        return False
    return _defining(text, sentences) or _explaining(text, sentences)


def _defining(text: str, sentences: list[str]) -> bool:
    """A page that opens by saying what its subject is, and reports, quotes and speaks as nobody."""
    if REPORTING.search(text) or NEWS_DAY.search(text) or SPEECH.search(text):
        return False
    if FIRST_PERSON.search(QUOTED.sub("", text)):
        return False
    if installed_model() is None:  # the parse and the recogniser run only here, on few pages
        return False
    opening = next((s for s in sentences if len(s.split()) >= OPENING_WORDS and SENTENCE_END.search(s)), None)
    return opening is not None and _defines(opening) and not _surnamed(sentences)


def _explaining(text: str, sentences: list[str]) -> bool:
    """A long page that never narrates (see :data:`EXPLAINER_SENTENCES`)."""
    long = [s for s in sentences if len(s.split()) >= OPENING_WORDS]
    if len(long) < EXPLAINER_SENTENCES or NEWS_DAY.search(text) or installed_model() is None:
        return False
    return not any(_narrates(doc) for doc in parsed(long[:NARRATION_SAMPLE])) and not _surnamed(sentences)


def _narrates(doc: Doc) -> bool:
    """Whether a sentence's main verb, or an auxiliary of it, is in the past tense ("was", "found")."""
    return any(
        part.root.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in part.root.children)
        for part in doc.sents
    )


def _defines(sentence: str) -> bool:
    """Whether a sentence says what its subject is: a present "is"/"are" with a noun subject and a noun
    predicate ("Rocky Mountain Spotted Fever is a reportable disease")."""
    for part in parsed([sentence])[0].sents:
        root = part.root
        if root.lemma_ != "be" or root.tag_ not in ("VBZ", "VBP"):
            continue
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in root.children):
            return True
    return False


def _surnamed(sentences: list[str]) -> bool:
    """Whether a person is named in full and then by surname alone ("Fede Alvarez … Alvarez"), as reports
    and reviews name people."""
    persons = [e for doc in entity_docs(sentences) for e in doc.ents if e.label_ == "PERSON"]
    surnames = {e[-1].text for e in persons if len(e) >= 2}
    return any(len(e) == 1 and e.text in surnames for e in persons)
