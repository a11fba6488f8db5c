"""Conflicts: the only amount each article gives beside one name, close but different."""

from newsprism.analysis.conflicts import CONFIDENT
from newsprism.analysis.named_amounts import REASON
from newsprism.records import Conflict

from .stories import conflicts_between

RAISED = "The studio got its start on the crowdfunding site Fundrise, where it raised $3.1 million in 2015."


def found_between(first: str | tuple[str, ...], second: str | tuple[str, ...]) -> list[Conflict]:
    return conflicts_between(first, second)


def test_close_amounts_beside_one_name_are_a_possible_difference():
    found = found_between(
        RAISED, "The buyer could refund the 4,000 Fundrise backers their $3.2 million, a critic wrote."
    )
    assert [sorted(side.value for side in c.sides) for c in found] == [["$3.1 million", "$3.2 million"]]
    assert found[0].confidence < CONFIDENT and found[0].reasons == (REASON,)


def test_amounts_far_apart_beside_one_name_are_two_things():
    assert found_between(RAISED, "The buyer could refund the 4,000 Fundrise backers their $4.5 million.") == []


def test_an_article_with_two_amounts_beside_the_name_gives_no_only_one():
    second = (
        "The buyer could refund the 4,000 Fundrise backers their $3.2 million, a critic wrote.",
        "A second appeal on Fundrise brought in $900,000 more.",
    )
    assert found_between(RAISED, second) == []


def test_a_name_opening_the_sentence_is_not_beside_the_amount():
    assert found_between(RAISED, "Fundrise gave the studio $3.2 million, a critic wrote.") == []


def test_a_price_at_some_moment_is_no_amount_of_the_name():
    assert (
        found_between(
            "Shares of Fundrise closed at $3.10 after the news.", "Investors bought Fundrise shares at $3.50 last week."
        )
        == []
    )


def test_amounts_told_on_two_days_are_two_moments():
    assert (
        found_between(
            "On Monday the state paid Fundrise backers $3.1 million.",
            "On Friday the state paid Fundrise backers $3.4 million.",
        )
        == []
    )


def test_a_rounded_amount_beside_the_name_agrees():
    assert found_between(RAISED, "The buyer could refund the 4,000 Fundrise backers about $3 million.") == []


def test_a_day_is_no_name():
    assert found_between("The fund held $3.1 million in cash Monday.", "The fund reported $3.2 million Monday.") == []


def test_amounts_a_fifth_apart_beside_one_name_are_two_things():
    assert found_between(RAISED, "The buyer could refund the 4,000 Fundrise backers their $3.7 million.") == []
