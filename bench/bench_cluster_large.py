"""Story clustering at scale: about 7,600 real items of several kinds mixed, newsprism beside the baseline.

The mix, every item real text:

- the 6,366 UCI headlines (dated, 87 Google News stories; as in ``bench_cluster.py``);
- every Multi-News dev document (undated, 250 stories);
- the 457 FNC-1 article bodies of ``stance-dev`` (undated); two bodies are of one story when a headline
  is related to both (agree, disagree or discuss), so a story is a connected set of bodies and claims;
- the 91 article bodies of ``extraction-dev`` (undated, unrelated pages: each a story of its own);
- the five seed articles (one story).

Undated items get ids in a fixed shuffled order, so they reach the clusterer mixed rather than story
by story (newsprism, like the baseline, takes undated items in id order). Text items go through the
article pipeline, and pages it finds are not articles count as stories of their own, as in
``bench_cluster.py``. Scored by B-cubed over every item and over each kind, by the size and B-cubed
precision of the ten largest predicted stories, and by how many stories of 10 or more items have a
precision under 0.8 (the target: none); the seed must stay one story that nothing else joins.

    PYTHONPATH=src python3 bench/bench_cluster_large.py [--embedder minilm|hashing] [--no-baseline]
                                                        [--embedding-cache FILE] [--show] [--spread HOURS]

``--embedding-cache FILE`` keeps the embedder's vectors by text in FILE (a pickle, made on the first run):
a rerun after a change to clustering embeds only the texts it changed (the mix's 7,600 ledes take
minutes on two loaded cores). Delete the file when the embedder changes.

``--spread HOURS`` re-times each UCI story's headlines evenly over HOURS from its time, in id order. The
file's times are crawl moments, one for all the headlines of a UCI story (they span seconds), and no
story spans two days: a rule on time looks free there, parting stories filed minutes or hours apart,
where real coverage runs on through the hours and days. Spread, the stories are told as they would be.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import resource
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from bench_cluster import BENCH, baseline, best_baseline, multinews, run_newsprism, seed_story, uci
from bench_cluster_stream import bcubed, largest

from newsprism.articles.pipeline import Pipeline
from newsprism.cluster import publication_order
from newsprism.config import ClusterConfig
from newsprism.embed import Embedder, load_embedder
from newsprism.records import Article, RawDocument

SMALL_PRECISION = 0.8  # the target: no story of LARGE_STORY or more items under this B-cubed precision
LARGE_STORY = 10


class CachedEmbedder:
    """An embedder whose vectors are kept by text in a pickle file, so that a rerun embeds only new texts."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner, self.path = inner, path
        self.name, self.dim, self.story_similarity = inner.name, inner.dim, inner.story_similarity
        self.align_similarity, self.fact_similarity = inner.align_similarity, inner.fact_similarity
        self.vectors: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.inner.embed(missing), strict=True))
            self.path.write_bytes(pickle.dumps(self.vectors))
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([self.vectors[t] for t in texts])


