"""Stage 7, cluster: group articles into stories.

Single-pass online clustering in publication order: each article joins the story whose TF-IDF
centroid (headline terms weighted up) is most similar, above a threshold, or starts a new story.
Articles whose input named a ``story`` are grouped by that name and never clustered.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict

from .config import ClusterConfig
from .records import Article, Story
from .tokens import content_words

Vector = dict[str, float]


def publication_order(articles: list[Article]) -> list[Article]:
    """Sort by publication time, undated last, then by id, so file listing order never matters."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def story_id(first_article: str) -> str:
    return "s-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:10]


class StoryClusterer:
    """Group articles into :class:`Story` records.

    >>> from newsprism.records import Article
    >>> a = Article(id="a", title="Storm hits coast", text="A storm hit the coast of Maine.")
    >>> b = Article(id="b", title="Maine coast storm", text="The storm battered Maine's coast.")
    >>> c = Article(id="c", title="Stocks rally", text="Shares rose on Wall Street.")
    >>> [s.article_ids for s in StoryClusterer().fit_predict([a, b, c])]
    [['a', 'b'], ['c']]
    """

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()

    def fit_predict(self, articles: list[Article]) -> list[Story]:
        ordered = publication_order(articles)
        if self.config.one_story and ordered:
            return [Story(story_id(ordered[0].id), tuple(ordered))]
        named: dict[str, list[Article]] = defaultdict(list)
        free = []
        for article in ordered:
            (named[article.story] if article.story else free).append(article)
        groups = list(named.items()) + [(story_id(g[0].id), g) for g in self._cluster(free)]
        stories = [Story(sid, tuple(group)) for sid, group in groups]
        return sorted(stories, key=lambda s: (-len(s.articles), s.id))

    def _cluster(self, articles: list[Article]) -> list[list[Article]]:
        vectors = self._vectors(articles)
        groups: list[list[Article]] = []
        centroids: list[Vector] = []
        for article, vector in zip(articles, vectors, strict=True):
            best, best_score = -1, self.config.similarity
            for index, centroid in enumerate(centroids):
                score = _cosine(vector, centroid)
                if score >= best_score:
                    best, best_score = index, score
            if best < 0:
                groups.append([article])
                centroids.append(dict(vector))
            else:
                groups[best].append(article)
                for term, weight in vector.items():
                    centroids[best][term] = centroids[best].get(term, 0.0) + weight
        return groups

    def _vectors(self, articles: list[Article]) -> list[Vector]:
        counts = []
        for article in articles:
            terms = Counter(content_words(article.text))
            for term in content_words(article.title or ""):
                terms[term] += self.config.headline_weight
            counts.append(terms)
        df = Counter(term for terms in counts for term in terms)
        n = len(articles)
        vectors = []
        for terms in counts:
            vector = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in terms.items()}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            vectors.append({t: w / norm for t, w in vector.items()})
        return vectors


def _cosine(vector: Vector, centroid: Vector) -> float:
    if len(vector) > len(centroid):
        vector, centroid = centroid, vector
    dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
    norm = math.sqrt(sum(w * w for w in centroid.values())) * math.sqrt(sum(w * w for w in vector.values()))
    return dot / norm if norm else 0.0
