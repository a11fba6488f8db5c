"""Story analysis: who copied whom.

For each pair of articles in a story that may be copies: the same headline and text is a ``duplicate``;
the same body under another headline, with other boilerplate or cut short is ``syndicated`` (most of the
shorter text's word shingles appear in the longer); when most of one article's sentences have a close counterpart in the
other, in roughly the same order, or many of them a looser counterpart all in the same order
(a paraphrase sentence by sentence), it is a ``rewrite``; a run of sentences found word for word in
the other is an ``excerpt``. Which is the original, or whether both reproduce an outside report
(``shared-source``), is decided by evidence (:mod:`.derivation`) and said in the link's ``reason``.

The pairs compared are those that can pass one of these tests, found without comparing every pair:
the near-duplicate pairs (the only ones that can share a body), the pairs where enough sentences of one
have a neighbour in the other above the loosest alignment threshold (a rewrite needs that), and those
sharing enough sentences word for word (an excerpt needs that). Any other pair fails every test, so the
links are the same as comparing all pairs, at a cost that grows with the pairs of similar sentences
rather than with the square of the story. Articles with the same own sentences (exact copies: one wire
report under 29 outlets) are searched once, as their first, and two of them are candidates when one
article with its own copy would be; what orientation reads of a text is read once for each text
(:mod:`.derivation`), so that copies cost what their distinct texts cost but for the loop over pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..articles.sentences import quoted_shares
from ..dedup import NearDuplicate, shingles
from ..embed import EmbeddedSentences
from ..records import Article, CopyLink, Story
from ..validate import check_range
from .derivation import orient, word_count
from .memo import MAX_ARTICLES, Memo
from .sentence_order import longest_increasing, one_to_one
from .translation import across_languages, translation
from .unionfind import DisjointSets

VERSION = "3"
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
# A paraphrase rewrite: sentences reworded more freely (cosine above this share of the embedder's align
# similarity: 0.65 for MiniLM), matched one to one, at least PARAPHRASE_MIN_ALIGNED of them, making up
# PARAPHRASE_SHARE of the shorter article, and every one in the same order. Two outlets reporting one
# event share facts but not the order of every sentence. Set on truth-dev's rewrites against all
# same-story pairs of bench/bench_provenance.py (real pairs linked, inspected with --show).
PARAPHRASE_FACTOR = 0.87
PARAPHRASE_MIN_ALIGNED = 5
PARAPHRASE_SHARE = 0.4
# A paraphrase still keeps some of its original's wording: this share of the shorter text's own word
# 4-grams are in the other. Rewrites measured 0.08 to 0.35, two outlets' reports of one event 0.01 to 0.02
# (truth-dev rewrites; the real same-story pairs bench/bench_provenance.py --show linked without it).
PARAPHRASE_WORDING = 0.04
PARAPHRASE_GRAM = 4
# An excerpt: at least this many consecutive sentences of one article found word for word, in the same
# sequence, in the other; each of at least EXCERPT_MIN_WORDS words ("Read more." is not a sentence of it).
EXCERPT_RUN = 3
EXCERPT_MIN_WORDS = 6
# After changing these, rerun bench/bench_provenance.py (planted copies among real reports of one story).
# Candidate pairs: a sentence counts as having a neighbour at this much below the loosest threshold, so
# that rounding in a differently blocked matrix product never drops a pair; rows per block of that product.
NEIGHBOUR_SLACK = 1e-4
NEIGHBOUR_BLOCK = 1024


@dataclass(frozen=True, kw_only=True)
class ProvenanceConfig:
    aligned_share: float = COPY_ALIGNED_SHARE
    # Cosine above which two sentences align; None uses the embedder's own calibrated value.
    align_similarity: float | None = None
    syndication_jaccard: float = SYNDICATION_JACCARD
    min_order_share: float = MIN_ORDER_SHARE
    min_aligned: int = MIN_ALIGNED
    quoted_share: float = QUOTED_SHARE
    paraphrase_factor: float = PARAPHRASE_FACTOR
    paraphrase_min_aligned: int = PARAPHRASE_MIN_ALIGNED
    paraphrase_share: float = PARAPHRASE_SHARE
    paraphrase_wording: float = PARAPHRASE_WORDING
    excerpt_run: int = EXCERPT_RUN
    excerpt_min_words: int = EXCERPT_MIN_WORDS

    def __post_init__(self) -> None:
        check_range("aligned share", self.aligned_share, 0.0, 1.0)
        if self.align_similarity is not None:
            check_range("align similarity", self.align_similarity, 0.0, 1.0)
        check_range("syndication jaccard", self.syndication_jaccard, 0.0, 1.0)
        check_range("min order share", self.min_order_share, 0.0, 1.0)
        check_range("min aligned", self.min_aligned, 1, 1000)
        check_range("quoted share", self.quoted_share, 0.0, 1.0)
        check_range("paraphrase factor", self.paraphrase_factor, 0.0, 1.0)
        check_range("paraphrase min aligned", self.paraphrase_min_aligned, 1, 1000)
        check_range("paraphrase share", self.paraphrase_share, 0.0, 1.0)
        check_range("paraphrase wording", self.paraphrase_wording, 0.0, 1.0)
        check_range("excerpt run", self.excerpt_run, 2, 1000)
        check_range("excerpt min words", self.excerpt_min_words, 1, 1000)


DEFAULT = ProvenanceConfig()


def find_copies(
    story: Story,
    embedded: EmbeddedSentences,
    near: dict[frozenset[str], NearDuplicate],
    config: ProvenanceConfig = DEFAULT,
) -> tuple[CopyLink, ...]:
    """Copy links within a story; ``near`` holds the deduplicate stage's pairs, keyed by their two ids."""
    own = {a.id: _Own.of(a, embedded, config) for a in story.articles}
    group = _same_own(own, embedded)
    firsts = {first: own[first] for first in group.values()}
    similar = _neighbours(firsts, embedded, config) | _sharing_sentences(firsts, config)
    # groups whose members are candidates with each other: what one article shares with its own copy
    alike = {first for first, words in firsts.items() if _candidate_with_copy(words, embedded, config)}
    links = []
    # what a pair of texts gives, by what _compare reads of them: the copies of two reports are compared once
    compared: dict[tuple[object, ...], Found | None] = {}
    for first, second in combinations(story.articles, 2):
        pair = frozenset((first.id, second.id))
        ga, gb = group[first.id], group[second.id]
        if pair not in near and not (ga in alike if ga == gb else frozenset((ga, gb)) in similar):
            continue
        a, b = _direction(first, second)
        shared = near.get(pair)
        key = (_read(a), _read(b), shared and (shared.jaccard, shared.exact))
        if key not in compared:
            compared[key] = _compare(a, b, own, embedded, shared, config)
        if found := compared[key]:
            links.append(_oriented(a, b, found))
    return tuple(sorted(_direct(links), key=lambda link: (link.original, link.copy)))


