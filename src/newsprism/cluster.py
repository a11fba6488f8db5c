"""Stage 7, cluster: group articles into stories, online and incrementally.

Articles arrive in publication order (then by id, so listing order never matters). Each joins the
story it is most similar to, above a threshold, or starts a new one. A story is what it has
accumulated: the sum of its articles' TF-IDF vectors (headline terms weighted up, URL slug words
included), the sum of their sentence embeddings (headline and lede), and the time of its newest
article. Similarity is a weighted mix of the two cosines (embeddings count most for headline-only
items, terms for full articles), decayed by the time since the story last grew, so that stories
go cold; past ``window_days`` a story takes no new articles at all. After each batch, one k-means
step moves each of its articles to the story it is now most similar to (an article that came before
its story formed finds it then), and a merge pass joins stories that grew together. Candidates come
from an inverted index over the stories' top terms, so placing an article does not compare it with
every stored story. Articles whose input named a ``story`` are grouped by that name and never
clustered.

The state (:class:`ClusterState`) is a plain object the store saves and loads, so a later run adds
articles to the stories already stored instead of starting over.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

import numpy as np

from .embed import Embedder
from .records import Article, Story
from .text.tokens import content_words
from .validate import check_range

# Clustering (bench/bench_cluster.py tuned these on the UCI headline stream and the Multi-News mix;
# rerun it after changing any). The join threshold belongs to the embedder (``story_similarity``),
# because each vector space has its own scale; ClusterConfig.similarity overrides it.
# How much the TF-IDF cosine counts against the embedding cosine in a story's similarity, for a
# headline-only item and for a full article (ARTICLE_WORDS or more; in between, interpolated): a few
# words give TF-IDF little to go on, while a lede's embedding says less about a long article than its
# terms. On the UCI headlines 0.3 beats 0.5 by 0.02 F1; on the Multi-News mix 0.9 beats 0.7 by 0.01.
TEXT_WEIGHT = 0.3
ARTICLE_TEXT_WEIGHT = 0.9
ARTICLE_WORDS = 200
# A full article joins a story at this much less than the embedder's story_similarity (headlines):
# its TF-IDF cosines run lower. Multi-News mix: 0.856 F1 at 0.05 less, 0.834 at the same threshold.
ARTICLE_SIMILARITY_DROP = 0.05
# After a batch is placed, an article still alone in its story joins its best story at this much
# less: by then every story of the batch has formed, so a lone article's best match is more telling
# than it was on arrival. Multi-News mix 0.875 → 0.881 F1 (MiniLM) at 0.02, 0.877 at 0.04, and up on
# both halves of its stories (--halves) with either embedder; UCI within 0.001.
LONE_SIMILARITY_DROP = 0.02
# Two stories that grew close merge above this (time-decayed) similarity.
MERGE_SIMILARITY = 0.45
# Similarity to a story decays by e^(-hours since it last grew / DECAY_HOURS): news goes cold in a day or two.
DECAY_HOURS = 24.0
# A story takes no new articles this long after its newest one.
WINDOW_DAYS = 7.0
# How many times a headline's (and URL slug's) terms count against the body's.
HEADLINE_WEIGHT = 3.0
# The body is read up to this many characters for clustering: the top of a story says what it is about.
TEXT_CHARS = 3000


@dataclass(frozen=True, kw_only=True)
class ClusterConfig:
    similarity: float | None = None
    merge_similarity: float = MERGE_SIMILARITY
    text_weight: float = TEXT_WEIGHT
    article_text_weight: float = ARTICLE_TEXT_WEIGHT
    article_similarity_drop: float = ARTICLE_SIMILARITY_DROP
    lone_similarity_drop: float = LONE_SIMILARITY_DROP
    decay_hours: float = DECAY_HOURS
    window_days: float = WINDOW_DAYS
    headline_weight: float = HEADLINE_WEIGHT
    text_chars: int = TEXT_CHARS
    one_story: bool = False

    def __post_init__(self) -> None:
        if self.similarity is not None:
            check_range("cluster similarity", self.similarity, 0.0, 1.0)
        check_range("merge similarity", self.merge_similarity, 0.0, 1.0)
        check_range("text weight", self.text_weight, 0.0, 1.0)
        check_range("article text weight", self.article_text_weight, 0.0, 1.0)
        check_range("article similarity drop", self.article_similarity_drop, 0.0, 0.5)
        check_range("lone similarity drop", self.lone_similarity_drop, 0.0, 0.5)
        check_range("decay hours", self.decay_hours, 0.01, 1e6)
        check_range("window days", self.window_days, 0.0, 1e5)
        check_range("headline weight", self.headline_weight, 0.0, 100.0)
        check_range("text chars", self.text_chars, 100, 10**7)

Vector = dict[str, float]
# A story centroid keeps its strongest terms only, which bounds memory and the inverted index.
CENTROID_TERMS = 60
# An article looks for candidate stories through its strongest terms, skipping any term that this
# many stories share: it cannot tell them apart, and would make every lookup scan them all.
QUERY_TERMS = 12
MAX_POSTINGS = 5000
# Only the stories sharing the most of those terms are scored, which bounds the cost of a placement.
MAX_CANDIDATES = 200
# Term weights an article leaves behind in float rounding when it is taken out of a story.
ROUNDING = 1e-9
# URL path pieces that name a site's sections or file types rather than the story.
SLUG_NOISE = {"html", "htm", "php", "aspx", "shtml", "cms", "story", "stories", "news", "article", "articles",
              "index", "www", "amp", "content", "post", "posts", "world", "business", "politics"}


def publication_order(articles: list[Article]) -> list[Article]:
    """Sort by publication time, undated last, then by id, so file listing order never matters."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def story_id(first_article: str) -> str:
    return "s-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:10]


def timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO date or time; None when undated or unreadable."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=None).timestamp()


def slug_words(url: str | None) -> str:
    """The words of a URL's path: "/2024/06/putin-arrives-in-pyongyang.html" → "putin arrives in pyongyang"."""
    if not url:
        return ""
    pieces = re.split(r"[/_\-.+,;=~]", unquote(urlsplit(url).path))
    return " ".join(p for p in pieces if p.isalpha() and p.lower() not in SLUG_NOISE)


@dataclass
class StoryState:
    """What a story has accumulated."""

    id: str
    terms: Vector
    vector: np.ndarray
    size: int
    last: float | None
    # cached: every placement compares an article with up to MAX_CANDIDATES stories
    term_norm: float = field(init=False, repr=False, compare=False)
    vector_norm: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.set_terms(self.terms)
        self.set_vector(self.vector)

    def set_terms(self, terms: Counter[str] | Vector) -> None:
        """Keep the strongest CENTROID_TERMS of ``terms`` (all positive)."""
        strongest = terms.most_common(CENTROID_TERMS) if isinstance(terms, Counter) else terms.items()
        self.terms = {t: w for t, w in strongest if w > 0}
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
    # when placed: the most similar story it did not join (score, id), and the state's version then
    other: tuple[float, str] | None = None
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
        from .embed import HashingEmbedder

        self.config = config or ClusterConfig()
        self.embedder = embedder or HashingEmbedder()
        given = self.config.similarity
        self.similarity = given if given is not None else self.embedder.story_similarity

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
        vectors = self.embedder.embed([_lede(a) for a in free]) if free else np.zeros((0, 1), np.float32)
        assignment = {a.id: a.story or "" for a in named}
        items = [self._item(article, vector, state) for article, vector in zip(free, vectors, strict=True)]
        assignment.update(self._fit_items(items, state))
        return {a.id: state.resolve(assignment[a.id]) for a in ordered}

    def _fit_items(self, items: list[_Item], state: ClusterState) -> dict[str, str]:
        """Place, refine, merge: item id → story id, before merges are resolved."""
        assignment = {item.id: self._place(item, state) for item in items}
        self._refine(items, assignment, state)
        self._merge(list(dict.fromkeys(assignment.values())), state)
        return assignment

    def _item(self, article: Article, vector: np.ndarray, state: ClusterState) -> _Item:
        fullness = min(1.0, article.words / ARTICLE_WORDS)
        weight = self.config.text_weight + fullness * (self.config.article_text_weight - self.config.text_weight)
        threshold = self.similarity - fullness * self.config.article_similarity_drop
        norm = float(np.sqrt(vector @ vector))
        terms = self._terms(article, state)
        query = sorted(terms, key=lambda t: -terms[t])[:QUERY_TERMS]
        return _Item(article.id, terms, query, vector, norm, timestamp(article.published), weight, threshold)

    def _place(self, item: _Item, state: ClusterState) -> str:
        """Join the most similar story above the threshold or start one; the runner-up is kept for
        :meth:`_refine`, which then need not search again if nothing changed in between."""
        top = self._top_two(item, state)
        joins = bool(top) and top[0][0] > item.threshold
        rest = top[1:] if joins else top
        item.other = rest[0] if rest else None
        if joins:
            story = state.stories[top[0][1]]
            before = story.terms
            _grow(story, item)
            state.reindex(story, before)
        else:
            story = StoryState(story_id(item.id), {}, np.zeros_like(item.vector), 0, None)
            _grow(story, item)
            state.add_story(story)
        item.placed_at = state.version
        return story.id

    def _top_two(self, item: _Item, state: ClusterState, skip: str = "") -> list[tuple[float, str]]:
        """The (at most) two open stories other than ``skip`` most similar to ``item``: (score, id), best
        first, ties to the smaller id."""
        scored = ((-self._decayed(item, state.stories[sid]), sid) for sid in self._candidates(item.query, state)
                  if sid != skip)
        return [(-negative, sid) for negative, sid in heapq.nsmallest(2, scored) if negative < math.inf]

    def _decayed(self, item: _Item, story: StoryState) -> float:
        """The time-decayed similarity of ``item`` to ``story``; -inf past the window."""
        gap = _gap_hours(item.when, story.last)
        if gap > self.config.window_days * 24:
            return -math.inf
        terms = _cosine(item.terms, 1.0, story.terms, story.term_norm)
        dense = _dense_cosine(item.vector, item.vector_norm, story.vector, story.vector_norm)
        return (item.weight * terms + (1 - item.weight) * dense) * math.exp(-gap / self.config.decay_hours)

    def _decayed_without(self, item: _Item, story: StoryState) -> float:
        """:meth:`_decayed` for the story ``item`` is in, as if it were not (what :func:`_shrink` leaves)."""
        if story.size <= 1:
            return -math.inf
        gap = _gap_hours(item.when, story.last)
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
        return (item.weight * terms + (1 - item.weight) * dense) * math.exp(-gap / self.config.decay_hours)

    def _refine(self, items: list[_Item], assignment: dict[str, str], state: ClusterState) -> None:
        """One k-means step: move each batch article to the story it is now most similar to.

        An article placed early saw its story when it was young (and the term statistics when few
        articles had been read); the story it belongs to may have formed only after it. Its own
        story is scored without it, so that no article stays put merely by being part of a story.
        """
        for item in items:
            sid = assignment[item.id]
            story = state.stories[sid]
            stay = self._decayed_without(item, story)
            floor = max(stay, item.threshold - (self.config.lone_similarity_drop if story.size == 1 else 0.0))
            if state.version == item.placed_at:  # no story changed since it was placed: the same contest
                best = item.other
            else:
                best = next(iter(self._top_two(item, state, skip=sid)), None)
            if best is None or best[0] <= floor:
                continue
            if story.size == 1:
                state.drop_story(sid)
            else:
                before = story.terms
                _shrink(story, item)
                state.reindex(story, before)
            target = state.stories[best[1]]
            before = target.terms
            _grow(target, item)
            state.reindex(target, before)
            assignment[item.id] = target.id

    def _merge(self, touched: list[str], state: ClusterState) -> None:
        """Join each touched story into an older one it has grown close to."""
        for sid in touched:
            sid = state.resolve(sid)
            if sid not in state.stories:
                continue
            story = state.stories[sid]
            query = sorted(story.terms, key=lambda t: -story.terms[t])[:QUERY_TERMS]
            for other_id in sorted(self._candidates(query, state) - {sid}):
                other = state.stories[other_id]
                gap = _gap_hours(story.last, other.last)
                if gap > self.config.window_days * 24:
                    continue
                weight = self.config.text_weight
                terms = _cosine(story.terms, story.term_norm, other.terms, other.term_norm)
                dense = _dense_cosine(story.vector, story.vector_norm, other.vector, other.vector_norm)
                score = weight * terms + (1 - weight) * dense
                if score * math.exp(-gap / self.config.decay_hours) >= self.config.merge_similarity:
                    keep, gone = (other, story) if other_id < sid else (story, other)
                    state.drop_story(gone.id, merged_into=keep.id)
                    before = keep.terms
                    _absorb(keep, gone)
                    state.reindex(keep, before)
                    break

    @staticmethod
    def _candidates(query: list[str], state: ClusterState) -> set[str]:
        """The stories sharing the most of the ``query`` terms, at most MAX_CANDIDATES of them."""
        shared: Counter[str] = Counter()
        for term in query:
            stories = state.postings.get(term, ())
            if len(stories) <= MAX_POSTINGS:
                shared.update(stories)
        if len(shared) <= MAX_CANDIDATES:
            return set(shared)
        return {sid for sid, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]}

    def _terms(self, article: Article, state: ClusterState) -> Vector:
        counts = Counter(content_words(article.text[: self.config.text_chars]))
        for term in content_words(f"{article.title or ''} {slug_words(article.url)}"):
            counts[term] += self.config.headline_weight
        state.docs += 1
        state.df.update(counts.keys())
        state.changed_terms.update(counts.keys())
        vector = {
            t: (1 + math.log(c)) * (math.log((1 + state.docs) / (1 + state.df[t])) + 1) for t, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}


