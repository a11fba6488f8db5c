"""Story analysis: who copied whom.

For every pair of articles in a story: the same headline and text is a ``duplicate``; the same body under another
headline, with other boilerplate or cut short is ``syndicated`` (most of the shorter text's word
shingles appear in the longer); otherwise, when most of one article's sentences have a close
counterpart in the other, in roughly the same order, it is a ``rewrite``. The earlier publication is
the original; without dates, the fuller text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..articles.sentences import quoted_shares
from ..dedup import NearDuplicate, shingles
from ..embed import EmbeddedSentences
from ..records import Article, CopyLink, Story
from ..validate import check_range
from .unionfind import DisjointSets

VERSION = "1"
# Share of a copy's sentences that must have a counterpart in the original, in order.
COPY_ALIGNED_SHARE = 0.5
# Jaccard of word 5-gram shingles above which two articles carry the same body (syndication).
SYNDICATION_JACCARD = 0.6
# Shared sentences must also keep roughly the same order: this share of them in one increasing run.
MIN_ORDER_SHARE = 0.6
# A rewrite has at least this many aligned sentences: two short items that share a quote are not copies.
MIN_ALIGNED = 3
# A sentence with at least this share of its letters inside quotation marks is the speaker's, not the writer's:
# outlets quoting the same speaker share it word for word without copying each other.
QUOTED_SHARE = 0.5
# After changing these, rerun bench/bench_provenance.py (planted copies among real reports of one story).


@dataclass(frozen=True, kw_only=True)
class ProvenanceConfig:
    aligned_share: float = COPY_ALIGNED_SHARE
    # Cosine above which two sentences align; None uses the embedder's own calibrated value.
    align_similarity: float | None = None
    syndication_jaccard: float = SYNDICATION_JACCARD
    min_order_share: float = MIN_ORDER_SHARE
    min_aligned: int = MIN_ALIGNED
    quoted_share: float = QUOTED_SHARE

    def __post_init__(self) -> None:
        check_range("aligned share", self.aligned_share, 0.0, 1.0)
        if self.align_similarity is not None:
            check_range("align similarity", self.align_similarity, 0.0, 1.0)
        check_range("syndication jaccard", self.syndication_jaccard, 0.0, 1.0)
        check_range("min order share", self.min_order_share, 0.0, 1.0)
        check_range("min aligned", self.min_aligned, 1, 1000)
        check_range("quoted share", self.quoted_share, 0.0, 1.0)


DEFAULT = ProvenanceConfig()


def find_copies(
    story: Story,
    embedded: EmbeddedSentences,
    near: dict[frozenset[str], NearDuplicate],
    config: ProvenanceConfig = DEFAULT,
) -> tuple[CopyLink, ...]:
    """Copy links within a story; ``near`` holds the deduplicate stage's pairs, keyed by their two ids."""
    links = []
    for first, second in combinations(story.articles, 2):
        original, copy = _direction(first, second)
        link = _compare(original, copy, embedded, near.get(frozenset((first.id, second.id))), config)
        if link:
            links.append(link)
    return tuple(sorted(_direct(links), key=lambda link: (link.original, link.copy)))


KIND_STRENGTH = {"duplicate": 2, "syndicated": 1, "rewrite": 0}


def _direct(links: list[CopyLink]) -> list[CopyLink]:
    """Links without the shortcuts of a triangle: when a copy matches two articles that are copies of
    each other, it was taken from the one it matches best (on a tie, the earlier of the two), and its
    likeness to the other follows.
    """
    pairs = {(link.original, link.copy) for link in links}
    by_copy: dict[str, list[CopyLink]] = {}
    for link in links:
        by_copy.setdefault(link.copy, []).append(link)

    def preferred(other: CopyLink, link: CopyLink) -> bool:
        if (other.original, link.original) not in pairs and (link.original, other.original) not in pairs:
            return False
        theirs, mine = _strength(other), _strength(link)
        return theirs > mine or (theirs == mine and (other.original, link.original) in pairs)

    return [link for link in links if not any(preferred(other, link) for other in by_copy[link.copy])]


