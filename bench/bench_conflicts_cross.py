"""Conflict benchmark, second construction: one outlet's sentence planted in another outlet's article.

``bench_conflicts.py`` copies one article with one value changed; every other sentence of the pair is
word for word the same. Here both articles are real reports of one Multi-News story
(``../shared/bench/multinews-dev.jsonl``) by different outlets, each as it was written: a sentence of
document B that states a value is inserted, at a random sentence boundary of a random paragraph,
into document A (otherwise left as it is), either with its value changed (a planted conflict) or
with the same value in other words (a harmless variant, which must never be reported). The values
and their variants are ``cross_variants.py``'s: ages, percentages, hedged figures, values with units,
money and plain counts. Pages that newsprism's page-kind stage sets aside (crawl notices, tweet
prompts), documents of fewer than 3 sentences and ones over 10,000 characters (for time) are left out;
a story needs two documents left. A planted change is skipped when A (or the changed sentence) already
holds B's figure or either article holds the new one, so that no article contradicts itself.

Each (A, B) pair is also analysed unmodified: real outlets disagree (or seem to) on their own, and
those conflicts come with the pair, not the variant. Recall: a planted change is found when a
conflict has one side holding B's figure and another the changed one. Precision is given over every
conflict reported on the planted pairs (``P``) and over those not already reported on the unmodified
pair (``P new``); ``P people`` also counts as right a real pair's own conflict that people labelled
genuine: truth-dev's readers, and those of the building sets A and B (``bench/labels/unseen-a.jsonl``,
``unseen-b.jsonl``; the held-out set C is not read), matched by truth-dev's ``score.py`` (the bench cannot
tell the other real conflicts' truth). A harmless variant is reported when a conflict cites the inserted
sentence or is new to the pair. ``read``: newsprism's reader (``read_mentions``, the age shapes) finds the
changed figure; ``grouped``: the inserted sentence lands in one fact with B's.

    python3 bench/bench_conflicts_cross.py [--limit 250] [--seed 11] [--embedder minilm|hashing] [--show]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cross_variants import KINDS, Variant, change, harmless, values
from unseen_labels import build, documents

from newsprism.analysis.ages import AGE_SHAPES
from newsprism.analysis.runner import analyse_story
from newsprism.analysis.values import read_mentions
from newsprism.articles.pipeline import Pipeline
from newsprism.articles.sentences import split_sentences
from newsprism.config import Settings
from newsprism.embed import Embedder, load_embedder
from newsprism.errors import InputError
from newsprism.records import Article, Conflict, RawDocument, Story, StoryAnalysis

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
TRUTH = ROOT.parent / "shared" / "bench" / "truth-dev"
# the sets of real stories people labelled that building may read; the held-out set C is left out
BUILDING_SETS = tuple(Path(__file__).resolve().parent / "labels" / f"unseen-{name}.jsonl" for name in "ab")
MAX_CHARS = 10_000
MIN_SENTENCES = 3
PUBLISHED = "2024-06-18"
TRIES = 12  # candidate sentences tried per kind and story before giving up
FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Doc:
    raw: str
    article: Article


@dataclass
class Tally:
    planted: int = 0
    read: int = 0
    grouped: int = 0
    found: int = 0
    conflicts: int = 0
    right: int = 0
    new_wrong: int = 0
    labelled: int = 0
    harmless: int = 0
    reported: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    how_missed: Counter = field(default_factory=Counter)


class Labels:
    """The conflicts people labelled genuine (truth-dev, sets A and B), matched as truth-dev's ``score.py``
    matches them."""

    def __init__(self, truth: Path = TRUTH, building: tuple[Path, ...] = BUILDING_SETS) -> None:
        self.gold: dict[str, list[dict]] = {}
        if not (truth / "score.py").exists():
            return
        spec = importlib.util.spec_from_file_location("truth_score", truth / "score.py")
        assert spec and spec.loader
        self.score = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.score)
        records = [json.loads(line) for line in (truth / "gold.jsonl").read_text().splitlines() if line.strip()]
        docs = documents(DATA)
        for path in building:
            for line in path.read_text().splitlines():
                if line.strip():
                    label = json.loads(line)
                    records.append(build(label, docs[label["story"]]))
        for record in records:
            self.gold[record["story"]] = [c for c in record["conflicts"] if c.get("kind") != "update"]

    def genuine(self, story_id: str, conflict: Conflict) -> bool:
        found = dataclasses.asdict(conflict)
        return any(self.score.conflict_matches(found, gold, story_id) for gold in self.gold.get(story_id, []))


class CachedEmbedder:
    """The same embedder, remembering vectors by text: a story's variants share most sentences."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.align_similarity = inner.align_similarity
        self.fact_similarity = inner.fact_similarity
        self.story_similarity = inner.story_similarity
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self.cache[t] for t in texts]) if texts else self.inner.embed([])


