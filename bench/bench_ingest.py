"""Ingest throughput from a feed on loopback: pages per second and peak memory, politeness delay off.

A local server (the tests' ``NewsSite``) serves a feed of N article pages; each run is a fresh
``newsprism ingest FEED --allow-private --delay 0`` process on a new database, so the figure covers
fetching, robots.txt, extraction, cleaning, storing, near-duplicate indexing and clustering.

    python3 bench/bench_ingest.py [--pages 300] [--repeat 3] [--embedders hashing,minilm]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.webserver import NewsSite  # noqa: E402 - the test site, reused rather than copied

CHILD = """
import resource, sys
from newsprism.cli import main
code = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
sys.exit(code)
"""


def run_once(feed: str, embedder: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                "ingest",
                feed,
                "--db",
                f"{tmp}/n.db",
                "--allow-private",
                "--delay",
                "0",
                "--embedder",
                embedder,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return time.perf_counter() - start, float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--embedders", default="hashing,minilm")
    args = parser.parse_args()
    site = NewsSite(items=args.pages)
    try:
        print(f"{'embedder':<10} {'pages':>6} {'median s':>9} {'pages/s':>8} {'peak MB':>8}")
        for embedder in args.embedders.split(","):
            runs = [run_once(f"{site.url}/feed.xml", embedder) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            print(
                f"{embedder:<10} {args.pages:>6} {seconds:>9.2f} {args.pages / seconds:>8.1f} "
                f"{max(r[1] for r in runs):>8.0f}"
            )
    finally:
        site.close()


if __name__ == "__main__":
    main()
