"""``newsprism serve`` in real (headless) Chromium: the story list, the seed story with every section, a
search for "Lavrov", an entity followed from the story, and a hostile article whose scripts never run."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from .test_browser import FLAGS, chromium  # noqa: F401 - the fixture that finds Debian's chromium
from .test_serve import SECTIONS

SRC = Path(__file__).resolve().parents[1] / "src"


class Elements(HTMLParser):
    """The elements and attributes of a page as the browser built it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(serve_db, tmp_path_factory):
    """The CLI's ``serve`` on a free loopback port, as a person starts it."""
    folder = tmp_path_factory.mktemp("server")
    token_file = folder / "token"
    token_file.write_text("browser-test-token-0123456789\n")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "newsprism", "serve", "--db", str(serve_db), "--port", str(port),
               "--token-file", str(token_file), "--embedder", "hashing"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/feeds", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("newsprism serve did not answer: " + (process.stderr.read() if process.stderr else ""))
    yield url
    process.terminate()
    process.wait(timeout=10)


def dom(chromium, url: str, profile: Path) -> str:  # noqa: F811 - the chromium fixture's value
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def links(page: str, prefix: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(' + re.escape(prefix) + r'[^"]*)"', page)]


def title(page: str) -> str:
    return html.unescape(page.split("<title>")[1].split("</title>")[0])


def test_a_person_reads_the_seed_story_searches_and_follows_an_entity(chromium, server, tmp_path):  # noqa: F811
    profile = tmp_path / "profile"
    front = dom(chromium, server + "/", profile)
    seed = next(h for h in links(front, "/stories/") if "Putin" in front.split(f'href="{h}"')[1][:200])
    story = dom(chromium, server + seed, profile)
    for section in SECTIONS:
        assert f"<h3>{section}</h3>" in story, section
    assert "Russian President Vladimir Putin" in title(story)
    found = dom(chromium, server + "/search?q=Lavrov", profile)
    assert "<mark>Lavrov</mark>" in found and seed in links(found, "/stories/")
    entity = next(h for h in links(story, "/entities/") if "Lavrov" in h)
    named = dom(chromium, server + entity, profile)
    assert "Lavrov" in title(named) and seed in links(named, "/stories/") and "<blockquote>" in named


def test_no_injected_script_runs(chromium, server, tmp_path):  # noqa: F811
    story_id = httpx.get(server + "/api/articles/evil-1").json()["story"]
    story = httpx.get(f"{server}/api/stories/{story_id}").json()
    page = dom(chromium, f"{server}/stories/{story_id}", tmp_path / "profile")
    assert title(page) == story["title"] + " · newsprism"  # a script that ran would have made it "pwned"
    elements = Elements()
    elements.feed(page)
    assert "script" not in elements.tags and "img" not in elements.tags
    assert not [a for a in elements.attributes if a[0].startswith("on") or "javascript:" in (a[1] or "")]
    assert "&lt;img src=x onerror=" in page  # the hostile markup is there, as text
