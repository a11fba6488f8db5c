"""Conflicts: the only toll each article gives of one kind of casualty on one day, close but different."""

from newsprism.analysis.conflicts import CONFIDENT
from newsprism.analysis.tolls import REASON
from newsprism.records import Conflict

from .stories import conflicts_between

DIED = "As many as 125 people died across the country on Monday, many of them at a checkpoint, the group said."
KILLED = "At least 144 people were reported killed Monday, including 64 people who died in Hama province."


def found_between(first: str | tuple[str, ...], second: str | tuple[str, ...]) -> list[Conflict]:
    """The toll conflicts found between two articles that share no fact."""
    return [c for c in conflicts_between(first, second) if c.reasons == (REASON,)]


def test_one_days_close_tolls_told_with_other_words_are_a_possible_difference():
    # "died" and "killed" are one casualty; the 64 "including" names are a part of 144, not another toll
    found = found_between(DIED, KILLED)
    assert [[side.value for side in c.sides] for c in found] == [["As many as 125 people", "At least 144 people"]]
    assert found[0].confidence < CONFIDENT


def test_tolls_of_other_days_far_apart_or_of_a_part_are_not_matched():
    assert found_between(DIED, KILLED.replace("Monday", "Sunday")) == []
    assert found_between(DIED, "At least 300 people were reported killed Monday.") == []


def test_an_article_with_two_tolls_of_the_day_and_place_gives_no_only_one():
    second = (KILLED, "Another count said 120 people were killed Monday.")
    assert found_between(DIED, second) == []


def test_a_toll_of_another_place_is_not_the_only_one_it_is_set_against():
    # 104 in Hama is not of the place the 125 are of ("across Freedonia"): 144 stays the only toll set against it
    second = (KILLED, "In all, 104 people were killed Monday in Hama, according to the group.")
    assert len(found_between(DIED.replace("the country", "Freedonia"), second)) == 1
    assert found_between(DIED, second) == []  # 125 of no named place may be Hama's too
    assert found_between("In Homs, 125 people died on Monday.", "In Hama, 144 people were killed on Monday.") == []
