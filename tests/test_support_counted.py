"""A citation's numbers must count in the cited sentence what they count in the claim (support.py reads
each number with what it counts, as conflicts read values)."""

from newsprism.analysis.support import _numbers, says
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import Article, Story

CLAIM = "In addition, four other states allow recreational pot sales."


def _says(texts: dict[str, tuple[str, ...]], claim: str) -> dict[str, bool]:
    articles = tuple(Article(a, " ".join(told), sentences=told) for a, told in texts.items())
    embedded = EmbeddedSentences(Story("s", articles).sentences(), load_embedder("hashing")[0])
    return {a: says(embedded, a, claim, 0.4) for a in texts}


def test_a_number_counting_another_thing_does_not_state_the_claim():
    days = ("In the first four days of recreational pot sales, the states allow retailers to sell more.",)
    states = ("Four other states allow recreational pot sales.",)
    assert _says({"days": days, "states": states}, CLAIM) == {"days": False, "states": True}


def test_a_number_read_as_nothing_may_count_anything():
    # "a four-day" is read as no value: it neither stands for nor against the claim's count
    told = ("After a four-day debate, four states allow recreational pot sales.",)
    assert _says({"a": told}, CLAIM) == {"a": True}


def test_what_a_number_counts():
    assert _numbers(CLAIM) == {("4", "number")}
    read = _numbers("Putin, 71, arrived on June 19, 2024 after 24 years; four people met him for $3 million.")
    assert read == {
        ("71", ""),
        ("19", "date"),
        ("2024", "date"),
        ("24", "time span"),
        ("4", "number"),
        ("3", "amount"),
    }
    # money in figures or in words is one kind: an amount
    assert _numbers("It gave nearly eleven million dollars.") == _numbers("It gave nearly $11 million.")
    # a year alone and the year of a full date are one kind: a date
    assert ("2024", "date") in _numbers("The visit was in 2024.")
