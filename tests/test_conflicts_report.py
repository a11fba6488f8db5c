"""The report tells confident conflicts as conflicts and the others apart, as possible differences."""

from dataclasses import replace

from newsprism.analysis.conflicts import CONFIDENT


def test_low_confidence_conflicts_are_listed_apart_as_possible_differences(examples_report):
    story = examples_report.stories[0]
    conflicts = story["conflicts"]
    assert conflicts, "the examples have a conflict"
    doubtful = {**conflicts[0], "about": "doubtful figure", "confidence": CONFIDENT - 0.1}
    sure = {**conflicts[0], "about": "sure figure", "confidence": CONFIDENT}
    report = replace(examples_report, stories=[{**story, "conflicts": [sure, doubtful]}])
    for text in (report.to_markdown(), report.to_html()):
        conflicts_part, possible_part = text.split("Possible differences")
        assert "sure figure" in conflicts_part and "doubtful figure" not in conflicts_part
        assert "doubtful figure" in possible_part
    alone = replace(examples_report, stories=[{**story, "conflicts": [sure]}])
    assert "Possible differences" not in alone.to_markdown()
