"""Two sentences sharing a name and one word of their claim share a subject, seldom a claim: they are linked by
their wording only when closer than sentences sharing more of it; a figure's digits are no such words, and a
name's number ("Keurig 2.0", "Bluefin-21", a version "2.0") is no figure they share, nor one person's age both give."""

from newsprism.analysis.fact_figures import name_numbers, same_figure_and_name
from newsprism.analysis.fact_words import one_thing
from newsprism.analysis.facts import FactsConfig
from newsprism.records import Sentence

from .test_facts import facts_of

ANY_CHANGE = "Any change at Oculus will be for the better."
THE_CHANCE = "Oculus has the chance to change the way we work, play and communicate."
BETTER = "Oculus will change for the better under Facebook."
OCULUS = {
    "a": ["Facebook agreed to buy Oculus for $2 billion.", ANY_CHANGE],
    "b": [THE_CHANCE, "Zuckerberg called it a platform.", BETTER],
}

NOT_THE_IPHONE = "In short, Keurig 2.0 isn't the iPhone."
INCOMPATIBLE = "Keurig made its 2.0 brewer incompatible with older pods."
KEURIG = {
    "a": ["Keurig Green Mountain reported its quarterly results.", NOT_THE_IPHONE],
    "b": [INCOMPATIBLE, "Analysts expected more."],
}


def test_a_name_and_one_word_in_common_need_more_than_a_claim_in_common():
    # "Oculus" and "change": linked at cosine 0.75 without the margin, not with it, and when closer still
    assert facts_of(OCULUS, {(ANY_CHANGE, THE_CHANCE): 0.75}, FactsConfig(few_words_margin=0.0)) == [
        sorted([ANY_CHANGE, THE_CHANCE])
    ]
    assert facts_of(OCULUS, {(ANY_CHANGE, THE_CHANCE): 0.75}) == []
    assert facts_of(OCULUS, {(ANY_CHANGE, THE_CHANCE): 0.85}) == [sorted([ANY_CHANGE, THE_CHANCE])]
    # two words said of the name ("change", "better") are a claim in common at that cosine
    assert facts_of(OCULUS, {(ANY_CHANGE, BETTER): 0.75}) == [sorted([ANY_CHANGE, BETTER])]


def test_a_figures_digits_are_not_words_in_common():
    # "2.0" gives the stems "2" and "0": counted as words, the pair would share three and be linked at 0.75
    assert facts_of(KEURIG, {(NOT_THE_IPHONE, INCOMPATIBLE): 0.75}, FactsConfig(few_words_margin=0.0)) == [
        sorted([NOT_THE_IPHONE, INCOMPATIBLE])
    ]
    assert facts_of(KEURIG, {(NOT_THE_IPHONE, INCOMPATIBLE): 0.75}) == []


def test_a_names_number_is_no_figure_shared_with_the_name():
    assert name_numbers(NOT_THE_IPHONE) == {"20"}
    assert name_numbers("The storm closed Interstate 35 for 3 hours on Monday.") == {"35"}
    # a date, a year after a stop word, an age after a comma and a share are figures
    assert name_numbers("In 2016, on March 8, Sollecito, 29, said sales were Up 15% and Up 9 percent.") == set()
    assert same_figure_and_name([Sentence("a", 0, NOT_THE_IPHONE), Sentence("b", 0, INCOMPATIBLE)]) == []
    # a count, not after the name, is one figure and one name in common
    sold = [Sentence("a", 0, "Keurig sold 20 brewers in May."), Sentence("b", 0, "In May Keurig sold 20 brewers.")]
    assert same_figure_and_name(sold) == [(0, 1, False)]


def test_a_version_and_a_crafts_number_are_names_numbers():
    # a whole number with a tenth of nothing is a version wherever it stands; a share or a sum is a figure
    assert name_numbers("Keurig made its “2.0” line incompatible.") == {"20"}
    assert name_numbers("Keurig's sales fell 2.0% to $2.0 billion, or 2.5 percent.") == set()
    # a number joined to a capitalised word by a hyphen names a craft or a model
    plans = "Houston said the Bluefin-21 drone would be sent down as soon as possible."
    others = "Houston said no vehicles besides the Bluefin-21 would join the search."
    assert name_numbers(plans) == {"21"}
    assert same_figure_and_name([Sentence("a", 0, plans), Sentence("b", 0, others)]) == []
    assert name_numbers("The 6-week-old girl fell 8 stories.") == set()


def test_one_persons_age_in_both_sentences_is_no_figure_in_common():
    interview = "But in a new interview, Sollecito, 29, said he questioned Knox's behaviour."
    distance = "Reports suggest the 29-year-old Sollecito is looking to distance himself from Knox."
    assert same_figure_and_name([Sentence("a", 0, interview), Sentence("b", 0, distance)]) == []
    # an age in one sentence and a count in the other stay one figure in common, as before
    count = "Sollecito spent 29 days in jail."
    assert same_figure_and_name([Sentence("a", 0, count), Sentence("b", 0, distance)]) == [(0, 1, False)]


CLOSED = "Storms closed the ferry ramp."
PAINTED = "Volunteers painted the ferry ramp."
PAINTED_APART = "Volunteers painted the ramp for the ferry."


def ramp_story(other: str) -> dict[str, list[str]]:
    return {
        "a": ["The island council met on Tuesday.", "Ferry tickets went up.", CLOSED],
        "b": [other, "Tourists were told to wait for the ferry."],
    }


def test_words_both_print_in_a_row_are_one_thing_not_a_claim_in_common():
    # "ferry ramp": one thing, so a name-less pair sharing only it shares few words and needs the margin
    assert facts_of(ramp_story(PAINTED), {(CLOSED, PAINTED): 0.75}) == []
    assert facts_of(ramp_story(PAINTED), {(CLOSED, PAINTED): 0.75}, FactsConfig(few_words_margin=0.0)) == [
        sorted([CLOSED, PAINTED])
    ]
    # the same two words apart in one sentence are two words said, and linked at that cosine
    assert facts_of(ramp_story(PAINTED_APART), {(CLOSED, PAINTED_APART): 0.75}) == [sorted([CLOSED, PAINTED_APART])]


def test_one_thing_reads_words_in_a_row_in_both_sentences():
    said = frozenset({"ferry", "ramp"})
    assert one_thing(CLOSED, PAINTED, said) == {"ferry ramp"}
    assert one_thing(CLOSED, PAINTED_APART, said) == said
    # a name between the words breaks the row; a figure is left as it is
    assert one_thing("The ferry Aurora ramp broke.", PAINTED, said) == said
    assert one_thing(CLOSED, PAINTED, said | {"2"}) == {"ferry ramp", "2"}
