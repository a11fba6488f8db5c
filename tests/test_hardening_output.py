"""URLs, command-line messages and output newsprism is given by an attacker or a careless user: one-line
errors, no traceback, no live HTML in the Markdown report, no escape sequence reaching the terminal
(issue 18). Every URL here is refused before any lookup or names a server the test starts on 127.0.0.1."""

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from markdown_it import MarkdownIt

from newsprism import api
from newsprism.cli import main
from newsprism.inputs.feeds import read_url
from newsprism.inputs.fetch import Fetcher
from newsprism.inputs.files import HEADLINE
from newsprism.records import RawDocument, Skipped

from .conftest import ROOT

TEXT = "A strong storm hit the northern coast on Monday, cutting power to 4,000 homes and closing schools."
ESC = "\x1b]0;owned\x07\x1b[31m"
EVIL_ID = "x`<img src=x onerror=alert(1)>"
EVIL_TITLE = "Storm <script>alert(1)</script> [click](javascript:alert(1)) `code`"


@pytest.fixture
def no_lookups(monkeypatch):
    """Any name lookup fails the test: the URLs below must be refused before one."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"looked up {args[0]!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def run(args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://a..b/", "not a valid URL: a..b is not a valid host name"),
        ("http://[::1/", "not a valid URL: Invalid IPv6 URL"),
        ("http://127.0.0.1:99999/", "not a valid URL: Port out of range"),
    ],
)
def test_malformed_urls_give_one_line_errors(url, reason, no_lookups, tmp_path, capsys):
    fetched = Fetcher(delay=0).get(url)
    assert fetched.error == f"{url}: {reason}" or fetched.error.startswith(f"{url}: {reason}")
    code, _, err = run(["ingest", url, "--db", tmp_path / "x.db", "--embedder", "hashing"], capsys)
    assert code == 1 and "Traceback" not in err
    assert f"skipped {url}: {reason}" in err and "error: no articles found in" in err


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.txt", "gopher://127.0.0.1/1"])
def test_other_schemes_are_refused_as_such(url, no_lookups, tmp_path, capsys):
    assert Fetcher(delay=0).get(url).error == f"{url}: only http and https URLs can be fetched"
    code, _, err = run(["ingest", url, "--db", tmp_path / "x.db", "--embedder", "hashing"], capsys)
    assert code == 1 and f"skipped {url}: only http and https URLs can be fetched" in err


def test_usage_error_has_one_prefix(capsys):
    code, _, err = run(["analyze"], capsys)
    assert code == 2
    assert err.count("newsprism: error:") == 1 and "error: newsprism" not in err


def test_counts_are_singular_for_one(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Storm Hits Coast\n" + TEXT)
    code, _, err = run(["ingest", tmp_path / "a.txt", "--db", tmp_path / "x.db", "--embedder", "hashing"], capsys)
    assert code == 0 and "stored 1 new article; 1 story updated" in err
    code, _, err = run(["analyze", tmp_path / "a.txt", "--db", tmp_path / "x.db", "--embedder", "hashing",
                        "-o", tmp_path / "r.json"], capsys)  # fmt: skip
    assert code == 0 and "1 article, 1 story: wrote" in err


@pytest.fixture
def evil_db(tmp_path):
    rows = [
        {"id": EVIL_ID, "title": EVIL_TITLE + ESC, "text": TEXT + " <script>alert(2)</script>", "outlet": "<b>O</b>"},
        {"id": "plain" + ESC, "title": "Storm " + ESC + " title", "text": TEXT + " Roads were closed.",
         "published": "<img src=x onerror=alert(3)>"},
    ]  # fmt: skip
    (tmp_path / "evil.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\x1b[2J not json")
    db = tmp_path / "x.db"
    report = api.analyze([tmp_path / "evil.jsonl"], db=db, embedder="hashing", one_story=True)
    return db, report


def test_markdown_report_renders_no_live_html(evil_db):
    _, report = evil_db
    text = report.to_markdown()
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    for tag in ("<img", "<script", "<b>", "<a ", "href="):
        assert tag not in html, tag
    assert "&lt;script&gt;" in html and "alert(1)" in html  # shown as text, not dropped


def test_terminal_output_has_no_escape_sequences(evil_db, tmp_path, capsys):
    db, _ = evil_db
    for command in (["stories", "--db", db], ["search", "storm", "--db", db]):
        code, out, err = run(command, capsys)
        # the story is listed (its title the lede: the markup-laden headlines share few words with it)
        assert code == 0 and "storm" in out.lower()
        assert not any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) < 0xA0 for ch in out + err), command
    (tmp_path / f"bad{ESC}.jsonl").write_text('{"text": 1\n')
    code, _, err = run(["ingest", tmp_path / f"bad{ESC}.jsonl", "--db", db, "--embedder", "hashing"], capsys)
    assert "skipped" in err and "\x1b" not in err and "\x07" not in err


def test_search_into_a_closed_pipe_ends_quietly(evil_db):
    db, _ = evil_db
    reader = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "search", "storm", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    reader.stdout.close()  # like `| head` that has read its lines, before newsprism writes any
    err = reader.stderr.read().decode()
    assert reader.wait(60) == 0 and "Traceback" not in err and "BrokenPipe" not in err, err


class _Feed(BaseHTTPRequestHandler):
    """A feed of one item with only a title, whose page is gone."""

    def do_GET(self) -> None:
        if self.path != "/feed.xml":
            self.send_response(404)
            self.end_headers()
            return
        port = self.server.server_address[1]
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<item><title>Putin arrives in Pyongyang for first visit in 24 years</title>"
            f"<link>http://127.0.0.1:{port}/gone</link><pubDate>Wed, 19 Jun 2024 01:00:00 GMT</pubDate></item>"
            "</channel></rss>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_feed_item_with_only_a_title_is_a_headline():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        fetcher = Fetcher(allow_private=True, delay=0, obey_robots=False)
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        found = list(read_url(url, fetcher, stored=lambda _: None))
    finally:
        server.shutdown()
        fetcher.close()
    [doc] = [d for d in found if not isinstance(d, Skipped)]
    assert isinstance(doc, RawDocument) and doc.kind == HEADLINE and doc.outlet == "Wire"
    assert doc.content == "Putin arrives in Pyongyang for first visit in 24 years"
