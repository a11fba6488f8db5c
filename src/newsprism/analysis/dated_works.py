"""Conflicts over the year of one named work: "he wrote in his 2012 memoir" against "In his 2011
autobiography, My Infamous Life".

News dates a book, a film, an album or a report by a year before its noun ("her 2009 film", "the 2014
report"), read from spaCy's dependency parse (a year that modifies a common noun). Outlets name one work
with different nouns, so nouns of one kind are those whose vectors are close (memoir and autobiography);
the kind, not the word, is what is dated. A story may tell of several works of a kind (an artist's
albums), so two years are set against each other only where the story shows there is one work of the
kind: every title the story gives a noun of the kind is the same ("an autobiography (My Infamous Life)",
"his autobiography, My Infamous Life"), each of the two articles gives that title itself, each gives the
kind one year, and no article speaks of the kind in the plural. Even so the undated title and the dated
noun of one article may be two works: a possible difference. Without spaCy there are no such conflicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .doc_cache import tokens_of
from .memo import Memo, at_row
from .parse import parsed, parser
from .unionfind import DisjointSets

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..embed import Embedder

YEAR = re.compile(r"(?:19|20)\d\d")
# Dependencies by which a year dates the noun it hangs from ("his 2012/nummod memoir").
DATING = frozenset(("nummod", "compound", "amod", "npadvmod"))
# A title in quotes just after its noun: 'her film "Up in the Air"', 'the report, “Falling Short”'.
QUOTED_TITLE = re.compile(r"\s*,?\s*[\"“‘](?P<title>[A-Z][^\"”’]{1,80}?)[,.]?[\"”’]")
# Cosine of two nouns' vectors (MiniLM: memoir and autobiography 0.65; album and song 0.71, which the
# rule below then takes as one kind with two titles and leaves alone) at or above which they are one kind.
KIN = 0.6
CONFIDENCE = 0.5
REASON = "one work, the only one of its kind the story names by title, given two years"


@dataclass(frozen=True, slots=True)
class Named:
    """A common noun in a sentence, with the year that dates it or the title given it (either may be empty)."""

    row: int
    noun: str  # lemma, lower case
    surface: str  # as written: "2012 memoir"
    year: int = 0
    title: str = ""  # as written


def dated_work_conflicts(sentences: list[Sentence], embedder: Embedder) -> list[Conflict]:
    if parser() is None:
        return []
    texts = [s.text for s in sentences]
    rows = [row for row, text in enumerate(texts) if YEAR.search(text)]
    dated = [n for n in _named_at(texts, rows) if n.year]
    if len({sentences[n.row].article for n in dated}) < 2 or len({n.year for n in dated}) < 2:
        return []
    named = _named_at(texts, list(range(len(texts))))
    nouns = sorted({n.noun for n in named})
    kinds = _kinds(nouns, embedder)
    by_kind: dict[str, list[Named]] = defaultdict(list)
    for found in named:
        by_kind[kinds.root(found.noun)].append(found)
    conflicts = {root: conflict for root in sorted(by_kind) if (conflict := _conflict(by_kind[root], sentences))}
    if not conflicts:  # the story's plural nouns are read only when there is a kind they may rule out
        return []
    # a kind the story speaks of in the plural ("her films", "his two memoirs") holds several works
    plural = {t.lemma_.lower() for doc in parsed(texts) for t in doc if t.tag_ == "NNS"}
    several = {kinds.root(noun) for noun in _kin_to_any(nouns, sorted(plural), embedder)}
    return [conflict for root, conflict in conflicts.items() if root not in several]


def _kinds(nouns: list[str], embedder: Embedder) -> DisjointSets[str]:
    """Nouns joined into kinds by the closeness of their vectors: joining more nouns only adds titles to
    a kind, which makes it less likely to be one work, never more."""
    kinds: DisjointSets[str] = DisjointSets()
    vectors = embedder.embed(nouns)
    for i, j in zip(*np.nonzero(vectors @ vectors.T >= KIN), strict=True):
        kinds.join(nouns[int(j)], nouns[int(i)])
    return kinds


def _kin_to_any(nouns: list[str], others: list[str], embedder: Embedder) -> list[str]:
    """The nouns of ``nouns`` whose vectors are close to one of ``others``'s."""
    if not nouns or not others:
        return []
    close = (embedder.embed(nouns) @ embedder.embed(others).T >= KIN).any(axis=1)
    return [noun for noun, kin in zip(nouns, close, strict=True) if kin]


def _conflict(kind: list[Named], sentences: list[Sentence]) -> Conflict | None:
    """Two years given one work of the kind by articles that each name it by the story's one title."""
    titles = {_words(n.title) for n in kind if n.title}
    if len(titles) != 1:
        return None
    titled_in = {sentences[n.row].article for n in kind if n.title}
    years: dict[str, set[int]] = defaultdict(set)
    first: dict[tuple[str, int], Named] = {}
    for found in kind:
        if found.year:
            article = sentences[found.row].article
            years[article].add(found.year)
            first.setdefault((article, found.year), found)
    clear = {a: next(iter(given)) for a, given in years.items() if len(given) == 1 and a in titled_in}
    if len(set(clear.values())) != 2 or len(years) != len(clear):
        return None
    sides = []
    for year in sorted(set(clear.values())):
        given = [first[(a, year)] for a, y in clear.items() if y == year]
        evidence = tuple(Evidence(sentences[n.row].article, sentences[n.row].text) for n in given)
        sides.append(ConflictSide(given[0].surface, tuple(e.article for e in evidence), evidence))
    titled = next(n for n in kind if n.title)
    about = f"year of the {titled.noun} {titled.title}"
    return Conflict("", about, tuple(sides), kind="date", reasons=(REASON,), confidence=CONFIDENCE)


# Each sentence's dated and titled nouns (read at row 0), kept across stories: a grown story reads its new article.
_NAMED: Memo[str, tuple[Named, ...]] = Memo()


def _named_at(texts: list[str], rows: list[int]) -> list[Named]:
    """The dated and titled nouns of the sentences at ``rows``."""
    read = _NAMED.get([texts[row] for row in rows], _named)
    return [named for row, found in zip(rows, read, strict=True) for named in at_row(found, row)]


def _named(texts: list[str]) -> list[tuple[Named, ...]]:
    return [tuple(_read(doc, text)) for doc, text in zip(parsed(texts), texts, strict=True)]


def _read(doc: Doc, text: str) -> list[Named]:
    """The sentence's common nouns that a year dates or that are given a title, at row 0; ``text`` is the Doc's
    (which spaCy would join anew from its tokens at every ask)."""
    found = []
    for token in tokens_of(doc, "NOUN"):
        years = [c for c in token.children if c.dep_ in DATING and YEAR.fullmatch(c.text) and c.i < token.i]
        title = _title(token, text)
        if len(years) == 1:
            year = years[0]
            surface = doc[year.i : token.i + 1].text
            found.append(Named(0, token.lemma_.lower(), surface, int(year.text), title))
        elif title:
            found.append(Named(0, token.lemma_.lower(), title, title=title))
    return found


def _title(noun: Token, text: str) -> str:
    """The title given a noun of ``text`` (its Doc's text): a proper-noun apposition ("an autobiography (My
    Infamous Life)") or words in quotes just after it, as written; else ""."""
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > noun.i:
            words = [t for t in child.subtree if not t.is_punct]
            return noun.doc[words[0].i : words[-1].i + 1].text if words else ""
    quoted = QUOTED_TITLE.match(text, noun.idx + len(noun.text))
    return quoted["title"] if quoted else ""


def _words(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))
