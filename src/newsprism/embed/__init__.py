"""Stage 5, embed: turn sentences into unit vectors whose dot product measures similarity.

:class:`Embedder` is the protocol every embedder follows. :class:`HashingEmbedder` is the fast
pure-Python fallback that always works (:mod:`.hashing`); :class:`.minilm.MiniLMEmbedder` runs
all-MiniLM-L6-v2; :class:`.use.USEEmbedder` runs the multilingual Universal Sentence Encoder. All are
registered by name in :data:`EMBEDDERS`, where a plugin adds its own; the
report names the one that ran.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np

from ..records import Sentence
from ..registry import Registry
from .hashing import HashingEmbedder
from .minilm import MiniLMEmbedder, ModelUnavailable
from .static import StaticEmbedder
from .use import USEEmbedder


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


class SplitEmbedder:
    """Articles through one embedder, sentences through another.

    It is the article embedder to the clusterer (its ``embed``, ``name``, ``dim``, ``story_similarity``, so
    stored clustering state stays valid) and hands the sentence embedder to :class:`EmbeddedSentences`,
    whose thresholds (``align_similarity``, ``fact_similarity``) the analyses then read.
    """

    def __init__(self, articles: Embedder, sentences: Embedder, kind: str) -> None:
        self.articles, self.sentences, self.kind = articles, sentences, kind
        self.name, self.dim, self.story_similarity = articles.name, articles.dim, articles.story_similarity
        self.align_similarity, self.fact_similarity = sentences.align_similarity, sentences.fact_similarity
        # languages compared across only where both place them in one space (clustering and analyses)
        self.languages = embedder_languages(articles) & embedder_languages(sentences)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.articles.embed(texts)


def minilm_static() -> SplitEmbedder:
    """MiniLM for articles (the clusterer embeds a few texts per article), its distilled table for the
    analyses' sentences, which are most of the embedding time (bench/bench_throughput.py)."""
    return SplitEmbedder(MiniLMEmbedder(), StaticEmbedder(), "minilm+static")


EMBEDDERS: Registry[Callable[[], Embedder]] = Registry("embedders")
EMBEDDERS.register("hashing", HashingEmbedder)
EMBEDDERS.register("minilm", MiniLMEmbedder)
EMBEDDERS.register("static", StaticEmbedder)
EMBEDDERS.register("minilm+static", minilm_static)
EMBEDDERS.register("use-m", USEEmbedder)


def sentence_embedder(embedder: Embedder) -> Embedder:
    """The embedder that embeds ``embedder``'s sentences: itself unless it is split."""
    return getattr(embedder, "sentences", embedder)


def embedder_stages(embedder: Embedder) -> dict[str, str]:
    """Which embedder ran for which stage, by name, for the report."""
    return {"cluster": embedder.name, "sentences": sentence_embedder(embedder).name}


def registered_name(embedder: Embedder) -> str:
    """The name :func:`load_embedder` takes to load ``embedder`` again (for workers that load their own)."""
    kind = getattr(embedder, "kind", None)
    if kind is not None:
        return str(kind)
    for name in EMBEDDERS.names():
        if EMBEDDERS.get(name) is type(embedder):
            return name
    raise ValueError(f"{embedder.name} is not a registered embedder")


# The languages an embedder places in one space unless it says otherwise (``languages``): MiniLM and the
# hashed n-grams were made for English, and a sentence's translation lands nowhere near it.
ENGLISH_ONLY = frozenset(("en",))


def embedder_languages(embedder: Embedder) -> frozenset[str]:
    """The languages across which ``embedder`` compares sentences: a sentence in one lands near its
    translation in any other."""
    return getattr(embedder, "languages", ENGLISH_ONLY)


def embedder_names() -> list[str]:
    """What ``load_embedder`` accepts: ``auto`` and every registered embedder."""
    return ["auto", *EMBEDDERS.names()]


def load_embedder(kind: str = "auto") -> tuple[Embedder, str]:
    """The embedder ``kind`` names, with a note on why it was chosen.

    ``auto`` loads MiniLM and falls back to :class:`HashingEmbedder` when the model or ONNX Runtime
    is missing; ``minilm`` insists on the model; ``hashing`` is fastest and needs nothing; any other
    name is looked up among the registered embedders (plugins included). ``minilm+static`` (MiniLM for
    articles, its static table for sentences) is several times faster but not the default: on truth-dev
    it finds two of four copies where MiniLM finds four (bench/bench_static.py has the comparison).
    """
    if kind != "auto":
        embedder = EMBEDDERS.get(kind)()
        sentences = sentence_embedder(embedder)
        split = f"; sentences through {sentences.name}" if sentences is not embedder else ""
        return embedder, ("chosen" if kind == "hashing" else "model found") + split
    try:
        return EMBEDDERS.get("minilm")(), "model found"
    except ModelUnavailable as error:
        return HashingEmbedder(), f"fallback, because {error.what}"


class EmbeddedSentences:
    """A story's sentences with their vectors, embedded once and shared by the analysers."""

    def __init__(self, sentences: list[Sentence], embedder: Embedder) -> None:
        self.sentences = sentences
        self.embedder = embedder = sentence_embedder(embedder)
        self.vectors = embedder.embed([s.text for s in sentences]) if sentences else np.zeros((0, 1))
        self._rows: dict[str, list[int]] = {}
        for row, sentence in enumerate(sentences):
            self._rows.setdefault(sentence.article, []).append(row)
        self._row_of = {sentence.text: row for row, sentence in enumerate(sentences)}
        self._article_vectors: dict[str, np.ndarray] = {}

    def rows(self, article: str) -> list[int]:
        """Row numbers of an article's sentences, in reading order."""
        return self._rows.get(article, [])

    def article_vectors(self, article: str) -> np.ndarray:
        """The vectors of an article's sentences (its :meth:`rows`), gathered once: the summary's citation
        check reads them for every sentence it checks against the article."""
        if article not in self._article_vectors:
            self._article_vectors[article] = self.vectors[self.rows(article)]
        return self._article_vectors[article]

    def vectors_of(self, texts: list[str]) -> np.ndarray:
        """Vectors of sentences of the story by their text, embedding only those it does not hold."""
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        row_of = self._row_of
        missing = [text for text in dict.fromkeys(texts) if text not in row_of]
        extra = dict(zip(missing, self.embedder.embed(missing), strict=True)) if missing else {}
        return np.array([self.vectors[row_of[t]] if t in row_of else extra[t] for t in texts]).reshape(len(texts), -1)

    def similarity(self, rows_a: list[int], rows_b: list[int]) -> np.ndarray:
        return self.vectors[rows_a] @ self.vectors[rows_b].T
