"""The web app and JSON API (``newsprism serve``) through FastAPI's test client: every route, its statuses
and errors, the token, CSRF, the body limit, escaping of hostile articles, and that a story page is a
read of the stored analysis."""

from __future__ import annotations

import json
import re
import sqlite3
import time

import jsonschema
import pytest
from fastapi.testclient import TestClient

from newsprism import api
from newsprism.analysis.runner import AnalysisRun
from newsprism.report import SCHEMA_PATH
from newsprism.web import ServeConfig, create_app
from newsprism.web.security import CSRF_COOKIE

from .webserver import NewsSite

TOKEN = "t" * 32
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECTIONS = ("Summary", "Facts by source", "Conflicts", "Provenance", "Entities", "Timeline", "Framing")


def client_for(db, **options) -> TestClient:
    config = ServeConfig(
        **{"db": str(db), "token": TOKEN, "background": False, "embedder": "hashing", "delay": 0, **options}
    )
    return TestClient(create_app(config))


@pytest.fixture(scope="module")
def client(serve_db):
    return client_for(serve_db)


@pytest.fixture
def writable(serve_db, tmp_path):
    """A copy of the served database, for tests that write."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(serve_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture(scope="module")
def seed_id(client):
    stories = client.get("/api/stories", params={"per_page": 100}).json()["stories"]
    return next(s["id"] for s in stories if "Putin" in s["title"])


@pytest.fixture(scope="module")
def evil_story(client):
    return client.get("/api/articles/evil-1").json()["story"]


def test_stories_newest_first_with_filters_and_paging(client):
    listed = client.get("/api/stories").json()
    lasts = [s["last"][:10] for s in listed["stories"]]
    assert listed["total"] == 4 and lasts == sorted(lasts, reverse=True)
    seed = next(s for s in listed["stories"] if "Putin" in s["title"])
    assert seed["size"] == 5 and seed["conflicts"] >= 1 and seed["analysed"] and seed["first"] <= seed["last"]
    assert [s["id"] for s in client.get("/api/stories", params={"date": "2024-06-19"}).json()["stories"]] == [
        seed["id"]
    ]
    assert client.get("/api/stories", params={"entity": "sergei lavrov"}).json()["total"] == 1
    assert client.get("/api/stories", params={"outlet": "Coastal Daily"}).json()["total"] == 1
    page2 = client.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert page2["stories"][0]["id"] == listed["stories"][1]["id"]
    html = client.get("/", params={"per_page": 1, "page": 2}).text
    assert 'rel="prev"' in html and 'rel="next"' in html and "conflict" in html
    assert client.get("/", params={"outlet": "Nobody"}).text.count('class="card"') == 0
    empty_form = client.get("/", params={"date": "", "outlet": "", "entity": ""})  # the form sends every field
    assert empty_form.status_code == 200 and empty_form.text.count('class="card"') == 4


@pytest.mark.parametrize("query", [{"date": "June"}, {"page": 0}, {"per_page": 1000}, {"outlet": "x" * 201}])
def test_bad_list_parameters_are_422_as_json_and_as_a_page(client, query):
    answer = client.get("/api/stories", params=query)
    assert answer.status_code == 422 and answer.json()["problems"]
    assert client.get("/", params=query).status_code == 422


def test_story_page_shows_every_section_and_links_only_http_sources(client, seed_id):
    page = client.get(f"/stories/{seed_id}")
    assert page.status_code == 200
    for title in SECTIONS:
        assert f"<h3>{title}</h3>" in page.text
    assert "nearly two decades" in page.text and 'href="/entities/' in page.text
    assert "<mark>Vladivostok</mark>" in page.text  # a conflict's evidence marks where its value is
    drawn = re.search(r'<svg class="graph".*?<path class="[a-z-]+" d="M\d+ 72 Q', page.text, re.S)
    assert drawn  # who copied whom, as a graph
    hrefs = re.findall(r'href="([^"]+)"', page.text)
    assert all(h.startswith(("/", "http://", "https://")) for h in hrefs), hrefs
    assert f'href="/api/stories/{seed_id}"' in page.text  # its JSON twin


def test_api_story_is_the_json_contract(client, seed_id):
    story = client.get(f"/api/stories/{seed_id}").json()
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(story, {**schema["$defs"]["story"], "$defs": schema["$defs"]})
    assert len(story["articles"]) == 5 and story["conflicts"]


def test_a_story_page_is_a_store_read_never_an_analysis(serve_db, seed_id, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("analysed while answering a request")

    monkeypatch.setattr(AnalysisRun, "run", refuse)
    monkeypatch.setattr(api, "analyse_stored", refuse)
    fresh = client_for(serve_db)
    assert fresh.get(f"/stories/{seed_id}").status_code == 200
    assert fresh.get(f"/api/stories/{seed_id}").status_code == 200


def test_entity_outlet_article_and_search_pages_with_twins(client, seed_id):
    entity = client.get("/api/entities/Sergei Lavrov").json()
    assert entity["stories"][0]["id"] == seed_id and entity["stories"][0]["entity"]["mentions"]
    page = client.get("/entities/Sergei%20Lavrov").text
    assert "Lavrov" in page and f'href="/stories/{seed_id}"' in page
    outlet = client.get("/api/outlets/Coastal Daily").json()
    assert outlet["articles"] >= 1 and outlet["stories"] and "loaded_terms" in outlet
    assert "Coastal Daily" in client.get("/outlets/Coastal%20Daily").text
    article_id = client.get(f"/api/stories/{seed_id}").json()["articles"][0]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["story"] == seed_id and article["text"]
    assert client.get(f"/articles/{article_id}").status_code == 200
    found = client.get("/api/search", params={"q": "Lavrov"}).json()
    assert found["groups"][0]["story"]["id"] == seed_id and "[Lavrov]" in found["groups"][0]["hits"][0]["snippet"]
    assert "<mark>Lavrov</mark>" in client.get("/search", params={"q": "Lavrov"}).text
    assert client.get("/search").status_code == 200


@pytest.mark.parametrize(
    "path", ["/stories/nope", "/articles/nope", "/entities/Nobody%20Atall", "/outlets/Nowhere", "/no/such/page"]
)
def test_unknown_things_are_404_as_a_page_and_as_json(client, path):
    assert client.get(path).status_code == 404
    answer = client.get("/api" + path)
    assert answer.status_code == 404 and answer.json()["status"] == 404 and answer.json()["error"]


def test_security_headers_on_every_response(client, seed_id):
    for path in ("/", f"/stories/{seed_id}", "/api/stories", "/nope", "/static/newsprism.css"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "script-src" not in policy
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/newsprism.css").headers["content-type"].startswith("text/css")


def test_hostile_article_is_escaped_and_links_nothing_but_http(client, evil_story):
    for path in (f"/stories/{evil_story}", "/articles/evil-1", "/", "/search?q=storm+harbour", "/outlets/"):
        text = client.get(path).text
        assert "<script>document" not in text and "<img src=x" not in text and "<b onmouseover" not in text, path
        assert "javascript:" not in re.sub(r"&[a-z#0-9]+;", "", "".join(re.findall(r'href="[^"]*"', text))), path
    page = client.get(f"/stories/{evil_story}").text
    assert "&lt;script&gt;document.title=" in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page and "javascript:document.title" in page  # shown as text, not a link


def test_writes_need_the_token(client):
    body = {"records": [{"text": "x " * 20}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        answer = client.post("/api/ingest", json=body, headers=headers)
        assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/feeds", json={"url": "https://example.org/feed"}).status_code == 401


def test_bodies_over_the_limit_are_413(serve_db):
    small = client_for(serve_db, max_body=1000)
    answer = small.post("/api/ingest", json={"records": [{"text": "word " * 500}]}, headers=AUTH)
    assert answer.status_code == 413 and "1000 bytes" in answer.json()["error"]

    def chunks():  # no Content-Length: counted while read
        yield b'{"records": [{"text": "'
        yield b"word " * 500
        yield b'"}]}'

    assert small.post("/api/ingest", content=chunks(), headers=AUTH).status_code == 413


@pytest.mark.parametrize(
    "body, status",
    [
        ({"records": [{"title": "no text"}]}, 422),
        ({"urls": "https://example.org/"}, 422),
        ({}, 400),
        ({"urls": ["javascript:alert(1)"]}, 400),
        ({"urls": ["file:///etc/passwd"]}, 400),
    ],
)
def test_bad_ingest_bodies(client, body, status):
    answer = client.post("/api/ingest", json=body, headers=AUTH)
    assert answer.status_code == status and answer.json()["error"]


def test_ingest_records_stores_analyses_and_shows_the_story(writable):
    client = client_for(writable)
    record = {"id": "quake-1", "title": "Earthquake shakes Lintown", "outlet": "Test Wire", "published": "2025-06-01",
              "text": "An earthquake of magnitude 5.1 shook Lintown on Monday, officials said. Two houses collapsed "
              "and 14 people were hurt, the mayor of Lintown said on Monday evening."}  # fmt: skip
    done = client.post("/api/ingest", json={"records": [record]}, headers=AUTH).json()
    assert done["stored"] == 1 and done["articles"] == ["quake-1"] and done["skipped"] == []
    story = client.get(f"/api/stories/{done['stories'][0]}")
    assert story.status_code == 200 and story.json()["articles"] == ["quake-1"]
    assert client.get("/api/stories").json()["stories"][0]["id"] == done["stories"][0]  # newest first
    again = client.post("/api/ingest", json={"records": [record]}, headers=AUTH).json()
    assert again["stored"] == 0
    page = client.get("/feeds").text  # the ingests are listed, with their story
    assert "1 JSON record(s): 1 new article" in page and f'href="/stories/{done["stories"][0]}"' in page


def test_url_ingest_refuses_private_addresses(writable):
    site = NewsSite(items=1)
    try:
        answer = client_for(writable).post("/api/ingest", json={"urls": [f"{site.url}/a0.html"]}, headers=AUTH)
    finally:
        site.close()
    assert answer.status_code == 422 and answer.json()["skipped"] and "private" in answer.text
    assert site.requests == []


def test_a_stored_story_without_analysis_is_analysed_by_the_worker(writable, tmp_path):
    text = "The new dam at Brenford opened on Friday. " * 5
    record = {"id": "late-1", "title": "Dam opens at Brenford", "text": text}
    source = tmp_path / "late.jsonl"
    source.write_text(json.dumps(record) + "\n")
    story_id = api.ingest([source], db=writable, embedder="hashing").stories[0].id  # stored, not analysed
    client = client_for(writable)
    assert client.get(f"/api/stories/{story_id}").status_code == 503
    assert "not analysed yet" in client.get(f"/stories/{story_id}").text
    card = next(s for s in client.get("/api/stories").json()["stories"] if s["id"] == story_id)
    assert not card["analysed"]
    client.app.state.worker.refresh([story_id])
    assert client.get(f"/api/stories/{story_id}").json()["title"]


def test_feeds_are_watched_and_polled(writable):
    site = NewsSite(items=2)
    try:
        client = client_for(writable, allow_private=True)
        assert client.post("/api/feeds", json={"url": "javascript:x"}, headers=AUTH).status_code == 400
        added = client.post("/api/feeds", json={"url": f"{site.url}/feed.xml"}, headers=AUTH)
        assert added.status_code == 201 and added.json()["polls"] == 0
        client.app.state.worker.poll()
    finally:
        site.close()
    feed = client.get("/api/feeds").json()["feeds"][0]
    assert feed["polls"] == 1 and feed["last_poll"] and feed["new_articles"] >= 2 and feed["stories"]
    assert client.get(f"/api/stories/{feed['stories'][0]}").status_code == 200
    page = client.get("/feeds").text
    assert f"{site.url}/feed.xml" in page and feed["last_poll"] in page


def test_the_feeds_form_needs_its_csrf_token_and_the_write_token(writable):
    client = client_for(writable)
    page = client.get("/feeds")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert page.cookies.get(CSRF_COOKIE) == csrf
    form = {"feed": "https://example.org/feed.xml", "token": TOKEN}
    assert client.post("/feeds", data={**form, "csrf": "forged"}).status_code == 401
    assert client.post("/feeds", data={**form, "csrf": csrf, "token": "wrong"}).status_code == 401
    done = client.post("/feeds", data={**form, "csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and "https://example.org/feed.xml" in client.get("/feeds").text


def test_openapi_and_its_docs_page(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search",
                 "/api/feeds", "/api/ingest"):  # fmt: skip
        assert path in spec["paths"], path
    docs = client.get("/api/docs").text
    assert "/api/ingest" in docs and "<script" not in docs


def test_watch_polls_in_the_background_while_the_server_answers(writable):
    site = NewsSite(items=1)
    try:
        with client_for(writable, allow_private=True, watch=(f"{site.url}/feed.xml",), background=True) as client:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not client.get("/api/feeds").json()["feeds"][0]["polls"]:
                assert client.get("/").status_code == 200
                time.sleep(0.2)
            feed = client.get("/api/feeds").json()["feeds"][0]
    finally:
        site.close()
    assert feed["polls"] == 1 and feed["new_articles"] >= 1
    assert client.get(f"/api/stories/{feed['stories'][0]}").status_code == 200


def test_a_loopback_server_answers_only_loopback_host_names(serve_db):
    client = client_for(serve_db, allowed_hosts=("127.0.0.1", "localhost"))
    assert client.get("/api/stories", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/stories", headers={"Host": "rebound.example.com"}).status_code == 400


def test_highlight_escapes_what_it_marks():
    from newsprism.report import highlight

    assert str(highlight("<b>Kyiv</b> said 24 Years ago", "24 years")) == (
        "&lt;b&gt;Kyiv&lt;/b&gt; said <mark>24 Years</mark> ago"
    )
    assert str(highlight("no <i>value</i> here", "<i>x")) == "no &lt;i&gt;value&lt;/i&gt; here"


@pytest.mark.parametrize("name", ["Lavrov", "lavrov", "LAVROV", "Sergey Lavrov", "sergei lavrov", "Sergei Lavrov"])
def test_an_entity_is_found_by_any_of_its_variants(client, seed_id, name):
    found = client.get(f"/api/entities/{name}").json()
    assert [(s["id"], s["entity"]["name"]) for s in found["stories"]] == [(seed_id, "Sergei Lavrov")]
    page = client.get(f"/entities/{name}")
    assert page.status_code == 200 and f'href="/stories/{seed_id}"' in page.text
    assert "Sergei Lavrov (PERSON)" in page.text
    assert [s["id"] for s in client.get("/api/stories", params={"entity": name}).json()["stories"]] == [seed_id]


def test_a_first_name_alone_or_part_of_a_place_finds_nothing(client):
    for name in ("Sergei", "Korea Pyongyang"):
        assert client.get(f"/api/entities/{name}").status_code == 404
