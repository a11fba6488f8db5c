"""Conflicts between a sum and the one amount another article gives for the same things together: "about
$200 billion in new spending … and $240 billion in tax cuts" against "$300-$400 billion in new deficit
spending and temporary tax cuts".

A part is an amount followed by what it is in or for ("$240 billion in tax cuts"); two parts are added
when the second follows the first with "and" in one sentence. A whole is an amount, or a range of amounts
("$300-$400 billion"), in a sentence of another article whose own "in"/"for" phrase names both parts'
things, joined by "and". The two are a possible difference when the sum's interval (hedges allowed for)
and the whole's do not overlap: one outlet may count what another leaves out, so never a sure conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..records import Conflict, ConflictSide, Evidence, Sentence
from ..text.tokens import content_words
from .sentence_values import mentions
from .values import DEFAULT, HEDGE, NUMBER_TEXT, SCALES, ValuesConfig, interval, number_value

CONFIDENCE = 0.5
REASON = "two amounts given for two things, against one amount another article gives for both together"
# Sums this many times their whole or more are of other things (as conflicts.APART for two figures).
APART = 10.0
# A range of amounts: "$300-$400 billion", "$300 billion to $400 billion".
MONEY_RANGE = re.compile(
    rf"{HEDGE}(?P<currency>[$£€])\s?(?P<low>{NUMBER_TEXT})(?:\s+(?P<low_scale>{'|'.join(SCALES)}))?"
    rf"\s*(?:-|–|\bto\b)\s*[$£€]?\s?(?P<high>{NUMBER_TEXT})(?:\s+(?P<scale>{'|'.join(SCALES)}))?(?![\w%]|[.,]\d)"
)
# What an amount is in or for, up to the clause's end: "in new deficit spending and temporary tax cuts".
WHAT = re.compile(r"\s+(?:in|for|on)\s+(?P<words>[A-Za-z][A-Za-z' -]*)")
# Words of a whole's phrase read: "in new deficit spending and temporary tax cuts will do" names the two
# things within its first words; further on, the clause has moved on.
WHOLE_WORDS = 8
# A part's thing ends at its first word of no content after one of content ("tax cuts for families").
PART_WORDS = 4
JOINED = re.compile(r"\band\s*$")


@dataclass(frozen=True, slots=True)
class Amount:
    row: int
    currency: str
    surface: str
    low: float
    high: float
    start: int
    end: int
    value: float = 0.0  # the figure as written, before any hedge (a part's; a range has none)
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Sum:
    parts: tuple[Amount, Amount]
    things: tuple[str, str]  # each part's head word stem ("spend", "cuts")


def sum_conflicts(sentences: list[Sentence], config: ValuesConfig = DEFAULT) -> list[Conflict]:
    """Possible differences between a sum of two parts and another article's one amount for both."""
    money = [r for r, s in enumerate(sentences) if any(sign in s.text for sign in "$£€")]
    amounts = {r: _amounts(r, sentences[r].text, config) for r in money}
    sums = [found for r in money for found in _sums(sentences[r].text, amounts[r], config)]
    conflicts = []
    for total in sums:
        row = total.parts[0].row
        for other in money:
            if sentences[other].article == sentences[row].article:
                continue
            for whole in amounts[other]:
                if _is_whole_of(whole, total, sentences[other].text, config) and _differ(total, whole):
                    conflicts.append(_conflict(total, whole, sentences))
    return conflicts


