"""spaCy's annotations kept in the store read back as the same Docs, and spare a new process the pipeline."""

import sqlite3

import pytest

from newsprism.analysis import doc_store
from newsprism.analysis.doc_cache import DocCache, installed_model, load_pipeline
from newsprism.store.sqlite import SQLiteStore

MODEL = installed_model()
pytestmark = pytest.mark.skipif(MODEL is None, reason="spaCy or its English model is not installed")

TEXTS = [
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday, the Kremlin said.",
    "Roscosmos and Russian Railways signed deals with the Korean Central News Agency.",
    "He said the talks would go on. They hugged twice.",  # names nobody: entities done without the recogniser
    "The index’s mission statement reads: “don’t stop”.",  # the tokenizer's own norms ("’s", "n’t")
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL)


def reading(doc):
    tokens = [
        (t.text, t.whitespace_, t.norm_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for t in doc
    ]
    tokens += [(t.ent_iob_, t.ent_type_) for t in doc]
    sentences = [s.text for s in doc.sents] if doc.has_annotation("DEP") else []  # an unparsed Doc has none
    return tokens, [(e.start, e.end, e.label_) for e in doc.ents], sentences


def test_a_packed_doc_reads_back_the_same_with_its_stages(nlp):
    cache = DocCache(nlp)
    entities = cache.docs(TEXTS, "entities")
    parsed = cache.docs(TEXTS[1:], "parse")
    fresh = load_pipeline(MODEL).vocab  # a new process's strings: lemmas, tags and morphs are added back
    for doc, stages in [(entities[0], {"entities"}), *((d, {"entities", "parse"}) for d in parsed)]:
        back, done = doc_store.unpack(fresh, doc_store.pack(doc, stages))
        assert done == stages | {"tokens"}
        assert reading(back) == reading(doc)
    back, _ = doc_store.unpack(fresh, doc_store.pack(entities[0], {"entities"}))
    assert not back.has_annotation("DEP")  # a Doc not parsed is not read as parsed


def test_a_new_cache_reads_the_kept_annotations_and_runs_nothing(nlp, monkeypatch):
    store = SQLiteStore(":memory:")
    first = DocCache(nlp)
    with doc_store.kept_in(store):
        first.docs(TEXTS[:1], "entities")
        annotated = [reading(d) for d in first.docs(TEXTS, "parse")]
    assert len(store.annotations([doc_store.annotation_key(first.pipeline, t) for t in TEXTS])) == len(TEXTS)
    second = DocCache(nlp)  # as a new process would have it

    def refuse(entries, stage):
        assert not entries, f"annotated again: {stage}"

    monkeypatch.setattr(second, "_annotate", refuse)
    with doc_store.kept_in(store):
        assert [reading(d) for d in second.docs(TEXTS, "parse")] == annotated
        second.docs(TEXTS[:1], "entities")
    third = DocCache(nlp)
    monkeypatch.setattr(third, "_annotate", refuse)
    with pytest.raises(AssertionError, match="entities"), doc_store.kept_in(store):
        third.docs(TEXTS[1:2], "entities")  # kept parsed, never given entities: the recogniser must run


def test_annotations_are_written_when_the_block_ends_and_not_without_one(nlp):
    store = SQLiteStore(":memory:")
    cache = DocCache(nlp)
    key = doc_store.annotation_key(cache.pipeline, TEXTS[0])
    cache.docs(TEXTS[:1], "entities")
    with doc_store.kept_in(store):
        cache.docs(TEXTS[:1], "parse")
        assert store.annotations([key]) == {}
    _, done = doc_store.unpack(nlp.vocab, store.annotations([key])[key])
    assert done == {"tokens", "entities", "parse"}


def test_the_key_names_the_pipeline_and_the_version(monkeypatch):
    key = doc_store.annotation_key("en_core_web_sm 3.8.0", "A text.")
    assert key != doc_store.annotation_key("en_core_web_sm 3.7.1", "A text.")
    monkeypatch.setattr(doc_store, "VERSION", "0")
    assert key != doc_store.annotation_key("en_core_web_sm 3.8.0", "A text.")


def test_a_version_5_store_gains_the_annotations_table(tmp_path):
    db = tmp_path / "n.db"
    with SQLiteStore(db):
        pass
    with sqlite3.connect(db) as raw:
        raw.executescript("DROP TABLE annotations; UPDATE meta SET value = '5' WHERE key = 'store_version';")
    with SQLiteStore(db) as store:
        store.put_annotations({"k": b"12"})
        store.put_annotations({"k": b"1234"})  # a text annotated further replaces what it had
        assert store.annotations(["k", "missing"]) == {"k": b"1234"}


def test_a_story_analysed_with_a_store_keeps_its_sentences_annotations():
    from newsprism.analysis.base import StoryContext
    from newsprism.analysis.doc_cache import shared
    from newsprism.analysis.ner import SpacyRecognizer
    from newsprism.analysis.runner import AnalysisRun
    from newsprism.config import Settings
    from newsprism.embed import load_embedder
    from newsprism.records import Article, Story

    sentences = (TEXTS[0], "Kim Jong Un greeted Putin at the airport in Pyongyang.")
    articles = tuple(Article(f"a{n}", " ".join(sentences[n:]), sentences=sentences[n:]) for n in range(2))
    store = SQLiteStore(":memory:")
    context = StoryContext(Story("s", articles), Settings(), load_embedder("hashing")[0], SpacyRecognizer())
    AnalysisRun(context, store).run()
    keys = [doc_store.annotation_key(shared().pipeline, text) for text in sentences]
    kept = {key: doc_store.unpack(shared().nlp.vocab, packed)[1] for key, packed in store.annotations(keys).items()}
    assert [kept.get(key, set()) >= {"entities"} for key in keys] == [True, True]
