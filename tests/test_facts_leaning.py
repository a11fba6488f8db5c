"""A sentence leaning on its context for its claim (the writer's own voice, a question, a lead-in) is linked
by its wording only when closer than another outlet's report needs to be."""

from newsprism.analysis.fact_words import leans_on_context
from newsprism.analysis.facts import FactsConfig

from .test_facts import facts_of

OWN = "I got my Oculus Rift dev kit last week and played around with it."
REPORT = "Oculus has shipped its Rift dev kit to developers around the world."
ASKING = "Yeah, but Facebook's going to ruin Oculus Rift, right?"
STORY = {"a": ["Facebook agreed to buy Oculus for $2 billion.", REPORT], "b": [OWN, "Zuckerberg called it a platform."]}


def test_the_writers_own_voice_and_questions_lean_on_their_context():
    assert leans_on_context(OWN)
    assert leans_on_context(ASKING)
    assert leans_on_context("Cosby's reply:")
    assert not leans_on_context(REPORT)
    assert not leans_on_context("“I got my kit last week,” Notch said.")  # a speaker's words, told as such


def test_a_leaning_sentence_needs_more_than_a_report_to_be_linked():
    close = {(OWN, REPORT): 0.47}
    # without the margin the two share enough rare words ("rift", "dev", "kit") to be linked at cosine 0.47
    assert facts_of(STORY, close, FactsConfig(leaning_margin=0.0)) == [sorted([OWN, REPORT])]
    assert facts_of(STORY, close) == []
    # close as wholes, they are still linked
    assert facts_of(STORY, {(OWN, REPORT): 0.9}) == [sorted([OWN, REPORT])]
