"""How the summary tells a conflict: the side's sentence it takes reads alone; and what no sentence may cite."""

from newsprism.analysis.summary_conflicts import lends_a_value, state_conflict
from newsprism.records import Article, Conflict, ConflictSide, Evidence

LEANING = "A day later, Kevin Johnson, 25, also was arrested on suspicion of murder."
ALONE = "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder."
OTHER = "The suspects were named as Kevin Deon Johnson, 24, and Dwight Kevin Smith, 30."


def _conflict() -> Conflict:
    most = ConflictSide("25", ("a", "b", "c"), (Evidence("a", ALONE), Evidence("b", LEANING), Evidence("c", ALONE)))
    return Conflict("c1", "age of Kevin Johnson", (most, ConflictSide("24", ("d",), (Evidence("d", OTHER),))), "number")


def test_a_sentence_leaning_on_the_one_before_it_is_not_the_one_told() -> None:
    # both are cited by all three and the leaning one is shorter, and still loses: "A day later" dates the arrest by an
    # event the summary does not give, and the outlets citing it never said "a day later"
    articles = {a: Article(a, "") for a in "abcd"}
    told = state_conflict(_conflict(), articles, lambda article, sentence: True, lambda sentence: False)
    assert told.text.startswith("Dwight Smith, 30, and Kevin Johnson, 25 (“24”, according to another source)")


def test_a_leaning_sentence_is_told_when_no_other_holds_the_value() -> None:
    conflict = _conflict()
    only = Conflict("c1", conflict.about, (ConflictSide("25", ("b",), (Evidence("b", LEANING),)), conflict.sides[1]))
    articles = {a: Article(a, "") for a in "abcd"}
    told = state_conflict(only, articles, lambda article, sentence: True, lambda sentence: False)
    assert told.text.startswith("A day later, Kevin Johnson, 25 (")


def test_a_sentence_of_a_contradicted_thing_cites_no_two_sides_of_it() -> None:
    claimed = "Dozens of people could now have their convictions overturned."
    denied = "It will not impact on existing convictions under the Act."
    sides = (
        ConflictSide("overturn conviction", ("a",), (Evidence("a", claimed),)),
        ConflictSide("not impact conviction", ("b",), (Evidence("b", denied),)),
    )
    about = "overturn (conviction): stated by one source, negated by another"
    contradiction = (Conflict("c1", about, sides, "contradiction"),)
    told = "The minister said only a small number of convictions could now be appealed."
    assert lends_a_value(told, ("a", "b", "c"), contradiction)
    assert not lends_a_value(told, ("a", "c"), contradiction)
    # a sentence of something else may cite both
    assert not lends_a_value("The sale and supply of the drugs is still illegal.", ("a", "b"), contradiction)
