"""Stage 1, ingest: turn the user's inputs (files, folders, ``-`` for standard input) into
:class:`RawDocument` records, or :class:`Skipped` ones naming the input and the reason.

Nothing here interprets the text; it only reads bytes safely: size caps, gzip, binary detection
and decoding.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

from ..records import RawDocument, Skipped

MAX_INPUT_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = ", ".join(sorted([*TEXT_SUFFIXES, *RECORD_SUFFIXES])) + " (optionally .gz)"

Item = RawDocument | Skipped


def read_inputs(inputs: Iterable[str | Path], stdin: IO[str] | None = None) -> Iterator[Item]:
    """Yield one record per article found in ``inputs``, in a stable order.

    >>> [d.id for d in read_inputs(["examples/"]) if isinstance(d, RawDocument)][:1]  # doctest: +SKIP
    ['aurora-gazette']
    """
    for given in inputs:
        if str(given) == "-":
            yield from _read_json_lines((stdin or sys.stdin).read(), "<stdin>", stem=None)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Skipped(str(given), "no such file or folder")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path) -> Iterator[Item]:
    name = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if len(suffixes) > 1 else "") if gzipped else (suffixes[-1] if suffixes else "")
    if suffix not in TEXT_SUFFIXES and suffix not in RECORD_SUFFIXES:
        yield Skipped(name, f"unsupported file type {suffix or '(none)'!r}; newsprism reads {SUPPORTED}")
        return
    try:
        data = _read_bytes(path, gzipped)
        text = decode(data)
    except (OSError, ValueError) as err:
        yield Skipped(name, str(err))
        return
    stem = path.name.split(".")[0]
    if suffix in RECORD_SUFFIXES:
        yield from _read_records(text, name, stem, lines=suffix == ".jsonl")
    else:
        yield RawDocument(input=name, kind=TEXT_SUFFIXES[suffix], content=text, id=stem)


def _read_bytes(path: Path, gzipped: bool) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise ValueError(f"file is {size / 1e6:.0f} MB, over the {MAX_INPUT_BYTES // 10**6} MB limit")
        if not gzipped:
            return path.read_bytes()
        with gzip.open(path, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except PermissionError as err:
        raise ValueError("cannot be read: permission denied") from err
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise ValueError(f"not a valid gzip file ({err})") from err
    if len(data) > MAX_INPUT_BYTES:
        raise ValueError(f"unpacks to over the {MAX_INPUT_BYTES // 10**6} MB limit")
    return data


def decode(data: bytes) -> str:
    """Decode bytes as text: UTF-8 first, then the most likely other charset; refuse binary data."""
    if not data.strip():
        raise ValueError("file is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ValueError("text encoding not recognised; save the file as UTF-8") from None
        text = str(best)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.01 * min(len(text), 20000):
        raise ValueError("binary file, not text")
    return text


def _read_records(text: str, name: str, stem: str, lines: bool) -> Iterator[Item]:
    if lines:
        yield from _read_json_lines(text, name, stem)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield Skipped(name, f"invalid JSON at line {err.lineno}: {err.msg}")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    single = len(records) == 1
    for number, record in enumerate(records, 1):
        yield record_to_document(record, name if single else f"{name}[{number}]", stem if single else None)


def _read_json_lines(text: str, name: str, stem: str | None) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(where, f"invalid JSON: {err.msg}")
            continue
        yield record_to_document(record, where, None)


def record_to_document(record: object, where: str, fallback_id: str | None) -> Item:
    """Check one JSON record against the input contract and turn it into a :class:`RawDocument`."""
    if not isinstance(record, dict):
        return Skipped(where, "not a JSON object with 'text' or 'html'")
    fields = {}
    for key in ("id", "title", "text", "html", "url", "outlet", "published", "story"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            return Skipped(where, f"field {key!r} must be a string, got {type(value).__name__}")
        fields[key] = None if value is None else str(value)
    body = fields["text"] or fields["html"]
    if not body or not body.strip():
        return Skipped(where, "record has neither 'text' nor 'html'")
    article_id = fields["id"] or fallback_id or content_id(fields["url"] or body)
    return RawDocument(
        input=where,
        kind="record" if fields["text"] else "html",
        content=body,
        id=article_id,
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        published=fields["published"],
        story=fields["story"],
    )


def content_id(key: str) -> str:
    """A stable id for an input without one: a hash of its URL or content."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def source_hash(doc: RawDocument) -> str:
    """Changes whenever anything extraction reads changes: used to reuse stored articles."""
    parts = [doc.kind, doc.content, doc.title, doc.url, doc.outlet, doc.published, doc.story]
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
