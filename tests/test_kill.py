"""``kill -9`` an ingest at ten points, run it again: the store is whole, every article is stored once and
is in exactly one story, and the stories are those of an uninterrupted run (issue 18).

Articles come from a file, and from a feed whose pages are fetched from a server on 127.0.0.1. CI kills
forks of the test process (a fresh interpreter would spend most of the run importing);
``bench/bench_reliability.py`` kills the ``newsprism ingest`` command on 3,000 articles.
"""

from collections import Counter

from newsprism import api

from .stress import corpus, kill_points, write_jsonl
from .webserver import NewsSite

ARTICLES, TOPICS, POINTS, SEED = 160, 16, 10, 18
# A feed of pages served slowly enough that the kill points fall while they are fetched.
WEB_PAGES, PAGE_DELAY, WEB_POINTS = 40, 0.03, 5


def test_an_ingest_killed_at_ten_points_and_run_again_stores_as_an_uninterrupted_one(tmp_path):
    records = corpus(ARTICLES, TOPICS)
    inputs = [write_jsonl(records, tmp_path / "news.jsonl")]
    # load what an ingest loads on first use here, once, rather than in every fork
    api.ingest([write_jsonl(records[:20], tmp_path / "warm.jsonl")], db=tmp_path / "warm.db", embedder="hashing")
    took, points = kill_points(inputs, {r["id"] for r in records}, tmp_path, POINTS, SEED, command=False, log=print)
    failed = [p for p in points if not p.survived]
    assert not failed, failed
    phases = Counter(p.phase for p in points)
    # most points fall while articles are read, stored and clustered, not before or after the work
    working = phases["reading, before the first batch"] + phases["reading and storing"] + phases["clustering"]
    assert working >= POINTS // 2 and phases["finished before the kill"] <= 2, (took, phases)


def test_an_ingest_of_a_feed_killed_while_fetching_and_run_again_stores_as_an_uninterrupted_one(tmp_path):
    site = NewsSite(items=WEB_PAGES, page_delay=PAGE_DELAY)
    try:
        feed = [f"{site.url}/feed.xml"]
        api.ingest(feed, db=tmp_path / "warm.db", embedder="hashing", allow_private=True, delay=0)
        took, points = kill_points(feed, None, tmp_path, WEB_POINTS, SEED, command=False, web=True)
    finally:
        site.close()
    failed = [p for p in points if not p.survived]
    assert not failed, failed
    # the pages come in one or two batches: most points fall while they are fetched, before or after the first
    assert sum(p.phase.startswith("reading") for p in points) >= 3, (took, [p.phase for p in points])
