"""Dates and time spans of two events in sentences of one fact, and runs of years, are no conflict."""

import pytest

from newsprism.analysis.doc_cache import shared
from newsprism.analysis.events import event_verbs
from newsprism.analysis.values import read_mentions
from tests.test_conflicts_precision import conflicts_of

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")


@needs_parser
def test_a_value_is_of_the_verb_its_phrase_hangs_from():
    text = "The club has played in the league for about 10 years, and it was founded in 1990."
    assert event_verbs(text, ["about 10 years", "1990"]) == ["play", "found"]
    # in a noun's phrase the noun tells the event, in words a rewording changes ("visit", "trip")
    assert event_verbs("It is her first visit to the island in 12 years.", ["12 years"]) == [""]
    assert event_verbs("She left in 2001.", ["since 1990 (34 years)"]) == [""]  # not in the text


@needs_parser
def test_years_of_two_events_are_no_conflict():
    complained = "Neighbours first complained about the noise in 2008, long before the factory was shut."
    fined = "The factory owner was fined in 2009 after neighbours complained about the noise."
    assert conflicts_of([complained], [fined]) == []
    assert conflicts_of([fined], [fined.replace("2009", "2011")]) == [["2009", "2011"]]


@needs_parser
def test_time_spans_of_two_events_are_no_conflict():
    spend = "Most lottery winners spend their whole prize in three years, the adviser said."
    run = "The state has run its lottery for about 12 years and has paid out to many winners."
    assert conflicts_of([spend], [run]) == []
    assert conflicts_of([run], [run.replace("about 12", "about 20")]) == [["about 12 years", "about 20 years"]]


def test_a_run_of_years_holds_the_years_in_it():
    served = "She spent a year in jail in 1994 and served a second sentence from 2001 to 2004, records show."
    [run] = [m for m in read_mentions(0, served, 2024) if m.role == "run"]
    assert (run.kind, run.low, run.high) == ("year", 2001, 2004)
    sent = "In 2001, a judge sent her back to jail for three years."
    assert conflicts_of([served], [sent]) == []
    assert conflicts_of([served], [served.replace("2001 to 2004", "2002 to 2005")]) == []  # the runs overlap
    assert conflicts_of([served], [served.replace("2001 to 2004", "2006 to 2009")]) == [
        ["2001 to 2004", "2006 to 2009"]
    ]


def test_copies_but_for_a_figure_are_of_one_event(monkeypatch):
    # a changed figure may parse differently (hung from another word): in copies of one sentence the
    # verbs are the same words, so the event read (here each sentence's own) is not asked
    monkeypatch.setattr("newsprism.analysis.conflicts.event_verbs", lambda text, values: [text] * len(values))
    left = "The family left the village in 2009, shortly before the war."
    assert conflicts_of([left], [left.replace("2009", "2011")]) == [["2009", "2011"]]
    fled = "The family fled from the village in 2011, when the war came."
    assert conflicts_of([left], [fled]) == []  # not copies: the events read differ


@needs_parser
def test_a_storys_sentences_are_parsed_together_before_the_events_of_their_dates(monkeypatch):
    # the doers' check parses every sentence in the end; the events of dates, asked sentence by sentence
    # before it, would parse each alone (about twice the time)
    cache = shared()
    batches = []
    annotate = cache._annotate

    def counted(entries, stage):
        if stage == "parse" and entries:
            batches.append(len(entries))
        return annotate(entries, stage)

    monkeypatch.setattr(cache, "_annotate", counted)
    first = ["The couple was married in 1987 in a small chapel near Lyon.", "They moved to Oslo in 1993 for work."]
    second = ["The couple was married in 1989 in a chapel near Lyon.", "The pair settled in Oslo in 1995."]
    conflicts_of(first, second)
    assert batches[0] == 4
