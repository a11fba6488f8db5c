"""The backfill plan: the same steps in the same order whatever the engine.

read → extract → finish (by outlet) → sketch → embed (actors) → band-key self-join → pairs;
finished → cluster by time slice → stitch (here, in time order) → store → analyse each story (actors).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dedup import NearDuplicate
from ..errors import NoArticlesError, UsageError
from ..records import Skipped
from ..store import open_store
from .config import BackfillConfig
from .engine import Engine
from .partitions import cluster_partition, stitch, unpickle
from .read import input_files
from .stages import Embedding, band_batch, extract_batch, finish_batch, pair_batch, sketch_batch
from .store import Analysing, write_articles, write_stories


@dataclass
class Backfilled:
    """What a backfill stored: how many articles, the near-duplicate pairs (found by the join and by the
    store), each placed article's story, inputs skipped, and seconds per step."""

    articles: int
    pairs: list[NearDuplicate]
    stored_pairs: list[NearDuplicate]
    assignment: dict[str, str]
    skipped: list[Skipped]
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def stories(self) -> int:
        return len(set(self.assignment.values()))


class _Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step] = self.seconds.get(step, 0.0) + now - self.start
        self.start = now


def run_backfill(inputs: Iterable[str | Path], engine: Engine, config: BackfillConfig) -> Backfilled:
    """Backfill ``inputs`` into the empty store at ``config.db`` with ``engine``."""
    files = input_files(inputs)
    with open_store(config.db) as store:
        if store.count("articles"):
            raise UsageError(
                f"{config.db}: a backfill fills an empty database; add to this one with ingest", setting="db"
            )
    clock = _Clock()
    docs = engine.materialize(engine.read(files))
    skipped = [_skip(row) for row in engine.rows(engine.filter(docs, "skipped", True))]
    extracted = engine.materialize(engine.map_batches(engine.filter(docs, "skipped", False), extract_batch, config))
    skipped += [_skip(row) for row in engine.rows(engine.filter(extracted, "skipped", True))]
    clock.lap("read and extract")
    good = engine.filter(extracted, "skipped", False)
    by_outlet = engine.group_map(engine.filter(good, "outlet", True), "outlet", finish_batch, config)
    alone = engine.map_batches(engine.filter(good, "outlet", False), finish_batch, config)
    finished = engine.materialize(engine.map_batches(engine.union(by_outlet, alone), sketch_batch, config))
    clock.lap("finish and sketch")
    finished = engine.materialize(engine.map_actors(finished, Embedding, config))
    clock.lap("embed")
    left = engine.map_batches(finished, band_batch, config, side="_l")
    right = engine.map_batches(finished, band_batch, config, side="_r")
    pairs = [
        _pair(row)
        for row in engine.rows(engine.map_batches(engine.join(left, right, "band", config), pair_batch, config))
    ]
    clock.lap("near-duplicates")
    placeable = engine.filter(finished, "placeable", True)
    clusters = engine.group_map(placeable, "partition", cluster_partition, config)
    stitched = stitch((unpickle(row) for row in engine.rows(clusters, order="partition")), config, config.embedder)
    clock.lap("cluster and stitch")
    with open_store(config.db) as store:
        stored_pairs = write_articles(store, engine.rows(finished, order="order"), config.batch_rows)
        count = store.count("articles")
        if not count:
            raise NoArticlesError("no articles found in the inputs", skipped=skipped)
        members = write_stories(store, stitched, config.embedder.name, skipped)
    clock.lap("store")
    if config.analyse and members:
        stories = engine.from_rows([{"story": sid, "members": ids} for sid, ids in sorted(members.items())])
        for _ in engine.rows(engine.map_actors(stories, Analysing, config)):
            pass
        clock.lap("analyse")
    return Backfilled(count, _sorted(pairs), _sorted(stored_pairs), stitched.assignment, skipped, clock.seconds)


def _skip(row: dict[str, Any]) -> Skipped:
    return Skipped(row["input"], row["skipped"])


def _pair(row: dict[str, Any]) -> NearDuplicate:
    return NearDuplicate(row["first"], row["second"], row["jaccard"], bool(row["exact"]))


def _sorted(pairs: list[NearDuplicate]) -> list[NearDuplicate]:
    return sorted(pairs, key=lambda d: (d.first, d.second))
