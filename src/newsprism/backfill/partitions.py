"""Clustering by time slices in parallel, then a stitch pass across the slices' edges.

Each slice is clustered on its own by :class:`newsprism.cluster.StoryClusterer` over a fresh
:class:`ClusterState`, in publication order, with the vectors the embedding step computed: the
result depends on the slice's articles only, never on workers or blocks. A story open at a slice's end
can take articles of the next slice only (a slice is at least ``window_days`` long), so the stitch pass
walks the edges in time order and runs the clusterer's own merge pass (its similarity, decay and
``merge_similarity``) over the stories of the two slices: a story of the later slice enters it at
the time of its first article, the part of it nearest the edge. Stories of slices further back can
take nothing any more and are set aside, so the pass holds two slices' stories at a time.
"""

from __future__ import annotations

import copy
import pickle
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from ..cluster import ClusterState, StoryClusterer, StoryState, publication_order, timestamp
from .config import BackfillConfig, EmbedderInfo
from .rows import UNDATED, Row, row_article
from .stages import vector_of


class Precomputed:
    """An :class:`~newsprism.embed.Embedder` that returns the vectors the embedding step computed."""

    def __init__(self, info: EmbedderInfo, vectors: dict[str, np.ndarray]) -> None:
        self.name, self.dim = info.name, info.dim
        self.align_similarity, self.fact_similarity = info.align_similarity, info.fact_similarity
        self.story_similarity = info.story_similarity
        self.vectors = vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.array([self.vectors[t] for t in texts], dtype=np.float32).reshape(len(texts), self.dim)


@dataclass
class Partition:
    """One slice clustered: each article's story, the stories' states, and the term statistics."""

    number: int
    assignment: dict[str, str]
    stories: dict[str, StoryState]
    first: dict[str, float | None]  # each story's earliest article time
    fullness: dict[str, float]  # as the clusterer's merge pass reads it
    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)


def cluster_partition(rows: list[Row], config: BackfillConfig) -> list[Row]:
    """Cluster one slice's rows; one row out, holding the pickled :class:`Partition`."""
    from ..cluster.features import lede

    cluster = config.settings.cluster
    articles = publication_order([row_article(row) for row in rows])
    by_id = {row["id"]: row for row in rows}
    vectors = {lede(a, cluster): vector_of(by_id[a.id]) for a in articles}
    state = ClusterState()
    assignment = StoryClusterer(cluster, Precomputed(config.embedder, vectors)).partial_fit(articles, state)
    first: dict[str, float | None] = {}
    fullness: dict[str, float] = defaultdict(float)
    for article in articles:
        sid = assignment[article.id]
        when = timestamp(article.published)
        first[sid] = _earliest(first[sid], when) if sid in first else when
        fullness[sid] = max(fullness[sid], min(1.0, article.words / cluster.article_words))
    number = rows[0]["partition"]
    done = Partition(number, assignment, state.stories, first, dict(fullness), state.docs, state.df)
    return [{"partition": number, "payload": pickle.dumps(done)}]


@dataclass
class Stitched:
    """The whole backfill's stories: each article's story, and the state the store keeps for later runs."""

    assignment: dict[str, str]
    state: ClusterState


def stitch(partitions: Iterable[Partition], config: BackfillConfig, embedder: EmbedderInfo) -> Stitched:
    """Join the slices (given in time order) into one set of stories."""
    clusterer = StoryClusterer(config.settings.cluster, Precomputed(embedder, {}))
    horizon = config.settings.cluster.window_days * 86400
    final = ClusterState()
    open_state = ClusterState()
    last_of: dict[str, float | None] = {}
    merged: dict[str, str] = {}
    assignment: dict[str, str] = {}
    previous: int | None = None
    for part in partitions:
        final.docs += part.docs
        final.df.update(part.df)
        assignment.update(part.assignment)
        adjacent = previous is not None and (part.number == previous + 1 or part.number == UNDATED)
        if not adjacent:
            _set_aside(open_state, final, last_of)
        touched = {}
        for sid in sorted(part.stories):
            story = copy.deepcopy(part.stories[sid])
            last_of[sid] = story.last
            if adjacent and part.first[sid] is not None and story.last is not None:
                story.last = part.first[sid]  # the story's part nearest the edge
            open_state.add_story(story)
            if adjacent and _near_edge(part.first[sid], part.number, config.partition_days, horizon):
                touched[sid] = part.fullness[sid]
        clusterer.merge(touched, open_state)
        for gone, kept in open_state.merged_into.items():
            merged[gone] = kept
            last_of[kept] = _latest(last_of[kept], last_of.pop(gone, None))
        open_state.merged_into.clear()
        for sid, story in open_state.stories.items():
            story.last = last_of[sid]
        _set_aside(open_state, final, last_of, keep={_resolve(merged, sid) for sid in part.stories})
        previous = part.number
    _set_aside(open_state, final, last_of)
    final.changed_terms = set(final.df)
    return Stitched({a: _resolve(merged, s) for a, s in assignment.items()}, final)


def _near_edge(first: float | None, number: int, days: float, horizon: float) -> bool:
    """Whether a story of slice ``number`` began within a story's open window of the slice's start."""
    return number == UNDATED or (first is not None and first - number * days * 86400 <= horizon)


def _set_aside(
    open_state: ClusterState, final: ClusterState, last_of: dict, keep: frozenset | set = frozenset()
) -> None:
    """Move the stories that can take nothing more (all but ``keep``, those of the latest slice) into ``final``."""
    for sid in sorted(set(open_state.stories) - keep):
        final.add_story(open_state.drop_story(sid))
        last_of.pop(sid, None)


def _earliest(a: float | None, b: float | None) -> float | None:
    return min(a, b) if a is not None and b is not None else (a if b is None else b)


def _latest(a: float | None, b: float | None) -> float | None:
    return max(a, b) if a is not None and b is not None else (a if b is None else b)


def _resolve(merged: dict[str, str], sid: str) -> str:
    while sid in merged:
        sid = merged[sid]
    return sid


def unpickle(row: Row) -> Partition:
    return pickle.loads(row["payload"])
