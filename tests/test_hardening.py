"""Inputs an attacker or a careless user gives newsprism: each is skipped with a one-line reason, never a
traceback, a hang or a memory blow-up, and the good inputs of the same run are read (issue 18)."""

import json
import os
import threading
from pathlib import Path

import pytest

from newsprism import api
from newsprism.articles.pipeline import Pipeline
from newsprism.articles.sentences import MAX_SENTENCE_CHARS, split_sentences
from newsprism.inputs.files import HEADLINE, read_inputs
from newsprism.records import RawDocument, Skipped
from newsprism.text.encoding import decode

GOOD = {"title": "Storm Hits Coast", "text": "A strong storm hit the northern coast on Monday, cutting power to homes."}


def items(*paths):
    return list(read_inputs(paths))


def reasons(found):
    return {s.input.split("/")[-1]: s.reason for s in found if isinstance(s, Skipped)}


def bad_jsonl(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "good-1", **GOOD}),
        '{"id": "surrogate", "text": "half a pair \\ud800 here and more words to make it long"}',
        '{"id": "bigint", "text": "x", "n": ' + "9" * 5000 + "}",
        "[" * 50_000 + "]" * 50_000,
        json.dumps({"id": "huge", "text": "word " * 2_200_000}),
        json.dumps({"id": "good-2", **GOOD, "text": GOOD["text"] + " Schools closed."}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines))
    return path


def test_malformed_json_records_are_skipped_with_their_line(tmp_path):
    found = items(bad_jsonl(tmp_path))
    assert [d.id for d in found if isinstance(d, RawDocument)] == ["good-1", "good-2"]
    why = reasons(found)
    assert "surrogate" in why["mixed.jsonl:2"]
    assert "4300 digits" in why["mixed.jsonl:3"]
    assert "nested" in why["mixed.jsonl:4"]
    assert "limit" in why["mixed.jsonl:5"]
    assert all("\n" not in reason for reason in why.values())


def test_malformed_records_do_not_stop_the_good_ones_being_stored(tmp_path):
    done = api.ingest([bad_jsonl(tmp_path)], db=tmp_path / "x.db", embedder="hashing")
    assert sorted(a.id for a in done.articles) == ["good-1", "good-2"]
    assert len(done.skipped) == 4


def test_deep_json_file_is_skipped(tmp_path):
    (tmp_path / "deep.json").write_text('{"a": ' * 100_000 + "1" + "}" * 100_000)
    assert "nested" in reasons(items(tmp_path / "deep.json"))["deep.json"]


def _finishes(call, seconds=10.0):
    result = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "hung"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_device_links_are_skipped_named_or_in_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "ok.txt").write_text("Storm Hits Coast\n" + GOOD["text"])
    named = _finishes(lambda: items(folder / "pipe.txt", folder / "zero.txt"))
    assert "FIFO" in reasons(named)["pipe.txt"] and "regular files only" in reasons(named)["pipe.txt"]
    assert "device behind a symbolic link" in reasons(named)["zero.txt"]
    listed = _finishes(lambda: items(folder))
    assert [d.id for d in listed if isinstance(d, RawDocument)] == ["ok"]
    assert set(reasons(listed)) == {"pipe.txt", "zero.txt"}


def test_size_cap_is_said_in_one_unit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(52 * 2**20 + 5)
    reason = reasons(items(big))["big.txt"]
    assert reason == "file is 52.1 MiB, over the 50 MiB limit"


def test_empty_folder_says_no_articles_found_in_it(tmp_path, capsys):
    from newsprism.cli import main

    (tmp_path / "empty").mkdir()
    code = main(["analyze", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"), "-o", str(tmp_path / "r.md")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: no articles found in {tmp_path / 'empty'}" in err and "nothing new" not in err


def test_text_without_sentence_punctuation_is_cut_before_any_model():
    words = " ".join(f"word{n}" for n in range(170_000))  # over a million characters, no full stop
    assert len(words) > 1_000_000
    pieces = split_sentences(words)
    assert max(len(p) for p in pieces) <= MAX_SENTENCE_CHARS < 1_000_000  # spaCy's max_length (E088)
    assert " ".join(pieces) == words
    article = Pipeline().run(RawDocument("long.txt", "text", "A Long Text\n" + words, id="long"))
    assert max(len(s) for s in article.sentences) <= MAX_SENTENCE_CHARS


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café était à côté de la gare. Voilà, déjà vu à Paris.", "latin-1"),
        ("Müller sagte, die Straße sei gesperrt.", "latin-1"),
        ("Zażółć gęślą jaźń. Pan Łukasz pojechał do Łodzi.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Москва сегодня объявила о новых мерах поддержки.", "cp1251"),
    ],
)
def test_single_byte_texts_are_read_in_their_code_page(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding):
    text = "Storm Hits Coast\n" + GOOD["text"] + " Café à côté."
    data = text.encode(encoding)
    if not encoding.endswith("-be"):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    else:
        data = (b"\xfe\xff" if encoding == "utf-16-be" else b"\x00\x00\xfe\xff") + data
    (tmp_path / "wide.txt").write_bytes(data)
    [doc] = items(tmp_path / "wide.txt")
    assert isinstance(doc, RawDocument) and doc.content == text


def test_title_only_record_is_a_headline_article(tmp_path):
    record = {"id": "h1", "title": "Putin arrives in Pyongyang for first visit in 24 years",
              "url": "http://127.0.0.1/h1", "outlet": "Wire", "published": "2024-06-19"}  # fmt: skip
    (tmp_path / "heads.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"id": "none"}))
    found = items(tmp_path / "heads.jsonl")
    doc = found[0]
    assert isinstance(doc, RawDocument) and doc.kind == HEADLINE and doc.content == record["title"]
    assert "neither" in found[1].reason
    article = Pipeline().run(doc)
    assert article.text == record["title"] and article.sentences == (record["title"],)
    assert article.kind is None and article.outlet == "Wire" and article.published.startswith("2024-06-19")


def test_headline_reaches_the_page_kind_stage_marked(tmp_path):
    from newsprism.store import open_store

    record = {"id": "h1", "title": "Xbox One owners unable to sign in to Xbox LIVE; Microsoft looking into issue"}
    (tmp_path / "heads.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"id": "a1", **GOOD}))
    api.ingest([tmp_path / "heads.jsonl"], db=tmp_path / "x.db", embedder="hashing")
    with open_store(tmp_path / "x.db") as store:
        assert store.extracted(["h1"])["h1"].kind == HEADLINE  # what extraction left; page kind decides after
        assert store.extracted(["a1"])["a1"].kind is None


def test_a_short_headline_is_an_article_of_one_line(tmp_path):
    (tmp_path / "heads.jsonl").write_text(json.dumps({"id": "h2", "title": "Stocks slip slightly"}))
    [doc] = items(tmp_path / "heads.jsonl")
    article = Pipeline().run(doc)
    assert article.text == "Stocks slip slightly" and article.title == "Stocks slip slightly"
