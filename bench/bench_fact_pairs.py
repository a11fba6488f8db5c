"""Multi-source facts on stories no analysis was tuned on: how many of their joins readers judged one claim.

A fact of several sources joins sentences of different articles; ``bench/labels/fact-pairs-*.jsonl`` hold
readers' judgements of every pair a report of ``main`` (commit 1282461) joined on the 40 unseen stories of
``bench/labels/unseen-*.jsonl``: ``same`` (one claim), ``partly``, ``different``, ``conflict`` (one thing,
two values). This counts, for a newer report of the same stories, the judged pairs it still joins by label,
and the pairs nobody judged (new joins: read them).

    python3 bench/unseen_labels.py build bench/labels/unseen-a.jsonl > /tmp/unseen-a.jsonl   # and b
    SCORE=../shared/bench/truth-dev/score.py
    python3 $SCORE --input /tmp/unseen-a.jsonl ../shared/bench/multinews-dev.jsonl > in-a.jsonl
    newsprism analyze in-a.jsonl -o a.json --db a.db                                          # and b
    python3 bench/bench_fact_pairs.py a.json b.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from pathlib import Path

from unseen_labels import STORIES, build_pair, documents

LABELS = Path(__file__).resolve().parent / "labels"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def joins(report: Path) -> set[tuple[str, str, str, str]]:
    """Every pair of sentences of different articles that one fact of the report holds, in a fixed order."""
    found = set()
    for story in json.loads(report.read_text(encoding="utf-8"))["stories"]:
        for fact in story.get("facts", []):
            for x, y in itertools.combinations(fact.get("evidence", []), 2):
                if x["article"] != y["article"]:
                    a, b = sorted([(x["article"], collapse(x["sentence"])), (y["article"], collapse(y["sentence"]))])
                    found.add((*a, *b))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", type=Path, nargs="+", help="reports of set A and set B (or either)")
    parser.add_argument("--stories", type=Path, default=STORIES, help="multinews-dev.jsonl")
    args = parser.parse_args()
    docs = documents(args.stories)
    judged = {}
    for path in sorted(LABELS.glob("fact-pairs-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            pair = build_pair(json.loads(line), docs[json.loads(line)["story"]])
            judged[(pair["a"], pair["sa"], pair["b"], pair["sb"])] = pair["label"]
    counts: Counter[str] = Counter()
    for report in args.reports:
        for join in joins(report):
            counts[judged.get(join, "not judged")] += 1
    total = sum(n for label, n in counts.items() if label != "not judged")
    shares = ", ".join(
        f"{label} {counts[label]} ({counts[label] / max(total, 1):.2f})"
        for label in ("same", "partly", "different", "conflict")
    )
    print(f"judged joins {total}: {shares}; not judged {counts['not judged']}")


if __name__ == "__main__":
    main()
