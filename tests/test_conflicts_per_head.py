"""Conflicts: amounts given to each of several against amounts in all."""

from newsprism.analysis.conflicts import CONFIDENT, ConflictsConfig, find_conflicts
from newsprism.analysis.per_head import EACH_REASON
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Conflict, Evidence, Fact, Story


def found_between(first: str, second: str) -> list[Conflict]:
    """The conflicts found when two articles state ``first`` and ``second`` as one fact."""
    a = Article(id="a", text=first, sentences=(first,), published="2024-06-18")
    b = Article(id="b", text=second, sentences=(second,), published="2024-06-18")
    story = Story("s", (a, b))
    fact = Fact("f1", first, ("a", "b"), (Evidence("a", first), Evidence("b", second)))
    return list(
        find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), (fact,), ConflictsConfig())
    )


def values(found: list[Conflict]) -> list[list[str]]:
    return [sorted(side.value for side in c.sides) for c in found]


def test_the_same_amount_each_and_in_all_is_a_possible_difference():
    found = found_between(
        "He offered the victim and the witness $3,000 each if they stayed away from court.",
        "He offered the couple $3,000 if they stayed away from court.",
    )
    assert values(found) == [["$3,000", "$3,000 each"]]
    assert found[0].confidence < CONFIDENT and EACH_REASON in found[0].reasons


def test_an_amount_each_may_make_up_a_larger_total():
    assert (
        found_between(
            "He offered the victim and the witness $1,500 each if they stayed away from court.",
            "He offered the couple $3,000 if they stayed away from court.",
        )
        == []
    )


def test_two_amounts_each_are_compared_as_they_are():
    found = found_between(
        "He offered the victim and the witness $3,000 each if they stayed away from court.",
        "He offered the victim and the witness $5,000 each if they stayed away from court.",
    )
    assert values(found) == [["$3,000 each", "$5,000 each"]]
    assert EACH_REASON not in found[0].reasons
