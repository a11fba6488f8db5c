"""Positions read from a sentence, as values for :mod:`newsprism.analysis.conflicts`: numbers that say where
in a sequence something is rather than how much of it there is. A street block: "a car wash in the 3000
block of West Florence Avenue" in one article, "outside Simms Car Wash in the 3300 block of West Florence
Avenue" in another. An ordinal: "changing the second line of the anthem" against "the third line of the
anthem will change".

US police give a place as the hundred of house numbers it lies in ("the 3300 block" holds numbers 3300 to
3399), so a block is read as that interval, and only with the street it is of: the street, by its name
without a direction or a type ("West Florence Avenue" as "florence"), is the block's role, so only blocks of
one street are compared. A number that is not a whole hundred is a house number, not a block, and is left out,
as is a hedged block ("about the 4,000 block"): a place told roughly is no position to compare.

An ordinal written as a word ("the second line") is read as the place of the noun after it ("which line"),
compared, as other values, within sentences of one fact. Floors are :mod:`.floors`' (placed by the act on
them), and ordinals in figures ("the 9th Circuit", "the 21st century") are left to names and dates.

>>> [(m.surface, m.low, m.high, m.role) for m in read_blocks(0, "He was shot in the 3300 block of W. Florence Ave.")]
[('3300 block of W. Florence Ave', 3300.0, 3399.0, 'florence')]
>>> read_blocks(0, "It was a 3,000-square-foot home on a block of Main Street.")
[]
>>> [(m.kind, m.value) for m in read_ordinals(0, "The bill changes the second line of the anthem.")]
[('which line', 2.0)]
"""

from __future__ import annotations

import re

from ..text.tokens import content_words
from .floors import FLOOR_NOUNS
from .values import DEFAULT, HEDGES, Mention, ValuesConfig, singular, words_around

# House numbers a block holds: "the 3300 block" is 3300 to 3399.
BLOCK_SIZE = 100
# Words of a street's name that say where on it or what kind of way it is, not which street it is.
DIRECTIONS = frozenset("north south east west n s e w ne nw se sw".split())
BLOCK = re.compile(
    r"(?<![\w,.])(?P<number>\d{1,2},?\d{3}|\d{1,3})[- ]block\s+of\s+"
    r"(?P<street>[A-Z][\w'’]*\.?(?:\s+[A-Z][\w'’]*\.?){0,3})"
)
KIND = "street block"
HEDGED = re.compile(rf"\b(?:{HEDGES})\s+(?:the\s+)?$", re.I)
ORDINALS = {
    word: n for n, word in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)
}
# "the second line", "its third attempt": the noun after the ordinal is what it places.
ORDINAL = re.compile(
    rf"\b(?i:the|its|his|her|their)\s+(?P<ordinal>(?i:{'|'.join(ORDINALS)}))\s+(?P<noun>[a-z]{{3,}})\b(?!-)"
)


def read_positions(row: int, text: str, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The street blocks and ordinals of one sentence."""
    return [*read_blocks(row, text, config), *read_ordinals(row, text, config)]


def read_blocks(row: int, text: str, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The street blocks of one sentence, each as the interval of house numbers it holds."""
    found = []
    for match in BLOCK.finditer(text):
        number = int(match["number"].replace(",", ""))
        street = _street_name(match["street"])
        before = text[: match.start()]
        if not number or number % BLOCK_SIZE or not street or HEDGED.search(before):
            continue
        surface = match.group(0).rstrip(".")
        found.append(
            Mention(
                row,
                KIND,
                surface,
                float(number),
                float(number + BLOCK_SIZE - 1),
                frozenset(content_words(before)[-config.context_words :]),
                value=float(number),
                around=words_around(text, match.start(), match.end(), config),
                role=street,
                span=(match.start(), match.start() + len(surface)),
            )
        )
    return found


def read_ordinals(row: int, text: str, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The ordinals of one sentence, each the place of the noun after it ("which line"); none of a floor."""
    found = []
    for match in ORDINAL.finditer(text):
        noun = singular(match["noun"])
        if noun in FLOOR_NOUNS:
            continue
        value = float(ORDINALS[match["ordinal"].lower()])
        context = frozenset(content_words(text[: match.start()])[-config.context_words :])
        around = words_around(text, match.start(), match.end(), config)
        found.append(
            Mention(
                row,
                f"which {noun}",
                match.group(0),
                value,
                value,
                context,
                value=value,
                around=around,
                span=match.span(),
            )
        )
    return found


def _street_name(street: str) -> str:
    """The word naming the street: its first that is no direction ("West Florence Avenue": "florence")."""
    words = [w.strip(".").lower() for w in street.split()]
    return next((w for w in words if w not in DIRECTIONS), "")
