"""Conflicts over who said a quotation: one quotation, two people named as its speaker."""

from newsprism.analysis.speakers import speaker_conflicts
from newsprism.analysis.summary_conflicts import lends_a_value
from newsprism.records import Article, Story

QUOTE = "“You know how things are with the new laws now; someone goes to court, and boom, they get taken away,”"


def speakers(first: str, second: str) -> list[list[str]]:
    a, b = Article("a", first, sentences=(first,)), Article("b", second, sentences=(second,))
    story = Story("s", (a, b))
    return [[side.value for side in c.sides] for c in speaker_conflicts(story, story.sentences())]


def test_one_quotation_given_to_two_people_is_a_conflict():
    first = f"{QUOTE} Rodriguez told the victim's husband in the recorded conversation."
    second = f"{QUOTE} Christos Vasiliades allegedly told the victim and her husband."
    assert speakers(first, second) == [["Christos Vasiliades", "Rodriguez"]]


def test_a_quotation_split_over_two_sentences_keeps_its_speaker():
    split = (
        "“You know how things are with the new laws now. Someone goes to court and, boom, they get taken away,”"
        " Christos Vasiliades allegedly told the victim."
    )
    a = Article("a", f"{QUOTE} Rodriguez told the victim's husband.", sentences=(f"{QUOTE} Rodriguez told him.",))
    b = Article(
        "b",
        split,
        sentences=(
            "“You know how things are with the new laws now.",
            "Someone goes to court and, boom, they get taken away,” Christos Vasiliades allegedly told the victim.",
        ),
    )
    story = Story("s", (a, b))
    (conflict,) = speaker_conflicts(story, story.sentences())
    assert conflict.sides[0].evidence[0].sentence.startswith("Someone goes to court")


def test_the_same_person_spelt_or_named_otherwise_is_no_conflict():
    assert speakers(f"{QUOTE} Vasiliades said.", f"{QUOTE} Christos Vasiliades said.") == []
    assert speakers(f"{QUOTE} Bélanger said.", f"{QUOTE} Belanger said.") == []


def test_speakers_that_are_no_person_or_not_named_in_the_sentence_are_left_out():
    assert speakers(f"{QUOTE} Rodriguez said.", f"{QUOTE} the indictment said.") == []
    assert speakers(f"{QUOTE} Rodriguez said.", f"{QUOTE} he said.") == []


def test_different_quotations_are_no_conflict():
    other = "“We will not give up this fight for the families of the victims,”"
    assert speakers(f"{QUOTE} Rodriguez said.", f"{other} Vasiliades said.") == []


def test_a_summary_sentence_giving_the_quotation_to_one_side_may_not_cite_the_other():
    a = Article("a", f"{QUOTE} Rodriguez told him.", sentences=(f"{QUOTE} Rodriguez told him.",))
    b = Article("b", f"{QUOTE} Vasiliades told him.", sentences=(f"{QUOTE} Vasiliades told him.",))
    story = Story("s", (a, b))
    conflicts = tuple(speaker_conflicts(story, story.sentences()))
    told = f"Court papers say Vasiliades told the husband {QUOTE}"
    assert lends_a_value(told, ("a", "b"), conflicts)
    assert not lends_a_value(told, ("b",), conflicts)
    # the other side's name elsewhere lends nothing
    assert not lends_a_value("He said Rodriguez would wait outside the courthouse.", ("a", "b"), conflicts)
