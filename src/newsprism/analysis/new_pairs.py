"""The conflicts a later reading adds to those found (:mod:`.conflicts` runs its readings from the surest
on): only those that set against each other a pair of sentences no known conflict already does, so one
disagreement read two ways is told once, the way the surer reading told it."""

from __future__ import annotations

from itertools import combinations

from ..records import Conflict, Evidence


def new_pairs(found: list[Conflict], known: list[Conflict]) -> list[Conflict]:
    """Conflicts whose sentences no known conflict already sets against each other."""
    told = {frozenset((x.sentence, y.sentence)) for c in known for x, y in combinations(_evidence(c), 2)}
    return [
        c for c in found if not {frozenset((x.sentence, y.sentence)) for x, y in combinations(_evidence(c), 2)} <= told
    ]


def _evidence(conflict: Conflict) -> list[Evidence]:
    return [e for side in conflict.sides for e in side.evidence]
