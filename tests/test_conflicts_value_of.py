"""What each value of a sentence is of: words nearer another value of its kind, a level left ("from"), an
amount's recipient, a hypothetical figure and a count told in another tense tie no conflict (each case
made after a false conflict on the Multi-News dev stories truth-dev does not label)."""

import pytest

from newsprism.analysis.parse import parser
from tests.test_conflicts_counts import counted
from tests.test_conflicts_precision import conflicts_of


def test_a_leftover_value_is_tied_only_by_its_own_words():
    poll = "The poll shows Romney at 49 percent and Obama at 45 percent in the rematch."
    party = "Today 45 percent call Obama too liberal, and 46 percent say the same about the Democratic Party."
    assert conflicts_of([poll], [party]) == []
    told = "The blast killed 12 people and injured 30 people in the town."
    assert conflicts_of([told], [told.replace("30 people", "35 people")]) == [["30 people", "35 people"]]
    reworded = "Twelve people were killed and 35 people were injured by the blast."
    assert conflicts_of([told], [reworded]) == [["30 people", "35 people"]]
    # a value with no words of its own keeps all those around it
    votes = "With 316 votes for and 301 votes against, the coalition won the vote."
    assert conflicts_of([votes], [votes.replace("316", "205")]) == [["205 votes", "316 votes"]]


def test_a_span_left_is_not_the_span_now():
    cut = "The court reduced her sentence from three years in prison to one, Amnesty reported."
    given = "The court confirmed her conviction, leaving her facing a prison sentence of a year."
    assert conflicts_of([cut], [given]) == []
    assert conflicts_of([cut], [cut.replace("from three years", "from five years")]) == [["three years", "five years"]]


def test_amounts_given_to_different_recipients_are_two_sums():
    part = "Mercer backed Cruz with $13.5 million in donations to an independent super PAC."
    whole = "Mercer gave $22.5 million in donations to Republican candidates in the campaign."
    assert conflicts_of([part], [whole]) == []
    same = "Mercer gave $22.5 million in donations to an independent super PAC."
    assert conflicts_of([part], [same]) == [["$13.5 million", "$22.5 million"]]


def test_a_hypothetical_figure_is_not_a_figure_found():
    projected = "At that point the population would exceed 20 billion people, more than the planet could feed."
    feared = "The planet may not be able to feed nine billion people, experts fear."
    assert conflicts_of([projected], [feared]) == []
    reported = "The population would exceed 20 billion people, officials said, more than the planet could feed."
    assert conflicts_of([reported], [feared.replace("nine", "15")]) == [["15 billion people", "20 billion people"]]


@pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")
def test_counts_told_in_two_tenses_are_of_two_moments():
    past = "In 18th-century Europe, the average woman had six children."
    present = "In Niger, the average woman has seven children."
    assert counted(past, present) == []
    assert counted(past, "In 18th-century Europe, the average woman had seven children.") == [
        ["six children", "seven children"]
    ]
