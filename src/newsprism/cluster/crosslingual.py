"""Clustering across languages: an article joins a story written in another language by its embedding.

A story is found through the terms an article shares with it (TF-IDF, an inverted index), and a full
article's similarity to it is mostly their TF-IDF cosine (``ARTICLE_TEXT_WEIGHT``). A Russian article
shares no terms with an English story but its digits, so it never joins one by terms. With an embedder
that places several languages in one space (``embed.embedder_languages``: USE-m, not MiniLM), an
article whose language differs from a story's also finds the story among its embedding neighbours,
the story centroids (summed lede vectors) nearest its lede, and scores it by that cosine alone: at
:data:`CROSSLINGUAL_SIMILARITY` it scores the article's own join threshold, above it more in
proportion, below it nothing more than the mixed similarity. The split pass scores a pair of members in
different languages the same way.

A story's language is that of the article it is named after (its first, ``state.story_id``); a story
from an earlier run, whose first article this batch does not hold, is read from its terms by the
language detector. Nothing changes for an English-only embedder, for an article whose language is
unknown or not in the embedder's space, or between articles and stories of one language.

The scan for neighbours is linear in the open stories of other languages: cheap for the few articles
of another language in a batch, not a million-story index (the English stream's placements never scan
while every open story is in their language).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from ..articles.language import detect_language
from ..embed import Embedder, embedder_languages
from ..records import Article
from .features import article_time
from .state import ClusterState, StoryState, story_id

# The embedding cosine (an article's lede against a story's summed ledes) at which an article joins a
# story in another language. Measured with USE-m (bench/bench_crosslingual.py): on Multi-News (637 English
# documents, a monolingual stand-in), the lowest of 0.45-0.70 at which every document whose own story is
# this close has its own story as the closest (29.7% of them); another story is this close to 3.1% of
# documents (1.3% at 0.70, 7.8% at 0.60). On the hand-written fixture tests/data/multilingual, reports of
# the same event in other languages land at 0.58 to 0.76 (the translation 0.76, 0.69 without its digits),
# of another event at 0.27 at most. With half of Multi-News made "French" (--pretend: terms kept apart,
# English embeddings), B-cubed P/R/F1 0.914/0.596/0.722 without the join; at 0.55 0.912/0.696/0.790,
# 0.60 0.918/0.675/0.778, 0.65 0.937/0.653/0.769 (the most precise), 0.70 0.932/0.629/0.751, 0.75
# 0.928/0.616/0.740 (all English: 0.949/0.836/0.889).
CROSSLINGUAL_SIMILARITY = 0.65
# Of the stories past that cosine, the nearest this many are scored: an article has one story.
NEIGHBOURS = 5
# How many characters of a story's strongest terms the detector reads for a story of an earlier run.
TERMS_CHARS = 600


class Item(Protocol):
    """What this module reads of the clusterer's batch article."""

    id: str
    vector: np.ndarray
    vector_norm: float
    when: float | None
    threshold: float  # the similarity it needs to join a story


class CrossLingual:
    """The cross-language scores of the clusterer's current batch: its articles' languages and its stories'."""

    def __init__(self, embedder: Embedder, window_days: float, similarity: float = CROSSLINGUAL_SIMILARITY) -> None:
        self.covered = embedder_languages(embedder)
        self.window_seconds = window_days * 86400
        self.similarity = similarity
        self.languages: dict[str, str] = {}  # batch article id -> its language, when the embedder covers it
        self.story_languages: dict[str, str | None] = {}
        self.by_language: dict[str, set[str]] = defaultdict(set)  # covered language -> story ids

    def start(self, articles: Iterable[Article], state: ClusterState) -> None:
        """Take a new batch of ``articles`` to place among the stories of ``state``."""
        # an English-only embedder compares no languages: then nothing is recorded and nothing changes
        listed = list(articles) if len(self.covered) > 1 else []
        self.languages = {a.id: a.language for a in listed if a.language in self.covered}
        # the stories this batch may start are named after an article of it; the open stories of earlier
        # runs are read from their terms
        founders = {story_id(a.id): a.language for a in listed}
        oldest = min((t for a in listed if (t := article_time(a)) is not None), default=None)
        earlier = {
            story.id: _terms_language(story)
            for story in (state.stories.values() if self.languages else ())
            if story.id not in founders and self._open(story, oldest)
        }
        self.story_languages = {**earlier, **founders}
        self.by_language = defaultdict(set)
        for sid, language in self.story_languages.items():
            if language in self.covered:
                self.by_language[language].add(sid)

    def neighbours(self, item: Item, state: ClusterState) -> set[str]:
        """The open stories in languages other than ``item``'s whose centroids are nearest its vector, at
        :attr:`similarity` or more."""
        language = self.languages.get(item.id)
        if language is None or not item.vector_norm:
            return set()
        others = [
            story
            for other, ids in self.by_language.items()
            if other != language
            for sid in ids
            if (story := state.stories.get(sid)) is not None
            and story.vector.shape == item.vector.shape
            and story.vector_norm
            and self._open(story, item.when)
        ]
        if not others:
            return set()
        centroids = np.stack([story.vector for story in others])
        norms = np.array([story.vector_norm for story in others])
        cosines = centroids @ item.vector / (norms * item.vector_norm)
        nearest = np.argsort(-cosines, kind="stable")[:NEIGHBOURS]
        return {others[i].id for i in nearest if cosines[i] >= self.similarity}

    def score(self, item: Item, story: str, dense: float) -> float:
        """The similarity of ``item`` to ``story`` by their embedding cosine ``dense`` alone, on the scale of
        the item's join threshold: 0 unless they are in different languages the embedder compares and
        ``dense`` reaches :attr:`similarity`."""
        language = self.languages.get(item.id)
        if language is None or dense < self.similarity:
            return 0.0
        other = self.story_languages.get(story)
        if other is None or other == language or other not in self.covered:
            return 0.0
        return item.threshold * dense / self.similarity

    def pairwise(self, items: Sequence[Item], similarity: np.ndarray) -> np.ndarray:
        """The split pass's pairwise ``similarity`` of ``items``, a pair in two languages the embedder
        compares scored as :meth:`score` scores an item and a story, when that is more."""
        languages = [self.languages.get(item.id) for item in items]
        if len({language for language in languages if language is not None}) < 2:
            return similarity
        vectors = np.stack([item.vector for item in items])
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit = vectors / np.where(norms == 0, 1.0, norms)
        dense = unit @ unit.T
        across = np.array([[None not in (a, b) and a != b for b in languages] for a in languages])
        thresholds = np.array([item.threshold for item in items])
        scale = (thresholds[:, None] + thresholds[None, :]) / 2 / self.similarity
        return np.maximum(similarity, np.where(across & (dense >= self.similarity), scale * dense, 0.0))

    def _open(self, story: StoryState, when: float | None) -> bool:
        """Whether ``story`` may still take an article of time ``when`` (the clusterer's window)."""
        return when is None or story.last is None or abs(when - story.last) <= self.window_seconds


def _terms_language(story: StoryState) -> str | None:
    """The language of a story of an earlier run, read from its strongest terms."""
    return detect_language(" ".join(sorted(story.terms, key=lambda t: -story.terms[t]))[:TERMS_CHARS])
