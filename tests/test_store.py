import json

import newsprism
from newsprism.store import SQLiteStore

from .conftest import EXAMPLES


def test_second_run_reuses_stored_articles_and_analyses(tmp_path, monkeypatch):
    db = tmp_path / "n.db"
    first = newsprism.analyze([EXAMPLES], db=db)
    calls = []
    from newsprism.analysis.runner import AnalysisRun
    from newsprism.articles.pipeline import Pipeline

    monkeypatch.setattr(Pipeline, "extract", lambda self, doc: calls.append(doc))
    monkeypatch.setattr(AnalysisRun, "run", lambda self: calls.append(self))
    second = newsprism.analyze([EXAMPLES], db=db)
    assert calls == []
    assert json.loads(second.to_json())["stories"] == json.loads(first.to_json())["stories"]
    with SQLiteStore(db) as store:
        assert store.count("articles") == 6 and store.count("stories") == 2


def test_same_input_twice_stores_once(tmp_path):
    db = tmp_path / "n.db"
    report = newsprism.analyze([EXAMPLES, EXAMPLES / "valley-times.txt"], db=db)
    assert len(report.articles) == 6 and not report.skipped
    with SQLiteStore(db) as store:
        assert store.count("articles") == 6


def test_changed_input_is_extracted_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("Storm Hits Coast\nA storm hit the coast on Monday and closed the roads.")
    db = tmp_path / "n.db"
    newsprism.analyze([folder], db=db)
    path.write_text("Storm Hits Coast\nA storm hit the coast on Tuesday and closed the roads.")
    report = newsprism.analyze([folder], db=db)
    assert "Tuesday" in report.articles[0].text
    with SQLiteStore(db) as store:
        assert "Tuesday" in store.article("a").text


def test_a_version_2_store_is_upgraded_in_place(tmp_path):
    import sqlite3

    db = tmp_path / "n.db"
    first = newsprism.analyze([EXAMPLES], db=db, embedder="hashing")
    with sqlite3.connect(db) as raw:  # the tables and column version 3 added, gone
        raw.executescript(
            "DROP TABLE outlet_lines; DROP TABLE analysis_parts; ALTER TABLE articles DROP COLUMN extracted;"
            "UPDATE meta SET value = '2' WHERE key = 'store_version';"
        )
    again = newsprism.api.report(db=db, embedder="hashing")
    assert json.loads(again.to_json())["stories"] == json.loads(first.to_json())["stories"]
    with SQLiteStore(db) as store:
        assert store.repeated_lines(["meridian-wire"], 1)["meridian-wire"]  # its lines were counted


def test_an_analysis_written_back_late_keeps_the_members_another_process_added(tmp_path):
    # process A analyses a story while process B places a new article in it: A's analysis, of the
    # story as it was, must not take B's article out of its story
    db = tmp_path / "n.db"
    first = tmp_path / "first"
    first.mkdir()
    for name in ("valley-times.txt", "meridian-wire.json"):
        (first / name).write_text((EXAMPLES / name).read_text())
    done = newsprism.api.ingest([first], db=db, embedder="hashing")
    [story] = [s for s in done.stories if len(s.articles) == 2]
    late = {"id": story.id, "articles": list(story.article_ids), "title": "as A saw it"}
    newsprism.api.ingest([EXAMPLES], db=db, embedder="hashing")  # process B: the rest of the examples
    with SQLiteStore(db) as store:
        grown = store.story_members(story.id)
        assert len(grown) > 2
        store.put_story(late, "key-of-A")
        assert sorted(store.story_members(story.id)) == sorted(grown)
        assert store.analysis(story.id, "key-of-A")["title"] == "as A saw it"


def test_a_story_merged_away_meanwhile_is_not_written_back(tmp_path):
    db = tmp_path / "n.db"
    newsprism.api.ingest([EXAMPLES], db=db, embedder="hashing")
    with SQLiteStore(db) as store:
        [(kept, members)] = [(s.id, store.story_members(s.id)) for s in store.stories_overview()][:1]
        store.put_story({"id": "s-merged-away", "articles": members, "title": "stale"}, "key")
        assert store.story_of(members) == dict.fromkeys(members, kept)  # each still in one story
        assert store.analysis("s-merged-away", "key") is None


def test_a_story_of_articles_in_no_story_yet_records_them(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:  # --one-story: the story is written with its analysis
        store.put_story({"id": "s-one", "articles": ["a", "b"]}, "key")
        assert store.story_members("s-one") == ["a", "b"]


def test_the_sqlite_store_syncs_its_log_at_checkpoints_not_at_every_commit(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
