"""Throughput of the whole pipeline: read, extract, clean, deduplicate, embed, cluster, analyse every
story, store and report, on N Multi-News documents, with the time of each stage and the peak memory;
beside it, in the same run, the floor: trafilatura's extraction of the same texts as pages and one
pass of the embedder over the same sentences, the part no implementation avoids.

Documents come from ``../shared/bench/multinews-dev.jsonl`` (one line per story, ``documents`` a list),
repeated under new ids when N is larger than the set, so larger runs also hold exact copies. Stage
times are self times (a stage's time without the stages it calls), so they add up to the total. The
process's CPU seconds (all its threads) are printed beside the wall-clock totals: on a machine others are
loading they are the steadier figure to compare runs by.

    python3 bench/bench_throughput.py [--sizes 2000] [--embedder minilm]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from newsprism import api
from newsprism.analysis import runner
from newsprism.articles.pipeline import Pipeline
from newsprism.articles.sentences import split_sentences
from newsprism.cluster import StoryClusterer
from newsprism.embed import load_embedder, sentence_embedder
from newsprism.report import Report
from newsprism.store.sql import SQLStore

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
STORE_WRITES = (
    "put_articles",
    "put_outlet_lines",
    "put_cluster_state",
    "put_members",
    "put_analysis_part",
    "put_story",
    "put_skipped",
    "put_validators",
)


def documents(n: int) -> list[dict]:
    base = [
        {"id": f"{row['story']}-{k}", "text": text}
        for line in DATA.open(encoding="utf-8")
        for row in [json.loads(line)]
        for k, text in enumerate(row["documents"])
        if text.strip()
    ]
    return [
        {**doc, "id": doc["id"] + (f"-r{i // len(base)}" if i >= len(base) else "")}
        for i, doc in ((i, base[i % len(base)]) for i in range(n))
    ]


class Stopwatch:
    """Self time per label of the wrapped functions: a call's time minus that of wrapped calls inside it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[float] = []  # time spent in wrapped children, per open call
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, attr: str, label: str | Callable[..., str]) -> None:
        original = getattr(owner, attr)

        def timed(*args: Any, **kwargs: Any) -> Any:
            name = label(*args) if callable(label) else label
            self._stack.append(0.0)
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                children = self._stack.pop()
                self.seconds[name] += spent - children
                if self._stack:
                    self._stack[-1] += spent

        setattr(owner, attr, timed)
        self._undo.append((owner, attr, original))

    def restore(self) -> None:
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


def run_pipeline(docs: list[dict], embedder_name: str) -> tuple[float, dict[str, float], int, int, float]:
    embedder, _ = load_embedder(embedder_name)
    watch = Stopwatch()
    watch.wrap(Pipeline, "extract", "extract")
    watch.wrap(Pipeline, "finish", "clean, sentences, language, page kind")
    watch.wrap(SQLStore, "index_near_duplicates", "deduplicate")
    # a split embedder (minilm+static) embeds articles with one model and sentences with another
    sentences = sentence_embedder(embedder)
    articles = getattr(embedder, "articles", embedder)
    watch.wrap(type(articles), "embed", f"embed ({articles.name})")
    if type(sentences) is not type(articles):
        watch.wrap(type(sentences), "embed", f"embed sentences ({sentences.name})")
    watch.wrap(StoryClusterer, "partial_fit", "cluster")
    watch.wrap(runner.AnalysisRun, "_compute", lambda run, analyser, key: f"analyse: {analyser.name}")
    for name in STORE_WRITES:
        watch.wrap(SQLStore, name, "store writes")
    watch.wrap(Report, "to_html", "report (HTML)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docs.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        try:
            report = api.analyze([path], db=Path(folder) / "n.db", embedder=embedder)
            report.to_html()
        finally:
            watch.restore()
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
    stages = dict(watch.seconds)
    stages["other (reading, SQL reads, glue)"] = total - sum(stages.values())
    return total, stages, len(report.stories), len(report.articles), cpu


def floor(docs: list[dict], embedder_name: str) -> tuple[float, float, float]:
    """Seconds for trafilatura over the texts as pages, and one pass of the embedder that embeds sentences
    over their sentences; and the CPU seconds of both."""
    pages = [
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in d["text"].split("\n") if p.strip())
        + "</article></body></html>"
        for d in docs
    ]
    start, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        trafilatura.extract(page)
    extract = time.perf_counter() - start
    extract_cpu = time.process_time() - cpu
    sentences = [s for d in docs for p in d["text"].split("\n") if p.strip() for s in split_sentences(p)]
    embedder = sentence_embedder(load_embedder(embedder_name)[0])
    start, cpu = time.perf_counter(), time.process_time()
    embedder.embed(sentences)
    return extract, time.perf_counter() - start, extract_cpu + time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the median is printed")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        docs = documents(n)
        runs = [run_pipeline(docs, args.embedder) for _ in range(args.repeat)]
        total = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[4] for r in runs)
        stages = {k: statistics.median(r[1][k] for r in runs) for k in runs[0][1]}
        extract, embed, floor_cpu = floor(docs, args.embedder)
        memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{n} documents, {runs[0][3]} articles in {runs[0][2]} stories, embedder {args.embedder}")
        print(
            f"  whole pipeline: {total:.1f} s ({cpu:.1f} s CPU), {n / total:.1f} articles/s, "
            f"peak memory {memory:.0f} MB"
        )
        print(
            f"  floor: trafilatura {extract:.1f} s + one embedding pass {embed:.1f} s = {extract + embed:.1f} s "
            f"({floor_cpu:.1f} s CPU; {n / (extract + embed):.1f} articles/s); pipeline / floor = "
            f"{total / (extract + embed):.1f}x ({cpu / floor_cpu:.1f}x in CPU seconds)"
        )
        for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<44} {seconds:8.1f} s  {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main()
