"""The report's facts keep only sentences that state their row's claim: not a conflict's other side, not a
denial of it, not a sentence joined to it by the story's topic while it tells another sentence's claim."""

from dataclasses import dataclass, replace

import numpy as np
import pytest

from newsprism.analysis.coined_names import REASON as COINED
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.fact_trim import final_facts, opposite_polarity
from newsprism.records import Conflict, ConflictSide, Evidence, Fact, Sentence

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")


@dataclass
class Embedded:
    """The part of :class:`newsprism.embed.EmbeddedSentences` the trimming reads, with vectors given."""

    sentences: list[Sentence]
    vectors: np.ndarray


def embedded(rows: list[tuple[str, str]], cosines: dict[tuple[int, int], float]) -> Embedded:
    """Sentences (article, text) with unit vectors whose cosines are those given, 0.5 elsewhere."""
    n = len(rows)
    gram = np.full((n, n), 0.5)
    np.fill_diagonal(gram, 1.0)
    for (i, j), c in cosines.items():
        gram[i, j] = gram[j, i] = c
    vectors = np.linalg.cholesky(gram)
    sentences = [Sentence(article, k, text) for k, (article, text) in enumerate(rows)]
    return Embedded(sentences, vectors)


def fact(rows: list[tuple[str, str]], members: list[int]) -> Fact:
    evidence = tuple(Evidence(*rows[m]) for m in members)
    return Fact("f1", rows[members[0]][1], tuple(dict.fromkeys(e.article for e in evidence)), evidence)


YEARS = [
    ("a", "Putin arrived in Pyongyang, his first visit in 24 years."),
    ("b", "It is Putin's first trip to Pyongyang in 24 years."),
    ("c", "It is Putin's first trip to Pyongyang in nearly two decades."),
]


def test_a_sentence_on_the_other_side_of_a_conflict_is_not_evidence_of_the_fact():
    sides = (
        ConflictSide("24 years", ("a", "b"), (Evidence(*YEARS[0]), Evidence(*YEARS[1]))),
        ConflictSide("nearly two decades", ("c",), (Evidence(*YEARS[2]),)),
    )
    conflict = Conflict("c1", "time span", sides)
    found = final_facts(
        (fact(YEARS, [0, 1, 2]),), (conflict,), embedded(YEARS, {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9})
    )
    assert found[0].sources == ("a", "b") and found[0].disputed_by == ("c",)
    # the other side's sentence is a fact of its own source, not lost
    assert [(f.text, f.sources) for f in found[1:]] == [(YEARS[2][1], ("c",))]


NAMES = [
    ("a", "It uses what Lenovo calls the Aura UI, which uses drag-wheels to launch videos and games."),
    ("b", 'Lenovo\'s "Moon Dial" interface opens, providing a wheel-based interface for launching apps.'),
]


def test_one_things_two_names_leave_what_is_told_of_it_one_fact():
    values = ("Aura UI", "Moon Dial")
    sides = tuple(ConflictSide(v, (a,), (Evidence(a, t),)) for v, (a, t) in zip(values, NAMES, strict=True))
    named = Conflict("c1", "name Lenovo gives one thing", sides, kind="name", reasons=(COINED,), confidence=0.5)
    found = final_facts((fact(NAMES, [0, 1]),), (named,), embedded(NAMES, {(0, 1): 0.9}))
    assert found[0].sources == ("a", "b") and not found[0].disputed_by
    # the same two sides read as two values of one thing are two facts
    split = final_facts((fact(NAMES, [0, 1]),), (replace(named, reasons=()),), embedded(NAMES, {(0, 1): 0.9}))
    assert split[0].sources == ("a",) and split[0].disputed_by == ("b",)


def test_without_a_conflict_the_fact_keeps_its_sources():
    found = final_facts((fact(YEARS, [0, 1, 2]),), (), embedded(YEARS, {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9}))
    assert found[0].sources == ("a", "b", "c") and not found[0].disputed_by


