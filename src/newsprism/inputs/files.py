"""Stage 1, ingest: turn the user's inputs (files, folders, ``-`` for standard input) into
:class:`RawDocument` records, or :class:`Skipped` ones naming the input and the reason.

Nothing here interprets the text; it only reads bytes safely: size caps, gzip, binary detection
and decoding.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from ..records import RawDocument, Skipped
from ..text.encoding import decode

MAX_INPUT_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = ", ".join(sorted([*TEXT_SUFFIXES, *RECORD_SUFFIXES])) + " (optionally .gz)"

# One JSON record (a line of JSON lines) may be at most this long: ten times the longest of the 690
# Multi-News dev documents with room to spare, far under what would exhaust memory when parsed.
MAX_RECORD_CHARS = 10 * 2**20
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The kind of a document that is only a headline: its content is the title, one line.
HEADLINE = "headline"

Item = RawDocument | Skipped


def read_inputs(inputs: Iterable[str | Path], stdin: IO[str] | None = None) -> Iterator[Item]:
    """Yield one record per article found in ``inputs``, in a stable order.

    >>> [d.id for d in read_inputs(["examples/"]) if isinstance(d, RawDocument)][:1]  # doctest: +SKIP
    ['aurora-gazette']
    """
    for given in inputs:
        if str(given) == "-":
            text = (stdin or sys.stdin).read(MAX_INPUT_BYTES + 1)
            if len(text) > MAX_INPUT_BYTES:
                yield Skipped("<stdin>", f"standard input is over the {_mib(MAX_INPUT_BYTES)} limit; not read")
                continue
            yield from _read_json_lines(text, "<stdin>", stem=None)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path)
        elif path.exists() or path.is_symlink():
            yield from read_file(path)
        elif re.match(r"(?i)^[a-z][a-z0-9+.-]*://", str(given)):
            yield Skipped(str(given), "only http and https URLs can be fetched")
        else:
            yield Skipped(str(given), "no such file or folder")


def _read_folder(folder: Path) -> Iterator[Item]:
    """Every file under ``folder`` but hidden ones; FIFOs, devices, sockets and links to them are listed
    as skipped (opened, a FIFO blocks and a device never ends)."""
    entries = sorted(p for p in folder.rglob("*") if not _hidden(p, folder) and not p.is_dir())
    if not entries:
        yield Skipped(str(folder), "the folder holds no files (hidden files and folders are not read)")
    for entry in entries:
        yield from read_file(entry)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path) -> Iterator[Item]:
    name = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if len(suffixes) > 1 else "") if gzipped else (suffixes[-1] if suffixes else "")
    try:
        kind = _file_kind(path)
    except OSError as err:
        yield Skipped(name, f"cannot be read: {err.strerror or err}")
        return
    if kind:
        yield Skipped(name, f"{kind}, not a regular file; newsprism reads regular files only")
        return
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


def _file_kind(path: Path) -> str | None:
    """None for a regular file (or a link to one), else what it is: a FIFO blocks when opened, a device
    such as /dev/zero never ends."""
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        what = "a FIFO (named pipe)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "a socket" if stat.S_ISSOCK(mode) else "a special file"
    return f"{what}{' behind a symbolic link' if path.is_symlink() else ''}"


def _mib(size: int) -> str:
    """A size in MiB, rounded up to a tenth: "52.4 MiB", "50 MiB"."""
    tenths = -(-size * 10 // 2**20)
    return f"{tenths // 10}{'.' + str(tenths % 10) if tenths % 10 else ''} MiB"


def _read_bytes(path: Path, gzipped: bool) -> bytes:
    """The file's bytes, at most ``MAX_INPUT_BYTES`` of them (unpacked). Opened without blocking and
    checked again once open, so a file swapped for a FIFO or a device in between is refused too."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError as err:
        raise ValueError("cannot be read: permission denied") from err
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file; newsprism reads regular files only")
        if info.st_size > MAX_INPUT_BYTES:
            raise ValueError(f"file is {_mib(info.st_size)}, over the {_mib(MAX_INPUT_BYTES)} limit")
        try:
            reader = gzip.GzipFile(fileobj=handle) if gzipped else handle
            data = reader.read(MAX_INPUT_BYTES + 1)
        except (gzip.BadGzipFile, EOFError, zlib.error) as err:
            raise ValueError(f"not a valid gzip file ({err})") from err
    if len(data) > MAX_INPUT_BYTES:
        raise ValueError(f"unpacks to over the {_mib(MAX_INPUT_BYTES)} limit")
    return data


