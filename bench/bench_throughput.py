"""Throughput of the whole pipeline: read, extract, clean, deduplicate, embed, cluster, analyse every
story, store and report, on N Multi-News documents, with the time of each stage and the peak memory;
beside it, in the same run, the floor: trafilatura's extraction of the same texts as pages and one
pass of the embedder over the same sentences, the part no implementation avoids.

Documents come from ``../shared/bench/multinews-dev.jsonl`` (one line per story, ``documents`` a list),
repeated under new ids when N is larger than the set, so larger runs also hold exact copies (and, as
copies of one report join its story, larger stories). Stage times are self times (a stage's time without
the stages it calls), so they add up to the total; each stage has its wall-clock seconds and the
process's CPU seconds (all its threads) while it ran: on a machine others are loading, CPU seconds are
the steadier figure to compare runs by. The report is written (streamed) as JSON and as HTML to files,
as ``newsprism analyze`` writes it. The sizes of the stories are printed too: the analysers compare a
story's articles and sentences with each other, so larger stories cost more per article.

Peak memory is the process's resident peak during the pipeline alone (Linux lets a process reset its
peak, ``/proc/self/clear_refs``; elsewhere it is the peak since the start, floor included), and per stage
the largest resident size sampled every 50 ms while that stage's code ran.

    python3 bench/bench_throughput.py [--sizes 2000] [--embedder minilm]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from newsprism import api
from newsprism.analysis import runner
from newsprism.analysis.copies import Copies
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
    "put_sentence_vectors",
)
OTHER = "other (reading, SQL reads, glue)"
FILE_DOCUMENTS = 5000


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


STATUS = Path("/proc/self/status")
SAMPLE_SECONDS = 0.05


def resident_mb(field: str = "VmRSS") -> float:
    """The process's resident size (``VmRSS``) or its peak (``VmHWM``) in MB; the peak from getrusage
    where /proc is missing."""
    if STATUS.exists():
        for line in STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start the process's resident peak (``VmHWM``) again from its present size, where Linux allows it."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


class Stopwatch:
    """Self time per label of the wrapped functions: a call's time minus that of wrapped calls inside it;
    and, from a sampling thread, the largest resident size seen while each label's own code ran."""

    def __init__(self, log_every: float = 0.0) -> None:
        self.log_every = log_every  # seconds between progress lines on stderr; 0 for none
        self.calls: dict[str, int] = defaultdict(int)
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.peak_mb: dict[str, float] = defaultdict(float)
        self._stack: list[tuple[float, float]] = []  # wall and CPU seconds in wrapped children, per open call
        self._labels: list[str] = []  # the labels of the open calls, innermost last
        self._undo: list[tuple[Any, str, Any]] = []
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        start = last = time.perf_counter()
        while not self._done.wait(SAMPLE_SECONDS):
            label = self._labels[-1] if self._labels else OTHER
            self.peak_mb[label] = max(self.peak_mb[label], resident_mb())
            if self.log_every and time.perf_counter() - last >= self.log_every:
                last = time.perf_counter()
                self._log(last - start, label)

    def _log(self, elapsed: float, label: str) -> None:
        """A progress line: so far, CPU seconds, resident size and peak, and the CPU seconds of the costliest
        stages with their calls (a run too long to wait for still says where its time goes)."""
        top = sorted(self.cpu.items(), key=lambda kv: -kv[1])[:8]
        stages = "; ".join(f"{name} {used:.0f} s/{self.calls[name]}" for name, used in top)
        print(
            f"[{elapsed:.0f} s] CPU {time.process_time():.0f} s, {resident_mb():.0f} MB (peak "
            f"{resident_mb('VmHWM'):.0f}), in {label}; {stages}",
            file=sys.stderr,
            flush=True,
        )

    def start(self) -> None:
        self._sampler.start()

    def wrap(self, owner: Any, attr: str, label: str | Callable[..., str]) -> None:
        original = getattr(owner, attr)

        def timed(*args: Any, **kwargs: Any) -> Any:
            name = label(*args) if callable(label) else label
            self._stack.append((0.0, 0.0))
            self._labels.append(name)
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent, spent_cpu = time.perf_counter() - start, time.process_time() - cpu
                self._labels.pop()
                children, children_cpu = self._stack.pop()
                self.seconds[name] += spent - children
                self.cpu[name] += spent_cpu - children_cpu
                self.calls[name] += 1
                if self._stack:
                    wall, used = self._stack[-1]
                    self._stack[-1] = (wall + spent, used + spent_cpu)

        setattr(owner, attr, timed)
        self._undo.append((owner, attr, original))

    def restore(self) -> None:
        self._done.set()
        if self._sampler.is_alive():
            self._sampler.join()
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


@dataclass
class Run:
    """One run of the pipeline: wall and CPU seconds, self seconds and sampled peak MB per stage, the
    pipeline's resident peak, and what the report held."""

    seconds: float
    cpu: float
    stages: dict[str, float]
    stage_cpu: dict[str, float]
    stage_peak_mb: dict[str, float]
    peak_mb: float
    stories: int
    articles: int
    sizes: list[int]  # articles per story


