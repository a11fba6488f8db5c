"""Word-level helpers shared by the stages that compare texts."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Runs of characters outside ASCII: only they can be combining marks, and a text with curly quotes holds few
# (read character by character, the whole of an article's text took 5 times as long).
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up upon very was we were what when where which while who whom why will
    with would you your yours yourself said says say told according mr mrs ms would could may might
    must shall also however since per via amid one two""".split()
)


# Endings a crude stemmer takes off, longest first ("received" and "receives" meet at "receiv").
SUFFIXES = ("ing", "ly", "ed", "es", "s")


def stem(word: str) -> str:
    """A folded word without its ending, when at least three letters are left.

    >>> [stem(w) for w in ("warmly", "received", "talks", "is")]
    ['warm', 'receiv', 'talk', 'is']
    """
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def without_possessive(word: str) -> str:
    """A word without its possessive ending, typographic or plain ("Kushner’s", "Kushner's": "Kushner")."""
    return word.removesuffix("’s").removesuffix("'s")


def fold(text: str) -> str:
    """Lower case without accents, with typographic quotes made plain."""
    if text.isascii():  # most text, and called for every sentence many times: nothing to fold but case
        return text.lower()
    text = NON_ASCII.sub(_without_marks, unicodedata.normalize("NFKD", text))
    return text.replace("’", "'").replace("‘", "'").lower()


def _without_marks(run: re.Match[str]) -> str:
    """A run of characters without its combining marks (accents, once decomposed)."""
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """All words of ``text``, folded: ``"Kim Jong-un’s"`` gives ``["kim", "jong-un's"]``."""
    return WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stop words, possessives stripped."""
    result = []
    for word in words(text):
        word = word.removesuffix("'s")
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            result.append(word)
    return result
