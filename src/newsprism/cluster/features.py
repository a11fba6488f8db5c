"""What the clusterer reads from an article: its place in publication order, its time, the words of its
URL, its lede for the sentence embedding, and its term counts for TF-IDF."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from urllib.parse import unquote, urlsplit

from ..records import Article
from ..text.tokens import content_words
from .config import ClusterConfig

# URL path pieces that name a site's sections or file types rather than the story.
SLUG_NOISE = {
    "html",
    "htm",
    "php",
    "aspx",
    "shtml",
    "cms",
    "story",
    "stories",
    "news",
    "article",
    "articles",
    "index",
    "www",
    "amp",
    "content",
    "post",
    "posts",
    "world",
    "business",
    "politics",
}


def publication_order(articles: list[Article]) -> list[Article]:
    """Sort by publication time, undated last, then by id, so file listing order never matters."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


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


def lede(article: Article, config: ClusterConfig) -> str:
    """The headline and first sentences: what a sentence embedding of the article should read."""
    if article.sentences:
        lead = [s for s in article.sentences[: config.lede_sentences] if s != article.title]
    else:
        lead = [article.text[: config.lede_chars]]
    return " ".join([article.title, *lead] if article.title else lead)


def term_counts(article: Article, config: ClusterConfig) -> dict[str, float]:
    """How often each content word occurs in the top of the body, the headline and the URL slug
    counting ``config.headline_weight`` times each."""
    counts: dict[str, float] = dict(Counter(content_words(article.text[: config.text_chars])))
    for term in content_words(f"{article.title or ''} {slug_words(article.url)}"):
        counts[term] = counts.get(term, 0) + config.headline_weight
    return counts
