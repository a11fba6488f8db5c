"""Sentence splitting: abbreviations that end a sentence or stand inside one, and sentences glued
without a space."""

from __future__ import annotations

import pytest

from newsprism.articles.sentences import add_sentences, split_sentences
from newsprism.records import Article


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an abbreviation that ends a name ends the sentence before a word that opens sentences
        (
            "It ranks between #250 and 500 in the U.S. Also, Kroll was dealing with a complaint.",
            ["It ranks between #250 and 500 in the U.S.", "Also, Kroll was dealing with a complaint."],
        ),
        (
            "The mechanic arrived Thursday at 9 a.m. He was working on the elevator.",
            ["The mechanic arrived Thursday at 9 a.m.", "He was working on the elevator."],
        ),
        (
            "They told Don Kagin from Kagin's, Inc. The couple hired him.",
            ["They told Don Kagin from Kagin's, Inc.", "The couple hired him."],
        ),
        (
            "said Ed Yardeni of Yardeni Research Inc. “I think it was 2009.”",
            ["said Ed Yardeni of Yardeni Research Inc.", "“I think it was 2009.”"],
        ),
    ],
)
def test_abbreviation_at_the_end_of_a_sentence(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The U.S. Senate met on Monday.",
        "Mr. Smith met Gen. Lee and the Rev. James Martin.",
        "Two Republicans voted no: Sens. Ted Cruz and Rand Paul.",
        "Brig. Gen. Bill Seekins spoke, said LAPD Det. Chris Barling.",
        "The shooting happened about 11 a.m. May 29, police said.",
        "He sang Hank Williams Jr. “Are You Ready for Some Football?” at the game.",
        # a title-case headline is not two sentences
        "Why the U.S. In Talks With Iran Matters",
        # initials before a surname, and abbreviations before a figure
        "The firm also sued J.C. Penney, and J.R.R. Tolkien's heirs.",
        "Temperatures were 860–900 °C (ref. 26), as in Figs. 1B and 1C, and in “Shook Ones Pt. II.”",
    ],
)
def test_abbreviation_inside_a_sentence(paragraph: str) -> None:
    assert split_sentences(paragraph) == [paragraph]


def test_sentences_glued_without_a_space() -> None:
    assert split_sentences("Barling said.Investigators believe the color angered him.The boy died.") == [
        "Barling said.",
        "Investigators believe the color angered him.",
        "The boy died.",
    ]
    # after a number, and before "I"
    assert split_sentences("He spoke on January 8, 2014.City leaders say it saves $20,000.") == [
        "He spoke on January 8, 2014.",
        "City leaders say it saves $20,000.",
    ]
    assert split_sentences('She wrote a letter."I\'m paraphrasing Ford," she said.') == [
        "She wrote a letter.",
        '"I\'m paraphrasing Ford," she said.',
    ]
    assert split_sentences("It runs version 2.0 of iOS.Apple said so.") == ["It runs version 2.0 of iOS.Apple said so."]


def test_a_glued_quote_mark_goes_with_the_quotation_it_closes_or_opens() -> None:
    closing = 'She said, "It is bad. Two illnesses are going on."The diagnosis came later.'
    assert split_sentences(closing) == [
        'She said, "It is bad.',
        'Two illnesses are going on."',
        "The diagnosis came later.",
    ]
    opening = 'He wants a cut of the profits."Kendra is no fool," a friend said.'
    assert split_sentences(opening) == ["He wants a cut of the profits.", '"Kendra is no fool," a friend said.']


def test_web_addresses_and_decimals_are_not_glued_sentences() -> None:
    for text in [
        "Visit www.example.com or call 3.5 times.",
        "Email: Daniel.Miller@THR.com",
        "See www.Example.com now.",
    ]:
        assert split_sentences(text) == [text]


def test_initials_end_a_sentence_before_an_opener() -> None:
    assert split_sentences("He studied under W.E.B. He later taught.") == [
        "He studied under W.E.B.",
        "He later taught.",
    ]


def _sentences(text: str) -> tuple[str, ...]:
    return add_sentences(Article("a", text)).sentences


def test_a_cut_off_last_line_is_a_sentence_not_a_subheading() -> None:
    cut = "Instead, thermal modeling revealed a wedge of a rock called serpentinite that’s"
    assert _sentences(f"Hansen expected a heat source.\n{cut}")[-1] == cut


def test_a_figure_under_its_label_is_a_sentence() -> None:
    text = "The survey asked 16,000 brides.\nPercentage of Destination Weddings: 24%\nRunning time: 1 hour, 30 minutes"
    assert _sentences(text)[1:] == ("Percentage of Destination Weddings: 24%", "Running time: 1 hour, 30 minutes")


def test_subheadings_and_labelled_links_stay_out() -> None:
    text = (
        "The survey asked 16,000 brides.\nTop 2014 Wedding Trends\nMore info: http://example.com/2014\n"
        "WATCH: $10M Gold Coins May Be Linked to Heist\nThe Places Americans Are Moving To\nDear Friends of Nepal,"
    )
    assert _sentences(text) == ("The survey asked 16,000 brides.",)
