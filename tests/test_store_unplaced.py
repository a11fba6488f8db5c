"""Unplaced articles the caller already holds are not read back from the store again."""

import json

from newsprism.records import Article
from newsprism.store import SQLiteStore


def test_unplaced_articles_pass_over_the_known_ones_unread(tmp_path, monkeypatch):
    with SQLiteStore(tmp_path / "n.db") as store:
        store.put_articles([Article(k, f"Text {k}.", sentences=(f"Text {k}.",), source_hash=k) for k in "abc"])
        store.put_members({"s-1": ["a"]})
        parsed: list[str] = []
        loads = json.loads
        monkeypatch.setattr(json, "loads", lambda text: parsed.append(text) or loads(text))
        assert [a.id for a in store.unplaced_articles(known={"b"})] == ["c"]
        assert len(parsed) == 1  # only c's row was parsed
        assert [a.id for a in store.unplaced_articles()] == ["b", "c"]
