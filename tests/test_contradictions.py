"""One article negating what another states of the same thing is a conflict of kind "contradiction"; a
doubt, a party's denial of an accusation, an intention or two sentences about different things are not."""

import numpy as np
import pytest

from newsprism.analysis.contradictions import CONFIDENCE, EFFECT_CONFIDENCE, contradiction_conflicts
from newsprism.analysis.parse import parser
from newsprism.embed import EmbeddedSentences
from newsprism.records import Article, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="the check reads spaCy's parse")


class Same:
    """Every text at one point: any two sentences are as close as can be."""

    name, dim, align_similarity, fact_similarity, story_similarity = "same", 2, 0.8, 0.7, 0.3

    def embed(self, batch: list[str]) -> np.ndarray:
        return np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(batch), 1))


class Apart(Same):
    """A sentence holding a negation at right angles to every other: no two of them alike."""

    def embed(self, batch: list[str]) -> np.ndarray:
        return np.array([[0.0, 1.0] if " not " in text else [1.0, 0.0] for text in batch], dtype=np.float32)


def found(a: str, b: str, embedder: Same | None = None) -> list:
    articles = (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,)))
    return contradiction_conflicts(EmbeddedSentences(Story("s", articles).sentences(), embedder or Same()))


def test_the_same_act_negated_is_a_contradiction() -> None:
    [conflict] = found("Smith attended the premiere in Atlanta.", "Smith did not attend the premiere in Atlanta.")
    assert conflict.kind == "contradiction"
    assert conflict.about == "attend (premiere): stated by one source, negated by another"
    assert conflict.confidence == CONFIDENCE
    assert [side.sources for side in conflict.sides] == [("a",), ("b",)]
    assert conflict.sides[1].evidence[0].sentence == "Smith did not attend the premiere in Atlanta."


def test_a_denied_effect_against_a_change_is_a_possible_difference() -> None:
    claim = "Dozens of people could now have their convictions overturned."
    [conflict] = found(claim, "It will not impact on existing convictions under the Act.")
    assert conflict.confidence == EFFECT_CONFIDENCE
    assert conflict.sides[0].evidence[0].sentence == claim


def test_a_denied_effect_against_what_is_no_change_is_nothing() -> None:
    assert not found(
        "The court ruled the law to be unconstitutional.", "The outcome does not affect existing laws on heroin."
    )


def test_sentences_about_different_things_are_not_set_against_each_other() -> None:
    pair = ("Smith attended the premiere in Atlanta.", "Smith did not attend the premiere in Atlanta.")
    assert found(*pair)
    assert not found(*pair, embedder=Apart())


@pytest.mark.parametrize(
    ("claim", "denial"),
    [
        ("Smith attended the premiere.", "Smith may not attend the premiere."),  # a doubt
        ("Smith attended the premiere.", "Did Smith not attend the premiere?"),  # a question
        ("Smith is accused of stealing the money.", "Smith did not steal the money."),  # an accusation denied
        ("Smith stole the money.", "Smith did not steal the money, his lawyer said."),  # a party's word
        ("Advocates encourage victims to report crimes.", "Victims are not reporting crimes."),  # an intention
    ],
)
def test_a_doubt_a_question_a_party_s_denial_or_an_intention_is_no_contradiction(claim: str, denial: str) -> None:
    assert not found(claim, denial)


def test_an_act_meant_or_graded_is_no_contradiction() -> None:
    denial = "The devices do not track heart rates."
    assert found("The devices track heart rates.", denial)
    assert not found("People bought the devices to help them track heart rates.", denial)  # a purpose
    assert not found("The devices track heart rates.", "The devices do not accurately track heart rates.")
