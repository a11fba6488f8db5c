"""The per-article steps as batch functions: rows in, rows out, nothing shared between calls.

Each function takes a list of rows and the :class:`BackfillConfig` and is what both engines run
(the local engine over lists, Ray Data in ``map_batches``): the same code gives the same rows. The
work itself is newsprism's own: :class:`newsprism.articles.pipeline.Pipeline` extracts and finishes,
:mod:`newsprism.dedup` sketches and decides near-duplicates, the embedder embeds the clusterer's lede.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..articles.pipeline import Pipeline
from ..cluster.features import lede
from ..dedup import Sketch, band_keys, matches, signature, text_fingerprint
from ..embed import load_embedder
from ..errors import InputError
from ..inputs.files import HEADLINE
from .config import BackfillConfig
from .rows import Row, article_json, bytes_vector, order_key, partition_of, row_article, row_doc, vector_bytes

EXTRACTED = ("id", "input", "outlet", "order", "partition", "extracted", "skipped")


def extract_batch(rows: list[Row], config: BackfillConfig) -> list[Row]:
    """Extract each document; one that cannot be read comes back with ``skipped`` set."""
    pipeline = _pipeline(config)
    out = []
    for row in rows:
        doc = row_doc(row)
        try:
            article = pipeline.extract(doc)
        except InputError as err:
            out.append(dict.fromkeys(EXTRACTED) | {"input": doc.input, "skipped": str(err)})
            continue
        if doc.kind == HEADLINE:  # as Intake marks it, for the page-kind stage
            article = replace(article, kind=HEADLINE)
        out.append(
            {
                "id": article.id,
                "input": doc.input,
                "outlet": article.outlet,
                "order": order_key(article.published, article.id),
                "partition": partition_of(article.published, config.partition_days),
                "extracted": article_json(article),
                "skipped": None,
            }
        )
    return out


def finish_batch(rows: list[Row], config: BackfillConfig) -> list[Row]:
    """The per-outlet and per-article stages. Lines repeated among the rows' articles of one outlet are
    removed, so the engines hand over all articles of an outlet together (and others in any batches)."""
    articles = [row_article(row, "extracted") for row in rows]
    finished = _pipeline(config).finish(articles)
    keep = config.settings.pages.keep
    return [
        {**row, "article": article_json(a), "placeable": a.kind is None or keep, "words": a.words}
        for row, a in zip(rows, finished, strict=True)
    ]


def sketch_batch(rows: list[Row], config: BackfillConfig) -> list[Row]:
    """The text fingerprint and MinHash signature of each finished article (what the store's bands keep)."""
    out = []
    for row in rows:
        text = row_article(row).text
        out.append({**row, "fingerprint": text_fingerprint(text), "signature": signature(text).tobytes()})
    return out


def band_batch(rows: list[Row], config: BackfillConfig, side: str) -> list[Row]:
    """One row per article and LSH band, keyed by the band key; ``side`` suffixes the other columns, so
    the band table can be joined with itself."""
    bands, per_band = config.settings.dedup.layout
    out = []
    for row in rows:
        keys = band_keys(np.frombuffer(row["signature"], dtype=np.uint32), bands, per_band)
        for number, key in enumerate(keys):
            out.append(
                {
                    "band": key,
                    f"band_no{side}": number,
                    f"id{side}": row["id"],
                    f"order{side}": row["order"],
                    f"fingerprint{side}": row["fingerprint"],
                    f"signature{side}": row["signature"],
                }
            )
    return out


PAIR = ("first", "second", "jaccard", "exact")


def pair_batch(rows: list[Row], config: BackfillConfig) -> list[Row]:
    """Near-duplicate pairs among joined band rows (two articles sharing a band key). A pair is kept
    once: from its earlier article's side, at the first band the two share."""
    bands, per_band = config.settings.dedup.layout
    out = []
    for row in rows:
        if row["order_l"] >= row["order_r"]:
            continue
        first = np.frombuffer(row["signature_l"], dtype=np.uint32)
        second = np.frombuffer(row["signature_r"], dtype=np.uint32)
        shared = next(
            b
            for b in range(bands)
            if np.array_equal(first[b * per_band : (b + 1) * per_band], second[b * per_band : (b + 1) * per_band])
        )
        if shared != row["band_no_l"]:
            continue
        earlier = Sketch(row["id_l"], row["fingerprint_l"], first)
        later = Sketch(row["id_r"], row["fingerprint_r"], second)
        out += [
            {"first": d.first, "second": d.second, "jaccard": d.jaccard, "exact": d.exact}
            for d in matches(later, [earlier], config.settings.dedup.threshold)
        ]
    return out


class Embedding:
    """Embeds each placeable article's lede, as the clusterer would; one embedder per instance (an
    actor of a pool on Ray), loaded once."""

    def __init__(self, config: BackfillConfig) -> None:
        self.config = config
        self.embedder = load_embedder(config.embedder.kind)[0]

    def __call__(self, rows: list[Row]) -> list[Row]:
        cluster = self.config.settings.cluster
        wanted = [i for i, row in enumerate(rows) if row["placeable"]]
        texts = [lede(row_article(rows[i]), cluster) for i in wanted]
        vectors = self.embedder.embed(texts) if texts else np.zeros((0, self.embedder.dim), np.float32)
        found = dict(zip(wanted, vectors, strict=True))
        return [{**row, "vector": vector_bytes(found[i]) if i in found else b""} for i, row in enumerate(rows)]


def vector_of(row: Row) -> np.ndarray:
    return bytes_vector(row["vector"])


def _pipeline(config: BackfillConfig) -> Pipeline:
    return Pipeline(config.settings.clean, config.settings.pages)
