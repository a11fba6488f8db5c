import gzip
import json

from newsprism.inputs.files import read_inputs
from newsprism.records import RawDocument, Skipped


def items(*paths):
    return list(read_inputs(paths))


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Headline Here\nSome text that is long enough to be an article.")
    (tmp_path / "a.md").write_text("# Title\nBody text.")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("secret")
    found = items(tmp_path)
    assert [d.id for d in found] == ["a", "z"]


def test_bad_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "list.json").write_text(json.dumps([{"id": "x"}, 5]))
    reasons = {s.input.split("/")[-1]: s.reason for s in items(tmp_path) if isinstance(s, Skipped)}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "unsupported" in reasons["photo.jpg"]
    assert "invalid JSON" in reasons["broken.json"]
    assert "gzip" in reasons["broken.txt.gz"]
    assert "neither" in reasons["list.json[1]"] and "JSON object" in reasons["list.json[2]"]


def test_mis_encoded_latin1_is_decoded(tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        "Café Crème Opens\nThe café on the rue de la Paix opened its doors on Monday to a large crowd.".encode(
            "latin-1"
        )
    )
    [doc] = items(tmp_path / "latin.txt")
    assert isinstance(doc, RawDocument) and "Café" in doc.content


def test_records_ids_from_id_url_or_content(tmp_path):
    rows = [{"id": "given", "text": "t"}, {"url": "https://x.example/a", "text": "t"}, {"text": "some text"}]
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    docs = items(tmp_path / "r.jsonl.gz")
    assert docs[0].id == "given" and len(docs[1].id) == 16 and docs[1].id != docs[2].id
    again = items(tmp_path / "r.jsonl.gz")
    assert [d.id for d in again] == [d.id for d in docs]


def test_html_record_kind(tmp_path):
    (tmp_path / "h.json").write_text(json.dumps({"html": "<p>hi</p>", "title": "T"}))
    [doc] = items(tmp_path / "h.json")
    assert doc.kind == "html" and doc.id == "h"