def fnc_bodies() -> tuple[list[Article], dict[str, str]]:
    """The FNC-1 bodies, a story being a connected set of bodies and the headlines related to them."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    with (BENCH / "stance-dev" / "pairs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            pair = json.loads(line)
            if pair["stance"] != "unrelated":
                parent[root(f"b{pair['body_id']}")] = root(f"h{pair['headline']}")
    pipeline, articles, gold = Pipeline(), [], {}
    with (BENCH / "stance-dev" / "bodies.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line)
            article_id = f"fnc-{body['body_id']}"
            try:
                articles.append(pipeline.run(RawDocument(article_id, "text", body["body"], id=article_id)))
            except Exception:  # nothing readable: not part of the task
                continue
            gold[article_id] = "fnc-" + root(f"b{body['body_id']}")
    return articles, gold


def extraction_pages() -> tuple[list[Article], dict[str, str]]:
    """The extraction benchmark's true article bodies (with their URLs), each a story of its own."""
    truth = json.loads((BENCH / "extraction-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    pipeline, articles, gold = Pipeline(), [], {}
    for key, page in sorted(truth.items()):
        article_id = f"page-{key[:12]}"
        try:
            raw = RawDocument(article_id, "text", page["articleBody"], id=article_id, url=page["url"])
            articles.append(pipeline.run(raw))
        except Exception:
            continue
        gold[article_id] = article_id
    return articles, gold


def spread(articles: list[Article], gold: dict[str, str], hours: float) -> list[Article]:
    """``articles`` (dated) with each gold story's members re-timed evenly over ``hours`` from its first
    one's time, in id order (see ``--spread``)."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.id):
        stories[gold[article.id]].append(article)
    moved = []
    for members in stories.values():
        start = min(datetime.fromisoformat(a.published or "") for a in members)
        for rank, article in enumerate(members):
            when = start + timedelta(hours=hours * rank / max(1, len(members) - 1))
            moved.append(dataclasses.replace(article, published=when.isoformat(timespec="milliseconds")))
    return moved


def mix(spread_hours: float = 0.0) -> tuple[list[Article], dict[str, str], dict[str, str], list[str]]:
    """The items in publication order, gold story by item id, kind of data by item id, the seed's ids;
    with ``spread_hours``, each UCI story's headlines re-timed over that many hours (:func:`spread`)."""
    headlines, labels = uci()
    if spread_hours:
        headlines = spread(headlines, labels, spread_hours)
    parts = {"uci": (headlines, labels), "multinews": multinews(), "fnc": fnc_bodies(), "pages": extraction_pages()}
    seed = seed_story()
    parts["seed"] = (seed, {a.id: "seed" for a in seed})
    undated = [a for name, (articles, _) in parts.items() if name != "uci" for a in articles]
    random.Random(11).shuffle(undated)
    renamed = {a.id: f"x{rank:05d}-{a.id}" for rank, a in enumerate(undated)}
    articles, gold, kinds = [], {}, {}
    for name, (items, labels) in parts.items():
        for article in items:
            new_id = renamed.get(article.id, article.id)
            articles.append(dataclasses.replace(article, id=new_id) if new_id != article.id else article)
            gold[new_id] = f"{name}:{labels[article.id]}"
            kinds[new_id] = name
    return publication_order(articles), gold, kinds, [renamed[a.id] for a in seed]


def report(
    label: str,
    predicted: dict[str, str],
    gold: dict[str, str],
    kinds: dict[str, str],
    show: dict[str, str] | None = None,
) -> None:
    """Print the scores; with ``show`` (item id -> headline), the make-up of each impure story of 10+ items."""
    p, r, f = bcubed(predicted, gold)
    print(f"{label:<34} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    for kind in sorted(set(kinds.values())):
        part = {i: s for i, s in gold.items() if kinds[i] == kind}
        # scored on the kind's own items, with the stories as predicted over the whole mix
        kp, kr, kf = bcubed({i: predicted.get(i, f"alone-{i}") for i in part}, part)
        print(f"{'':<4}{kind + f' ({len(part)})':<30} {kp:>6.3f} {kr:>6.3f} {kf:>6.3f}")
    top = largest(predicted, gold)
    print(f"{'':<4}ten largest (size, B-cubed precision): " + ", ".join(f"{n} {q:.2f}" for n, q in top))
    clusters = defaultdict(list)
    for item, cluster in predicted.items():
        clusters[cluster].append(item)
    impure = []
    for members in clusters.values():
        if len(members) >= LARGE_STORY:
            counts = Counter(gold[m] for m in members)
            precision = sum(n * n for n in counts.values()) / len(members) ** 2
            if precision < SMALL_PRECISION:
                impure.append((len(members), precision))
                if show is not None:
                    show_story(members, precision, gold, show)
    large = sum(len(m) >= LARGE_STORY for m in clusters.values())
    print(
        f"{'':<4}stories of {LARGE_STORY}+ items: {large}, of which under {SMALL_PRECISION} precision: {len(impure)} "
        + " ".join(f"({n} {q:.2f})" for n, q in sorted(impure, reverse=True))
    )


def show_story(members: list[str], precision: float, gold: dict[str, str], headlines: dict[str, str]) -> None:
    """Each gold story of an impure predicted story, largest first, with three of its headlines; a gold
    story marked * shares a headline, word for word, with another gold story here: the labels split one
    event (no clusterer can tell identical texts apart), or the headline names none (a section's page)."""
    print(f"{'':<6}story of {len(members)} at precision {precision:.2f}:")
    by_gold: dict[str, list[str]] = defaultdict(list)
    for member in members:
        by_gold[gold[member]].append(" ".join(headlines.get(member, "").lower().split()))
    for label, texts in sorted(by_gold.items(), key=lambda item: -len(item[1])):
        shared = any(set(texts) & set(other) for name, other in by_gold.items() if name != label)
        sample = "; ".join(t[:45] for t in list(dict.fromkeys(texts))[:3])
        print(f"{'':<8}{len(texts):>4}{'*' if shared else ' '} {label[:40]:<40} {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--no-baseline", action="store_true", help="newsprism only")
    parser.add_argument("--embedding-cache", type=Path, help="keep the vectors by text in this pickle file")
    parser.add_argument("--show", action="store_true", help="list the make-up of each impure story of 10+ items")
    parser.add_argument("--spread", type=float, default=0.0, help="re-time each UCI story over this many hours")
    args = parser.parse_args()
    start = time.perf_counter()
    articles, gold, kinds, seed = mix(args.spread)
    print(f"{len(articles)} items ({dict(Counter(kinds.values()))}), read in {time.perf_counter() - start:.0f} s")
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6}")
    if not args.no_baseline:
        start = time.perf_counter()
        _, threshold = best_baseline(articles, gold)
        # pages that are not articles are stories of their own for the baseline too (see bench_cluster.py)
        kept = [a for a in articles if a.kind is None]
        report(f"baseline TF-IDF single pass @{threshold}", baseline(kept, threshold), gold, kinds)
        print(f"{'':<4}({time.perf_counter() - start:.0f} s)")
    embedder = load_embedder(args.embedder)[0]
    if args.embedding_cache:
        embedder = CachedEmbedder(embedder, args.embedding_cache)
    predicted, seconds = run_newsprism(articles, embedder, ClusterConfig())
    headlines = {a.id: a.title or a.text[:80] for a in articles} if args.show else None
    report(f"newsprism {args.embedder}", predicted, gold, kinds, headlines)
    print(f"{'':<4}({seconds:.0f} s, {len(articles) / seconds:.0f} items/s)")
    seed_stories = {predicted[i] for i in seed}
    joined = sum(predicted[i] in seed_stories for i in predicted) - len(seed)
    print(f"seed: in {len(seed_stories)} story(ies), joined by {joined} other item(s)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
