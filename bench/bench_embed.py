"""Embedding throughput on real news sentences: sentences per second per embedder and set-up.

Sentences come from the Multi-News documents (``../shared/bench/multinews-dev.jsonl``) through
newsprism's own sentence splitter. Rows: the hashed n-gram fallback; MiniLM as shipped (the int8
graph that dequantizes on every call), in the order given and sorted by length; MiniLM dynamically
quantized (the default), sorted. Also: model load time with an empty cache (the one-time
quantization) and with a warm one, the mean and minimum cosine between quantized and shipped
vectors (what quantization costs), and the padding that length sorting saves.

    python3 bench/bench_embed.py [--sentences 4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from newsprism.embed import HashingEmbedder
from newsprism.minilm import MiniLMEmbedder
from newsprism.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"


def news_sentences(limit: int) -> list[str]:
    found: list[str] = []
    for line in DATA.open(encoding="utf-8"):
        for document in json.loads(line)["documents"]:
            for paragraph in document.split("\n"):
                found += [s for s in split_sentences(paragraph.strip()) if len(s.split()) >= 4]
        if len(found) >= limit:
            break
    return found[:limit]


class UnsortedMiniLM(MiniLMEmbedder):
    """MiniLM batching sentences in the order given, to measure what length sorting saves."""

    def embed(self, texts: list[str]) -> np.ndarray:
        ids = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        return np.vstack([self._run(ids[i : i + self.batch_size]) for i in range(0, len(ids), self.batch_size)])


def padding_share(embedder: MiniLMEmbedder, texts: list[str], sort: bool) -> float:
    lengths = [len(e.ids) for e in embedder.tokenizer.encode_batch(texts)]
    if sort:
        lengths.sort()
    size = embedder.batch_size
    padded = sum(max(lengths[i : i + size]) * len(lengths[i : i + size]) for i in range(0, len(lengths), size))
    return 1 - sum(lengths) / padded


def throughput(embed, texts: list[str], repeat: int) -> tuple[float, np.ndarray]:
    embed(texts[:32])
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        vectors = embed(texts)
        runs.append(time.perf_counter() - start)
    return len(texts) / statistics.median(runs), vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = news_sentences(args.sentences)
    with tempfile.TemporaryDirectory() as cache:
        previous = os.environ.get("NEWSPRISM_CACHE")
        os.environ["NEWSPRISM_CACHE"] = cache
        start = time.perf_counter()
        MiniLMEmbedder()
        cold = time.perf_counter() - start
        start = time.perf_counter()
        quantized = MiniLMEmbedder()
        warm = time.perf_counter() - start
        if previous is None:
            del os.environ["NEWSPRISM_CACHE"]
        else:
            os.environ["NEWSPRISM_CACHE"] = previous
    shipped = MiniLMEmbedder(quantize=False)
    rows = [
        ("hashing-ngram", HashingEmbedder().embed),
        ("MiniLM shipped, unsorted", UnsortedMiniLM(quantize=False).embed),
        ("MiniLM shipped, sorted", shipped.embed),
        ("MiniLM quantized, sorted", quantized.embed),
    ]
    print(f"{len(texts)} sentences, {statistics.mean(len(t.split()) for t in texts):.1f} words on average")
    print(f"{'embedder':<28} {'sentences/s':>12}")
    vectors = {}
    for name, embed in rows:
        rate, vectors[name] = throughput(embed, texts, args.repeat)
        print(f"{name:<28} {rate:>12.0f}")
    cosines = (vectors["MiniLM quantized, sorted"] * vectors["MiniLM shipped, sorted"]).sum(axis=1)
    print(f"quantized vs shipped cosine: mean {cosines.mean():.4f}, min {cosines.min():.4f}")
    print(f"padding: {padding_share(shipped, texts, False):.0%} of the tokens unsorted, "
          f"{padding_share(shipped, texts, True):.0%} sorted (batches of {shipped.batch_size})")
    print(f"MiniLM load: {cold:.2f} s with an empty cache (quantizes once), {warm:.2f} s warm; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
