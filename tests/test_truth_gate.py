"""The evaluation gate, as trafilatura pins its F1: newsprism's figures on the 30 hand-labelled
truth-dev stories may not fall below the last ones recorded in ``truth_floor.json``.

After an improvement, record the new figures: ``python3 -m tests.test_truth_gate --record``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TRUTH = ROOT.parent / "shared" / "bench" / "truth-dev"
MULTINEWS = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
FLOOR = Path(__file__).with_name("truth_floor.json")
# Figures where less is better; every other figure is a share where more is better.
LOWER_IS_BETTER = {"summary sentences that are page junk", "articles lost", "entities merging two gold entities"}
FIGURE = re.compile(r"^(?P<name>[a-z][a-z -]+): (?P<value>[\d.]+) \((?P<hits>\d+)/(?P<total>\d+)\)$")


def truth_figures(workdir: Path) -> dict[str, dict[str, float]]:
    """Run newsprism on truth-dev as its README says and read the scorer's figures."""
    score = TRUTH / "score.py"
    records = workdir / "truth-input.jsonl"
    made = subprocess.run(
        [sys.executable, score, "--input", TRUTH / "gold.jsonl", MULTINEWS], capture_output=True, text=True, check=True
    )
    records.write_text(made.stdout)
    report = workdir / "truth-report.json"
    subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", records, "-o", report, "--db", workdir / "t.db"],
        capture_output=True,
        text=True,
        check=True,
    )
    scored = subprocess.run(
        [sys.executable, score, TRUTH / "gold.jsonl", report], capture_output=True, text=True, check=True
    )
    figures = {}
    for line in scored.stdout.splitlines():
        if match := FIGURE.match(line.strip()):
            hits, total = int(match["hits"]), int(match["total"])
            figures[match["name"]] = {"hits": hits, "total": total, "share": hits / total if total else 0.0}
    return figures


def test_truth_dev_figures_do_not_drop(tmp_path):
    if not TRUTH.is_dir() or not MULTINEWS.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{TRUTH} is missing: CI must run with ../shared beside the clone")
        pytest.skip("../shared/bench/truth-dev not present")
    floor = json.loads(FLOOR.read_text())
    figures = truth_figures(tmp_path)
    worse = []
    for name, recorded in floor.items():
        now = figures[name]
        # a count of errors may not grow (its share moves with the number of entities or sentences); a
        # share of right answers may not fall
        if name in LOWER_IS_BETTER and now["hits"] > recorded["hits"]:
            worse.append(f"{name}: {now['hits']} (was {recorded['hits']})")
        elif name not in LOWER_IS_BETTER and now["share"] < recorded["share"] - 1e-9:
            worse.append(f"{name}: {now['share']:.3f} (was {recorded['share']:.3f})")
    assert not worse, "truth-dev figures dropped: " + "; ".join(worse)


if __name__ == "__main__":
    if "--record" in sys.argv:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            FLOOR.write_text(json.dumps(truth_figures(Path(folder)), indent=1, sort_keys=True) + "\n")
        print(FLOOR.read_text())
