"""The per-outlet boilerplate stage: lines repeated across articles of one outlet.

Mastheads, footers and ads that an outlet prints on every page are not caught by the general rules of
:mod:`newsprism.articles.clean`; they show up as the same line in several of its articles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from ..records import Article


def strip_repeated_lines(articles: list[Article], min_articles: int = 2) -> list[Article]:
    """Remove lines that recur in several articles of the same outlet (mastheads, footers, ads).

    A line counts only when articles sharing it differ otherwise: if it would strip over half of an
    article, the article is a copy of another, not a carrier of boilerplate, and is left alone.
    """
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        if article.outlet:
            by_outlet[article.outlet].append(index)
    result = list(articles)
    for indexes in by_outlet.values():
        if len(indexes) < min_articles:
            continue
        counts = Counter(line for i in indexes for line in set(articles[i].text.splitlines()))
        repeated = {line for line, n in counts.items() if n >= min_articles}
        for i in indexes:
            lines = articles[i].text.splitlines()
            drop = [line for line in lines if line in repeated]
            if drop and len(drop) * 2 <= len(lines):
                text = "\n".join(line for line in lines if line not in repeated)
                result[i] = replace(articles[i], text=text, removed=articles[i].removed + tuple(drop))
    return result
