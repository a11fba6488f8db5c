"""Reading a backfill's inputs as rows: JSON lines (gzipped too), Parquet, or folders of them.

Files are the unit of parallel reading: each engine lists them here and reads each with
:func:`read_file`, which checks every record against the input contract exactly as ``ingest`` does
(:func:`newsprism.inputs.files.record_to_document`), so a backfill and an ingest accept the same records.
A record that fails the contract becomes a row with ``skipped`` set, which the backfill stores as skipped.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import UsageError
from ..inputs.files import MAX_RECORD_CHARS, record_to_document
from ..inputs.files import read_file as read_records
from ..records import RawDocument, Skipped
from .rows import Row, doc_row

PARQUET = (".parquet", ".pq")
RECORDS = (".jsonl", ".jsonl.gz", ".json", ".json.gz", *PARQUET)
# Parquet rows are read this many at a time, so a large file never sits in memory whole.
PARQUET_BATCH = 4096


def input_files(inputs: Iterable[str | Path]) -> list[str]:
    """The files the inputs name, folders expanded (hidden entries left out), in a stable order."""
    found: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            entries = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            found += [str(p) for p in entries if p.name.lower().endswith(RECORDS)]
        elif path.is_file():
            if not path.name.lower().endswith(RECORDS):
                raise UsageError(f"{given}: a backfill reads {', '.join(RECORDS)} files or folders of them")
            found.append(str(path))
        else:
            raise UsageError(f"{given}: no such file or folder")
    return list(dict.fromkeys(found))


def read_file(path: str) -> list[Row]:
    """One row per record of the file: a document, or ``skipped`` saying why it is not one."""
    name = path.lower()
    if name.endswith(PARQUET):
        items: Iterable[RawDocument | Skipped] = _parquet(path)
    elif name.endswith((".jsonl", ".jsonl.gz")):
        items = _json_lines(path)
    else:
        items = read_records(Path(path))  # one JSON document: read whole, under ingest's size cap
    return [_row(item) for item in items]


def _json_lines(path: str) -> Iterator[RawDocument | Skipped]:
    """Records of a JSON-lines file, streamed: a backfill's files may be far over ingest's size cap."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield _record(line, f"{path}:{number}")
    except (OSError, EOFError, zlib.error) as err:
        yield Skipped(path, f"cannot be read: {err}")


def _record(line: str, where: str) -> RawDocument | Skipped:
    if len(line) > MAX_RECORD_CHARS:
        return Skipped(where, f"record of {len(line):,} characters, over the {MAX_RECORD_CHARS:,}-character limit")
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as err:
        return Skipped(where, f"invalid JSON: {str(err).split(';')[0]}")
    return record_to_document(record, where, None)


def _parquet(path: str) -> Iterator[RawDocument | Skipped]:
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise UsageError(f"{path}: reading Parquet needs pyarrow; install newsprism[ray]") from err
    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
        for record in batch.to_pylist():
            number += 1
            yield record_to_document(record, f"{path}:{number}", None)


def _row(item: RawDocument | Skipped) -> Row:
    if isinstance(item, Skipped):
        empty = doc_row(RawDocument(item.input, "", ""))
        return {**empty, "skipped": item.reason}
    return {**doc_row(item), "skipped": None}


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
