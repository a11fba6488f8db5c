"""Amounts given to each of several ("offering the victim and the witness $3,000 each"), for :mod:`.conflicts`.

An amount followed by "each", "apiece" or "per person" is what every one of several gets: in all it is
at least twice that. Set against an amount told without it in a sentence of the same fact, it is read
as that total: "$3,000 each" to two people is not the "$3,000" another outlet says was offered, while
"$1,500 each" may well make up "$3,000". Two amounts each given per head are compared as they are.
A reporter's "each" is easily dropped or added, and one outlet's "$3,000" may be what one of the several
got, so such a disagreement is told as a possible difference (:data:`EACH_CONFIDENCE`).

>>> from .values import read_mentions
>>> text = "He offered the victim and the witness $3,000 each."
>>> [(m.surface, m.role) for m in per_head(text, read_mentions(0, text, 2024))]
[('$3,000 each', 'each')]
>>> each, plain = per_head(text, read_mentions(0, text, 2024)), read_mentions(1, "He offered them $3,000.", 2024)
>>> [(m.low, m.high) for m in as_totals(each, plain)[0]]
[(6000.0, inf)]
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .values import Mention

# Words after an amount that make it each one's share of several.
EACH = re.compile(r"\s*(?:each|apiece|a piece|per (?:person|head|family|household|victim)|a head)\b", re.I)
# The role and the hedge an amount for each of several is given: the hedge marks the total read from it.
ROLE = "each"
TOTAL = "each, in all"
# An amount for each of several against an amount in all is told as a possible difference (conflicts.py
# tells conflicts below 0.6 so).
EACH_CONFIDENCE = 0.5
EACH_REASON = "one side gives the amount to each of several, the other in all"
# Several are at least two.
SEVERAL = 2


def per_head(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of one sentence, each amount followed by "each" given the role "each"."""
    result = []
    for mention in mentions:
        if mention.kind.startswith("amount") and not mention.role and (each := EACH.match(text, mention.span[1])):
            surface = text[mention.span[0] : each.end()].strip()
            mention = replace(mention, role=ROLE, surface=surface)
        result.append(mention)
    return result


def as_totals(a: list[Mention], b: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Two sentences' mentions, the amounts of one sentence given to each of several read as the total
    they make when the other gives amounts of their kind only in all."""
    return _totals(a, b), _totals(b, a)


def _totals(mentions: list[Mention], other: list[Mention]) -> list[Mention]:
    plain = {m.kind for m in other if not m.role}
    each = {m.kind for m in other if m.role == ROLE}
    return [
        replace(m, role="", hedge=TOTAL, low=SEVERAL * m.low, high=math.inf)
        if m.role == ROLE and m.kind in plain and m.kind not in each
        else m
        for m in mentions
    ]