FLOORS = [
    ("a", "The impact sent the elevator plummeting down to the 17th floor."),
    ("b", "First responders were badly rattled by the sight inside the elevator shaft."),
    ("b", "The car plunged to the 15th floor."),
    ("c", "Rescuers reached the car on the 17th floor within minutes."),
]


def test_an_article_giving_another_value_is_no_source_of_the_fact_through_a_sentence_without_the_figure():
    sides = (
        ConflictSide("17th floor", ("a", "c"), (Evidence(*FLOORS[0]), Evidence(*FLOORS[3]))),
        ConflictSide("15th floor", ("b",), (Evidence(*FLOORS[2]),)),
    )
    conflict = Conflict("c1", "floor", sides)
    row = fact(FLOORS, [0, 1, 3])
    found = final_facts((row,), (conflict,), embedded(FLOORS, {(0, 1): 0.9, (0, 3): 0.9, (1, 3): 0.9}))
    assert found[0].sources == ("a", "c") and found[0].disputed_by == ("b",)


TOPIC = [
    ("a", "The stock market is way up again today, Trump said."),
    ("a", "Trump said in his address that stocks smashed one record after another."),
    ("b", "Stocks have smashed one record after another, Trump told Congress."),
]


def test_a_sentence_telling_another_sentence_of_the_row_s_article_is_left_out():
    # b's sentence is the State of the Union remark: far closer to a's second sentence than to the row
    rows = embedded(TOPIC, {(0, 2): 0.66, (1, 2): 0.9})
    found = final_facts((fact(TOPIC, [0, 2]),), (), rows)
    assert [f.sources for f in found if f.text == TOPIC[0][1]] == [("a",)]
    # as close to the row as to its counterpart, it is kept
    kept = final_facts((fact(TOPIC, [0, 2]),), (), embedded(TOPIC, {(0, 2): 0.8, (1, 2): 0.9}))
    assert kept[0].sources == ("a", "b")


def test_sentences_left_out_that_state_one_claim_to_each_other_are_a_fact_of_their_own():
    rows = [*TOPIC, ("c", "Trump told Congress stocks have smashed one record after another.")]
    cosines = {(0, 2): 0.66, (0, 3): 0.66, (1, 2): 0.9, (1, 3): 0.9, (2, 3): 0.95}
    found = final_facts((fact(rows, [0, 2, 3]),), (), embedded(rows, cosines))
    assert (rows[2][1], ("b", "c")) in [(f.text, f.sources) for f in found]


@needs_parser
def test_a_denial_of_the_row_s_claim_is_another_claim():
    assert opposite_polarity(
        "Vasiliades pleaded not guilty to the charges.",
        "In 2015, owner Anthony Vasiliades was arrested and pleaded guilty in U.S. District Court.",
    )
    assert opposite_polarity("He returned home.", "He failed to return home.")
    # two wordings of one denial, and a denial in a clause of cause, deny nothing the other states
    assert not opposite_polarity(
        "Investigators have not ruled out technical problems.", "Investigators have ruled nothing out."
    )
    assert not opposite_polarity("McCullum has yet to appear in court.", "McCullum has not yet appeared in court.")
    assert not opposite_polarity(
        "The listing will stay because the bears were not considered in danger.",
        "The agency explained why the bears should be considered threatened.",
    )


@needs_parser
def test_a_fact_leaves_out_a_sentence_denying_its_row():
    rows = [
        ("a", "Vasiliades pleaded not guilty to the charges."),
        ("b", "Vasiliades pleaded guilty to the charges in 2015."),
    ]
    found = final_facts((fact(rows, [0, 1]),), (), embedded(rows, {(0, 1): 0.9}))
    assert [f.sources for f in found] == [("a",), ("b",)]


