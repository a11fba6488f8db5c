"""Story analysis: an extractive summary in which every sentence cites its sources.

Candidates are the story's facts. Each is scored by how many independent sources report it (copies
count once), whether it opens an article (ledes carry the news) and how central it is; maximal
marginal relevance drops redundant ones until the word budget is spent; the chosen sentences are
ordered as they appear in the coverage. Facts whose sentences take a side in a conflict are left out
and the conflict is stated instead, with each side cited.
"""

from __future__ import annotations

import numpy as np

from .config import SummaryConfig
from .embed import Embedder
from .records import Conflict, Fact, Story, SummarySentence

LEDE_BONUS = 0.5
# Weight of relevance against redundancy in maximal marginal relevance.
MMR_LAMBDA = 0.7


def summarize(
    story: Story,
    facts: tuple[Fact, ...],
    conflicts: tuple[Conflict, ...],
    groups: dict[str, str],
    embedder: Embedder,
    config: SummaryConfig,
) -> tuple[SummarySentence, ...]:
    conflicted = {e.sentence for c in conflicts for side in c.sides for e in side.evidence}
    candidates = [f for f in facts if not any(e.sentence in conflicted for e in f.evidence)]
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
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(candidates)))
    while remaining:

        def mmr(i: int) -> float:
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            return MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy * relevance.max()

        best = max(remaining, key=lambda i: (mmr(i), -i))
        remaining.discard(best)
        length = len(candidates[best].text.split())
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
    sides = " against ".join(
        f"“{side.value}” ({len(side.sources)} source{'s' if len(side.sources) > 1 else ''})" for side in conflict.sides
    )
    sources = tuple(dict.fromkeys(s for side in conflict.sides for s in side.sources))
    return SummarySentence(f"Sources disagree on the {conflict.about}: {sides}.", sources)
