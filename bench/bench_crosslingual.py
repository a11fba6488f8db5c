"""How close an article's lede lands to its own story and to others under an embedder: the numbers behind
the cross-lingual join threshold (``newsprism.cluster.crosslingual``).

- ``multinews``: every Multi-News document (as bench_cluster.py reads them), its lede embedded as the
  clusterer embeds it; per document, the cosine to its own story's centroid (the sum of its other
  documents' ledes) and the highest cosine to any other story's centroid. All English: a monolingual
  stand-in for how far apart stories sit, which bounds the false joins of a threshold.
- ``fixture``: tests/data/multilingual, each article against every story (by its ``story`` label in
  the README's events) held by articles in other languages only.
- ``--pretend``: Multi-News clustered (B-cubed) with half its documents, at random, tagged French and
  their terms kept apart from the English ones by a prefix, as another language's would be; their
  embeddings stay those of English text, so their cosines run higher than a translation's would. The
  cross-lingual join off, then at each threshold.

    python3 bench/bench_crosslingual.py [--embedder use-m] [--thresholds 0.5,0.55,0.6,0.65,0.7] [--pretend]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from bench_cluster import multinews, run_newsprism
from bench_cluster_stream import bcubed

from newsprism.articles.pipeline import Pipeline
from newsprism.cluster import clusterer, crosslingual
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import lede
from newsprism.embed import load_embedder
from newsprism.records import Article, RawDocument

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "multilingual" / "articles.jsonl"


def cosines(articles: list[Article], gold: dict[str, str], embedder_kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Per article: the cosine of its lede to its own story's other members' summed ledes (nan when it is
    alone), and the highest to another story's summed ledes."""
    embedder, _ = load_embedder(embedder_kind)
    config = ClusterConfig()
    vectors = embedder.embed([lede(a, config) for a in articles])
    stories = sorted({gold[a.id] for a in articles})
    row = {s: i for i, s in enumerate(stories)}
    sums = np.zeros((len(stories), vectors.shape[1]), np.float32)
    for article, vector in zip(articles, vectors, strict=True):
        sums[row[gold[article.id]]] += vector
    own, other = np.full(len(articles), np.nan), np.zeros(len(articles))
    for i, article in enumerate(articles):
        mine = row[gold[article.id]]
        rest = sums[mine] - vectors[i]
        if np.linalg.norm(rest) > 1e-6:
            own[i] = float(vectors[i] @ rest) / float(np.linalg.norm(rest))
        scores = sums @ vectors[i] / np.maximum(np.linalg.norm(sums, axis=1), 1e-9)
        scores[mine] = -1.0
        other[i] = float(scores.max())
    return own, other


def fixture() -> tuple[list[Article], dict[str, str]]:
    pipeline = Pipeline()
    articles, gold = [], {}
    for line in FIXTURE.open(encoding="utf-8"):
        data = json.loads(line)
        text = f"{data['title']}\n\n{data['text']}"
        articles.append(pipeline.run(RawDocument(data["id"], "text", text, id=data["id"])))
        gold[data["id"]] = data["id"].split("-")[0]
    return articles, gold


def pretend(articles: list[Article], gold: dict[str, str], embedder_kind: str, thresholds: list[float]) -> None:
    """B-cubed of Multi-News with half its documents made "French" (see the module's docstring)."""
    rng = random.Random(11)
    tagged = [replace(a, language=rng.choice(("en", "fr"))) for a in articles]
    english_terms = clusterer.term_counts

    def apart(article: Article, config: ClusterConfig) -> dict[str, float]:
        counts = english_terms(article, config)
        return counts if article.language == "en" else {f"fr:{t}": c for t, c in counts.items()}

    clusterer.term_counts = apart  # type: ignore[assignment]
    default = crosslingual.CrossLingual.__init__.__defaults__
    try:
        print(f"{'cross-lingual join':<20} {'P':>6} {'R':>6} {'F1':>6}")
        for threshold in [1.01, *thresholds]:  # above 1: no cosine reaches it, the join is off
            crosslingual.CrossLingual.__init__.__defaults__ = (threshold,)
            placed, _ = run_newsprism(tagged, embedder_kind, ClusterConfig())
            p, r, f = bcubed(placed, gold)
            label = "off" if threshold > 1 else f"at {threshold}"
            print(f"{label:<20} {p:>6.3f} {r:>6.3f} {f:>6.3f}", flush=True)
    finally:
        clusterer.term_counts = english_terms
        crosslingual.CrossLingual.__init__.__defaults__ = default


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedder", default="use-m")
    parser.add_argument("--thresholds", default="0.45,0.5,0.55,0.6,0.65,0.7")
    parser.add_argument("--pretend", action="store_true", help="cluster Multi-News with half of it made French")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    articles, gold = multinews()
    if args.pretend:
        pretend(articles, gold, args.embedder, thresholds)
        return
    articles = [a for a in articles if a.kind is None]
    print("multinews languages:", dict(Counter(a.language for a in articles)))
    own, other = cosines(articles, gold, args.embedder)
    grouped = ~np.isnan(own)
    print(f"{len(articles)} documents, {int(grouped.sum())} with another document of their story")
    spread = np.round(np.percentile(other, [50, 90, 95, 99, 100]), 3)
    print("percentiles 50/90/95/99/max of the best other story:", spread)
    print("percentiles 10/25/50 of the own story:", np.round(np.percentile(own[grouped], [10, 25, 50]), 3))
    print(f"{'threshold':>9} {'other above':>12} {'own above':>10} {'own beats other, above':>23}")
    for t in thresholds:
        wrong = float((other >= t).mean())
        right = float((own[grouped] >= t).mean())
        clean = float(((own[grouped] >= t) & (own[grouped] > other[grouped])).mean())
        print(f"{t:>9.2f} {wrong:>12.3f} {right:>10.3f} {clean:>23.3f}")
    articles, gold = fixture()
    embedder, _ = load_embedder(args.embedder)
    config = ClusterConfig()
    vectors = dict(zip([a.id for a in articles], embedder.embed([lede(a, config) for a in articles]), strict=True))
    print("\nfixture: an article's lede against each story's summed ledes in other languages")
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_story[gold[article.id]].append(article)
    for article in articles:
        scores = []
        for story, members in sorted(by_story.items()):
            others = [vectors[m.id] for m in members if m.language != article.language]
            if others:
                total = np.sum(others, axis=0)
                cosine = float(vectors[article.id] @ total) / float(np.linalg.norm(total))
                scores.append(f"{story}{'*' if story == gold[article.id] else ''} {cosine:.3f}")
        print(f"  {article.id:<20} ({article.language}): {', '.join(scores)}")


if __name__ == "__main__":
    main()
