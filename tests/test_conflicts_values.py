"""Conflicts: values read from sentences, matched pair by pair, and names swapped in copied sentences."""

import pytest

from newsprism.analysis.conflicts import ConflictsConfig, find_conflicts
from newsprism.analysis.modifier_counts import read_modifier_counts
from newsprism.analysis.values import ValuesConfig, read_mentions
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Evidence, Fact, Story

DEFAULT = ConflictsConfig()


def conflicts_between(first: str, second: str, rest: str = "", config: ConflictsConfig = DEFAULT) -> list[list[str]]:
    """The sides' values of the conflicts found when two articles state ``first`` and ``second`` as one fact
    (and both ``rest``)."""
    more = (rest,) if rest else ()
    a = Article(id="a", text=f"{first} {rest}", sentences=(first, *more), published="2024-06-18")
    b = Article(id="b", text=f"{second} {rest}", sentences=(second, *more), published="2024-06-19")
    story = Story("s", (a, b))
    fact = Fact("f1", first, ("a", "b"), (Evidence("a", first), Evidence("b", second)))
    found = find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), (fact,), config)
    return [[side.value for side in c.sides] for c in found]


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in read_mentions(0, text, 2024)}


def test_two_values_of_one_kind_never_conflict_with_their_copy():
    sentence = "The fire killed 3 people on Monday and injured 12 people on June 4 and June 9 in 2019 and 2021."
    assert conflicts_between(sentence, sentence) == []


def test_same_values_in_another_order_do_not_conflict():
    assert conflicts_between("Police held 4 men and 9 men.", "Police held 9 men and 4 men.") == []


def test_one_changed_value_among_several_is_the_conflict():
    found = conflicts_between(
        "The fire killed 3 people and injured 12 people.", "The fire killed 3 people and injured 18 people."
    )
    assert found == [["12 people", "18 people"]]


def test_count_reader_keeps_commas_and_function_words_out():
    assert kinds("On June 21, according to police, 1,500 people and 3 dogs were found.") == {
        "June 21": "day of the month",
        "1,500 people": "number of people",
        "3 dogs": "number of dog",
    }
    assert kinds("He said 2016 was hard and 12 of them left.") == {"2016": "year"}


def test_hedge_reaches_the_number_after_an_article():
    [operator] = read_mentions(0, "a about 900 operator", 2024)
    assert operator.surface == "about 900 operator" and operator.low <= 911 <= operator.high


def test_amounts_percentages_days_and_durations_are_read():
    found = kinds("It cost $12 million, 45% more, over six months, starting March 3.")
    assert found == {
        "$12 million": "amount in $",
        "45%": "percentage",
        "over six months": "time span in months",
        "March 3": "day of the month",
    }


def test_changed_day_percentage_and_duration_are_conflicts():
    assert conflicts_between("The talks began on June 12.", "The talks began on June 19.") == [["June 12", "June 19"]]
    assert conflicts_between("Turnout was 45 percent.", "Turnout was 72 percent.") == [["45 percent", "72 percent"]]
    assert conflicts_between("He was held for 3 weeks.", "He was held for 8 weeks.") == [["3 weeks", "8 weeks"]]


def test_rounded_and_reworded_values_do_not_conflict():
    assert conflicts_between("Some 1,020 fans came.", "About 1,000 fans came.") == []
    assert conflicts_between("He served 19 years.", "He served nearly two decades.") == []
    assert conflicts_between("Three people died.", "3 people died.") == []


def test_changed_name_or_place_in_a_copied_sentence_is_a_conflict():
    person = conflicts_between("Mayor Ilse Korven opened the bridge.", "Mayor Anna Berg opened the bridge.")
    assert person == [["Mayor Ilse Korven", "Mayor Anna Berg"]]
    place = conflicts_between(
        "The bridge in Veldhaven collapsed on Tuesday.", "The bridge in Lisse collapsed on Tuesday."
    )
    assert place == [["Veldhaven", "Lisse"]]


