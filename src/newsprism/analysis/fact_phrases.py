"""Distinctive phrases of a story (:mod:`.facts`): two words, not a name, that several articles use once each
and the story seldom uses otherwise ("partnership agreement"), which link two sentences somewhat close as
wholes.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from ..text.tokens import STOPWORDS, WORD, words

# A phrase is distinctive when each of its words is in at most this many sentences per article using it.
PHRASE_RARITY = 1.5


def distinctive_phrases(texts: list[str], articles: list[str], rarity: float = PHRASE_RARITY) -> dict[str, list[int]]:
    """Two-word phrases, not names, that at least two articles use, with the rows of the texts using them.

    A phrase qualifies when no word of it is a stop word, at least one use is in lower case, and each
    of its words is in at most ``rarity`` sentences per article using it: the story's own subject
    ("state visit", "Kim Jong") is everywhere, a fact's wording ("partnership agreement") is not.

    >>> distinctive_phrases(["They may sign a partnership agreement.", "A partnership agreement is near."], ["a", "b"])
    {'partnership agreement': [0, 1]}
    """
    rows: defaultdict[str, list[int]] = defaultdict(list)
    in_lower: set[str] = set()
    # each word folded once (words are folded one by one: a phrase's are its first's and its second's), and
    # whether it may be in a phrase (no stop word, no short word) read once, not once a pair
    folded: dict[str, list[str]] = {}
    barred: dict[str, bool] = {}
    for row, text in enumerate(texts):
        tokens = WORD.findall(text)
        for token in tokens:
            if token not in folded:
                folded[token] = words(token)
                barred[token] = any(w in STOPWORDS or len(w) < 3 for w in folded[token])
        for first, second in itertools.pairwise(tokens):
            if barred[first] or barred[second]:
                continue
            pair = folded[first] + folded[second]
            phrase = " ".join(pair)
            if not rows[phrase] or rows[phrase][-1] != row:
                rows[phrase].append(row)
            if first.islower() and second.islower():
                in_lower.add(phrase)
    sentences_with = Counter(w for text in texts for w in set(words(text)))
    distinctive = {}
    for phrase, used in rows.items():
        users = len({articles[r] for r in used})
        rare = all(sentences_with[w] <= rarity * users for w in phrase.split())
        if users >= 2 and phrase in in_lower and rare:
            distinctive[phrase] = used
    return distinctive
