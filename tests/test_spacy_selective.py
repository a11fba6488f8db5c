"""spaCy runs only on the sentences an analysis reads, and what each analysis finds is what it found when
spaCy ran on every sentence: framing's own voice, the recogniser's mentions, the count check."""

from __future__ import annotations

import pytest

from newsprism.analysis import counts, doc_cache, framing, ner, ownvoice, summary_names
from newsprism.analysis.doc_cache import parsed
from newsprism.analysis.memo import Memo
from newsprism.analysis.ownvoice import REPORTING, own_voice, saying_forms
from newsprism.analysis.parse import parser
from newsprism.articles.pipeline import Pipeline
from newsprism.records import Article, RawDocument, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")


@pytest.fixture(scope="module")
def seed_story(seed_dir) -> Story:
    pipeline = Pipeline()
    articles = [
        pipeline.run(RawDocument(path.stem, "text", path.read_text(encoding="utf-8"), id=path.stem))
        for path in sorted(seed_dir.glob("*.txt"))
    ]
    return Story("seed", tuple(articles))


def _recording(monkeypatch, module, name: str) -> list[str]:
    """Records the texts ``module.name`` (a Doc-giving function) is asked for."""
    asked: list[str] = []
    real = getattr(module, name)

    def recorded(texts):
        texts = list(texts)
        asked.extend(texts)
        return real(texts)

    monkeypatch.setattr(module, name, recorded)
    return asked


def test_framing_parses_only_the_sentences_it_reads_and_frames_as_if_it_parsed_all(seed_story, monkeypatch):
    groups = {a.id: a.id for a in seed_story.articles}
    monkeypatch.setattr(framing, "_READINGS", Memo())  # read anew, not as an earlier test read it
    asked = _recording(monkeypatch, ownvoice, "parsed")
    chosen = framing.frame_articles(seed_story, (), groups)
    sentences = {s for a in seed_story.articles for s in a.sentences}
    assert 0 < len(set(asked)) < 0.8 * len(sentences)  # a fifth or more of the seed's sentences is not parsed
    monkeypatch.setattr(framing, "_reads_parse", lambda config: lambda text, doc, reports: True)
    monkeypatch.setattr(framing, "_READINGS", Memo())
    asked.clear()
    every = framing.frame_articles(seed_story, (), groups)
    assert set(asked) == sentences
    assert chosen == every
    assert any(f.loaded_terms for f in every) and all(f.tone for f in every)


def test_read_by_sentence_the_judging_words_are_those_of_the_whole_articles_parse(seed_story):
    from newsprism.analysis.evaluative import is_evaluative

    def judging(voice):
        return {w for w, part, reported in voice.words if is_evaluative(w, part, reported)}

    texts = [a.text for a in seed_story.articles]
    by_sentence = ownvoice.own_voices(
        texts, [a.sentences for a in seed_story.articles], framing._reads_parse(framing.DEFAULT)
    )
    whole = ownvoice.own_voices(texts, [[t] for t in texts])  # each article one Doc, parsed whole, as before
    assert [judging(v) for v in by_sentence] == [judging(v) for v in whole]
    assert {"regime", "railed", "strongman", "friendly"} <= set().union(*(judging(v) for v in by_sentence))


def test_every_form_the_parse_lemmatises_to_a_verb_of_saying_is_known_before_the_parse(seed_story):
    forms = saying_forms()
    docs = parsed(s for a in seed_story.articles for s in a.sentences)
    saying = [t for d in docs for t in d if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING]
    assert len(saying) > 20 and {t.lower_ for t in saying} <= forms
    assert {"said", "told", "wrote", "thought", "railed", "noted"} <= forms


def test_a_quotation_over_two_sentences_is_someone_elses_in_both():
    voice = own_voice("Kim spoke of the visit. “It is a brilliant day. The sinister enemy will fail,” he added.")
    words = {w for w, _, _ in voice.words}
    assert "kim" in words and "added" in words
    assert not {"brilliant", "sinister", "enemy"} & words


def test_two_right_single_quotes_close_a_quotation():
    words = {w for w, _, _ in own_voice("He watched the remake of “Evil Dead’’ to the end, a brutal film.").words}
    assert "brutal" in words and "remake" in words and not {"evil", "dead"} & words


def test_the_recogniser_skips_only_sentences_that_can_name_nobody(seed_story, monkeypatch):
    tokens = doc_cache.tokenised(["He said the talks would go on.", "Lavrov left.", "the talks in Pyongyang ended."])
    assert [doc_cache.can_name(d) for d in tokens] == [False, True, True]
    plain = ("He said the talks would go on.", "They met for two hours.", "Lavrov left.", "It was his first visit.")
    story = Story("s", (*seed_story.articles, Article("plain", " ".join(plain), sentences=plain)))
    recognizer = ner.SpacyRecognizer()
    cache = doc_cache.shared()
    run: list[str] = []  # the texts the recogniser runs on, whoever asks for their entities
    annotate = cache._annotate
    monkeypatch.setattr(
        cache, "_annotate", lambda entries, stage: run.extend(d.text for d, _ in entries) or annotate(entries, stage)
    )
    monkeypatch.setattr(cache, "_docs", type(cache._docs)())  # nothing annotated yet, nothing read
    monkeypatch.setattr(ner, "_READINGS", Memo())
    skipping = recognizer.mentions(story)
    names = summary_names.full_names({a.id: a for a in story.articles})
    assert "Lavrov left." in run and not {plain[0], plain[1], plain[3]} & set(run)
    assert any(m.article == "plain" and m.text == "Lavrov" for m in skipping)  # the surname of a person named
    monkeypatch.setattr(doc_cache, "can_name", lambda doc: True)
    monkeypatch.setattr(cache, "_docs", type(cache._docs)())
    monkeypatch.setattr(ner, "_READINGS", Memo())
    assert recognizer.mentions(story) == skipping
    assert summary_names.full_names({a.id: a for a in story.articles}) == names
    assert {plain[0], plain[1], plain[3]} <= set(run)


def test_the_count_check_parses_a_sentence_without_a_number_only_when_it_can_hold_a_list(monkeypatch):
    texts = [
        "The army deployed four tanks near the border.",
        "The army deployed a jeep, truck and tank to the region.",
        "The tanks of the army rolled on.",
        "The weather was fine.",
    ]
    story = Story("s", tuple(Article(id=f"a{n}", text=t, sentences=(t,)) for n, t in enumerate(texts)))
    monkeypatch.setattr(counts, "_COUNTS", Memo())  # read anew, not as an earlier test read it
    asked = _recording(monkeypatch, counts, "parsed")
    found = counts.count_conflicts(story.sentences())
    assert [[side.value for side in c.sides] for c in found] == [["a jeep, truck and tank", "four tanks"]]
    assert asked == texts[:2]
