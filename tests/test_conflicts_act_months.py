"""Conflicts over the month of one act, a sentence without a date dated by the sentence before it."""

import pytest

from newsprism.analysis.act_months import act_month_conflicts
from newsprism.analysis.parse import parser
from newsprism.records import Article, Story

from .stories import conflict_values

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

ASKED = "In March 2016, Plaskett asked McCullum to take her iPhone to an Apple store"
WHILE = "While he had her phone, he created Hotmail and Facebook accounts under a pseudonym"
JULY = "In July 2016, after McCullum left the staff, he allegedly created a Hotmail account under a fake name"


def months(*texts: str, facts: tuple[tuple[int, int], ...] | None = None) -> list[list[str]]:
    return conflict_values(act_month_conflicts, *texts, facts=facts)


def test_a_sentence_opening_on_the_time_just_told_is_dated_by_the_sentence_before():
    assert months(f"{ASKED}. {WHILE}.", JULY) == [["March 2016 (from the sentence before)", "July 2016"]]
    assert months(f"{ASKED}. At the time, he created Hotmail and Facebook accounts.", JULY) == [
        ["March 2016 (from the sentence before)", "July 2016"]
    ]


def test_one_act_dated_in_both_sentences_to_two_months():
    assert months("He created a Hotmail account in March 2016.", JULY) == [["March 2016", "July 2016"]]
    # a full date is read by its month
    assert months("He created a Hotmail account on 4 March 2016.", JULY) == [["4 March 2016", "July 2016"]]
    assert months("He created a Hotmail account on July 4, 2016.", JULY) == []


def test_later_that_day_carries_the_date_of_the_sentence_before():
    carried = "McCullum took her iPhone to a store on March 3, 2016. Later that day he created Hotmail accounts"
    assert months(carried, JULY) == [["March 3, 2016 (from the sentence before)", "July 2016"]]


def test_no_conflict_without_one_act_one_fact_or_two_months():
    # a sentence that does not continue the one before it is not dated by it
    assert months(f"{ASKED}. He created Hotmail and Facebook accounts under a pseudonym.", JULY) == []
    # a "while" that sets one claim against another ("While he denied it") is not of the time just told
    assert months(f"{ASKED}. While he denied it, he created Hotmail accounts under a pseudonym.", JULY) == []
    # another act (another verb, or the verb on another thing), or the same month
    assert months("He deleted a Hotmail account in March 2016.", JULY) == []
    assert months("He created a website in March 2016.", JULY) == []
    assert months("He created a Hotmail account in July 2016.", JULY) == []
    # sentences the facts do not join
    assert months("He created a Hotmail account in March 2016.", JULY, facts=()) == []
    # an article that dates the act to two months tells of two
    two = "He created a Hotmail account in March 2016. He created a Facebook account in May 2016"
    assert months(two, JULY) == []


def test_a_carried_date_names_its_sentence_in_the_reasons_not_in_the_evidence():
    articles = (Article("a", f"{ASKED}. {WHILE}", sentences=(ASKED, WHILE)), Article("b", JULY, sentences=(JULY,)))
    sentences = Story("s", articles).sentences()
    (conflict,) = act_month_conflicts(sentences, {(1, 2)})
    # the sentence before tells another act, which the other article may date alike: no side's evidence
    assert [[e.sentence for e in side.evidence] for side in conflict.sides] == [[WHILE], [JULY]]
    assert any(ASKED in reason for reason in conflict.reasons) and conflict.confidence == 0.5
