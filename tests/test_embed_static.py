"""The static embedder distilled from MiniLM: the table's recipe, lookups, the cache it loads offline, the
fallback when ONNX Runtime is absent, and the split that gives articles to MiniLM and sentences to it."""

import sys

import numpy as np
import pytest

from newsprism.embed import (
    EmbeddedSentences,
    HashingEmbedder,
    SplitEmbedder,
    embedder_stages,
    load_embedder,
    registered_name,
    sentence_embedder,
)
from newsprism.embed.minilm import ModelUnavailable
from newsprism.embed.static import StaticEmbedder, reduce, table_path, token_states, zipf_ranks
from newsprism.records import Sentence

VOCABULARY = {"[PAD]": 0, "[UNK]": 1, "!": 2, "a": 3, "the": 4, "of": 5, "##s": 6, "pyongyang": 7}


def _minilm(quantize: bool = True):
    try:
        from newsprism.embed.minilm import MiniLMEmbedder

        return MiniLMEmbedder(quantize=quantize)
    except ModelUnavailable:
        pytest.skip("MiniLM is not installed")


def test_ranks_put_markers_and_characters_first_then_words_in_vocabulary_order():
    assert zipf_ranks(VOCABULARY).tolist() == [1, 1, 1, 1, 2, 3, 4, 5]


def test_reduce_keeps_the_main_directions_and_weights_frequent_tokens_down():
    rng = np.random.default_rng(0)
    states = rng.normal(size=(8, 6)) * np.array([5, 3, 1, 0.1, 0.1, 0.1])
    ranks = zipf_ranks(VOCABULARY)
    unweighted = reduce(states, ranks, dimensions=3, sif=1e9)
    assert unweighted.shape == (8, 3)
    assert np.all(np.diff(unweighted.var(axis=0)) < 0)  # directions by falling variance
    weighted = reduce(states, ranks, dimensions=3, sif=0.05)
    scale = np.linalg.norm(weighted, axis=1) / np.linalg.norm(unweighted, axis=1)
    assert scale[4] < scale[5] < scale[7]  # "the" weighs less than "of", which weighs less than a rare word
    assert scale[2] < scale[4]  # a character (rank 1) least of all
    # the same states give the same table, and a direction's sign does not depend on the SVD's whim
    assert np.array_equal(reduce(states, ranks, 3, 0.05), weighted)
    assert np.array_equal(reduce(states[:, ::-1].copy(), ranks, 3, 0.05), weighted)


def _table() -> np.ndarray:
    table = np.zeros((30522, 4), dtype=np.float32)
    table[:, 0] = 1.0  # every token shares a direction...
    table[np.arange(30522), 1 + np.arange(30522) % 3] = 1.0  # ...and has one of three others
    return table


def test_a_sentence_is_the_unit_mean_of_its_tokens_rows_whatever_the_batch():
    embedder = StaticEmbedder(table=_table())
    ids = embedder.tokenizer.encode("Putin visited Pyongyang", add_special_tokens=False).ids
    expected = _table()[ids].sum(axis=0)
    texts = ["Putin visited Pyongyang", "", "Stocks fell.", *[f"sentence number {i}" for i in range(300)]]
    vectors = embedder.embed(texts)
    assert vectors.shape == (len(texts), 4)
    np.testing.assert_allclose(vectors[0], expected / np.linalg.norm(expected), rtol=1e-6)
    assert not vectors[1].any()  # no tokens, no direction
    np.testing.assert_allclose(np.linalg.norm(vectors[[0, 2, 302]], axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(embedder.embed(texts[300:]), vectors[300:], rtol=1e-6)  # across chunks


def test_the_cached_table_loads_without_onnx_runtime(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    table_path().parent.mkdir(parents=True)
    np.save(table_path(), _table())
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # importing it now fails
    embedder = StaticEmbedder()
    assert np.array_equal(embedder.table, _table())
    assert embedder.embed(["Putin visited Pyongyang"]).shape == (1, 4)


def test_without_onnx_runtime_or_a_table_auto_falls_back_to_hashing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ModelUnavailable):
        StaticEmbedder()
    embedder, note = load_embedder("auto")
    assert isinstance(embedder, HashingEmbedder) and note.startswith("fallback")


def test_distilling_is_deterministic():
    model = _minilm(quantize=False)  # the graph distil() runs
    ids = [1996, 2000, 7211, 15000, 29000]
    first = token_states(model, ids)
    assert first.shape == (5, 384)
    assert np.array_equal(first, token_states(model, ids[:2] + ids[2:]))
    assert np.array_equal(first[2:], token_states(model, ids[2:]))  # a token's row does not depend on its batch


def test_split_embedder_gives_articles_and_sentences_to_different_embedders():
    articles, sentences = HashingEmbedder(dim=64), StaticEmbedder(table=_table())
    split = SplitEmbedder(articles, sentences, "hashing+static")
    assert split.embed(["a b c"]).shape == (1, 64)  # the clusterer's vectors are the article embedder's
    assert (split.name, split.story_similarity) == (articles.name, articles.story_similarity)
    assert split.align_similarity == sentences.align_similarity
    assert sentence_embedder(split) is sentences and sentence_embedder(articles) is articles
    embedded = EmbeddedSentences([Sentence("a", 0, "Putin visited Pyongyang")], split)
    assert embedded.embedder is sentences and embedded.vectors.shape == (1, 4)
    assert embedder_stages(split) == {"cluster": articles.name, "sentences": sentences.name}
    assert registered_name(split) == "hashing+static" and registered_name(articles) == "hashing"


def test_minilm_static_embeds_sentences_with_the_table_and_it_ranks_a_rewording_first():
    _minilm()
    embedder, note = load_embedder("minilm+static")
    assert note == "model found; sentences through minilm-static-256"
    assert registered_name(embedder) == "minilm+static" and registered_name(load_embedder("auto")[0]) == "minilm"
    static = sentence_embedder(embedder)
    assert isinstance(static, StaticEmbedder) and static.table.shape == (30522, 256)
    v = static.embed(
        [
            "Putin arrived in Pyongyang on Wednesday for his first visit in 24 years.",
            "Putin landed in Pyongyang on Wednesday, his first trip there in 24 years.",
            "The central bank raised its key interest rate by half a percentage point.",
        ]
    )
    assert v[0] @ v[1] > static.fact_similarity > v[0] @ v[2]
