import json

import jsonschema
import pytest

from newsprism.report import SCHEMA_PATH

SCHEMA = json.loads(SCHEMA_PATH.read_text())


def validate(report) -> dict:
    data = json.loads(report.to_json())
    jsonschema.validate(data, SCHEMA)
    return data


def test_seed_report_validates(seed_report):
    data = validate(seed_report)
    assert data["schema"] == 1 and len(data["articles"]) == 5


def test_examples_report_validates(examples_report):
    validate(examples_report)


def test_schema_rejects_a_story_without_framing(examples_report):
    data = json.loads(examples_report.to_json())
    del data["stories"][0]["framing"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_every_article_in_exactly_one_story(seed_report, examples_report):
    for report in (seed_report, examples_report):
        data = validate(report)
        members = [a for s in data["stories"] for a in s["articles"]]
        assert sorted(members) == sorted(a["id"] for a in data["articles"])


def test_schema_takes_a_stated_contradiction(examples_report):
    data = json.loads(examples_report.to_json())
    sides = [
        {"value": value, "sources": [a["id"]], "evidence": [{"article": a["id"], "sentence": value}]}
        for value, a in zip(("overturned", "will not impact on them"), data["articles"], strict=False)
    ]
    conflict = {"id": "c9", "about": "x", "kind": "contradiction", "reasons": [], "confidence": 0.5, "sides": sides}
    data["stories"][0]["conflicts"] = [conflict]
    jsonschema.validate(data, SCHEMA)
    conflict["kind"] = "no such kind"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