def _read(article: Article) -> tuple[object, ...]:
    """All that _compare reads of an article: two articles alike in it compare alike with any other."""
    return (article.text, article.sentences, article.title, article.language)


@dataclass(frozen=True, slots=True)
class _Own:
    """What an article says in its own words, read once for all its pairs: its sentence rows and its
    sentences that are not mostly quotation (outlets quoting one speaker share those word for word without
    copying each other), and its text without them (all of it when it is all quotes)."""

    rows: list[int]
    sentences: list[str]
    text: str

    @classmethod
    def of(cls, article: Article, embedded: EmbeddedSentences, config: ProvenanceConfig) -> _Own:
        rows = embedded.rows(article.id)
        row_shares, shares = _SHARES.get(
            [tuple(embedded.sentences[row].text for row in rows), tuple(article.sentences)], _quoted_shares
        )
        sentences = [s for s, share in zip(article.sentences, shares, strict=True) if share < config.quoted_share]
        return cls(
            [row for row, share in zip(rows, row_shares, strict=True) if share < config.quoted_share],
            sentences,
            " ".join(sentences) if sentences else article.text,
        )


# Each article's quoted shares by its sentences (two keys an article: its embedded rows' texts and its sentences,
# mostly the same), kept across stories: a story grown by one article reads that one.
_SHARES: Memo[tuple[str, ...], list[float]] = Memo(2 * MAX_ARTICLES)


def _quoted_shares(articles: list[tuple[str, ...]]) -> list[list[float]]:
    return [quoted_shares(list(sentences)) for sentences in articles]


def _same_own(own: Mapping[str, _Own], embedded: EmbeddedSentences) -> dict[str, str]:
    """Each article's first article (in the story's order) with the same own sentences, embedded alike."""
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}
    return {
        article: first.setdefault(
            (tuple(embedded.sentences[row].text for row in words.rows), tuple(words.sentences)), article
        )
        for article, words in own.items()
    }


