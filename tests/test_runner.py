"""The analysis runner keys each analyser's stored result by what it reads, so a change recomputes
what it touched and nothing else."""

import json
from dataclasses import replace

import pytest

import newsprism
from newsprism.analysis.analysers import ANALYSERS
from newsprism.analysis.runner import AnalysisRun, ordered
from newsprism.config import FactsConfig, Settings
from newsprism.errors import UsageError

from .conftest import EXAMPLES


@pytest.fixture
def stored(tmp_path):
    db = tmp_path / "n.db"
    newsprism.analyze([EXAMPLES], db=db, embedder="hashing")
    return db


@pytest.fixture
def computed(monkeypatch):
    """The names of the analysers that ran rather than loaded their stored result, per report."""
    names: list[str] = []
    original = AnalysisRun._compute

    def spy(self, analyser, key):
        names.append(analyser.name)
        return original(self, analyser, key)

    monkeypatch.setattr(AnalysisRun, "_compute", spy)
    return names


def stories(report):
    return {s["id"]: s for s in json.loads(report.to_json())["stories"]}


def test_nothing_changed_nothing_recomputed(stored, computed):
    newsprism.api.report(db=stored, embedder="hashing")
    assert computed == []


def test_a_new_version_of_one_analyser_recomputes_it_alone(stored, computed, monkeypatch):
    before = newsprism.api.report(db=stored, embedder="hashing")
    monkeypatch.setitem(ANALYSERS._factories, "timeline", replace(ANALYSERS.get("timeline"), version="test"))
    after = newsprism.api.report(db=stored, embedder="hashing")
    assert computed == ["timeline", "timeline"]  # once per story
    assert stories(after) == stories(before)


def test_a_new_version_recomputes_the_analysers_that_read_its_results(stored, computed, monkeypatch):
    monkeypatch.setitem(ANALYSERS._factories, "facts", replace(ANALYSERS.get("facts"), version="test"))
    newsprism.api.report(db=stored, embedder="hashing")
    assert sorted(set(computed)) == ["conflicts", "facts", "framing", "summary"]


def test_a_threshold_change_recomputes_the_analysers_that_read_it(stored, computed):
    shorter = newsprism.api.report(db=stored, embedder="hashing", summary_words=40)
    assert set(computed) == {"summary"}
    assert all(sum(len(s["text"].split()) for s in story["summary"]) < 80 for story in stories(shorter).values())
    computed.clear()
    newsprism.api.report(db=stored, embedder="hashing", settings=Settings(facts=FactsConfig(similarity=0.9)))
    assert set(computed) == {"facts", "conflicts", "framing", "summary"}


def test_another_embedder_recomputes_what_reads_vectors(stored, computed):
    newsprism.api.report(db=stored, embedder="minilm")
    assert "timeline" not in computed and "entities" not in computed
    assert {"provenance", "facts", "summary"} <= set(computed)


def test_analysers_run_after_what_they_read():
    names = [a.name for a in ordered(ANALYSERS.get(n) for n in reversed(ANALYSERS.names()))]
    assert names.index("facts") < names.index("conflicts") < names.index("summary")
    assert names.index("provenance") < names.index("framing")


def test_a_missing_input_is_a_clear_error():
    lonely = replace(ANALYSERS.get("summary"), reads=("nowhere",))
    with pytest.raises(UsageError, match="nowhere"):
        ordered([lonely])
