"""Labels of Multi-News stories no analysis was tuned on, kept without the texts they quote.

truth-dev's 30 stories are what the analyses were built against; ``bench/labels/unseen-*.jsonl`` label 87
other stories of ``multinews-dev.jsonl`` (3 or more documents each, drawn at random: A and B with seed 2026,
C with seed 2027, D in an order drawn with seed 2028) the same way, for pages and conflicts only, read by
people from the texts alone. Sets A and B are for building, set C is held out: it is read only to check
that a change made on A, B (or on truth-dev) carries over; set D is for measuring.

The label files hold no text of the documents: every quote is stored as ``[k, start, end]``, a span of
document ``k`` after its whitespace is collapsed to single spaces, so that nothing of the benchmark is
committed. ``build`` turns a label file back into truth-dev's ``gold.jsonl`` form for its ``score.py``::

    python3 bench/unseen_labels.py build bench/labels/unseen-b.jsonl > /tmp/unseen-b.jsonl
    SCORE=../shared/bench/truth-dev/score.py
    python3 $SCORE --input /tmp/unseen-b.jsonl ../shared/bench/multinews-dev.jsonl > in.jsonl
    newsprism analyze in.jsonl -o out.json --db out.db
    python3 $SCORE /tmp/unseen-b.jsonl out.json --show

Only the conflict and page lines of the score mean anything on these sets. ``pack`` does the reverse, from
a reader's labels with quotes (``pack LABELS.jsonl > bench/labels/unseen-X.jsonl``).

``bench/labels/fact-pairs-*.jsonl`` are readers' judgements of the sentence pairs that the facts of one
report joined on those stories (``same``, ``partly``, ``different``, ``conflict``), each sentence stored as
a span ``at_a`` / ``at_b`` of its article's document; ``bench/bench_fact_pairs.py`` reads them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

STORIES = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "multinews-dev.jsonl"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def documents(stories_path: Path) -> dict[str, list[str]]:
    with stories_path.open(encoding="utf-8") as lines:
        return {s["story"]: [collapse(d) for d in s["documents"]] for s in map(json.loads, lines)}


def sides(label: dict) -> Iterator[dict]:
    for group in ("conflicts", "not_conflicts"):
        for item in label.get(group, []):
            yield from item.get("sides", [])


def pack(label: dict, docs: list[str]) -> dict:
    for side in sides(label):
        quote = collapse(side.pop("quote", "") or "")
        if not quote:
            continue
        # The side's own documents first: the same sentence can stand in another document too.
        order = [k for k in side.get("docs", []) if k < len(docs)] + list(range(len(docs)))
        k = next((k for k in order if quote in docs[k]), None)
        if k is None:
            raise SystemExit(f"{label['story']}: quote not found in any document: {quote[:60]!r}")
        start = docs[k].index(quote)
        side["at"] = [k, start, start + len(quote)]
    return label


def pack_pair(pair: dict, docs: list[str]) -> dict:
    for side in ("a", "b"):
        text, k = collapse(pair.pop(f"s{side}")), int(pair[side].rsplit("-", 1)[1])
        start = docs[k].index(text)
        pair[f"at_{side}"] = [start, start + len(text)]
    return pair


def build_pair(pair: dict, docs: list[str]) -> dict:
    for side in ("a", "b"):
        start, end = pair.pop(f"at_{side}")
        pair[f"s{side}"] = docs[int(pair[side].rsplit("-", 1)[1])][start:end]
    return pair


def build(label: dict, docs: list[str]) -> dict:
    for side in sides(label):
        if "at" in side:
            k, start, end = side.pop("at")
            side["quote"] = docs[k][start:end]
    return label


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["pack", "build"])
    parser.add_argument("labels", type=Path)
    parser.add_argument("--stories", type=Path, default=STORIES, help="multinews-dev.jsonl")
    args = parser.parse_args(argv)
    docs = documents(args.stories)
    with args.labels.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                label = json.loads(line)
                if "label" in label:  # a judged pair of sentences
                    step = pack_pair if args.command == "pack" else build_pair
                else:
                    step = pack if args.command == "pack" else build
                print(json.dumps(step(label, docs[label["story"]]), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
