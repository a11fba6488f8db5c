"""The UCI headline stream through the real input path: B-cubed F1 of newsprism's stories.

The 6,366 headlines of ``../shared/bench/uci-headlines-stream.csv`` are written as title-only JSON
lines ``{"id", "title", "url", "outlet", "published"}`` (``published`` in milliseconds since 1970, as
the file gives it) and read by newsprism as a user's file would be: every headline goes through
reading, cleaning, page-kind checks and clustering. Scored by B-cubed against the file's STORY ids;
a headline newsprism set aside (or lost) counts as a story of its own.

- ``--mode ingest`` (default): ``newsprism.api.ingest``, which reads, stores and clusters without
  analysing (the same stories ``analyze`` reports; analysing 87 stories of headlines takes minutes).
- ``--mode cli``: ``newsprism analyze FILE --db DB -o report.json`` in a subprocess, scored from the
  report's stories.

    PYTHONPATH=src python3 bench/bench_cluster_stream.py [--mode ingest|cli] [--embedder auto|hashing]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsprism import api

ROOT = Path(__file__).resolve().parents[1]
UCI = ROOT.parent / "shared" / "bench" / "uci-headlines-stream.csv"


def write_records(path: Path) -> dict[str, str]:
    """The headlines as title-only JSON lines in file order; returns id → gold story."""
    gold = {}
    with UCI.open(encoding="utf-8") as handle, path.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(handle):
            record = {
                "id": f"uci-{int(row['ID']):07d}",
                "title": row["TITLE"],
                "url": row["URL"],
                "outlet": row["PUBLISHER"],
                "published": int(row["TIMESTAMP"]),
            }
            out.write(json.dumps(record) + "\n")
            gold[record["id"]] = row["STORY"]
    return gold


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed over every gold item; an item with no predicted story is a story of its own."""
    predicted = {item: predicted.get(item, f"alone-{item}") for item in gold}
    clusters, classes = defaultdict(set), defaultdict(set)
    for item, cluster in predicted.items():
        clusters[cluster].add(item)
        classes[gold[item]].add(item)
    precision = recall = 0.0
    for item, cluster in predicted.items():
        shared = len(clusters[cluster] & classes[gold[item]])
        precision += shared / len(clusters[cluster])
        recall += shared / len(classes[gold[item]])
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def largest(predicted: dict[str, str], gold: dict[str, str], count: int = 10) -> list[tuple[int, float]]:
    """Size and B-cubed precision of the ``count`` largest predicted stories."""
    clusters = defaultdict(list)
    for item, cluster in predicted.items():
        clusters[cluster].append(item)
    out = []
    for members in sorted(clusters.values(), key=len, reverse=True)[:count]:
        stories = Counter(gold[m] for m in members)
        out.append((len(members), sum(n * n for n in stories.values()) / len(members) ** 2))
    return out


def by_ingest(path: Path, db: Path, embedder: str) -> dict[str, str]:
    done = api.ingest([path], db=db, embedder=embedder)
    print(f"embedder: {done.embedder.name} ({done.embedder_note}); skipped {len(done.skipped)}")
    return {article_id: story.id for story in done.stories for article_id in story.article_ids}


def by_cli(path: Path, db: Path, embedder: str) -> dict[str, str]:
    out = db.with_suffix(".json")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "newsprism", "analyze", str(path), "--db", str(db), "-o", str(out)]
    if embedder != "auto":
        command += ["--embedder", embedder]
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {article_id: story["id"] for story in report["stories"] for article_id in story["articles"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("ingest", "cli"), default="ingest")
    parser.add_argument("--embedder", default="auto")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "uci.jsonl"
        gold = write_records(path)
        start = time.perf_counter()
        predicted = (by_ingest if args.mode == "ingest" else by_cli)(path, Path(folder) / "stream.db", args.embedder)
        seconds = time.perf_counter() - start
    p, r, f = bcubed(predicted, gold)
    print(
        f"uci via {args.mode}: {len(predicted)}/{len(gold)} headlines in stories, "
        f"{len(set(predicted.values()))} stories; B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; {seconds:.0f} s"
    )
    print("ten largest (size, B-cubed precision):", ", ".join(f"{n} {q:.2f}" for n, q in largest(predicted, gold)))


if __name__ == "__main__":
    main()
