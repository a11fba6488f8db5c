"""A story's title: the clean headline the other articles share most words with, else the clean lead
sentence they share most words with.

Pages carry junk where a headline or a lede should be: another page's navigation kept in the story
("Most Popular Stories More>>"), a reference page's heading, a byline, a page's tag words glued to the
headline ("jobs jobs jobs Obama's Jobs Speech…"), a photo credit glued to the lede ("Jane Roe, Business
Insider Facebook is buying…"), a list's header ending in a colon, the tail of a quotation cut off by the
sentence splitter ("Sen. Jane Roe charged on Sunday."). A title is a clean one of the story's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .analysis.captions import is_caption
from .analysis.entity_words import MONTHS_AND_DAYS
from .text.tokens import STOPWORDS, content_words

if TYPE_CHECKING:
    from .records import Article

# A story is titled by a headline of at least HEADLINE_WORDS words ("Updated 6.15pm" is a label), else by
# a sentence of at least TITLE_WORDS ("1 of 12." is a gallery's label; a sentence is longer than a headline).
HEADLINE_WORDS = 3
TITLE_WORDS = 5
# A headline whose words the other articles share less than this (its mean share over them) is another
# page's: a link list's or a reference page's heading the story kept, which shares none.
HEADLINE_SHARE = 0.25
# An untitled story is titled by the first or second sentence of one of its first TITLE_ARTICLES articles:
# a lede, not a line deep in a long story; a second sentence (after a page's warning or a photo's
# caption) counts SECOND_SENTENCE of its score.
TITLE_ARTICLES = 20
SECOND_SENTENCE = 0.8
# A quotation, the writer's first person or a sentence opening on a pronoun is someone's words or points
# back: no title.
UNTITLED = re.compile(
    r"[\"“”]|\bI\b|\b(?:[Mm]e|[Mm]y|[Ww]e|[Oo]ur)\b|^\W*(?i:he|she|they|it|you|his|her|their|this|that)\b",
)
# A list's header ends in a colon ("First reactions to the speech:"); a question is no lede.
NO_STATEMENT_END = re.compile(r"[:?][\"”’')]*$")
# A quotation closing a sentence: the next sentence is its attribution's tail ("…security.” Sen. Jane
# Roe charged on Sunday.").
QUOTE_END = re.compile(r"[\"”][.!?]?$")
# A photo credit glued to the lede: a name, a comma, then capitalised words running into the sentence
# with no comma closing them ("William Wei, Business Insider Facebook is buying"); an apposition is
# in lower case ("Jane Roe, a senior adviser") or closed ("Tim Cook, Apple's CEO, said").
GLUED_CREDIT = re.compile(r"^([A-Z][a-z][\w.'’-]*(?:\s+[A-Z][a-z][\w.'’-]*)+),(?:\s+[A-Z][\w&.'’-]*){2,}\s+[a-z]")
# A byline in the headline's place: "By Staff Sgt. Jane Roe, 7th Air Force Public Affairs".
BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*\s+[A-Z]")
# A page's tag words before its headline, in lower case: "jobs jobs jobs Obama's Jobs Speech".
TAGS = re.compile(r"^(?:[a-z][\w'’-]*\s+)+(?=[A-Z])")
# A headline that is one quotation, no one's named: "“I'm as shocked as you people.”"
QUOTATION_ONLY = re.compile(r"^[\"“‘'][^\"“”]*[\"”’']\W*$")
# A page title's separator; the story's words come before it ("Lede … | Photo credit Section Headline").
PAGE_SEPARATOR = " | "


def story_title(articles: Sequence[Article]) -> str:
    """The title of a story of ``articles`` (in publication order): the clean headline the other articles
    share most words with, an article's with a body before a bare headline's (a feed item whose page was
    not read); else the clean opening sentence they share most words with; else the first sentence."""
    leading = articles[:TITLE_ARTICLES]
    if not leading:
        return ""
    vocabularies = [set(content_words(a.text)) for a in leading]
    headline = _central_headline(leading, vocabularies)
    if headline is not None:
        return headline
    first = leading[0]
    if not first.sentences:
        return first.text[:120]
    return _central_opening(leading, vocabularies) or first.sentences[0]


def _shared(text: str, n: int, vocabularies: list[set[str]]) -> float:
    """How much of a text's words the articles other than the n-th use, summed over them."""
    words = set(content_words(text))
    if not words:
        return 0.0
    return sum(len(words & v) / len(words) for m, v in enumerate(vocabularies) if m != n)


def _clean_headline(title: str | None) -> str | None:
    """The headline without its page's tag words; None for a label, a byline or a bare quotation."""
    if not title:
        return None
    title = TAGS.sub("", title.strip())
    if len(title.split()) < HEADLINE_WORDS or BYLINE.match(title) or QUOTATION_ONLY.match(title):
        return None
    return title


def _central_headline(articles: Sequence[Article], vocabularies: list[set[str]]) -> str | None:
    """The clean headline the other articles share most words with, an article's with a body first; None
    when none shares HEADLINE_SHARE of its words with them (in a story of one article, any is its own)."""
    others = max(len(articles) - 1, 1)
    best: tuple[bool, float] | None = None
    chosen = None
    for n, article in enumerate(articles):
        headline = _clean_headline(article.title)
        if headline is None:
            continue
        share = _shared(headline, n, vocabularies) / others if len(articles) > 1 else 1.0
        rank = (len(article.sentences) > 1, share)
        if share >= HEADLINE_SHARE and (best is None or rank > best):
            best, chosen = rank, headline
    return chosen


def _openings(article: Article) -> list[str]:
    """An article's first two sentences that can title a story: a statement of TITLE_WORDS words or more,
    not someone's words, not a quotation's tail, no credit glued on (the part of a page title before
    its separator)."""
    found = []
    for k, sentence in enumerate(article.sentences[:2]):
        sentence = sentence.split(PAGE_SEPARATOR)[0].strip()
        if k and QUOTE_END.search(article.sentences[0]):
            continue
        if len(sentence.split()) < TITLE_WORDS or UNTITLED.search(sentence) or NO_STATEMENT_END.search(sentence):
            continue
        if not _credited(sentence) and not is_caption(sentence):
            found.append(sentence)
    return found


def _credited(sentence: str) -> bool:
    """Whether a photo credit is glued to the lede: a name before the comma, not a phrase setting the scene
    ("On Twitter, President Jane Roe said", "Last Friday, Gov. Jane Roe said")."""
    credit = GLUED_CREDIT.match(sentence)
    return credit is not None and not {w.lower() for w in credit.group(1).split()} & (STOPWORDS | MONTHS_AND_DAYS)


def _central_opening(articles: Sequence[Article], vocabularies: list[set[str]]) -> str | None:
    """The opening sentence whose words the other articles use most (in share of its words, summed over
    them), the earliest on a tie; None when no article opens with one that can title the story."""
    best, best_score = None, -1.0
    for n, article in enumerate(articles):
        for sentence in _openings(article):
            score = _shared(sentence, n, vocabularies)
            score *= 1.0 if article.sentences[0].startswith(sentence) else SECOND_SENTENCE
            if score > best_score:
                best, best_score = sentence, score
    return best
