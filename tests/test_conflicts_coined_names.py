"""Conflicts over the name one maker gives one thing, read with spaCy's dependency parse."""

import pytest

from newsprism.analysis.coined_names import coined_name_conflicts
from newsprism.analysis.parse import parser

from .stories import conflict_values

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

CALLS = "It uses what Lenovo calls the Aura UI, which uses drag-wheels to launch videos and games"
QUOTED = 'When you lay it flat, Lenovo\'s "Moon Dial" interface opens, providing a wheel-based launcher'


def names(*texts: str, facts: tuple[tuple[int, int], ...] | None = None) -> list[list[str]]:
    return conflict_values(coined_name_conflicts, *texts, facts=facts)


def test_one_makers_thing_given_two_names_is_a_possible_difference():
    assert names(CALLS, QUOTED) == [["Aura UI", "Moon Dial"]]


def test_no_conflict_without_one_namer_one_fact_or_two_unknown_names():
    assert names(CALLS, QUOTED.replace("Lenovo's", "Microsoft's")) == []  # two makers' things
    assert names(CALLS, QUOTED, facts=()) == []  # sentences the facts do not join
    assert names(CALLS, QUOTED + ". The Aura software comes with it") == []  # an article knowing both names
    assert names(CALLS, 'Lenovo\'s "Aura" interface opens when laid flat') == []  # one name
    assert names(CALLS, 'Lenovo calls it a "table PC", providing a wheel-based launcher') == []  # a kind, no name
