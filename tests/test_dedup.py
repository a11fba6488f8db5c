import sqlite3

import pytest

import newsprism
from newsprism.dedup import DedupConfig, NearDuplicateIndex
from newsprism.store import SQLiteStore
from newsprism.store.lsh import sqlite_bands

from .conftest import EXAMPLES

WORDS = (
    "officials said the bridge would stay closed for at least three weeks while engineers inspect the cables "
    "and the city council meets to approve emergency funds for repairs that residents have demanded for years "
    "after a series of inspections found rust on several of the steel supports under the eastern span"
).split()


def article(seed: int, length: int = 60) -> str:
    """A distinct text: the same vocabulary in a different order per seed."""
    return " ".join(WORDS[(i * (2 * seed + 1) + seed) % len(WORDS)] for i in range(length))


INDEXES = {"memory": NearDuplicateIndex, "sqlite": lambda: sqlite_bands(sqlite3.connect(":memory:"))}


@pytest.mark.parametrize("kind", sorted(INDEXES))
def test_truncated_and_reheadlined_copies_are_found_and_unrelated_are_not(kind):
    index = INDEXES[kind]()
    original = article(1)
    assert index.add("orig", original) == []
    assert index.add("other", article(7)) == []
    cut = index.add("cut", " ".join(original.split()[:36]))
    assert [(d.first, d.exact) for d in cut] == [("orig", False)]
    assert cut[0].jaccard > 0.4
    framed = index.add("framed", "Bridge shut\n" + original + "\nSubscribe to our newsletter.")
    assert {d.first for d in framed} == {"orig", "cut"}


def test_index_persists_with_the_store_and_checks_new_articles_against_old(tmp_path):
    db = tmp_path / "n.db"
    text = article(3)
    with SQLiteStore(db) as store:
        store.index_near_duplicates([newsprism.records.Article(id="a", title="", text=text)])
    with SQLiteStore(db) as store:
        assert len(store.near_duplicates) == 1
        pairs = store.index_near_duplicates([newsprism.records.Article(id="b", title="", text=text)])
        assert [(p.first, p.second, p.exact) for p in pairs] == [("a", "b", True)]
        assert set(store.near_duplicate_pairs(["a", "b"])) == {frozenset({"a", "b"})}
        assert store.near_duplicate_pairs(["a"]) == {}


def test_readding_is_a_no_op_and_a_changed_text_replaces_the_old():
    index = sqlite_bands(sqlite3.connect(":memory:"))
    index.add("a", article(2))
    assert index.add("b", article(2))
    assert index.add("b", article(2)) == []  # unchanged: nothing new, nothing lost
    assert len(index.pairs(["a", "b"])) == 1
    index.add("b", article(9))  # b now says something else: its old pair goes
    assert index.pairs(["a", "b"]) == []
    assert len(index) == 2


def test_a_version_1_store_is_indexed_when_opened(tmp_path):
    db = tmp_path / "n.db"
    newsprism.analyze([EXAMPLES], db=db, embedder="hashing")
    with sqlite3.connect(db) as raw:
        raw.executescript("DELETE FROM minhashes; DELETE FROM lsh_buckets; DELETE FROM near_duplicates;")
        raw.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    with SQLiteStore(db) as store:
        assert len(store.near_duplicates) == store.count("articles") == 6
        assert store.near_duplicate_pairs(["meridian-wire", "coastal-daily"])


@pytest.mark.parametrize("threshold", [0.0, 1.5])
def test_threshold_is_checked(threshold):
    with pytest.raises(ValueError, match="between"):
        DedupConfig(threshold=threshold)
