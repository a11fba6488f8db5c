"""Conflicts that no value of one fact shows: an event given two weekdays, a person two homes, an act
two doers, and a figure changed in a copied sentence that states no claim (the writer's question)."""

import pytest

from newsprism.analysis.conflicts import CONFIDENT, find_conflicts
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.doers import doer_conflicts
from newsprism.analysis.homes import home_conflicts
from newsprism.analysis.weekdays import weekday_conflicts
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Story

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")


def story_of(first: list[str], second: list[str]) -> Story:
    return Story(
        "s",
        (
            Article("a", " ".join(first), sentences=tuple(first)),
            Article("b", " ".join(second), sentences=tuple(second)),
        ),
    )


def sides(found) -> list[list[str]]:
    return [[side.value for side in c.sides] for c in found]


@needs_parser
def test_an_event_and_its_noun_given_two_weekdays_conflict():
    story = story_of(
        ["Two former aides were indicted Thursday for circulating the images."],
        ["According to an indictment handed up Tuesday and unsealed Thursday, the aide offered to help."],
    )
    found = weekday_conflicts(story.sentences())
    assert sides(found) == [["Thursday", "Tuesday"]]
    assert found[0].confidence < CONFIDENT and found[0].reasons


@needs_parser
def test_one_verb_or_one_noun_on_two_weekdays_may_be_two_events():
    # events recur under one verb: the Dow closes every day, the House and the Senate each pass a plan
    friday = ["On Friday the Dow closed down just under 666 points after a volatile session."]
    monday = ["On Monday the Dow closed down 1,175 points after a volatile session."]
    assert weekday_conflicts(story_of(friday, monday).sentences()) == []
    passed = story_of(["The House passed the plan Wednesday."], ["The Senate passed the plan on Friday."])
    assert weekday_conflicts(passed.sentences()) == []
    held = story_of(["A hearing was held Monday in the case."], ["A hearing was held on Thursday in the case."])
    assert weekday_conflicts(held.sentences()) == []
    said = story_of(["Police said Monday that the suspect was arrested."], ["An arrest was made, police said Tuesday."])
    assert weekday_conflicts(said.sentences()) == []
    # an arrest told by its noun and by its verb, two weekdays: one event dated twice
    made = ["An arrest was made Monday near the border."]
    arrested = story_of(made, ["The suspect was arrested on Tuesday."])
    assert sides(weekday_conflicts(arrested.sentences())) == [["Monday", "Tuesday"]]
    # an article giving the event both weekdays tells of two arrests
    twice = story_of(made, ["The suspect was arrested Monday.", "His brother was arrested on Tuesday."])
    assert weekday_conflicts(twice.sentences()) == []


@needs_parser
def test_a_person_given_two_homes_conflicts_unless_one_may_hold_the_other():
    opening = ["A Flagler County woman was arrested after she crashed a wedding.", "Shelby Roe, 20, told deputies."]
    named = ["Shelby Roe, of Lake Butler, told deputies she showed up at the resort."]
    found = home_conflicts(story_of(opening, named), story_of(opening, named).sentences())
    assert sides(found) == [["Flagler County", "Lake Butler"]] and found[0].reasons
    # a state may hold the town; an article naming the other's place may place the town in the county
    state = [opening[0].replace("Flagler County", "Florida"), opening[1]]
    assert home_conflicts(story_of(state, named), story_of(state, named).sentences()) == []
    knows = [*named, "She was taken to the Flagler County jail."]
    assert home_conflicts(story_of(opening, knows), story_of(opening, knows).sentences()) == []
    # after the name, both ways
    a, b = ["Jane Roe, 41, of Dayton, was arrested."], ["Jane Roe, of Akron, was arrested."]
    assert sides(home_conflicts(story_of(a, b), story_of(a, b).sentences())) == [["Dayton", "Akron"]]


@needs_parser
def test_an_act_given_two_doers_conflicts_only_when_they_are_surely_two_people():
    a = ["The victim contacted police and agreed to wear a recording device at the meeting."]
    b = ["At the meeting, the victim's husband wore a recording device provided by police."]
    found = doer_conflicts(story_of(a, b), story_of(a, b).sentences())
    assert sides(found) == [["The victim", "the victim's husband"]] and found[0].confidence < CONFIDENT
    # a role noun and a name may be one person
    role = ["The attorney tried to initiate an arbitration proceeding."]
    name = ["Michael Cohen initiated an arbitration proceeding last week."]
    assert doer_conflicts(story_of(role, name), story_of(role, name).sentences()) == []
    # an article that names both people may tell of each of them doing it
    knows = ["Kim Kardashian may have consulted a top divorce lawyer."]
    short = ["Kardashian has consulted a top divorce lawyer, Kim's friends said."]
    assert doer_conflicts(story_of(knows, short), story_of(knows, short).sentences()) == []


def test_a_figure_changed_in_the_writers_question_conflicts():
    first = ["Will the plant really cost $40 million, as the minister promised last year?"]
    second = [first[0].replace("40", "60")]
    story = story_of(first, second)
    found = find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), ())
    assert sorted(sorted(v) for v in sides(found)) == [["$40 million", "$60 million"]]
    # a label too short to be a copy is not read as one
    story = story_of(["Photo 3 of 12"], ["Photo 5 of 12"])
    assert find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), ()) == ()
