"""Conflicts over how many things one subject acted on, read with spaCy's dependency parse."""

import pytest

from newsprism.analysis.counts import count_conflicts
from newsprism.analysis.parse import parser
from newsprism.records import Article, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")


def counted(*texts: str) -> list[list[str]]:
    story = Story("s", tuple(Article(id=f"a{n}", text=t, sentences=(t,)) for n, t in enumerate(texts)))
    return [[side.value for side in c.sides] for c in count_conflicts(story.sentences())]


def test_the_a_of_a_list_against_a_number_is_a_possible_difference():
    found = counted(
        "The fire department sent a ladder truck, tanker and ambulance to the farm.",
        "The fire department sent three ambulances from the county station.",
    )
    assert found == [["a ladder truck, tanker and ambulance", "three ambulances"]]


def test_two_numbers_under_one_subject_and_verb_differ():
    assert counted("The army deployed four tanks near the border.", "The army deployed six tanks to the region.") == [
        ["four tanks", "six tanks"]
    ]


def test_hedged_other_subjects_other_verbs_and_equal_counts_are_not_conflicts():
    first = "The army deployed four tanks near the border."
    assert counted(first, "The army deployed at least six tanks to the region.") == []
    assert counted(first, "The army deployed two more tanks to the region.") == []
    assert counted(first, "The navy deployed six tanks to the region.") == []
    assert counted(first, "The army lost six tanks in the region.") == []
    assert counted("They deployed four tanks.", "They deployed six tanks to the region.") == []
    assert counted(first, "The army deployed 4 tanks to the region.") == []


def test_the_whole_a_part_is_of_is_not_a_count_acted_on():
    first = "The court dismissed two charges against the doctor."
    assert counted(first, "The court dismissed two of the seven charges against the doctor.") == []
    assert counted(first, "The court dismissed seven charges against the doctor.") == [["two charges", "seven charges"]]
