"""The engine protocol: the few data-parallel operations the backfill is written in, and the local engine.

A backfill (:mod:`.run`) is a plan of these operations over the step functions of :mod:`.stages` and
:mod:`.partitions`; an engine only says where they run. :class:`LocalEngine` runs them in this
process over lists of rows (no Ray needed); :class:`newsprism.backfill.ray_engine.RayEngine` runs the
same functions as Ray Data operations on a cluster. A step is a function ``fn(rows, config, **kwargs)``
or, when it loads something heavy once (a model), a class ``cls(config)`` whose instances are called
with rows (an actor pool on Ray).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from ..errors import UsageError
from .config import BackfillConfig
from .read import read_file
from .rows import Row

Step = Callable[..., list[Row]]
StepClass = Callable[[BackfillConfig], Callable[[list[Row]], list[Row]]]


class Engine(Protocol):
    """Data-parallel operations over rows; ``Data`` is whatever the engine holds rows in."""

    name: str

    def read(self, files: list[str]) -> Any: ...
    def from_rows(self, rows: list[Row]) -> Any: ...
    def map_batches(self, data: Any, fn: Step, config: BackfillConfig, **kwargs: Any) -> Any: ...
    def map_actors(self, data: Any, cls: StepClass, config: BackfillConfig) -> Any: ...
    def filter(self, data: Any, column: str, present: bool) -> Any: ...
    def group_map(self, data: Any, key: str, fn: Step, config: BackfillConfig) -> Any: ...
    def join(self, left: Any, right: Any, on: str, config: BackfillConfig) -> Any: ...
    def union(self, first: Any, second: Any) -> Any: ...
    def materialize(self, data: Any) -> Any: ...
    def rows(self, data: Any, order: str | None = None) -> Iterator[Row]: ...
    def close(self) -> None: ...


class LocalEngine:
    """Every operation in this process, one batch after another: the reference the Ray engine is tested against."""

    name = "local"

    def read(self, files: list[str]) -> list[Row]:
        return [row for path in files for row in read_file(path)]

    def from_rows(self, rows: list[Row]) -> list[Row]:
        return list(rows)

    def map_batches(self, data: list[Row], fn: Step, config: BackfillConfig, **kwargs: Any) -> list[Row]:
        return [out for batch in _batches(data, config.batch_rows) for out in fn(batch, config, **kwargs)]

    def map_actors(self, data: list[Row], cls: StepClass, config: BackfillConfig) -> list[Row]:
        step = cls(config)
        return [out for batch in _batches(data, config.batch_rows) for out in step(batch)]

    def filter(self, data: list[Row], column: str, present: bool) -> list[Row]:
        return [row for row in data if bool(row[column]) == present]

    def group_map(self, data: list[Row], key: str, fn: Step, config: BackfillConfig) -> list[Row]:
        groups: dict[Any, list[Row]] = defaultdict(list)
        for row in data:
            groups[row[key]].append(row)
        return [out for value in sorted(groups) for out in fn(groups[value], config)]

    def join(self, left: list[Row], right: list[Row], on: str, config: BackfillConfig) -> list[Row]:
        index: dict[Any, list[Row]] = defaultdict(list)
        for row in right:
            index[row[on]].append(row)
        return [{**row, **other} for row in left for other in index.get(row[on], ())]

    def union(self, first: list[Row], second: list[Row]) -> list[Row]:
        return first + second

    def materialize(self, data: list[Row]) -> list[Row]:
        return data

    def rows(self, data: list[Row], order: str | None = None) -> Iterator[Row]:
        return iter(sorted(data, key=lambda row: row[order]) if order else data)

    def close(self) -> None:
        return None


def _batches(rows: list[Row], size: int) -> Iterable[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


ENGINES = ("local", "ray")


def make_engine(name: str, address: str | None = None, num_cpus: int | None = None) -> Engine:
    """The engine ``name`` names; ``ray`` joins the cluster at ``address`` (or starts one on this machine)."""
    if name == "local":
        return LocalEngine()
    if name != "ray":
        raise UsageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}", setting="engine")
    try:
        from .ray_engine import RayEngine
    except ImportError as err:
        raise UsageError("the ray engine needs Ray Data; install newsprism[ray]", setting="engine") from err
    return RayEngine(address, num_cpus)
