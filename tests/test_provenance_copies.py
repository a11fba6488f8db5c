"""Provenance of a story holding exact copies: the copies are searched once, the links are those of
comparing every article with every other."""

from dataclasses import replace

import pytest

import newsprism.analysis.provenance as provenance
from newsprism.analysis.provenance import find_copies
from newsprism.articles.pipeline import Pipeline
from newsprism.dedup import find_near_duplicates
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import RawDocument, Story

# Where each copy of a seed article appears: its outlet, its date and, for one, another headline.
COPIES = (
    ("Echo Daily", "2024-06-17T12:00", None),
    ("Mirror Post", "2024-06-16", None),  # a day before the report it copies: it reads as the original
    ("Relay News", "2024-06-17T09:00", "Putin heads to Pyongyang"),
)


@pytest.fixture(scope="module")
def seed_with_copies(seed_dir) -> Story:
    pipeline = Pipeline()
    reports = [
        pipeline.run(
            RawDocument(
                p.name, "text", p.read_text(), id=f"{k:03d}", outlet=f"Outlet {k}", published="2024-06-17T10:00"
            )
        )
        for k, p in enumerate(sorted(seed_dir.glob("*.txt")))
    ]
    copies = [
        replace(report, id=f"{report.id}-c{n}", outlet=outlet, published=published, title=title or report.title)
        for report in reports
        for n, (outlet, published, title) in enumerate(COPIES)
    ]
    return Story("seed-copies", tuple(reports + copies))


def test_a_story_with_exact_copies_gets_the_links_of_comparing_every_article(seed_with_copies, monkeypatch):
    story = seed_with_copies
    embedded = EmbeddedSentences(story.sentences(), load_embedder("auto")[0])
    near = {frozenset((pair.first, pair.second)): pair for pair in find_near_duplicates(list(story.articles))}
    links = find_copies(story, embedded, near)
    unnear = find_copies(story, embedded, {})  # copies then found by their sentences alone
    # every article its own group: each searched against every other, as before copies were grouped
    monkeypatch.setattr(provenance, "_same_own", lambda own, embedded: {article: article for article in own})
    assert links == find_copies(story, embedded, near)
    assert unnear == find_copies(story, embedded, {})
    assert {(link.original, link.copy) for link in unnear} == {(link.original, link.copy) for link in links}
    by_pair = {(link.original, link.copy): link for link in links}
    # the copy a day earlier is everyone's original; the one under another headline carries the same body
    assert [by_pair[("000-c1", copy)].kind for copy in ("000", "000-c0", "000-c2")] == [
        "duplicate",
        "duplicate",
        "syndicated",
    ]
    # two copies that are not their group's first keep the link of their reports (each keeps its own details)
    assert by_pair[("002-c1", "004-c1")].kind == "shared-source"
    assert len(links) == 16
