"""A story grown by one article reads only that article anew: what the analysers read from one article or
one sentence alone is kept across stories (``analysis/memo.py``), and gives what reading it anew gives."""

from __future__ import annotations

import pytest

from newsprism.analysis import framing, ner, ownvoice
from newsprism.analysis.entities import resolve_entities
from newsprism.analysis.memo import Memo
from newsprism.analysis.parse import parser
from newsprism.articles.pipeline import Pipeline
from newsprism.records import RawDocument, Story

spacy_only = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")


@pytest.fixture(scope="module")
def seed_articles(seed_dir) -> list:
    pipeline = Pipeline()
    return [
        pipeline.run(RawDocument(path.stem, "text", path.read_text(encoding="utf-8"), id=path.stem))
        for path in sorted(seed_dir.glob("*.txt"))
    ]


def test_a_memo_computes_only_what_it_does_not_hold_and_drops_the_least_recently_used():
    memo: Memo[str, int] = Memo(size=2)
    asked: list[list[str]] = []

    def lengths(keys: list[str]) -> list[int]:
        asked.append(keys)
        return [len(k) for k in keys]

    assert memo.get(["ab", "c", "ab"], lengths) == [2, 1, 2]
    assert memo.get(["c", "def"], lengths) == [1, 3]  # "ab" is the least recently used: dropped
    assert memo.get(["ab", "def"], lengths) == [2, 3]
    assert asked == [["ab", "c"], ["def"], ["ab"]]
    assert len(memo) == 2


@spacy_only
def test_a_grown_story_frames_by_reading_only_its_new_article(seed_articles, monkeypatch):
    monkeypatch.setattr(framing, "_READINGS", Memo())
    read: list[str] = []
    real = ownvoice.own_voices

    def recorded(texts, *args, **kwargs):
        read.extend(texts)
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(framing, "own_voices", recorded)
    first, grown = Story("s", tuple(seed_articles[:-1])), Story("s", tuple(seed_articles))
    groups = {a.id: a.id for a in seed_articles}
    framing.frame_articles(first, (), groups)
    read.clear()
    kept = framing.frame_articles(grown, (), groups)
    assert read == [seed_articles[-1].text]
    monkeypatch.setattr(framing, "_READINGS", Memo())
    assert framing.frame_articles(grown, (), groups) == kept  # as read anew
    assert any(f.loaded_terms for f in kept) and any(f.quotes for f in kept)


@spacy_only
def test_a_grown_story_runs_the_recogniser_only_on_its_new_sentences(seed_articles, monkeypatch):
    monkeypatch.setattr(ner, "_READINGS", Memo())
    monkeypatch.setattr(ner, "_TITLED", Memo())
    asked: list[str] = []
    real = ner.entity_docs
    monkeypatch.setattr(ner, "entity_docs", lambda texts: asked.extend(texts) or real(texts))
    recognizer = ner.SpacyRecognizer()
    first, grown = Story("s", tuple(seed_articles[:-1])), Story("s", tuple(seed_articles))
    resolve_entities(first, recognizer)
    asked.clear()
    kept = resolve_entities(grown, recognizer)
    old = {s for a in seed_articles[:-1] for s in a.sentences}
    assert asked and set(asked) == set(seed_articles[-1].sentences) - old
    monkeypatch.setattr(ner, "_READINGS", Memo())
    monkeypatch.setattr(ner, "_TITLED", Memo())
    assert resolve_entities(grown, recognizer) == kept
    assert "Vladimir Putin" in {e.name for e in kept} and any(e.name.startswith("Kim Jong") for e in kept)
