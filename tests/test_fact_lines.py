"""A line with no verb (a credit, a fact box's row, a flattened table) is linked to a sentence only when the two
are close as wholes, or give one set of figures."""

import pytest

from newsprism.analysis.doc_cache import shared
from newsprism.analysis.fact_lines import verbless

from .test_facts import facts_of
from .test_facts_anchors import story

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

CREDIT = "Produced by Rob Tapert, Sam Raimi, Bruce Campbell."
HUMOUR = (
    "The new film is far less humorous than its predecessor, which catapulted director Sam Raimi and star "
    "Bruce Campbell into long careers; Rob Tapert produced this one."
)
BOX = "16 March - first satellite image of potential debris in southern Indian Ocean"
TABLE = "New York - Manhattan $76,328 New York - Long Island $55,327 New Jersey - North/Central $53,986"
PROSE = "Long Island ($55,327) and North-Central New Jersey ($53,986) were also among the most expensive."


@needs_parser
def test_credits_box_rows_and_tables_have_no_verb_and_sentences_have_one():
    assert verbless([CREDIT, BOX, TABLE, "With: Jane Levy, Shiloh Fernandez, Lou Taylor Pucci."]) == [True] * 4
    # the small model tags "sit" and "expected" unsurely: any verb counts, not only a finite one
    assert (
        verbless([HUMOUR, PROSE, "Written by Alvarez, the story begins with five friends at a cabin."]) == [False] * 3
    )


@needs_parser
def test_a_credit_is_not_linked_to_a_sentence_naming_its_people_unless_close():
    # the credit's rare words (the names) are all in the sentence: a claim contained in it, were it a claim
    assert facts_of(story(CREDIT, HUMOUR), {(CREDIT, HUMOUR): 0.45}) == []
    assert facts_of(story(CREDIT, HUMOUR), {(CREDIT, HUMOUR): 0.70}) == [sorted([CREDIT, HUMOUR])]


@needs_parser
def test_a_table_row_and_the_sentence_reading_it_give_one_set_of_figures():
    assert facts_of(story(TABLE, PROSE), {(TABLE, PROSE): 0.45}) == [sorted([TABLE, PROSE])]
