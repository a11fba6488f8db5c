"""Embedding throughput on real news sentences: sentences per second per embedder and set-up.

Sentences come from the Multi-News documents (``../shared/bench/multinews-dev.jsonl``) through
newsprism's own sentence splitter (sentences of 4 words or more). Rows: the hashed n-gram fallback;
MiniLM as shipped (the int8 graph that dequantizes on every call), batched in the order given and
sorted by length; MiniLM dynamically quantized, sorted, one batch at a time on every core (ONNX
Runtime's own threads); the same with batches run in parallel on one ONNX thread each (the
default); the static table distilled from MiniLM (:mod:`newsprism.embed.static`, loaded from this
machine's cache). Each row runs in a fresh
process, so its load time and peak RSS are its own; throughput is the median over --repeat passes
after one warm-up batch (the hashing embedder's n-gram hash cache is warm after the first pass).
Also: load time of the quantized model with an empty cache (NEWSPRISM_CACHE in a new temporary
directory, so it quantizes once) and with a warm one, the padding share length sorting saves, and
the mean and minimum cosine between quantized and shipped vectors (what quantization costs).

    python3 bench/bench_embed.py [--sentences 4000] [--repeat 3]

``--versus quantized-sorted,use-m --rounds 5`` times only those rows instead, alternating them round after
round (each in a fresh process), and prints each round's rates and the ratio of the two: on a machine
other jobs share, the ratio within a round holds better than rates measured minutes apart.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsprism.articles.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
ROWS = {
    "hashing": "hashing-ngram",
    "shipped-unsorted": "MiniLM shipped, unsorted",
    "shipped-sorted": "MiniLM shipped, sorted",
    "quantized-sorted-serial": "MiniLM quantized, sorted",
    "quantized-sorted": "  + batches run in parallel",
    "use-m": "USE multilingual v3, sorted",
    "static": "static table distilled from MiniLM",
}


def news_sentences(limit: int) -> list[str]:
    found: list[str] = []
    for line in DATA.open(encoding="utf-8"):
        for document in json.loads(line)["documents"]:
            for paragraph in document.split("\n"):
                found += [s for s in split_sentences(paragraph.strip()) if len(s.split()) >= 4]
        if len(found) >= limit:
            break
    return found[:limit]


def unsorted_embed(embedder) -> Callable[[list[str]], np.ndarray]:
    """``embedder.embed`` batching sentences in the order given, to measure what length sorting saves."""

    def embed(texts: list[str]) -> np.ndarray:
        ids = [encoding.ids for encoding in embedder.tokenizer.encode_batch(texts)]
        size = embedder.batch_size
        return np.vstack([embedder._run(ids[i : i + size]) for i in range(0, len(ids), size)])

    return embed


def padding_share(embedder, texts: list[str], sort: bool) -> float:
    lengths = [len(e.ids) for e in embedder.tokenizer.encode_batch(texts)]
    if sort:
        lengths.sort()
    size = embedder.batch_size
    padded = sum(max(lengths[i : i + size]) * len(lengths[i : i + size]) for i in range(0, len(lengths), size))
    return 1 - sum(lengths) / padded


def load(config: str):
    if config == "hashing":
        from newsprism.embed import HashingEmbedder

        return HashingEmbedder()
    if config == "use-m":
        from newsprism.embed.use import USEEmbedder

        return USEEmbedder()
    if config == "static":
        from newsprism.embed.static import StaticEmbedder

        return StaticEmbedder()
    from newsprism.embed.minilm import MiniLMEmbedder

    return MiniLMEmbedder(quantize=config.startswith("quantized"), parallel=config == "quantized-sorted")


def child(config: str, sentences: int, repeat: int, out: Path) -> dict:
    """Runs in the fresh process: load, warm up, time ``repeat`` passes, save the vectors."""
    texts = news_sentences(sentences)
    start = time.perf_counter()
    embedder = load(config)
    result: dict = {"load_s": time.perf_counter() - start}
    if repeat:
        embed = unsorted_embed(embedder) if config.endswith("unsorted") else embedder.embed
        embed(texts[:32])
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            vectors = embed(texts)
            runs.append(time.perf_counter() - start)
        np.save(out, vectors)
        result["rate"] = len(texts) / statistics.median(runs)
        if config not in ("hashing", "use-m", "static"):
            result["padding"] = padding_share(embedder, texts, sort=not config.endswith("unsorted"))
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def spawn(config: str, args: argparse.Namespace, cache: Path, out: Path, repeat: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        config,
        "--sentences",
        str(args.sentences),
        "--repeat",
        str(repeat),
        "--out",
        str(out),
    ]
    # the static table is distilled once per machine: it loads from the machine's cache, not a fresh one
    env = {**os.environ} if config == "static" else {**os.environ, "NEWSPRISM_CACHE": str(cache)}
    return json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)


def cold_loads(args: argparse.Namespace, scratch: Path) -> list[dict]:
    """Quantized model loads, each with a new empty cache: the one-time quantization."""
    results = []
    for i in range(args.repeat):
        cache = scratch / f"cold-{i}"
        cache.mkdir()
        results.append(spawn("quantized-sorted", args, cache, scratch / "unused.npy", repeat=0))
    return results


def print_table(results: dict[str, dict], cold: list[dict]) -> None:
    base = results["shipped-unsorted"]["rate"]
    print(f"{'embedder':<30} {'load s':>7} {'sentences/s':>12} {'speed-up':>8} {'padding':>8} {'peak MB':>8}")
    for config, label in ROWS.items():
        r = results[config]
        padding = f"{r['padding']:.0%}" if "padding" in r else ""
        print(
            f"{label:<30} {r['load_s']:>7.2f} {r['rate']:>12.0f} {r['rate'] / base:>7.2f}x {padding:>8} "
            f"{r['rss_mb']:>8.0f}"
        )
    print(
        f"{'MiniLM quantized, cold cache':<30} {statistics.median(c['load_s'] for c in cold):>7.2f} "
        f"{'(load only)':>12} {'':>8} {'':>8} {statistics.median(c['rss_mb'] for c in cold):>8.0f}"
    )


def print_cosines(scratch: Path) -> None:
    shipped = np.load(scratch / "shipped-sorted.npy")
    quantized = (np.load(scratch / "quantized-sorted.npy") * shipped).sum(axis=1)
    unsorted = (np.load(scratch / "shipped-unsorted.npy") * shipped).sum(axis=1)
    print(f"{'cosine to shipped, sorted':<30} {'mean':>7} {'min':>7}")
    print(f"{'quantized, sorted':<30} {quantized.mean():>7.4f} {quantized.min():>7.4f}")
    print(f"{'shipped, unsorted':<30} {unsorted.mean():>7.4f} {unsorted.min():>7.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=ROWS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--versus", help="two rows to alternate, e.g. quantized-sorted,use-m")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.sentences, args.repeat, args.out)))
        return
    if args.versus:
        versus(args)
        return
    texts = news_sentences(args.sentences)
    print(
        f"{len(texts)} sentences, {statistics.mean(len(t.split()) for t in texts):.1f} words on average; "
        f"medians over {args.repeat} passes, each row in a fresh process"
    )
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        cold = cold_loads(args, scratch)
        (scratch / "warm").mkdir()
        spawn("quantized-sorted", args, scratch / "warm", scratch / "unused.npy", repeat=0)  # fill the cache
        results = {
            config: spawn(config, args, scratch / "warm", scratch / f"{config}.npy", args.repeat) for config in ROWS
        }
        print_table(results, cold)
        print()
        print_cosines(scratch)


def versus(args: argparse.Namespace) -> None:
    first, second = args.versus.split(",")
    ratios = []
    print(f"{'round':>5} {first + ' /s':>22} {second + ' /s':>22} {'ratio':>7} {'peak MB':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for number in range(args.rounds):
            order = (first, second) if number % 2 == 0 else (second, first)
            found = {row: spawn(row, args, scratch, scratch / f"{row}.npy", args.repeat) for row in order}
            ratios.append(found[second]["rate"] / found[first]["rate"])
            print(
                f"{number:>5} {found[first]['rate']:>22.0f} {found[second]['rate']:>22.0f} {ratios[-1]:>7.2f} "
                f"{found[first]['rss_mb']:>7.0f} {found[second]['rss_mb']:>7.0f}"
            )
    print(f"median ratio {second} / {first}: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
