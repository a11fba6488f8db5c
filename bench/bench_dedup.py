"""Near-duplicate benchmark: newsprism's SQLite bands (``newsprism.store.lsh.Bands``, the store's index)
beside datasketch's in-memory ``MinHashLSH``.

Both use the same MinHash signatures (``newsprism.dedup.signature``: 128 permutations over word 5-gram
shingles) and the same band layout (32 bands of 2 rows, from ``MinHashLSH(threshold=0.3, num_perm=128,
weights=(0.1, 0.9))``), and both are used the same way: each new article is checked against everything
stored (candidates from the bands, kept when the estimated Jaccard reaches 0.3), then inserted.

Measured at each size N (articles stored before the checks), each size in fresh processes so that RSS is clean:

- signatures: ``text_fingerprint``, ``signature`` and ``band_keys`` (the index's band layout) of every filler article,
  computed in a Pool of 2 processes once for the largest N (smaller sizes use a prefix); CPU ms per
  article per step and wall ms per article with 2 processes. To save time there, each filler's words are
  generated directly and ``newsprism.dedup.words`` returns them for it (no word spans whitespace, so they
  are the words of each token; checked equal to ``words(text)`` on one filler in 100), so this column
  leaves out tokenisation; ``signature(text)`` on real texts, tokenisation included, is the 'signature ms'
  column of the SQLite table.
- SQLite fill (setup, not the store's insert path): the filler rows, encoded exactly as ``add`` encodes
  them, written with ``executemany`` in one transaction into an on-disk file in /tmp, bucket rows sorted
  by bucket. The real Multi-News documents are then added with ``index.add`` (the store's path).
- SQLite checks, in a new process that opens the file as the store does (default pragmas): 1,000
  ``index.add(id, text)`` calls (900 planted copies, 100 fresh filler articles), committed in batches of
  50. Latency (median, p95) over the first 200 of them (100 copies, 100 fresh): the whole call, and the
  call minus ``signature(text)`` timed on the same text just before. Peak RSS of that process, db size.
- datasketch: ``insert`` of the N - R filler signatures (``LeanMinHash``), RSS growth over that fill;
  then the same real documents and checks as ``query``, verification of the candidates against their
  signatures (kept in a NumPy array and a dict, not counted in the RSS growth), ``insert``;
  ``pickle.dump`` size and time, and ``pickle.load`` time and RSS in a new process.
- quality: recall of the 900 planted (original, copy) pairs (found when adding the copy returns the
  original), precision of all reported pairs, with pairs of two real Multi-News documents (same story, or
  identical scraped boilerplate pages across stories) counted and shown apart, not as errors.

Data: ``../shared/bench/multinews-dev.jsonl``, documents under 200 characters dropped (R = 666 left).
300 of those with a unique text and at least 100 words get three copies each: exact; syndicated (a new
headline line, about 2% of the words dropped or replaced, a boilerplate line appended); truncated (the
first 50-90% of the words). Filler articles up to N are synthetic: a sentence count drawn from the real
documents, a short headline, sentences drawn from a pool (the MRPC news sentences in
``../shared/bench/mrpc-dev.jsonl`` plus the sentences of the Multi-News documents that were not copied),
each word replaced with probability 0.2 by a word drawn from the pool's unigram distribution. A pool
sentence recurs in many fillers, but the replacements leave two fillers sharing one sentence about 2
shingles of it, so unrelated fillers collide in an LSH band about as rarely as unrelated real articles
do (the second table shows both), and no filler shares text with the planted originals by construction.

    python3 bench/bench_dedup.py                          # 10k, 100k, 1M articles; 16 minutes on 2 cores
    python3 bench/bench_dedup.py --sizes 2000,10000       # quick run
    python3 bench/bench_dedup.py --reuse-signatures       # reuse the filler signatures cached in --work

Work files go to --work (default /tmp/bench_dedup): the filler signature cache (800 MB for 1M) stays
there; each size's database and pickle are deleted after use unless --keep. Peak memory is about 11 GB at 1M
(the datasketch process).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import pickle
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

import newsprism.dedup as dedup
from newsprism.dedup import (
    LSH_THRESHOLD,
    LSH_WEIGHTS,
    NUM_PERM,
    band_keys,
    shingles,
    signature,
    text_fingerprint,
)
from newsprism.store.lsh import Bands, sqlite_bands
from newsprism.text.tokens import words

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
KINDS = ("exact", "syndicated", "truncated")
ORIGINALS = 300
FRESH = 100
TIMED = 200
BATCH = 50
SWAP = 0.2
FRESH_SEED = 10**9
CHUNK = 5000
OUTLETS = ("Associated Press", "Reuters", "The Morning Courier", "Metro Wire", "National Desk")
BOILERPLATE = (
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest breaking news and updates.",
    "Have a news tip? Email our newsroom or call the tip line, day or night.",
)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
WORD_RUN = re.compile(r"\S+")


# ---------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    story: str
    text: str


def real_documents() -> list[Doc]:
    docs = []
    with (BENCH / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for number, text in enumerate(record["documents"]):
                if len(text.strip()) >= 200:
                    docs.append(Doc(f"{record['story']}-{number}", record["story"], text))
    return docs


def sentences(text: str) -> list[list[str]]:
    return [tokens for part in SENTENCE.split(text) if len(tokens := part.split()) >= 6]


def edit_words(text: str, rng: random.Random, rate: float, vocabulary: list[str]) -> str:
    def edit(match: re.Match[str]) -> str:
        roll = rng.random()
        if roll < rate / 2:
            return ""
        return rng.choice(vocabulary) if roll < rate else match.group()

    return WORD_RUN.sub(edit, text)


def syndicated(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    headline = " ".join(text.split()[: rng.randint(6, 10)]).title() + " | " + rng.choice(OUTLETS)
    return f"{headline}\n\n{edit_words(text, rng, 0.02, vocabulary)}\n\n{rng.choice(BOILERPLATE)}"


def truncated(text: str, rng: random.Random) -> str:
    ends = [match.end() for match in WORD_RUN.finditer(text)]
    return text[: ends[int(len(ends) * rng.uniform(0.5, 0.9)) - 1]]


@dataclass(frozen=True)
class FillerMaker:
    """Synthetic news-like articles, one per seed; see the module docstring. Tokens are ids into ``raw``."""

    raw: list[str]  # the distinct whitespace-separated tokens of the pool
    folded: np.ndarray  # words() of each, joined with spaces ("" for punctuation alone), as objects
    occurrences: np.ndarray  # the id of every token occurrence in the pool: a uniform draw follows the unigrams
    pool: list[np.ndarray]  # the token ids of each pool sentence
    lengths: np.ndarray  # sentences per real document

    @classmethod
    def build(cls, pool: list[list[str]], lengths: list[int]) -> FillerMaker:
        raw = sorted({token for tokens in pool for token in tokens})
        ids = {token: number for number, token in enumerate(raw)}
        sentence_ids = [np.array([ids[token] for token in tokens], np.int64) for tokens in pool]
        folded = np.array([" ".join(words(token)) for token in raw], dtype=object)
        return cls(raw, folded, np.concatenate(sentence_ids), sentence_ids, np.array(lengths))

    def text(self, seed: int) -> str:
        rng, parts, ids = self._draw(seed)
        tokens = [self.raw[i] for i in ids.tolist()]
        ends = np.cumsum([len(part) for part in parts]).tolist()
        sentences = [" ".join(tokens[a:b]) for a, b in zip([0, *ends], ends, strict=False)]
        cuts = np.cumsum(rng.integers(1, 5, size=len(parts))).tolist()
        paragraphs = [" ".join(sentences[1 + a : 1 + b]) for a, b in zip([0, *cuts], cuts, strict=False)]
        return " \n \n ".join([sentences[0], *(p for p in paragraphs if p)])

    def words(self, seed: int) -> list[str]:
        """``words(self.text(seed))`` without the text: no word spans whitespace, so they are those of each token."""
        return " ".join(self.folded[self._draw(seed)[2]].tolist()).split()

    def _draw(self, seed: int) -> tuple[np.random.Generator, list[np.ndarray], np.ndarray]:
        rng = np.random.default_rng(seed)
        count = int(self.lengths[rng.integers(len(self.lengths))])
        parts = [self.pool[i] for i in rng.integers(len(self.pool), size=count + 1)]
        parts[0] = parts[0][: rng.integers(6, 13)]  # the headline
        ids = np.concatenate(parts)
        swap = rng.random(len(ids)) < SWAP
        ids[swap] = self.occurrences[rng.integers(len(self.occurrences), size=int(swap.sum()))]
        return rng, parts, ids


def filler_id(number: int) -> str:
    return f"fill-{number:07d}"


def build_world(work: Path) -> tuple[dict, FillerMaker]:
    """The real documents, planted copies, fresh articles and check order (saved for the children)."""
    real = real_documents()
    rng = random.Random(1)
    counts = Counter(doc.text for doc in real)
    eligible = [doc for doc in real if counts[doc.text] == 1 and len(doc.text.split()) >= 100]
    originals = rng.sample(eligible, ORIGINALS)
    chosen = {doc.id for doc in originals}
    with (BENCH / "mrpc-dev.jsonl").open(encoding="utf-8") as lines:
        mrpc = [json.loads(line) for line in lines]
    pool = [s for pair in mrpc for s in (sentences(pair["a"]) + sentences(pair["b"]))]
    pool += [s for doc in real if doc.id not in chosen for s in sentences(doc.text)]
    vocabulary = [token for tokens in pool for token in tokens]
    maker = FillerMaker.build(pool, [max(3, len(sentences(doc.text))) for doc in real])
    copies = []
    for doc in originals:
        texts = (doc.text, syndicated(doc.text, rng, vocabulary), truncated(doc.text, rng))
        copies += [
            {"id": f"{doc.id}~{kind}", "original": doc.id, "kind": kind, "text": text}
            for kind, text in zip(KINDS, texts, strict=True)
        ]
    fresh = [{"id": f"fresh-{i:03d}", "text": maker.text(FRESH_SEED + i)} for i in range(FRESH)]
    order = [c["id"] for c in copies]
    rng.shuffle(order)
    timed = order[: TIMED - FRESH] + [f["id"] for f in fresh]
    rng.shuffle(timed)
    world = {
        "real": [{"id": d.id, "story": d.story, "text": d.text} for d in real],
        "copies": copies,
        "fresh": fresh,
        "checks": timed + order[TIMED - FRESH :],
    }
    (work / "world.json").write_text(json.dumps(world), encoding="utf-8")
    return world, maker


def check_texts(world: dict) -> dict[str, str]:
    return {item["id"]: item["text"] for item in world["copies"] + world["fresh"]}


# ---------------------------------------------------------------- signatures, in a pool

_MAKER: FillerMaker | None = None
_INDEX: Bands | None = None
_WORDS: _KnownWords | None = None


class _KnownWords:
    """``newsprism.dedup.words`` in the workers: the words of the filler being indexed, known from how it was
    built, are returned for the placeholder text that stands for it; any other text is tokenised."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.tokens: list[str] = []

    def __call__(self, text: str) -> list[str]:
        return self.tokens if text is self.text else words(text)


