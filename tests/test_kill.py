"""``kill -9`` an ingest at ten points, run it again: the store is whole, every article is stored once and
is in exactly one story, and the stories are those of an uninterrupted run (issue 18).

CI kills forks of the test process (a fresh interpreter would spend most of the run importing);
``bench/bench_reliability.py`` kills the ``newsprism ingest`` command on 3,000 articles.
"""

from collections import Counter

from newsprism import api

from .stress import corpus, kill_points, write_jsonl

ARTICLES, TOPICS, POINTS, SEED = 160, 16, 10, 18


def test_an_ingest_killed_at_ten_points_and_run_again_stores_as_an_uninterrupted_one(tmp_path):
    records = corpus(ARTICLES, TOPICS)
    inputs = [write_jsonl(records, tmp_path / "news.jsonl")]
    # load what an ingest loads on first use here, once, rather than in every fork
    api.ingest([write_jsonl(records[:20], tmp_path / "warm.jsonl")], db=tmp_path / "warm.db", embedder="hashing")
    took, points = kill_points(inputs, {r["id"] for r in records}, tmp_path, POINTS, SEED, command=False, log=print)
    failed = [p for p in points if not p.survived]
    assert not failed, failed
    phases = Counter(p.phase for p in points)
    # the points fall while articles are read and stored and later: not all before anything happened
    assert phases["reading and storing"] >= 3, (took, phases)
    assert len(phases) >= 2, (took, phases)
