"""Backfill throughput: the plain single-process ingest loop, the local engine and the Ray engine, side by side.

    PYTHONPATH=src python3 bench/bench_backfill.py --docs 5000 [--skip-ray] [--analyse-stories 20]

The corpus is the Multi-News dev documents (document ``k`` of story ``S`` is ``S-k``), copied under new
ids (``S-k~r``) until ``--docs`` are reached; copy ``r`` is dated ``r`` x 30 days later, so copies fall
in other time slices (and the near-duplicate join meets each text ``r`` times). Each path stores into
a fresh SQLite file with the hashing embedder and no analysis; seconds per step come from the local
engine, which runs each step to the end before the next. ``--analyse-stories`` times the analysis
of that many stories apart (it costs per story, not per article). Agreement with the plain loop's stories
and with the people's stories is B-cubed F1. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_cluster_stream import bcubed

from newsprism import api
from newsprism.backfill import backfill

START = datetime(2024, 1, 1, tzinfo=UTC)
MULTINEWS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "multinews-dev.jsonl"


# records per file: a file over newsprism's 50 MiB cap is refused whole
PART_DOCS = 4000


def write_corpus(folder: Path, docs: int) -> dict[str, str]:
    """``docs`` records from Multi-News and copies of it, in files of ``PART_DOCS`` records in ``folder``;
    returns the gold story of each."""
    stories = [json.loads(line) for line in MULTINEWS.open()]
    gold: dict[str, str] = {}
    folder.mkdir()
    with _Parts(folder) as out:
        copy = 0
        while len(gold) < docs:
            for number, story in enumerate(stories):
                for k, text in enumerate(story["documents"]):
                    if len(gold) >= docs:
                        break
                    article = f"{story['story']}-{k}" + (f"~{copy}" if copy else "")
                    when = START + timedelta(days=copy * 30 + number // 3, hours=(6 + k) % 24)
                    record = {
                        "id": article,
                        "text": text,
                        "outlet": f"outlet-{k % 4}",
                        "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    }
                    out.write(json.dumps(record) + "\n")
                    gold[article] = f"{story['story']}~{copy}"
            copy += 1
    return gold


class _Parts:
    """Writes lines into part-0.jsonl, part-1.jsonl, … of a folder, ``PART_DOCS`` lines each."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.lines, self.file = folder, 0, None

    def write(self, line: str) -> None:
        if self.lines % PART_DOCS == 0:
            if self.file:
                self.file.close()
            self.file = (self.folder / f"part-{self.lines // PART_DOCS}.jsonl").open("w")
        self.file.write(line)
        self.lines += 1

    def __enter__(self) -> _Parts:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file:
            self.file.close()


def plain(corpus: Path, db: Path) -> tuple[float, dict[str, str]]:
    start = time.perf_counter()
    done = api.ingest([corpus], db=db, embedder="hashing")
    seconds = time.perf_counter() - start
    return seconds, {a.id: s.id for s in done.stories for a in s.articles}


def engine_run(corpus: Path, db: Path, engine: str) -> tuple[float, object]:
    start = time.perf_counter()
    done = backfill([corpus], db=db, engine=engine, num_cpus=2, embedder="hashing", analyse=False)
    return time.perf_counter() - start, done


def analysis_cost(corpus: Path, folder: Path, stories: int) -> dict[str, float]:
    """Seconds per story and per article of analysing the first ``stories`` Multi-News stories."""
    small = folder / "analyse.jsonl"
    lines = [
        line
        for part in sorted(corpus.glob("*.jsonl"))
        for line in part.read_text().splitlines()
        if "~" not in json.loads(line)["id"]
    ]
    wanted = sorted({json.loads(line)["id"].rsplit("-", 1)[0] for line in lines})[:stories]
    chosen = [line for line in lines if json.loads(line)["id"].rsplit("-", 1)[0] in wanted]
    small.write_text("\n".join(chosen) + "\n")
    done = backfill([small], db=folder / "analyse.db", embedder="hashing", analyse=True)
    seconds = done.seconds["analyse"]
    return {
        "stories": done.stories,
        "articles": done.articles,
        "seconds": round(seconds, 2),
        "per_story": round(seconds / done.stories, 3),
        "per_article": round(seconds / done.articles, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--analyse-stories", type=int, default=20)
    args = parser.parse_args()
    result: dict[str, object] = {"docs": args.docs, "cpus": os.cpu_count(), "load": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        gold = write_corpus(corpus, args.docs)
        seconds, online = plain(corpus, folder / "plain.db")
        result["plain"] = {"seconds": round(seconds, 1), "docs_per_s": round(args.docs / seconds, 1)}
        seconds, local = engine_run(corpus, folder / "local.db", "local")
        result["local"] = {
            "seconds": round(seconds, 1),
            "docs_per_s": round(args.docs / seconds, 1),
            "steps": {k: round(v, 2) for k, v in local.seconds.items()},
            "per_article_ms": {k: round(1000 * v / local.articles, 3) for k, v in local.seconds.items()},
            "stories": local.stories,
            "pairs": len(local.pairs),
        }
        result["bcubed_local_vs_plain"] = [round(x, 4) for x in bcubed(local.assignment, online)]
        result["bcubed_local_vs_gold"] = [round(x, 4) for x in bcubed(local.assignment, gold)]
        result["bcubed_plain_vs_gold"] = [round(x, 4) for x in bcubed(online, gold)]
        if not args.skip_ray:
            seconds, ray_done = engine_run(corpus, folder / "ray.db", "ray")
            result["ray"] = {
                "seconds": round(seconds, 1),
                "docs_per_s": round(args.docs / seconds, 1),
                "steps": {k: round(v, 2) for k, v in ray_done.seconds.items()},
                "same_pairs": ray_done.pairs == local.pairs,
                "same_stories": ray_done.assignment == local.assignment,
                "bcubed_vs_local": [round(x, 4) for x in bcubed(ray_done.assignment, local.assignment)],
            }
        if args.analyse_stories:
            result["analysis"] = analysis_cost(corpus, folder, args.analyse_stories)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
