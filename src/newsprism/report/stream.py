"""The report written piece by piece, so that no rendering of the whole report is ever held at once.

At 2,000 Multi-News documents the JSON report is 39 MB and the HTML 57 MB; as one Python string (four
bytes a character once a text holds a character past U+FFFF) ten times that corpus would need gigabytes.
:func:`json_chunks` yields the same characters as ``json.dumps`` of the whole report, one list item at a
time; the templates are rendered with Jinja's ``generate``, which yields as it goes, over stories
unpacked one at a time (:mod:`.packed`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any


def json_chunks(data: Mapping[str, Any], indent: int | None = 2) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, indent=indent)`` in pieces: each item of a value that is a
    list (or any sequence but a string) is dumped alone, so a sequence that unpacks its items when read
    is never held whole.

    >>> data = {"a": [1, {"b": [2]}], "c": "d", "e": []}
    >>> "".join(json_chunks(data)) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    >>> "".join(json_chunks(data, None)) == json.dumps(data, ensure_ascii=False)
    True
    """
    if not data:
        yield "{}"
        return
    # json.dumps: without an indent the separators are ", " and everything is on one line; with one, ","
    # ends each line and each level is indented by ``indent`` more spaces. A JSON text never holds a raw
    # line break (strings escape theirs), so an item dumped alone is indented by replacing its breaks.
    outer = "" if indent is None else "\n" + " " * indent
    inner = "" if indent is None else outer + " " * indent
    separator = ", " if indent is None else ","
    yield "{"
    for number, (key, value) in enumerate(data.items()):
        yield (separator if number else "") + outer + _dumps(key, None) + ": "
        if isinstance(value, Sequence) and not isinstance(value, str | bytes) and len(value):
            yield "["
            for position, item in enumerate(value):
                yield (separator if position else "") + inner + _dumps(item, indent).replace("\n", inner)
            yield outer + "]"
        else:
            yield _dumps(value, indent).replace("\n", outer)
    yield "\n}" if indent is not None else "}"


def _dumps(value: Any, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)
