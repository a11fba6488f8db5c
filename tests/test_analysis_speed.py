"""The faster readings of ner, own voice, quotations and copies give what the plain ones gave."""

from __future__ import annotations

import pytest

from newsprism.analysis.doc_cache import shared
from newsprism.analysis.figure_copies import copies_but_for_figures, figure_copies
from newsprism.analysis.ner import _titled_people
from newsprism.analysis.quotes import find_quotes
from newsprism.articles.sentences import _quote_marks, quoted_shares
from newsprism.records import Sentence

needs_spacy = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

TRICKY = [
    'He said: "We will win. They know it."',
    "“Never,” she said, “not once.”",
    '"Fans got here early.',
    "Took shirts and left.",
    '"They were gone fast." A stray " mark.',
    'x"y" and (“é” ) ""',
    "Plain text.",
]


def _shares_char_by_char(sentences: list[str]) -> list[list[int]]:
    """The letters in and out of quotation of each sentence, counted one character at a time with the
    marks :func:`quoted_shares` reads (no run-on: each sentence starts outside)."""
    counts = []
    for sentence in sentences:
        opens = {mark.position: mark.opens for mark in _quote_marks(sentence)}
        inside, quoted, letters = False, 0, 0
        for position, char in enumerate(sentence):
            if position in opens:
                inside = opens[position]
            elif char.isalpha():
                letters += 1
                quoted += inside
        counts.append([quoted, letters])
    return counts


def test_quoted_shares_count_the_letters_of_each_run_between_marks():
    for sentence, (quoted, letters) in zip(TRICKY, _shares_char_by_char(TRICKY), strict=True):
        marks = _quote_marks(sentence)
        expected = round(quoted / letters, 2) if letters else 0.0
        # alone, a sentence whose quotation is left open runs on nowhere: the share is the one counted here
        assert quoted_shares([sentence]) == [expected], (sentence, marks)


def test_figures_alone_differ_in_a_copy_but_for_figures():
    said = "The deal is worth $10 million, he said."
    assert copies_but_for_figures(said, "The deal is worth $16 million, he said.")
    assert not copies_but_for_figures(said, "The deal is worth $10 million, she said.")
    rows = [
        Sentence("a", 0, "Can the party win 40 seats in the election?"),
        Sentence("b", 0, "Can the party win 60 seats in the election?"),
        Sentence("c", 0, "Can the party win seats in the election?"),  # no figure: no copy but for one
    ]
    assert figure_copies(rows, 4) == {(0, 1)}


def test_quotations_read_twice_are_the_same():
    text = "“We will win this war together,” Ushakov said. He left."
    first = find_quotes(text)
    assert first == find_quotes(text) and first[0].speaker == "Ushakov"
    assert find_quotes(text, 20) == ()  # the minimum length is part of the key


def test_a_title_after_a_quotation_mark_or_in_capitals_still_makes_a_titled_person():
    found = _titled_people('"Minister of Natural Resources Alexander Kozlov met them."', [], "", frozenset())
    assert [m.text for m in found] == ["Alexander Kozlov"]
    assert _titled_people("The minister Alexander Kozlov met them.", [], "", frozenset()) == []


@needs_spacy
def test_lower_words_are_the_tokens_lower_forms():
    from newsprism.analysis.doc_cache import tokenised
    from newsprism.analysis.ownvoice import lower_words

    doc = tokenised(["The KREMLIN Said it would Go on; Déjà vu."])[0]
    assert lower_words(doc) == {t.lower_ for t in doc}


@needs_spacy
def test_an_entity_reading_keeps_each_word_outside_the_entities_with_the_word_before():
    from newsprism.analysis.doc_cache import entity_docs
    from newsprism.analysis.ner import _reading

    sentence = "Putin met Kim Jong Un in Pyongyang on Wednesday."
    doc = entity_docs([sentence])[0]
    reading = _reading(doc, sentence)
    words = [t.text for t in doc]
    assert reading.loose == tuple((words[t.i - 1] if t.i else "", t.text) for t in doc if not t.ent_type_)
    assert ("", "Putin") not in reading.loose and ("Pyongyang", "on") in reading.loose


@needs_spacy
def test_own_voice_leaves_out_each_quoted_token_and_keeps_the_rest():
    from newsprism.analysis.ownvoice import own_voice

    voice = own_voice("The regime railed: “The heroic army will win.” Officials were calm and “ready” today.")
    words = [w for w, _, _ in voice.words]
    assert "heroic" not in words and "ready" not in words
    assert {"regime", "railed", "officials", "calm", "today"} <= set(words)
    assert voice.sentences == ("The regime railed:", "Officials were calm and today.")
