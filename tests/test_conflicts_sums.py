"""Conflicts: a sum of two amounts against one amount another article gives for both things together."""

from newsprism.analysis.conflicts import CONFIDENT, ConflictsConfig, find_conflicts
from newsprism.analysis.sums import REASON
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Conflict, Story

PARTS = "The bill sets aside about $20 million in new grants, mostly for rural clinics, and $24 million in loans."


def found_between(first: str, second: str) -> list[Conflict]:
    """The conflicts found between two one-sentence articles that share no fact."""
    a = Article(id="a", text=first, sentences=(first,), published="2024-06-18")
    b = Article(id="b", text=second, sentences=(second,), published="2024-06-18")
    story = Story("s", (a, b))
    return list(find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), (), ConflictsConfig()))


def test_a_sum_outside_the_range_given_for_both_is_a_possible_difference():
    found = found_between(PARTS, "Critics say another $30-$40 million in grants and cheap loans will not help.")
    assert [sorted(side.value for side in c.sides) for c in found] == [
        ["$30-$40 million", "about $20 million and $24 million (about $44 million together)"]
    ]
    assert found[0].confidence < CONFIDENT and found[0].reasons == (REASON,)


def test_a_whole_written_as_two_amounts_is_one_range():
    # read as its last amount alone, $50 million would be more than the sum, $41 to $47 million
    assert found_between(PARTS, "The state will hand out $40 million to $50 million in grants and loans.") == []


def test_a_sum_within_the_range_is_no_conflict():
    # about $20 million is $17 to $23 million: the sum, $41 to $47 million, meets the range
    assert found_between(PARTS, "The state will hand out $45-$60 million in grants and loans.") == []


def test_a_whole_of_one_of_the_things_is_no_sum():
    assert found_between(PARTS, "The state will hand out $30-$40 million in grants for schools and clinics.") == []


def test_a_whole_must_join_both_things_with_and():
    assert found_between(PARTS, "The state will hand out $30-$40 million in grants to repay loans.") == []


def test_amounts_not_joined_by_and_are_no_sum():
    parts = "The bill sets aside about $20 million in new grants, after $24 million in loans."
    assert found_between(parts, "The state will hand out $30-$40 million in grants and loans.") == []


def test_a_sum_and_a_whole_in_one_article_are_no_conflict():
    text = f"{PARTS} Critics say another $30-$40 million in grants and loans will not help."
    a = Article(
        id="a", text=text, sentences=(PARTS, "Critics say another $30-$40 million in grants and loans will not help.")
    )
    story = Story("s", (a,))
    assert find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), (), ConflictsConfig()) == ()


def test_a_sum_is_told_as_an_outlet_would_write_it():
    found = found_between(
        "The city spent $1,250,000 on new buses and $1.5 million on repairs.",
        "The city spent $4-$5 million on buses and repairs.",
    )
    assert [side.value for c in found for side in c.sides] == [
        "$1,250,000 and $1.5 million ($2.75 million together)",
        "$4-$5 million",
    ]