def _read_records(text: str, name: str, stem: str, lines: bool) -> Iterator[Item]:
    if lines:
        yield from _read_json_lines(text, name, stem)
        return
    data = _parse_json(text, name)
    if isinstance(data, Skipped):
        yield data
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
        if len(line) > MAX_RECORD_CHARS:
            yield Skipped(where, f"record of {len(line):,} characters, over the {MAX_RECORD_CHARS:,}-character limit")
            continue
        record = _parse_json(line, where)
        yield record if isinstance(record, Skipped) else record_to_document(record, where, None)


def _parse_json(text: str, where: str) -> object:
    """The parsed JSON, or :class:`Skipped` saying why it cannot be: bad syntax, nesting deeper than
    Python's parser can follow, or a number too long to convert."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        at = f" at line {err.lineno}" if "\n" in text.strip() else ""
        return Skipped(where, f"invalid JSON{at}: {err.msg}")
    except RecursionError:
        return Skipped(where, "invalid JSON: nested too deep to be an article record")
    except ValueError as err:  # a number of over 4,300 digits
        return Skipped(where, f"invalid JSON: {str(err).split(';')[0]}")


def record_to_document(record: object, where: str, fallback_id: str | None) -> Item:
    """Check one JSON record against the input contract and turn it into a :class:`RawDocument`.

    A record with a title and no text is a headline: an article of one line, its title
    (:data:`HEADLINE`)."""
    if not isinstance(record, dict):
        return Skipped(where, "not a JSON object with 'text', 'html' or 'title'")
    fields = {}
    for key in ("id", "title", "text", "html", "url", "outlet", "published", "story"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            return Skipped(where, f"field {key!r} must be a string, got {type(value).__name__}")
        fields[key] = None if value is None else str(value)
        if isinstance(value, str) and LONE_SURROGATE.search(value):
            # half of a UTF-16 surrogate pair ("\ud800"): no text holding one can be stored or printed
            return Skipped(where, f"field {key!r} holds a lone UTF-16 surrogate escape (such as \\ud800)")
    body = fields["text"] or fields["html"]
    longest = max(len(body or ""), len(fields["title"] or ""))
    if longest > MAX_RECORD_CHARS:
        return Skipped(where, f"text of {longest:,} characters, over the {MAX_RECORD_CHARS:,}-character limit")
    if not (body and body.strip()):
        if fields["title"] and fields["title"].strip():
            return headline_document(where, fields["title"], {**fields, "id": fields["id"] or fallback_id})
        return Skipped(where, "record has neither 'text' nor 'html' nor 'title'")
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


def headline_document(where: str, title: str, fields: Mapping[str, str | None]) -> RawDocument:
    """A headline with nothing under it (a record or feed item with only a title): its text is the title.
    The title is not also given as ``title``, or extraction would drop it from the text as a headline
    printed twice."""
    return RawDocument(
        input=where,
        kind=HEADLINE,
        content=" ".join(title.split()),
        id=fields.get("id") or content_id(fields.get("url") or title),
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        published=fields.get("published"),
        story=fields.get("story"),
    )


def content_id(key: str) -> str:
    """A stable id for an input without one: a hash of its URL or content."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def source_hash(doc: RawDocument) -> str:
    """Changes whenever anything extraction reads changes: used to reuse stored articles."""
    parts = [doc.kind, doc.content, doc.title, doc.url, doc.outlet, doc.published, doc.story]
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
