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


def story_of(*articles: tuple[str, ...]) -> Story:
    return Story("s", tuple(Article(f"d{k}", " ".join(rows), sentences=rows) for k, rows in enumerate(articles)))


DOCS = "“They are going to ask you, ‘Do you have all your documents with you?’"
NAMED = (f"{DOCS}”", "Rodriguez was recorded saying, according to the indictment.")
CARRIED = (
    "“My client is going to tell them that she is here illegally too,” the lawyer said, according to the indictment.",
    f"{DOCS} Then it is all over.”",
    "He said that the attorney's associate, Edgar Rodriguez, would be holding the cash.",
)


def test_a_speaker_named_in_the_sentence_next_to_the_quotation_counts():
    other = (f"{DOCS}” Vasiliades said.",)
    (conflict,) = speaker_conflicts(story_of(NAMED, other), story_of(NAMED, other).sentences())
    assert [s.value for s in conflict.sides] == ["Rodriguez", "Vasiliades"]
    assert [e.sentence for e in conflict.sides[0].evidence] == list(NAMED)  # the quotation and its attribution


def test_a_described_speaker_against_a_named_one_is_a_possible_difference():
    story = story_of(NAMED, CARRIED)
    (conflict,) = speaker_conflicts(story, story.sentences())
    assert [s.value for s in conflict.sides] == ["Rodriguez", "the lawyer"]
    assert conflict.confidence == 0.5
    assert conflict.sides[1].evidence[1].sentence == CARRIED[0]


def test_a_described_speaker_is_no_conflict_unless_the_named_one_is_called_something_else():
    # the describing outlet never says what Rodriguez is: the lawyer may be Rodriguez
    unsaid = (*CARRIED[:2], "He said Rodriguez would be holding the cash.")
    # it calls Rodriguez the lawyer
    same = (*CARRIED[:2], "He said that the lawyer, Edgar Rodriguez, would be holding the cash.")
    # a document is no described speaker
    document = (CARRIED[0].replace("the lawyer said", "the indictment said"), *CARRIED[1:])
    for rows in (unsaid, same, document):
        story = story_of(NAMED, rows)
        assert speaker_conflicts(story, story.sentences()) == []