def _strength(link: CopyLink) -> tuple[int, float]:
    """How closely a copy follows its original: the kind of copy first, then the similarity."""
    return KIND_STRENGTH[link.kind], link.similarity


def _direction(a: Article, b: Article) -> tuple[Article, Article]:
    if a.published and b.published and not (a.published.startswith(b.published) or b.published.startswith(a.published)):
        return (a, b) if a.published < b.published else (b, a)
    return (a, b) if (a.words, b.id) >= (b.words, a.id) else (b, a)


def _compare(
    original: Article, copy: Article, embedded: EmbeddedSentences, near: NearDuplicate | None, config: ProvenanceConfig
) -> CopyLink | None:
    """A near-duplicate pair (from the deduplicate stage) may carry one body; any pair may be a rewrite."""
    if near is not None and (link := _same_body(original, copy, near, config)) is not None:
        return link
    return _rewrite(original, copy, embedded, config)


def _same_body(original: Article, copy: Article, near: NearDuplicate, config: ProvenanceConfig) -> CopyLink | None:
    """A duplicate (the same text and headline), or a syndicated copy: most of the shorter text's own
    shingles appear in the longer."""
    if near.exact and original.title == copy.title:
        return CopyLink(original.id, copy.id, "duplicate", 1.0)
    a, b = shingles(_own_text(original, config)), shingles(_own_text(copy, config))
    containment = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    if containment >= config.syndication_jaccard:
        return CopyLink(original.id, copy.id, "syndicated", round(containment, 3))
    return None


def _rewrite(
    original: Article, copy: Article, embedded: EmbeddedSentences, config: ProvenanceConfig
) -> CopyLink | None:
    """A rewrite: most of the copy's own sentences have a close counterpart in the original, in order."""
    rows_o, rows_c = _own_words(embedded, original.id, config), _own_words(embedded, copy.id, config)
    if not rows_o or not rows_c:
        return None
    threshold = config.align_similarity if config.align_similarity is not None else embedded.embedder.align_similarity
    sims = embedded.similarity(rows_c, rows_o)
    best = sims.argmax(axis=1)
    matched = [(i, int(best[i])) for i in range(len(rows_c)) if sims[i, best[i]] >= threshold]
    share = len(matched) / min(len(rows_c), len(rows_o))
    if (
        len(matched) < config.min_aligned
        or share < config.aligned_share
        or _longest_increasing(j for _, j in matched) < config.min_order_share * len(matched)
    ):
        return None
    aligned = tuple((embedded.sentences[rows_o[j]].text, embedded.sentences[rows_c[i]].text) for i, j in matched)
    similarity = float(np.mean([sims[i, j] for i, j in matched]))
    return CopyLink(original.id, copy.id, "rewrite", round(share * similarity, 3), aligned)


def _own_text(article: Article, config: ProvenanceConfig) -> str:
    """The article's text without its mostly quoted sentences (all of it when it is all quotes)."""
    shares = quoted_shares(list(article.sentences))
    own = [s for s, share in zip(article.sentences, shares, strict=True) if share < config.quoted_share]
    return " ".join(own) if own else article.text


def _own_words(embedded: EmbeddedSentences, article: str, config: ProvenanceConfig) -> list[int]:
    """An article's sentence rows, without those that are mostly quotation: outlets quoting the same
    speaker share those sentences word for word without copying each other."""
    rows = embedded.rows(article)
    shares = quoted_shares([embedded.sentences[row].text for row in rows])
    return [row for row, share in zip(rows, shares, strict=True) if share < config.quoted_share]


def _longest_increasing(values: Iterable[int]) -> int:
    tails: list[int] = []
    for value in values:
        index = bisect.bisect_right(tails, value)
        tails[index : index + 1] = [value]
    return len(tails)


def copy_groups(story: Story, links: tuple[CopyLink, ...]) -> dict[str, str]:
    """Map each article to the root of its copy chain, so that copies count once."""
    chains = DisjointSets(a.id for a in story.articles)
    for link in links:
        chains.join(link.copy, link.original)
    return {a.id: chains.root(a.id) for a in story.articles}
