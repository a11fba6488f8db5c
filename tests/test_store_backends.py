"""The Store protocol, every operation, on both backends: SQLite and PostgreSQL (a throwaway cluster,
see ``tests/pgserver.py``). A backend that stores, finds or forgets differently fails here."""

import json
import subprocess
import sys

import numpy as np
import pytest

import newsprism
from newsprism.api import ingest, report
from newsprism.cluster import ClusterState, StoryState
from newsprism.errors import StoreError, UsageError
from newsprism.inputs.fetch import Fetched
from newsprism.records import Article, Skipped
from newsprism.store import OutletLines, open_store

from .conftest import ROOT
from .stress import corpus, environment, overlapping_inputs

TEXT = "The rocket lifted off from the coast on Tuesday morning after two delays caused by wind and rain."


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "n.db")
    return request.getfixturevalue("postgres_url")


def article(article_id, text=TEXT, **fields):
    return Article(article_id, text, sentences=(text,), source_hash=f"h-{article_id}-{len(text)}", **fields)


def test_articles_are_stored_once_and_read_back_whole(location):
    with open_store(location) as store:
        store.put_articles([article("a", title="Launch", outlet="Wire"), article("b")])
        store.put_articles([article("a", text=TEXT + " Later.", title="Launch 2")])
        assert store.count("articles") == 2
        got = store.article("a")
        assert got is not None and got.title == "Launch 2" and got.text.endswith("Later.") and got.outlet is None
        assert set(store.articles(["a", "b", "missing"])) == {"a", "b"}
        assert store.article("missing") is None


def test_extracted_form_is_kept_until_replaced(location):
    with open_store(location) as store:
        store.put_articles([article("a", text="clean")], extracted=[article("a", text="raw text")])
        store.put_articles([article("a", text="clean again")])  # no new extracted form: the old one stays
        assert store.extracted(["a"])["a"].text == "raw text"
        store.put_articles([article("b")])
        assert store.extracted(["b"])["b"].text == TEXT  # never extracted apart: the article itself


def test_unplaced_articles_leave_out_pages_and_placed_ones(location):
    with open_store(location) as store:
        store.put_articles([article("a"), article("b"), Article("p", "Sign in", kind="sign-in page")])
        store.put_members({"s-1": ["a"]})
        assert [a.id for a in store.unplaced_articles()] == ["b"]


def test_search_needs_every_word_and_marks_the_match(location):
    with open_store(location) as store:
        store.put_articles([article("a"), article("b", text="Storms closed the harbour on Monday.")])
        hits = store.search("rocket wind")
        assert [h.article for h in hits] == ["a"] and "[" in hits[0].snippet
        assert store.search("rocket harbour") == []
        assert store.search("   ") == []
        # a NUL ends SQLite's string and PostgreSQL refuses it: control characters only separate words
        assert store.search("\x00") == []
        assert [h.article for h in store.search("rocket\x00wind")] == ["a"]


def test_outlet_lines_count_across_batches(location):
    with open_store(location) as store:
        store.put_outlet_lines({"a": OutletLines("Wire", frozenset({"k1", "k2"}))})
        flipped = store.put_outlet_lines({"b": OutletLines("Wire", frozenset({"k1"}))})
        assert flipped == ["a"]  # k1 is now held by two of Wire's articles
        assert store.repeated_lines(["a", "b"], 2) == {"a": {"k1"}, "b": {"k1"}}


def test_near_duplicates_are_found_and_kept(location):
    with open_store(location) as store:
        assert store.index_near_duplicates([article("a")]) == []
        found = store.index_near_duplicates([article("b", text=TEXT.upper())])
        assert [(d.first, d.second, d.exact) for d in found] == [("a", "b", True)]
        assert set(store.near_duplicate_pairs(["a", "b"])) == {frozenset({"a", "b"})}
        assert store.near_duplicate_pairs(["a"]) == {}


def test_cluster_state_round_trips_and_merges_forget_the_story(location):
    state = ClusterState()
    state.count_document({"rocket": 1.0, "wind": 2.0})
    state.add_story(StoryState("s-1", {"rocket": 0.8}, np.array([0.5, 0.25], np.float32), 2, 1700000000.5))
    state.add_story(StoryState("s-2", {"wind": 0.3}, np.array([1.0, 0.0], np.float32), 1, None))
    with open_store(location) as store:
        store.put_cluster_state(state, "hashing")
        store.put_members({"s-1": ["a", "b"], "s-2": ["c"]})
        loaded = store.cluster_state("hashing", since=None)
        assert loaded.docs == 1 and loaded.df == state.df
        assert loaded.stories["s-1"].last == 1700000000.5 and loaded.stories["s-2"].last is None
        assert loaded.stories["s-1"].vector.tolist() == [0.5, 0.25]
        assert store.cluster_state("minilm", since=None).stories["s-1"].vector.size == 0  # another space
        assert set(store.cluster_state("hashing", since=1800000000.0).stories) == {"s-2"}  # undated stays open
        state.drop_story("s-2", merged_into="s-1")
        store.put_cluster_state(state, "hashing")
        assert set(store.cluster_state("hashing", since=None).stories) == {"s-1"}
        assert store.story_of(["a", "c"]) == {"a": "s-1"}
        assert store.story_members("s-1") == ["a", "b"]


