"""The static embedder against the MiniLM it is distilled from, on the sentence pairs the analyses compare.

Pairs: every pair of sentences (five words or more) from two different documents of one story, over the
first 80 stories of ``../shared/bench/multinews-dev.jsonl`` that are not in truth-dev, 60,000 of them
drawn at random (seed 0). For each of MiniLM's thresholds (``align_similarity`` 0.75, ``fact_similarity``
0.65) the share of pairs above it, the static cosine above which the same share passes (how
``StaticEmbedder``'s thresholds were set), and the F1 of agreement between the two selections; the
Pearson correlation of the two cosines; and sentences embedded per second by each.

    python3 bench/bench_static.py
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import numpy as np

from newsprism.articles.sentences import split_sentences
from newsprism.embed import Embedder, MiniLMEmbedder, StaticEmbedder

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
STORIES, PAIRS, MIN_WORDS = 80, 60_000, 5


def pairs() -> tuple[list[str], list[str]]:
    truth = {json.loads(line)["story"] for line in (BENCH / "truth-dev" / "gold.jsonl").open(encoding="utf-8")}
    rows = [json.loads(line) for line in (BENCH / "multinews-dev.jsonl").open(encoding="utf-8")]
    first, second = [], []
    for row in [r for r in rows if r["story"] not in truth][:STORIES]:
        docs = [
            [s for p in doc.split("\n") for s in split_sentences(p) if len(s.split()) >= MIN_WORDS]
            for doc in row["documents"]
        ]
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                for x in a:
                    for y in b:
                        first.append(x)
                        second.append(y)
    chosen = random.Random(0).sample(range(len(first)), min(PAIRS, len(first)))
    return [first[i] for i in chosen], [second[i] for i in chosen]


def cosines(embedder: Embedder, first: list[str], second: list[str]) -> tuple[np.ndarray, float]:
    texts = sorted(set(first) | set(second))
    start = time.perf_counter()
    vectors = embedder.embed(texts)
    rate = len(texts) / (time.perf_counter() - start)
    row = {t: i for i, t in enumerate(texts)}
    a, b = vectors[[row[t] for t in first]], vectors[[row[t] for t in second]]
    return np.einsum("ij,ij->i", a, b), rate


def main() -> None:
    first, second = pairs()
    minilm, static = MiniLMEmbedder(), StaticEmbedder()
    model, model_rate = cosines(minilm, first, second)
    table, table_rate = cosines(static, first, second)
    print(f"{len(first)} cross-document sentence pairs of {STORIES} Multi-News stories")
    print(f"  sentences/s: {minilm.name} {model_rate:.0f}, {static.name} {table_rate:.0f}")
    print(f"  Pearson r of the two cosines: {np.corrcoef(model, table)[0, 1]:.3f}")
    for label, threshold, own in (
        ("align", minilm.align_similarity, static.align_similarity),
        ("fact", minilm.fact_similarity, static.fact_similarity),
    ):
        share = float((model >= threshold).mean())
        matched = float(np.quantile(table, 1 - share))
        chosen, agreed = model >= threshold, table >= own
        f1 = 2 * int((chosen & agreed).sum()) / max(1, int(chosen.sum()) + int(agreed.sum()))
        print(
            f"  {label}: MiniLM >= {threshold} passes {share:.2%}; static passes as many at {matched:.3f} "
            f"(set: {own}, passes {float(agreed.mean()):.2%}); F1 of agreement {f1:.3f}"
        )


if __name__ == "__main__":
    main()
