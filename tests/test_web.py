import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from newsprism.cli import main
from newsprism.inputs.fetch import Fetcher
from newsprism.store import SQLiteStore

from .webserver import NewsSite


@pytest.fixture
def site():
    server = NewsSite(items=3)
    yield server
    server.close()


def run(args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_private_addresses_are_refused_by_default(site, tmp_path, capsys):
    code, _, err = run(["ingest", f"{site.url}/feed.xml", "--db", tmp_path / "n.db", "--delay", "0"], capsys)
    assert code == 1
    assert site.requests == []  # not even robots.txt
    assert "127.0.0.1" in err and "--allow-private" in err


def test_feed_pages_fetched_once_robots_obeyed_and_second_run_is_conditional(site, tmp_path, capsys):
    db = tmp_path / "n.db"
    args = ["ingest", f"{site.url}/feed.xml", "--db", db, "--allow-private", "--delay", "0", "--embedder", "hashing"]
    code, _, err = run(args, capsys)
    assert code == 0, err
    counts = Counter(site.paths())
    assert counts["/robots.txt"] == 1 and counts["/feed.xml"] == 1
    assert all(counts[f"/a{n}.html"] == 1 for n in range(3))
    assert not any(path.startswith("/private/") for path in counts)  # robots.txt disallows it
    with SQLiteStore(db) as store:
        assert store.count("articles") == 4  # three pages, and the memo's headline and summary from the feed
        assert store.fetch_count() >= 5
        assert any("Pier 1" in (store.article(a).title or "") for a in [h.article for h in store.search("pier closed")])

    site.requests.clear()
    code, _, err = run(args, capsys)
    assert code == 0, err
    assert site.paths() == ["/robots.txt", "/feed.xml"]
    assert site.requests[1][1].get("If-None-Match")  # the feed was asked for conditionally, got a 304
    assert "stored 0 new articles" in err


def test_a_loopback_server_is_refused_before_anything_is_requested():
    # redirects to private addresses: tests/test_ssrf.py
    site = NewsSite(items=1)
    try:
        fetcher = Fetcher(delay=0, resolve=lambda host: {"127.0.0.1": ["127.0.0.1"]}[host], obey_robots=False)
        fetched = fetcher.get(f"{site.url}/feed.xml")
        assert fetched.error and "127.0.0.1" in fetched.error and site.requests == []
    finally:
        site.close()


def test_killed_ingest_resumes_without_storing_or_fetching_twice(tmp_path):
    site = NewsSite(items=60, page_delay=0.05)
    db = tmp_path / "n.db"
    command = [
        sys.executable,
        "-m",
        "newsprism.cli",
        "ingest",
        f"{site.url}/feed.xml",
        "--db",
        str(db),
        "--allow-private",
        "--delay",
        "0",
        "--embedder",
        "hashing",
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        stored_before = 0
        while time.monotonic() < deadline and stored_before < 20:
            time.sleep(0.2)
            if db.exists():
                try:
                    with SQLiteStore(db) as store:
                        stored_before = store.count("articles")
                except Exception:  # the database is being created
                    continue
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert 20 <= stored_before < 61, "the ingest should have been killed halfway"
        with SQLiteStore(db) as store:
            committed = {store.article(a).url for a in _ids(store)}
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        with SQLiteStore(db) as store:
            assert store.count("articles") == 61  # 60 pages and the memo, each once
            assert len({store.article(a).url for a in _ids(store)}) == 61
        counts = Counter(site.paths())
        assert all(counts[url.removeprefix(site.url)] == 1 for url in committed if "/a" in url)
    finally:
        site.close()


def _ids(store):
    return [row[0] for row in store.db.execute("SELECT id FROM articles")]


def test_ingest_then_stories_search_and_report(tmp_path, capsys):
    from .conftest import EXAMPLES

    db = tmp_path / "n.db"
    code, _, err = run(["ingest", EXAMPLES, "--db", db, "--embedder", "hashing"], capsys)
    assert code == 0 and "stored 6 new articles; 2 stories updated" in err
    code, out, _ = run(["stories", "--db", db], capsys)
    assert code == 0 and len(out.splitlines()) == 2 and "5 articles" in out
    code, out, _ = run(["search", "corrosion", "--db", db], capsys)
    assert code == 0 and "[corrosion]" in out.lower()
    code, out, _ = run(["report", "--db", db, "-o", "-", "--embedder", "hashing"], capsys)
    assert code == 0 and len(json.loads(out)["stories"]) == 2
    code, _, err = run(["report", "--db", tmp_path / "missing.db"], capsys)
    assert code == 1 and "no such database" in err


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_watch_polls_until_interrupted_and_says_where_it_stopped(site, tmp_path, stop):
    db = tmp_path / "n.db"
    command = [
        sys.executable,
        "-m",
        "newsprism.cli",
        "watch",
        f"{site.url}/feed.xml",
        "--every",
        "1s",
        "--db",
        str(db),
        "--allow-private",
        "--delay",
        "0",
        "--embedder",
        "hashing",
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    # The third request of the feed means the second poll has finished and said so.
    while time.monotonic() < deadline and Counter(site.paths())["/feed.xml"] < 3:
        time.sleep(0.1)
    process.send_signal(stop)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "poll 1: 4 new articles" in err and "poll 2: 0 new articles" in err
    assert "stopped after" in err


@pytest.mark.parametrize("every", ["10", "5x", "-1m", "0s"])
def test_watch_interval_must_be_readable(every, capsys):
    code, _, err = run(["watch", "http://news.example/feed", "--every", every], capsys)
    assert code == 2 and "--every" in err


def test_pages_in_a_declared_charset_and_non_pages():
    from newsprism.inputs.feeds import _page
    from newsprism.inputs.fetch import Fetched

    latin = "Le président est arrivé à Pyongyang mardi soir pour une visite officielle.".encode("latin-1")
    page = _page("http://x/a", Fetched("http://x/a", 200, latin, "text/html; charset=ISO-8859-1"))
    assert "président est arrivé" in page.content
    image = _page("http://x/b", Fetched("http://x/b", 200, b"\x89PNG...", "image/png"))
    assert image.reason == "content type image/png is not a web page"


def test_analyzing_a_page_or_feed_again_reports_from_the_store(site, tmp_path, capsys):
    db = tmp_path / "n.db"
    args = ["analyze", f"{site.url}/a1.html", "--db", db, "--allow-private", "--delay", "0", "-o", "-"]
    code, first, _ = run(args, capsys)
    assert code == 0
    site.requests.clear()
    code, again, err = run(args, capsys)
    assert code == 0, err
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/a1.html"]  # one conditional request, a 304
    assert json.loads(again)["stories"] == json.loads(first)["stories"]
