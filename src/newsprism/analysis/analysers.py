"""newsprism's own analysers, registered by name in :data:`ANALYSERS` in the order they run.

Each wraps the public function of its module; the version is the module's ``VERSION``.
"""

from __future__ import annotations

from typing import Any

from ..embed import embedder_languages
from ..records import Conflict, CopyLink, Entity, Fact, Framing, SummarySentence, TimelineEvent
from ..registry import Registry
from . import conflicts, entities, facts, framing, provenance, summary, timeline
from .base import Analyser, FunctionAnalyser, Results, StoryContext


def _provenance(context: StoryContext, results: Results) -> dict[str, Any]:
    links = provenance.find_copies(context.story, context.embedded, context.near, context.settings.provenance)
    return {"provenance": links}


def _entities(context: StoryContext, results: Results) -> dict[str, Any]:
    # names in other scripts are matched through sentences the embedder aligns across languages
    embedded = context.embedded if len(embedder_languages(context.embedder)) > 1 else None
    found = entities.resolve_entities(context.story, context.recognizer, context.settings.entities, embedded)
    return {"entities": found}


def _facts(context: StoryContext, results: Results) -> dict[str, Any]:
    return {"fact_groups": facts.group_facts(context.story, context.embedded, context.settings.facts)}


def _conflicts(context: StoryContext, results: Results) -> dict[str, Any]:
    found = conflicts.find_conflicts(
        context.story, context.embedded, results["fact_groups"], context.settings.conflicts
    )
    return {
        "conflicts": found,
        "facts": facts.final_facts(results["fact_groups"], found, context.embedded, story=context.story),
    }


def _timeline(context: StoryContext, results: Results) -> dict[str, Any]:
    return {"timeline": timeline.build_timeline(context.story, context.settings.timeline)}


def _framing(context: StoryContext, results: Results) -> dict[str, Any]:
    groups = provenance.copy_groups(context.story, results["provenance"])
    return {"framing": framing.frame_articles(context.story, results["facts"], groups, context.settings.framing)}


def _summary(context: StoryContext, results: Results) -> dict[str, Any]:
    groups = provenance.copy_groups(context.story, results["provenance"])
    chosen = summary.summarize(
        context.story,
        results["facts"],
        results["conflicts"],
        groups,
        context.embedded,
        context.settings.summary,
        context.rewriter,
    )
    return {"summary": chosen}


ANALYSERS: Registry[Analyser] = Registry("analysers")
for analyser in (
    FunctionAnalyser(
        "provenance",
        provenance.VERSION,
        _provenance,
        {"provenance": tuple[CopyLink, ...]},
        settings="provenance",
        uses=("embedder", "near"),
    ),
    FunctionAnalyser(
        "entities",
        entities.VERSION,
        _entities,
        {"entities": tuple[Entity, ...]},
        settings="entities",
        uses=("recognizer", "languages"),
    ),
    FunctionAnalyser(
        "facts", facts.VERSION, _facts, {"fact_groups": tuple[Fact, ...]}, settings="facts", uses=("embedder",)
    ),
    FunctionAnalyser(
        "conflicts",
        conflicts.VERSION,
        _conflicts,
        {"conflicts": tuple[Conflict, ...], "facts": tuple[Fact, ...]},
        reads=("fact_groups",),
        settings="conflicts",
        uses=("embedder", "parser"),
    ),
    FunctionAnalyser(
        "timeline", timeline.VERSION, _timeline, {"timeline": tuple[TimelineEvent, ...]}, settings="timeline"
    ),
    FunctionAnalyser(
        "framing",
        framing.VERSION,
        _framing,
        {"framing": tuple[Framing, ...]},
        reads=("provenance", "facts"),
        settings="framing",
        uses=("parser",),
    ),
    FunctionAnalyser(
        "summary",
        summary.VERSION,
        _summary,
        {"summary": tuple[SummarySentence, ...]},
        reads=("provenance", "facts", "conflicts"),
        settings="summary",
        uses=("embedder", "rewriter", "parser"),
    ),
):
    ANALYSERS.register(analyser.name, analyser)
