"""The online clusterer: place each article in the most similar story, refine, merge, split.

See :mod:`newsprism.cluster` for the method; the state it updates is in :mod:`newsprism.cluster.state`.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..embed import Embedder
from ..records import Article, Story
from .config import ClusterConfig
from .crosslingual import CrossLingual
from .features import article_time, contentless, lede, lede_counts, name_terms, publication_order, term_counts
from .split import story_parts
from .state import ClusterState, StoryState, Vector, story_id

# Term weights an article leaves behind in float rounding when it is taken out of a story.
ROUNDING = 1e-9


class _Match(NamedTuple):
    """A story an item could join, and its similarity to it."""

    score: float
    story: str


@dataclass
class _Item:
    """A batch article as the clusterer compares it: its terms, embedding, time and how to score it."""

    id: str
    terms: Vector  # a unit vector
    query: list[str]  # its strongest terms, to find candidate stories by
    vector: np.ndarray
    vector_norm: float
    when: float | None
    weight: float  # share of the TF-IDF cosine in its similarity to a story
    threshold: float  # similarity it needs to join a story
    fullness: float  # 0 for a headline, 1 for a full article (config.article_words or more)
    names: frozenset[str] | None = None  # the terms its body capitalises in a sentence; None: a headline alone
    aside: bool = False  # a headline that names no story (features.contentless): a story of its own
    lede_terms: Vector | None = None  # unit TF-IDF of its lede, the split pass's words; None: a headline alone
    # when placed: the most similar story it did not join, and the state's version then
    other: _Match | None = None
    placed_at: int = -1


class StoryClusterer:
    """Group articles into :class:`Story` records.

    >>> from newsprism.records import Article
    >>> from newsprism.embed import HashingEmbedder
    >>> a = Article(id="a", title="Storm hits coast", text="A storm hit the coast of Maine.")
    >>> b = Article(id="b", title="Maine coast storm", text="The storm battered Maine's coast.")
    >>> c = Article(id="c", title="Stocks rally", text="Shares rose on Wall Street.")
    >>> [s.article_ids for s in StoryClusterer(embedder=HashingEmbedder()).fit_predict([a, b, c])]
    [['a', 'b'], ['c']]
    """

    def __init__(self, config: ClusterConfig | None = None, embedder: Embedder | None = None) -> None:
        from ..embed import HashingEmbedder

        # the time of the first article of this batch in each story it reached (see _item_gap)
        self._first: dict[str, float] = {}
        self.config = config or ClusterConfig()
        self.embedder = embedder or HashingEmbedder()
        given = self.config.similarity
        self.similarity = given if given is not None else self.embedder.story_similarity
        self._xl = CrossLingual(self.embedder, self.config.window_days)  # across languages: crosslingual.py

    def fit_predict(self, articles: list[Article]) -> list[Story]:
        """Cluster ``articles`` from scratch."""
        ordered = publication_order(articles)
        if self.config.one_story and ordered:
            return [Story(story_id(ordered[0].id), tuple(ordered))]
        assignment = self.partial_fit(ordered, ClusterState())
        by_id = {a.id: a for a in ordered}
        groups: dict[str, list[Article]] = defaultdict(list)
        for article in ordered:
            groups[assignment[article.id]].append(by_id[article.id])
        stories = [Story(sid, tuple(group)) for sid, group in groups.items()]
        return sorted(stories, key=lambda s: (-len(s.articles), s.id))

    def partial_fit(self, articles: list[Article], state: ClusterState) -> dict[str, str]:
        """Place ``articles`` into the stories of ``state`` (updated in place); returns article id → story id.

        The returned ids reflect the refinement and merge passes, so a story may carry an earlier
        story's id.
        """
        ordered = publication_order(articles)
        named = [a for a in ordered if a.story]
        free = [a for a in ordered if not a.story]
        vectors = self.embedder.embed([lede(a, self.config) for a in free]) if free else np.zeros((0, 1), np.float32)
        assignment = {a.id: a.story or "" for a in named}
        items = [self._item(article, vector, state) for article, vector in zip(free, vectors, strict=True)]
        self._xl.start(free, state)
        assignment.update(self._fit_items(items, state))
        return {a.id: state.resolve(assignment[a.id]) for a in ordered}

    def _fit_items(self, items: list[_Item], state: ClusterState) -> dict[str, str]:
        """Place, refine, merge, split: item id → story id, before merges are resolved."""
        self._first = {}
        # a page set aside is a story no article can find (no terms, no embedding) and that seeks none
        assignment = {i.id: story_id(i.id) for i in items if i.aside}
        for item in (i for i in items if i.aside):
            state.add_story(StoryState(story_id(item.id), {}, np.zeros_like(item.vector), 1, item.when))
        items = [item for item in items if not item.aside]
        assignment.update({item.id: self._place(item, state) for item in items})
        self._refine(items, assignment, state)
        fullness: dict[str, list[float]] = defaultdict(list)
        for item in items:
            fullness[assignment[item.id]].append(item.fullness)
        self.merge({sid: max(shares) for sid, shares in fullness.items()}, state)
        self._split(items, assignment, state)
        return assignment

    def _split(self, items: list[_Item], assignment: dict[str, str], state: ClusterState) -> None:
        """Cut each story made of this batch's articles alone whose members form separate groups (see
        :mod:`newsprism.cluster.split`) into those groups, each a story. A story that holds articles of
        earlier batches is left whole: their terms and embeddings are only in its sums."""
        members: dict[str, list[_Item]] = defaultdict(list)
        for item in items:
            members[state.resolve(assignment[item.id])].append(item)
        for sid, group in members.items():
            story = state.stories.get(sid)
            if (
                story is None
                or story.size != len(group)
                or not self.config.split_size <= len(group) <= self.config.split_most
            ):
                continue
            parts = story_parts(group, self.config, self._xl)
            if len(parts) < 2:
                continue
            # the part holding the article the story's id was made from keeps it (else the largest), so
            # that no other part's id, made from one of its articles, can be the same
            parts.sort(key=lambda part: (story_id(part[0].id) != sid, -len(part)))
            state.drop_story(sid)
            for number, chosen in enumerate(parts):
                new_id = sid if number == 0 else state.free_id([item.id for item in chosen])
                state.merged_into.pop(new_id, None)  # a story merged away in this batch stands again
                piece = StoryState(new_id, {}, np.zeros_like(chosen[0].vector), 0, None)
                for item in chosen:
                    _grow(piece, item, self.config.centroid_terms)
                    assignment[item.id] = new_id
                state.add_story(piece)

    def _item(self, article: Article, vector: np.ndarray, state: ClusterState) -> _Item:
        """``article`` as an item to place; counts it in the document frequencies of ``state`` first, so
        that its terms' weights include it."""
        fullness = min(1.0, article.words / self.config.article_words)
        weight = self.config.text_weight + fullness * (self.config.article_text_weight - self.config.text_weight)
        threshold = self.similarity - fullness * self.config.article_similarity_drop
        norm = float(np.sqrt(vector @ vector))
        counts = term_counts(article, self.config)
        state.count_document(counts)
        terms = state.tfidf(counts)
        query = _strongest(terms, self.config.query_terms)
        when, names, aside = article_time(article), name_terms(article, self.config), contentless(article)
        ledes = None if names is None else state.tfidf(lede_counts(article, self.config))
        return _Item(article.id, terms, query, vector, norm, when, weight, threshold, fullness, names, aside, ledes)

    def _place(self, item: _Item, state: ClusterState) -> str:
        """Join the most similar story above the threshold or start one; the runner-up is kept for
        :meth:`_refine`, which then need not search again if nothing changed in between."""
        top = self._top_two(item, state)
        joins = bool(top) and top[0].score > item.threshold
        rest = top[1:] if joins else top
        item.other = rest[0] if rest else None
        if joins:
            story = state.stories[top[0].story]
            before = story.terms
            _grow(story, item, self.config.centroid_terms)
            state.reindex(story, before)
        else:
            story = StoryState(story_id(item.id), {}, np.zeros_like(item.vector), 0, None)
            _grow(story, item, self.config.centroid_terms)
            state.add_story(story)
        item.placed_at = state.version
        self._stretch(story.id, item.when)
        return story.id

    def _top_two(self, item: _Item, state: ClusterState, skip: str = "") -> list[_Match]:
        """The (at most) two open stories other than ``skip`` most similar to ``item``, best first, ties
        to the smaller id."""
        scored = (
            (-self._decayed(item, state.stories[sid]), sid)
            for sid in self._candidates(item.query, state) | self._xl.neighbours(item, state)
            if sid != skip
        )
        return [_Match(-negative, sid) for negative, sid in heapq.nsmallest(2, scored) if negative < math.inf]

    def _decayed(self, item: _Item, story: StoryState) -> float:
        """The time-decayed similarity of ``item`` to ``story``; -inf past the window."""
        gap = self._item_gap(item.when, story)
        if self._closed(gap):
            return -math.inf
        terms = _cosine(item.terms, 1.0, story.terms, story.term_norm)
        dense = _dense_cosine(item.vector, item.vector_norm, story.vector, story.vector_norm)
        return max(_mix(item.weight, terms, dense), self._xl.score(item, story.id, dense)) * self._decay(gap)

    def _decayed_without(self, item: _Item, story: StoryState) -> float:
        """:meth:`_decayed` for the story ``item`` is in, as if it were not (what :func:`_shrink` leaves)."""
        if story.size <= 1:
            return -math.inf
        gap = self._item_gap(item.when, story)
        dot, square = 0.0, story.term_norm**2
        for term, weight in item.terms.items():
            if (kept := story.terms.get(term)) is not None:
                left = kept - weight if kept - weight > ROUNDING else 0.0
                dot += left * weight
                square += left * left - kept * kept
        terms = dot / math.sqrt(square) if square > ROUNDING else 0.0
        dense = 0.0
        if item.vector.shape == story.vector.shape and item.vector_norm:
            shared = float(item.vector @ story.vector)
            left = story.vector_norm**2 - 2 * shared + item.vector_norm**2
            dense = (shared - item.vector_norm**2) / (item.vector_norm * math.sqrt(left)) if left > ROUNDING else 0.0
        return max(_mix(item.weight, terms, dense), self._xl.score(item, story.id, dense)) * self._decay(gap)

    def _refine(self, items: list[_Item], assignment: dict[str, str], state: ClusterState) -> None:
        """One k-means step: move each batch article to the story it is now most similar to.

        An article placed early saw its story when it was young (and the term statistics when few
        articles had been read); the story it belongs to may have formed only after it. Its own
        story is scored without it, so that no article stays put merely by being part of a story. An
        article still alone also joins a story that is its clear choice (:meth:`_clear_choice`).
        """
        for item in items:
            story = state.stories[sid := assignment[item.id]]
            stay = self._decayed_without(item, story)
            floor = max(stay, item.threshold - (self.config.lone_similarity_drop if story.size == 1 else 0.0))
            if story.size == 1:
                top = self._top_two(item, state, skip=sid)
                clear = self._clear_choice(item, top, state)
                best, floor = (top[0], -math.inf) if clear else (next(iter(top), None), floor)
            elif state.version == item.placed_at:  # no story changed since it was placed: the same contest
                best = item.other
            else:
                best = next(iter(self._top_two(item, state, skip=sid)), None)
            if best is None or best.score <= floor:
                continue
            if story.size == 1:
                state.drop_story(sid)
            else:
                before = story.terms
                _shrink(story, item)
                state.reindex(story, before)
            target = state.stories[best.story]
            before = target.terms
            _grow(target, item, self.config.centroid_terms)
            state.reindex(target, before)
            assignment[item.id] = target.id
            self._stretch(target.id, item.when)

    def _stretch(self, sid: str, when: float | None) -> None:
        """Note that an article of time ``when`` joined story ``sid`` in this batch."""
        if when is not None:
            self._first[sid] = min(self._first.get(sid, when), when)

    def _clear_choice(self, item: _Item, top: list[_Match], state: ClusterState) -> bool:
        """Whether a lone ``item``'s best story (``top``, best first) stands out (config.LONE_FLOOR): above a
        share of its threshold, well ahead of the runner-up (without one, nothing shows that the best is
        more than the only story about) and, for an article with a body, sharing a name with it."""
        if len(top) < 2 or top[0].score <= self.config.lone_floor * item.threshold:
            return False
        unnamed = item.names is not None and item.names.isdisjoint(state.stories[top[0].story].terms)
        return not unnamed and top[0].score >= self.config.lone_margin * max(top[1].score, 0.0)

    def merge(self, touched: dict[str, float], state: ClusterState) -> None:
        """Join each touched story (id → the fullness of the fullest batch article in it, see :class:`_Item`)
        into an older one it has grown close to; stories of headlines only merge at a lower bar."""
        for sid, fullness in touched.items():
            bar = self.config.merge_similarity - (1 - fullness) * self.config.headline_merge_drop
            sid = state.resolve(sid)
            if sid not in state.stories:
                continue
            story = state.stories[sid]
            query = _strongest(story.terms, self.config.merge_query_terms)
            for other_id in sorted(self._candidates(query, state) - {sid}):
                other = state.stories[other_id]
                gap = self._gap(story.last, other.last)
                if self._closed(gap):
                    continue
                terms = _cosine(story.terms, story.term_norm, other.terms, other.term_norm)
                dense = _dense_cosine(story.vector, story.vector_norm, other.vector, other.vector_norm)
                if _mix(self.config.text_weight, terms, dense) * self._decay(gap) >= bar:
                    keep, gone = (other, story) if other_id < sid else (story, other)
                    state.drop_story(gone.id, merged_into=keep.id)
                    before = keep.terms
                    _add_to(keep, gone.terms, gone.vector, gone.size, gone.last, self.config.centroid_terms)
                    state.reindex(keep, before)
                    break

    def _candidates(self, query: list[str], state: ClusterState) -> set[str]:
        """The stories sharing the most of the ``query`` terms, at most ``config.max_candidates`` of them;
        a term held by more than ``config.max_postings`` stories is passed over."""
        shared: Counter[str] = Counter()
        for term in query:
            stories = state.postings.get(term, ())
            if len(stories) <= self.config.max_postings:
                shared.update(stories)
        if len(shared) <= self.config.max_candidates:
            return set(shared)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        return {sid for sid, _ in ranked[: self.config.max_candidates]}

    def _gap(self, a: float | None, b: float | None) -> float:
        """Hours between two times; when only one is known, ``config.undated_gap_hours``: an undated
        article cannot show it belongs to a dated story's days, so it must be closer to join it."""
        if a is not None and b is not None:
            return abs(a - b) / 3600
        return 0.0 if a is None and b is None else self.config.undated_gap_hours

    def _item_gap(self, when: float | None, story: StoryState) -> float:
        """Hours between an item and ``story``: none within the times of the story's articles of this
        batch, else to the nearest end. A story that grew on after the item's time is not the further
        from it for that: in one batch of two days' headlines, a bankruptcy story still growing on the
        second day lost its first day's headlines to another bankruptcy that went quiet sooner."""
        first = self._first.get(story.id)
        if when is not None and story.last is not None and first is not None:
            if when < first:
                return (first - when) / 3600
            if when <= story.last:
                return 0.0
        return self._gap(when, story.last)

    def _closed(self, gap: float) -> bool:
        """Past the window: an article (or a story) ``gap`` hours from a story's newest article cannot join it."""
        return gap > self.config.window_days * 24

    def _decay(self, gap: float) -> float:
        return math.exp(-gap / self.config.decay_hours)


