"""End-to-end benchmark: wall time cold (new database) and warm (same inputs, same database), and peak memory.

Each run is a fresh process, as a user runs the CLI. Prints medians over --repeat runs.

    python3 bench/bench_end_to_end.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"seed-story": ROOT.parent / "shared" / "corpora" / "seed-story", "examples": ROOT / "examples"}
CHILD = """
import json, resource, sys, newsprism
report = newsprism.analyze([sys.argv[1]], db=sys.argv[2])
report.to_html()
print(json.dumps({"articles": len(report.articles), "stories": len(report.stories),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_once(corpus: Path, db: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(db)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'corpus':<12} {'articles':>8} {'stories':>7} {'cold s':>7} {'warm s':>7} {'peak MB':>8}")
    for name, corpus in CORPORA.items():
        cold, warm, rss = [], [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "bench.db"
                seconds, info = run_once(corpus, db)
                cold.append(seconds)
                rss.append(info["rss_mb"])
                seconds, _ = run_once(corpus, db)
                warm.append(seconds)
        print(
            f"{name:<12} {info['articles']:>8} {info['stories']:>7} {statistics.median(cold):>7.2f} "
            f"{statistics.median(warm):>7.2f} {max(rss):>8.0f}"
        )


if __name__ == "__main__":
    main()
