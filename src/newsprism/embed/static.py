"""A static sentence embedder distilled from the shipped MiniLM: one vector per WordPiece token, averaged.

The method is model2vec's (Tulkens and van Dongen, 2024), done with ONNX Runtime and NumPy, no torch:
every token of MiniLM's vocabulary goes through the model once, alone between ``[SEP]`` and ``[CLS]``,
and its output states are averaged; PCA keeps :data:`DIMENSIONS` directions of the 30,522 vectors; each
row is then weighted down by how frequent its token is (smooth inverse frequency, with the frequency
taken from the token's rank under Zipf's law, the BERT vocabulary being listed roughly by frequency).
A sentence is the unit mean of its tokens' rows: a lookup and a sum, hundreds of times faster than
running the model on it (bench/bench_embed.py), at the price of word order and context.

The table is built on first use (about a minute on two idle cores) and cached beside the quantized graph
(:func:`.minilm._cache_dir`); a machine with the table needs neither ONNX Runtime nor the model again.
"""

from __future__ import annotations

import logging
import tempfile
from importlib import resources
from pathlib import Path

import numpy as np

from .minilm import MODEL_PACKAGE, MiniLMEmbedder, ModelUnavailable, _cache_dir

log = logging.getLogger(__name__)

# model2vec's 256 PCA directions (384 gave the same cosines, bench/bench_static.py). Its SIF coefficient,
# 1e-4, ranks tokens by raw vocabulary id; with the ranks of :func:`zipf_ranks`, 3e-6 weights frequent
# words down further and so agreed best with MiniLM on which news sentence pairs pass its alignment
# cosine (F1 of agreement 0.65, against 0.57 at model2vec's setting; 1e-5: 0.64, 1e-6: 0.62).
DIMENSIONS = 256
SIF = 3e-6
# Change when the table's recipe changes, so that no machine keeps an old table.
RECIPE = "1"
# Tokens per model run while distilling: each row is three tokens long, so a batch stays small.
DISTIL_BATCH = 512
# Texts summed at once: their tokens' rows are gathered into one array, which this keeps small.
CHUNK = 256


def table_path() -> Path:
    """Where the distilled table is cached: named by the model package and the recipe."""
    package = MODEL_PACKAGE.replace("==", "-")
    return _cache_dir() / f"static-{package}-r{RECIPE}-{DIMENSIONS}.npy"


def token_states(model: MiniLMEmbedder, ids: list[int]) -> np.ndarray:
    """MiniLM's output for each token id alone, averaged over ``[SEP] token [CLS]`` (model2vec puts the
    markers the wrong way round on purpose: its authors found the vectors better so)."""
    vocabulary = model.tokenizer.get_vocab()
    rows = [[vocabulary["[SEP]"], token, vocabulary["[CLS]"]] for token in ids]
    return np.concatenate(
        [model.mean_states(rows[start : start + DISTIL_BATCH]) for start in range(0, len(rows), DISTIL_BATCH)]
    )


def zipf_ranks(vocabulary: dict[str, int]) -> np.ndarray:
    """Each token id's frequency rank, from 1. BERT's vocabulary lists its markers and single characters
    first and then its words and word pieces roughly by falling frequency: the words rank in that order
    from 2 (``the``), and the characters and markers all rank 1, which weights them out of a sentence's
    mean (punctuation, the marks of an unknown token, single letters and digits say little alone)."""
    first_word = min(i for token, i in vocabulary.items() if len(token) > 1 and token[0] != "[" and token[:2] != "##")
    ranks = np.arange(len(vocabulary), dtype=np.float64) - first_word + 2
    return np.maximum(ranks, 1.0)


def reduce(states: np.ndarray, ranks: np.ndarray, dimensions: int = DIMENSIONS, sif: float = SIF) -> np.ndarray:
    """PCA of the token states (row ``i`` is token id ``i``) to ``dimensions`` directions, then each row
    weighted by ``sif / (sif + p)`` with ``p`` the Zipf probability of its token's rank."""
    centred = states.astype(np.float64) - states.mean(axis=0)
    _, _, directions = np.linalg.svd(centred, full_matrices=False)
    directions = directions[:dimensions]
    # an SVD may return a direction either way round: fix it, so that the table is the same on every machine
    signs = np.sign(directions[np.arange(len(directions)), np.abs(directions).argmax(axis=1)])
    reduced = centred @ (directions * signs[:, None]).T
    probability = (1.0 / ranks) / (1.0 / ranks).sum()
    return (reduced * (sif / (sif + probability))[:, None]).astype(np.float32)


def distil(model: MiniLMEmbedder | None = None) -> np.ndarray:
    """The static table of the whole vocabulary, from MiniLM (loaded here unless given). The shipped graph,
    not the quantized one: that one quantizes each batch's activations together, so a token's row would
    depend on the tokens batched with it; the float graph's does not, and agrees with MiniLM as well."""
    model = model or MiniLMEmbedder(quantize=False)
    vocabulary = model.tokenizer.get_vocab()
    return reduce(token_states(model, list(range(len(vocabulary)))), zipf_ranks(vocabulary))


def load_table() -> np.ndarray:
    """The cached table, distilled and cached first if this machine has none."""
    path = table_path()
    if path.exists():
        return np.load(path)
    log.info("distilling the static embedder's table from MiniLM (once per machine)")
    table = distil()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npy", delete=False) as partial:
            np.save(partial, table)
        Path(partial.name).replace(path)  # atomic: a concurrent or killed run never sees half a file
    except OSError as error:  # a read-only cache: distil again next time
        log.info("could not cache the static table (%s)", error)
    return table


class StaticEmbedder:
    """Unit means of distilled MiniLM token vectors (256 dimensions); see the module's docstring.

    Raises :class:`.minilm.ModelUnavailable` when the tokenizer package is missing, or when the table
    is not cached and MiniLM cannot run to distil it.
    """

    name = "minilm-static-256"
    dim = DIMENSIONS
    # MiniLM's thresholds carried over (bench/bench_static.py): the static cosine above which the same
    # share of cross-document sentence pairs of 80 Multi-News stories (none of truth-dev) passes as passes
    # MiniLM's 0.75 and 0.65 (0.20% and 0.64% of the pairs; matched at 0.752 and 0.663).
    align_similarity = 0.75
    fact_similarity = 0.66
    # Not tuned: the table is for sentences, and minilm+static leaves clustering to MiniLM.
    story_similarity = 0.25

    def __init__(self, table: np.ndarray | None = None) -> None:
        try:
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ModelUnavailable(f"{error.name} is not installed") from error
        self.tokenizer = Tokenizer.from_str(
            resources.files("newsprism").joinpath("models/minilm-tokenizer.json").read_text(encoding="utf-8")
        )
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.table = load_table() if table is None else table
        self.dim = self.table.shape[1]

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        for start in range(0, len(texts), CHUNK):
            out[start : start + CHUNK] = self._means(texts[start : start + CHUNK])
        return out

    def _means(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        ids = [encoding.ids for encoding in self.tokenizer.encode_batch_fast(texts, add_special_tokens=False)]
        lengths = np.array([len(row) for row in ids])
        filled = np.flatnonzero(lengths)
        if not len(filled):
            return out
        flat = np.fromiter((token for row in ids for token in row), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
        sums = np.add.reduceat(self.table[flat], starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[filled] = sums / np.where(norms == 0, 1.0, norms)
        return out