def _init_worker(maker: FillerMaker) -> None:
    global _MAKER, _INDEX, _WORDS
    _MAKER, _INDEX, _WORDS = maker, sqlite_bands(sqlite3.connect(":memory:")), _KnownWords()
    dedup.words = _WORDS


def _filler_chunk(bounds: tuple[int, int]) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    start, stop = bounds
    sigs = np.empty((stop - start, NUM_PERM), np.uint32)
    buckets = np.empty((stop - start, _INDEX.bands), np.int64)
    prints = np.empty(stop - start, "S40")
    seconds = np.zeros(4)  # generate, text_fingerprint, signature, band_keys
    for row, seed in enumerate(range(start, stop)):
        t0 = time.perf_counter()
        text = _WORDS.text = f"filler {seed}"  # a placeholder; _WORDS gives its words
        _WORDS.tokens = _MAKER.words(seed)
        t1 = time.perf_counter()
        if seed % 100 == 0 and words(_MAKER.text(seed)) != _WORDS.tokens:
            raise AssertionError(f"filler {seed}: known words differ from words(text)")
        prints[row] = text_fingerprint(text)
        t2 = time.perf_counter()
        sigs[row] = signature(text)
        t3 = time.perf_counter()
        buckets[row] = band_keys(sigs[row], _INDEX.bands, _INDEX.rows)
        seconds += (t1 - t0, t2 - t1, t3 - t2, time.perf_counter() - t3)
    return start, sigs, buckets, prints, seconds


