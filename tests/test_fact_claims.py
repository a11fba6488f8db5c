"""A fact's member states another claim than its row when another named doer or speaker tells it, or when
one figure is given to each of several in one and once in the other; one row is one fact."""

import pytest

from newsprism.analysis.claims import states_claim
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.fact_claims import each_and_once, other_claim
from newsprism.analysis.fact_trim import final_facts
from newsprism.records import Evidence, Fact
from tests.test_fact_trim import embedded

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")


def test_a_sum_given_to_each_is_not_the_same_sum_given_once():
    assert each_and_once(
        "Authorities caught Vasiliades offering the victim and the witness $3,000 each.",
        "Vasiliades offered to give the victim $3,000, the indictment alleges.",
    )
    assert not each_and_once("They were offered $3,000 each.", "Both were offered $3,000 each, police said.")
    assert not each_and_once("Each of them got $5.", "She got $3,000.")


@needs_parser
def test_another_named_doer_tells_another_claim():
    assert other_claim(
        "Meanwhile, China has publicly supported the strengthening of relations between Russia and North Korea.",
        "John Nilsson-Wright from Cambridge University noted that Putin is strengthening ties with North Korea.",
    )
    assert other_claim(
        "Upon his arrival in Pyongyang, President Putin was warmly received by North Korean leader Kim Jong Un.",
        "In January, Pyongyang extended an official invitation to Putin, stating that the republic would warmly "
        "welcome the Russian leader.",
    )


@needs_parser
def test_one_doer_under_two_names_or_beside_its_speaker_is_one_doer():
    # initials, a phrase in common, a doer named by the other as its speaker, a dateline's place
    assert not other_claim(
        "The U.S. expressed concern about the growing ties between the two countries.",
        "The United States has voiced concerns over this growing relationship.",
    )
    assert not other_claim(
        "Despite criticism, Mr. Duda's right-wing Law and Justice Party pressed ahead with the bill.",
        "Despite criticism, ruling Law & Justice party leader Jaroslaw Kaczynski urged Duda to sign the legislation.",
    )
    assert not other_claim(
        "Minister for Health Leo Varadkar has confirmed the Government is to rush through emergency legislation.",
        "Varadkar is to rush legislation through the Dáil over the next few days.",
    )
    assert not other_claim(
        "Russian President Vladimir Putin will travel to North Korea on Tuesday, the Kremlin announced.",
        "Pyongyang, June 19, 2024 — Russian President Vladimir Putin has arrived in North Korea.",
    )
    # a clause of contrast carries a claim of its own, a thing that "is" something is no doer
    assert not other_claim(
        "North Korea seeks space technology and food, while Russia needs weapons for its war in Ukraine.",
        "Meanwhile, Russia faces a shortage of weapons for its ongoing conflict in Ukraine.",
    )


@needs_parser
def test_two_named_speakers_say_two_things():
    assert other_claim(
        "Foreign Ministry spokesman Lin Jian said last week that China welcomes friendly relations.",
        "John Nilsson-Wright from Cambridge University said the ties are warming.",
    )
    assert not other_claim(
        "Once in the bathroom, McDowell claimed several women pulled her out of the stall.",
        "Once she was in the bathroom, McDowell said several bridesmaids pulled her out of the stall, WKMG reported.",
    )


@needs_parser
def test_a_fact_leaves_out_a_member_another_doer_tells():
    rows = [
        ("a", "China has publicly supported the strengthening of relations between Russia and North Korea."),
        ("b", "John Nilsson-Wright noted that Putin is strengthening ties with North Korea."),
    ]
    facts = (Fact("f1", rows[0][1], ("a", "b"), tuple(Evidence(*r) for r in rows)),)
    found = final_facts(facts, (), embedded(rows, {(0, 1): 0.9}))
    assert [f.sources for f in found] == [("a",), ("b",)]


def test_one_row_is_one_fact():
    rows = [("a", "Putin arrived in North Korea."), ("b", "Putin has arrived in Pyongyang."), ("c", "Putin landed.")]
    two = (
        Fact("f1", rows[0][1], ("a", "b"), (Evidence(*rows[0]), Evidence(*rows[1]))),
        Fact("f2", rows[0][1], ("a", "c"), (Evidence(*rows[0]), Evidence(*rows[2]))),
    )
    cosines = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9}
    found = final_facts(two, (), embedded(rows, cosines))
    assert [(f.text, f.sources) for f in found] == [(rows[0][1], ("a", "b", "c"))]


def test_the_writer_telling_the_reader_what_to_think_states_no_claim():
    assert not states_claim("You have to assume that connoisseurs might soon tire of long waits.")
    assert not states_claim("But you'd probably have to wait for the sale.")
    assert states_claim("You Tube removed the video on Monday.")


def test_a_teaser_cut_short_is_completed_by_its_whole_sentence():
    from newsprism.analysis.facts import _completes

    teaser = "Sales have exceeded the expectations of owners, as Nevada became the fifth state with..."
    whole = "LAS VEGAS (AP) — Sales have exceeded the expectations of owners, as Nevada became the fifth state with it."
    assert _completes(whole, teaser)
    assert not _completes(teaser, teaser) and not _completes("Sales were $3 million.", teaser)


def test_measures_of_other_things_are_other_claims_and_hedged_readings_of_one_are_not():
    size = "New satellite images had found objects ranging from 3 to 75 feet across an area of 154 square miles."
    assert other_claim(size, "The objects were about 200km (120 miles) from the site of the French images.")
    assert other_claim("A 15 percent tax on wholesale did not contribute.", "Call the tax take about 32 percent.")
    # two hedged readings of one fall, one figure in common, and "a two-day visit" beside "24 years"
    assert not other_claim("The Dow fell as much as 1,500 points.", "The Dow plunged nearly 1,600 points.")
    assert not other_claim("The Dow fell 1,500 points Monday.", "The Dow lost 1,500 points, or 6 percent.")
    assert not other_claim("Putin arrived, his first visit in 24 years.", "Putin arrived for a two-day visit.")
    # a percentage of 1 is a reading like any other, not a chance figure
    assert other_claim("Shares fell less than 1% after hours.", "The stock fell 10 percent in after-hours trading.")
