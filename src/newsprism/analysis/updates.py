"""Conflicts over a quantity that grows as news comes in, told as updates, for :mod:`.conflicts`."""

from __future__ import annotations

from dataclasses import replace

from ..records import Conflict, Story
from ..text.dates import published_date

# Conflicts over quantities that grow as news comes in: counts of a thing and amounts of money.
UPDATABLE = ("number of", "amount in")
UPDATE_REASON = "the sides were published on different days: the later may tell a later state"


def as_update(conflict: Conflict, story: Story) -> Conflict:
    """A count or an amount whose sides were all published on different days, each side's articles
    before or after all the other's, may be a later state ("44 licensed" then "47 licensed"): an update,
    not a contradiction."""
    if conflict.kind != "number" or not conflict.about.startswith(UPDATABLE):
        return conflict
    published = {a.id: day for a in story.articles if (day := published_date(a.published))}
    if any(article not in published for side in conflict.sides for article in side.sources):
        return conflict
    days = [{published[article] for article in side.sources} for side in conflict.sides]
    if len(days) == 2 and (max(days[0]) < min(days[1]) or max(days[1]) < min(days[0])):
        return replace(conflict, kind="update", reasons=(*conflict.reasons, UPDATE_REASON))
    return conflict
