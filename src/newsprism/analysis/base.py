"""The Analyser protocol and what every analyser is given: a story and its shared context.

An analyser reads the story, the context and the results of the analysers before it (``reads``),
and returns its own results (``adds``: each result's name and type). It names the part of
:class:`newsprism.config.Settings` it reads (``settings``), the components whose identity changes
its output (``uses``: ``embedder``, ``languages``, ``recognizer``, ``near``, ``rewriter``), and a ``version`` to
change whenever its code changes what it returns. The runner keys each stored result by all of
these, so a change to one analyser recomputes that analyser and those that read it, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from ..dedup import NearDuplicate, find_near_duplicates
from ..embed import EmbeddedSentences, Embedder, embedder_languages, sentence_embedder
from ..records import Story
from .entities import Recognizer
from .parse import parser_name
from .summary import Rewriter

if TYPE_CHECKING:  # config gathers the analysers' configs, so it imports this package
    from ..config import Settings

Results = Mapping[str, Any]


class Analyser(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def reads(self) -> tuple[str, ...]: ...
    @property
    def adds(self) -> Mapping[str, Any]: ...
    @property
    def settings(self) -> str | None: ...
    @property
    def uses(self) -> tuple[str, ...]: ...

    def __call__(self, context: StoryContext, results: Results) -> dict[str, Any]: ...


@dataclass(frozen=True)
class FunctionAnalyser:
    """An analyser made of a function and its declarations."""

    name: str
    version: str
    run: Callable[[StoryContext, Results], dict[str, Any]]
    adds: Mapping[str, Any]
    reads: tuple[str, ...] = ()
    settings: str | None = None
    uses: tuple[str, ...] = ()

    def __call__(self, context: StoryContext, results: Results) -> dict[str, Any]:
        return self.run(context, results)


@dataclass
class StoryContext:
    """A story and the components its analysers share; sentence vectors are computed on first use."""

    story: Story
    settings: Settings
    embedder: Embedder
    recognizer: Recognizer | None = None
    rewriter: Rewriter | None = None
    # near-duplicate pairs from the store; computed from the story alone when not given
    given_near: dict[frozenset[str], NearDuplicate] | None = field(default=None, repr=False)

    @cached_property
    def embedded(self) -> EmbeddedSentences:
        return EmbeddedSentences(self.story.sentences(), self.embedder)

    @cached_property
    def near(self) -> dict[frozenset[str], NearDuplicate]:
        if self.given_near is not None:
            return self.given_near
        pairs = find_near_duplicates(list(self.story.articles), self.settings.dedup)
        return {frozenset((d.first, d.second)): d for d in pairs}

    def identity(self, component: str) -> Any:
        """What of ``component`` reaches the cache key: its name, or for ``near`` the pairs themselves."""
        sentences = sentence_embedder(self.embedder)  # the analyses read sentence vectors
        if component == "embedder":
            return sentences.name
        if component == "languages":  # the embedder, for what reads vectors only across languages
            return sentences.name if len(embedder_languages(sentences)) > 1 else None
        if component == "recognizer":
            return getattr(self.recognizer, "name", None)
        if component == "parser":
            return parser_name()
        if component == "rewriter":
            return type(self.rewriter).__qualname__ if self.rewriter else None
        if component == "near":
            return sorted([d.first, d.second, d.jaccard, d.exact] for d in self.near.values())
        raise ValueError(f"unknown component {component!r}")