def precompute(maker: FillerMaker, count: int, workers: int, work: Path) -> dict:
    files = {name: work / f"filler-{name}.npy" for name in ("sigs", "buckets", "prints")}
    bands = sqlite_bands(sqlite3.connect(":memory:")).bands
    shapes = {
        "sigs": ((count, NUM_PERM), np.uint32),
        "buckets": ((count, bands), np.int64),
        "prints": ((count,), "S40"),
    }
    out = {name: np.lib.format.open_memmap(files[name], "w+", dtype, shape) for name, (shape, dtype) in shapes.items()}
    seconds, start, done = np.zeros(4), time.perf_counter(), 0
    with Pool(workers, _init_worker, (maker,)) as pool:
        chunks = [(a, min(a + CHUNK, count)) for a in range(0, count, CHUNK)]
        for first, sigs, buckets, prints, spent in pool.imap_unordered(_filler_chunk, chunks):
            out["sigs"][first : first + len(sigs)], out["buckets"][first : first + len(sigs)] = sigs, buckets
            out["prints"][first : first + len(sigs)] = prints
            seconds, done = seconds + spent, done + len(sigs)
            if done % (CHUNK * 20) == 0:
                log(f"signatures {done}/{count}, {time.perf_counter() - start:.0f} s")
    for array in out.values():
        array.flush()
    info = {
        "count": count,
        "workers": workers,
        "wall": time.perf_counter() - start,
        "cpu": dict(zip(("generate", "fingerprint", "signature", "buckets"), seconds.tolist(), strict=True)),
    }
    (work / "filler.json").write_text(json.dumps(info), encoding="utf-8")
    return info