def _candidate_with_copy(own: _Own, embedded: EmbeddedSentences, config: ProvenanceConfig) -> bool:
    """Whether an article and an exact copy of it are a candidate pair, as :func:`_neighbours` and
    :func:`_sharing_sentences` would find them (each sentence's neighbours in the copy are its own
    sentences' twins)."""
    vectors = embedded.vectors[own.rows]
    with_neighbour = int((vectors @ vectors.T >= _loosest(embedded, config)).any(axis=1).sum()) if own.rows else 0
    shared = {_normal(s) for s in own.sentences if len(s.split()) >= config.excerpt_min_words}
    return with_neighbour >= min(config.min_aligned, config.paraphrase_min_aligned) or len(shared) >= config.excerpt_run


def _loosest(embedded: EmbeddedSentences, config: ProvenanceConfig) -> float:
    """The cosine at which a sentence counts as having a neighbour (see NEIGHBOUR_SLACK)."""
    return _threshold(embedded, config) * min(1.0, config.paraphrase_factor) - NEIGHBOUR_SLACK


def _neighbours(own: Mapping[str, _Own], embedded: EmbeddedSentences, config: ProvenanceConfig) -> set[frozenset[str]]:
    """The pairs of articles where at least as many own sentences of one as a rewrite needs (close or
    loose) have a neighbour in the other at the loosest alignment threshold."""
    ids = list(own)
    rows = [row for a in ids for row in own[a].rows]
    if not rows:
        return set()
    owner = np.array([n for n, a in enumerate(ids) for _ in own[a].rows])
    threshold = _loosest(embedded, config)
    vectors = embedded.vectors[rows]
    matched = []  # row * len(ids) + the article it has a neighbour in
    for start in range(0, len(rows), NEIGHBOUR_BLOCK):
        near_i, near_j = np.nonzero(vectors[start : start + NEIGHBOUR_BLOCK] @ vectors.T >= threshold)
        near_i += start
        other = owner[near_i] != owner[near_j]
        matched.append(np.unique(near_i[other] * len(ids) + owner[near_j[other]]))
    codes = np.concatenate(matched)
    pairs, counts = np.unique(owner[codes // len(ids)] * len(ids) + codes % len(ids), return_counts=True)
    least = min(config.min_aligned, config.paraphrase_min_aligned)
    return {frozenset((ids[code // len(ids)], ids[code % len(ids)])) for code in pairs[counts >= least].tolist()}


def _sharing_sentences(own: Mapping[str, _Own], config: ProvenanceConfig) -> set[frozenset[str]]:
    """The pairs of articles with at least as many own sentences in common, word for word, as an excerpt
    needs."""
    holders: dict[str, set[str]] = {}
    for article, words in own.items():
        for sentence in words.sentences:
            if len(sentence.split()) >= config.excerpt_min_words:
                holders.setdefault(_normal(sentence), set()).add(article)
    shared = Counter(frozenset(pair) for held in holders.values() for pair in combinations(sorted(held), 2))
    return {pair for pair, count in shared.items() if count >= config.excerpt_run}


def _threshold(embedded: EmbeddedSentences, config: ProvenanceConfig) -> float:
    """The cosine above which two sentences align."""
    return config.align_similarity if config.align_similarity is not None else embedded.embedder.align_similarity


# A link that names no original (shared-source) yields to one that does: of three rewrites of one report
# where two credit the third, the two are not linked to each other.
KIND_STRENGTH = {"duplicate": 2, "syndicated": 1, "rewrite": 0, "translation": 0, "excerpt": -1, "shared-source": -1}
# What _compare finds between two articles a and b: the kind, the similarity, the aligned sentences that
# justify the link and those that weigh its direction (pairs of a's sentence and b's).
Sentences = tuple[tuple[str, str], ...]
Found = tuple[str, float, Sentences, Sentences]


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
    """The order in which two articles are compared: the earlier, else the fuller, first."""
    if a.published and b.published and not (a.published.startswith(b.published) or b.published.startswith(a.published)):
        return (a, b) if a.published < b.published else (b, a)
    return (a, b) if (word_count(a), b.id) >= (word_count(b), a.id) else (b, a)


def _oriented(a: Article, b: Article, found: Found) -> CopyLink:
    kind, similarity, aligned, evidence = found
    direction = orient(a, b, kind, evidence)
    if direction.original is b:
        aligned = tuple((theirs, mine) for mine, theirs in aligned)
    kind = "shared-source" if direction.shared_source else kind
    return CopyLink(direction.original.id, direction.copy.id, kind, similarity, aligned, direction.reason)


def _compare(
    a: Article,
    b: Article,
    own: Mapping[str, _Own],
    embedded: EmbeddedSentences,
    near: NearDuplicate | None,
    config: ProvenanceConfig,
) -> Found | None:
    """A near-duplicate pair (from the deduplicate stage) may carry one body; any pair may be a rewrite
    or hold an excerpt of the other; two in languages the embedder compares across may be a translation."""
    if across_languages(a, b, embedded) and (found := translation(a, b, embedded)) is not None:
        return found
    own_a, own_b = own[a.id], own[b.id]
    if near is not None and (found := _same_body(a, b, own_a, own_b, near, config)) is not None:
        return found
    return _rewrite(own_a, own_b, embedded, config) or _excerpt(own_a, own_b, config)


def _same_body(
    a: Article, b: Article, own_a: _Own, own_b: _Own, near: NearDuplicate, config: ProvenanceConfig
) -> Found | None:
    """A duplicate (the same text and headline), or a syndicated copy: most of the shorter text's own
    shingles appear in the longer."""
    if near.exact and a.title == b.title:
        return "duplicate", 1.0, (), ()
    sa, sb = shingles(own_a.text), shingles(own_b.text)
    containment = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
    if containment >= config.syndication_jaccard:
        return "syndicated", round(containment, 3), (), ()
    return None


def _rewrite(a: _Own, b: _Own, embedded: EmbeddedSentences, config: ProvenanceConfig) -> Found | None:
    """A rewrite: most of b's own sentences have a close counterpart in a, in order; or, reworded more
    freely, many of them have a counterpart each, all in the same order."""
    rows_a, rows_b = a.rows, b.rows
    if not rows_a or not rows_b:
        return None
    threshold = _threshold(embedded, config)
    sims = embedded.similarity(rows_b, rows_a)
    best = sims.argmax(axis=1)
    matched = [(i, int(best[i])) for i in range(len(rows_b)) if sims[i, best[i]] >= threshold]
    shorter = min(len(rows_b), len(rows_a))
    close = (
        len(matched) >= config.min_aligned
        and len(matched) / shorter >= config.aligned_share
        and longest_increasing(j for _, j in matched) >= config.min_order_share * len(matched)
    )
    loose = one_to_one(sims, threshold * config.paraphrase_factor)
    if not close:
        matched = loose
        if (
            len(matched) < config.paraphrase_min_aligned
            or len(matched) / shorter < config.paraphrase_share
            or longest_increasing(j for _, j in matched) < len(matched)
            or _wording(a, b) < config.paraphrase_wording
        ):
            return None

    def texts(pairs: list[tuple[int, int]]) -> Sentences:
        return tuple((embedded.sentences[rows_a[j]].text, embedded.sentences[rows_b[i]].text) for i, j in pairs)

    similarity = float(np.mean([sims[i, j] for i, j in matched]))
    return "rewrite", round(len(matched) / shorter * similarity, 3), texts(matched), texts(loose)


def _wording(a: _Own, b: _Own) -> float:
    """The share of the shorter text's own word 4-grams found in the other."""
    sa, sb = shingles(a.text, PARAPHRASE_GRAM), shingles(b.text, PARAPHRASE_GRAM)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def _excerpt(a: _Own, b: _Own, config: ProvenanceConfig) -> Found | None:
    """The longest run of consecutive own sentences of b found word for word, in sequence, in a."""
    own_a, own_b = a.sentences, b.sentences
    where = {_normal(s): k for k, s in enumerate(own_a) if len(s.split()) >= config.excerpt_min_words}
    best: list[int] = []
    run: list[int] = []
    for sentence in own_b:
        k = where.get(_normal(sentence))
        run = [*run, k] if k is not None and run and k == run[-1] + 1 else ([k] if k is not None else [])
        best = max(best, run, key=len)
    if len(best) < config.excerpt_run:
        return None
    aligned = tuple((own_a[k], own_a[k]) for k in best)
    return "excerpt", round(len(best) / min(len(own_a), len(own_b)), 3), aligned, aligned


def _normal(sentence: str) -> str:
    return " ".join(sentence.lower().replace("’", "'").split())


def copy_groups(story: Story, links: tuple[CopyLink, ...]) -> dict[str, str]:
    """Map each article to the root of its copy chain, so that copies count once."""
    chains = DisjointSets(a.id for a in story.articles)
    for link in links:
        chains.join(link.copy, link.original)
    return {a.id: chains.root(a.id) for a in story.articles}
