"""Facts tell a claim from its purpose and from another deed of the same doer, count figures alike when two
sentences count the same things, and take a second wording of a seed that is as close as the first."""

import pytest

from newsprism.analysis.claim_events import frames, other_events
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.fact_figures import alike_figures, counted_alike, same_figure_and_name
from newsprism.records import Sentence

from .test_facts import facts_of

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

LAUNCHED = "A multi-jurisdictional operation was then launched to find and rescue Hackett, police said."
RESCUED = "The U.S. Coast Guard and a team of police and firefighters eventually rescued Hackett."
SPOTTED = "Around 9:30 p.m., the U.S. Coast Guard helicopter team spotted Hackett treading water."
MASSACRE = "Her son would use the rifle to massacre 20 first-grade students and six adults."
LEFT = "The town planned no events to mark the massacre, which left 20 first graders and six educators dead."


@needs_parser
def test_an_infinitive_after_a_passive_verb_is_its_purpose_not_the_claim():
    assert [verb for verb, _, _ in frames(LAUNCHED)] == ["launch"]
    # a passive verb of expectation leads to the claim
    assert [verb for verb, _, _ in frames("Putin is expected to sign a treaty.")] == ["sign"]


@needs_parser
def test_one_doer_doing_two_things_to_one_thing_tells_two_events():
    assert other_events(SPOTTED, RESCUED)
    assert not other_events(RESCUED, "The Coast Guard rescued Hackett, police said.")
    assert not other_events(SPOTTED, "Hackett was treading water in heavy fog.")  # nobody does a thing to him


def test_two_figures_counting_the_same_things_are_one_count():
    assert counted_alike([MASSACRE, LEFT]) == [(0, 1)]
    # two figures in common, counting nothing alike
    assert (
        counted_alike(
            ["He climbed Everest twice, the year six climbers died.", "They lay two meters (six feet) apart."]
        )
        == []
    )
    assert facts_of({"a": [MASSACRE], "b": [LEFT]}, {(MASSACRE, LEFT): 0.28}) == [sorted([MASSACRE, LEFT])]


def test_two_measures_of_one_thing_are_not_other_figures():
    assert alike_figures("the 8,027-meter (26,330-foot) mountain", "the 26,291-foot (8,013 m) peak")
    assert not alike_figures("It opened in 2015.", "It opened in 2016.")  # two years
    assert not alike_figures("15 people were hurt.", "16 people were hurt.")  # two counts
    assert not alike_figures("It cost $30,000.", "It cost $31,000.")


SEED = "Lima passed away early this morning after a valiant battle with cancer, he said."
DIED = "LFO singer Devin Lima has died after a yearlong battle with stage 4 cancer."
EARLY = "Devin Lima died early Wednesday morning, according to a family member."


def test_a_second_wording_as_close_to_the_seed_as_the_first_is_taken_too():
    articles = {"a": [SEED], "b": [DIED, "The band had a hit in 1999.", EARLY]}
    both = facts_of(articles, {(SEED, DIED): 0.8, (SEED, EARLY): 0.79})
    assert both == [sorted([SEED, DIED, EARLY])]
    # a farther one is not another wording of the first fact; it states the seed's claim on its own
    apart = facts_of(articles, {(SEED, DIED): 0.85, (SEED, EARLY): 0.79})
    assert apart == [sorted([SEED, DIED]), sorted([SEED, EARLY])]


INDICTED = "A grand jury issued six indictments against Johnson on November 19."
FACED = "Johnson faced six charges stemming from the incident in which he said he was attacked."
CHILDREN = "Amber Pasztor admitted to smothering her two children to death."
SLAIN = "The discovery of two slain children after an Amber Alert was called a tragedy."


def test_one_figure_and_one_name_are_one_claim_unless_the_figure_is_one_or_two():
    rows = same_figure_and_name([Sentence("a", 0, INDICTED), Sentence("b", 0, FACED)])
    assert rows == [(0, 1, False)]  # "Johnson" opens the second sentence and is a name mid-sentence in the first
    assert same_figure_and_name([Sentence("a", 0, CHILDREN), Sentence("b", 0, SLAIN)]) == []
