"""Readings kept by a sentence's text (issue 21: a story grown by one article reads only that one): what a
reader reads anew, handed out at the row the story holds the sentence at, a new list each time."""

import numpy as np
import pytest

from newsprism.analysis import ages, counts, dated_works, measures
from newsprism.analysis.conflicts import ConflictsConfig, _read_values
from newsprism.analysis.doc_cache import installed_model, parsed
from newsprism.analysis.memo import at_row
from newsprism.analysis.parse import speech_acts
from newsprism.dedup import find_near_duplicates, sketch
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import Article, Sentence, Story

MEASURED = "The storm dropped 15.2 inches of snow in Madison on Monday and 19 inches on Tuesday."
AGED = "Maria Kowalski, 58, and her son Tomas Kowalski, 31, ran the ferry."
COUNTED = "Police arrested three men and seized two cars in 2019."
DATED = "She wrote a 2012 memoir, “My Infamous Life”, and a 2015 novel."
needs_spacy = pytest.mark.skipif(installed_model() is None, reason="reads a parse")


def test_at_row_hands_out_readings_at_the_row_asked_in_a_new_list():
    kept = tuple(measures.read_measures(0, MEASURED))
    assert [m.row for m in at_row(kept, 6)] == [6] * len(kept)
    at_zero = at_row(kept, 0)
    at_zero.clear()
    assert len(at_row(kept, 0)) == len(kept) > 0


def test_measures_kept_are_those_read_anew_at_each_row():
    for row in (4, 9, 0):
        assert measures.read_measures(row, MEASURED) == measures._read_measures(row, MEASURED)


def test_ages_kept_are_given_to_the_sentence_asking():
    first, second = Sentence("a", 2, AGED), Sentence("b", 5, AGED)
    assert [(c.person, c.age) for c in ages._claims(first)] == [("Maria Kowalski", 58), ("Tomas Kowalski", 31)]
    assert {c.sentence for c in ages._claims(second)} == {second}


@needs_spacy
def test_counts_and_dated_nouns_kept_are_read_at_each_row():
    sentences = [Sentence("a", 0, COUNTED), Sentence("b", 0, DATED), Sentence("c", 0, COUNTED)]
    read = counts._read(sentences, [2, 0])
    assert sorted(c.row for c in read) == [0, 2]  # "Police arrested three men"
    assert {c.key for c in read if c.row == 0} == {c.key for c in read if c.row == 2}
    texts = [DATED, COUNTED, DATED]
    named = dated_works._named_at(texts, [2, 0])
    assert sorted(n.row for n in named) == [0, 0, 2, 2]
    assert [n.year for n in named if n.row == 2] == [n.year for n in named if n.row == 0] == [2012, 2015]


def test_a_sentences_values_for_conflicts_are_read_at_its_row_and_year():
    text = "The bridge, open since 2000, carried 12 trucks at 3 p.m. on May 3."
    story = Story("s", (Article(id="a", text=text, sentences=(text,)), Article(id="b", text=text, sentences=(text,))))
    sentences = list(story.sentences())
    by_row = _read_values(story, sentences, ConflictsConfig())
    assert [{m.row for m in found} for found in by_row] == [{0}, {1}]
    assert [(m.kind, m.surface) for m in by_row[0]] == [(m.kind, m.surface) for m in by_row[1]]


@needs_spacy
def test_speech_acts_are_the_verbs_asked_for_with_a_subject_by_the_dependencies_asked_for():
    doc = parsed(["Smith said the bridge was closed, and the mayor was told nothing."])[0]
    said = [
        (verb.lemma_, [s.text for s in subjects])
        for verb, subjects in speech_acts(doc, frozenset({"say"}), frozenset({"nsubj"}))
    ]
    assert said == [("say", ["Smith"])]
    told = speech_acts(doc, frozenset({"say", "tell"}), frozenset({"nsubjpass"}))
    assert [(verb.lemma_, [s.text for s in subjects]) for verb, subjects in told] == [("tell", ["mayor"])]


def test_a_texts_sketch_is_kept_read_only_and_given_to_each_article():
    text = "The rocket lifted off from the coast on Tuesday morning after two delays caused by wind and rain."
    a, b = sketch("a", text), sketch("b", text)
    assert (a.article, b.article) == ("a", "b") and a.fingerprint == b.fingerprint
    assert np.array_equal(a.signature, b.signature)
    with pytest.raises(ValueError):
        a.signature[0] = 0
    pairs = find_near_duplicates([Article(id="x", text=text), Article(id="y", text=text)])
    assert [(p.first, p.second, p.exact) for p in pairs] == [("x", "y", True)]


def test_an_articles_vectors_gathered_once_are_its_rows_vectors():
    articles = tuple(Article(id=i, text=t, sentences=tuple(t.split(". "))) for i, t in (("a", AGED), ("b", "One. Two")))
    embedded = EmbeddedSentences(list(Story("s", articles).sentences()), load_embedder("hashing")[0])
    for article in ("a", "b", "c"):
        assert np.array_equal(embedded.article_vectors(article), embedded.vectors[embedded.rows(article)])
    assert embedded.article_vectors("b") is embedded.article_vectors("b")