def test_other_ways_to_name_the_same_are_not_conflicts():
    full = "President Vladimir Putin arrived in Pyongyang on Wednesday."
    assert conflicts_between(full, "Putin arrived in Pyongyang on Wednesday.") == []
    # both articles name both places: another way to say where, not another place
    both = "Putin arrived in North Korea on Wednesday."
    assert conflicts_between(full, both, "Pyongyang is the capital of North Korea.") == []
    assert conflicts_between("Kim Jong-un met him.", "Kim Jong Un met him.") == []
    assert conflicts_between("The news was first reported by CNN.", "The news was first reported by AP.") == []


def test_ranges_and_parts_of_a_whole_are_not_values():
    assert kinds("Adults age 20 to 29 live at home; bones from between 3,000 and 1,500 years ago.") == {}
    assert kinds("The judge threw out three of the eight murder charges after two or three days.") == {}
    assert kinds("One hundred and three male patients joined a decades-long study.") == {}


def test_values_about_different_things_in_one_fact_do_not_conflict():
    first = "Four people were killed across Syria on Tuesday, activists said."
    assert conflicts_between(first, "Activists said 125 people had died since March, mostly in Homs.") == []
    assert conflicts_between("The bridge fell, injuring 12 people.", "At least 18 people were injured.") == [
        ["12 people", "At least 18 people"]
    ]


def test_a_day_apart_is_a_time_zone_not_a_conflict():
    assert conflicts_between("The Oscars were held on Feb. 26, 2017.", "The Oscars were held on Feb. 27, 2017.") == []


def test_two_bounds_on_one_side_never_conflict():
    assert conflicts_between("The fund raised more than $15,000 in a week.", "The fund raised more than $25,000.") == []
    assert conflicts_between("Up to 40 people fled the fire.", "Up to 90 people fled the house fire.") == []
    # a bound against a figure outside it still does
    found = conflicts_between("More than 100 people fled the fire.", "Some 60 people fled the fire.")
    assert found == [["Some 60 people", "More than 100 people"]]


def test_short_forms_of_a_name_are_not_conflicts():
    assert (
        conflicts_between("Lt. Jonathan Hubbard said the search was over.", "Lt. Jon Hubbard said the search was over.")
        == []
    )
    assert (
        conflicts_between(
            "The road runs through Albert Lea, Minn. to the north.",
            "The road runs through Albert Lea, Minnesota to the north.",
        )
        == []
    )


def test_names_in_capitals_are_names_but_acronyms_are_organisations():
    found = conflicts_between("He was born in ANAHEIM in a cold year.", "He was born in SINGAPORE in a cold year.")
    assert found == [["ANAHEIM", "SINGAPORE"]]


def test_settings_change_what_conflicts():
    # with acronyms of at most one letter taken for organisations, CNN and AP are names that differ
    wire = "The news was first reported by CNN.", "The news was first reported by AP."
    assert conflicts_between(*wire, config=ConflictsConfig(acronym_letters=1)) == [["CNN", "AP"]]


def test_settings_change_how_values_are_read():
    [day] = read_mentions(0, "The talks began on June 12.", 2024, ValuesConfig(day_rounding=2.0))
    assert day.high - day.low == 4.0
    [count] = read_mentions(0, "The fire injured 12 people in the old town.", 2024, ValuesConfig(words_around=1))
    assert count.around == {"injur", "old"}


def test_settings_out_of_range_name_the_setting_and_its_range():
    with pytest.raises(ValueError, match=r"shared context must be between 0 and 5"):
        ConflictsConfig(shared_context=9)
    with pytest.raises(ValueError, match=r"copy share must be between 0\.0 and 1\.0"):
        ConflictsConfig(copy_share=-0.1)
    with pytest.raises(ValueError, match="stem must be between 1 and 50"):
        ConflictsConfig(stem=0)


def test_the_same_figure_on_named_different_days_is_no_conflict():
    friday = "On Friday the Dow closed down just under 666 points after a volatile session."
    monday = "On Monday the Dow closed down 1,175 points after a volatile session."
    assert conflicts_between(friday, monday) == []
    same_day = conflicts_between(friday, friday.replace("666", "1,175"))
    assert same_day == [["just under 666 points", "just under 1,175 points"]]