# ---------------------------------------------------------------- child processes


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def db_path(work: Path, size: int) -> Path:
    return work / f"index-{size}.db"


def fill_sqlite(size: int, work: Path) -> dict:
    """Setup: the N - R filler articles written in bulk, then the R real documents through ``index.add``."""
    world = json.loads((work / "world.json").read_text(encoding="utf-8"))
    count = size - len(world["real"])
    path = db_path(work, size)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    index = sqlite_bands(db)
    start = time.perf_counter()
    bulk_minhashes(db, work, count)
    minhash_seconds = time.perf_counter() - start
    bulk_buckets(db, work, count)
    db.commit()
    bulk_seconds = time.perf_counter() - start
    log(f"N={size}: bulk fill of {count} in {bulk_seconds:.0f} s")
    start, pairs = time.perf_counter(), []
    for doc in world["real"]:
        pairs += [[d.first, d.second, d.jaccard, d.exact] for d in index.add(doc["id"], doc["text"])]
    db.commit()
    real_seconds = time.perf_counter() - start
    db.close()
    return {
        "bulk_count": count,
        "real_count": len(world["real"]),
        "bulk_s": bulk_seconds,
        "minhash_rows_s": minhash_seconds,
        "real_add_s": real_seconds,
        "pairs": pairs,
        "db_mb": path.stat().st_size / 2**20,
        "fill_peak_mb": rss_mb("VmHWM"),
    }


def bulk_minhashes(db: sqlite3.Connection, work: Path, count: int) -> None:
    sigs = np.load(work / "filler-sigs.npy", mmap_mode="r")
    prints = np.load(work / "filler-prints.npy", mmap_mode="r")
    for start in range(0, count, 100_000):
        stop = min(start + 100_000, count)
        rows = ((i + 1, filler_id(i), prints[i].decode(), sigs[i].tobytes()) for i in range(start, stop))
        db.executemany("INSERT INTO minhashes (id, article, fingerprint, signature) VALUES (?, ?, ?, ?)", rows)


def bulk_buckets(db: sqlite3.Connection, work: Path, count: int) -> None:
    buckets = np.load(work / "filler-buckets.npy", mmap_mode="r")[:count]
    keys = np.asarray(buckets).ravel()
    ids = np.repeat(np.arange(1, count + 1, dtype=np.int64), buckets.shape[1])
    order = np.lexsort((ids, keys))
    keys, ids = keys[order], ids[order]
    for start in range(0, len(keys), 1_000_000):
        part = slice(start, start + 1_000_000)
        rows = zip(keys[part].tolist(), ids[part].tolist(), strict=True)
        db.executemany("INSERT OR IGNORE INTO lsh_buckets VALUES (?, ?)", rows)


def check_sqlite(size: int, work: Path) -> dict:
    """The store's path: open the file, ``index.add`` every check article, commit in batches."""
    world = json.loads((work / "world.json").read_text(encoding="utf-8"))
    texts = check_texts(world)
    gc.collect()
    rss_before = rss_mb()
    db = sqlite3.connect(db_path(work, size))
    index = sqlite_bands(db)
    stored = len(index)
    rows, pairs, commits = [], [], []
    for number, article in enumerate(world["checks"], 1):
        text = texts[article]
        t0 = time.perf_counter()
        text_fingerprint(text)
        t1 = time.perf_counter()
        signature(text)
        t2 = time.perf_counter()
        found = index.add(article, text)
        rows.append((t1 - t0, t2 - t1, time.perf_counter() - t2))
        pairs += [[d.first, d.second, d.jaccard, d.exact] for d in found]
        if number % BATCH == 0:
            t0 = time.perf_counter()
            db.commit()
            commits.append(time.perf_counter() - t0)
    db.commit()
    db.close()
    return {
        "stored": stored,
        "timings": rows,
        "pairs": pairs,
        "commits": commits,
        "rss_before_mb": rss_before,
        "peak_mb": rss_mb("VmHWM"),
    }


def lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=values, scheme="affine32")


def run_datasketch(size: int, work: Path) -> dict:
    """The same fill and checks with ``MinHashLSH`` in memory, then its pickle."""
    world = json.loads((work / "world.json").read_text(encoding="utf-8"))
    count = size - len(world["real"])
    filler = np.array(np.load(work / "filler-sigs.npy", mmap_mode="r")[:count])
    gc.collect()
    rss_before = rss_mb()
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    start = time.perf_counter()
    for number in range(count):
        lsh.insert(filler_id(number), lean(filler[number]))
    fill_seconds = time.perf_counter() - start
    gc.collect()
    rss_filled = rss_mb()
    log(f"N={size}: datasketch insert of {count} in {fill_seconds:.0f} s, RSS +{rss_filled - rss_before:.0f} MB")
    known: dict[str, np.ndarray] = {}

    def values_of(key: str) -> np.ndarray:
        return filler[int(key[5:])] if key.startswith("fill-") else known[key]

    def check(article: str, text: str) -> tuple[float, float, int, list]:
        t0 = time.perf_counter()
        values = signature(text)
        t1 = time.perf_counter()
        sketch = lean(values)
        candidates = lsh.query(sketch)
        found = []
        for other in candidates:
            jaccard = float(np.mean(values_of(other) == values))
            if jaccard >= LSH_THRESHOLD:
                found.append([other, article, round(jaccard, 4), jaccard == 1.0])
        lsh.insert(article, sketch)
        known[article] = values
        return t1 - t0, time.perf_counter() - t1, len(candidates), found

    real = [check(doc["id"], doc["text"]) for doc in world["real"]]
    texts = check_texts(world)
    checks = [check(article, texts[article]) for article in world["checks"]]
    path = work / f"lsh-{size}.pickle"
    start = time.perf_counter()
    with path.open("wb") as handle:
        pickle.dump(lsh, handle, protocol=pickle.HIGHEST_PROTOCOL)
    dump_seconds = time.perf_counter() - start
    return {
        "fill_count": count,
        "fill_s": fill_seconds,
        "rss_before_mb": rss_before,
        "rss_filled_mb": rss_filled,
        "timings": [c[:3] for c in checks],
        "real_candidates": [r[2] for r in real],
        "pairs": [p for r in real + checks for p in r[3]],
        "pickle_mb": path.stat().st_size / 2**20,
        "dump_s": dump_seconds,
        "peak_mb": rss_mb("VmHWM"),
    }


def load_pickle(size: int, work: Path) -> dict:
    rss_before = rss_mb()
    start = time.perf_counter()
    with (work / f"lsh-{size}.pickle").open("rb") as handle:
        lsh = pickle.load(handle)
    seconds = time.perf_counter() - start
    return {"load_s": seconds, "keys": len(lsh.keys.keys()), "rss_growth_mb": rss_mb() - rss_before}


ROLES = {
    "sqlite-fill": fill_sqlite,
    "sqlite-check": check_sqlite,
    "datasketch": run_datasketch,
    "pickle-load": load_pickle,
}


def child(role: str, size: int, work: Path) -> dict:
    command = [sys.executable, __file__, "--one-size", str(size), "--role", role, "--work", str(work)]
    out = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


# ---------------------------------------------------------------- quality


