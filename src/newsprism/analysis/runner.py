"""Run the registered analysers over a story in dependency order, reusing stored results.

Each analyser's result is stored under a key made of the story's articles, the part of the settings
the analyser reads, the identity of the components it uses, its version, and the keys of the results
it reads. An unchanged key loads the stored result; a changed one recomputes that analyser, and the
analysers that read it recompute because their keys change with it.

Provenance reads every article; the other analysers read the story of its distinct articles, each group
of exact copies one article (:mod:`.copies`), and their results are expanded to credit every copy once
all have run. Their keys are those of the distinct story: a story grown by a copy recomputes provenance
and what reads it, nothing else. With a store, the texts' spaCy annotations are read from it and kept in it
(:mod:`.doc_store`), so a text is parsed once whichever process analyses it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from ..blas import one_blas_thread
from ..dedup import NearDuplicate
from ..embed import Embedder
from ..errors import UsageError
from ..heap import older_objects_set_aside
from ..records import Story, StoryAnalysis, from_data, to_data
from ..store import Store
from .analysers import ANALYSERS
from .base import Analyser, StoryContext
from .copies import VERSION as COPIES_VERSION
from .copies import Copies, exact_copies
from .doc_store import kept_in
from .entities import Recognizer
from .provenance import copy_groups
from .summary import Rewriter

if TYPE_CHECKING:
    from ..config import Settings


# Analysers reading every article, exact copies included: the others read one article per group of them.
ALL_ARTICLES = ("provenance",)


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
        self.copies = exact_copies(context.story)
        self.distinct = _distinct(context, self.copies)
        digest = story_digest(context.story)
        distinct_digest = story_digest(self.distinct.story) if self.copies.any else digest
        self.analysers = ordered(ANALYSERS.get(name) for name in ANALYSERS.names())
        self.keys: dict[str, str] = {}  # each result's key: that of the analyser adding it
        self.part_keys: dict[str, str] = {}  # each analyser's key
        for analyser in self.analysers:
            reads = self._context(analyser)
            story = digest if reads is context else distinct_digest
            key = self.part_keys[analyser.name] = part_key(analyser, reads, story, self.keys)
            self.keys.update(dict.fromkeys(analyser.adds, key))
        self.results: dict[str, Any] = {}

    def key(self) -> str:
        """One key for the whole analysis, known before anything runs: every analyser's key together (and
        the version of the crediting of copies, for a story that holds some)."""
        return _hash([self.keys, COPIES_VERSION]) if self.copies.any else _hash(self.keys)

    def run(self) -> StoryAnalysis:
        # spaCy's annotations read from the store and kept there (:mod:`.doc_store`); OpenBLAS on one thread;
        # the objects held before out of the collector's full passes (:mod:`newsprism.heap`)
        with kept_in(self.store), one_blas_thread(), older_objects_set_aside():
            for analyser in self.analysers:
                key = self.part_keys[analyser.name]
                self.results.update(self._stored(analyser, key) or self._compute(analyser, key))
        story, results = self.context.story, self.results
        groups = copy_groups(story, results["provenance"])
        expand = self.copies.expand
        return StoryAnalysis(
            story=story,
            independent_sources=len(set(groups.values())),
            summary=expand(results["summary"]),
            facts=expand(results["facts"]),
            conflicts=expand(results["conflicts"]),
            provenance=results["provenance"],
            entities=expand(results["entities"]),
            timeline=expand(results["timeline"]),
            framing=expand(results["framing"]),
        )

    def _context(self, analyser: Analyser) -> StoryContext:
        """What ``analyser`` reads: the whole story, or that of its distinct articles."""
        return self.context if analyser.name in ALL_ARTICLES else self.distinct

    def _stored(self, analyser: Analyser, key: str) -> dict[str, Any] | None:
        stored = self.store.analysis_part(self.context.story.id, analyser.name, key) if self.store else None
        if stored is None:
            return None
        return {name: from_data(kind, stored[name]) for name, kind in analyser.adds.items()}

    def _compute(self, analyser: Analyser, key: str) -> dict[str, Any]:
        result = analyser(self._context(analyser), self.results)
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


def _distinct(context: StoryContext, copies: Copies) -> StoryContext:
    """The context of the story's distinct articles (``context`` itself when it holds no exact copies)."""
    if not copies.any:
        return context
    kept = {a.id for a in copies.distinct.articles}
    near = None if context.given_near is None else {p: d for p, d in context.given_near.items() if p <= kept}
    return replace(context, story=copies.distinct, given_near=near)


def _hash(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()
