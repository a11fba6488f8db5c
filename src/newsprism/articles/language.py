"""Stage 4, language: detect an article's language from its most frequent function words.

A pure-Python detector, enough to tell the common news languages apart; texts in scripts without
function-word profiles here are labelled by script (Cyrillic, Arabic, CJK…) with the most likely
language, or ``None`` when nothing fits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

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


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the most likely language, or None.

    >>> detect_language("The president said that the visit will take place on Tuesday.")
    'en'
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


def add_language(article: Article) -> Article:
    """Pipeline stage: set ``article.language`` unless the input gave one."""
    if article.language:
        return article
    return replace(article, language=detect_language(article.text))
