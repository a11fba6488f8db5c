import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed-story"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEED} is missing: CI must run with ../shared beside the clone")
        pytest.skip("../shared/corpora/seed-story not present")
    return SEED


@pytest.fixture(scope="session")
def seed_report(seed_dir, tmp_path_factory):
    import newsprism

    return newsprism.analyze([seed_dir], db=tmp_path_factory.mktemp("seed") / "seed.db")


@pytest.fixture(scope="session")
def examples_report(tmp_path_factory):
    import newsprism

    return newsprism.analyze([EXAMPLES], db=tmp_path_factory.mktemp("ex") / "ex.db")


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server for the tests: ``NEWSPRISM_TEST_PG`` when set, else a throwaway
    cluster started for this session (skipped when PostgreSQL is not installed; with ``CI`` set, fails)."""
    given = os.environ.get("NEWSPRISM_TEST_PG")
    if given:
        yield given
        return
    from .pgserver import ThrowawayPostgres, programs

    found = programs()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed: CI must install Debian's postgresql package")
        pytest.skip("PostgreSQL (initdb) is not installed")
    server = ThrowawayPostgres(found)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A new, empty database on the test server, dropped after the test."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


# A record whose every field tries to run script in a page (the web app's XSS tests).
EVIL_RECORD = {
    "id": "evil-1",
    "title": "<script>document.title='pwned'</script>Harbour storm",
    "text": "<img src=x onerror=\"document.title='pwned'\"> A storm hit the harbour of Veldport on Monday and "
    "closed all roads. <a href=\"javascript:document.title='pwned'\">click</a> Officials said 40 boats sank.",
    "url": "javascript:document.title='pwned'",
    "outlet": "<b onmouseover=alert(1)>Evil Outlet</b>",
    "published": "2024-06-20",
}


@pytest.fixture(scope="session")
def serve_db(seed_dir, tmp_path_factory) -> Path:
    """A database for the web app's tests: the seed story, the examples and one hostile article, analysed."""
    import json

    import newsprism

    folder = tmp_path_factory.mktemp("serve")
    evil = folder / "evil.jsonl"
    evil.write_text(json.dumps(EVIL_RECORD) + "\n")
    db = folder / "serve.db"
    newsprism.analyze([seed_dir, EXAMPLES, evil], db=db, embedder="hashing")
    return db
