"""Values: a time span written as a hyphenated modifier, and a range of measures read as one value."""

from newsprism.analysis.values import read_mentions
from tests.test_conflicts_values import conflicts_between


def spans(text: str) -> list[tuple[str, float, float]]:
    return [(m.surface, m.low, m.high) for m in read_mentions(0, text, 2024) if m.kind.startswith("time span")]


def lengths(text: str) -> list[tuple[str, float, float]]:
    return [(m.surface, round(m.low, 3), round(m.high, 3)) for m in read_mentions(0, text, 2024) if m.kind == "length"]


def test_a_hyphenated_span_is_read_as_the_span_it_qualifies():
    assert spans("her 13-hour filibuster") == [("13-hour", 12.0, 14.0)]
    assert spans("a two-hour-long standoff") == [("two-hour-long", 1.5, 2.5)]
    assert spans("her nearly 13-hour filibuster") == [("nearly 13-hour", 10.4, 13.0)]


def test_an_age_is_no_hyphenated_span():
    assert spans("the 13-year-old boy and a 13-year-old") == []


def test_a_hyphenated_span_conflicts_with_a_span_outside_it():
    found = conflicts_between("Her 13-hour filibuster drew crowds.", "Her filibuster of 9 hours drew crowds.")
    assert found == [["13-hour", "9 hours"]] or found == [["9 hours", "13-hour"]]
    assert conflicts_between("Her 13-hour filibuster drew crowds.", "Her filibuster of 13 hours drew crowds.") == []


def test_a_range_of_a_measure_is_one_value_from_its_low_to_its_high_end():
    feet_6_to_8 = (round(5.5 * 0.3048, 3), round(8.5 * 0.3048, 3))
    for text, surface in (
        ("The shark was 6 to 8 feet long.", "6 to 8 feet"),
        ("The shark was between 6 and 8 feet long.", "between 6 and 8 feet"),
        ("a 6-to-8-foot shark", "6-to-8-foot"),
        ("waves of 6-8 feet", "6-8 feet"),
    ):
        assert lengths(text) == [(surface, *feet_6_to_8)], text


def test_and_without_between_and_a_reversed_pair_are_no_range():
    assert lengths("a 6 and 8 feet") == [] and lengths("from 8 to 6 feet") == []


def test_a_range_conflicts_only_with_a_value_outside_it():
    assert conflicts_between("The shark was 6 to 8 feet long.", "The shark was 7 feet long.") == []
    assert conflicts_between("The shark was 6 to 8 feet long.", "The shark was 8 feet long.") == []
    found = conflicts_between("The shark was 6 to 8 feet long.", "The shark was 12 feet long.")
    assert sorted(map(sorted, found)) == [["12 feet", "6 to 8 feet"]]
