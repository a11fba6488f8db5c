"""Where an abstractive backend plugs into the summary: a :class:`Rewriter` gets the chosen facts' sentences
in order and returns one rewritten text for each, so every sentence keeps the sources it cites."""

from __future__ import annotations

from typing import Protocol

from ..records import Story


class Rewriter(Protocol):
    """Rewrites a summary's chosen sentences: one text back for each text given, in the same order."""

    def rewrite(self, story: Story, sentences: list[str]) -> list[str]: ...


def rewritten(rewriter: Rewriter, story: Story, texts: list[str]) -> list[str]:
    """The rewriter's texts for ``texts``, checked: one non-empty text for each, in order."""
    told = list(rewriter.rewrite(story, list(texts)))
    if len(told) != len(texts) or not all(isinstance(t, str) and t.strip() for t in told):
        raise ValueError(
            f"the summary rewriter {type(rewriter).__name__} must return one non-empty text for each of the "
            f"{len(texts)} sentences it gets, in order; it returned {len(told)}"
        )
    return [t.strip() for t in told]
