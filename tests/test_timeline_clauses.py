"""The timeline dates each event by the clause its date hangs from (analysis/timeline_clauses.py)."""

from datetime import date

import pytest

from newsprism.analysis.doc_cache import shared
from newsprism.analysis.timeline import build_timeline, timeline_dates
from newsprism.records import Article, Story

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")
MONDAY = date(2024, 6, 17)


@needs_parser
def test_a_date_in_a_side_clause_lists_that_clause_not_the_sentence():
    assert timeline_dates("Garcia, who died in August 1995, was buried in Marin.", None) == [
        ("1995-08", "Garcia died in August 1995")
    ]
    told = "The suit names a lawyer who represented the family of a singer who died in 2009."
    assert timeline_dates(told, None) == [("2009", "a singer died in 2009")]


@needs_parser
def test_a_dated_statement_is_listed_when_it_was_made_not_at_what_it_predicts():
    said = "Ushakov told reporters on Monday that the talks will take place on Wednesday."
    assert timeline_dates(said, MONDAY) == [("2024-06-17", None)]
    # undated, the statement is listed at what it announces
    assert timeline_dates("The talks will take place on Wednesday, officials said.", MONDAY) == [("2024-06-19", None)]


@needs_parser
def test_a_date_of_a_verbs_complement_with_its_own_subject_is_not_the_main_verbs():
    text = "The 2023 trip preceded Kim welcoming Russian officials to Pyongyang in July."
    assert timeline_dates(text, MONDAY) == [("2023-07", "Kim welcoming Russian officials to Pyongyang in July")]


def test_a_caption_stands_as_an_event_only_when_no_sentence_tells_it():
    caption = "In this Saturday, July 1, 2017, photo, people line up at the NuLeaf dispensary in Las Vegas."
    told = "People lined up at the NuLeaf dispensary in Las Vegas on July 1, 2017, the first day of sales."
    story = Story(
        "s", (Article(id="a", text=caption, sentences=(caption,)), Article(id="b", text=told, sentences=(told,)))
    )
    assert [(e.date, e.event, e.sources) for e in build_timeline(story)] == [("2017-07-01", told, ("b",))]
    alone = Story("s", (Article(id="a", text=caption, sentences=(caption,)),))
    assert [(e.date, e.event) for e in build_timeline(alone)] == [("2017-07-01", caption)]


def test_a_year_owning_a_noun_or_a_superlatives_baseline_dates_no_event():
    assert timeline_dates("Monday the Dow shed 1,175 points, wiping all of 2018's gains.", None) == []
    assert timeline_dates("Wages rose at the fastest pace in eight years, since 2009, the report said.", None) == []
    assert timeline_dates("It is the first such review since 2010, the groups said.", None) == [("2010", None)]


@needs_parser
def test_what_a_reporting_verb_announces_is_the_sentences_event_not_a_side_one():
    text = "The minister thanked residents and announced a thorough review starting on Wednesday."
    assert [clause for _, clause in timeline_dates(text, date(2025, 3, 4))] == [None]


@needs_parser
def test_a_relative_clause_hung_on_a_misparsed_root_lists_the_whole_sentence():
    # the parser reads "kneels" as a noun and the sentence's root: no noun phrase to tell the clause of
    text = (
        "A man kneels with his dog in front of candles which were being lit outside of St. Mary Church ahead"
        " of Sunday service on the anniversary of the flood in Dayton, Ohio December 14, 2014."
    )
    assert timeline_dates(text, None) == [("2014-12-14", None)]


@needs_parser
def test_a_date_of_an_event_named_after_a_sequence_word_lists_that_event_not_the_sentence():
    trip = "The encounter was Kim's second trip to Vladivostok after meeting Putin there in April 2019."
    assert timeline_dates(trip, MONDAY) == [("2019-04", "meeting Putin there in April 2019")]
    visit = "This visit follows their meeting in September."
    assert timeline_dates(visit, MONDAY) == [("2023-09", "their meeting in September")]
    charges = "He faces six charges stemming from a Sept. 2, 2015, incident."
    assert timeline_dates(charges, MONDAY) == [("2015-09-02", "a Sept. 2, 2015, incident")]
    # the main clause keeps its own date; a time after "after" is no event; a subject of "precede" is told
    assert timeline_dates("He was arrested on Monday after a shooting in March.", MONDAY) == [("2024-06-17", None)]
    assert timeline_dates("Putin arrived after midnight on Tuesday.", MONDAY) == [("2024-06-11", None)]
    assert timeline_dates("After the talks, on Monday, Kim left.", MONDAY) == [("2024-06-17", None)]


@needs_parser
def test_the_walk_up_to_a_sequence_word_ends_at_the_root():
    from newsprism.analysis.doc_cache import parsed
    from newsprism.analysis.timeline_clauses import _under_sequence

    doc = parsed(["Talks at the summit between Kim and Trump."])[0]
    assert _under_sequence(doc[-2], None) is None  # from "Trump" up to the root "Talks": no loop


def test_a_gallerys_captions_are_no_events_of_the_story():
    days = ["March 9", "March 11", "March 12", "March 13", "March 16"]
    captions = [f"In this photo taken {d}, 2014, navy crews search the sea for the missing plane." for d in days]
    gallery = Story("s", (Article(id="a", text=" ".join(captions), sentences=tuple(captions)),))
    assert build_timeline(gallery) == ()
    # fewer captions date their pictures, as one caption does
    assert len(build_timeline(Story("s", (Article(id="a", text="", sentences=tuple(captions[:4])),)))) == 4


def test_a_posts_signature_dates_its_words_as_a_reporting_sentences_date_does():
    # five posts are no gallery of captions: each is dated the day it was posted
    posts = tuple(f"Markets are booming, day {n}! — Pat Doe (@patdoe) August {n}, 2017" for n in range(1, 6))
    story = Story("s", (Article(id="a", text="\n".join(posts), sentences=posts),))
    assert [(e.date, e.event) for e in build_timeline(story)] == [(f"2017-08-0{n}", posts[n - 1]) for n in range(1, 6)]
