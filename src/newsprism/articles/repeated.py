"""The per-outlet stage: lines that recur in several articles of one outlet (mastheads, footers, ads).

Which lines recur is counted over every stored article of the outlet (the store keeps each article's
line keys), or among a batch of articles when there is no store; :func:`strip_repeated` then removes
them from one article. A line counts only when the articles sharing it differ otherwise: if it would
strip over half of an article, the article is a copy of another, not a carrier of boilerplate, and is
left alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import replace

from ..records import Article

# A line is repeated when this many articles of the outlet hold it.
REPEATED_IN = 2


def line_key(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]


def line_keys(article: Article) -> frozenset[str]:
    """The keys of an extracted article's distinct lines."""
    return frozenset(line_key(line) for line in article.text.splitlines())


def repeated_among(articles: list[Article], min_articles: int = REPEATED_IN) -> dict[str, set[str]]:
    """For each article with an outlet, the keys of its lines that ``min_articles`` of these articles
    of its outlet hold."""
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.outlet:
            by_outlet[article.outlet].append(article)
    found: dict[str, set[str]] = {}
    for group in by_outlet.values():
        keys = {a.id: line_keys(a) for a in group}
        counts = Counter(key for article_keys in keys.values() for key in article_keys)
        found.update({a: {k for k in article_keys if counts[k] >= min_articles} for a, article_keys in keys.items()})
    return found


def strip_repeated(article: Article, repeated: set[str]) -> Article:
    """``article`` without its lines whose keys are in ``repeated``, unless that would strip over half of it."""
    if not repeated:
        return article
    lines = article.text.splitlines()
    drop = [line for line in lines if line_key(line) in repeated]
    if not drop or len(drop) * 2 > len(lines):
        return article
    text = "\n".join(line for line in lines if line_key(line) not in repeated)
    return replace(article, text=text, removed=article.removed + tuple(drop))


def strip_repeated_lines(articles: list[Article], min_articles: int = REPEATED_IN) -> list[Article]:
    """Remove from each article the lines repeated among ``articles`` of its outlet."""
    repeated: Mapping[str, set[str]] = repeated_among(articles, min_articles)
    return [strip_repeated(article, repeated.get(article.id, set())) for article in articles]
