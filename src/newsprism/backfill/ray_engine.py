"""The Ray Data engine: the backfill's operations as Ray Data operations, on a cluster or on this machine.

The step functions are the local engine's (:mod:`.stages`, :mod:`.partitions`), wrapped to take and
return Arrow batches. Files are read one per task; per-article steps are ``map_batches``; steps that
load a model run in an actor pool, one model per actor; the band-key self-join is a hash-shuffle
``Dataset.join``; groups (outlets, time slices) are few, so ``groupby().map_groups`` suits them.
An actor that dies is restarted and its batch retried by Ray Data, so nothing is lost.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterator
from typing import Any, cast

import pyarrow as pa
import ray
import ray.data

from .config import BackfillConfig
from .engine import Step, StepClass
from .read import read_file
from .rows import Row

# A test hook: when set to a file path, the first actor to reach its second batch creates the file and
# kills its own process, as a crashed machine would; Ray restarts the actor and retries the batch.
CRASH_ENV = "NEWSPRISM_BACKFILL_CRASH_ONCE"
FORMAT = "pyarrow"


def _table(rows: list[Row]) -> pa.Table:
    return pa.Table.from_pylist(rows)


def _apply(batch: pa.Table, fn: Step, config: BackfillConfig, kwargs: dict[str, Any]) -> pa.Table:
    """A step function over an Arrow batch."""
    return _table(fn(batch.to_pylist(), config, **kwargs))


class _Actor:
    """A step class in an actor: built once per actor (one model per actor), called once per batch."""

    def __init__(self, cls: StepClass, config: BackfillConfig, crash_marker: str | None) -> None:
        self.step = cls(config)
        self.crash_marker = crash_marker
        self.calls = 0

    def __call__(self, batch: pa.Table) -> pa.Table:
        self.calls += 1
        if self.crash_marker and self.calls == 2 and _first_to_create(self.crash_marker):
            os._exit(1)
        return _table(self.step(batch.to_pylist()))


def _first_to_create(path: str) -> bool:
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def _read_files(batch: pa.Table) -> pa.Table:
    return _table([row for path in batch.column("path").to_pylist() for row in read_file(path)])


class RayEngine:
    """Ray Data operations; ``address`` joins a running cluster (``auto``, ``ray://host:10001``), else
    Ray starts on this machine with ``num_cpus`` CPUs and no dashboard."""

    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        if not ray.is_initialized():
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.max_hash_shuffle_aggregators = self.workers
        context.shuffle_strategy = ray.data.context.ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        self.crash_marker = os.environ.get(CRASH_ENV)

    def read(self, files: list[str]) -> ray.data.Dataset:
        listed = ray.data.from_items([{"path": f} for f in files], override_num_blocks=max(1, len(files)))
        return listed.map_batches(_read_files, batch_size=1, batch_format=FORMAT)

    def from_rows(self, rows: list[Row]) -> ray.data.Dataset:
        return ray.data.from_items(rows)

    def map_batches(self, data: ray.data.Dataset, fn: Step, config: BackfillConfig, **kwargs: Any) -> ray.data.Dataset:
        return data.map_batches(
            cast(Any, _apply), fn_args=(fn, config, kwargs), batch_size=config.batch_rows, batch_format=FORMAT
        )

    def map_actors(self, data: ray.data.Dataset, cls: StepClass, config: BackfillConfig) -> ray.data.Dataset:
        return data.map_batches(
            _Actor,
            fn_constructor_args=(cls, config, self.crash_marker),
            batch_size=config.batch_rows,
            batch_format=FORMAT,
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=self.workers),
        )

    def filter(self, data: ray.data.Dataset, column: str, present: bool) -> ray.data.Dataset:
        with warnings.catch_warnings():  # an expression filter cannot say "truthy"
            warnings.simplefilter("ignore", UserWarning)
            return data.filter(lambda row: bool(row[column]) == present)

    def group_map(self, data: ray.data.Dataset, key: str, fn: Step, config: BackfillConfig) -> ray.data.Dataset:
        if not data.count():  # a shuffle of nothing has no key column to sort by
            return data
        return data.groupby(key, num_partitions=config.shuffle_partitions).map_groups(
            cast(Any, _apply), fn_args=(fn, config, {}), batch_format=FORMAT
        )

    def join(
        self, left: ray.data.Dataset, right: ray.data.Dataset, on: str, config: BackfillConfig
    ) -> ray.data.Dataset:
        return left.join(right, join_type="inner", num_partitions=config.shuffle_partitions, on=(on,))

    def union(self, first: ray.data.Dataset, second: ray.data.Dataset) -> ray.data.Dataset:
        return first.union(second)

    def materialize(self, data: ray.data.Dataset) -> ray.data.Dataset:
        return data.materialize()

    def rows(self, data: ray.data.Dataset, order: str | None = None) -> Iterator[Row]:
        ordered = data.sort(order) if order else data
        for batch in ordered.iter_batches(batch_format=FORMAT):
            yield from cast(pa.Table, batch).to_pylist()

    def close(self) -> None:
        return None
