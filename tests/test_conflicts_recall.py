"""Values read for conflicts: measures with units in any shape, money with short scales, ages of people known
by a description."""

from newsprism.analysis.ages import age_conflicts
from newsprism.analysis.values import read_mentions
from newsprism.records import Article, Story
from tests.test_conflicts_precision import conflicts_of


def read(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.kind) for m in read_mentions(0, text, 2024)]


def test_measures_hyphenated_or_with_decimals_are_read_in_si_units():
    assert read("They scaled an 18-foot fence around a 65-acre park.") == [("18-foot", "length"), ("65-acre", "area")]
    assert read("She jumped 4.45 meters in a 197-foot-long hall.") == [
        ("4.45 meters", "length"),
        ("197-foot-long", "length"),
    ]
    # a conversion in brackets is the figure again, not a value of its own, and agrees with it
    [miles] = read_mentions(0, "The trail runs 2.5 miles (4 kilometers) uphill.", 2024)
    [km] = read_mentions(0, "The trail runs 4 kilometers uphill.", 2024)
    assert miles.surface == "2.5 miles" and miles.low <= km.high and km.low <= miles.high


def test_a_changed_measure_in_one_fact_is_a_conflict():
    first = "The hikers walked 2.8 miles before the storm came."
    assert conflicts_of([first], [first.replace("2.8", "4.6")]) == [["2.8 miles", "4.6 miles"]]
    assert conflicts_of([first], ["The hikers walked 4.5 kilometers before the storm came."]) == []


def test_money_with_short_scales_and_as_an_adjective_is_read():
    assert [(m.surface, m.value) for m in read_mentions(0, "It means £400m of cuts and $1.5bn more.", 2024)] == [
        ("£400m", 400e6),
        ("$1.5bn", 1.5e9),
    ]
    assert read("He backed a $2,000-per-player stipend.") == [("$2,000", "amount in $")]
    assert read("Tickets cost $10-20 each.") == []


def ages_of(*texts: str) -> list[tuple[str, list[str], float]]:
    articles = [Article(id=f"a{n}", text=t, sentences=(t,)) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    return [(c.about, [s.value for s in c.sides], c.confidence) for c in age_conflicts(story, story.sentences())]


def test_ages_of_a_described_person_are_a_possible_difference():
    assert ages_of("The 75-year-old mayor has clung to power.", "The 83-year-old mayor has clung to power.") == [
        ("age of the mayor", ["75", "83"], 0.5)
    ]
    assert ages_of("She and her 27-year-old son left.", "Her 35-year-old son stayed home.") == [
        ("age of the son", ["27", "35"], 0.5)
    ]


def test_a_description_given_to_two_people_is_left_out():
    two = "A 25-year-old man and a 30-year-old man were held. The 25-year-old man was shot."
    assert ages_of(two, "The 30-year-old man was charged.") == []
    assert ages_of("A 41-year-old woman was hurt.", "A 44-year-old woman was hurt.") == []  # indefinite


def test_a_description_whose_other_age_the_article_gives_is_left_out():
    first = "A 20-year-old man threw his 4-year-old brother from the roof."
    second = "A 4-year-old boy was thrown from the roof by his 20-year-old brother."
    assert ages_of(first, second) == []


def test_round_measures_are_exact_but_for_a_conversion():
    first = "Predators may not live within 1,000 feet of a school, the law says."
    assert conflicts_of([first], [first.replace("1,000 feet", "600 feet")]) == [["600 feet", "1,000 feet"]]
    assert conflicts_of([first], [first.replace("1,000 feet", "300 meters")]) == []


def test_a_speed_is_no_length():
    assert [kind for _, kind in read("Gusts as strong as 40 mph (64 km/h) are expected.")] == ["number of mph"]