class Judge:
    """Classifies reported pairs: planted, real-real (shown apart), or false."""

    def __init__(self, world: dict, maker: FillerMaker) -> None:
        self.maker = maker
        self.texts = {d["id"]: d["text"] for d in world["real"]} | check_texts(world)
        self.story = {d["id"]: d["story"] for d in world["real"]}
        self.root = {d["id"]: d["id"] for d in world["real"]} | {c["id"]: c["original"] for c in world["copies"]}
        self.planted = {(c["original"], c["id"]): c["kind"] for c in world["copies"]}

    def text(self, article: str) -> str:
        return self.texts[article] if article in self.texts else self.maker.text(int(article[5:]))

    def jaccard(self, first: str, second: str) -> float:
        a, b = shingles(self.text(first)), shingles(self.text(second))
        return len(a & b) / max(1, len(a | b))

    def kind(self, first: str, second: str) -> str:
        roots = self.root.get(first), self.root.get(second)
        if None in roots:
            return "false"
        return "planted" if roots[0] == roots[1] else "real-real"

    def recall(self, pairs: list) -> dict[str, float]:
        found = {(a, b) for a, b, *_ in pairs}
        hits = Counter(kind for pair, kind in self.planted.items() if pair in found)
        totals = Counter(self.planted.values())
        return {kind: hits[kind] / totals[kind] for kind in KINDS} | {"all": sum(hits.values()) / len(self.planted)}

    def summary(self, pairs: list) -> dict:
        kinds = Counter(self.kind(a, b) for a, b, *_ in pairs)
        false = [(a, b, j, round(self.jaccard(a, b), 4)) for a, b, j, _ in pairs if self.kind(a, b) == "false"]
        precision = kinds["planted"] / max(1, kinds["planted"] + kinds["false"])
        return {
            "pairs": len(pairs),
            "planted": kinds["planted"],
            "real-real": kinds["real-real"],
            "false": len(false),
            "precision": precision,
            "false_pairs": false,
        }


# ---------------------------------------------------------------- report


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f}"


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True))))
    for row in rows:
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def background(world: dict, maker: FillerMaker) -> list[list[str]]:
    """How often unrelated articles share an LSH band: real documents of different stories, and fillers."""
    index = sqlite_bands(sqlite3.connect(":memory:"))
    real = world["real"]
    rows = []
    groups = {
        "real, different stories": [(d["text"], d["story"]) for d in real],
        "filler": [(maker.text(seed), str(seed)) for seed in range(2 * len(real))],
    }
    for name, docs in groups.items():
        bands = [set(band_keys(signature(text), index.bands, index.rows)) for text, _ in docs]
        texts = [text for text, _ in docs]
        pairs = [(i, j) for i, j in itertools.combinations(range(len(docs)), 2) if docs[i][1] != docs[j][1]]
        hits = [(i, j) for i, j in pairs if bands[i] & bands[j]]
        distinct = [(i, j) for i, j in hits if texts[i] != texts[j]]
        rate = len(distinct) / len(pairs)
        rows.append(
            [
                name,
                f"{len(docs)}",
                f"{len(pairs)}",
                f"{len(hits)}",
                f"{len(distinct)}",
                f"{rate:.2e}",
                f"{rate * 1_000_000:.1f}",
            ]
        )
    return rows


def report(info: dict, results: dict[int, dict], judge: Judge, world: dict, back: list[list[str]]) -> None:
    cpu = {k: v / info["count"] for k, v in info["cpu"].items()}
    table(
        f"Filler signatures, precomputed once for {info['count']} articles in a Pool of {info['workers']} "
        "processes (CPU ms per article in the workers; wall ms per article for the pool)",
        ["articles", "wall s", "wall ms/art", "generate", "text_fingerprint", "signature", "band_keys"],
        [
            [
                f"{info['count']}",
                f"{info['wall']:.0f}",
                ms(info["wall"] / info["count"]),
                ms(cpu["generate"]),
                ms(cpu["fingerprint"]),
                ms(cpu["signature"]),
                ms(cpu["buckets"]),
            ]
        ],
    )
    table(
        "Unrelated pairs sharing at least one of the 32 LSH bands (identical texts not counted in 'distinct')",
        ["set", "docs", "pairs", "sharing", "distinct", "rate", "expected candidates per check at 1M"],
        back,
    )
    sqlite_table(results)
    datasketch_table(results)
    quality_table(results, judge, world["checks"])
    overlaps_table(results, judge, world)