def load_stories(limit: int, pipeline: Pipeline) -> list[tuple[str, list[Doc]]]:
    stories = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            if len(stories) >= limit:
                break
            record = json.loads(line)
            docs = []
            for k, raw in enumerate(record["documents"]):
                doc_id = f"{record['story']}-{k}"
                try:
                    article = pipeline.run(RawDocument(doc_id, "record", raw, id=doc_id, published=PUBLISHED))
                except InputError:
                    continue
                if article.kind is None and len(article.sentences) >= MIN_SENTENCES and len(article.text) <= MAX_CHARS:
                    docs.append(Doc(raw, article))
            if len(docs) >= 2:
                stories.append((str(record["story"]), docs))
    return stories


def figures(text: str) -> set[float]:
    return {float(f.replace(",", "")) for f in FIGURE.findall(text) if f.replace(",", "").replace(".", "").isdigit()}


def holds(text: str, figure: str) -> bool:
    return float(figure.replace(",", "")) in figures(text)


def inserted(doc: Doc, sentence: str, rng: random.Random) -> str | None:
    """``doc``'s raw text with ``sentence`` put at a random sentence boundary of a paragraph it kept."""
    lines = doc.raw.splitlines()
    kept = set(doc.article.sentences)
    eligible = [i for i, line in enumerate(lines) if any(s in kept for s in split_sentences(line))]
    if len(eligible) < 2:
        return None
    i = rng.choice(eligible[1:])  # not the first kept line, which may be read as the headline
    parts = split_sentences(lines[i])
    parts.insert(rng.randint(0, len(parts)), sentence)
    lines[i] = " ".join(parts)
    return "\n".join(lines)


def matches(conflict: Conflict, variant: Variant) -> bool:
    sides = [s.value for s in conflict.sides]
    return any(holds(a, variant.old) and holds(b, variant.new) for a in sides for b in sides if a is not b)


def cites(conflict: Conflict, article: str, sentence: str) -> bool:
    return any(e.article == article and e.sentence == sentence for s in conflict.sides for e in s.evidence)


def signature(conflict: Conflict) -> tuple:
    return conflict.about, frozenset(s.value for s in conflict.sides)


def reads(variant: Variant) -> bool:
    if variant.kind == "age":
        return any(m["age"] == variant.new for shape in AGE_SHAPES for m in shape.finditer(variant.changed))
    return any(holds(m.surface, variant.new) for m in read_mentions(0, variant.changed, 2024))


def grouped(analysis: StoryAnalysis, first: tuple[str, str], second: tuple[str, str]) -> bool:
    return any({first, second} <= {(e.article, e.sentence) for e in fact.evidence} for fact in analysis.facts)


def describe(conflict: Conflict) -> str:
    return f"{conflict.about}: " + " | ".join(f"{s.value} ({', '.join(s.sources)})" for s in conflict.sides)


