"""An article that says the opposite of a summary sentence is never cited for it."""

import pytest

from newsprism.analysis.parse import parser
from newsprism.analysis.support import uses_words
from newsprism.analysis.support_denial import denies
from newsprism.records import Article

pytestmark = pytest.mark.skipif(parser() is None, reason="the check reads spaCy's parse")

CLAIM = "Officials say dozens of people could now have their convictions overturned."


def test_a_negated_effect_on_the_same_thing_denies_the_claim() -> None:
    assert denies("The ruling came on Tuesday. It will not impact on existing convictions.", CLAIM)


def test_the_claims_own_verb_negated_denies_it() -> None:
    assert denies("Their convictions will not be overturned, the court said.", CLAIM)


def test_an_unnegated_or_unrelated_sentence_does_not_deny() -> None:
    assert not denies("It will impact on existing convictions.", CLAIM)
    assert not denies("The minister did not comment on the ruling.", CLAIM)


def test_an_article_that_also_states_the_claim_is_not_denying_it() -> None:
    denial = "Old convictions will not be overturned."
    assert denies(denial, CLAIM)
    assert not denies(f"{denial} Recent convictions will be overturned within weeks.", CLAIM)


def test_a_denying_article_is_not_cited() -> None:
    denying = Article("a", "Dozens of people were convicted. The change will not affect their convictions.")
    stating = Article("b", "Dozens of people could now have their convictions overturned, officials say.")
    assert not uses_words(denying, "Dozens of people could now have their convictions overturned.")
    assert uses_words(stating, "Dozens of people could now have their convictions overturned.")


def test_a_verb_joined_to_a_negated_one_is_not_negated() -> None:
    claim = "The bodies have been left untouched out of respect."
    assert not denies("We did not touch them and left the bodies on the mountain.", claim)


def test_a_negated_verb_it_completes_negates_it() -> None:
    assert denies("The ruling is not expected to affect existing convictions.", CLAIM)


def test_a_verb_an_active_one_asks_for_is_not_negated_by_it() -> None:
    assert not denies("They did not tell me to use the pencils.", "Bloggers use the pencils as eyeliner.")
    assert not denies("Police did not ask the students to leave the campus.", "The students left the campus.")


def test_the_doer_of_a_perfect_tense_is_not_what_the_verb_acts_on() -> None:
    # "have ruled" is said of the investigators, not done to them: ruling out a fault denies nothing of them
    assert not denies("Investigators have not ruled out a technical fault.", "Investigators have ruled nothing out.")
