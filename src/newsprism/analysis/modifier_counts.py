"""Counts written as a hyphenated modifier of a noun, for :mod:`newsprism.analysis.conflicts`.

"a 30-car pileup" tells the size of the thing the noun names, whatever word counts it: one outlet's
"25-vehicle pileup" is that same pileup. So such a count is read as that noun's size ("size of pileup"),
and compared, as :mod:`.values` reads other values, within sentences of one fact.
"""

from __future__ import annotations

import re

from ..text.tokens import STOPWORDS
from .units import UNITS
from .values import (
    DEFAULT,
    HEDGE,
    NOT_UNITS,
    NUMBER_START,
    NUMBER_TEXT,
    Mention,
    SentenceReader,
    ValuesConfig,
    number_value,
    singular,
)

# Not a count of "a" or "one" ("a one-man show"), and the noun sized after it, which stays among the words
# around the value (what it is about).
MODIFIER_COUNT = re.compile(
    rf"\b{HEDGE}{NUMBER_START}(?!(?i:an?|one)\b)(?P<num>{NUMBER_TEXT})-(?P<unit>[a-z]{{3,}})"
    r"(?=\s+(?P<head>[a-z]{3,})\b(?!-))"
)
SIZE_OF = "size of "
# Words after such a figure that make it no count of parts: a fraction ("two-thirds"), an adjective
# ("six-sided", "67-strong", "1,300-plus", "10-fold", "three-way") or a unit that measures or scores rather
# than counts ("45-mph gusts", "a 60-degree day", "a 29,000-ton ship", "a six-figure sum", and the points
# and votes of a lead, which one story gives many of: the lead in one poll, among women, in one state).
# Times ("a two-day visit"), measures ("an 18-foot fence") and ages are other readers' or none.
NOT_PARTS = re.compile(
    r"(?:half|halves|thirds?|quarters?|\w+ths?|\w{3,}ed|plus|strong|fold|way|figure|point|vote|mph|degree|ton"
    r"|\w*second|night|\w*gram|\w*lit(?:er|re)|time)$"
)


def read_modifier_counts(row: int, text: str, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The counts of one sentence that size the noun after them ("a 30-car pileup"), as that noun's size;
    none inside an address ("the 300-block of") or a range, which :class:`.values.SentenceReader` takes."""
    if "-" not in text:  # every such count is hyphenated: the pattern is not tried over most sentences
        return []
    reader = SentenceReader(row, text, config)
    found = []
    for match in MODIFIER_COUNT.finditer(text):
        unit, head = match["unit"], match["head"]
        if unit in NOT_UNITS or unit in UNITS or NOT_PARTS.match(unit) or head in STOPWORDS:
            continue
        if (value := number_value(match["num"])) is not None and reader.free(*match.span()):
            found.append(reader.mention(f"{SIZE_OF}{singular(head)}", match, value, 0.0))
    return found
