"""Dates no news article has (9999-12-31, the year 1, a week from now) are kept in the record but not
used to order articles or to time stories, and the run warns about them (issue 18)."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from newsprism import api
from newsprism.cluster import publication_order, timestamp
from newsprism.cluster.features import date_out_of_range
from newsprism.records import Article
from newsprism.store import SQLiteStore

STORM = (
    "A powerful storm hit the northern coast of Maine on Monday, cutting power to 40,000 homes and closing "
    "schools in Portland, Bangor and Augusta. Governor Janet Mills declared a state of emergency as "
    "coastal roads flooded and crews worked through the night to clear fallen trees."
)


def record(article_id: str, published: str, extra: str = "") -> str:
    text = STORM + extra
    return json.dumps({"id": article_id, "title": "Storm batters Maine coast", "text": text, "published": published})


def story_of(db, article_id: str) -> str:
    with SQLiteStore(db) as store:
        return store.story_of([article_id])[article_id]


def test_a_far_future_date_does_not_close_its_story_to_later_articles(tmp_path):
    # the bug: the story of the 9999 article was "last grown" in the year 9999, so every later article
    # was ages away from it and started a story of its own
    first = tmp_path / "first.jsonl"
    first.write_text(record("b", "9999-12-31", " Power returned by Tuesday."))
    db = tmp_path / "n.db"
    done = api.ingest([first], db=db, embedder="hashing")
    [warning] = done.skipped
    assert warning.input == f"{first}:1"
    assert "9999-12-31" in warning.reason and "not used" in warning.reason
    assert done.articles[0].published == "9999-12-31"  # kept in the record
    later = tmp_path / "later.jsonl"
    later.write_text(record("a", "2024-06-19") + "\n" + record("c", "2024-06-20", " Schools reopened on Wednesday."))
    again = api.ingest([later], db=db, embedder="hashing")
    assert not again.skipped
    assert story_of(db, "a") == story_of(db, "b") == story_of(db, "c")
    with SQLiteStore(db) as store:
        assert store.count("articles") == 3


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-01T00:00:00", "1066-10-14", "9999-12-31T23:59:59-12:00"])
def test_out_of_range_dates_are_undated_for_clustering(published):
    assert date_out_of_range(published)
    assert timestamp(published) is None  # the year 1 used to raise ValueError here
    dated = Article(id="z", text="x", published="2024-06-19")
    odd = Article(id="a", text="x", published=published)
    assert [a.id for a in publication_order([odd, dated])] == ["z", "a"]  # last, like an undated one


def test_dates_within_range_are_used():
    soon = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    later = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    for published in ("1800-01-01", "2024-06-19", "2024-06-19T08:00:00+09:00", soon):
        assert not date_out_of_range(published) and timestamp(published) is not None
    assert date_out_of_range(later) and timestamp(later) is None
    assert not date_out_of_range(None) and not date_out_of_range("not a date")


def test_an_ingest_with_the_year_one_places_its_articles(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_text(record("a", "2024-06-19") + "\n" + record("b", "0001-01-01", " Power returned by Tuesday."))
    done = api.ingest([path], db=tmp_path / "n.db", embedder="hashing")
    assert sorted(m.id for s in done.stories for m in s.articles) == ["a", "b"]
    assert "before 1800" in done.skipped[0].reason


def test_a_strict_run_warns_but_stores_an_article_with_an_odd_date(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(record("b", "9999-12-31"))
    done = api.ingest([path], db=tmp_path / "n.db", embedder="hashing", strict=True)
    assert [a.id for a in done.articles] == ["b"] and "9999-12-31" in done.skipped[0].reason


def test_an_article_older_than_the_newest_of_its_run_joins_its_stored_story(tmp_path):
    # the stories loaded for a run were those open at its newest article, so a run that also held a
    # later, unrelated article left the stored story of an older one out: it started a second story
    db = tmp_path / "n.db"
    first = tmp_path / "first.jsonl"
    first.write_text(record("a", "2024-05-01T08:00:00+00:00") + "\n" + record("b", "2024-05-01T12:00:00+00:00", " Ok."))
    api.ingest([first], db=db, embedder="hashing")
    later = tmp_path / "later.jsonl"
    other = {"id": "x", "title": "Central bank holds rates", "published": "2024-05-20",
             "text": "The central bank kept its main interest rate at 4.5 percent on Tuesday, citing slowing inflation "
                     "and a weaker labour market, and said it would wait for more data before cutting."}  # fmt: skip
    later.write_text(record("c", "2024-05-02T09:00:00+00:00", " Schools reopened.") + "\n" + json.dumps(other))
    api.ingest([later], db=db, embedder="hashing")
    assert story_of(db, "c") == story_of(db, "a") != story_of(db, "x")