def sqlite_table(results: dict[int, dict]) -> None:
    rows = []
    for size, r in results.items():
        fill, check = r["fill"], r["check"]
        timed = check["timings"][:TIMED]  # (text_fingerprint, signature, index.add) of each check, seconds
        total = [t[2] for t in timed]
        rest = [t[2] - t[1] for t in timed]
        every = [t[2] for t in check["timings"]]
        rows.append(
            [
                f"{size}",
                f"{fill['bulk_s']:.1f}",
                f"{fill['bulk_count'] / fill['bulk_s']:.0f}",
                f"{fill['real_count'] / fill['real_add_s']:.0f}",
                f"{fill['db_mb']:.0f}",
                f"{check['peak_mb']:.0f}",
                f"{check['peak_mb'] - check['rss_before_mb']:.0f}",
                ms(statistics.median(total)),
                ms(p95(total)),
                ms(statistics.median(rest)),
                ms(p95(rest)),
                ms(statistics.median(t[1] for t in timed)),
                ms(statistics.median(t[0] for t in timed)),
                f"{len(every) / sum(every):.0f}",
                ms(statistics.median(check["commits"])),
            ]
        )
    table(
        "SQLite bands (Bands), on-disk file in /tmp. bulk fill = executemany of precomputed rows in one "
        "transaction (setup);\nadd = index.add(id, text) in a new process; latency over 200 checks (100 copies, "
        "100 fresh), 'no sig' = add minus signature(text)",
        [
            "N",
            "bulk s",
            "bulk art/s",
            "real add art/s",
            "db MB",
            "peak RSS MB",
            "RSS growth MB",
            "add med ms",
            "add p95 ms",
            "no sig med",
            "no sig p95",
            "signature ms",
            "fingerprint ms",
            "add art/s",
            f"commit/{BATCH} ms",
        ],
        rows,
    )


def datasketch_table(results: dict[int, dict]) -> None:
    rows = []
    for size, r in results.items():
        ds = r.get("datasketch")
        if ds is None:
            rows.append([f"{size}"] + ["skipped"] + [""] * 11)
            continue
        timed = ds["timings"][:TIMED]
        total = [t[0] + t[1] for t in timed]
        rest = [t[1] for t in timed]
        every = [t[0] + t[1] for t in ds["timings"]]
        growth = ds["rss_filled_mb"] - ds["rss_before_mb"]
        rows.append(
            [
                f"{size}",
                f"{ds['fill_s']:.1f}",
                f"{ds['fill_count'] / ds['fill_s']:.0f}",
                f"{growth:.0f}",
                f"{growth * 2**20 / ds['fill_count']:.0f}",
                ms(statistics.median(total)),
                ms(p95(total)),
                ms(statistics.median(rest)),
                ms(p95(rest)),
                f"{len(every) / sum(every):.0f}",
                f"{ds['pickle_mb']:.0f}",
                f"{ds['dump_s']:.1f}",
                f"{r['load']['load_s']:.1f}",
                f"{r['load']['rss_growth_mb']:.0f}",
            ]
        )
    table(
        "datasketch MinHashLSH in memory. insert = lsh.insert of precomputed LeanMinHash; check = signature + "
        "query + verify + insert;\nRSS growth over the insert of N - R filler signatures; pickle load in a new "
        "process",
        [
            "N",
            "insert s",
            "insert art/s",
            "RSS growth MB",
            "B/article",
            "check med ms",
            "check p95 ms",
            "no sig med",
            "no sig p95",
            "check art/s",
            "pickle MB",
            "dump s",
            "load s",
            "load RSS MB",
        ],
        rows,
    )
    extrapolate(results)


def extrapolate(results: dict[int, dict]) -> None:
    measured = [(size, r["datasketch"]) for size, r in results.items() if r.get("datasketch")]
    skipped = [size for size, r in results.items() if not r.get("datasketch")]
    if not measured or not skipped:
        return
    size, ds = measured[-1]
    per = (ds["rss_filled_mb"] - ds["rss_before_mb"]) / ds["fill_count"]
    for target in skipped:
        print(
            f"EXTRAPOLATED (linear from N={size}, not measured): datasketch RSS growth at N={target} "
            f"~ {per * target:.0f} MB, pickle ~ {ds['pickle_mb'] / size * target:.0f} MB"
        )


