"""Whether an article supports a sentence: it shows every name and number the sentence states, and one
of its sentences states the claim (:func:`says`).

A summary sentence cites the articles that say it. An article of the same fact may still word it
without a name or a number the chosen sentence adds ("the ambassador" for "the Russian ambassador,
Sergey Kislyak"; "last year" for "in 2010"), and citing it for that sentence would credit it with
what it never said. So a citation stands only when the cited article holds every number of the
sentence and every capitalised word that does not open it, as words of its title or text; a
spelling variant counts as missing, which errs on the side of citing less.

>>> from newsprism.records import Article
>>> a = Article("a", "Kushner met the Russian ambassador, Sergey Kislyak, in December.")
>>> b = Article("b", "Kushner met the ambassador in December.")
>>> sentence = "Kushner met the Russian ambassador, Sergey Kislyak, in December."
>>> supports(a, sentence), supports(b, sentence)
(True, False)
>>> sorted(key_terms("Putin, 71, arrived in Pyongyang on June 19."))
['19', '71', 'june', 'pyongyang']
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from ..embed import EmbeddedSentences
from ..records import Article
from ..text.tokens import STOPWORDS, content_words
from .timeline import is_future

WORD = re.compile(r"[\w'’.-]*\w")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 16)
def key_terms(sentence: str) -> frozenset[str]:
    """The numbers (as digit strings) and the capitalised words, other than a sentence's first, that the
    sentence states."""
    found = set()
    for part in SENTENCE_BREAK.split(sentence):
        for n, word in enumerate(WORD.findall(part)):
            if any(c.isdigit() for c in word):
                digits = re.sub(r"\D", "", word)
                found.add(digits)
            elif n > 0 and word[0].isupper() and len(word) > 1 and word.lower() not in STOPWORDS:
                found.add(_term(word))
    return frozenset(term for term in found if term)


def says(embedded: EmbeddedSentences, article: str, sentence: str, min_overlap: float) -> bool:
    """Whether ``article`` states what ``sentence`` claims: one of its sentences rewords it (the embedder's
    alignment cosine), or one sentence, or two in a row, hold at least ``min_overlap`` of its content
    words. A fact may join sentences that share a subject but not a claim; a citation needs the claim.
    A sentence telling what happened is not stated by one telling it as ahead: an article written
    before an arrival that said he "would" be welcomed does not say he was."""
    rows = embedded.rows(article)
    if not rows:
        return False
    words, ahead = _claim(sentence)
    told = [_claim(embedded.sentences[row].text) for row in rows]
    cosines = embedded.vectors[rows] @ embedded.vectors_of([sentence])[0]
    align = embedded.embedder.align_similarity
    if any(c >= align and (ahead or not later) for c, (_, later) in zip(cosines, told, strict=True)):
        return True
    if not words:
        return True
    # a claim one outlet tells in two sentences ("expected to sign several documents. Among these is a
    # partnership agreement.") is read over each sentence and the next
    own = [(w, ahead or not later) for w, later in told]
    spans = own + [(a | b, x and y) for (a, x), (b, y) in pairwise(own)]
    return any(len(words & span) >= min_overlap * len(words) and tense_fits for span, tense_fits in spans)


@lru_cache(maxsize=1 << 16)
def _claim(sentence: str) -> tuple[frozenset[str], bool]:
    """A sentence's content words and whether it tells what is ahead: read once, whatever asks again."""
    return frozenset(content_words(sentence)), is_future(sentence)


def supports(article: Article, sentence: str) -> bool:
    """Whether ``article`` shows every key term of ``sentence``."""
    words, numbers = _vocabulary(article.title or "", article.text)
    return all((term in numbers) if term.isdigit() else (term in words) for term in key_terms(sentence))


@lru_cache(maxsize=256)
def _vocabulary(title: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """An article's words (folded as key terms are) and the digit strings of its numbers."""
    tokens = WORD.findall(f"{title} {text}")
    words = {_term(t) for t in tokens} | {part for t in tokens for part in _term(t).split("-")}
    numbers = {re.sub(r"\D", "", t) for t in tokens if any(c.isdigit() for c in t)}
    return frozenset(words), frozenset(numbers)


def _term(word: str) -> str:
    return POSSESSIVE.sub("", word.lower()).strip(".'’")
