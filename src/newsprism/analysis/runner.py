"""Run the registered analysers over a story in dependency order, reusing stored results.

Each analyser's result is stored under a key made of the story's articles, the part of the settings
the analyser reads, the identity of the components it uses, its version, and the keys of the results
it reads. An unchanged key loads the stored result; a changed one recomputes that analyser, and the
analysers that read it recompute because their keys change with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..dedup import NearDuplicate
from ..embed import Embedder
from ..errors import UsageError
from ..records import Story, StoryAnalysis, from_data, to_data
from ..store import Store
from .analysers import ANALYSERS
from .base import Analyser, StoryContext
from .entities import Recognizer
from .provenance import copy_groups
from .summary import Rewriter

if TYPE_CHECKING:
    from ..config import Settings


def ordered(analysers: Iterable[Analyser]) -> list[Analyser]:
    """The analysers in an order where each runs after those whose results it reads."""
    pending = list(analysers)
    available: set[str] = set()
    order: list[Analyser] = []
    while pending:
        ready = [a for a in pending if set(a.reads) <= available]
        if not ready:
            missing = sorted({r for a in pending for r in a.reads} - available)
            raise UsageError(f"no analyser adds {', '.join(missing)}, which {pending[0].name} reads")
        order.append(ready[0])
        available |= set(ready[0].adds)
        pending.remove(ready[0])
    return order


def story_digest(story: Story) -> str:
    """A hash of everything about the story's articles that an analyser can read."""
    data = [[a.to_dict(), list(a.sentences)] for a in story.articles]
    return _hash([story.id, data])


def part_key(analyser: Analyser, context: StoryContext, digest: str, upstream: Mapping[str, str]) -> str:
    """The key of one analyser's stored result (``upstream``: the key of the analyser adding each result)."""
    settings = asdict(getattr(context.settings, analyser.settings)) if analyser.settings else None
    components = {name: context.identity(name) for name in analyser.uses}
    reads = {name: upstream[name] for name in analyser.reads}
    return _hash([analyser.name, analyser.version, settings, components, digest, reads])


class AnalysisRun:
    """One story's analysers, run in order, each under the key known before anything runs."""

    def __init__(self, context: StoryContext, store: Store | None = None) -> None:
        self.context = context
        self.store = store
        self.digest = story_digest(context.story)
        self.analysers = ordered(ANALYSERS.get(name) for name in ANALYSERS.names())
        self.keys: dict[str, str] = {}  # each result's key: that of the analyser adding it
        self.part_keys: dict[str, str] = {}  # each analyser's key
        for analyser in self.analysers:
            key = self.part_keys[analyser.name] = part_key(analyser, self.context, self.digest, self.keys)
            self.keys.update(dict.fromkeys(analyser.adds, key))
        self.results: dict[str, Any] = {}

    def key(self) -> str:
        """One key for the whole analysis, known before anything runs: every analyser's key together."""
        return _hash(self.keys)

    def run(self) -> StoryAnalysis:
        for analyser in self.analysers:
            key = self.part_keys[analyser.name]
            self.results.update(self._stored(analyser, key) or self._compute(analyser, key))
        story, results = self.context.story, self.results
        groups = copy_groups(story, results["provenance"])
        return StoryAnalysis(
            story=story,
            independent_sources=len(set(groups.values())),
            summary=results["summary"],
            facts=results["facts"],
            conflicts=results["conflicts"],
            provenance=results["provenance"],
            entities=results["entities"],
            timeline=results["timeline"],
            framing=results["framing"],
        )

    def _stored(self, analyser: Analyser, key: str) -> dict[str, Any] | None:
        stored = self.store.analysis_part(self.context.story.id, analyser.name, key) if self.store else None
        if stored is None:
            return None
        return {name: from_data(kind, stored[name]) for name, kind in analyser.adds.items()}

    def _compute(self, analyser: Analyser, key: str) -> dict[str, Any]:
        result = analyser(self.context, self.results)
        if self.store is not None:
            data = {name: to_data(value) for name, value in result.items()}
            self.store.put_analysis_part(self.context.story.id, analyser.name, key, data)
        return result


def analyse_story(
    story: Story,
    embedder: Embedder,
    settings: Settings,
    near: dict[frozenset[str], NearDuplicate] | None = None,
    recognizer: Recognizer | None = None,
    rewriter: Rewriter | None = None,
) -> StoryAnalysis:
    """Analyse one story with every registered analyser, storing nothing.

    ``near`` holds the story's near-duplicate pairs from the store (found among its articles when
    None), ``recognizer`` finds entity mentions (the rules when None), ``rewriter`` rewrites the
    summary's chosen facts (see :class:`newsprism.analysis.summary.Rewriter`).
    """
    return AnalysisRun(StoryContext(story, settings, embedder, recognizer, rewriter, near)).run()


def _hash(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()