def test_a_part_and_its_whole_are_no_conflict():
    part = "The state collects a 15 percent tax on marijuana sales, officials said."
    whole = "The state collects a total tax of about 32 percent on marijuana sales, officials said."
    assert conflicts_between(part, whole) == []


def age_conflicts_of(*texts: str) -> list[tuple[str, list[str]]]:
    from newsprism.analysis.ages import age_conflicts

    articles = [Article(id=f"a{n}", text=t, sentences=(t,)) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    return [(c.about, [side.value for side in c.sides]) for c in age_conflicts(story, story.sentences())]


def test_a_person_given_two_ages_is_a_conflict_in_any_of_the_shapes_news_uses():
    assert age_conflicts_of(
        "HQ Trivia co-founder Colin Kroll, 35, was found dead on Sunday.", "Police said Kroll was 34."
    ) == [("age of Colin Kroll", ["34", "35"])]
    alcorn = age_conflicts_of(
        "The 29-year-old teacher Geraldine Alcorn was charged.", "Geraldine Alcorn, 28, was charged Wednesday."
    )
    assert alcorn == [("age of Geraldine Alcorn", ["28", "29"])]
    assert age_conflicts_of("Macomber, 65, was shot.", "Macomber, 65, of Fort Wayne, was shot.") == []


def test_people_sharing_a_surname_are_told_apart():
    mother = "Kelly Pasztor, 29, admitted to killing her children, 6-year-old Rene Pasztor and his sister."
    other = "Pasztor faces charges for the death of 6-year-old Rene Pasztor."
    assert age_conflicts_of(mother, other) == []


def test_a_count_written_as_a_modifier_is_the_size_of_the_thing_it_qualifies():
    def sized(text: str) -> dict[str, str]:
        return {m.surface: m.kind for m in read_modifier_counts(0, text)}

    assert sized("Snow is blamed for a 30-car pileup that killed two.") == {"30-car": "size of pileup"}
    assert sized("A three-judge panel ruled.") == {"three-judge": "size of panel"}
    # fractions, times, measures, idioms of "one" and addresses are no such counts
    assert sized("A two-thirds majority backed a two-day visit, a one-man show and an 18-foot fence.") == {}
    assert sized("It was in the 300-block of Main Street.") == {}
    # nor units that measure or score: one story gives many leads of so many points
    assert sized("Up to 45-mph gusts hit a six-sided tent as he held a 22-point lead.") == {}
    found = conflicts_between(
        "Snow is blamed for a 30-car pileup that killed two people.",
        "State police said a 25-vehicle pileup killed two people.",
    )
    assert found == [["25-vehicle", "30-car"]]
    assert conflicts_between("A 30-car pileup killed two people.", "A 30-vehicle pileup killed two people.") == []


def test_one_age_given_to_two_people_and_a_name_with_a_nickname_are_read():
    assert age_conflicts_of(
        "They were 13-year-olds Liberty German and Abigail Williams.", "Liberty “Libby” German, 14, was found."
    ) == [("age of Liberty German", ["13", "14"])]
    assert age_conflicts_of(
        "The teens Liberty German and Abigail Williams, both 13.", "Abigail Williams, 14, was found."
    ) == [("age of Abigail Williams", ["13", "14"])]


def test_an_age_in_a_list_of_people_parted_by_semicolons_is_read():
    listed = "The suspects were identified as: Kevin Deon Johnson, 24; Dwight Kevin Smith, 30; and Ann Lee, 27."
    assert age_conflicts_of("Dwight Smith, 30, and Kevin Johnson, 25, were arrested.", listed) == [
        ("age of Kevin Deon Johnson", ["24", "25"])
    ]


def test_a_video_blurb_gives_no_age():
    body = "Police said Liberty German, 13, was found."
    blurb = "CLOSE Police confirmed the teens were Liberty German, 14, and Abigail Williams, 13."
    assert age_conflicts_of(body, blurb) == []
    assert age_conflicts_of(body, blurb.removeprefix("CLOSE ")) == [("age of Liberty German", ["13", "14"])]