def _amounts(row: int, text: str, config: ValuesConfig) -> list[Amount]:
    """A sentence's amounts of money, a range as one amount (the values reader takes ranges for no value)."""
    found = []
    for match in MONEY_RANGE.finditer(text):
        scale = match["scale"] or match["low_scale"]
        low, high = number_value(match["low"], match["low_scale"] or scale), number_value(match["high"], scale)
        if low is not None and high is not None and low < high:
            hedge = (match["hedge"] or "").lower()
            found.append(
                Amount(
                    row,
                    match["currency"],
                    match[0],
                    interval(low, hedge, 0.0)[0],
                    interval(high, hedge, 0.0)[1],
                    *match.span(),
                )
            )
    ranges = [(a.start, a.end) for a in found]
    for m in mentions(row, text, None, config):
        if m.kind.startswith("amount in ") and not any(s <= m.span[0] < e for s, e in ranges):
            currency = m.kind.removeprefix("amount in ")
            found.append(Amount(row, currency, m.surface, m.low, m.high, *m.span, value=m.value, hedged=bool(m.hedge)))
    return sorted(found, key=lambda a: a.start)


def _sums(text: str, amounts: list[Amount], config: ValuesConfig) -> Iterator[Sum]:
    """Two amounts of one currency in a row, each for a thing of its own, the second after "and"."""
    for first, second in pairwise(amounts):
        if first.currency != second.currency or not JOINED.search(text[first.end : second.start]):
            continue
        things = _part_thing(text, first, config), _part_thing(text, second, config)
        if things[0] and things[1] and things[0] != things[1]:
            yield Sum((first, second), (things[0], things[1]))


def _part_thing(text: str, amount: Amount, config: ValuesConfig) -> str:
    """The stem of the last content word of what a part is in or for ("new spending": "spend")."""
    what = WHAT.match(text[amount.end :])
    if not what:
        return ""
    head = ""
    for word in what["words"].split()[:PART_WORDS]:
        if not content_words(word):
            if head:
                break
            continue
        head = content_words(word)[0]
    return head[: config.stem]


def _is_whole_of(whole: Amount, total: Sum, text: str, config: ValuesConfig) -> bool:
    """Whether an amount is given for both things of a sum: its phrase names the one, "and", the other."""
    what = WHAT.match(text[whole.end :])
    if whole.currency != total.parts[0].currency or not what:
        return False
    words = what["words"].lower().split()[:WHOLE_WORDS]
    stems = [w[: config.stem] for w in words]
    if "and" not in words:
        return False
    joint = words.index("and")
    first, second = total.things
    return (first in stems[:joint] and second in stems[joint:]) or (second in stems[:joint] and first in stems[joint:])


def _differ(total: Sum, whole: Amount) -> bool:
    """Whether the sum's interval and the whole's do not overlap, the two being of one order of size."""
    low, high = sum(p.low for p in total.parts), sum(p.high for p in total.parts)
    apart = max(high, whole.high) >= APART * max(min(low, whole.low), 1e-9)
    return (high < whole.low or whole.high < low) and not apart


def _conflict(total: Sum, whole: Amount, sentences: list[Sentence]) -> Conflict:
    together = f"{'about ' if any(p.hedged for p in total.parts) else ''}{_spelled(whole.currency, total)} together"
    parts = ConflictSide(
        f"{' and '.join(p.surface for p in total.parts)} ({together})", *_told_by(sentences[total.parts[0].row])
    )
    return Conflict(
        "",
        f"amount in {whole.currency} (a sum of two parts against one amount for both)",
        (parts, ConflictSide(whole.surface, *_told_by(sentences[whole.row]))),
        kind="number",
        reasons=(REASON,),
        confidence=CONFIDENCE,
    )


def _spelled(currency: str, total: Sum) -> str:
    """The sum of the parts' figures as an outlet would write it: "$440 billion", "$1.5 million", "$2,300"."""
    value = sum(p.value for p in total.parts)
    for word, scale in sorted(SCALES.items(), key=lambda item: -item[1]):
        if value >= scale and scale >= 1e6:
            return f"{currency}{f'{value / scale:,.3f}'.rstrip('0').rstrip('.')} {word}"
    return f"{currency}{value:,.0f}"


def _told_by(sentence: Sentence) -> tuple[tuple[str], tuple[Evidence]]:
    return (sentence.article,), (Evidence(sentence.article, sentence.text),)
