"""The MiniLM embedder's bookkeeping around the model: token ids kept lean, a repeated text run once."""

import ctypes
import gc

import numpy as np
import pytest

from newsprism.embed.minilm import ModelUnavailable

SENTENCES = [
    "Putin arrived in Pyongyang early on Wednesday.",
    "The Russian leader landed in North Korea for his first visit in 24 years.",
    "Kim Jong Un met him at the airport.",
    "The two men signed a partnership agreement.",
    "Officials said the talks would cover trade, energy and security.",
    "Analysts in Seoul warned that the pact could deepen military cooperation between the two countries.",
    "Ukraine's foreign ministry called the visit a sign of isolation.",
    "It rained.",
]


def _minilm():
    try:
        from newsprism.embed.minilm import MiniLMEmbedder

        return MiniLMEmbedder()
    except ModelUnavailable:
        pytest.skip("MiniLM is not installed")


def test_tokenising_in_chunks_gives_exactly_the_vectors_of_one_call():
    # in a batch of several, a vector depends on the batch it ran in (the quantized model scales each
    # batch's activations as a whole), so the batches must still be made over the whole call, not per
    # tokenised chunk
    embedder = _minilm()
    embedder.batch_size = 8
    texts = [f"{s} ({i})" for i in range(5) for s in SENTENCES]
    whole = embedder.embed(texts)
    embedder.tokenize_chunk = 7
    assert np.array_equal(embedder.embed(texts), whole)


def test_a_text_given_several_times_runs_through_the_model_once(monkeypatch):
    embedder = _minilm()
    rows: list[int] = []
    mean_states = type(embedder).mean_states
    monkeypatch.setattr(
        type(embedder), "mean_states", lambda self, ids: rows.append(len(ids)) or mean_states(self, ids)
    )
    a, b, c = SENTENCES[:3]
    vectors = embedder.embed([a, b, a, c, a])
    assert rows == [3]
    assert np.array_equal(vectors[[0, 2, 4]], np.repeat(vectors[:1], 3, axis=0))
    assert np.array_equal(vectors[[0, 1, 3]], embedder.embed([a, b, c]))
    assert embedder.embed([]).shape == (0, embedder.dim)


def test_the_runtime_gives_back_the_memory_a_batch_of_long_texts_took():
    from pathlib import Path

    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs Linux's /proc to read the resident size")

    def resident_mb() -> float:
        # what the process holds, not what it freed and the C allocator has not yet handed back: the rest
        # of the suite leaves freed memory behind in varying amounts (a run of the whole suite read 160 MB)
        gc.collect()
        if hasattr(libc := ctypes.CDLL(None), "malloc_trim"):
            libc.malloc_trim(0)
        line = next(line for line in status.read_text().splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024

    embedder = _minilm()
    embedder.embed(["A short warm-up sentence."])
    before = resident_mb()
    # 64 texts of 128 tokens: two batches of 32, each taking some 300 MB while it runs
    embedder.embed([f"Text {i}: " + " ".join(f"word{i}x{j}" for j in range(200)) for i in range(64)])
    assert resident_mb() - before < 120  # with the arena kept: 450 to 650 MB more


def test_a_sentences_vector_does_not_depend_on_what_else_is_embedded() -> None:
    embedder = _minilm()
    # a quantized batch scales its activations by its largest: batched, one story's vectors moved with another's
    texts = ["Oculus raised $2.4 million on Kickstarter in 2012.", "The pier was closed on Monday after cracks."]
    others = ["A much longer sentence about a film festival, a red carpet and a prank, " * 3, "Short."] * 5
    alone = embedder.embed(texts)
    mixed = embedder.embed(others + texts)[len(others) :]
    assert abs(alone - mixed).max() < 1e-5
