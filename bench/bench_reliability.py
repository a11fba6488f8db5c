"""Reliability benchmark (issue 18): generated inputs, ``kill -9`` mid-ingest, four ingests at once.

- fuzz: every test of ``tests/test_fuzz.py`` (any bytes in any file type, any JSON lines, any record,
  any bytes to decode) run on ``--fuzz`` generated inputs each (10,000 in all by default), with its
  own strategies; an input that
  raises is counted as a traceback and the run goes on (hypothesis would stop at the first).
- kill: ``newsprism ingest`` of ``--articles`` generated articles (``tests/stress.py``: stories of
  made-up words told by several outlets) timed uninterrupted, then ``kill -9`` at ``--points`` seeded
  points spread over that time (one in each tenth), each followed by a rerun; the store is then checked
  with plain SQL (integrity, each article once in the articles, search and near-duplicate indexes,
  once in exactly one story) and its stories compared with the uninterrupted run's.
- concurrency: four ``newsprism ingest`` processes at once into one SQLite file, over four files of
  the same articles, each file read by two of them (two given the very same files), checked the same
  way and compared with the same four ingests one after another.

    PYTHONPATH=src python3 bench/bench_reliability.py [--fuzz 2500] [--articles 3000] [--points 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.stress import (  # noqa: E402
    check_store,
    corpus,
    kill_points,
    one_after_another,
    overlapping_inputs,
    side_by_side,
    write_jsonl,
)

# Ten articles a story, as in the CI tests.
ARTICLES_PER_STORY = 10


def fuzz(examples: int) -> tuple[int, list[str]]:
    """Inputs tried and the tracebacks they raised, over every fuzz test."""
    os.environ["NEWSPRISM_FUZZ_EXAMPLES"] = str(examples)  # read by the fuzz tests' settings on import
    from tests import test_fuzz

    tried, tracebacks = 0, []
    names = [name for name in dir(test_fuzz) if name.startswith("test_")]
    print(f"fuzz: {len(names)} tests of tests/test_fuzz.py, {examples:,} inputs each", flush=True)
    for name in names:
        test = getattr(test_fuzz, name)
        inner = test.hypothesis.inner_test

        def counting(*args: object, inner=inner, name=name, **kwargs: object) -> None:
            nonlocal tried
            tried += 1
            try:
                inner(*args, **kwargs)
            except Exception:  # counted, and the generator goes on
                tracebacks.append(f"{name}: {traceback.format_exc(limit=-3)}")

        test.hypothesis.inner_test = counting
        started, before = time.monotonic(), tried
        test()
        print(f"  {name}: {tried - before:,} inputs, {time.monotonic() - started:.0f} s", flush=True)
    return tried, tracebacks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz", type=int, default=2_500, help="generated inputs per fuzz test (four tests)")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--points", type=int, default=10)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--skip", nargs="*", default=[], choices=["fuzz", "kill", "concurrency"])
    args = parser.parse_args()
    records = corpus(args.articles, args.articles // ARTICLES_PER_STORY)
    ids = {r["id"] for r in records}
    figures = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if "fuzz" not in args.skip:
            tried, tracebacks = fuzz(args.fuzz)
            for found in tracebacks[:5]:
                print(found)
            figures.append(f"fuzz: {tried:,} inputs tried, {len(tracebacks)} tracebacks")
        if "kill" not in args.skip:
            print(f"kill: {args.articles:,} articles, {args.points} points, seed {args.seed}", flush=True)
            (folder / "kill").mkdir()
            inputs = [write_jsonl(records, folder / "kill" / "news.jsonl")]
            took, points = kill_points(inputs, ids, folder / "kill", args.points, args.seed, command=True, log=print)
            phases = Counter(p.phase for p in points)
            lost = sum(p.check.missing for p in points)
            twice = sum(p.check.duplicates + p.check.unindexed for p in points)
            doubled = sum(p.check.in_two_stories + p.check.unplaced for p in points)
            figures.append(
                f"kill: uninterrupted ingest {took:.0f} s; {sum(p.survived for p in points)}/{len(points)} kill points "
                f"survived ({', '.join(f'{n} {where}' for where, n in phases.most_common())}); articles lost {lost}, "
                f"stored or indexed other than once {twice}, in no story or two {doubled}, "
                f"stories differing from the uninterrupted run at {sum(not p.same_stories for p in points)} points"
            )
        if "concurrency" not in args.skip:
            print(f"concurrency: 4 ingests at once over {args.articles:,} articles", flush=True)
            (folder / "both").mkdir()
            runs = overlapping_inputs(records, folder / "both")
            started = time.monotonic()
            serial_codes = one_after_another(runs, folder / "both" / "serial.db", command=True)
            serial_took, started = time.monotonic() - started, time.monotonic()
            codes = side_by_side(runs, folder / "both" / "together.db", command=True)
            together_took = time.monotonic() - started
            for code, err in serial_codes + codes:
                if code:
                    print(f"  exit {code}: {err.strip()[-500:]}")
            serial = check_store(folder / "both" / "serial.db", ids)
            together = check_store(folder / "both" / "together.db", ids)
            figures.append(
                f"concurrency: one after another {serial_took:.0f} s ({serial.faults}; {len(serial.stories)} stories), "
                f"four at once {together_took:.0f} s, exit codes {[c for c, _ in codes]}: articles lost "
                f"{together.missing}, stored or indexed other than once {together.duplicates + together.unindexed}, "
                f"in no story {together.unplaced}, in two stories {together.in_two_stories}, integrity "
                f"{together.integrity}, same stories as one after another: {together.stories == serial.stories}"
            )
    print()
    for line in figures:
        print(line)


if __name__ == "__main__":
    main()
