"""Stage 7, cluster: group articles into stories, online and incrementally.

Articles arrive in publication order (then by id, so listing order never matters). Each joins the
story it is most similar to, above a threshold, or starts a new one. A story is what it has
accumulated: the sum of its articles' TF-IDF vectors (headline terms weighted up, URL slug words
included), the sum of their sentence embeddings (headline and lede), and the time of its newest
article. Similarity is a weighted mix of the two cosines (embeddings count most for headline-only
items, terms for full articles), decayed by the time since the story last grew, so that stories
go cold; past ``window_days`` a story takes no new articles at all. After each batch a merge pass
joins stories that grew together. Candidates come from an inverted index over the stories' top
terms, so placing an article does not compare it with every stored story. Articles whose input
named a ``story`` are grouped by that name and never clustered.

The state (:class:`ClusterState`) is a plain object the store saves and loads, so a later run adds
articles to the stories already stored instead of starting over.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

import numpy as np

from .config import ARTICLE_WORDS, ClusterConfig
from .embed import Embedder
from .records import Article, Story
from .tokens import content_words

Vector = dict[str, float]
# A story centroid keeps its strongest terms only, which bounds memory and the inverted index.
CENTROID_TERMS = 60
# An article looks for candidate stories through its strongest terms, skipping any term that this
# many stories share: it cannot tell them apart, and would make every lookup scan them all.
QUERY_TERMS = 12
MAX_POSTINGS = 5000
# Only the stories sharing the most of those terms are scored, which bounds the cost of a placement.
MAX_CANDIDATES = 200
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


@dataclass
class ClusterState:
    """Document frequencies and stories so far; :class:`newsprism.store.Store` keeps it between runs."""

    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)
    stories: dict[str, StoryState] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # what changed since loading, for the store to write back
    changed_terms: set[str] = field(default_factory=set)
    merged_into: dict[str, str] = field(default_factory=dict)

    def add_story(self, story: StoryState) -> None:
        self.stories[story.id] = story
        for term in story.terms:
            self.postings[term].add(story.id)

    def resolve(self, sid: str) -> str:
        """The story ``sid`` is now part of, following merges."""
        while sid in self.merged_into:
            sid = self.merged_into[sid]
        return sid

    def drop_story(self, sid: str, merged_into: str | None = None) -> StoryState:
        if merged_into:
            self.merged_into[sid] = merged_into
        story = self.stories.pop(sid)
        for term in story.terms:
            self.postings[term].discard(sid)
        return story


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

        The returned ids reflect the merge pass, so a story may carry an earlier story's id.
        """
        ordered = publication_order(articles)
        named = [a for a in ordered if a.story]
        free = [a for a in ordered if not a.story]
        vectors = self.embedder.embed([_lede(a) for a in free]) if free else np.zeros((0, 1), np.float32)
        assignment = {a.id: a.story or "" for a in named}
        for article, vector in zip(free, vectors, strict=True):
            assignment[article.id] = self._place(article, vector, state)
        self._merge(list(dict.fromkeys(assignment[a.id] for a in free)), state)
        return {a.id: state.resolve(assignment[a.id]) for a in ordered}

    def _place(self, article: Article, vector: np.ndarray, state: ClusterState) -> str:
        terms = self._terms(article, state)
        when = timestamp(article.published)
        fullness = min(1.0, article.words / ARTICLE_WORDS)
        weight = self.config.text_weight + fullness * (self.config.article_text_weight - self.config.text_weight)
        best, best_score = None, self.similarity - fullness * self.config.article_similarity_drop
        for sid in self._candidates(terms, state):
            story = state.stories[sid]
            gap = _gap_hours(when, story.last)
            if gap > self.config.window_days * 24:
                continue
            score = self._score(terms, vector, story.terms, story.vector, weight)
            score *= math.exp(-gap / self.config.decay_hours)
            if score > best_score or (score == best_score and best is not None and sid < best):
                best, best_score = sid, score
        if best is None:
            story = StoryState(story_id(article.id), {}, np.zeros_like(vector), 0, None)
        else:
            story = state.drop_story(best)  # re-added with its new terms
        _grow(story, terms, vector, when)
        state.add_story(story)
        return story.id

    def _merge(self, touched: list[str], state: ClusterState) -> None:
        """Join each touched story into an older one it has grown close to."""
        for sid in touched:
            sid = state.resolve(sid)
            if sid not in state.stories:
                continue
            story = state.stories[sid]
            for other_id in sorted(self._candidates(story.terms, state) - {sid}):
                other = state.stories[other_id]
                gap = _gap_hours(story.last, other.last)
                if gap > self.config.window_days * 24:
                    continue
                score = self._score(story.terms, story.vector, other.terms, other.vector, self.config.text_weight)
                if score * math.exp(-gap / self.config.decay_hours) >= self.config.merge_similarity:
                    keep, gone = (other, story) if other_id < sid else (story, other)
                    state.drop_story(gone.id, merged_into=keep.id)
                    state.drop_story(keep.id)
                    _absorb(keep, gone)
                    state.add_story(keep)
                    break

    def _candidates(self, terms: Vector, state: ClusterState) -> set[str]:
        strongest = sorted(terms, key=lambda t: -terms[t])[:QUERY_TERMS]
        shared: Counter[str] = Counter()
        for term in strongest:
            stories = state.postings.get(term, ())
            if len(stories) <= MAX_POSTINGS:
                shared.update(stories)
        if len(shared) <= MAX_CANDIDATES:
            return set(shared)
        return {sid for sid, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]}

    @staticmethod
    def _score(terms: Vector, vector: np.ndarray, centroid: Vector, centroid_vec: np.ndarray, weight: float) -> float:
        return weight * _cosine(terms, centroid) + (1 - weight) * _dense_cosine(vector, centroid_vec)

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


def _grow(story: StoryState, terms: Vector, vector: np.ndarray, when: float | None) -> None:
    merged = Counter(story.terms)
    merged.update(terms)
    story.terms = dict(merged.most_common(CENTROID_TERMS))
    story.vector = _add(story.vector, vector)
    story.size += 1
    story.last = max(filter(None, (story.last, when)), default=None)


def _absorb(keep: StoryState, gone: StoryState) -> None:
    merged = Counter(keep.terms)
    merged.update(gone.terms)
    keep.terms = dict(merged.most_common(CENTROID_TERMS))
    keep.vector = _add(keep.vector, gone.vector)
    keep.size += gone.size
    keep.last = max(filter(None, (keep.last, gone.last)), default=None)


def _add(total: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Sum of embeddings; an empty total (stored by another embedder) starts afresh."""
    if total.shape != vector.shape:
        return vector.copy() if total.size == 0 else total
    return total + vector


def _gap_hours(a: float | None, b: float | None) -> float:
    return abs(a - b) / 3600 if a is not None and b is not None else 0.0


def _cosine(vector: Vector, centroid: Vector) -> float:
    if len(vector) > len(centroid):
        vector, centroid = centroid, vector
    dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
    norm = math.sqrt(sum(w * w for w in centroid.values())) * math.sqrt(sum(w * w for w in vector.values()))
    return dot / norm if norm else 0.0


def _dense_cosine(a: np.ndarray, b: np.ndarray) -> float:
    if a.shape != b.shape:
        return 0.0
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0
