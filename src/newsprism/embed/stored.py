"""Sentence vectors computed once and kept in the store, so a story that grows, or is analysed again after
an analyser changed, embeds only the sentences it has not seen.

:class:`StoredVectors` is the embedder a story's analyses get (:func:`newsprism.api.analyse_stored` and
``analyze``): it looks each text up by its key (the embedder's name and the text, hashed), embeds the
missing ones in one call and stores them. Only embedders that say so (``store_vectors``) are wrapped:
MiniLM spends about 1.7 CPU ms on a sentence (bench/bench_throughput.py's floor: 64,258 sentences in
107.6 s), a stored row is read in microseconds; the hashed n-grams and the static table compute a vector
about as fast as they could read one, and the hashed ones are 4 KB each.

A model's vector for a text depends a little on the batch it ran in (cosine 0.97 to 1.0 for MiniLM,
whose quantized graph scales each batch's activations as a whole), so a stored vector is the one of the
batch the text first ran in; analyses read it the same way every time after.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from . import Embedder, embedder_languages, sentence_embedder


class VectorStore(Protocol):
    def sentence_vectors(self, keys: Sequence[str]) -> dict[str, bytes]: ...
    def put_sentence_vectors(self, vectors: Mapping[str, bytes]) -> None: ...


def vector_key(embedder: str, text: str) -> str:
    """The key of ``text``'s vector by ``embedder`` (its name: a new model or version is a new name)."""
    return hashlib.blake2b(f"{embedder}\x00{text}".encode(), digest_size=16).hexdigest()


class StoredVectors:
    """``embedder``'s vectors, read from ``store`` where it holds them and stored when computed.

    It stands for the embedder to the analyses: the same name, dimensions, thresholds and languages.
    """

    def __init__(self, embedder: Embedder, store: VectorStore, languages: frozenset[str] | None = None) -> None:
        self.inner, self.store = embedder, store
        self.name, self.dim = embedder.name, embedder.dim
        self.align_similarity, self.fact_similarity = embedder.align_similarity, embedder.fact_similarity
        self.story_similarity = embedder.story_similarity
        self.languages = embedder_languages(embedder) if languages is None else languages

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [vector_key(self.name, text) for text in texts]
        found = self.store.sentence_vectors(keys)
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in found}
        if missing:
            fresh = self.inner.embed(list(missing.values()))
            computed = {
                key: np.asarray(row, dtype=np.float32).tobytes() for key, row in zip(missing, fresh, strict=True)
            }
            self.store.put_sentence_vectors(computed)
            found.update(computed)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = np.frombuffer(found[key], dtype=np.float32)
        return out


def with_stored_vectors(embedder: Embedder, store: VectorStore) -> Embedder:
    """The embedder a story's analyses should get: ``embedder``'s sentence embedder reading and keeping its
    vectors in ``store`` when it is one worth storing, else ``embedder`` itself."""
    sentences = sentence_embedder(embedder)
    if not getattr(sentences, "store_vectors", False):
        return embedder
    return StoredVectors(sentences, store, embedder_languages(embedder))  # a split embedder's languages stay