def quality_table(results: dict[int, dict], judge: Judge, checks: list[str]) -> None:
    rows = []
    for size, r in results.items():
        systems = {"sqlite": r["fill"]["pairs"] + r["check"]["pairs"]}
        if r.get("datasketch"):
            systems["datasketch"] = r["datasketch"]["pairs"]
        for name, pairs in systems.items():
            recall, summary = judge.recall(pairs), judge.summary(pairs)
            r.setdefault("false", {})[name] = summary["false_pairs"]
            rows.append(
                [f"{size}", name]
                + [f"{recall[k]:.3f}" for k in (*KINDS, "all")]
                + [f"{summary[k]}" for k in ("pairs", "planted", "real-real", "false")]
                + [f"{summary['precision']:.4f}"]
            )
    table(
        "Quality: recall of the 900 planted (original, copy) pairs; precision = planted / (planted + false); "
        "real-real pairs shown apart",
        ["N", "system", *KINDS, "recall", "pairs", "planted", "real-real", "false", "precision"],
        rows,
    )
    for size, r in results.items():
        for name, false in r.get("false", {}).items():
            for a, b, estimate, true in false[:10]:
                print(f"  false pair N={size} {name}: {a} ~ {b}, estimated J {estimate}, true shingle J {true}")
        ds = r.get("datasketch")
        if ds:
            timed = ds["timings"]
            fresh = [t[2] for art, t in zip(checks, timed, strict=True) if art.startswith("fresh-")]
            copies = [t[2] for art, t in zip(checks, timed, strict=True) if not art.startswith("fresh-")]
            print(
                f"  N={size}: LSH candidates per check (same bands in both systems; counted with datasketch): "
                f"fresh median {statistics.median(fresh):.0f} max {max(fresh)}, copies median "
                f"{statistics.median(copies):.0f} max {max(copies)}, real docs median "
                f"{statistics.median(ds['real_candidates']):.0f} max {max(ds['real_candidates'])}"
            )


def overlaps_table(results: dict[int, dict], judge: Judge, world: dict) -> None:
    size, r = next(reversed(results.items()))
    pairs = [p for p in r["fill"]["pairs"] + r["check"]["pairs"] if judge.kind(p[0], p[1]) == "real-real"]
    groups: dict[tuple, list] = defaultdict(list)
    for a, b, estimate, exact in pairs:
        ra, rb = judge.root[a], judge.root[b]
        same = judge.story[ra] == judge.story[rb]
        key = ("same story" if same else "cross-story", bool(exact), " ".join(judge.text(ra).split())[:48])
        groups[key].append((a, b, estimate, judge.jaccard(a, b)))
    rows = []
    for (where, exact, snippet), members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        true = [m[3] for m in members]
        copies = sum("~" in m[0] or "~" in m[1] for m in members)
        rows.append(
            [
                where,
                "yes" if exact else "no",
                f"{len(members)}",
                f"{copies}",
                f"{min(true):.3f}",
                f"{min(m[2] for m in members):.3f}",
                snippet,
            ]
        )
    table(
        f"Real-real pairs reported at N={size} (SQLite), not counted in precision: genuine overlaps in Multi-News "
        "('via copy': one side is a planted copy of a document that overlaps the other)",
        ["where", "exact", "pairs", "via copy", "min true J", "min est J", "first text starts"],
        rows,
    )
    planted = defaultdict(list)
    for copy in world["copies"]:
        planted[copy["kind"]].append(judge.jaccard(copy["original"], copy["id"]))
    print(
        "  true shingle Jaccard of planted pairs: "
        + ", ".join(f"{k} min {min(v):.3f} median {statistics.median(v):.3f}" for k, v in planted.items())
    )


# ---------------------------------------------------------------- main


def run_size(size: int, work: Path, datasketch_max: int, keep: bool) -> dict:
    log(f"N={size}: SQLite fill")
    result = {"fill": child("sqlite-fill", size, work)}
    log(f"N={size}: SQLite checks")
    result["check"] = child("sqlite-check", size, work)
    if size <= datasketch_max:
        log(f"N={size}: datasketch")
        result["datasketch"] = child("datasketch", size, work)
        result["load"] = child("pickle-load", size, work)
    if not keep:
        db_path(work, size).unlink(missing_ok=True)
        (work / f"lsh-{size}.pickle").unlink(missing_ok=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_dedup"))
    parser.add_argument(
        "--datasketch-max",
        type=int,
        default=1_000_000,
        help="largest N to run datasketch at; above it its memory is extrapolated linearly",
    )
    parser.add_argument("--reuse-signatures", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database and pickle files")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--role", choices=ROLES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role:
        print(json.dumps(ROLES[args.role](args.one_size, args.work)))
        return
    started = time.perf_counter()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    world, maker = build_world(args.work)
    if min(sizes) < len(world["real"]) + 1000:
        parser.error(f"sizes must be at least {len(world['real']) + 1000}")
    needed = max(sizes) - len(world["real"])
    cached = args.work / "filler.json"
    info = json.loads(cached.read_text()) if args.reuse_signatures and cached.exists() else None
    if info is None or info["count"] < needed:
        log(f"computing {needed} filler signatures")
        info = precompute(maker, needed, args.workers, args.work)
    back = background(world, maker)
    results = {}
    for size in sizes:
        results[size] = run_size(size, args.work, args.datasketch_max, args.keep)
    report(info, results, Judge(world, maker), world, back)
    print(f"\ntotal wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
