"""One query shape the SQLite store asks often: the rows whose key is among many values."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# Older SQLite builds bind at most 999 parameters in one statement; stay well under that.
CHUNK = 500


def select_in(db: sqlite3.Connection, columns: str, table: str, key: str, values: Sequence[str]) -> list[tuple]:
    """Rows of ``table`` whose ``key`` is among ``values`` (each value once), asked in chunks."""
    rows: list[tuple] = []
    wanted = list(dict.fromkeys(values))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows += db.execute(f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})", chunk).fetchall()
    return rows
