"""Conflicts that real outlets' unchanged sentences must not raise: bounds, levels against changes, shares of
different things, addresses, different days and measures read as ages."""

from newsprism.analysis.conflicts import find_conflicts
from newsprism.analysis.values import read_mentions
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Evidence, Fact, Story


def conflicts_of(first: list[str], second: list[str], fact: tuple[int, int] = (0, 0)) -> list[list[str]]:
    """The sides' values of the conflicts when article a's sentence ``fact[0]`` and b's ``fact[1]`` state one fact."""
    a = Article(id="a", text=" ".join(first), sentences=tuple(first), published="2024-06-18")
    b = Article(id="b", text=" ".join(second), sentences=tuple(second), published="2024-06-18")
    story = Story("s", (a, b))
    x, y = first[fact[0]], second[fact[1]]
    facts = (Fact("f1", x, ("a", "b"), (Evidence("a", x), Evidence("b", y))),)
    found = find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), facts)
    return [[side.value for side in c.sides] for c in found]


def test_a_level_reached_is_not_a_change():
    level = "The phone was already down to 80% after an hour of light usage."
    change = "The phone battery drained 20% after an hour of light usage."
    assert conflicts_of([level], [change]) == []
    assert conflicts_of([level], [level.replace("80%", "40%")]) == [["40%", "80%"]]


def test_shares_of_different_things_are_not_one_share():
    stake = "Qatar Airways wants to buy up to a 4.75% stake in the airline, the filing said."
    shares = "Qatar Airways wants to buy about 10% of public shares in the airline, the filing said."
    assert conflicts_of([stake], [shares]) == []
    assert conflicts_of([shares], [shares.replace("about 10%", "about 30%")]) == [["about 10%", "about 30%"]]


def test_street_addresses_and_numbered_names_are_not_counts():
    assert read_mentions(0, "He was shot in the 3000 block of West Florence Avenue.", 2024) == []
    assert read_mentions(0, "The 2000 block was closed and Route 66 shops shut.", 2024) == []
    first = "Price was shot outside a car wash in the 3000 block of West Florence Avenue."
    second = "Price was shot outside a car wash in the 3300 block of West Florence Avenue."
    # two blocks of one street are two places (positions.py), never two counts
    assert conflicts_of([first], [second]) == [
        ["3000 block of West Florence Avenue", "3300 block of West Florence Avenue"]
    ]


def test_a_hedge_reaches_over_a_and_as_many_as_is_an_upper_bound():
    [dozen] = read_mentions(0, "More than a dozen people fled.", 2024)
    assert (dozen.low, dozen.high) == (12, float("inf"))
    [share] = read_mentions(0, "It seeks a stake as large as 10% in the firm.", 2024)
    assert (share.low, share.high) == (0, 10)


def test_a_sentence_that_names_no_day_is_of_the_day_named_before_it():
    friday = ["That was a continuation of a fall from Friday, which saw the Dow close down 666 points."]
    monday = ["Stocks plunged in trading on Monday.", "After a volatile session, the Dow closed down 1,175 points."]
    assert conflicts_of(friday, monday, (0, 1)) == []
    undated = ["Stocks plunged in a volatile session.", "After a volatile session, the Dow closed down 1,175 points."]
    assert conflicts_of(friday, undated, (0, 1)) == [["666 points", "1,175 points"]]


def test_was_and_a_measure_is_no_age():
    from newsprism.analysis.ages import age_conflicts

    texts = ("Sue, 28, was found in South Dakota.", "Sue was 7.7 feet tall at the hip.")
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    assert age_conflicts(story, story.sentences()) == []


def test_a_rate_is_not_an_amount():
    rate = "The phone battery is draining 1% every three minutes under light use."
    amount = "The phone battery lost 5% in 45 minutes under light use."
    assert conflicts_of([rate], [amount]) == []
    assert conflicts_of([rate], [rate.replace("1%", "4%")]) == [["1%", "4%"]]


def test_distances_from_different_places_are_different_quantities():
    first = "The ships collided 56 nautical miles (103 kilometers) southwest of Yokosuka, the Navy said."
    second = "The ships collided 56 nautical miles southwest of Yokosuka and 12 miles off the Izu Peninsula."
    assert conflicts_of([first], [second]) == []
    # one place's distance changed is still a conflict
    assert conflicts_of([first], [first.replace("56 nautical miles (103 kilometers)", "150 nautical miles")]) == [
        ["56 nautical miles", "150 nautical miles"]
    ]


def test_distances_between_two_places_allow_for_the_route():
    road = "Area 51, about 125 miles northwest of Las Vegas, is synonymous with government secrecy."
    line = "Area 51, the remote desert base 90 miles north of Las Vegas, is synonymous with government secrecy."
    assert conflicts_of([road], [line]) == []
    assert conflicts_of([line], [line.replace("90 miles", "300 miles")]) == [["90 miles", "300 miles"]]


def test_weekly_times_of_different_groups_share_only_their_period():
    joggers = "Joggers with the highest running time, nearly three hours a week and six times a week, lived longer."
    fast = "Those who ran at a fast pace more than four hours a week for three days a week had the same risk."
    assert conflicts_of([joggers], [fast]) == []
    assert conflicts_of([fast], [fast.replace("more than four hours", "less than two hours")]) == [
        ["less than two hours", "more than four hours"]
    ]


def test_figures_an_order_of_magnitude_apart_are_not_one_quantity():
    bushel = "A bushel of corn yields about 3 gallons of ethanol, the industry says."
    total = "The United States made 13.3 billion gallons of ethanol in 2013, the industry says."
    assert conflicts_of([bushel], [total]) == []
    assert conflicts_of([bushel], [bushel.replace("about 3", "about 5")]) == [["about 3 gallons", "about 5 gallons"]]


def test_the_credit_line_of_an_embedded_post_is_no_claim():
    first = "A post shared by Steven J. Rifkind (@steverifkind) on Jun 20, 2017 at 11:32am PDT"
    second = "A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT"
    assert conflicts_of([first], [second]) == []


def test_money_converted_in_brackets_is_no_figure_of_its_own():
    first = "Tokyo agreed to pay 1bn yen ($8.3m, £5.6m) to fund the victims, officials said."
    second = "Tokyo agreed to pay 1bn yen ($8.84 million) to fund the victims, officials said."
    assert conflicts_of([first], [second]) == []
    assert read_mentions(0, "They paid $5 million (about £4m) in 2019.", 2024)[0].surface == "$5 million"
