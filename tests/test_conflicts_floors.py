"""Conflicts over the floor of a building one act took place on, read with spaCy's dependency parse."""

import pytest

from newsprism.analysis.floors import floor_conflicts
from newsprism.analysis.parse import parser
from newsprism.records import Article, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")


def floors(*texts: str) -> list[list[str]]:
    """The sides' values of the floor conflicts between articles, one a text, its sentences split at ". "."""
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    return [[side.value for side in c.sides] for c in floor_conflicts(story.sentences())]


PULLED_OUT = "The elevator plummeted to the 17th floor, where first responders pulled them both out."


def test_one_act_placed_on_two_floors_is_a_possible_difference():
    assert floors(PULLED_OUT, "He pulled the mom from the 15th-floor shaft first, police said.") == [
        ["15th-floor", "17th floor"]
    ]


def test_floors_of_other_acts_or_of_the_same_floor_are_not_conflicts():
    assert floors(PULLED_OUT, "The mother was waiting on the 23rd floor when the doors opened.") == []
    assert floors(PULLED_OUT, "The tot fell from the 23rd floor of the building.") == []
    assert floors(PULLED_OUT, "Firefighters pulled the pair out on the 17th floor.") == []
    # an article that gives one act two floors tells of more than one such act
    assert floors(PULLED_OUT, "Crews pulled a woman from the 15th floor. Crews pulled a man from the 12th floor.") == []