def _lede(article: Article) -> str:
    """The headline and first two sentences: what a sentence embedding of the article should read."""
    lead = [s for s in article.sentences[:2] if s != article.title] if article.sentences else [article.text[:400]]
    return " ".join([article.title, *lead] if article.title else lead)


def _grow(story: StoryState, item: _Item) -> None:
    merged = Counter(story.terms)
    merged.update(item.terms)
    story.set_terms(merged)
    story.set_vector(_add(story.vector, item.vector))
    story.size += 1
    story.last = max(filter(None, (story.last, item.when)), default=None)


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


def _absorb(keep: StoryState, gone: StoryState) -> None:
    merged = Counter(keep.terms)
    merged.update(gone.terms)
    keep.set_terms(merged)
    keep.set_vector(_add(keep.vector, gone.vector))
    keep.size += gone.size
    keep.last = max(filter(None, (keep.last, gone.last)), default=None)


def _add(total: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Sum of embeddings; an empty total (stored by another embedder) starts afresh."""
    if total.shape != vector.shape:
        return vector.copy() if total.size == 0 else total
    return total + vector


def _gap_hours(a: float | None, b: float | None) -> float:
    return abs(a - b) / 3600 if a is not None and b is not None else 0.0


def _cosine(a: Vector, a_norm: float, b: Vector, b_norm: float) -> float:
    if not a_norm or not b_norm:
        return 0.0
    return sum(a[t] * b[t] for t in a.keys() & b.keys()) / (a_norm * b_norm)  # few shared terms: loop over those


def _dense_cosine(a: np.ndarray, a_norm: float, b: np.ndarray, b_norm: float) -> float:
    if a.shape != b.shape or not a_norm or not b_norm:
        return 0.0
    return float(a @ b) / (a_norm * b_norm)
