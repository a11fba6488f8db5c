"""The report written story by story: the same text as rendering it whole, never holding it whole."""

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsprism import analyze
from newsprism.cli import _write
from newsprism.cluster import publication_order
from newsprism.errors import NewsprismError
from newsprism.report import Report
from newsprism.report.packed import Packed
from newsprism.report.stream import json_chunks

NESTED = {
    "pipeline": {"stages": ["read", "embed"], "languages": {}},
    "articles": [{"id": "a\u2028b", "text": "line\nbreak «quoted» 😀", "removed": []}, {"id": "c", "n": 1.5}],
    "stories": ({"id": "s", "facts": [{"sources": ["a", "c"]}], "entities": []},),
    "skipped": [],
    "empty": {},
}


@pytest.mark.parametrize("indent", [2, 4, None])
def test_json_chunks_spell_what_json_dumps_spells(indent):
    assert "".join(json_chunks(NESTED, indent)) == json.dumps(NESTED, ensure_ascii=False, indent=indent)
    assert "".join(json_chunks({}, indent)) == "{}"


def test_packed_items_come_back_equal_and_each_read_is_a_copy():
    items = [{"id": str(k), "articles": [f"a{k}", "b"]} for k in range(5)]
    packed = Packed(items)
    assert len(packed) == 5 and list(packed) == items and packed == items
    assert packed[-1] == items[-1] and packed[1:3] == items[1:3]
    packed[0]["articles"].append("changed")
    assert packed[0] == items[0]  # what a reader does to its copy leaves the kept item as it was


class Logged(Sequence):
    """Stories that note, as each is read, what was written of the report by then."""

    def __init__(self, stories, out):
        self.stories, self.out, self.written_before = stories, out, {}

    def __len__(self):
        return len(self.stories)

    def __getitem__(self, index):
        return self.stories[index]

    def __iter__(self):
        for number, story in enumerate(self.stories):
            self.written_before[number] = self.out.getvalue()
            yield story


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_each_story_is_written_before_the_next_is_read_and_the_text_is_unchanged(examples_report, fmt):
    stories = list(examples_report.stories)
    assert len(stories) >= 2
    whole = Report(list(examples_report.articles), stories, examples_report.skipped, examples_report.pipeline)
    out = io.StringIO()
    logged = Logged(stories, out)
    Report(Packed(examples_report.articles), logged, whole.skipped, whole.pipeline).write(fmt, out)
    assert out.getvalue() == whole.render(fmt)
    assert stories[0]["id"] not in logged.written_before[0] and stories[0]["id"] in logged.written_before[1]


def test_analyze_keeps_stories_packed_and_renders_them_as_lists_would(examples_report):
    assert isinstance(examples_report.stories, Packed) and isinstance(examples_report.articles, Packed)
    ids = [a.id for a in examples_report.articles]
    assert ids == [a.id for a in publication_order(list(examples_report.articles))]
    assert set(ids) == {a for story in examples_report.stories for a in story["articles"]}
    data = examples_report.to_dict()
    assert isinstance(data["stories"], list) and examples_report.to_json() == json.dumps(
        data, ensure_ascii=False, indent=2
    )


def test_a_report_that_fails_midway_leaves_the_earlier_file_and_no_part(examples_report, tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("earlier")

    def failing(self, fmt):
        yield "{"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Report, "chunks", failing)
    with pytest.raises(NewsprismError, match="No space left"):
        _write(examples_report, str(target), "json")
    assert target.read_text() == "earlier" and [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_an_in_memory_store_still_gives_the_report_its_articles():
    # the report's articles are read back from the store, and an in-memory one ends with ingest's connection
    examples = Path(__file__).parent.parent / "examples"
    report = analyze([str(examples)], db=":memory:", embedder="hashing")
    members = {a for story in report.stories for a in story["articles"]}
    assert members and {a.id for a in report.articles} == members
    assert report.to_dict()["pipeline"]["languages"]
