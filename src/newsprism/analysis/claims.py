"""What a sentence claims, read cheaply enough for every pair of a story's sentences: the words that say
what it is about, weighed by how seldom the story uses them, its figures with their units, and whether
it states anything at all.

Two outlets that tell one claim in different words still share its rare words ("married", "daughter",
"Ivanka" in a story about Kushner's meetings), while two sentences that merely share the story's subject
("Kushner", "Russian") share only words every other sentence has. So the words two sentences share are
weighed by their inverse sentence frequency in the story, and compared with the weight of the lighter
sentence.

>>> story = ["Kushner met Kislyak.", "Kushner met Gorkov.", "Kushner married Ivanka.", "Kushner wed Ivanka."]
>>> weights = word_weights(story)
>>> [round(w, 2) for w in shared_weight(stems(story[0]), stems(story[2]), weights)]  # the story's subject
[0.08, 0.22]
>>> [round(w, 2) for w in shared_weight(stems(story[2]), stems(story[3]), weights)]
[0.41, 1.14]
>>> sorted(figures("The call came at 12:49 a.m., three hours after 2 shots."))
['1249 am', '2', '3']
>>> states_claim("If you have any information on where he may be, call 911.")
False
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..text.tokens import content_words

SUFFIXES = ("ing", "ed", "es", "s")
# A clock time's half of the day belongs to its figure: "12:49 a.m." and "12:49 p.m." are two moments.
CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,.:]*\d|\d")
# Figures written as words are figures too ("nine months"); "one" is left out, as in "one of the few".
NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
    if n > 1
} | {w: str(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
# Sentences that appeal to the reader state no claim of the story: "If you have any information on
# where Perez may be, call police" names him but says nothing about where he is. General English; a
# question is kept, as "Trump takes credit for a rising market, but will he shoulder the blame?" tells.
APPEAL = re.compile(
    r"^\W*(?:if you\b|if anyone\b|anyone (?:with|who)\b|anybody (?:with|who)\b|those with\b|call\b|contact\b|"
    r"tell us\b|let us know\b)",
    re.IGNORECASE,
)


def stem(word: str) -> str:
    """A word without its commonest English endings, so "died" and "dies" meet (crudely: "lines" -> "lin")."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def stems(sentence: str) -> frozenset[str]:
    """A sentence's content words, stemmed."""
    return frozenset(stem(w) for w in content_words(sentence))


def word_weights(sentences: list[str]) -> dict[str, float]:
    """Each stem's weight in a story: the log of how many sentences there are per sentence using it (one
    more sentence counted, so that in a story of two sentences the words they share still weigh)."""
    used = Counter(s for sentence in sentences for s in stems(sentence))
    return {s: math.log((len(sentences) + 1) / n) for s, n in used.items()}


def shared_weight(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> tuple[float, float]:
    """The weight of the stems two sentences share, as a share of the lighter sentence's weight, and as is."""
    lighter = min(sum(weights.get(s, 0.0) for s in a), sum(weights.get(s, 0.0) for s in b))
    shared = sum(weights.get(s, 0.0) for s in a & b)
    return (shared / lighter if lighter > 0 else 0.0), shared


@lru_cache(maxsize=1 << 16)
def figures(sentence: str) -> frozenset[str]:
    """The sentence's numbers as digit strings, in figures or words, a clock time with its half of the day."""
    found = {f"{h}{m} {half.lower()}m" for h, m, half in CLOCK.findall(sentence)}
    rest = CLOCK.sub(" ", sentence)
    found |= {re.sub(r"\D", "", n) for n in NUMBER.findall(rest)}
    found |= {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", rest.lower()) if w in NUMBER_WORDS}
    return frozenset(f for f in found if f)


def states_claim(sentence: str) -> bool:
    """Whether a sentence tells something rather than appealing to the reader."""
    return not APPEAL.search(sentence)
