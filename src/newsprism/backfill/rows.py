"""Rows: what flows between the backfill's steps, as flat dicts of strings, numbers and bytes.

Every engine moves the same rows: the local engine keeps them in lists, Ray Data in Arrow blocks, so a
column holds one plain type (articles travel as JSON text, vectors and signatures as bytes). The keys
computed here decide order and placement, so both engines agree: ``order`` sorts rows as
:func:`newsprism.cluster.publication_order` sorts articles, and ``partition`` names the time slice an
article is clustered in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

import numpy as np

from ..cluster import timestamp
from ..records import Article, RawDocument
from ..store.sql import article_data

Row = dict[str, Any]
# The partition of undated articles: after every dated one, as publication order puts them.
UNDATED = 2**62


def order_key(published: str | None, article_id: str) -> str:
    """A string that sorts as ``publication_order`` does: dated first by their date text, then by id.
    The separator is the smallest character, so a date that is a prefix of another sorts first."""
    return f"{'1' if published is None else '0'}{published or ''}\x00{article_id}"


def partition_of(published: str | None, days: float) -> int:
    """The time slice of ``days`` days a publication time falls in; :data:`UNDATED` without one."""
    when = timestamp(published)
    return UNDATED if when is None else math.floor(when / (days * 86400))


def doc_row(doc: RawDocument) -> Row:
    return {
        "input": doc.input,
        "kind": doc.kind,
        "content": doc.content,
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published,
        "story": doc.story,
    }


def row_doc(row: Mapping[str, Any]) -> RawDocument:
    return RawDocument(**{f.name: row[f.name] for f in fields(RawDocument)})


def article_json(article: Article) -> str:
    return json.dumps(article_data(article))


def row_article(row: Mapping[str, Any], column: str = "article") -> Article:
    return Article.from_dict(json.loads(row[column]))


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def bytes_vector(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)


def to_columns(rows: list[Row], columns: Iterable[str] = ()) -> dict[str, list[Any]]:
    """Rows as a batch of columns (Ray's dict format); ``columns`` name them when there are no rows."""
    names = list(rows[0]) if rows else list(columns)
    return {name: [row[name] for row in rows] for name in names}


def to_rows(batch: Mapping[str, Any]) -> list[Row]:
    """A batch of columns (lists or NumPy arrays) as rows of plain Python values."""
    names = list(batch)
    if not names:
        return []
    columns = [[_plain(value) for value in batch[name]] for name in names]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return value
