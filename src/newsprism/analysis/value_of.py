"""What each value of a sentence is of, once all its values are read, for :mod:`.conflicts`.

A sentence that gives two values of one kind shares its words between them: in "45 percent call Obama
too liberal, and 46 percent say the same about the Democratic Party", "Obama" is of the 45, not of the
46. So each value keeps, of the words around it, only those nearer to it than to another value of its
kind; two leftover values of two sentences are then tied only by words of their own ("Romney at 49
percent" is not of the 46 through the other value's "Obama").

A figure told as what would, could or might be ("At that point it would exceed 20 billion people") is a
projection or a hypothesis, not a figure found: it is not set against a figure told as fact, unless a
speech verb in the sentence makes the "would" a reported "will" ("said the firm would cut 500 jobs").

An amount given to someone is of that recipient: "$13.5 million in donations to an independent super
PAC" and "$22.5 million in donations to Republican candidates" are two sums, a part and a whole.

>>> from .values import read_mentions
>>> [sorted(m.around) for m in owned("Obama at 45 percent and Romney at 49 percent.",
...                                   read_mentions(0, "Obama at 45 percent and Romney at 49 percent.", 2024))]
[['obama'], ['romne']]
>>> text = "He gave $13.5 million in donations to an independent super PAC."
>>> sorted(owned(text, read_mentions(0, text, 2024))[0].thing)
['indep', 'pac', 'super']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..text.tokens import content_words
from .values import DEFAULT, Mention, ValuesConfig, words_around

# Whom an amount is given to: "to" after it (over "in donations", "in aid") and a determiner, a possessive
# or a capitalised word, so that an infinitive ("$3 million to settle") names nobody; the words run to the
# first function word or mark, as a share's "of" phrase does in values.py.
RECIPIENT = re.compile(
    r"\s+(?:in\s+(?:[a-z-]+\s+){0,2})?to\s+(?:(?:the|an?|his|her|its|their|[A-Z][\w-]*['’]s)\s+|(?=[A-Z]))"
    r"(?P<words>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)"
)

# Where a clause ends between two values: words after it are the later value's ("45 percent call Obama too
# liberal, | and 46 percent say ..."; "killed 12 people | and injured 30").
CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|\b(?:and|but|while|whereas|or)\b", re.I)

# A modal before a figure in its clause (at most this many words between) makes it a hypothesis; a
# speech or forecast verb in the sentence makes it reported speech. Dates are left alone: a date that
# "would" come is mostly a plan.
HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b(?P<gap>[^,;:—–()\"“”]*)$", re.I)
HYPOTHETICAL_REACH = 6
REPORTED = re.compile(
    r"\b(?:said|says|told|tells|announced|added|stated|reported|expects?|expected|estimated|predicted|warned"
    r"|promised|according to)\b",
    re.I,
)
TIMED = ("date", "day of the month", "year", "time of day")


def owned(text: str, mentions: list[Mention], config: ValuesConfig = DEFAULT) -> list[Mention]:
    """The mentions of one sentence, each with only the words around it nearer to it than to another value of
    its kind, and each amount with its recipient as what it is of."""
    kinds = Counter(m.kind for m in mentions)
    result = []
    for mention in mentions:
        if kinds[mention.kind] > 1:
            start, end = mention.span
            spans = [m.span for m in mentions if m.kind == mention.kind and m.span != mention.span]
            lo = max((_cut(text, e, start) for s, e in spans if e <= start), default=0)
            hi = min((_cut(text, end, s) for s, e in spans if s >= end), default=len(text))
            # a value with no words of its own ("Sept. 30 or Oct. 1.") keeps all those around it
            mention = replace(mention, around=words_around(text, start, end, config, lo, hi) or mention.around)
        if not mention.role and mention.kind not in TIMED and _hypothetical(text, mention.span[0]):
            mention = replace(mention, role="would")
        if mention.kind.startswith("amount") and (to := RECIPIENT.match(text, mention.span[1])):
            mention = replace(mention, thing=frozenset(w[: config.stem] for w in content_words(to["words"])))
        result.append(mention)
    return result


def _hypothetical(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is told as what would, could or might be, not as someone's words."""
    before = text[:start]
    modals = list(re.finditer(r"\b(?:would|could|might)\b", before, re.I))
    if not modals or not (clause := HYPOTHETICAL.search(before, modals[-1].start())):
        return False
    return len(clause["gap"].split()) <= HYPOTHETICAL_REACH and not REPORTED.search(text)


def _cut(text: str, end: int, start: int) -> int:
    """Where the words between two values (``text[end:start]``) part: at the last clause break between them
    ("Romney at 49 percent | and Obama at 45 percent"), else halfway, at a word's start."""
    breaks = list(CLAUSE_BREAK.finditer(text, end, start))
    if breaks:
        return breaks[-1].start()
    at = (end + start) // 2
    while end < at < start and not text[at - 1].isspace():
        at += 1
    return at
