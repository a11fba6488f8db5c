"""Story analysis: an extractive summary in which every sentence cites its sources.

Candidates are the story's facts. Each is scored by how many independent sources report it (copies
count once), whether it opens an article (ledes carry the news) and how central it is; maximal
marginal relevance drops redundant ones until the word budget is spent; the chosen sentences are
ordered as they appear in the coverage. A fact stated by a sentence that takes a side in a conflict
is left out and the conflict is stated instead, with each side cited.
"""

from __future__ import annotations

import re

import numpy as np

from .config import SummaryConfig
from .embed import Embedder
from .records import Conflict, Fact, Story, SummarySentence

LEDE_BONUS = 0.5
# Weight of relevance against redundancy in maximal marginal relevance.
MMR_LAMBDA = 0.7
# A sentence's gain is divided by (words / TYPICAL_WORDS) ** LENGTH_PENALTY: within a word budget a
# long sentence must say more to earn its place.
TYPICAL_WORDS = 20
LENGTH_PENALTY = 0.5


def summarize(
    story: Story,
    facts: tuple[Fact, ...],
    conflicts: tuple[Conflict, ...],
    groups: dict[str, str],
    embedder: Embedder,
    config: SummaryConfig,
) -> tuple[SummarySentence, ...]:
    conflicted = {e.sentence for c in conflicts for side in c.sides for e in side.evidence}
    candidates = [f for f in facts if f.text not in conflicted]
    statements = [_state_conflict(c) for c in conflicts]
    budget = config.words - sum(len(s.text.split()) for s in statements)
    if not candidates or budget <= 0:
        return tuple(statements)
    ledes = {a.sentences[0] for a in story.articles if a.sentences}
    position = {(a.id, s): (n, i) for n, a in enumerate(story.articles) for i, s in enumerate(a.sentences)}
    vectors = embedder.embed([f.text for f in candidates])
    centrality = vectors @ vectors.mean(axis=0)
    independent = [len({groups[s] for s in f.sources}) for f in candidates]
    relevance = np.array(
        [
            n + (LEDE_BONUS if any(e.sentence in ledes for e in f.evidence) else 0.0) + float(c)
            for f, n, c in zip(candidates, independent, centrality, strict=True)
        ]
    )
    lengths = [max(len(f.text.split()), 1) for f in candidates]
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(candidates)))
    while remaining:

        def mmr(i: int) -> float:
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            gain = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy * relevance.max()
            return gain / (lengths[i] / TYPICAL_WORDS) ** LENGTH_PENALTY

        best = max(remaining, key=lambda i: (mmr(i), -i))
        remaining.discard(best)
        length = lengths[best]
        if used + length > budget and chosen:
            continue
        chosen.append(best)
        used += length
        if used >= budget:
            break

    def place(i: int) -> tuple[int, int]:
        fact = candidates[i]
        return min(position.get((e.article, e.sentence), (99, 99)) for e in fact.evidence)

    chosen.sort(key=lambda i: (place(i)[1], place(i)[0]))
    sentences = [SummarySentence(candidates[i].text, candidates[i].sources) for i in chosen]
    return tuple(sentences + statements)


def _state_conflict(conflict: Conflict) -> SummarySentence:
    ordered = sorted(conflict.sides, key=lambda side: -len(side.sources))
    sides = " against ".join(
        f"“{_short(side.value)}” ({len(side.sources)} source{'s' if len(side.sources) > 1 else ''})" for side in ordered
    )
    sources = tuple(dict.fromkeys(s for side in conflict.sides for s in side.sources))
    return SummarySentence(f"Sources disagree on a {conflict.about}: {sides}.", sources)


def _short(values: str) -> str:
    """A side's two shortest wordings, without newsprism's reading in brackets: "24 years" or "since 2000"."""
    wordings = dict.fromkeys(re.sub(r"\s*\([^)]*\)$", "", v) for v in values.split("; "))
    return "” or “".join(sorted(wordings, key=len)[:2])
