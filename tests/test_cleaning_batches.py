"""Lines an outlet repeats are counted over every stored article of the outlet, so the same articles are
cleaned the same way whatever the batches they came in."""

import json

import pytest

import newsprism
import newsprism.api
from newsprism.store import SQLiteStore

MASTHEAD = "Subscribe to the Harbour Gazette today for one dollar a week and support local news."
BODIES = [
    f"The {place} ferry service resumed on {day} after repairs to the pier took {n} weeks longer than planned. "
    f"Passengers said the delays had cost local shops {n * 3} thousand dollars in lost trade."
    for n, (place, day) in enumerate(
        [("north", "Monday"), ("south", "Tuesday"), ("east", "Friday"), ("west", "Sunday"), ("island", "Monday")], 2
    )
]


def write_records(path, bodies):
    lines = [
        json.dumps(
            {
                "id": f"g{i}",
                "title": f"Ferry news {i}",
                "outlet": "Harbour Gazette",
                "text": f"{MASTHEAD}\n{body}\nOther ferry news follows below the fold, with tides for {i}.",
            }
        )
        for i, body in enumerate(bodies)
    ]
    path.write_text("\n".join(lines) + "\n")


def stored_texts(db):
    with SQLiteStore(db) as store:
        found = store.articles([f"g{i}" for i in range(len(BODIES))])
    return {a.id: (a.text, a.removed, a.sentences) for a in found.values()}


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "gazette.jsonl"
    write_records(path, BODIES)
    return path


def test_same_cleaning_with_and_without_strict_and_in_any_batch_size(tmp_path, records, monkeypatch):
    results = {}
    newsprism.api.ingest([records], db=tmp_path / "strict.db", strict=True, embedder="hashing")
    results["strict"] = stored_texts(tmp_path / "strict.db")
    for batch in (1, 2, 3, 20):
        monkeypatch.setattr(newsprism.api, "BATCH", batch)
        newsprism.api.ingest([records], db=tmp_path / f"b{batch}.db", embedder="hashing")
        results[batch] = stored_texts(tmp_path / f"b{batch}.db")
    assert all(result == results["strict"] for result in results.values())
    assert all(MASTHEAD not in text and MASTHEAD in removed for text, removed, _ in results["strict"].values())


def test_an_article_stored_alone_is_cleaned_again_when_its_lines_repeat(tmp_path, records):
    first = tmp_path / "first.jsonl"
    write_records(first, BODIES[:1])
    db = tmp_path / "n.db"
    newsprism.api.ingest([first], db=db, embedder="hashing")
    with SQLiteStore(db) as store:
        assert MASTHEAD in store.article("g0").text  # one article: nothing repeats yet
    newsprism.api.ingest([records], db=db, embedder="hashing")
    together = tmp_path / "together.db"
    newsprism.api.ingest([records], db=together, embedder="hashing")
    assert stored_texts(db) == stored_texts(together)
    assert MASTHEAD not in stored_texts(db)["g0"][0]
