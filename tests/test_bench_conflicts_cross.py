"""The planted-conflict bench's own variants: a change must contradict, a harmless variant must not."""

import importlib.util
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cv = _load("cross_variants")


def _only(kind: str, sentence: str):
    found = cv.values(kind, sentence)
    assert len(found) == 1, found
    return found[0]


def _harmless(kind: str, sentence: str) -> dict[str, str]:
    value = _only(kind, sentence)
    return {v.how: v.changed for v in cv.harmless(value, sentence, random.Random(0))}


@pytest.mark.parametrize("value", [2, 3, 5.5, 7, 12, 37, 60, 172_523])
def test_a_changed_value_is_beyond_any_rounding(value):
    for seed in range(20):
        new = cv.shifted(value, random.Random(seed))
        assert new >= 1.5 * value or new <= 0.65 * value


def test_an_age_moves_by_three_years_or_more_and_its_harmless_forms_keep_it():
    sentence = "Police said Kelley, 37, was arrested."
    for seed in range(20):
        changed = cv.change(_only("age", sentence), sentence, random.Random(seed))
        assert abs(int(changed.new) - 37) >= 3 and changed.changed == sentence.replace("37", changed.new)
    assert _harmless("age", sentence) == {"aged": "Police said Kelley, aged 37, was arrested."}
    assert _harmless("age", "A 37-year-old John Smith was held.") == {"name, age,": "John Smith, 37, was held."}
    assert _harmless("age", "A 37-year-old New York man was held.") == {}


def test_a_hedged_bound_is_contradicted_only_by_a_figure_outside_it():
    sentence = "At least 60 people died."
    lower = cv.change(_only("hedged", sentence), sentence, random.Random(1))
    assert lower.changed.endswith(f"{lower.new} people died.") and float(lower.new) < 60
    assert "least" not in lower.changed
    upper = cv.change(_only("hedged", "Nearly 60 people died."), "Nearly 60 people died.", random.Random(1))
    assert float(upper.new) > 60 and "early" not in upper.changed
    assert "hedge dropped" in _harmless("hedged", sentence)  # "60" is in "at least 60"
    assert set(_harmless("hedged", "Nearly 60 people died.")) == {"hedge reworded"}  # "60" is not "nearly 60"
    assert _harmless("hedged", "More than 60 people died.")["hedge reworded"] == "At least 60 people died."


def test_values_with_units_money_percentages_and_counts():
    assert _harmless("with unit", "It fell 1,700ft to the sea.")["unit spelled out"].endswith("1,700 feet to the sea.")
    assert "(4.0 kilometers)" in _harmless("with unit", "He ran 2.5 miles home.")["conversion added"]
    assert _harmless("money", "It cost $12 million.")["$12m"] == "It cost $12m."
    assert _harmless("percentage", "Turnout was 25 percent of voters.")["% or percent"] == "Turnout was 25% of voters."
    assert _harmless("plain count", "He won 172,523 votes.") == {"rounded": "He won more than 170,000 votes."}
    assert _only("plain count", "Police and 12 people came.").number == "12"
    for unhedged in ("percentage", "money", "plain count"):
        assert cv.values(unhedged, "About 25 percent paid some $12 million for nearly 40 cars.") == []
    assert cv.values("plain count", "Between 20 and 30 people came in 2014 on June 12.") == []


def test_no_figure_is_changed_alone_where_the_sentence_ties_it_to_another():
    for sentence in (
        "The lakes are 2 to 3 miles below the crust.",
        "Qusayr, nine miles (15km) outside Homs, was hit.",
        "Climbers on the 8,027-meter (26,330-foot) mountain.",
        "She is 5-foot-7 and about 50–75% done.",
    ):
        assert [v for kind in cv.KINDS for v in cv.values(kind, sentence)] == [], sentence
    assert cv.values("plain count", "Two of the 7 young men were held.") == []
    assert cv.values("percentage", "Family Size 100% 138% 150% 200% 250%") == []  # a table run into a line


def test_the_article_before_a_changed_figure_follows_its_sound():
    sentence = "They assaulted a 3-year-old boy."
    seen = set()
    for seed in range(40):
        changed = cv.change(_only("age", sentence), sentence, random.Random(seed))
        article = "an" if changed.new in ("8", "11", "18") else "a"
        assert changed.changed == f"They assaulted {article} {changed.new}-year-old boy."
        seen.add(article)
    assert seen == {"a", "an"}
