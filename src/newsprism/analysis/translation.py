"""Story analysis across languages: which article is a translation of which, and the numbers it changed.

Two articles in different languages that the embedder places in one space (``embed.embedder_languages``:
the multilingual USE model, not MiniLM) are compared sentence by sentence: each sentence is paired with
the most similar sentence of the other article, one to one, above the embedder's fact cosine and in the
same order. When most sentences of the longer article pair up so at the embedder's (stricter) alignment
cosine, and nearly all those pairs keep their order, one is a translation of the other: a copy of
kind ``translation`` in the provenance (which is the original is decided as for any copy, by
:func:`.derivation.orient`). The numbers written in digits in a sentence and its translation must be the
same numbers, whatever the script around them: one changed (27 rescued in the original, 37 in the
translation) is a conflict.

Tuned on nothing but the hand-written fixture ``tests/data/multilingual`` (its translation's sentences
measured cosines 0.70 to 0.86 with their originals under USE-m, two independent reports of one event at
most 2 of 7 sentences above 0.72): the thresholds are the embedder's own and shares any translation keeps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from ..embed import EmbeddedSentences, embedder_languages
from ..records import Article, Conflict, ConflictSide, Evidence, Story
from ..validate import check_range

VERSION = "1"
# A translation pairs at least this share of the longer article's sentences with sentences of the other
# at the alignment cosine, in order (a translator may drop or merge a few), and at least MIN_ALIGNED.
TRANSLATION_SHARE = 0.6
MIN_ALIGNED = 3
# Of all the pairs at the alignment cosine, at least this share keep the original's order.
ORDER_SHARE = 0.9
# How sure newsprism is that two numbers of a sentence and its translation are one quantity (as sure as
# of two values in sentences of one fact, conflicts.FACT_CONFIDENCE).
NUMBER_CONFIDENCE = 0.8
# A number in digits: thousands grouped by a comma, a point or a (thin, no-break) space as languages
# write them ("3,400", "3.400", "3 400"), or a decimal with a point or a comma ("4.5", "4,5").
NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?")
GROUPED = re.compile(r"^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$")
REASON = "a sentence and its translation give different numbers"
ABOUT = "number (in a sentence and its translation)"


@dataclass(frozen=True, kw_only=True)
class TranslationConfig:
    translation_share: float = TRANSLATION_SHARE
    min_aligned: int = MIN_ALIGNED
    order_share: float = ORDER_SHARE

    def __post_init__(self) -> None:
        check_range("translation share", self.translation_share, 0.0, 1.0)
        check_range("min aligned", self.min_aligned, 1, 1000)
        check_range("order share", self.order_share, 0.0, 1.0)


DEFAULT = TranslationConfig()
Pairs = tuple[tuple[str, str], ...]


def across_languages(a: Article, b: Article, embedded: EmbeddedSentences) -> bool:
    """Whether two articles are in different languages that the embedder compares across."""
    covered = embedder_languages(embedded.embedder)
    return bool(a.language and b.language and a.language != b.language and {a.language, b.language} <= covered)


def translation(
    a: Article, b: Article, embedded: EmbeddedSentences, config: TranslationConfig = DEFAULT
) -> tuple[str, float, Pairs, Pairs] | None:
    """``("translation", similarity, aligned, aligned)`` when one of two articles in different languages
    translates the other (aligned: pairs of a's sentence and b's), else None."""
    rows_a, rows_b = embedded.rows(a.id), embedded.rows(b.id)
    if not rows_a or not rows_b:
        return None
    sims = embedded.similarity(rows_a, rows_b)
    strict = embedded.embedder.align_similarity
    loose = _in_order(_one_to_one(sims.tolist(), embedded.embedder.fact_similarity))
    close = [(i, j) for i, j in loose if sims[i, j] >= strict]
    longer = max(len(rows_a), len(rows_b))
    if len(close) < config.min_aligned or len(close) < config.translation_share * longer:
        return None
    if len(close) < config.order_share * len(_one_to_one(sims.tolist(), strict)):
        return None
    aligned = tuple((embedded.sentences[rows_a[i]].text, embedded.sentences[rows_b[j]].text) for i, j in loose)
    similarity = sum(float(sims[i, j]) for i, j in loose) / longer
    return "translation", round(similarity, 3), aligned, aligned


def translation_conflicts(
    story: Story, embedded: EmbeddedSentences, config: TranslationConfig = DEFAULT
) -> list[Conflict]:
    """A number changed between a sentence and its translation: in each pair of aligned sentences of a
    translation, the numbers both give cancel out, and one left on each side is a conflict."""
    conflicts = []
    for a, b in combinations(story.articles, 2):
        if not across_languages(a, b, embedded) or (found := translation(a, b, embedded, config)) is None:
            continue
        for mine, theirs in found[2]:
            left, right = numbers(mine), numbers(theirs)
            only_left, only_right = left - right, right - left
            if sum(only_left.values()) == 1 and sum(only_right.values()) == 1:
                (x,), (y,) = only_left, only_right
                sides = (_side(a.id, mine, x), _side(b.id, theirs, y))
                conflicts.append(
                    Conflict("", ABOUT, sides, kind="number", reasons=(REASON,), confidence=NUMBER_CONFIDENCE)
                )
    return conflicts


def numbers(sentence: str) -> Counter[float]:
    """The numbers a sentence writes in digits, whatever its language's separators.

    >>> sorted(numbers("Около 3 400 жителей, 27 спасены, 4,5 процента; 3,400 residents in 1968").elements())
    [4.5, 27.0, 1968.0, 3400.0, 3400.0]
    """
    found: Counter[float] = Counter()
    for match in NUMBER.finditer(sentence):
        text = match.group()
        if GROUPED.match(text):
            found[float(re.sub(r"\D", "", text))] += 1
        else:
            found[float(text.replace(",", "."))] += 1
    return found


def _side(article: str, sentence: str, value: float) -> ConflictSide:
    return ConflictSide(f"{value:g}", (article,), (Evidence(article, sentence),))


def _one_to_one(sims: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """Pairs (row, column) at or above ``threshold``, each row and column used once, the most similar
    first; sorted by row."""
    ranked = sorted(
        ((value, i, j) for i, row in enumerate(sims) for j, value in enumerate(row) if value >= threshold),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    rows: set[int] = set()
    columns: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in rows and j not in columns:
            rows.add(i)
            columns.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by row) whose columns increase too: a translation keeps the
    order of its original's sentences, and a pair out of that order is a chance likeness."""
    best: list[list[tuple[int, int]]] = []
    for k, (i, j) in enumerate(pairs):
        before = [run for run in best[:k] if run[-1][1] < j]
        best.append([*max(before, key=len, default=[]), (i, j)])
    return max(best, key=len, default=[])
