from newsprism.analysis.timeline import build_timeline, event_dates
from newsprism.records import Article, Story


def test_a_range_is_one_date_its_end_or_what_its_ends_share():
    assert event_dates("She worked there from January 2015 until April 2016.", None) == ["2016-04"]
    assert event_dates("The survey asked brides married between January 1 and December 31, 2014.", None) == ["2014"]


def test_comparisons_forecasts_and_corrections_date_no_event():
    assert event_dates("The leak was the worst since Three Mile Island in 1979, experts said in 2011.", None) == [
        "2011"
    ]
    assert event_dates("Turnout was 61% in 2014, compared with 58% in 2010.", None) == ["2014"]
    assert event_dates("The band grossed more than $30 million in 2014.", None) == ["2014"]
    assert event_dates("Coal demand will fall by half by 2030, the agency said.", None) == []
    assert event_dates("The new terminal will open in 2026.", None) == ["2026"]
    assert (
        event_dates("Correction: An earlier version of this story misstated the vote held in March 2016.", None) == []
    )


def test_a_values_baseline_dates_the_sentence_only_when_nothing_else_does():
    assert event_dates("In 2014, 50% of couples hired a band, up from 29% in 2009.", None) == ["2014"]
    assert event_dates("Spending rose to 76% in 2014 from 69% in 2010.", None) == ["2014"]
    assert event_dates("It cost $31,213 in 2014, well above a recent low of $26,984 in 2010.", None) == ["2014"]
    assert event_dates("As in 2013, Nebraska brides had the most guests in 2014.", None) == ["2014"]
    assert event_dates("The average wedding now has 136 guests, down from 149 in 2009.", None) == ["2009"]
    assert event_dates("He moved from Ohio in 2009; she left Texas in 2014.", None) == ["2009", "2014"]


def test_a_side_event_is_told_in_its_clause_however_short():
    text = "Lehmkuhl, who was elected in 2012, emailed a scathing resignation letter to the mayor."
    story = Story("s", (Article(id="a", text=text, sentences=(text,)),))
    assert [(e.date, e.event) for e in build_timeline(story)] == [("2012", "Lehmkuhl was elected in 2012")]


def test_the_main_clause_dates_the_sentence():
    assert event_dates("Garcia, who died in August 1995, last played there on July 9, 1995.", None) == ["1995-07-09"]
    assert event_dates("She co-founded the paper in 1931 and edited it until her death in 1980.", None) == ["1931"]
    assert event_dates("He edited the paper until his death in 1980.", None) == ["1980"]


def test_the_timeline_lists_a_sentence_under_its_event_date_only():
    text = "Garcia, who died in August 1995, last played with the band on July 9, 1995 in Chicago."
    story = Story("s", (Article(id="a", text=text, sentences=(text,)),))
    assert [(e.date, e.sources) for e in build_timeline(story)] == [("1995-07-09", ("a",))]


def test_a_weekday_naming_a_dates_day_is_that_date_not_one_near_publication():
    from datetime import date

    from newsprism.analysis.timeline import resolve_dates

    assert resolve_dates("In this Saturday, July 1, 2017, photo, people line up.", date(2024, 6, 17)) == ["2017-07-01"]
    assert resolve_dates("The singer died on Wednesday, November 21, his label said.", date(2018, 11, 23)) == [
        "2018-11-21"
    ]
    assert resolve_dates("Officials said last week's talks would resume on Wednesday.", date(2024, 6, 17)) == [
        "2024-06-19"
    ]
