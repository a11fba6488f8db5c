"""Sentences of two articles that are word for word the same but for their figures, for
:mod:`newsprism.analysis.conflicts`: one fact given two values, whatever else the articles say."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations

from ..records import Sentence
from .values import NUMBER_WORDS, SCALES


def copies_but_for_figures(a: str, b: str) -> bool:
    """Whether two sentences are word for word the same but for their figures: then they state one fact
    with two values, whatever else the other article says ("valued at $10 million" copied as "valued at
    $16 million", beside "worth $10 million" in both)."""
    return _without_figures(a)[0] == _without_figures(b)[0]


@lru_cache(maxsize=1 << 14)  # conflicts compare each sentence with many others
def _without_figures(text: str) -> tuple[tuple[str, ...], bool]:
    """The words of ``text`` (lower case) but its figures, and whether it had any figure."""
    words = re.findall(r"[\w'’]+", text.lower())
    kept = tuple(w for w in words if not _figure_word(w))
    return kept, len(kept) < len(words)


def _figure_word(word: str) -> bool:
    return any(map(str.isdigit, word)) or word in NUMBER_WORDS or word in SCALES


def figure_copies(sentences: list[Sentence], min_words: int) -> set[tuple[int, int]]:
    """Row pairs (lower first) of different articles' sentences that are word for word the same but for
    their figures, whether or not fact grouping joined them: facts group only sentences that state a
    claim, yet a copy that changed the figure of the writer's question ("Can the party win 40 seats?"
    copied as "… 60 seats?") changed what its source wrote. A sentence needs ``min_words`` words besides
    its figures (names.py's bar for copies) so that a label ("Photo 3 of 12") is not read as a copy."""

    def rest(text: str) -> tuple[str, ...] | None:
        words, has_figure = _without_figures(text)
        return words if len(words) >= min_words and has_figure else None

    return same_but_for(sentences, rest)


def same_but_for(sentences: list[Sentence], rest: Callable[[str], tuple[str, ...] | None]) -> set[tuple[int, int]]:
    """Row pairs (lower first) of different articles' sentences, not the same text, whose ``rest`` (what
    is left of a sentence once the words that may differ are taken out; None to leave it out) is one."""
    rows: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for row, sentence in enumerate(sentences):
        if (left := rest(sentence.text)) is not None:
            rows[left].append(row)
    return {
        (i, j)
        for group in rows.values()
        for i, j in combinations(group, 2)
        if sentences[i].article != sentences[j].article and sentences[i].text != sentences[j].text
    }
