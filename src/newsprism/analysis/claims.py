"""What a sentence claims, read cheaply enough for every pair of a story's sentences: the words that say
what it is about, weighed by how seldom the story uses them, its figures with their units, and whether
it states anything at all.

Two outlets that tell one claim in different words still share its rare words ("married", "daughter",
"Ivanka" in a story about Kushner's meetings), while two sentences that merely share the story's subject
("Kushner", "Russian") share only words every other sentence has. So the words two sentences share are
weighed by their inverse sentence frequency in the story, and compared with the weight of the lighter
sentence.

>>> words = ClaimWords(["Kushner met Kislyak.", "Kushner met Gorkov.", "Kushner wed Ivanka.",
...                     "Kushner married Ivanka."])
>>> [round(w, 2) for w in words.shared(0, 2)]  # only the story's subject
[0.08, 0.22]
>>> [round(w, 2) for w in words.shared(2, 3)]
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


class ClaimWords:
    """A story's sentences' stems, weighed: each stem by the log of how many sentences there are per
    sentence using it (one more sentence counted, so that in a story of two sentences the words they
    share still weigh)."""

    def __init__(self, sentences: list[str]) -> None:
        self.stems = [stems(sentence) for sentence in sentences]
        used = Counter(s for found in self.stems for s in found)
        self.weights = {s: math.log((len(sentences) + 1) / n) for s, n in used.items()}
        self.totals = [sum(self.weights[s] for s in found) for found in self.stems]

    def shared(self, i: int, j: int) -> tuple[float, float]:
        """The weight of the stems sentences ``i`` and ``j`` share, as a share of the lighter one's weight,
        and as is."""
        lighter = min(self.totals[i], self.totals[j])
        shared = sum(self.weights[s] for s in self.stems[i] & self.stems[j])
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
