"""A generated corpus and the checks the kill and concurrency tests (and ``bench/bench_reliability.py``)
run on a store after ingests were killed or ran side by side.

The corpus is ``topics`` stories of made-up words (so no story shares a name with another), each told
by several outlets over two days, written as JSON lines; seeded, so every run builds the same files.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILLER = (
    "officials said on the day that the plan would be reviewed again next week after residents asked for "
    "more time while the council weighed the costs and the police kept the roads closed for hours"
).split()
OUTLETS = [f"Outlet{n} News" for n in range(8)]
CONSONANTS, VOWELS = "bcdfghjklmnprstvwz", "aeiou"


def _name(rng: random.Random) -> str:
    """A made-up word: the hashing embedder reads character n-grams, so words are drawn from all of them."""
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(4)).capitalize()


def corpus(articles: int, topics: int, seed: int = 7) -> list[dict]:
    """``articles`` records over ``topics`` stories, in no particular order."""
    rng = random.Random(seed)
    names = [[_name(rng) for _ in range(12)] for _ in range(topics)]
    records = []
    for n in range(articles):
        topic = n % topics
        words = names[topic]
        sentences = []
        for _ in range(5):
            picked = rng.sample(words, 6) + rng.sample(FILLER, 6)
            rng.shuffle(picked)
            sentences.append(" ".join(picked).capitalize() + ".")
        day = 1 + (topic * 3) % 27
        records.append({
            "id": f"t{topic}-a{n}",
            "title": " ".join(rng.sample(words, 5)),
            "text": " ".join(sentences),
            "outlet": rng.choice(OUTLETS),
            "published": f"2024-05-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00",
        })  # fmt: skip
    rng.shuffle(records)
    return records


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


# For inputs on this machine's own test server: fetch from loopback, without pauses.
WEB_FLAGS = ["--allow-private", "--delay", "0"]


def ingest_command(inputs: list[Path | str], db: Path, web: bool = False) -> list[str]:
    flags = WEB_FLAGS if web else []
    return [
        sys.executable,
        "-m",
        "newsprism",
        "ingest",
        *map(str, inputs),
        "--db",
        str(db),
        "--embedder",
        "hashing",
        *flags,
    ]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@dataclass(frozen=True)
class StoreCheck:
    """What a store holds after the runs: the integrity check's answer, the partition of articles into
    stories, and what went wrong: articles missing, stored twice, not once in the search and
    near-duplicate indexes, in no story or in two."""

    integrity: str
    stories: frozenset[frozenset[str]]
    missing: int
    duplicates: int
    unindexed: int
    unplaced: int
    in_two_stories: int

    @property
    def faults(self) -> str:
        counts = {
            "missing": self.missing, "stored twice": self.duplicates, "not indexed once": self.unindexed,
            "in no story": self.unplaced, "in two stories": self.in_two_stories,
        }  # fmt: skip
        found = [f"{n} {what}" for what, n in counts.items() if n]
        return ", ".join(found if self.integrity == "ok" else [f"integrity: {self.integrity}", *found]) or "none"

    @property
    def sound(self) -> bool:
        faults = (self.missing, self.duplicates, self.unindexed, self.unplaced, self.in_two_stories)
        return self.integrity == "ok" and not any(faults)


def check_store(db: Path, expected_ids: set[str]) -> StoreCheck:
    """Read the store with plain SQL, not through newsprism, so a fault in the store cannot hide itself."""
    with sqlite3.connect(db) as raw:
        integrity = raw.execute("PRAGMA integrity_check").fetchone()[0]
        stored = [row[0] for row in raw.execute("SELECT id FROM articles")]
        pairs = raw.execute("SELECT story_id, article_id FROM story_articles").fetchall()
        # each stored article once in the search index and once in the near-duplicate index
        indexed = Counter(row[0] for row in raw.execute("SELECT article FROM minhashes"))
        searchable = Counter(row[0] for row in raw.execute("SELECT id FROM articles_fts"))
    stories: dict[str, set[str]] = {}
    placed: dict[str, int] = {}
    for story, article in pairs:
        stories.setdefault(story, set()).add(article)
        placed[article] = placed.get(article, 0) + 1
    return StoreCheck(
        integrity=integrity,
        stories=frozenset(frozenset(members) for members in stories.values()),
        missing=len(expected_ids - set(stored)),
        duplicates=len(stored) - len(set(stored)),
        unindexed=sum(1 for a in set(stored) if indexed[a] != 1 or searchable[a] != 1),
        unplaced=len(set(stored) - set(placed)),
        in_two_stories=sum(1 for count in placed.values() if count > 1),
    )


def phase(db: Path, total: int) -> str:
    """How far an ingest of ``total`` articles got before it was killed, read from what it committed."""
    if not db.exists():
        return "before opening the store"
    with sqlite3.connect(db) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        if "articles" not in tables:
            return "before opening the store"
        stored = raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        placed = raw.execute("SELECT COUNT(DISTINCT article_id) FROM story_articles").fetchone()[0]
    if placed >= total:
        return "after clustering"
    if stored >= total:
        return "clustering"
    return "reading and storing" if stored else "reading, before the first batch"


class Worker:
    """An ingest in another process: the ``newsprism ingest`` command, or (for the tests, where starting
    Python and importing newsprism again would take most of the time) a fork of this process running
    :func:`newsprism.api.ingest`. Either way a separate process that ``kill -9`` stops dead."""

    def __init__(self, inputs: list[Path | str], db: Path, command: bool, web: bool = False) -> None:
        self.process: subprocess.Popen | multiprocessing.process.BaseProcess
        if command:
            self.process = subprocess.Popen(
                ingest_command(inputs, db, web), cwd=ROOT, env=environment(),
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
        else:
            self.process = multiprocessing.get_context("fork").Process(target=_ingest_here, args=(inputs, db, web))
            self.process.start()

    def running_after(self, seconds: float) -> bool:
        if isinstance(self.process, subprocess.Popen):
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                return True
            return False
        self.process.join(seconds)
        return self.process.is_alive()

    def kill(self) -> None:
        assert self.process.pid is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.finish()

    def finish(self) -> tuple[int, str]:
        """Wait for the end; the exit code and what the process wrote on stderr."""
        if isinstance(self.process, subprocess.Popen):
            _, err = self.process.communicate()
            return self.process.returncode, err
        self.process.join()
        return self.process.exitcode or 0, ""


def _ingest_here(inputs: list[Path | str], db: Path, web: bool) -> None:
    from newsprism import api

    api.ingest(inputs, db=db, embedder="hashing", allow_private=web, delay=0 if web else 1.0)


# A kill point whose ingest ends before it is tried again this many times, on the time that ingest took.
KILL_ATTEMPTS = 3


@dataclass(frozen=True)
class KillPoint:
    """One ingest killed after ``delay`` seconds (if it still ran: ``phase`` says how far it had got),
    then run again to its end: what the store held then."""

    delay: float
    phase: str
    rerun_code: int
    check: StoreCheck
    same_stories: bool

    @property
    def survived(self) -> bool:
        return self.rerun_code == 0 and self.check.sound and self.same_stories


def kill_points(
    inputs: list[Path | str], ids: set[str] | None, folder: Path, points: int, seed: int, command: bool,
    web: bool = False, log: Callable[[str], None] = lambda line: None,
) -> tuple[float, list[KillPoint]]:  # fmt: skip
    """Time an uninterrupted ingest of ``inputs``, then for each of ``points`` kill points spread over
    that time (one in each of ``points`` equal parts, at a seeded random place in it): ingest into a new
    store, ``kill -9`` at the point, ingest again, and compare the store with the uninterrupted one. An
    ingest that ends before its point (the machine got faster) is tried again at the same share of the
    time it took.
    ``ids`` are the articles the inputs hold (None: those the uninterrupted ingest stored)."""
    started = time.monotonic()
    code, err = Worker(inputs, folder / "whole.db", command, web).finish()
    took = time.monotonic() - started
    assert code == 0, err
    if ids is None:
        with sqlite3.connect(folder / "whole.db") as raw:
            ids = {row[0] for row in raw.execute("SELECT id FROM articles")}
    whole = check_store(folder / "whole.db", ids)
    assert whole.sound, whole
    rng = random.Random(seed)
    found = []
    estimate = took  # how long an ingest takes now: the machine's load changes while the points run
    for number in range(points):
        db = folder / f"killed-{number}.db"
        fraction = (number + rng.random()) / points
        for _ in range(KILL_ATTEMPTS):
            for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                path.unlink(missing_ok=True)
            delay, started = fraction * estimate, time.monotonic()
            worker = Worker(inputs, db, command, web)
            if worker.running_after(delay):
                worker.kill()
                where = phase(db, len(ids))
                break
            estimate = time.monotonic() - started  # it ran faster than timed: the same point of a shorter run
        else:
            where = "finished before the kill"
        code, err = Worker(inputs, db, command, web).finish()
        check = check_store(db, ids)
        found.append(KillPoint(delay, where, code, check, check.stories == whole.stories))
        outcome = "survived" if found[-1].survived else f"{check.faults}; same stories: {found[-1].same_stories}"
        log(
            f"kill point {number + 1}: {delay:.1f} s, {where}: {outcome}"
            + (f"; rerun exit {code}: {err}" if code else "")
        )
    return took, found


def overlapping_inputs(records: list[dict], folder: Path) -> list[list[Path]]:
    """Four ingests' inputs over four files of ``records``: each file read by two of them, and the first
    and the last given the very same files."""
    quarter = -(-len(records) // 4)
    files = [write_jsonl(records[n * quarter : (n + 1) * quarter], folder / f"part{n}.jsonl") for n in range(4)]
    return [[files[0], files[1]], [files[1], files[2]], [files[2], files[3]], [files[0], files[1]]]


def side_by_side(runs: list[list[Path]], db: Path, command: bool) -> list[tuple[int, str]]:
    """Start one ingest per item of ``runs`` at once into ``db``; their exit codes and error output."""
    workers = [Worker(inputs, db, command) for inputs in runs]
    return [worker.finish() for worker in workers]


def one_after_another(runs: list[list[Path]], db: Path, command: bool) -> list[tuple[int, str]]:
    return [Worker(inputs, db, command).finish() for inputs in runs]
