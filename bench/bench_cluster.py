"""Story clustering benchmark: B-cubed precision, recall and F1, newsprism beside a TF-IDF baseline.

- ``uci``: ``../shared/bench/uci-headlines-stream.csv``, 6,366 headlines of 87 Google News stories,
  replayed in time order (headline, URL and time only; no body text).
- ``multinews``: every document of the 250 Multi-News stories (``multinews-dev.jsonl``, under 200
  characters dropped), undated, mixed, in a fixed shuffled order, and recovered as stories.

The baseline is the classic single-pass online clustering: each item joins the story whose TF-IDF
centroid is most similar above a threshold, else starts a new one (IDF from the whole set, which
only flatters it); its best threshold per data set is reported. newsprism runs with its defaults and,
as ``newsprism ingest`` does, keeps pages that are not articles (crawl notices, tweet prompts; their
``kind`` is set) out of every story: each counts as a story of its own. The baseline is given the
same pages the same way (it clusters the articles only), so that the two differ in clustering alone:
left to cluster them, it put the identical crawl notices of different stories together and lost 0.005
F1 on each half of Multi-News to them, which flattered newsprism. ``--halves`` scores each half of
the stories alone, newsprism beside the baseline at that half's best threshold. The UCI stream read
as a user's file is in ``bench_cluster_stream.py``.

    python3 bench/bench_cluster.py [--sets uci,multinews] [--embedders minilm,hashing] [--sweep] [--halves]
    python3 bench/bench_cluster.py --latency 10000,100000,1000000   # placing one article among N stories
                                                                    # (and the merge pass after it)
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import resource
import statistics
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from bench_cluster_stream import bcubed, largest

from newsprism.articles.pipeline import Pipeline
from newsprism.cluster import ClusterState, StoryClusterer, StoryState, publication_order
from newsprism.config import ClusterConfig
from newsprism.embed import Embedder, HashingEmbedder, load_embedder
from newsprism.records import Article, RawDocument
from newsprism.text.tokens import content_words

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"


def uci() -> tuple[list[Article], dict[str, str]]:
    with (BENCH / "uci-headlines-stream.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    articles, gold = [], {}
    for row in rows:
        when = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, UTC).isoformat(timespec="milliseconds")
        article_id = f"uci-{int(row['ID']):07d}"
        articles.append(
            Article(
                id=article_id,
                title=row["TITLE"],
                text=row["TITLE"],
                url=row["URL"],
                published=when,
                sentences=(row["TITLE"],),
            )
        )
        gold[article_id] = row["STORY"]
    return articles, gold


def multinews() -> tuple[list[Article], dict[str, str]]:
    pipeline = Pipeline()
    articles, gold = [], {}
    with (BENCH / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for number, text in enumerate(record["documents"]):
                if len(text.strip()) < 200:
                    continue
                article_id = f"{record['story']}-{number}"
                try:
                    articles.append(pipeline.run(RawDocument(article_id, "text", text, id=article_id)))
                except Exception:  # a scraped page with no article text: not part of the task
                    continue
                gold[article_id] = record["story"]
    random.Random(7).shuffle(articles)
    return articles, gold


def seed_story() -> list[Article]:
    pipeline = Pipeline()
    folder = ROOT.parent / "shared" / "corpora" / "seed-story"
    return [
        pipeline.run(RawDocument(p.name, "text", p.read_text(encoding="utf-8"), id=p.stem))
        for p in sorted(folder.glob("*.txt"))
    ]


def halves(gold: dict[str, str]) -> tuple[set[str], set[str]]:
    """The items of every other story (by sorted story id), and those of the rest."""
    stories = sorted(set(gold.values()))
    first = set(stories[::2])
    return {i for i, s in gold.items() if s in first}, {i for i, s in gold.items() if s not in first}


def baseline(articles: list[Article], threshold: float) -> dict[str, str]:
    """Single-pass TF-IDF clustering: the most similar centroid above ``threshold``, else a new story."""
    counts = [Counter(content_words(f"{a.title or ''} {a.text}")) for a in articles]
    df = Counter(term for c in counts for term in c)
    n = len(articles)
    centroids: list[dict[str, float]] = []
    squares: list[float] = []  # each centroid's squared norm, kept up to date (the large mix needs the speed)
    postings: dict[str, set[int]] = defaultdict(set)
    result = {}
    for article, terms in zip(articles, counts, strict=True):
        vector = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in terms.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vector = {t: w / norm for t, w in vector.items()}
        best, best_score = -1, threshold
        dots: Counter[int] = Counter()
        for t, w in vector.items():
            for index in postings[t]:
                dots[index] += w * centroids[index][t]
        for index in sorted(dots):
            score = dots[index] / (math.sqrt(squares[index]) or 1.0)
            if score >= best_score:
                best, best_score = index, score
        if best < 0:
            centroids.append({})
            squares.append(0.0)
            best = len(centroids) - 1
        centroid = centroids[best]
        for t, w in vector.items():
            old = centroid.get(t, 0.0)
            centroid[t] = old + w
            squares[best] += (old + w) ** 2 - old * old
            postings[t].add(best)
        result[article.id] = f"b{best}"
    return result


def best_baseline(articles: list[Article], gold: dict[str, str]) -> tuple[tuple[float, float, float], float]:
    """The baseline's B-cubed (P, R, F1) at its best threshold on ``articles``, and that threshold. Pages
    that are not articles are each a story of their own, as newsprism leaves them (see above)."""
    thresholds = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3)
    kept = [a for a in articles if a.kind is None]
    return max(((bcubed(baseline(kept, t), gold), t) for t in thresholds), key=lambda pair: pair[0][2])


def run_newsprism(articles: list[Article], embedder_kind: str | Embedder, config: ClusterConfig) -> tuple[dict, float]:
    """newsprism's story of each article (pages set aside each alone) and the seconds clustering took;
    ``embedder_kind`` names an embedder or is one."""
    embedder = load_embedder(embedder_kind)[0] if isinstance(embedder_kind, str) else embedder_kind
    start = time.perf_counter()
    stories = StoryClusterer(config, embedder).fit_predict([a for a in articles if a.kind is None])
    seconds = time.perf_counter() - start
    placed = {a: s.id for s in stories for a in s.article_ids}
    return {a.id: placed.get(a.id, f"aside-{a.id}") for a in articles}, seconds


def latency(stored: int, probes: int = 200, seed: int = 3) -> dict:
    """Place articles among ``stored`` synthetic stories: each a centroid of 60 terms drawn from a
    Zipf-distributed 300k-term vocabulary, weighted by IDF as TF-IDF would, an embedding sum and a
    recent time; probes are articles drawn from a story's terms, so each has one right answer and
    many partial matches."""
    rng = np.random.default_rng(seed)
    size = 300_000
    vocabulary = np.array([f"t{i}" for i in range(size)])
    cumulative = np.cumsum(1.0 / np.arange(1, size + 1) ** 1.1)
    cumulative /= cumulative[-1]
    idf = np.log(1 / (cumulative - np.concatenate(([0.0], cumulative[:-1]))))
    state = ClusterState(docs=stored * 3)
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    built = time.perf_counter()
    stories = []
    for number in range(stored):
        drawn = np.unique(np.searchsorted(cumulative, rng.random(60)))
        vector = rng.standard_normal(384).astype(np.float32)
        story = StoryState(f"s{number}", {vocabulary[i]: float(idf[i]) for i in drawn}, vector, 3, 1.7e9)
        state.add_story(story)
        stories.append(story)
    state.df.update({t: max(1, int(stored * 3 / np.exp(w))) for t, w in zip(vocabulary, idf, strict=True)})
    built = time.perf_counter() - built
    memory = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start_rss) / 1024
    clusterer = StoryClusterer(ClusterConfig(), HashingEmbedder(dim=384))
    seconds, merging = [], []
    for probe in range(probes):
        target = stories[int(rng.integers(len(stories)))]
        words = " ".join(rng.choice(list(target.terms), size=12, replace=False))
        article = Article(
            id=f"p{probe}", title=words, text=words, published="2023-11-14T22:13:20+00:00", sentences=(words,)
        )
        vector = target.vector / np.linalg.norm(target.vector)
        start = time.perf_counter()
        item = clusterer._item(article, vector, state)
        assignment = {item.id: clusterer._place(item, state)}
        clusterer._refine([item], assignment, state)
        seconds.append(time.perf_counter() - start)
        start = time.perf_counter()
        clusterer.merge(
            dict.fromkeys(assignment.values(), item.fullness), state
        )  # after each batch, here of one article
        merging.append(time.perf_counter() - start)
    return {
        "stored": stored,
        "build_s": built,
        "index_mb": memory,
        "median_ms": 1000 * statistics.median(seconds),
        "p95_ms": 1000 * sorted(seconds)[int(0.95 * probes)],
        "merge_p95_ms": 1000 * sorted(merging)[int(0.95 * probes)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="uci,multinews")
    parser.add_argument("--embedders", default="minilm,hashing")
    parser.add_argument("--sweep", action="store_true", help="also sweep newsprism's join threshold")
    parser.add_argument(
        "--halves",
        action="store_true",
        help="also cluster each half of the stories alone "
        "(alternate story ids): a change tuned on the whole set should help both",
    )
    parser.add_argument(
        "--latency",
        default="",
        help="stored story counts to time placement among, e.g. "
        "10000,100000,1000000 (each in this process, smallest first)",
    )
    args = parser.parse_args()
    if args.latency:
        print(
            f"{'stored stories':>14} {'build s':>8} {'index MB':>9} {'median ms':>10} {'p95 ms':>7} "
            f"{'merge p95 ms':>13}"
        )
        for stored in sorted(int(n) for n in args.latency.split(",")):
            r = latency(stored)
            print(
                f"{r['stored']:>14} {r['build_s']:>8.1f} {r['index_mb']:>9.0f} {r['median_ms']:>10.2f} "
                f"{r['p95_ms']:>7.2f} {r['merge_p95_ms']:>13.2f}"
            )
        return
    print(f"{'set':<10} {'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'items/s':>8}")
    for name in args.sets.split(","):
        articles, gold = {"uci": uci, "multinews": multinews}[name]()
        ordered = publication_order(articles) if name == "uci" else articles
        (p, r, f), threshold = best_baseline(ordered, gold)
        print(f"{name:<10} {f'baseline TF-IDF single pass @{threshold}':<34} {p:>6.3f} {r:>6.3f} {f:>6.3f} {'':>8}")
        for kind in args.embedders.split(","):
            thresholds = [None, 0.15, 0.2, 0.25, 0.3, 0.35] if args.sweep else [None]
            for threshold in thresholds:
                predicted, seconds = run_newsprism(articles, kind, ClusterConfig(similarity=threshold))
                p, r, f = bcubed(predicted, gold)
                label = f"newsprism {kind}" + (f" @{threshold}" if threshold else " (defaults)")
                print(f"{name:<10} {label:<34} {p:>6.3f} {r:>6.3f} {f:>6.3f} {len(articles) / seconds:>8.0f}")
            sizes = ", ".join(f"{n} {q:.2f}" for n, q in largest(predicted, gold))
            print(f"{'':<10}   ten largest stories (size, B-cubed precision): {sizes}")
            if args.halves:
                for half, kept in enumerate(halves(gold)):
                    part = [a for a in ordered if a.id in kept]
                    own = {i: gold[i] for i in kept}  # scored on the half's items only
                    placed, _ = run_newsprism(part, kind, ClusterConfig())
                    p, r, f = bcubed(placed, own)
                    (bp, br, bf), bt = best_baseline(part, own)
                    print(
                        f"{'':<10} {f'  half {half} of the stories':<34} {p:>6.3f} {r:>6.3f} {f:>6.3f}   "
                        f"baseline @{bt} {bp:.3f} {br:.3f} {bf:.3f}; newsprism - baseline {f - bf:+.3f}"
                    )
            if name == "multinews":
                seed = seed_story()
                mixed, _ = run_newsprism(articles + seed, kind, ClusterConfig())
                unchanged = bcubed({a: mixed[a] for a in predicted}, predicted)[2]
                print(
                    f"{'':<10} {'  + the 5 seed articles:':<34} seed in {len({mixed[a.id] for a in seed})} "
                    f"story, seed story holds {sum(mixed[a] == mixed[seed[0].id] for a in mixed)} articles, "
                    f"Multi-News partition agreement {unchanged:.3f} (1.0 = unchanged)"
                )
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
