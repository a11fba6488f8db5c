"""Stage 5, embed: turn sentences into unit vectors whose dot product measures similarity.

:class:`Embedder` is the protocol every embedder follows. :class:`HashingEmbedder` is the fast
pure-Python fallback that always works: hashed word unigrams, bigrams and character trigrams of
content words, TF-weighted and L2-normalised. A model-based embedder plugs in behind the same
protocol; the report names the one that ran.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

import numpy as np

from ..records import Sentence
from ..text.tokens import content_words


class Embedder(Protocol):
    """Maps texts to an ``(n, dim)`` float32 array of unit rows."""

    name: str
    dim: int
    # Cosine above which two sentences of different articles count as the same sentence reworded
    # (a rewrite keeps most sentences that close). Each vector space has its own scale.
    align_similarity: float
    # Cosine above which two sentences may state the same fact (then checked for shared words).
    fact_similarity: float
    # Mixed TF-IDF and embedding similarity above which an article joins a story (see cluster.py).
    story_similarity: float

    def embed(self, texts: list[str]) -> np.ndarray: ...


@lru_cache(maxsize=1 << 18)
def _bucket(feature: str, dim: int) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dim, 1.0 if (value >> 63) & 1 else -1.0


class HashingEmbedder:
    """Hashed n-gram vectors: no model, no training, deterministic.

    >>> e = HashingEmbedder(dim=256)
    >>> v = e.embed(["Putin visits Pyongyang", "Putin arrives in Pyongyang", "Stocks fell sharply"])
    >>> float(v[0] @ v[1]) > float(v[0] @ v[2])
    True
    """

    name = "hashing-ngram"
    # On the seed story the rewrite pair aligns 78% of its sentences at 0.4, every other pair at most 24%.
    align_similarity = 0.4
    # On the seed story pairs below 0.45 are mostly sentences that only share names.
    fact_similarity = 0.45
    story_similarity = 0.2

    def __init__(self, dim: int = 1024, char_ngrams: int = 3) -> None:
        if dim < 16:
            raise ValueError(f"dim must be at least 16, got {dim}")
        self.dim = dim
        self.char_ngrams = char_ngrams

    def _features(self, text: str) -> list[tuple[str, float]]:
        tokens = content_words(text)
        features = [(t, 1.0) for t in tokens]
        features += [(f"{a} {b}", 0.7) for a, b in pairwise(tokens)]
        n = self.char_ngrams
        for token in tokens:
            padded = f"<{token}>"
            features += [(padded[i : i + n], 0.25) for i in range(len(padded) - n + 1)]
        return features

    def embed(self, texts: list[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature, weight in self._features(text):
                index, sign = _bucket(feature, self.dim)
                matrix[row, index] += sign * weight
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


EMBEDDERS = ("auto", "minilm", "hashing")


def load_embedder(kind: str = "auto") -> tuple[Embedder, str]:
    """The embedder ``kind`` names, with a note on why it was chosen.

    ``auto`` loads MiniLM and falls back to :class:`HashingEmbedder` when the model or ONNX Runtime
    is missing; ``minilm`` insists on the model; ``hashing`` is fastest and needs nothing.
    """
    if kind not in EMBEDDERS:
        raise ValueError(f"unknown embedder {kind!r}; choose one of {', '.join(EMBEDDERS)}")
    if kind == "hashing":
        return HashingEmbedder(), "chosen"
    from .minilm import MiniLMEmbedder, ModelUnavailable

    try:
        return MiniLMEmbedder(), "model found"
    except ModelUnavailable as error:
        if kind == "minilm":
            raise
        return HashingEmbedder(), f"fallback, because {error.what}"


class EmbeddedSentences:
    """A story's sentences with their vectors, embedded once and shared by the analysers."""

    def __init__(self, sentences: list[Sentence], embedder: Embedder) -> None:
        self.sentences = sentences
        self.embedder = embedder
        self.vectors = embedder.embed([s.text for s in sentences]) if sentences else np.zeros((0, 1))
        self._rows: dict[str, list[int]] = {}
        for row, sentence in enumerate(sentences):
            self._rows.setdefault(sentence.article, []).append(row)

    def rows(self, article: str) -> list[int]:
        """Row numbers of an article's sentences, in reading order."""
        return self._rows.get(article, [])

    def vectors_of(self, texts: list[str]) -> np.ndarray:
        """Vectors of sentences of the story by their text, embedding only those it does not hold."""
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        row_of = {sentence.text: row for row, sentence in enumerate(self.sentences)}
        missing = [text for text in dict.fromkeys(texts) if text not in row_of]
        extra = dict(zip(missing, self.embedder.embed(missing), strict=True)) if missing else {}
        return np.array([self.vectors[row_of[t]] if t in row_of else extra[t] for t in texts]).reshape(len(texts), -1)

    def similarity(self, rows_a: list[int], rows_b: list[int]) -> np.ndarray:
        return self.vectors[rows_a] @ self.vectors[rows_b].T
