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
>>> sorted(figures("Sales reached $3 million, or $1.2 million a day, two of every three sales."))
['1200000', '2', '3', '3000000']
>>> sorted(figures("Flight MH370 carried 239 people; he climbed Everest twice."))
['2', '239']
>>> states_claim("If you have any information on where he may be, call 911.")
False
>>> sorted(predicate("Pasztor has not been charged with Macomber's death."))
['charg', 'death']
>>> sorted(measures("It weighs 17 pounds, and a 10 percent tax is due by 12:49 p.m. on June 19, 2024."))
['10 percent', '10 tax', '17 pound']
>>> sorted(denied("She has not been charged with his death.")), sorted(denied("She faces two charges."))
(['charg'], [])
>>> sorted(contradicted("She has not been charged with his death.", "She faces two charges of murder."))
['charg']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from ..text.dates import MONTH_RE, MONTHS, month_number
from ..text.tokens import STOPWORDS, content_words

SUFFIXES = ("ing", "ed", "es", "s")
# Words of a predicate meet when they begin alike this far: "founder" and "founded", "charges" and "charged".
PREDICATE_PREFIX = 5
# A clock time's half of the day belongs to its figure: "12:49 a.m." and "12:49 p.m." are two moments.
CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,.:]*\d|\d")
# A figure's scale word belongs to it: "$3 million in sales" does not share a figure with "two of every three".
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALED = re.compile(rf"({NUMBER.pattern})(?:\s+({'|'.join(SCALES)})\b)?", re.IGNORECASE)
# A year standing alone, and a day of the month beside its month's name, tell when rather than how many.
YEAR = re.compile(r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?![,.]\d|\s*%)")
DAY_OF_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{MONTH_RE})(?!\w)"
    rf"(?(day)|\s+(?P<later>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]\d))?,?(?:\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
)
MONTH_NAMES = {number: name for name, number in MONTHS.items() if len(name) > 3 or name == "may"}
# Figures written as words are figures too ("nine months"); "one" is left out, as in "one of the few".
NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
    if n > 1
} | {w: str(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
# "twice" tells how many times as a figure does ("climbed Everest twice", "two climbs of Everest"); "once" is
# left out, as in "once a soldier".
TIMES_WORDS = {"twice": "2", "thrice": "3"}
# A code of capitals and digits names a thing, it does not count one: "MH370", "AR-15", "K-9", "COVID-19",
# and a Core "i5" with one lower-case letter; "mid-2016" and "2m" (two metres) are figures.
CODE = re.compile(r"\b(?:[A-Z]{1,5}-?|[a-z])\d[\w-]*")
# A figure with the words after it that say what it counts or measures, in lower case ("17 pounds", "122
# “credible” floating objects", "10%"); a capitalised word after a figure is mostly a date's or a name's.
FIGURE_WORD = r"\d[\d,.]*\d|\d|" + "|".join(NUMBER_WORDS)
MEASURED = re.compile(
    rf"(?<![\w.,:/$£€-])({FIGURE_WORD})\b(?:\s*(%)|[\s\"“”‘’'-]+([a-z][\w'’-]*)(?:[\s\"“”‘’'-]+([a-z][\w'’-]*))?)",
    re.IGNORECASE,
)
# A denial reaches the first content word at most this many words after it ("not been charged"), over
# the adverbs that only grade it ("has not yet appeared"); "failed to return" denies as "didn't return"
# does, and "not only ... but also" denies nothing.
DENIAL_REACH = 3
NEGATION = re.compile(
    r"\b(?:not(?!\s+only\b)|no|never|neither|nor|none|nobody|nothing|without|(?:fail(?:s|ed)?|refus(?:e|es|ed)|declin(?:e|es|ed))\s+to)\b"
    r"|n[’']t\b",
    re.IGNORECASE,
)
GRADING = frozenset("yet even ever always really necessarily quite entirely fully immediately".split())
# Sentences that appeal to the reader state no claim of the story: "If you have any information on
# where Perez may be, call police" names him but says nothing about where he is. General English; "Watch
# Colbert's trip to Evening Urgant in the clip above" tells of the trip, and is kept.
APPEAL = re.compile(
    r"^\W*(?:if you\b|if anyone\b|anyone (?:with|who)\b|anybody (?:with|who)\b|those with\b|call\b|contact\b|"
    r"tell us\b|let us know\b)"
    # the writer telling the reader what to think or do ("You have to assume that ...", "You might want to")
    r"|^\W*(?:(?:and|but|so|now)\W+)?you(?:['’](?:d|ll))?\s+(?:(?:really|just|probably)\s+)?"
    r"(?:have to|had to|must|should|need to|might|may|can|could|would|will|got to|gotta)\b",
    re.IGNORECASE,
)
# A question the writer asks states nothing ("Can Kroll succeed as CEO?", "And pepper-Jack cheese?"); one
# that follows a statement in the same sentence still tells it ("Trump takes credit for a rising market,
# but will he shoulder the blame?"), and a question inside a quotation is the speaker's.
QUESTION = re.compile(
    r"^\W*(?:(?:and|but|so|now)\W+)?(?:what|why|how|who|whom|whose|which|when|where|is|are|was|were|do|does|did|"
    r"can|could|will|would|should|shall|may|might|must|has|have|had)\b[^\"“”]*\?\W*$",
    re.IGNORECASE,
)
# A line of fewer words, none in lower case and no figure, is a label; a title-case headline is longer.
LABEL_WORDS = 4
PARENTHESES = re.compile(r"\([^)]*\)")


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


@lru_cache(maxsize=1 << 16)
def predicate(sentence: str) -> frozenset[str]:
    """What a sentence says of the names it gives: its content words written in lower case, stemmed and cut
    to their first PREDICATE_PREFIX letters so that "founder" and "founded" meet."""
    lower = " ".join(w for w in sentence.split() if not w[:1].isupper())
    return frozenset(stem(w)[:PREDICATE_PREFIX] for w in content_words(lower))


class ClaimWords:
    """A story's sentences' stems, weighed: each stem by the log of how many sentences there are per
    sentence using it (one more sentence counted, so that in a story of two sentences the words they
    share still weigh)."""

    def __init__(self, sentences: list[str]) -> None:
        self.stems = [stems(sentence) for sentence in sentences]
        used = Counter(s for found in self.stems for s in found)
        self.weights = {s: math.log((len(sentences) + 1) / n) for s, n in used.items()}
        self.totals = [sum(self.weights[s] for s in found) for found in self.stems]
        self._index: _StemIndex | None = None  # built when many pairs are read at once

    def shared(self, i: int, j: int, unshared: frozenset[str] = frozenset()) -> tuple[float, float]:
        """The weight of the stems sentences ``i`` and ``j`` share, other than ``unshared``, as a share of the
        lighter one's weight, and as is."""
        lighter = min(self.totals[i], self.totals[j])
        shared = sum(self.weights[s] for s in (self.stems[i] & self.stems[j]) - unshared)
        return (shared / lighter if lighter > 0 else 0.0), shared

    def shared_at_most(self, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`shared` of many pairs of sentences at once (``first[k]`` with ``second[k]``), nothing left
        unshared: the most :meth:`shared` gives them, up to rounding (the weights are summed in another order).

        >>> words = ClaimWords(["Police arrested two men.", "Two men were arrested.", "It rained in Paris."])
        >>> share, weight = words.shared_at_most(np.array([0, 0]), np.array([1, 2]))
        >>> [(round(s, 9), round(w, 9)) for s, w in zip(share, weight)] == [
        ...     (round(s, 9), round(w, 9)) for s, w in (words.shared(0, 1), words.shared(0, 2))]
        True
        """
        pair, stem, held = self._pairs_stems(first, second)
        index = self._stem_index()
        weight = np.bincount(pair, weights=np.where(held, index.weights[stem], 0.0), minlength=len(first))
        lighter = np.minimum(index.totals[first], index.totals[second])
        return np.divide(weight, lighter, out=np.zeros(len(first)), where=lighter > 0), weight

    def shared_counts(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """How many stems each pair of sentences (``first[k]`` with ``second[k]``) shares."""
        pair, _, held = self._pairs_stems(first, second)
        return np.bincount(pair[held], minlength=len(first))

    def _pairs_stems(self, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each stem of each pair's second sentence: the pair's place in ``first``, the stem's number, and
        whether the pair's first sentence has it too."""
        index = self._stem_index()
        lengths = index.lengths[second]
        pair = np.repeat(np.arange(len(first)), lengths)
        # the place in the flat list of every sentence's stems of each stem of each pair's second sentence
        place = index.offsets[second][pair] + np.arange(len(pair)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        stem = index.stems[place]
        return pair, stem, index.holds(first[pair], stem)

    def _stem_index(self) -> _StemIndex:
        if self._index is None:
            self._index = _StemIndex(self.stems, self.weights, self.totals)
        return self._index


class _StemIndex:
    """Every sentence's stems as numbers in one flat array, with their weights: what
    :meth:`ClaimWords.shared_at_most` reads of a hundred thousand pairs without a Python step per pair."""

    def __init__(self, stems: list[frozenset[str]], weights: dict[str, float], totals: list[float]) -> None:
        number = {s: n for n, s in enumerate(weights)}
        self.lengths = np.array([len(found) for found in stems], dtype=np.int64)
        self.offsets = np.cumsum(self.lengths) - self.lengths
        self.stems = np.array([number[s] for found in stems for s in found], dtype=np.int64)
        self.weights = np.array(list(weights.values()), dtype=np.float64)
        self.totals = np.array(totals, dtype=np.float64)
        # each sentence's stems as one sorted number each: its row times the number of stems, plus the stem's
        self._size = max(len(weights), 1)
        self._keys = np.sort(np.repeat(np.arange(len(stems)), self.lengths) * self._size + self.stems)

    def holds(self, rows: np.ndarray, stems: np.ndarray) -> np.ndarray:
        """Whether sentence ``rows[k]`` has stem ``stems[k]``."""
        if not len(self._keys):
            return np.zeros(len(rows), dtype=bool)
        keys = rows * self._size + stems
        found = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return self._keys[found] == keys


@lru_cache(maxsize=1 << 16)
def figures(sentence: str) -> frozenset[str]:
    """The sentence's numbers as digit strings, in figures or words, a clock time with its half of the day."""
    found = {f"{h}{m} {half.lower()}m" for h, m, half in CLOCK.findall(sentence)}
    rest = CODE.sub(" ", CLOCK.sub(" ", sentence))
    for number, scale in SCALED.findall(rest):
        found.add(scaled(number, scale) if scale else re.sub(r"\D", "", number))
    spelled = re.findall(r"[a-z]+", SCALED.sub(" ", rest).lower())
    found |= {NUMBER_WORDS.get(w) or TIMES_WORDS[w] for w in spelled if w in NUMBER_WORDS or w in TIMES_WORDS}
    return frozenset(f for f in found if f)


@lru_cache(maxsize=1 << 16)
def calendar_figures(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The figures of a sentence that tell a date, not a quantity (years, "in 2016", "the 1977 Act", and
    days of the month, "July 1", "1 July"), and the dates they tell, as a month with its day or its year
    ("july 1", "july 2016"): a bare year is a name's as often as an event's.

    >>> [sorted(found) for found in calendar_figures("On July 1, 44 shops; by 4 June 2016, 1,200 more; the 1977 Act.")]
    [['1', '1977', '2016', '4'], ['july 1', 'june 2016', 'june 4']]
    """
    found = set(YEAR.findall(sentence))
    dates: set[str] = set()
    for match in DAY_OF_MONTH.finditer(sentence):
        month, day, year = month_number(match["month"]), match["day"] or match["later"], match["year"]
        found.update(filter(None, (day, year)))
        dates.update(f"{MONTH_NAMES[month]} {n}" for n in (day, year) if n)
    return frozenset(found), frozenset(dates)


def scaled(number: str, scale: str) -> str:
    """A figure with its scale word as the digits of its value: "$1.2 million" is 1200000."""
    value = float(number.replace(",", "")) * SCALES[scale.lower()]
    return str(round(value))


@lru_cache(maxsize=1 << 16)  # of every sentence, each analysis
def states_claim(sentence: str) -> bool:
    """Whether a sentence tells something: not an appeal to the reader, not the writer's question, and
    not a bare label (a title, "'Evil Dead'", or a name with its photo credit, "Jane Roe (Photo: Police)"):
    outside brackets, it has a word in lower case, a figure, or LABEL_WORDS words (a headline in title case,
    "Obama Gives Lump Of Coal To Polar Bears", tells something).

    >>> [states_claim(s) for s in ("Can Kroll succeed as CEO?", "'Evil Dead'", "Jane Roe (Photo: Police)",
    ...                            "You have to assume that pot connoisseurs might soon tire of long waits.")]
    [False, False, False, False]
    >>> [states_claim(s) for s in ("He was 41.", "Average Wedding Cost: $31,213 (excludes honeymoon)",
    ...                            "Trump takes credit for a rising market, but will he shoulder the blame?")]
    [True, True, True]
    """
    if APPEAL.search(sentence) or QUESTION.search(sentence):
        return False
    outside = PARENTHESES.sub(" ", sentence)
    told = re.findall(r"[^\W\d_]{2,}", outside)
    return any(c.isdigit() for c in outside) or len(told) >= LABEL_WORDS or any(w[0].islower() for w in told)


@lru_cache(maxsize=1 << 16)
def measures(sentence: str) -> frozenset[str]:
    """The sentence's figures each with a word that follows it, stemmed: "17 pound" for "weighs 17 pounds",
    "122 float" for "122 “credible” floating objects" (the two words after a figure, up to a stop word or a
    mark). A clock time is a moment, not a measure, and is left out."""
    found = set()
    for number, percent, *after in MEASURED.findall(CLOCK.sub(" ", sentence)):
        figure = NUMBER_WORDS.get(number.lower(), re.sub(r"\D", "", number))
        if percent:
            found.add(f"{figure} percent")
        for word in after:
            if not word or word.lower() in STOPWORDS or not word.islower():
                break
            unit = stem(word.replace("’", "'").removesuffix("'s"))
            found.add(f"{figure} {unit}")
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def denied(sentence: str) -> frozenset[str]:
    """The stems of the words a sentence denies: the first content word within DENIAL_REACH words after each
    "not", "never", "no" ("has not been charged": "charg")."""
    found = set()
    for match in NEGATION.finditer(sentence):
        reach = sentence[match.end() :].split()[:DENIAL_REACH]
        following = [w for w in content_words(" ".join(reach)) if w not in GRADING]
        if following:
            found.add(stem(following[0]))
    return frozenset(found)


def contradicted(a: str, b: str) -> frozenset[str]:
    """The stems one sentence denies and the other states: "has not been charged with his death" and "faces
    two charges of murder" do not share "charg", whatever else they share."""
    denied_a, denied_b = denied(a), denied(b)
    return frozenset((denied_a - denied_b) & stems(b) | (denied_b - denied_a) & stems(a))
