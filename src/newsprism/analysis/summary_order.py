"""The order a summary tells its sentences in: as the coverage first tells them, dated events by their dates."""

from __future__ import annotations

from ..records import Article, Story, SummarySentence
from .summary_fit import earliest_date
from .timeline import event_dates


def in_event_order(sentences: list[SummarySentence], articles: dict[str, Article]) -> tuple[SummarySentence, ...]:
    """The sentences that date their events, put in the order of those dates in the places they hold
    among the others: the coverage's order otherwise, so a summary never tells a later event before an
    earlier one it dates ("talks began on Tuesday" after "a deal was signed on Thursday")."""
    dated = {}
    for n, sentence in enumerate(sentences):
        if when := event_dates(sentence.text, earliest_date(sentence.sources, articles)):
            dated[n] = min(when)
    slots = sorted(dated)
    ordered = list(sentences)
    for slot, n in zip(slots, sorted(slots, key=lambda n: (dated[n], n)), strict=True):
        ordered[slot] = sentences[n]
    return tuple(ordered)


def first_told(story: Story) -> dict[str, tuple[int, int]]:
    """Where each sentence is first told: its number in the article, then the article's in the story."""
    position: dict[str, tuple[int, int]] = {}
    for n, article in enumerate(story.articles):
        for i, sentence in enumerate(article.sentences):
            position.setdefault(sentence, (i, n))
    return position
