"""Watched feeds in ``newsprism serve``: kept in the store, so a feed added through the API or the /feeds
form is still watched after a restart and the background watch polls it; each feed is polled when it is
due, and what its polls brought shows on /feeds."""

from __future__ import annotations

import re
import time

import pytest

from newsprism.errors import UsageError
from newsprism.web.security import CSRF_COOKIE, load_token

from .test_serve import AUTH, TOKEN, client_for, writable  # noqa: F401 - writable is a fixture
from .webserver import NewsSite


def wait_for_poll(client, url: str, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        feed = next(f for f in client.get("/api/feeds").json()["feeds"] if f["url"] == url)
        if feed["polls"]:
            return feed
        time.sleep(0.2)
    raise AssertionError(f"{url} was never polled")


def test_a_feed_added_through_the_api_is_kept_across_a_restart_and_polled_by_the_watch(writable):  # noqa: F811
    site = NewsSite(items=2)
    feed_url = f"{site.url}/feed.xml"
    try:
        first = client_for(writable, allow_private=True)  # no background watch: nothing polls it here
        assert first.post("/api/feeds", json={"url": feed_url}, headers=AUTH).status_code == 201
        assert site.requests == []
        # a new server on the same database, started without --watch
        with client_for(writable, allow_private=True, background=True) as second:
            feed = wait_for_poll(second, feed_url)
            page = second.get("/feeds").text
    finally:
        site.close()
    assert feed["new_articles"] >= 2 and feed["last_new_articles"] == feed["new_articles"] and feed["stories"]
    assert "/feed.xml" in site.paths()
    story = second.get(f"/api/stories/{feed['stories'][0]}").json()
    assert f'<time datetime="{feed["last_poll"]}">' in page  # when it was last polled
    assert f'href="/stories/{feed["stories"][0]}">{story["title"]}</a>' in page  # and what came in, by title


def test_a_feed_added_through_the_form_is_kept_and_can_be_removed(writable):  # noqa: F811
    client = client_for(writable)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/feeds").text).group(1)
    form = {"feed": "https://example.org/feed.xml", "token": TOKEN, "csrf": csrf}
    assert client.post("/feeds", data={**form, "action": "add"}, follow_redirects=False).status_code == 303
    restarted = client_for(writable)
    assert [f["url"] for f in restarted.get("/api/feeds").json()["feeds"]] == ["https://example.org/feed.xml"]
    restarted.cookies.set(CSRF_COOKIE, csrf, path="/feeds")
    removed = restarted.post("/feeds", data={**form, "action": "remove"}, follow_redirects=False)
    assert removed.status_code == 303 and removed.headers["location"] == "/feeds?done=removed"
    assert restarted.get("/api/feeds").json()["feeds"] == []
    assert restarted.post("/feeds", data={**form, "action": "remove"}).status_code == 404


def test_removing_a_feed_through_the_api_needs_the_token(writable):  # noqa: F811
    client = client_for(writable)
    client.post("/api/feeds", json={"url": "https://example.org/rss"}, headers=AUTH)
    assert client.delete("/api/feeds", params={"url": "https://example.org/rss"}).status_code == 401
    assert client.delete("/api/feeds", params={"url": "https://example.org/rss"}, headers=AUTH).status_code == 204
    assert client.delete("/api/feeds", params={"url": "https://example.org/rss"}, headers=AUTH).status_code == 404
    assert client.get("/api/feeds").json()["feeds"] == []


def test_a_feed_is_polled_again_only_when_an_interval_has_passed(writable):  # noqa: F811
    site = NewsSite(items=1)
    try:
        client = client_for(writable, allow_private=True, every=3600.0)
        client.post("/api/feeds", json={"url": f"{site.url}/feed.xml"}, headers=AUTH)
        worker = client.app.state.worker
        worker.poll()
        worker.poll()  # an hour has not passed
        once = client.get("/api/feeds").json()["feeds"][0]
        assert once["polls"] == 1 and once["new_articles"] >= 1
        assert worker._next_due(time.time()) > 3500
        impatient = client_for(writable, allow_private=True, every=0.01)
        time.sleep(0.05)
        impatient.app.state.worker.poll()
    finally:
        site.close()
    feed = client.get("/api/feeds").json()["feeds"][0]
    assert feed["polls"] == 2 and feed["last_new_articles"] == 0 and feed["new_articles"] == once["new_articles"]


def test_a_failed_poll_is_noted_on_its_feed_and_the_watch_goes_on(writable):  # noqa: F811
    site = NewsSite(items=1)
    try:
        client = client_for(writable)  # private addresses refused: the loopback feed cannot be read
        client.post("/api/feeds", json={"url": f"{site.url}/feed.xml"}, headers=AUTH)
        client.app.state.worker.poll()
    finally:
        site.close()
    feed = client.get("/api/feeds").json()["feeds"][0]
    assert feed["polls"] == 1 and feed["last_poll"] and feed["new_articles"] == 0 and feed["note"]
    assert site.requests == [] and "private" in feed["note"] and feed["url"] in feed["note"]  # says why
    assert feed["note"] in client.get("/feeds").text


def test_the_token_is_the_first_line_of_its_file(tmp_path):
    given = tmp_path / "token"
    given.write_text("  abcdefghijklmnopqrstuvwx  \n# made by the deploy script\n")
    assert load_token(str(given)) == ("abcdefghijklmnopqrstuvwx", False)
    given.write_text("short\n" + "x" * 40 + "\n")
    with pytest.raises(UsageError, match="shorter than 16"):
        load_token(str(given))
    made, generated = load_token(None)
    assert generated and len(made) >= 16
