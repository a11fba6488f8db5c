"""Story analysis time by analyser, for stories of 5, 20 and 100 articles.

A story of N articles is the first N documents of ``../shared/bench/multinews-dev.jsonl`` (200
characters or more) after newsprism's pipeline (extraction, cleaning, sentences): real news text,
though for N > 10 it joins several Multi-News stories, which is what a large, loose story looks like
to the analysers. Each analyser runs in the order ``analyse_story`` runs them, timed on its own;
embedding the story's sentences is the first row. Medians over --repeat runs (the embedder and the
spaCy model are loaded and warmed up before), in wall-clock seconds and in this process's CPU seconds
(all its threads), the steadier figure on a machine others are loading. The last row, "of which spaCy",
is the part of the total spent in the shared spaCy pipeline's components (:mod:`newsprism.analysis.doc_cache`),
whichever analyser asked for them: the models' share, which the analysers' own code cannot lower.

With --grow, each story of N articles is timed after its first N - 1 articles were analysed as a story
in the same process (not timed): what analysing costs when a story grows by one article, which is
what a stream of news asks for most often (spaCy's Docs and what is read from them are kept by text).

With --store PATH, spaCy's annotations are read from and kept in the SQLite store at PATH
(:mod:`newsprism.analysis.doc_store`): the first run into a new PATH costs what a run without it costs plus
the writing, a second run (a new process, nothing else kept) reads every Doc back: what a story analysed
again in a later process costs.

    python3 bench/bench_analysis.py [--sizes 5,20,100] [--repeat 3] [--embedder minilm] [--grow] [--store PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.analysis.conflicts import find_conflicts
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.doc_store import kept_in
from newsprism.analysis.entities import resolve_entities
from newsprism.analysis.facts import group_facts
from newsprism.analysis.framing import frame_articles
from newsprism.analysis.ner import SpacyRecognizer
from newsprism.analysis.provenance import copy_groups, find_copies
from newsprism.analysis.summary import summarize
from newsprism.analysis.timeline import build_timeline
from newsprism.articles.pipeline import Pipeline
from newsprism.blas import one_blas_thread
from newsprism.config import Settings
from newsprism.dedup import find_near_duplicates
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.heap import older_objects_set_aside
from newsprism.records import RawDocument, Story
from newsprism.store.sqlite import SQLiteStore

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "multinews-dev.jsonl"


def load_articles(count: int) -> list:
    pipeline = Pipeline()
    articles = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            for n, text in enumerate(json.loads(line)["documents"]):
                if len(text) >= 200 and len(articles) < count:
                    doc_id = f"{len(articles):03d}-{n}"
                    articles.append(pipeline.run(RawDocument(doc_id, "text", text, id=doc_id)))
            if len(articles) >= count:
                return articles
    return articles


# Wall-clock and CPU seconds spent in the shared spaCy pipeline's components so far (see count_spacy).
SPACY = [0.0, 0.0]


def count_spacy() -> None:
    """Count the seconds the shared spaCy pipeline spends annotating, in :data:`SPACY`."""
    cache = shared()
    if cache is None:
        return
    annotate = cache._annotate

    def counted(entries, stage: str) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        annotate(entries, stage)
        SPACY[0] += time.perf_counter() - start
        SPACY[1] += time.process_time() - cpu

    cache._annotate = counted  # type: ignore[method-assign]


def time_stages(story: Story, embedder, recognizer, settings: Settings) -> dict[str, tuple[float, float]]:
    """Wall-clock and CPU seconds per analyser, in analyse_story's order, and the part of them in spaCy; as
    analyse_story runs them, the objects held before set aside from the collector (:mod:`newsprism.heap`)."""
    with older_objects_set_aside():
        return _time_stages(story, embedder, recognizer, settings)


def _time_stages(story: Story, embedder, recognizer, settings: Settings) -> dict[str, tuple[float, float]]:
    seconds: dict[str, tuple[float, float]] = {}
    before = tuple(SPACY)

    def timed(name: str, run: Callable[[], object]) -> object:
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        seconds[name] = (time.perf_counter() - start, time.process_time() - cpu)
        return result

    embedded = timed("embed sentences", lambda: EmbeddedSentences(story.sentences(), embedder))
    near = timed(
        "near-duplicates",
        lambda: {frozenset((d.first, d.second)): d for d in find_near_duplicates(list(story.articles))},
    )
    links = timed("provenance", lambda: find_copies(story, embedded, near, settings.provenance))
    groups = copy_groups(story, links)
    timed("entities", lambda: resolve_entities(story, recognizer))
    facts = timed("facts", lambda: group_facts(story, embedded, settings.facts))
    conflicts = timed("conflicts", lambda: find_conflicts(story, embedded, facts))
    timed("timeline", lambda: build_timeline(story))
    timed("framing", lambda: frame_articles(story, facts, groups))
    timed("summary", lambda: summarize(story, facts, conflicts, groups, embedded, settings.summary))
    seconds["total"] = (sum(wall for wall, _ in seconds.values()), sum(cpu for _, cpu in seconds.values()))
    seconds["of which spaCy"] = (SPACY[0] - before[0], SPACY[1] - before[1])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,20,100")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    parser.add_argument("--grow", action="store_true", help="time each story after its first N - 1 articles")
    parser.add_argument("--store", help="an SQLite store to read spaCy's annotations from and keep them in")
    args = parser.parse_args()
    # as analyse_story runs its analysers: OpenBLAS on one thread (:mod:`newsprism.blas`)
    with kept_in(SQLiteStore(args.store) if args.store else None), one_blas_thread():
        run(args)
        written = time.process_time()
    if args.store:  # the annotations are written when the block ends, after every timed run
        print(f"annotations written at the end: {time.process_time() - written:.3f} CPU s")


def run(args: argparse.Namespace) -> None:
    sizes = [int(size) for size in args.sizes.split(",")]
    embedder, note = load_embedder(args.embedder)
    recognizer = SpacyRecognizer()
    count_spacy()
    articles = load_articles(max(sizes))
    settings = Settings()
    time_stages(Story("warm-up", tuple(articles[:3])), embedder, recognizer, settings)
    columns: dict[int, dict[str, tuple[float, float]]] = {}
    for size in sizes:
        story = Story(f"s{size}", tuple(articles[:size]))
        if args.grow:
            time_stages(Story(f"s{size}", tuple(articles[: size - 1])), embedder, recognizer, settings)
        runs = [time_stages(story, embedder, recognizer, settings) for _ in range(args.repeat)]
        columns[size] = {
            name: (statistics.median(run[name][0] for run in runs), statistics.median(run[name][1] for run in runs))
            for name in runs[0]
        }
        sentences = len(story.sentences())
        print(f"{size} articles: {sentences} sentences")
    grown = ", each grown by one article" if args.grow else ""
    grown += f", annotations kept in {args.store}" if args.store else ""
    print(f"embedder: {note}; medians of {args.repeat} runs{grown}, seconds: wall-clock / CPU")
    print(f"{'analyser':<18}" + "".join(f"{size:>16}" for size in sizes))
    for name in columns[sizes[0]]:
        print(f"{name:<18}" + "".join(f"{wall:>8.3f}{cpu:>8.3f}" for wall, cpu in (columns[s][name] for s in sizes)))


if __name__ == "__main__":
    main()
