"""The /feeds form in real (headless) Chromium driven by Playwright: a person pastes the token, adds a
feed served on 127.0.0.1, sees it listed, sees its first poll and follows the story its articles made."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from .test_browser import chromium  # noqa: F401 - the fixture that finds Debian's chromium
from .test_serve_browser import SRC, free_port
from .webserver import NewsSite

TOKEN = "form-test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: F811 - the chromium fixture's value
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed: it is in the test extra")
        pytest.skip("playwright not installed")
    with sync_playwright() as driver:
        # Debian's chromium, not a browser of Playwright's own (nothing is downloaded)
        launched = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def server(serve_db, tmp_path):
    """``newsprism serve`` on a copy of the test database, allowed to fetch from loopback (the test's site)."""
    db = tmp_path / "forms.db"
    with sqlite3.connect(serve_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    port = free_port()
    command = [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port), "--token-file",
               str(token_file), "--embedder", "hashing", "--allow-private"]  # fmt: skip
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(SRC)}, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _answers(url), 60, "newsprism serve did not answer: " + str(tmp_path / "serve.log"))
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + "/api/feeds", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def wait_until(done, seconds: float, failure: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return
        time.sleep(0.3)
    pytest.fail(failure)


def test_a_person_adds_a_feed_with_the_token_and_follows_what_came_in(browser, server, tmp_path):
    site = NewsSite(items=2)
    feed = f"{site.url}/feed.xml"
    page = browser.new_context().new_page()
    try:
        page.goto(server + "/feeds")
        csrf = page.locator("input[name=csrf]").get_attribute("value")
        assert csrf and {"name": "newsprism_csrf", "value": csrf} in [
            {"name": c["name"], "value": c["value"]} for c in page.context.cookies()
        ]  # the form's token is its cookie's: a page of another site can read neither
        page.fill("input[name=feed]", feed)
        page.fill("input[name=token]", "a-wrong-token-of-some-length")
        page.click("button[value=add]")
        assert "wrong or missing token" in page.content()
        assert feed not in httpx.get(server + "/api/feeds").text

        page.goto(server + "/feeds")
        page.fill("input[name=feed]", feed)
        page.fill("input[name=token]", TOKEN)
        page.click("button[value=add]")
        assert page.url == server + "/feeds?done=1"
        listed = page.locator("li.feed", has_text=feed)
        assert listed.count() == 1 and "Done" in page.locator("p.done").inner_text()

        def polled() -> bool:
            page.reload()
            return "last polled" in page.locator("li.feed", has_text=feed).inner_text()

        wait_until(polled, 90, "the feed added through the form was never polled")
        entry = page.locator("li.feed", has_text=feed)
        came = re.search(r"Last poll: (\d+) new articles", entry.inner_text())
        assert came and int(came.group(1)) >= 2  # the feed's two article pages at least
        # the first story that came in: the piers' articles, with or without the memo's headline (its page is
        # refused by robots.txt, so the feed item is read as a headline article), or the memo on its own
        entry.locator("ul.came a").first.click()
        assert page.url.startswith(server + "/stories/")
        assert any(title in page.title() for title in ("Pier 0 closed", "Pier 1 closed", "Internal memo"))
        assert page.locator(f'a[href^="{site.url}/"]').count() >= 1
    finally:
        site.close()
