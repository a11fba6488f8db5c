"""Sentence similarity on MRPC: F1 of the paraphrase class for "cosine >= threshold", per embedder,
beside a TF-IDF cosine baseline run in the same script.

``../shared/bench/mrpc-dev.jsonl``: 4,076 pairs of news sentences, ``{"paraphrase", "a", "b"}``. For
each system: F1 and accuracy at the embedder's own alignment threshold (``align_similarity``, the
rule provenance uses to align a rewrite's sentences) and fact threshold (``fact_similarity``), the
best F1 over thresholds 0.05-0.95 (optimistic: chosen on the same pairs) and a 2-fold estimate
(threshold chosen on one half, F1 measured on the other, both ways averaged).

    python3 bench/bench_mrpc.py [--embedders minilm,hashing]
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from pathlib import Path

import numpy as np

from newsprism.embed import load_embedder
from newsprism.tokens import words

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "mrpc-dev.jsonl"
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


def load() -> tuple[list[str], list[str], np.ndarray]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return [r["a"] for r in rows], [r["b"] for r in rows], np.array([bool(r["paraphrase"]) for r in rows])


def tfidf_cosines(a: list[str], b: list[str]) -> np.ndarray:
    counts = [Counter(words(text)) for text in a + b]
    df = Counter(term for c in counts for term in c)
    n = len(counts)

    def vector(c: Counter) -> dict[str, float]:
        v = {t: (1 + math.log(k)) * math.log((1 + n) / (1 + df[t])) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    vectors = [vector(c) for c in counts]
    half = len(a)
    return np.array([sum(w * vectors[half + i].get(t, 0.0) for t, w in vectors[i].items()) for i in range(half)])


def f1_accuracy(scores: np.ndarray, gold: np.ndarray, threshold: float) -> tuple[float, float]:
    predicted = scores >= threshold
    tp = int((predicted & gold).sum())
    f1 = 2 * tp / (int(predicted.sum()) + int(gold.sum())) if tp else 0.0
    return f1, float((predicted == gold).mean())


def best(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    return max((f1_accuracy(scores, gold, t)[0], float(t)) for t in THRESHOLDS)


def two_fold(scores: np.ndarray, gold: np.ndarray) -> float:
    order = np.random.default_rng(0).permutation(len(gold))
    halves = order[: len(order) // 2], order[len(order) // 2 :]
    results = []
    for fit, test in (halves, halves[::-1]):
        _, threshold = best(scores[fit], gold[fit])
        results.append(f1_accuracy(scores[test], gold[test], threshold)[0])
    return float(np.mean(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedders", default="minilm,hashing")
    args = parser.parse_args()
    a, b, gold = load()
    print(f"{len(gold)} pairs, {gold.mean():.1%} paraphrases (all-yes F1 {2 * gold.mean() / (1 + gold.mean()):.3f})")
    print(f"{'system':<26} {'rule':<18} {'F1':>6} {'acc':>6} {'best F1 @t':>12} {'2-fold F1':>10} {'s':>6}")
    start = time.perf_counter()
    scores = tfidf_cosines(a, b)
    seconds = time.perf_counter() - start
    top, at = best(scores, gold)
    print(f"{'TF-IDF cosine (baseline)':<26} {'':<18} {'':>6} {'':>6} {f'{top:.3f} @{at:.2f}':>12} "
          f"{two_fold(scores, gold):>10.3f} {seconds:>6.1f}")
    for kind in args.embedders.split(","):
        embedder, _ = load_embedder(kind)
        start = time.perf_counter()
        vectors = embedder.embed(a + b)
        seconds = time.perf_counter() - start
        scores = (vectors[: len(a)] * vectors[len(a) :]).sum(axis=1)
        top, at = best(scores, gold)
        folded = two_fold(scores, gold)
        for rule in ("align_similarity", "fact_similarity"):
            threshold = getattr(embedder, rule)
            f1, accuracy = f1_accuracy(scores, gold, threshold)
            print(f"{embedder.name:<26} {f'{rule[:5]} >= {threshold}':<18} {f1:>6.3f} {accuracy:>6.3f} "
                  f"{f'{top:.3f} @{at:.2f}':>12} {folded:>10.3f} {seconds:>6.1f}")


if __name__ == "__main__":
    main()
