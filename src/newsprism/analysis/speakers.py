"""Conflicts over who said something: one quotation given to two different people.

Outlets that quote the same words ("You know how things are with Trump's laws now; someone goes to
court, and boom, they get taken away") and name a different person as the one who said them cannot
both be right. A quotation's speaker is read by :func:`newsprism.analysis.quotes.find_quotes`; here
it counts only where it is a person's name (not "the indictment", "court documents", "the lawyer")
written in the quotation's own sentence, outside the quotation: a speaker carried over from an earlier
sentence ("…," he said) may be the reader's guess rather than the outlet's claim. Two quotations are
the same words when most word pairs of the shorter one are in the other (punctuation and case aside:
"now; someone goes" and "now. Someone goes" are one quotation), and a speaker is the same person when
one name holds the other's surname ("Vasiliades", "Christos Vasiliades").

>>> from newsprism.records import Article, Story
>>> a = '“We will not give up this fight for the families,” Smith told reporters on Monday.'
>>> b = '“We will not give up this fight for the families,” Jones said after the hearing.'
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in speaker_conflicts(story, story.sentences())]
[('who said “We will not give up this fight for…”', ['Jones', 'Smith'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, pairwise

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.tokens import STOPWORDS
from .entities import ORG_WORDS
from .name_forms import translit_key
from .quotes import find_quotes

# A quotation shorter than this many words may be a common phrase two people both say ("we are
# heartbroken"); longer ones, word for word, are one person's words.
MIN_WORDS = 8
# Share of the shorter quotation's word pairs that the other must hold to be the same words: high
# enough that two quotations merely about one thing differ, low enough for a word cut or added.
SHARED_PAIRS = 0.6
# A quotation runs over at most this many of the sentences newsprism splits an article into.
MAX_SENTENCES = 4
# A quotation and a name in its sentence say who spoke, but an outlet may quote a person quoting
# another: not as sure as a value of one fact.
CONFIDENCE = 0.7
# How a conflict over a quotation's speaker names what it is about, the quotation's opening words after it.
ABOUT = "who said “"
OPENING_WORDS = 8
REASON = "the same quotation given to two people, each named in the quotation's sentence"


@dataclass(frozen=True, slots=True)
class Said:
    speaker: str
    surname: str
    quotation: str
    pairs: frozenset[tuple[str, str]]
    sentence: Sentence


def speaker_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    by_article: dict[str, list[Sentence]] = {}  # each article's rows, gathered in one pass
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    said = [s for article in story.articles for s in _said(article.text, by_article.get(article.id, []))]
    conflicts: dict[frozenset[str], Conflict] = {}
    for a, b in combinations(said, 2):
        if a.sentence.article == b.sentence.article or a.surname == b.surname or not _same_words(a, b):
            continue
        if a.surname in _keys(b.speaker) or b.surname in _keys(a.speaker):
            continue
        first, second = sorted((a, b), key=lambda s: s.speaker)
        opening = " ".join(first.quotation.split()[:OPENING_WORDS])
        sides = tuple(
            ConflictSide(s.speaker, (s.sentence.article,), (Evidence(s.sentence.article, s.sentence.text),))
            for s in (first, second)
        )
        about = f"{ABOUT}{opening}…”"
        key = frozenset((first.sentence.text, second.sentence.text))
        conflicts.setdefault(key, Conflict("", about, sides, kind="name", reasons=(REASON,), confidence=CONFIDENCE))
    return list(conflicts.values())


def gives_speaker(conflict: Conflict, speaker: str, sentence: str) -> bool:
    """Whether ``sentence`` gives the quotation a conflict over its speaker is about (its opening words)
    to ``speaker``: "Vasiliades tells the victim's husband “you know how things are with Trump's laws”"."""
    if not conflict.about.startswith(ABOUT) or not (surname := _surname(speaker)):
        return False
    opening = _words(conflict.about.removeprefix(ABOUT))
    pairs, words = set(pairwise(opening)), _words(sentence)
    shared = pairs & set(pairwise(words))
    return bool(pairs) and len(shared) >= SHARED_PAIRS * len(pairs) and surname in _keys(sentence)


def _said(text: str, rows: list[Sentence]) -> list[Said]:
    """The article's quotations whose speaker is a person named in the quotation's sentences (``rows``: the
    article's, in order; a quotation may run over several: "“… laws now. Someone goes to court …,”
    Vasiliades told …")."""
    own = [" ".join(s.text.split()) for s in rows]
    found = []
    for quote in find_quotes(text):
        words = _words(quote.text)
        if not quote.speaker or len(words) < MIN_WORDS or not (surname := _surname(quote.speaker)):
            continue
        quoted = " ".join(quote.text.split())
        opening = " ".join(quoted.split()[:6])
        first = next((n for n, s in enumerate(own) if opening in s), None)
        if first is None:
            continue
        span = range(first, min(first + MAX_SENTENCES, len(own)))
        last = next((n for n in span if " ".join(own[first : n + 1]).count(quoted)), None)
        if last is None:
            continue
        outside = " ".join(own[first : last + 1]).replace(quoted, " ")
        named = [n for n in range(first, last + 1) if surname in _keys(own[n].replace(quoted, " "))]
        if surname in _keys(outside) and named:
            pairs = frozenset(pairwise(words))
            found.append(Said(quote.speaker, surname, quoted, pairs, rows[named[0]]))
    return found


def _surname(speaker: str) -> str | None:
    """The surname of a speaker written as a person's name ("Maryland Attorney General Brian Frosh":
    "frosh"), or None: a capitalised last word, before any "of" ("Elizabeth Alex of CASA"), no function
    word, no organisation's word ("the indictment", "Justice Department" are not persons)."""
    words = speaker.split(" of ")[0].split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    if any(w.lower() in STOPWORDS or w.lower().strip(".") in ORG_WORDS for w in words):
        return None
    last = _keys(words[-1])
    return last[-1] if last else None


def _same_words(a: Said, b: Said) -> bool:
    shorter = min(len(a.pairs), len(b.pairs))
    return shorter > 0 and len(a.pairs & b.pairs) >= SHARED_PAIRS * shorter


def _keys(text: str) -> list[str]:
    """The words' spelling-insensitive keys ("Bélanger" and "Belanger" are one)."""
    return [w.strip("'") for w in re.findall(r"[\w']+", translit_key(text))]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
