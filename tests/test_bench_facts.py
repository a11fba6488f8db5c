"""The shared-facts bench lists the labelled facts a report misses and the joins one report adds to another."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_facts.py"
spec = importlib.util.spec_from_file_location("bench_facts", BENCH)
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

ARRESTED = "Shelby McDowell, 20, was arrested Sunday night at a wedding in Palm Coast."
CRASHED = "A 20-year-old woman was arrested Sunday night after crashing a wedding."
GOLD = {
    "story": "s",
    "shared_facts": [
        {"fact": "She was arrested on Sunday night.", "quotes": {"1": ARRESTED, "2": CRASHED}},
        {"fact": "one source only", "quotes": {"1": ARRESTED}},
    ],
}


def report(*facts: list[tuple[str, str]]) -> dict:
    return {"stories": [{"facts": [{"evidence": [{"article": a, "sentence": s} for a, s in f]} for f in facts]}]}


def test_a_fact_holding_two_gold_sentences_finds_the_label_and_apart_they_miss_it():
    together = bench.facts_by_story(report([("s-1", ARRESTED), ("s-2", CRASHED)]))
    assert bench.missed(GOLD, together["s"]) == []
    apart = bench.facts_by_story(report([("s-1", ARRESTED), ("s-0", "Police said so.")], [("s-2", CRASHED)]))
    [(n, _, held)] = bench.missed(GOLD, apart["s"])
    assert n == 0 and held == {1: True, 2: True}  # both sentences are candidates, only not joined


def test_joins_added_and_removed_are_pairs_of_different_articles():
    before = bench.joins(bench.facts_by_story(report([("s-1", ARRESTED), ("s-0", "Police said so.")])))
    after = bench.joins(bench.facts_by_story(report([("s-1", ARRESTED), ("s-2", CRASHED), ("s-2", "More.")])))
    assert after - before == {(("s-1", ARRESTED), ("s-2", CRASHED)), (("s-1", ARRESTED), ("s-2", "More."))}
    assert before - after == {(("s-0", "Police said so."), ("s-1", ARRESTED))}
