"""Settings: one small frozen config per stage, gathered in :class:`Settings`.

Thresholds are named constants here, each with the reason for its value and the benchmark to rerun
after changing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
# Share of a copy's sentences that must have a counterpart in the original, in order.
COPY_ALIGNED_SHARE = 0.5
# Jaccard of word 5-gram shingles above which two articles carry the same body (syndication).
SYNDICATION_JACCARD = 0.6


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value!r}")


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
            _check_range("cluster similarity", self.similarity, 0.0, 1.0)
        _check_range("merge similarity", self.merge_similarity, 0.0, 1.0)
        _check_range("text weight", self.text_weight, 0.0, 1.0)
        _check_range("article text weight", self.article_text_weight, 0.0, 1.0)
        _check_range("article similarity drop", self.article_similarity_drop, 0.0, 0.5)
        _check_range("lone similarity drop", self.lone_similarity_drop, 0.0, 0.5)
        _check_range("decay hours", self.decay_hours, 0.01, 1e6)
        _check_range("window days", self.window_days, 0.0, 1e5)
        _check_range("headline weight", self.headline_weight, 0.0, 100.0)
        _check_range("text chars", self.text_chars, 100, 10**7)


@dataclass(frozen=True, kw_only=True)
class ProvenanceConfig:
    aligned_share: float = COPY_ALIGNED_SHARE
    # Cosine above which two sentences align; None uses the embedder's own calibrated value.
    align_similarity: float | None = None
    syndication_jaccard: float = SYNDICATION_JACCARD

    def __post_init__(self) -> None:
        _check_range("aligned share", self.aligned_share, 0.0, 1.0)
        if self.align_similarity is not None:
            _check_range("align similarity", self.align_similarity, 0.0, 1.0)
        _check_range("syndication jaccard", self.syndication_jaccard, 0.0, 1.0)


@dataclass(frozen=True, kw_only=True)
class FactsConfig:
    # Cosine above which two sentences may state the same fact; None uses the embedder's own value.
    similarity: float | None = None

    def __post_init__(self) -> None:
        if self.similarity is not None:
            _check_range("fact similarity", self.similarity, 0.0, 1.0)


@dataclass(frozen=True, kw_only=True)
class SummaryConfig:
    words: int = 120

    def __post_init__(self) -> None:
        if not 10 <= self.words <= 5000:
            raise ValueError(f"summary words must be between 10 and 5000, got {self.words!r}")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """All settings of a run. ``newsprism.analyze(..., settings=Settings(...))``."""

    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    facts: FactsConfig = field(default_factory=FactsConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    strict: bool = False
