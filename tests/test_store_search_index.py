"""The SQLite search index: an article stored again replaces its entry; a new one costs no scan of the index."""

from newsprism.records import Article
from newsprism.store import SQLiteStore


def article(article_id: str, text: str) -> Article:
    return Article(article_id, text, sentences=(text,), source_hash=f"h-{article_id}-{len(text)}")


def test_a_restored_article_is_found_by_its_new_words_only_and_new_ones_cost_no_scan(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        store.put_articles([article("a", "The rocket lifted off."), article("b", "Storms closed the harbour.")])
        scans: list[str] = []
        store.db.set_trace_callback(lambda sql: scans.append(sql) if "DELETE FROM articles_fts" in sql else None)
        store.put_articles([article(f"n{k}", f"Article number {k} about ferries.") for k in range(5)])
        assert scans == []  # FTS5 reads every row to find one by id: none is looked for when none was stored
        store.put_articles([article("a", "The balloon drifted east.")])
        assert len(scans) == 1
        assert [h.article for h in store.search("balloon")] == ["a"] and store.search("rocket") == []
        assert [h.article for h in store.search("harbour")] == ["b"] and len(store.search("ferries")) == 5
