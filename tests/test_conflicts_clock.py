"""Times of day (clock.py) as values of conflicts: one moment given two times far apart in one fact."""

from newsprism.analysis.clock import read_times
from newsprism.analysis.values import read_mentions
from tests.test_conflicts_precision import conflicts_of


def times(text: str) -> list[tuple[str, float, float, str]]:
    return [(m.surface, m.low, m.high, m.role) for m in read_times(0, text)]


def test_times_are_read_as_minutes_after_midnight_with_a_reach():
    assert times("The crash happened at 11:45 a.m. on the bridge.") == [("11:45 a.m.", 690.0, 720.0, "")]
    assert times("It began around 7 p.m.") == [("around 7 p.m.", 1110.0, 1170.0, "")]
    assert times("Police arrived shortly before 2:30 p.m.") == [("shortly before 2:30 p.m.", 840.0, 870.0, "")]
    assert times("The first shot came at 12:15 p.m.")[0][1:3] == (720.0, 750.0)
    # bounds, runs and a bare "7:30" are no moment
    assert times("Flights after 4:30 p.m. were cancelled, and between 1 p.m. and 5 p.m. none flew.") == []
    assert times("The score was 7:30 at the break.") == []
    # a zone is kept, and a conversion in brackets is the same time again
    assert times("They set off at 6:30 a.m. local time (2:30 p.m. ET).") == [
        ("6:30 a.m. local time", 375.0, 405.0, "local time")
    ]
    assert times("The show airs at 9 p.m. Eastern on Fox.") == [("9 p.m. Eastern", 1245.0, 1275.0, "Eastern")]
    # the other readers leave a time alone
    assert read_mentions(0, "At 7:30 p.m. on June 12, 40 people left.", 2024)[0].kind == "day of the month"
    assert [m.kind for m in read_mentions(0, "At 7:30 p.m. on June 12, 40 people left.", 2024)][1:] == [
        "number of people"
    ]


def test_one_moment_given_two_times_far_apart_is_a_conflict():
    first = "The tragic accident happened at about 11:45 a.m. on the 23rd floor of the building."
    second = "The accident happened around 10:30 a.m. on the 23rd floor, where the mother waited with the baby."
    assert conflicts_of([first], [second]) == [["around 10:30 a.m.", "about 11:45 a.m."]]
    # times a few minutes apart are the rounding of two sources, not a conflict
    assert conflicts_of([first], [second.replace("10:30", "11:30")]) == []


def test_a_time_needs_no_word_in_common_near_it_within_one_fact():
    # two wordings of one event: the words next to each time (its setting, the outcome) differ
    first = "The crash of the bus near the old bridge at about 7:15 a.m. killed two pupils."
    second = "Witnesses said the coach plunged into the river around 9 a.m. as the span gave way."
    assert conflicts_of([first], [second]) == [["about 7:15 a.m.", "around 9 a.m."]]
    # a count still needs a word near it in common to be of the same thing
    assert conflicts_of([first], [second.replace("around 9 a.m.", "with six pupils")]) == []


def test_times_of_two_zones_or_two_events_are_not_compared():
    first = "The two ships collided around 1:30 a.m. local time in the Pacific Ocean."
    assert conflicts_of([first], [first.replace("1:30 a.m. local time", "5:30 p.m. GMT")]) == []
    call = "The coast guard received a call at 7:04 p.m. about the swimmers at the beach."
    back = "The coast guard said the swimmer walked back at 8:23 p.m. from the beach."
    assert conflicts_of([call], [back]) == []
