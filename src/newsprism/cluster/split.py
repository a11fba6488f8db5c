"""The split pass: find the separate groups a story's members form.

A story grown one article at a time can take in a second story on a neighbouring topic (two
bankruptcies in the same hour, two reports from one city) and then grow on both, since its
centroid sits between them. Its members then form groups that are each close-knit but not close to
each other. Average-linkage clustering of the members shows them: groups are joined while their
members' mean similarity to each other's is above a bar, and a story whose members end in two or
more groups of some size is cut into those groups; members in smaller groups go with the group they
resemble most. A story whose largest group is a small share of it has no core (a chain of articles on
one broad topic) and is cut into all its groups. Two groups that each could stand are joined only if
their words, too, are alike across nearly as much as within: two events that share a name (a phone's
software update and its successor's rumours) are alike by embedding, while each has words of its own.
An article's words for this are those of its headline and lede, where it states its news: its body's
later paragraphs tell the background it shares with neighbouring events (two reports on one hostage).
Two events about one person (a singer's stage mishap and a fan in her dressing room) share that name
in nearly every headline, which keeps their words alike too; once the words most of the story holds
are discounted (:func:`distinctive`), they share next to none across, while the closer-knit of the
two shares its own throughout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Protocol, TypeVar

import numpy as np

from .config import ClusterConfig
from .crosslingual import CrossLingual
from .crosslingual import Item as CrossItem
from .state import Vector


class Member(CrossItem, Protocol):
    """What the split pass reads of the clusterer's batch article."""

    terms: Vector  # its unit TF-IDF vector
    lede_terms: Vector | None  # the unit TF-IDF vector of its headline and lede; None: a headline alone
    weight: float  # the TF-IDF share of its similarity
    fullness: float  # 0 for a headline, 1 for a full article


M = TypeVar("M", bound=Member)


def story_parts(group: list[M], config: ClusterConfig, xl: CrossLingual) -> list[list[M]]:
    """The stories the articles of ``group`` (one story) form, each in the order of ``group``: the
    groups :func:`groups` finds among them, each split again in turn until none splits (a part cut from
    a story is a story, and may hold two events that the rest of the story hid)."""
    if len(group) < config.split_size:
        return [group]
    terms = [i.terms for i in group]
    both = pairwise(terms, np.stack([i.vector for i in group]), np.array([i.weight for i in group]))
    # a pair in two languages shares no words: its cross-lingual score stands for the words too
    # a report states its news in its headline and lede; the rest of its body tells the background
    # it shares with the neighbouring events (a hostage's captivity under two reports of his family)
    bodied = float(np.mean([i.lede_terms is not None for i in group]))  # the share of members with a body
    ledes = cosines([i.terms if i.lede_terms is None else i.lede_terms for i in group]) if bodied else both[1]
    similarity, words = (xl.pairwise(group, matrix) for matrix in (both[0], ledes))
    rows = groups(
        similarity,
        config.split_similarity,
        max(config.split_part, config.split_share * len(group)),
        config.split_core,
        # a lede is a headline and two sentences: a bar of its own (config.SPLIT_LEDE_CONTRAST)
        config.split_contrast + bodied * (config.split_lede_contrast - config.split_contrast),
        words,
        config.split_distinct,
        xl.pairwise(group, distinctive(terms)),
        config.split_nearest,
        # a full article's similarities run lower (config.ARTICLE_SIMILARITY_DROP), and its
        # story's members are few: the bar is for headlines, and none for full articles
        config.split_stray * (1 - np.array([i.fullness for i in group])),
    )
    if len(rows) < 2:
        return [group]
    return [piece for part in rows for piece in story_parts([group[row] for row in part], config, xl)]