class Bench:
    def __init__(self, embedder: Embedder, seed: int) -> None:
        self.pipeline = Pipeline()
        self.embedder = CachedEmbedder(embedder)
        self.settings = Settings()
        self.seed = seed
        self.tallies = {kind: Tally() for kind in KINDS}
        self.baselines: dict[tuple[str, str], set[tuple]] = {}
        self.baseline_conflicts: list[str] = []
        self.labels = Labels()
        self.skipped = 0
        self.runs = 0

    def story(self, n: int, story_id: str, docs: list[Doc]) -> None:
        rng = random.Random(self.seed * 100_003 + n)
        self.embedder.cache.clear()
        self.baselines.clear()
        for kind in KINDS:
            candidates = [
                (b, s, v)
                for b in docs
                for s in b.article.sentences
                if b.article.sentences.count(s) == 1 and not any(s in d.article.sentences for d in docs if d is not b)
                for v in values(kind, s)
            ]
            rng.shuffle(candidates)
            used: set[str] = set()
            for planted in (True, False):
                for b, sentence, value in candidates[:TRIES]:
                    if sentence in used:
                        continue
                    a = rng.choice([d for d in docs if d is not b])
                    if planted:
                        variant = change(value, sentence, rng)
                        if (
                            holds(a.article.text, variant.old)
                            or holds(variant.changed, variant.old)
                            or any(holds(d.article.text, variant.new) for d in (a, b))
                        ):
                            continue
                    else:
                        options = harmless(value, sentence, rng)
                        if not options:
                            continue
                        variant = rng.choice(options)
                    if self.run(story_id, a, b, variant, rng):
                        used.add(sentence)
                        break

    def baseline(self, story_id: str, a: Article, b: Article) -> set[tuple]:
        key = (a.id, b.id)
        if key not in self.baselines:
            analysis = analyse_story(Story(story_id, (a, b)), self.embedder, self.settings)
            self.runs += 1
            self.baselines[key] = {signature(c) for c in analysis.conflicts}
            pair = " + ".join(sorted((a.id, b.id)))
            self.baseline_conflicts += [f"{story_id} {pair}: {describe(c)}" for c in analysis.conflicts]
        return self.baselines[key]

    def run(self, story_id: str, a: Doc, b: Doc, variant: Variant, rng: random.Random) -> bool:
        raw = inserted(a, variant.changed, rng)
        if raw is None:
            return False
        try:
            changed = self.pipeline.run(RawDocument(a.article.id, "record", raw, id=a.article.id, published=PUBLISHED))
        except InputError:
            return False
        if variant.changed not in changed.sentences:
            self.skipped += 1  # cleaning or sentence splitting did not keep the sentence whole
            return False
        before = self.baseline(story_id, a.article, b.article)
        analysis = analyse_story(Story(story_id, (changed, b.article)), self.embedder, self.settings)
        self.runs += 1
        tally = self.tallies[variant.kind]
        where = f"{story_id} A={a.article.id} B={b.article.id} ({variant.how})"
        sentences = f"\n      B: {variant.original}\n      A: {variant.changed}"
        if not variant.old:  # harmless
            tally.harmless += 1
            false = [
                c for c in analysis.conflicts if cites(c, changed.id, variant.changed) or signature(c) not in before
            ]
            tally.reported += bool(false)
            tally.false += [f"{where}: {describe(c)}{sentences}" for c in false]
            return True
        tally.planted += 1
        tally.conflicts += len(analysis.conflicts)
        right = [c for c in analysis.conflicts if matches(c, variant)]
        wrong = [c for c in analysis.conflicts if c not in right and signature(c) not in before]
        tally.right += len(right)
        tally.labelled += sum(c not in right and self.labels.genuine(story_id, c) for c in analysis.conflicts)
        tally.new_wrong += len(wrong)
        tally.found += bool(right)
        was_read = reads(variant)
        was_grouped = grouped(analysis, (changed.id, variant.changed), (b.article.id, variant.original))
        tally.read += was_read
        tally.grouped += was_grouped
        if not right:
            why = "not read" if not was_read else "read, not grouped" if not was_grouped else "grouped, no conflict"
            tally.how_missed[why] += 1
            reported = "".join(f"\n      reported: {describe(c)}" for c in analysis.conflicts)
            tally.misses.append(f"{where} [{variant.old} -> {variant.new}] {why}{sentences}{reported}")
        tally.false += [f"{where} [{variant.old} -> {variant.new}]: {describe(c)}{sentences}" for c in wrong]
        return True


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def report(bench: Bench, stories: int, seconds: float, embedder: str, show: bool) -> None:
    tallies = bench.tallies
    total = Tally()
    for t in tallies.values():
        counts = "planted read grouped found conflicts right new_wrong labelled harmless reported"
        for name in counts.split():
            setattr(total, name, getattr(total, name) + getattr(t, name))
        total.how_missed.update(t.how_missed)
    print(
        f"{stories} stories, {bench.runs} analyses ({embedder} embedder), {seconds:.0f} s; "
        f"{bench.skipped} insertions not kept whole by cleaning"
    )
    print(
        "\nplanted changes (R over planted; P over every conflict on those pairs; P new over those not on the "
        "unmodified pair; P people also counting right the real pair's conflicts people labelled genuine):"
    )
    print(
        f"{'kind':<12} {'planted':>7} {'read':>6} {'grouped':>7} {'found':>5} {'R':>6} {'conflicts':>9} "
        f"{'right':>5} {'P':>6} {'P new':>6} {'P people':>8}   misses by stage"
    )
    for kind, t in [*tallies.items(), ("all", total)]:
        print(
            f"{kind:<12} {t.planted:>7} {ratio(t.read, t.planted):>6} {ratio(t.grouped, t.planted):>7} "
            f"{t.found:>5} {ratio(t.found, t.planted):>6} {t.conflicts:>9} {t.right:>5} "
            f"{ratio(t.right, t.conflicts):>6} {ratio(t.right, t.right + t.new_wrong):>6} "
            f"{ratio(t.right + t.labelled, t.conflicts):>8}   {dict(t.how_missed)}"
        )
    print("\nharmless variants (reported: a conflict cites the inserted sentence or is new to the pair):")
    print(f"{'kind':<12} {'variants':>8} {'reported':>8}")
    for kind, t in [*tallies.items(), ("all", total)]:
        print(f"{kind:<12} {t.harmless:>8} {t.reported:>8}")
    print(
        f"\nconflicts on the unmodified pairs (real outlets, not planted, truth unknown): "
        f"{len(set(bench.baseline_conflicts))}"
    )
    print("targets: P >= 0.95, R >= 0.9, harmless never reported")
    if show:
        print("\nplanted changes missed:")
        for kind, t in tallies.items():
            for line in t.misses:
                print(f"  {kind}: {line}")
        print("\nconflicts that are not the planted change (new to the pair) and harmless variants reported:")
        for kind, t in tallies.items():
            for line in t.false:
                print(f"  {kind}: {line}")
        print("\nconflicts on the unmodified pairs:")
        for line in sorted(set(bench.baseline_conflicts)):
            print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=250, help="stories with two usable documents (231 in the file)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--embedder", choices=("minilm", "hashing"), default="minilm")
    parser.add_argument("--show", action="store_true", help="list the misses and false conflicts with sentences")
    args = parser.parse_args()
    start = time.perf_counter()
    bench = Bench(load_embedder(args.embedder)[0], args.seed)
    stories = load_stories(args.limit, bench.pipeline)
    for n, (story_id, docs) in enumerate(stories):
        bench.story(n, story_id, docs)
    report(bench, len(stories), time.perf_counter() - start, args.embedder, args.show)


if __name__ == "__main__":
    main()
