"""Backfills: years of articles into stories, on one machine or on a Ray cluster.

``newsprism backfill INPUT... --db URL [--engine local|ray]`` reads JSON lines (gzipped too) or Parquet
files, runs the article stages, finds near-duplicates by a self-join on MinHash band keys, embeds
in a pool of workers, clusters time slices in parallel and stitches them, stores everything through
the Store protocol (SQLite locally, PostgreSQL for a cluster) and analyses each story, so that
``newsprism report --db URL`` then reports them. The plan (:mod:`.run`) is written once over the
operations of an :class:`~.engine.Engine`; the local engine and the Ray engine run the same step
functions (:mod:`.stages`, :mod:`.partitions`), so they store the same articles, pairs and stories.
docs/scaling.md says what each step costs and how many machines a large backfill needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..config import Settings
from ..embed import load_embedder, registered_name
from ..errors import UsageError
from .config import BATCH_ROWS, PARTITION_DAYS, SHUFFLE_PARTITIONS, BackfillConfig, EmbedderInfo
from .engine import ENGINES, Engine, LocalEngine, make_engine
from .run import Backfilled, run_backfill


def backfill(
    inputs: Iterable[str | Path],
    *,
    db: str | Path,
    engine: str | Engine = "local",
    address: str | None = None,
    num_cpus: int | None = None,
    partition_days: float = PARTITION_DAYS,
    embedder: str = "auto",
    settings: Settings | None = None,
    analyse: bool = True,
    batch_rows: int = BATCH_ROWS,
    shuffle_partitions: int = SHUFFLE_PARTITIONS,
) -> Backfilled:
    """Backfill ``inputs`` into the empty database ``db`` with the ``engine`` named (``local`` or ``ray``,
    which joins the Ray cluster at ``address`` or starts one with ``num_cpus`` CPUs)."""
    loaded, _ = load_embedder(embedder)
    kind = embedder if embedder != "auto" else registered_name(loaded)
    try:
        config = BackfillConfig(
            str(db),
            EmbedderInfo.of(kind, loaded),
            settings or Settings(),
            partition_days,
            batch_rows,
            shuffle_partitions,
            analyse,
        )
    except ValueError as err:
        raise UsageError(str(err)) from err
    runner = make_engine(engine, address, num_cpus) if isinstance(engine, str) else engine
    return run_backfill(inputs, runner, config)


__all__ = [
    "ENGINES",
    "PARTITION_DAYS",
    "BackfillConfig",
    "Backfilled",
    "Engine",
    "LocalEngine",
    "backfill",
    "make_engine",
]
