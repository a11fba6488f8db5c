"""The clustering state: document frequencies, the stories so far and the inverted index over their terms.

A plain object the store saves and loads (:class:`newsprism.store.sqlite.Store`), so a later run adds
articles to the stories already stored instead of starting over.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

Vector = dict[str, float]


def story_id(first_article: str) -> str:
    return "s-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:10]


@dataclass
class StoryState:
    """What a story has accumulated."""

    id: str
    terms: Vector
    vector: np.ndarray
    size: int
    last: float | None
    # cached: every placement compares an article with up to ClusterConfig.max_candidates stories
    term_norm: float = field(init=False, repr=False, compare=False)
    vector_norm: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.set_terms(self.terms)
        self.set_vector(self.vector)

    def set_terms(self, terms: Mapping[str, float]) -> None:
        """Keep the positive weights of ``terms``, in their order."""
        self.terms = {t: w for t, w in terms.items() if w > 0}
        self.term_norm = math.sqrt(sum(w * w for w in self.terms.values()))

    def set_vector(self, vector: np.ndarray) -> None:
        self.vector = vector
        self.vector_norm = float(np.sqrt(vector @ vector)) if vector.size else 0.0


@dataclass
class ClusterState:
    """Document frequencies and stories so far; :class:`newsprism.store.sqlite.Store` keeps it between runs."""

    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)
    stories: dict[str, StoryState] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # counts every change to the stories, so a placement can tell that nothing changed since
    version: int = 0
    # what changed since loading, for the store to write back
    changed_terms: set[str] = field(default_factory=set)
    merged_into: dict[str, str] = field(default_factory=dict)

    def count_document(self, terms: Mapping[str, float]) -> None:
        """Count one more document holding ``terms`` in the document frequencies."""
        self.docs += 1
        self.df.update(terms.keys())
        self.changed_terms.update(terms.keys())

    def tfidf(self, counts: Mapping[str, float]) -> Vector:
        """The unit TF-IDF vector of a document's term ``counts``, by the document frequencies so far."""
        vector = {t: (1 + math.log(c)) * (math.log((1 + self.docs) / (1 + self.df[t])) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}

    def add_story(self, story: StoryState) -> None:
        self.version += 1
        self.stories[story.id] = story
        for term in story.terms:
            self.postings[term].add(story.id)

    def reindex(self, story: StoryState, before: Vector) -> None:
        """Bring the postings up to date after ``story``'s terms changed from ``before``."""
        self.version += 1
        for term in before.keys() - story.terms.keys():
            self.postings[term].discard(story.id)
        for term in story.terms.keys() - before.keys():
            self.postings[term].add(story.id)

    def free_id(self, article_ids: Sequence[str]) -> str:
        """An id for a story cut from another (the split pass), made from the first of its ``article_ids``
        that founded no story standing now: an article that founded a story and then left it (refine
        moved it) leaves its id on that story, and a part taking the same id would replace that story
        here, its members reported with the part's. A part of that article alone takes a numbered id."""
        mine = (story_id(article) for article in article_ids)
        numbered = (story_id(f"{article_ids[0]}#{number}") for number in itertools.count(1))
        return next(sid for sid in itertools.chain(mine, numbered) if sid not in self.stories)

    def resolve(self, sid: str) -> str:
        """The story ``sid`` is now part of, following merges."""
        while sid in self.merged_into:
            sid = self.merged_into[sid]
        return sid

    def drop_story(self, sid: str, merged_into: str | None = None) -> StoryState:
        self.version += 1
        if merged_into:
            self.merged_into[sid] = merged_into
        story = self.stories.pop(sid)
        for term in story.terms:
            self.postings[term].discard(sid)
        return story
