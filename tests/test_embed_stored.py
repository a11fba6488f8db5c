"""Sentence vectors kept in the store: computed once, read back for a story that grows."""

import json
import shutil
import sqlite3

import numpy as np

import newsprism
from newsprism.embed import HashingEmbedder, SplitEmbedder
from newsprism.embed.stored import StoredVectors, vector_key, with_stored_vectors
from newsprism.store import SQLiteStore

from .conftest import EXAMPLES


class Counting(HashingEmbedder):
    """Hashed n-grams that count the texts they embed and ask to be stored, as MiniLM does."""

    store_vectors = True

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        return super().embed(texts)


def test_a_text_is_embedded_once_and_read_back_in_the_order_asked(tmp_path):
    inner = Counting()
    with SQLiteStore(tmp_path / "n.db") as store:
        stored = StoredVectors(inner, store)
        first = stored.embed(["a cat", "a dog"])
        again = stored.embed(["a dog", "a bird", "a cat", "a dog"])
        assert inner.texts == ["a cat", "a dog", "a bird"]
        assert np.array_equal(again, HashingEmbedder().embed(["a dog", "a bird", "a cat", "a dog"]))
        assert np.array_equal(again[[2, 0]], first)
        assert stored.embed([]).shape == (0, inner.dim)
        # another embedder's vector for the same text is another row
        assert vector_key(inner.name, "a cat") != vector_key("other", "a cat")


def test_only_embedders_worth_it_are_stored_and_the_wrapper_stands_for_them(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        plain = HashingEmbedder()
        assert with_stored_vectors(plain, store) is plain
        split = SplitEmbedder(HashingEmbedder(), Counting(), "test")
        split.languages = frozenset({"en", "fr"})
        stored = with_stored_vectors(split, store)
        assert isinstance(stored, StoredVectors) and stored.inner is split.sentences
        assert (stored.name, stored.dim, stored.align_similarity, stored.fact_similarity, stored.languages) == (
            split.sentences.name,
            split.sentences.dim,
            split.sentences.align_similarity,
            split.sentences.fact_similarity,
            frozenset({"en", "fr"}),
        )


def test_a_story_that_grows_embeds_only_its_new_sentences(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("meridian-wire.json", "state-broadcaster.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    db = tmp_path / "n.db"
    first = Counting()
    newsprism.analyze([folder], db=db, embedder=first)
    seen = set(first.texts)
    shutil.copy(EXAMPLES / "valley-times.txt", folder / "valley-times.txt")
    grown = Counting()
    report = newsprism.analyze([folder], db=db, embedder=grown)
    assert len(report.stories[0]["articles"]) == 3
    added = next(a for a in report.articles if a.id not in {"meridian-wire", "state-broadcaster"})
    analysed = [t for t in grown.texts if t in set(added.sentences)]
    assert analysed and not seen & set(grown.texts)  # nothing embedded the first time is embedded again
    # the analyses read the stored vectors as those of a fresh database computed them (the story's id
    # comes from its history)
    fresh = newsprism.analyze([folder], db=tmp_path / "fresh.db", embedder=Counting())
    grown_story, fresh_story = (json.loads(r.to_json())["stories"][0] for r in (report, fresh))
    assert {**grown_story, "id": ""} == {**fresh_story, "id": ""}


def test_a_version_4_store_gains_the_vectors_table(tmp_path):
    db = tmp_path / "n.db"
    with SQLiteStore(db):
        pass
    with sqlite3.connect(db) as raw:
        raw.executescript("DROP TABLE sentence_vectors; UPDATE meta SET value = '4' WHERE key = 'store_version';")
    with SQLiteStore(db) as store:
        store.put_sentence_vectors({"k": b"1234"})
        assert store.sentence_vectors(["k", "missing"]) == {"k": b"1234"}
