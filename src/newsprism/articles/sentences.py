"""Stage 3, sentences: split an article's paragraphs into sentences.

A rule-based splitter: paragraph breaks always end a sentence; inside a paragraph a period, question
or exclamation mark (with any closing quotes) ends one unless it closes a known abbreviation or an
initial.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..records import Article
from .boilerplate import is_label

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "sen",
    "rep",
    "gov",
    "pres",
    "st",
    "jr",
    "sr",
    "inc",
    "co",
    "corp",
    "ltd",
    "vs",
    "etc",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "i.e",
    "e.g",
    "d.c",
    "approx",
    "est",
    "dept",
    "univ",
}
# A run without sentence punctuation longer than this is cut into pieces of at most this many characters
# (at a space where there is one): no sentence of the 22,319 of the Multi-News dev documents is longer
# than 1,370, and a text of a million characters with no full stop must not reach spaCy whole (E088).
MAX_SENTENCE_CHARS = 3000
# "No. 5" and "Nos. 5 and 6" before a figure; a dateline's agency or station in brackets after its place.
NUMBER_SIGNS = {"no", "nos"}
CREDIT = re.compile(r"\s+\((?:AP|Reuters|AFP|UPI|CNN|[A-Z]{3,5})\)\s")
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])")
LAST_TOKEN = re.compile(r"([\w.]+)$")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences.

    >>> split_sentences("Mr. Kim met Dr. Lee on Jan. 5. They talked. “Good,” he said.")
    ['Mr. Kim met Dr. Lee on Jan. 5.', 'They talked.', '“Good,” he said.']
    """
    sentences, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        head = paragraph[start : match.start()]
        token = LAST_TOKEN.search(head)
        word = token.group(1).lower().strip(".") if token else ""
        if paragraph[match.start()] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        if paragraph[match.start()] == "." and _not_an_end(word, paragraph[match.end() :]):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [piece for s in sentences for piece in _capped(s) if any(ch.isalnum() for ch in piece)]


def _not_an_end(word: str, after: str) -> bool:
    """Whether a period closes a word inside a sentence by what follows it: a number's "No." before its
    figure ("between No. 250 and No. 500"), or a dateline's place before its agency's credit ("FORT
    WAYNE, Ind. (WANE) The mother ...").

    >>> split_sentences("It ranks between No. 250 and No. 500. FORT WAYNE, Ind. (WANE) The mother spoke.")
    ['It ranks between No. 250 and No. 500.', 'FORT WAYNE, Ind. (WANE) The mother spoke.']
    """
    return (word in NUMBER_SIGNS and after[:1].isspace() and after.lstrip()[:1].isdigit()) or bool(CREDIT.match(after))


def _capped(sentence: str) -> list[str]:
    """``sentence`` in pieces of at most ``MAX_SENTENCE_CHARS``, cut at the last space before the cap.

    >>> [len(p) for p in _capped("word " * 1000)]
    [2999, 1999]
    """
    pieces = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*pieces, sentence] if sentence else pieces


def add_sentences(article: Article) -> Article:
    """Pipeline stage: fill ``article.sentences`` from its paragraphs.

    Subheadings stay in the text but state nothing, so they are not sentences, unless the article has
    nothing else (a feed item of a few words).
    """
    lines = article.text.splitlines()
    lines = [line for line in lines if not is_label(line.strip())] or lines
    # A standfirst repeated in the body is one sentence, not two.
    sentences = dict.fromkeys(s for line in lines for s in split_sentences(line))
    return replace(article, sentences=tuple(sentences))


# An unclosed quotation runs on into at most this many following sentences.
QUOTE_RUN_SENTENCES = 6


def quoted_shares(sentences: list[str]) -> list[float]:
    """For each sentence of one article, the share of its letters inside double quotation marks.

    A straight quote mark opens after a space or at the start of a sentence and closes elsewhere. A
    quotation left open at the end of a sentence runs on when a closing mark, or a mark reopening it
    at the start of a sentence (the news style for a quote over several paragraphs), follows within
    ``QUOTE_RUN_SENTENCES``; otherwise the mark was a stray and the quote ends with the sentence.

    >>> quoted_shares(['He said: "We will win. They know it."', 'Nobody agreed.', '“Never,” she said.'])
    [0.76, 0.0, 0.42]
    >>> quoted_shares(['"Fans got here early.', 'Took shirts and left.', '"They were gone fast."', 'He left.'])
    [1.0, 1.0, 1.0, 0.0]
    >>> quoted_shares(['A stray " mark.', 'Plain text.'])
    [0.4, 0.0]
    """
    marks = [_quote_marks(sentence) for sentence in sentences]
    shares = []
    inside = False
    for number, sentence in enumerate(sentences):
        quoted = letters = 0
        opens = {mark.position: mark.opens for mark in marks[number]}
        for position, char in enumerate(sentence):
            if position in opens:
                inside = opens[position]
            elif char.isalpha():
                letters += 1
                quoted += inside
        shares.append(round(quoted / letters, 2) if letters else 0.0)
        if inside:
            inside = _quote_runs_on(marks[number + 1 : number + 1 + QUOTE_RUN_SENTENCES])
    return shares


class _Mark(NamedTuple):
    """A double quotation mark in a sentence."""

    position: int
    opens: bool  # it opens a quotation rather than closing one


def _quote_marks(sentence: str) -> list[_Mark]:
    """The double quotation marks of a sentence, in order."""
    found = []
    for position, char in enumerate(sentence):
        if char in '“”"':
            before = sentence[position - 1] if position else " "
            found.append(_Mark(position, char == "“" or (char == '"' and (before.isspace() or before in "([—–-"))))
    return found


def _quote_runs_on(following: list[list[_Mark]]) -> bool:
    """A quotation left open runs on when the next mark in ``following`` closes it or reopens it at the
    start of a sentence."""
    for sentence_marks in following:
        if sentence_marks:
            first = sentence_marks[0]
            return not first.opens or first.position == 0
    return False
