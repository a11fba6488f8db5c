"""Conflicts over the day of one act by or to one named person, a date counted in days read as its day."""

import pytest

from newsprism.analysis.act_days import act_day_conflicts
from newsprism.analysis.parse import parser
from newsprism.records import Article, Conflict, Sentence, Story

from .stories import conflict_values

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

SEARCH = "On June 17, detectives executed a search warrant at the home of Dwight Smith, who was arrested, police said"
DAY_LATER = "A day later, Kevin Johnson, 25, also was arrested on suspicion of murder"
RECORDS = "County inmate records indicated Johnson was arrested June 17 and was being held on bail"


def read(sentences: list[Sentence], _same_fact: set[tuple[int, int]]) -> list[Conflict]:
    return act_day_conflicts(sentences)


def days(*texts: str) -> list[list[str]]:
    return conflict_values(read, *texts)


def test_a_sentence_opening_on_a_count_of_days_is_dated_from_the_day_before():
    assert days(f"{SEARCH}. {DAY_LATER}.", RECORDS) == [
        ["June 17", "June 18 (A day later, from June 17 in the sentence before)"]
    ]


def test_a_sentence_opening_on_the_day_just_told_is_of_that_day():
    assert days(f"{SEARCH}. Later that day, Kevin Johnson was also arrested.", "Johnson was arrested June 18.") == [
        ["June 17 (Later that day, from June 17 in the sentence before)", "June 18"]
    ]
    assert days(f"{SEARCH}. That week, Kevin Johnson was also arrested.", "Johnson was arrested June 18.") == []


def test_the_day_counted_from_is_named_in_the_reasons_not_given_as_evidence():
    conflict = _one(f"{SEARCH}. {DAY_LATER}.", RECORDS)
    assert all(SEARCH not in e.sentence for side in conflict.sides for e in side.evidence)
    assert any(SEARCH in reason for reason in conflict.reasons)
    assert conflict.confidence == 0.5 and conflict.kind == "date"


def test_a_date_counted_in_the_sentence_is_the_day_it_counts_to():
    assert days("Kevin Johnson was arrested a day after June 17.", "Police arrested Johnson on 17 June 2015.") == [
        ["17 June 2015", "a day after June 17"]
    ]
    assert days("Kevin Johnson was arrested a day after June 17.", "Police arrested Johnson on June 18.") == []


def test_a_date_that_only_bounds_the_act_dates_nothing():
    assert days("Kevin Johnson was arrested after June 17.", "Police arrested Johnson on June 18.") == []
    assert days("Kevin Johnson must be arrested by June 17.", "Police arrested Johnson on June 18.") == []


def test_an_article_that_dates_the_act_twice_or_tells_it_again_tells_of_two():
    assert days("Johnson was arrested on June 18. Johnson was arrested on June 20.", RECORDS) == []
    assert days("Johnson was arrested on June 18. He was arrested on June 20.", RECORDS) == []
    assert days("Johnson was arrested again on June 18.", RECORDS) == []
    assert days("Johnson was arrested for a second time on June 18.", RECORDS) == []


def test_one_verb_of_two_people_or_two_roles_or_two_years_is_two_acts():
    assert days("Smith was arrested June 18.", RECORDS) == []
    assert days("Kevin Johnson was arrested on June 18.", "Police arrested Magic Johnson on June 17.") == []
    assert days("Johnson arrested Smith on June 18.", RECORDS) == []
    assert days("Johnson was arrested on June 18, 2014.", "Johnson was arrested on June 17, 2015.") == []


def test_a_day_told_in_a_clause_of_background_is_counted_from_by_nothing():
    born = "The man, who was born on June 17, was arrested Tuesday"
    assert days(f"{born}. {DAY_LATER}.", RECORDS) == []


def test_a_relative_clause_dates_the_person_it_tells_of():
    assert days("Police questioned Kevin Johnson, who was arrested on June 18.", RECORDS) == [["June 17", "June 18"]]


def _one(*texts: str) -> Conflict:
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    sentences = list(Story("s", tuple(articles)).sentences())
    (conflict,) = act_day_conflicts(sentences)
    return conflict