def test_stories_and_analyses(location):
    with open_store(location) as store:
        store.put_members({"s-1": ["a", "b"], "s-2": ["c"]})
        store.put_story({"id": "s-2", "title": "Harbour", "articles": ["c", "d"]}, "key-1")
        assert [(o.id, o.size, o.title) for o in store.stories_overview()] == [("s-1", 2, ""), ("s-2", 2, "Harbour")]
        assert store.analysis("s-2", "key-1")["title"] == "Harbour" and store.analysis("s-2", "key-2") is None
        store.put_analysis_part("s-1", "facts", "k1", {"n": 1})
        store.put_analysis_part("s-1", "facts", "k2", {"n": 2})
        assert store.analysis_part("s-1", "facts", "k1") is None
        assert store.analysis_part("s-1", "facts", "k2") == {"n": 2}


def test_fetch_log_validators_and_skipped(location):
    with open_store(location) as store:
        store.record_fetch(Fetched("http://127.0.0.1/a", 200, b"body", etag='"e1"'))
        store.record_fetch(Fetched("http://127.0.0.1/a", 0, error="timed out"))
        assert store.fetch_count() == 2 and store.fetch_count("http://127.0.0.1/a") == 2
        store.put_validators({"http://127.0.0.1/a": ('"e1"', None)})
        store.put_validators({"http://127.0.0.1/a": ('"e2"', "Mon, 01 Jan 2024 00:00:00 GMT")})
        assert store.validators("http://127.0.0.1/a") == ('"e2"', "Mon, 01 Jan 2024 00:00:00 GMT")
        assert store.validators("http://127.0.0.1/b") == (None, None)
        store.put_skipped([Skipped("x.bin", "binary")])
        assert store.count("skipped") == 1


def test_a_failed_transaction_stores_nothing(location):
    with open_store(location) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.put_articles([article("a")])
            store.put_skipped([Skipped("x", "y")])
            raise RuntimeError("interrupted")
        assert store.count("articles") == 0 and store.count("skipped") == 0
        with store.transaction():
            store.put_articles([article("a")])
        assert store.count("articles") == 1


def test_the_seed_story_reports_the_same_on_both_backends(seed_dir, postgres_url, tmp_path):
    lite = newsprism.analyze([seed_dir], db=tmp_path / "seed.db", embedder="hashing")
    pg = newsprism.analyze([seed_dir], db=postgres_url, embedder="hashing")
    assert json.dumps(pg.to_dict()["stories"], sort_keys=True) == json.dumps(lite.to_dict()["stories"], sort_keys=True)
    again = report(db=postgres_url, embedder="hashing")  # from the stored analyses
    assert [s["id"] for s in again.stories] == [s["id"] for s in pg.stories]


def test_a_postgres_store_that_cannot_be_reached_is_one_clear_error(postgres_server):
    port = postgres_server.rsplit(":", 1)[1].split("/")[0]
    with pytest.raises(StoreError, match=r"cannot connect"):
        open_store(f"postgresql://nobody:secret@127.0.0.1:{port}/no_such_database")
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://nobody:secret@127.0.0.1:{port}/no_such_database")
    assert "secret" not in str(err.value)
    with pytest.raises(UsageError, match="unknown kind of database"):
        open_store("mysql://127.0.0.1/x")


# each process loads everything first, then waits for the others, so the four ingests overlap
INGEST = """
import sys
from newsprism.api import ingest
from newsprism.embed import load_embedder
load_embedder("hashing")
print("ready", flush=True)
sys.stdin.readline()
ingest(sys.argv[2:], db=sys.argv[1], embedder="hashing")
"""


def test_four_processes_ingest_into_one_postgres_database_at_once(postgres_url, tmp_path):
    # the SQLite concurrency test's corpus and overlapping inputs (tests/stress.py)
    records = corpus(96, 6)
    inputs = overlapping_inputs(records, tmp_path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", INGEST, postgres_url, *map(str, paths)],
            cwd=ROOT,
            env=environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in inputs
    ]
    for run in runs:
        assert run.stdout is not None and run.stdout.readline().strip() == "ready"
    for run in runs:  # go
        assert run.stdin is not None
        run.stdin.write("go\n")
        run.stdin.flush()
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    serial = tmp_path / "serial.db"
    ingest(sorted({path for paths in inputs for path in paths}), db=serial, embedder="hashing")
    with open_store(postgres_url) as shared, open_store(serial) as alone:
        assert shared.count("articles") == alone.count("articles") == len(records)
        members = {o.id: sorted(shared.story_members(o.id)) for o in shared.stories_overview()}
        placed = [a for group in members.values() for a in group]
        assert len(placed) == len(set(placed)) == shared.count("articles")  # every article in exactly one story
        expected = sorted(sorted(alone.story_members(o.id)) for o in alone.stories_overview())
        assert sorted(members.values()) == expected


