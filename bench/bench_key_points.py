"""Key points in summaries: how many of the points readers labelled as a story's key ones its summary states.

``../shared/bench/truth-dev/gold.jsonl`` gives each story's key points, written by its readers in their
own words. A key point counts as covered when one summary sentence holds at least ``--share`` of its
content words (the scorer's own word reading, ``score.content``: lower case, no stop words) or, with
``--embedder``, when one summary sentence's vector is at least ``--cosine`` from it. Readers paraphrase,
so neither test is exact: the two are printed side by side, as shares of all key points, with the mean of
each point's best word share.

    python3 ../shared/bench/truth-dev/score.py --input ../shared/bench/truth-dev/gold.jsonl \\
        ../shared/bench/multinews-dev.jsonl > in-dev.jsonl
    newsprism analyze in-dev.jsonl -o dev.json --db dev.db
    PYTHONPATH=src python3 bench/bench_key_points.py dev.json [--embedder minilm]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from statistics import mean
from types import ModuleType

import numpy as np

TRUTH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "truth-dev"


def scorer(truth: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", truth / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def summaries(report: Path) -> dict[str, list[str]]:
    """Each gold story's summary sentences: of the report's story holding most of its documents."""
    held: dict[str, dict[str, int]] = {}
    texts: dict[str, list[str]] = {}
    for story in json.loads(report.read_text(encoding="utf-8"))["stories"]:
        texts[story["id"]] = [s["text"] for s in story.get("summary", [])]
        for article in story.get("articles", []):
            gold = article.rsplit("-", 1)[0]
            held.setdefault(gold, {}).setdefault(story["id"], 0)
            held[gold][story["id"]] += 1
    return {gold: texts[max(counts, key=counts.__getitem__)] for gold, counts in held.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=Path)
    parser.add_argument("--truth", type=Path, default=TRUTH)
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--embedder", default=None, help="also test by sentence vectors (e.g. minilm)")
    parser.add_argument("--cosine", type=float, default=0.6)
    args = parser.parse_args()
    score = scorer(args.truth)
    gold = [json.loads(line) for line in (args.truth / "gold.jsonl").open() if line.strip()]
    summary = summaries(args.report)
    embed = None
    if args.embedder:
        from newsprism.embed import load_embedder

        embed, _ = load_embedder(args.embedder)
    best, by_words, by_vectors, points = [], 0, 0, 0
    for story in gold:
        sentences = summary.get(story["story"], [])
        for point in story.get("key_points") or []:
            points += 1
            words = score.content(point)
            share = max((len(words & score.content(s)) / len(words) for s in sentences), default=0.0) if words else 0.0
            best.append(share)
            by_words += share >= args.share
            if embed is not None and sentences:
                vectors = np.asarray(embed.embed([point, *sentences]))
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                by_vectors += float((vectors[1:] @ vectors[0]).max()) >= args.cosine
    print(f"key points {points} in {len(gold)} stories")
    print(f"covered by words (share >= {args.share}): {by_words}/{points} ({by_words / points:.2f})")
    print(f"mean best word share: {mean(best):.3f}")
    if embed is not None:
        print(f"covered by vectors (cosine >= {args.cosine}): {by_vectors}/{points} ({by_vectors / points:.2f})")


if __name__ == "__main__":
    sys.exit(main())
