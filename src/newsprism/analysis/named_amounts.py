"""Conflicts over the amount of money beside one name: "refunding the 9500 Oculus Kickstarter backers their
$2.5 million" against "crowdfunding site Kickstarter, where it raised $2.4 million in 2012".

The two sentences need be neither rewordings of each other nor one fact: what ties the amounts is a name
beside each (a capitalised word within :data:`NEAR` words either side, not the sentence's first word, not
a day or a month), and each is the only amount its article gives beside that name. Two such amounts that
cannot both be true but are close (within :data:`CLOSE` of each other) are a possible difference: one
figure reported twice, rounded or misread. Amounts further apart beside one name are most often two
things the name is party to (a deal and a round of funding, a fine and what was paid with interest, two models' prices).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..records import Conflict, ConflictSide, Evidence, Sentence
from ..text.dates import MONTHS, WEEKDAYS
from .moments import sides_share_a_moment
from .sentence_values import mentions
from .values import DEFAULT, Mention, ValuesConfig

CONFIDENCE = 0.5
REASON = "the only amount each article gives beside one name, close but different"
# Words either side of an amount that may name what it is of.
NEAR = 5
# How far apart (the larger over the smaller) two amounts beside one name may be to be taken for one figure.
# Over the 250 Multi-News dev stories, amounts beside one name that disagree within a quarter of each other
# were one figure twice (2.4 and 2.5 million raised), a day's two prices or a sum with and without interest,
# the last two beside no name but a weekday. A tenth: a rounding or a misread digit, not two products'
# prices ($799 and $999).
CLOSE = 1.1
WORD = re.compile(r"[A-Za-z][\w'’-]*")
NOT_NAMES = frozenset((*MONTHS, *WEEKDAYS))
# "at" just before an amount makes it a price or a level at some moment ("closed at $137.95").
AT = re.compile(r"\bat\s+$", re.I)


def named_amount_conflicts(
    sentences: list[Sentence], moments: list[frozenset[str]], config: ValuesConfig = DEFAULT
) -> list[Conflict]:
    """Possible differences between two articles' only amounts beside one name, told of one moment
    (``moments``: the days each sentence names, :mod:`.moments`)."""
    beside: dict[tuple[str, str], list[Mention]] = defaultdict(list)  # (article, name): amounts
    for row, sentence in enumerate(sentences):
        if any(sign in sentence.text for sign in "$£€"):
            for mention in mentions(row, sentence.text, None, config):
                # a level ("closed at", "up to", "from") or a rate is of a moment or a period, not of the name
                if (
                    mention.kind.startswith("amount in ")
                    and not mention.role
                    and not AT.search(sentence.text[: mention.span[0]])
                ):
                    for name in _names_near(sentence.text, mention):
                        beside[(sentence.article, name)].append(mention)
    by_name: dict[str, list[tuple[str, Mention]]] = defaultdict(list)  # name: (article, its only amount)
    for (article, name), found in beside.items():
        if len({(m.kind, m.value) for m in found}) == 1:
            by_name[name].append((article, found[0]))
    conflicts = []
    for name, amounts in by_name.items():
        for article_a, a in amounts:
            for article_b, b in amounts:
                if (
                    article_a < article_b
                    and close_but_different(a, b)
                    and sides_share_a_moment([[a.row], [b.row]], moments)
                ):
                    conflicts.append(_conflict(a, b, name, sentences))
    return once_per_pair(conflicts)


def _names_near(text: str, mention: Mention) -> set[str]:
    """Capitalised words within NEAR words of an amount, but the sentence's first word, days and months."""
    start, end = mention.span
    first = WORD.search(text)
    words = [m for m in WORD.finditer(text[:start])][-NEAR:] + [
        m for m in WORD.finditer(text, end) if m.start() >= end
    ][:NEAR]
    return {
        m[0]
        for m in words
        if m[0][0].isupper()
        and any(c.islower() for c in m[0])
        and m[0].lower() not in NOT_NAMES
        and (first is None or m.start() != first.start())
    }


def agree(a: Mention, b: Mention) -> bool:
    """Whether two values of one kind can both be true: their intervals overlap. Two bounds on one side
    ("more than $15,000", "more than $25,000") always do: each is true of any figure above both."""
    return a.low <= b.high and b.low <= a.high


def close_but_different(a: Mention, b: Mention, close: float = CLOSE) -> bool:
    """Whether two values of one kind cannot both be true but are within ``close`` (the larger over the
    smaller) of each other: one figure reported twice, rounded, misread or updated."""
    small, large = sorted((abs(a.value), abs(b.value)))
    return a.kind == b.kind and small > 0 and large <= close * small and not agree(a, b)


def sides_of(a: Mention, b: Mention, sentences: list[Sentence]) -> tuple[ConflictSide, ...]:
    """Two values' sides, each its sentence's article's, in the order given."""
    return tuple(
        ConflictSide(
            m.surface, (sentences[m.row].article,), (Evidence(sentences[m.row].article, sentences[m.row].text),)
        )
        for m in (a, b)
    )


def _conflict(a: Mention, b: Mention, name: str, sentences: list[Sentence]) -> Conflict:
    sides = sides_of(a, b, sentences)
    return Conflict("", f"{a.kind} (beside {name})", sides, kind="number", reasons=(REASON,), confidence=CONFIDENCE)


def once_per_pair(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per pair of sentences, however many names the two amounts share."""
    seen: set[frozenset[str]] = set()
    kept = []
    for conflict in conflicts:
        key = frozenset(e.sentence for side in conflict.sides for e in side.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(conflict)
    return kept
