"""Stage 3, sentences: split an article's paragraphs into sentences.

A rule-based splitter: paragraph breaks always end a sentence; inside a paragraph a period, question
or exclamation mark (with any closing quotes) ends one unless it closes a known abbreviation or an
initial.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .records import Article

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
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if any(ch.isalnum() for ch in s)]


def add_sentences(article: Article) -> Article:
    """Pipeline stage: fill ``article.sentences`` from its paragraphs."""
    # A standfirst repeated in the body is one sentence, not two.
    sentences = dict.fromkeys(s for line in article.text.splitlines() for s in split_sentences(line))
    return replace(article, sentences=tuple(sentences))