def pairwise(terms: list[Vector], vectors: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of every pair of members: the TF-IDF cosine (unit ``terms``) and the embedding
    cosine mixed by the mean of the two members' TF-IDF shares ``weights``, as a story would score them;
    and the TF-IDF cosine alone."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms == 0, 1.0, norms)
    share = (weights[:, None] + weights[None, :]) / 2
    words = cosines(terms)
    return share * words + (1 - share) * (unit @ unit.T), words


def cosines(terms: list[Vector]) -> np.ndarray:
    """The cosine of every pair of unit term vectors ``terms``."""
    held = Counter(t for v in terms for t in v)
    # a term only one member holds adds nothing to any pair: leaving it out keeps the matrix small
    vocabulary = {t: i for i, t in enumerate(sorted(t for t, n in held.items() if n > 1))}
    matrix = np.zeros((len(terms), len(vocabulary)), np.float32)
    for row, vector in enumerate(terms):
        for term, weight in vector.items():
            if (column := vocabulary.get(term)) is not None:
                matrix[row, column] = weight
    return matrix @ matrix.T


def distinctive(terms: list[Vector]) -> np.ndarray:
    """Cosine similarity of every pair of members on their words weighted by how few of the members
    hold each (the log of the members over those holding it, an IDF within the story): a word all of
    them hold (the name the story is about) counts for nothing, a word of a few of them counts most."""
    held = Counter(t for v in terms for t in v)
    vocabulary = {t: i for i, t in enumerate(sorted(t for t, n in held.items() if 1 < n < len(terms)))}
    matrix = np.zeros((len(terms), len(vocabulary)), np.float64)
    for row, vector in enumerate(terms):
        for term, weight in vector.items():
            if (column := vocabulary.get(term)) is not None:
                matrix[row, column] = weight * np.log(len(terms) / held[term])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix /= np.where(norms == 0, 1.0, norms)
    return matrix @ matrix.T


def groups(
    similarity: np.ndarray,
    bar: float,
    smallest: float,
    core: float = 0.0,
    contrast: float = 0.0,
    words: np.ndarray | None = None,
    distinct: float = 0.0,
    own: np.ndarray | None = None,
    nearest: int = 0,
    stray: float | np.ndarray = -np.inf,
) -> list[list[int]]:
    """The members (row numbers) of each group of at least ``smallest`` members that average-linkage
    clustering leaves, every other member added to the group it is closest to on average (over the
    ``nearest`` members of the group most like it, when given, else over all), or alone when that is
    under ``stray`` (one bar for all, or each member's own); one group (and those alone) when fewer
    than two are that large. When even the largest group holds under ``core`` of the members, the
    members form no story at all: every group is returned, however small.

    Groups are joined, closest first, while their members' mean similarity to each other's is at
    least ``bar``; two groups of at least ``smallest`` members each are kept apart instead when their
    members' mean ``words`` similarity (default: ``similarity``) across is under ``contrast`` times that
    within the less close-knit of the two, or when their members' mean ``own`` similarity (see
    :func:`distinctive`) across is under ``distinct`` times that within the closer-knit of the two."""
    n = len(similarity)
    linked = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(linked, -np.inf)
    kept = linked.copy()  # linked, with -inf for pairs of groups found apart (below)
    sizes = np.ones(n)
    # the contrast tests' sums of similarity between groups and over each group's pairs
    tests = [_Contrast(similarity if words is None else words, sizes, contrast, min)]
    if own is not None and distinct > 0:
        tests.append(_Contrast(own, sizes, distinct, max))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(members) > 1:
        a, b = divmod(int(np.argmax(kept)), n)
        if kept[a, b] < bar:
            break
        if min(sizes[a], sizes[b]) >= smallest and any(test.apart(a, b) for test in tests):
            kept[a, b] = kept[b, a] = -np.inf  # two groups that stand on their own stay apart
            continue
        for test in tests:
            test.join(a, b)
        # Lance-Williams update for average linkage: the joined group's mean similarity to each other
        joined = (sizes[a] * linked[a] + sizes[b] * linked[b]) / (sizes[a] + sizes[b])
        # the joined group is tested afresh against each group, one found apart from either part included
        linked[a], linked[:, a] = joined, joined
        kept[a], kept[:, a] = joined, joined
        linked[a, a] = kept[a, a] = -np.inf
        linked[b], linked[:, b] = -np.inf, -np.inf
        kept[b], kept[:, b] = -np.inf, -np.inf
        sizes[a] += sizes[b]
        members[a] += members.pop(b)
    if max(len(m) for m in members.values()) < core * n:
        return [sorted(m) for m in members.values()]
    large = [m for m in members.values() if len(m) >= smallest]
    if not large:
        return [list(range(n))]
    alone = _attach(similarity, [m for m in members.values() if len(m) < smallest], large, nearest, stray)
    if len(large) < 2:
        return [sorted(row for m in large for row in m), *alone] if alone else [list(range(n))]
    return [*(sorted(m) for m in large), *alone]


def _attach(
    similarity: np.ndarray, small: list[list[int]], large: list[list[int]], nearest: int, stray: float | np.ndarray
) -> list[list[int]]:
    """Add each member of the ``small`` groups to the ``large`` group it is closest to, unless it is
    under ``stray`` to every one; those are returned, each alone."""
    # a group that covers many sides of its event is alike to any one member only in part, on
    # average: a member is measured against the group's members nearest it, which a group it
    # belongs to has, however broad
    cores = [similarity[:, m] for m in large]
    if nearest:
        cores = [np.sort(core, axis=1)[:, -nearest:] for core in cores]
    bars = np.broadcast_to(stray, len(similarity))
    alone = []
    for row in (row for m in small for row in m):
        closeness = [float(core[row].mean()) for core in cores]
        closest = int(np.argmax(closeness))
        if closeness[closest] < bars[row]:
            alone.append([row])
        else:
            large[closest].append(row)
    return alone


class _Contrast:
    """Sums of one similarity between groups (``across``) and over each group's pairs (``inner``), kept
    up to date as groups join, to tell whether two groups are apart on it."""

    def __init__(self, similarity: np.ndarray, sizes: np.ndarray, ratio: float, pick: Callable[..., float]) -> None:
        self.across = similarity.astype(np.float64, copy=True)
        np.fill_diagonal(self.across, 0.0)
        self.inner = np.zeros(len(similarity))
        self.sizes, self.ratio, self.pick = sizes, ratio, pick  # sizes: the caller's, updated by it

    def apart(self, a: int, b: int) -> bool:
        """Whether groups ``a`` and ``b`` are less alike than ``ratio`` times the less (``pick=min``) or
        the more (``max``) close-knit of the two (mean similarities of their pairs of members)."""
        sizes = self.sizes
        between = self.across[a, b] / (sizes[a] * sizes[b])
        within = self.pick(self.inner[g] / (sizes[g] * (sizes[g] - 1) / 2) if sizes[g] > 1 else 1.0 for g in (a, b))
        return bool(between < self.ratio * within)

    def join(self, a: int, b: int) -> None:
        """Group ``b`` joins group ``a`` (before the caller adds their sizes)."""
        self.inner[a] += self.inner[b] + self.across[a, b]
        self.across[a] += self.across[b]
        self.across[:, a] = self.across[a]
        self.across[a, a] = 0.0