def test_one_line_in_two_articles_that_no_link_joined_is_two_facts():
    # "Damn." states no claim, so grouping links it to nothing: each article's line is a fact of its own
    rows = [("a", "Damn."), ("b", "Damn."), ("a", "Prodigy died Tuesday."), ("b", "Prodigy died on Tuesday.")]
    found = final_facts(
        (fact(rows, [2, 3]), fact(rows, [0]), fact(rows, [1])), (), embedded(rows, {(0, 1): 0.99, (2, 3): 0.9})
    )
    assert sorted((f.text, f.sources) for f in found if f.text == "Damn.") == [("Damn.", ("a",)), ("Damn.", ("b",))]
    # one sentence seeding two groups is still one fact
    twice = final_facts((fact(rows, [2, 3]), fact(rows, [2])), (), embedded(rows, {(2, 3): 0.9}))
    assert [(f.text, f.sources) for f in twice] == [("Prodigy died Tuesday.", ("a", "b"))]


SHOW = [
    ("a", "“What I need is the ability to get through red tape,” she said on CNN's “State of the Union.”"),
    ("b", "“It's just stunningly, breathtakingly naive,” the former House speaker said on CNN's “State of the Union.”"),
]


def test_two_lines_of_speech_by_two_voices_are_two_facts():
    # close as wholes, but each quotes its own line: the show's title both print is no line of theirs
    found = final_facts((fact(SHOW, [0, 1]),), (), embedded(SHOW, {(0, 1): 0.9}))
    assert [f.sources for f in found] == [("a",), ("b",)]


def test_one_line_quoted_in_part_by_each_outlet_is_one_fact():
    rows = [
        ("a", "“I have long believed the pope is one of the great moral leaders of the world,” said Sanders."),
        ("b", "Sanders called the Pope “one of the great moral leaders of the world.”"),
        ("c", "“We want U.S. jobs now,” the crowd chanted outside the plant."),
        ("d", "“We want US jobs now,” protesters shouted."),
    ]
    cosines = {(0, 1): 0.9, (2, 3): 0.95}
    assert final_facts((fact(rows, [0, 1]),), (), embedded(rows, cosines))[0].sources == ("a", "b")
    # a line printed with "U.S." by one outlet and "US" by another is one line
    assert final_facts((fact(rows, [2, 3]),), (), embedded(rows, cosines))[0].sources == ("c", "d")


@needs_parser
def test_one_speaker_s_two_lines_may_state_one_claim():
    rows = [
        ("a", "“I will not be a part of this deal,” Progressive Caucus leader Raul Grijalva said in a statement."),
        ("b", "“This deal trades people's livelihoods for votes, and I will not support it,” said Raul Grijalva."),
    ]
    assert final_facts((fact(rows, [0, 1]),), (), embedded(rows, {(0, 1): 0.9}))[0].sources == ("a", "b")


BODIES = [
    ("a", "Police would not identify the bodies found near the creek at a press conference on Tuesday."),
    ("b", "“We are investigating this as a crime scene,” Sgt. Kim Riley said of the bodies found near the creek."),
    ("c", "“No further information will be released,” Chief Mark Davis said of the bodies found near the creek."),
    ("d", "Police did not identify the bodies found near the creek on Tuesday."),
]


def test_two_sentences_kept_by_one_row_must_state_one_claim_to_each_other():
    # each shares the row's words; two lines of speech by two voices are two claims: the one farther from the
    # row leaves it, and is a fact of its own source
    cosines = {(0, 1): 0.8, (0, 2): 0.7, (0, 3): 0.9, (1, 3): 0.7, (2, 3): 0.65}
    found = final_facts((fact(BODIES, [0, 1, 2, 3]),), (), embedded(BODIES, cosines))
    assert [(f.text, f.sources) for f in found] == [
        (BODIES[0][1], ("a", "b", "d")),
        (BODIES[2][1], ("c",)),
    ]
    # closer to the row, the other line stays and the first leaves
    cosines = {(0, 1): 0.7, (0, 2): 0.8, (0, 3): 0.9, (1, 3): 0.65, (2, 3): 0.7}
    found = final_facts((fact(BODIES, [0, 1, 2, 3]),), (), embedded(BODIES, cosines))
    assert [f.sources for f in found] == [("a", "c", "d"), ("b",)]
