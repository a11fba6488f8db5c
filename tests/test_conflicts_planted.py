"""Planted changes (bench/bench_conflicts.py) that were missed: a copy published a day later, a copy
whose other sentences agree with the original's figure, and a conversion in brackets."""

from newsprism.analysis.conflicts import CONFIDENT, find_conflicts
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Conflict, Evidence, Fact, Story


def conflicts(first: list[str], second: list[str], rows: list[tuple[str, int]], days=("18", "18")) -> list[list[str]]:
    """The sides' values of the conflicts when the sentences ``rows`` (article, index) state one fact."""
    a = Article(id="a", text=" ".join(first), sentences=tuple(first), published=f"2024-06-{days[0]}")
    b = Article(id="b", text=" ".join(second), sentences=tuple(second), published=f"2024-06-{days[1]}")
    story = Story("s", (a, b))
    texts = {"a": first, "b": second}
    evidence = tuple(Evidence(article, texts[article][index]) for article, index in rows)
    facts = (Fact("f1", evidence[0].sentence, ("a", "b"), evidence),)
    found = find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), facts)
    return [sorted(side.value for side in c.sides) for c in found]


def find(first: str, second: str) -> list[Conflict]:
    a = Article(id="a", text=first, sentences=(first,), published="2024-06-18")
    b = Article(id="b", text=second, sentences=(second,), published="2024-06-18")
    story = Story("s", (a, b))
    facts = (Fact("f1", first, ("a", "b"), (Evidence("a", first), Evidence("b", second))),)
    return list(find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), facts))


def test_today_in_articles_a_day_apart_is_one_day():
    first = "Spending on pensions is 8.4% of GDP today, the report said."
    second = first.replace("8.4%", "13.4%")
    assert conflicts([first], [second], [("a", 0), ("b", 0)], days=("18", "19")) == [["13.4%", "8.4%"]]
    # days further apart are still other days: the same figure may have moved
    assert conflicts([first], [second], [("a", 0), ("b", 0)], days=("18", "21")) == []


def test_a_copy_but_for_its_figure_conflicts_whatever_else_agrees():
    first = [
        "A couple found gold coins valued at $10 million in their yard.",
        "Experts said the coins are worth $10 million.",
    ]
    second = [first[0].replace("$10 million", "$16 million"), first[1]]
    rows = [("a", 0), ("b", 0), ("b", 1)]
    assert conflicts(first, second, rows) == [["$10 million", "$16 million"]]
    # a reworded sentence beside the other article's agreeing one is about that one, not a conflict
    reworded = ["A couple dug up coins said to fetch $16 million at auction.", first[1]]
    assert conflicts(first, reworded, rows) == []


def test_a_conversion_in_brackets_is_read_to_the_exchange_rate():
    first = "Japan apologised and promised one billion yen ($8.84 million) for a fund to help victims."
    assert conflicts([first], [first.replace("8.84", "14.14")], [("a", 0), ("b", 0)]) == [
        ["$14.14 million", "$8.84 million"]
    ]
    assert conflicts([first], [first.replace("$8.84 million", "$8.3m")], [("a", 0), ("b", 0)]) == []


def test_bounds_in_copies_but_for_their_figures_are_read_as_written():
    first = "The couple married more than two decades later at the same hospital."
    assert conflicts([first], [first.replace("two", "six")], [("a", 0), ("b", 0)]) == [
        ["more than six decades", "more than two decades"]
    ]
    fall = "The Dow fell as much as 1,500 points in early trading."
    assert conflicts([fall], [fall.replace("1,500", "2,250")], [("a", 0), ("b", 0)]) == [
        ["as much as 1,500 points", "as much as 2,250 points"]
    ]
    [copied] = find(fall, fall.replace("1,500", "2,250"))
    assert copied.confidence < CONFIDENT  # both bounds may be true: a possible difference
    # reworded, two lower bounds are both true of any figure above both
    other = "The couple, born on one day, wed more than six decades on."
    assert conflicts([first], [other], [("a", 0), ("b", 0)]) == []
