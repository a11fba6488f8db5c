"""Generated inputs for every file reader: each yields documents or reasons, never an exception.

A small seed runs in CI; ``NEWSPRISM_FUZZ_EXAMPLES=10000`` runs the benchmark's size.
"""

import contextlib
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.inputs.files import read_inputs, record_to_document
from newsprism.records import RawDocument, Skipped
from newsprism.text.encoding import decode

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".txt.gz", ".jsonl.gz", ".csv"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "title", "text", "html", "url", "outlet", "published", "story"]
RECORDS = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), JSON_VALUES, max_size=6)
# Lines Python's json module accepts or trips over in ways a generator rarely finds.
HOSTILE = st.sampled_from(
    ['{"text": "a \\ud800 b"}', '{"title": "\\udfff"}', "9" * 5000, "[" * 5000, '{"text": ' * 3000, "NaN", "-Infinity"]
)


def _read_all(path: Path) -> list:
    found = list(read_inputs([path]))
    assert all(isinstance(item, RawDocument | Skipped) for item in found)
    for item in found:
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.reason
        else:
            item.content.encode("utf-8")  # storable: no lone surrogate
    return found


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_file_are_read_or_skipped(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _read_all(path)


@FUZZ
@given(lines=st.lists(RECORDS | JSON_VALUES, max_size=5), junk=st.lists(st.text(max_size=40) | HOSTILE, max_size=3))
def test_any_json_lines_are_read_or_skipped(lines, junk):
    text = "\n".join([*(json.dumps(line) for line in lines), *junk])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.jsonl"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _read_all(path)


@FUZZ
@given(record=RECORDS)
def test_any_record_is_a_document_or_a_reason(record):
    from newsprism.articles.pipeline import Pipeline

    item = record_to_document(record, "fuzz:1", None)
    assert isinstance(item, RawDocument | Skipped)
    if isinstance(item, RawDocument):
        with contextlib.suppress(InputError):  # no article text: skipped with this reason by the intake
            Pipeline().run(item)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_decode_returns_text_or_says_why(data):
    try:
        decode(data).encode("utf-8")
    except ValueError as err:
        assert str(err)
