"""The event a date or a time span is of, for :mod:`newsprism.analysis.conflicts`: the verb it hangs from.

Two sentences of one fact may each give a year, yet of two events the story tells: "three children
accused them in 1991" and "the couple was convicted in 1992" are an accusation and a conviction, not
one event dated twice; "winners go through their money in five years" and "Texas has participated for
about 10 years" are two durations. A date or a span is read as of the verb its phrase depends on, found
in the dependency parse (:mod:`.doc_cache`) by climbing from the value through its own words ("five
years", "in 1991") and the preposition that carries it. A value inside a noun phrase ("his first visit
in 24 years") hangs from a noun, not a verb, and is given no event: nouns tell the same event in many
words ("visit", "trip"), so only two verbs are compared. Without spaCy no event is read, which makes
the check weaker, never stricter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_cache import shared

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies by which a word belongs to the value's own phrase ("five" of "five years", "about" of
# "about 10 years"): the climb goes on through them to the phrase's head.
OWN_WORDS = frozenset(("nummod", "quantmod", "compound", "npadvmod", "advmod", "det", "amod"))


def event_verbs(text: str, values: list[str]) -> list[str]:
    """For each value written in ``text`` (as :mod:`.values` gives its surface), the lemma of the verb
    it is of, or "" when it hangs from no verb, is not found as written, or no parser is installed."""
    cache = shared()
    if cache is None or not values:
        return [""] * len(values)
    doc = cache.docs([text], "parse")[0]
    # a span read from "since 2000" is given with the years it makes: "since 2000 (24 years)"
    written = [value.split(" (")[0] for value in values]
    return [_verb(doc, start, start + len(w)) if (start := text.find(w)) >= 0 else "" for w in written]


def _verb(doc: Doc, start: int, end: int) -> str:
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not tokens:
        return ""
    inside = {t.i for t in tokens}
    token: Token = next((t for t in tokens if t.head.i not in inside), tokens[-1])
    while token.head.i != token.i:
        head = token.head
        if head.pos_ == "VERB":
            return head.lemma_.lower()
        if head.pos_ not in ("ADP", "NUM") and token.dep_ not in OWN_WORDS:
            return ""  # a value in a noun's phrase ("first visit in 24 years"): the noun tells the event
        token = head
    return ""
