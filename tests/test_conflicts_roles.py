"""Conflicts over the kind of role of a person known by age ("computer science student", "electronics student")."""

import pytest

from newsprism.analysis.parse import parser
from newsprism.analysis.roles import role_conflicts
from newsprism.records import Article, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")


def roles(*texts: str) -> list[tuple[list[str], float]]:
    """The sides' values and confidence of the conflicts between articles, one a text, split at ". "."""
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    return [([side.value for side in c.sides], c.confidence) for c in role_conflicts(story.sentences())]


COMPUTING = "The 24-year-old computer science student was flagged as a risk last year."
ELECTRONICS = "The 24-year old electronics student was detained on Sunday."


def test_one_person_given_two_kinds_of_role_is_a_possible_difference():
    assert roles(COMPUTING, ELECTRONICS) == [(["computer science student", "electronics student"], 0.5)]
    named = "Police arrested Sid Ghlam, a 24-year-old electronics student, on Sunday."
    assert roles(COMPUTING, named) == [(["computer science student", "electronics student"], 0.5)]


def test_roles_of_another_age_or_noun_or_without_kind_are_not_compared():
    assert roles(COMPUTING, ELECTRONICS.replace("24", "25")) == []
    assert roles(COMPUTING, ELECTRONICS.replace("student", "teacher")) == []
    assert roles(COMPUTING, "The 24-year-old student was detained on Sunday.") == []


def test_an_indefinite_description_may_be_of_anyone():
    assert roles(COMPUTING, "A 24-year-old electronics student was detained on Sunday.") == []


def test_kinds_that_share_a_word_differ_but_a_shorter_telling_does_not():
    engineering = ELECTRONICS.replace("electronics", "computer engineering")
    assert roles(COMPUTING, engineering) == [(["computer engineering student", "computer science student"], 0.5)]
    assert roles(COMPUTING, ELECTRONICS.replace("electronics", "science")) == []


def test_the_age_of_someone_else_gives_no_role():
    assert roles(COMPUTING, "The 24-year-old student's dorm room was searched on Sunday.") == []
    # a word between the age and the role that is no compounded noun leaves the kind unread
    assert roles(COMPUTING, ELECTRONICS.replace("electronics", "former electronics")) == []


def test_an_article_that_knows_both_kinds_or_gives_two_is_left_out():
    both = f"{ELECTRONICS} He had studied computer science before."
    assert roles(COMPUTING, both) == []
    two = f"{ELECTRONICS} The 24-year-old physics student was questioned"
    assert roles(COMPUTING, two) == []