def run_pipeline(docs: list[dict], embedder_name: str, log_every: float = 0.0) -> Run:
    reset_peak()
    embedder, _ = load_embedder(embedder_name)
    watch = Stopwatch(log_every)
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
    # exact copies: grouped before the analysers, credited after them (analysis.copies)
    watch.wrap(runner, "exact_copies", "copies: group")
    watch.wrap(Copies, "expand", "copies: credit")
    for name in STORE_WRITES:
        if hasattr(SQLStore, name):  # an older checkout, for a back-to-back run, may lack some
            watch.wrap(SQLStore, name, "store writes")
    watch.wrap(Report, "write", lambda report, fmt, out: f"report ({fmt})")
    with tempfile.TemporaryDirectory() as folder:
        # files of FILE_DOCUMENTS documents: one input file may hold at most 50 MB (inputs.files), 20,000 need 80
        paths = [Path(folder) / f"docs-{k // FILE_DOCUMENTS:02d}.jsonl" for k in range(0, len(docs), FILE_DOCUMENTS)]
        for k, path in zip(range(0, len(docs), FILE_DOCUMENTS), paths, strict=True):
            path.write_text("".join(json.dumps(d) + "\n" for d in docs[k : k + FILE_DOCUMENTS]), encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        watch.start()
        try:
            report = api.analyze(paths, db=Path(folder) / "n.db", embedder=embedder)
            for fmt in ("json", "html"):
                with (Path(folder) / f"report.{fmt}").open("w", encoding="utf-8") as out:
                    report.write(fmt, out)
        finally:
            watch.restore()
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
    stages, stage_cpu = dict(watch.seconds), dict(watch.cpu)
    stages[OTHER] = total - sum(stages.values())
    stage_cpu[OTHER] = cpu - sum(stage_cpu.values())
    peak = resident_mb("VmHWM")
    sizes = [len(story["articles"]) for story in report.stories]
    return Run(
        total, cpu, stages, stage_cpu, dict(watch.peak_mb), peak, len(report.stories), len(report.articles), sizes
    )


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
    parser.add_argument("--no-floor", action="store_true", help="skip the floor (trafilatura, one embedding pass)")
    parser.add_argument("--log-every", type=float, default=0.0, help="seconds between progress lines on stderr")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        docs = documents(n)
        runs = [run_pipeline(docs, args.embedder, args.log_every) for _ in range(args.repeat)]
        total = statistics.median(r.seconds for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        stages = {k: statistics.median(r.stages[k] for r in runs) for k in runs[0].stages}
        stage_cpu = {k: statistics.median(r.stage_cpu.get(k, 0.0) for r in runs) for k in runs[0].stages}
        memory = max(r.peak_mb for r in runs)
        print(f"\n{n} documents, {runs[0].articles} articles in {runs[0].stories} stories, embedder {args.embedder}")
        print(
            f"  whole pipeline: {total:.1f} s ({cpu:.1f} s CPU, {1000 * cpu / n:.0f} CPU ms per document), "
            f"{n / total:.1f} articles/s, peak memory {memory:.0f} MB"
        )
        if not args.no_floor:
            reset_peak()
            extract, embed, floor_cpu = floor(docs, args.embedder)
            print(
                f"  floor: trafilatura {extract:.1f} s + one embedding pass {embed:.1f} s = {extract + embed:.1f} s "
                f"({floor_cpu:.1f} s CPU; {n / (extract + embed):.1f} articles/s, {n / floor_cpu:.1f} per CPU "
                f"second); pipeline / floor = {total / (extract + embed):.1f}x ({cpu / floor_cpu:.1f}x in CPU "
                f"seconds); floor's peak memory {resident_mb('VmHWM'):.0f} MB"
            )
        sizes = runs[0].sizes
        print(
            f"  stories: largest {max(sizes, default=0)} articles; an article's story holds "
            f"{sum(k * k for k in sizes) / max(sum(sizes), 1):.1f} articles on average; "
            f"{sum(k * (k - 1) // 2 for k in sizes)} pairs of articles within stories"
        )
        print(
            f"  {'stage (self time)':<44} {'seconds':>10} {'share':>6} {'CPU s':>9} {'share':>6} "
            f"{'CPU ms/doc':>10} {'peak MB':>8}"
        )
        for stage, seconds in sorted(stages.items(), key=lambda kv: -stage_cpu[kv[0]]):
            peak = max(r.stage_peak_mb.get(stage, 0.0) for r in runs)
            used = stage_cpu[stage]
            print(
                f"  {stage:<44} {seconds:8.1f} s {100 * seconds / total:5.1f}% {used:7.1f} s {100 * used / cpu:5.1f}% "
                f"{1000 * used / n:10.1f} {peak:8.0f}"
            )


if __name__ == "__main__":
    main()