def test_the_cli_takes_the_database_from_newsprism_db(postgres_url, monkeypatch, capsys):
    from newsprism.cli import main

    from .conftest import EXAMPLES

    monkeypatch.setenv("NEWSPRISM_DB", postgres_url)
    assert main(["ingest", str(EXAMPLES), "--embedder", "hashing"]) == 0
    capsys.readouterr()
    assert main(["stories"]) == 0
    assert "5 articles" in capsys.readouterr().out
    with open_store(postgres_url) as store:
        assert store.count("articles") == 6


def test_stored_stories_and_their_version_move_with_every_change(location):
    with open_store(location) as store:
        versions = [store.stories_version()]
        store.put_members({"s-1": ["a"]})
        versions.append(store.stories_version())
        store.put_story({"id": "s-1", "title": "One", "articles": ["a"]}, "k1")
        versions.append(store.stories_version())
        store.put_story({"id": "s-1", "title": "One again", "articles": ["a"]}, "k2")  # the same row, rewritten
        versions.append(store.stories_version())
        assert len(set(versions)) == len(versions)
        stored = store.stored_stories()
        assert list(stored) == ["s-1"] and stored["s-1"].data["title"] == "One again" and stored["s-1"].stored_at
        assert store.stored_stories(["s-2"]) == {}


def test_closing_a_store_twice_is_harmless(location):
    store = open_store(location)
    store.close()
    store.close()
    with open_store(location) as again:  # a PostgreSQL pool still hands out a working connection
        assert again.count("articles") == 0


def test_watched_feeds_are_kept_polled_and_forgotten(location):
    from newsprism.store.feeds import FeedPoll

    with open_store(location) as store:
        assert store.watched_feeds() == []
        first = store.watch_feed("https://a.example/feed.xml", "2026-01-01T00:00:00Z")
        assert first.polls == 0 and first.last_poll is None and first.stories == ()
        store.watch_feed("https://b.example/rss", "2026-01-02T00:00:00Z")
        store.record_poll(FeedPoll("https://a.example/feed.xml", "2026-01-03T00:00:00Z", 3, ("s-1", "s-2")))
        store.record_poll(FeedPoll("https://a.example/feed.xml", "2026-01-04T00:00:00Z", 0, (), "nothing new"))
        again = store.watch_feed("https://a.example/feed.xml", "2026-02-01T00:00:00Z")  # watched already: kept
        assert again.added == "2026-01-01T00:00:00Z" and again.polls == 2
        store.record_poll(FeedPoll("https://gone.example/", "2026-01-04T00:00:00Z", 5))  # not watched: no row
    with open_store(location) as store:  # another connection, as after a restart
        a, b = store.watched_feeds()
        assert (a.url, a.polls, a.last_poll, a.new_articles, a.last_new, a.note) == (
            "https://a.example/feed.xml", 2, "2026-01-04T00:00:00Z", 3, 0, "nothing new")  # fmt: skip
        assert b.url == "https://b.example/rss" and b.polls == 0
        assert store.unwatch_feed(b.url) and not store.unwatch_feed(b.url)
        assert [f.url for f in store.watched_feeds()] == [a.url]
        store.record_poll(FeedPoll(a.url, "2026-01-05T00:00:00Z", 2, ("s-3",)))
        assert store.watched_feeds()[0].to_dict()["stories"] == ["s-3"]


def test_a_version_3_sqlite_store_gains_the_watched_feeds(tmp_path):
    import sqlite3

    db = tmp_path / "v3.db"
    open_store(db).close()
    with sqlite3.connect(db) as raw:
        raw.executescript("DROP TABLE feeds; UPDATE meta SET value = '3' WHERE key = 'store_version';")
    with open_store(db) as store:
        store.watch_feed("https://example.org/feed.xml", "2026-01-01T00:00:00Z")
        assert [f.url for f in store.watched_feeds()] == ["https://example.org/feed.xml"]


def test_sentence_vectors_are_kept_once_and_read_back_as_bytes(location):
    vector = np.arange(4, dtype=np.float32).tobytes()
    with open_store(location) as store:
        store.put_sentence_vectors({"k1": vector})
        store.put_sentence_vectors({"k1": b"other", "k2": vector[:8]})  # a key stored once keeps its vector
        assert store.sentence_vectors(["k1", "k2", "k3"]) == {"k1": vector, "k2": vector[:8]}


def test_annotations_are_replaced_when_a_text_is_annotated_further(location):
    with open_store(location) as store:
        store.put_annotations({"k1": b"tokens", "k2": b"parse"})
        store.put_annotations({"k1": b"entities"})
        assert store.annotations(["k1", "k2", "k3"]) == {"k1": b"entities", "k2": b"parse"}
