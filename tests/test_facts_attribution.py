"""Two sentences quoting someone are compared by what they say, not by who says it: the speaker's name, age
and role and the verb of speech (the attribution) are left out of the words they share, so two lines of one
speaker are one fact only when their quoted words or their claims agree."""

import pytest

from newsprism.analysis import facts
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.fact_words import attribution, speakers_figures, speakers_phrase, speakers_words

from .test_facts import facts_of

pytestmark = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

WATER = "“The water rose faster than anyone expected,” said Maria Kowalski, 58, the town’s harbour master."
FERRY = (
    "“We are closing the ferry until further notice,” Maria Kowalski, 58, the town’s harbour master, told reporters."
)
CLOSED = "“The ferry stays closed until further notice,” said the harbour master, Maria Kowalski."
FLOOD = {
    "a": ["Floods hit the coast on Sunday.", WATER, FERRY],
    "b": ["Boats were moved inland.", CLOSED],
    "c": [WATER.replace("“The water rose faster than anyone expected,”", "“Nobody could have planned for this,”")],
}


def test_the_attribution_is_the_speakers_phrase_and_verb_outside_the_quotation():
    assert attribution(WATER) == {"maria", "kowalski", "58", "town", "harbour", "master"}
    # a speaker's word the rest of the sentence uses too is said of more than the speaker
    assert "master" not in attribution("“The master left,” said the harbour master.")
    assert attribution("The harbour master said the ferry stays closed.") == frozenset()
    # only what both attributions name is left out: one speaker's role word is another sentence's claim word
    assert speakers_words(WATER, "“It was the worst in years,” the mayor said of the harbour.") == frozenset()
    # a phrase both attributions hold is the speaker's, not a wording the two lines share
    assert speakers_phrase("harbour master", WATER, FERRY)
    assert not speakers_phrase("further notice", FERRY, CLOSED)


def test_two_lines_of_one_speaker_are_one_fact_only_when_their_words_agree(monkeypatch):
    other_line = FLOOD["c"][0]
    pairs = {(WATER, other_line): 0.7, (FERRY, CLOSED): 0.7}
    assert facts_of(FLOOD, pairs) == [sorted([FERRY, CLOSED])]
    # compared with their attributions, the two lines share the speaker's name, age and role and are joined
    monkeypatch.setattr(facts, "speakers_words", lambda a, b: frozenset())
    monkeypatch.setattr(facts, "speakers_figures", lambda a, b: False)
    monkeypatch.setattr(facts, "speakers_phrase", lambda phrase, a, b: False)
    assert sorted([WATER, other_line]) in facts_of(FLOOD, pairs)


def test_a_speakers_age_is_no_figure_the_two_lines_share():
    assert speakers_figures(WATER, FLOOD["c"][0])
    # a figure the quoted words give is
    assert not speakers_figures("“We lost 58 boats,” said Maria Kowalski, 58.", "“58 boats sank,” Kowalski, 58, said.")
    # as is an age told of someone other than the speaker
    assert not speakers_figures("Kowalski, 58, was rescued, “barely alive,” police said.", WATER)
