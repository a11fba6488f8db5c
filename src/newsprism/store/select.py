"""The connection the SQL stores talk to, and one query shape they ask often: the rows whose key is
among many values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the stores use, with ``?`` parameters (sqlite3's own, or
    :class:`newsprism.store.postgres.QmarkConnection`)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...
    def close(self) -> None: ...


# Older SQLite builds bind at most 999 parameters in one statement; stay well under that.
CHUNK = 500


def select_in(db: Connection, columns: str, table: str, key: str, values: Sequence[str]) -> list[tuple]:
    """Rows of ``table`` whose ``key`` is among ``values`` (each value once), asked in chunks."""
    rows: list[tuple] = []
    wanted = list(dict.fromkeys(values))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows += db.execute(f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})", chunk).fetchall()
    return rows