def _strongest(terms: Vector, count: int) -> list[str]:
    """The ``count`` terms of greatest weight, strongest first."""
    return sorted(terms, key=lambda t: -terms[t])[:count]


def _grow(story: StoryState, item: _Item, centroid_terms: int) -> None:
    """Add ``item`` to ``story``, which keeps its ``centroid_terms`` strongest terms."""
    _add_to(story, item.terms, item.vector, 1, item.when, centroid_terms)


def _add_to(
    story: StoryState, terms: Vector, vector: np.ndarray, size: int, last: float | None, centroid_terms: int
) -> None:
    """Add an item's or another story's terms, embedding, size and newest time to ``story``."""
    merged = Counter(story.terms)
    merged.update(terms)
    story.set_terms(dict(merged.most_common(centroid_terms)))
    story.set_vector(_add(story.vector, vector))
    story.size += size
    story.last = max(filter(None, (story.last, last)), default=None)


def _shrink(story: StoryState, item: _Item) -> None:
    """Take ``item`` out of ``story``: its terms only as far as the story kept them; the story's newest
    time stays (the item came in the same batch)."""
    story.size -= 1
    if not story.size:
        story.set_terms({})
        story.set_vector(np.zeros_like(story.vector))
        return
    left = Counter(story.terms)
    left.subtract(item.terms)
    story.set_terms({t: w for t, w in left.items() if w > ROUNDING})
    if story.vector.shape == item.vector.shape:
        story.set_vector(story.vector - item.vector)


def _add(total: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Sum of embeddings; an empty total (stored by another embedder) starts afresh."""
    if total.shape != vector.shape:
        return vector.copy() if total.size == 0 else total
    return total + vector


def _mix(weight: float, terms: float, dense: float) -> float:
    """A similarity from the TF-IDF cosine (its share ``weight``) and the embedding cosine."""
    return weight * terms + (1 - weight) * dense


def _cosine(a: Vector, a_norm: float, b: Vector, b_norm: float) -> float:
    if not a_norm or not b_norm:
        return 0.0
    return sum(a[t] * b[t] for t in a.keys() & b.keys()) / (a_norm * b_norm)  # few shared terms: loop over those


def _dense_cosine(a: np.ndarray, a_norm: float, b: np.ndarray, b_norm: float) -> float:
    return float(a @ b) / (a_norm * b_norm) if a.shape == b.shape and a_norm and b_norm else 0.0
