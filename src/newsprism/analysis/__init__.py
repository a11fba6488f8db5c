"""Stage 8, analyse: run the story analysers in order and gather what they say.

Each analyser is a function of its own module; this module only fixes the order, because later ones
read earlier results (conflicts read facts; framing and summary read provenance, facts and conflicts).
"""

from __future__ import annotations

from ..config import Settings
from ..dedup import NearDuplicate, find_near_duplicates
from ..embed import EmbeddedSentences, Embedder
from ..records import Story, StoryAnalysis
from .conflicts import find_conflicts
from .entities import Recognizer, resolve_entities
from .facts import group_facts, side_with_most
from .framing import frame_articles
from .provenance import copy_groups, find_copies
from .summary import Rewriter, summarize
from .timeline import build_timeline

ANALYSERS = ("provenance", "entities", "facts", "conflicts", "timeline", "framing", "summary")


def analyse_story(
    story: Story,
    embedder: Embedder,
    settings: Settings,
    near: dict[frozenset[str], NearDuplicate] | None = None,
    recognizer: Recognizer | None = None,
    rewriter: Rewriter | None = None,
) -> StoryAnalysis:
    """Analyse one story; ``near`` holds near-duplicate pairs from :func:`newsprism.dedup.find_near_duplicates`,
    ``recognizer`` finds entity mentions (the rules when None), ``rewriter`` rewrites the summary's chosen
    facts (kept as extracted when None; see :class:`newsprism.analysis.summary.Rewriter`)."""
    embedded = EmbeddedSentences(story.sentences(), embedder)
    if near is None:
        near = {frozenset((d.first, d.second)): d for d in find_near_duplicates(list(story.articles))}
    provenance = find_copies(story, embedded, near, settings.provenance)
    groups = copy_groups(story, provenance)
    facts = group_facts(story, embedded, settings.facts)
    conflicts = find_conflicts(story, embedded, facts)
    facts = side_with_most(facts, conflicts)
    return StoryAnalysis(
        story=story,
        independent_sources=len(set(groups.values())),
        summary=summarize(story, facts, conflicts, groups, embedded, settings.summary, rewriter),
        facts=facts,
        conflicts=conflicts,
        provenance=provenance,
        entities=resolve_entities(story, recognizer),
        timeline=build_timeline(story),
        framing=frame_articles(story, facts, groups),
    )
