"""Exact copies are analysed once: a story with copies gives the analysis of the story without them, with
every copy credited wherever the article it copies is."""

import dataclasses
import typing
from dataclasses import replace

import pytest

from newsprism import records
from newsprism.analysis.base import StoryContext
from newsprism.analysis.copies import ARTICLE, ID_LISTS, exact_copies
from newsprism.analysis.runner import AnalysisRun, analyse_story
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings
from newsprism.embed import load_embedder
from newsprism.records import Evidence, Fact, RawDocument, Story, StoryAnalysis, SummarySentence, to_data

PARTS = ("summary", "facts", "conflicts", "entities", "timeline", "framing")
# The copies of the seed's articles, as other outlets republishing them word for word would carry them.
COPIES = {"r1": 0, "r2": 0, "r3": 3}


@pytest.fixture(scope="module")
def embedder():
    return load_embedder("auto")[0]


@pytest.fixture(scope="module")
def seed_articles(seed_dir):
    pipeline = Pipeline()
    texts = [path.read_text(encoding="utf-8") for path in sorted(seed_dir.glob("*.txt"))]
    return [
        pipeline.run(RawDocument(f"a{n}", "text", text, id=f"a{n}", outlet=f"outlet {n}"))
        for n, text in enumerate(texts)
    ]


def with_copies(articles):
    """The articles with copies of some of them, under other ids and outlets, placed among the others."""
    copies = {copy: replace(articles[n], id=copy, outlet=f"outlet {copy}") for copy, n in COPIES.items()}
    a = articles
    return (a[0], copies["r1"], a[1], a[2], a[3], copies["r2"], a[4], copies["r3"])


def uncopied(data, copies):
    """Analysis data with every mention of a copy taken out."""
    if isinstance(data, dict):
        return {k: uncopied(v, copies) for k, v in data.items()}
    if isinstance(data, list):
        kept = [v for v in data if (v.get(ARTICLE) if isinstance(v, dict) else v) not in copies]
        return [uncopied(v, copies) for v in kept]
    return data


def credited(data, first, copy):
    """Whether every list naming ``first`` (as an id, or as a record's article) names ``copy`` as often."""
    if isinstance(data, dict):
        return all(credited(v, first, copy) for v in data.values())
    if isinstance(data, list):
        named = [v if isinstance(v, str) else v.get(ARTICLE) if isinstance(v, dict) else None for v in data]
        return named.count(first) == named.count(copy) and all(credited(v, first, copy) for v in data)
    return True


def test_copies_get_the_analysis_of_the_story_without_them_and_are_credited(embedder, seed_articles):
    plain = analyse_story(Story("s", tuple(seed_articles)), embedder, Settings())
    copied = analyse_story(Story("s", with_copies(seed_articles)), embedder, Settings())
    assert plain.conflicts  # the seed's two conflicts: their sides are credited too
    for part in PARTS:
        data = to_data(getattr(copied, part))
        assert uncopied(data, set(COPIES)) == to_data(getattr(plain, part)), part
        for copy, n in COPIES.items():
            assert credited(data, f"a{n}", copy), (part, copy)
    # each copy has a framing of its own, and the story's order holds: a0's copy r1 comes before a1
    assert [f.article for f in copied.framing] == [a.id for a in with_copies(seed_articles)]
    assert (
        copied.facts[0].sources.index("r1") < copied.facts[0].sources.index("a1") or "a1" not in copied.facts[0].sources
    )
    # provenance compares every article: it reports each copy, and copies count once
    assert {(link.original, link.copy) for link in copied.provenance if link.kind == "duplicate"} >= {
        ("a0", "r1"),
        ("a3", "r3"),
    }
    assert copied.independent_sources == plain.independent_sources


def test_exact_copies_are_what_no_analyser_tells_apart(seed_articles):
    a = seed_articles[0]
    story = Story(
        "s",
        (
            replace(a, published="2024-06-19T08:00:00Z"),
            replace(a, id="same day", outlet="other", url="https://x.example/1", published="2024-06-19T21:00:00Z"),
            replace(a, id="next day", published="2024-06-20"),
            replace(a, id="other headline", title="Another headline"),
            replace(a, id="reworded", sentences=(a.sentences[0] + " Indeed.", *a.sentences[1:])),
            seed_articles[1],
        ),
    )
    copies = exact_copies(story)
    assert copies.members[a.id] == (a.id, "same day")
    assert [x.id for x in copies.distinct.articles] == [a.id, "next day", "other headline", "reworded", "a1"]


def test_credit_keeps_the_story_order_where_the_analyser_gave_it():
    articles = tuple(records.Article(i, "Same text.", sentences=("Same text.",)) for i in ("a", "b", "c"))
    b = replace(articles[1], text="Other text.", sentences=("Other text.",))
    story = Story("s", (articles[0], b, articles[2]))  # c copies a, after b
    copies = exact_copies(story)
    fact = Fact("f", "x", ("a", "b"), (Evidence("a", "Same text."), Evidence("b", "Other text.")))
    assert copies.expand(fact).sources == ("a", "b", "c")
    assert [e.article for e in copies.expand(fact).evidence] == ["a", "b", "c"]
    ranked = SummarySentence("x", ("b", "a"))  # not the story's order: the copy follows its first copy
    assert copies.expand(ranked).sources == ("b", "a", "c")


def test_a_copy_added_to_a_story_recomputes_provenance_and_what_reads_it(embedder, seed_articles):
    before = AnalysisRun(StoryContext(Story("s", tuple(seed_articles)), Settings(), embedder))
    grown = Story("s", (*seed_articles, replace(seed_articles[2], id="r9")))
    after = AnalysisRun(StoryContext(grown, Settings(), embedder))
    changed = {name for name, key in after.part_keys.items() if before.part_keys[name] != key}
    assert changed == {"provenance", "framing", "summary"}
    assert after.key() != before.key()


def test_every_field_naming_an_article_is_credited():
    """A field added to an analysis record that names articles must be one copies credits."""
    named = set()
    kinds = [typing.get_type_hints(StoryAnalysis)[part] for part in PARTS]
    seen: set[type] = set()
    while kinds:
        kind = kinds.pop()
        if dataclasses.is_dataclass(kind) and kind not in seen:
            seen.add(kind)
            for name, hint in typing.get_type_hints(kind).items():
                kinds.append(hint)
                if str in (hint, *typing.get_args(hint)):
                    named.add(name)
        kinds.extend(a for a in typing.get_args(kind) if a is not Ellipsis)
    # strings that are not article ids: texts, values, kinds, dates, names, fact ids
    others = {"id", "text", "value", "about", "kind", "reasons", "name", "type", "aliases", "sentence", "date"}
    others |= {"event", "loaded_terms", "omits", "omitted", "speaker"}
    assert named - others == {*ID_LISTS, ARTICLE}


def test_provenance_compares_the_copies_of_two_texts_once(embedder, seed_articles, monkeypatch):
    from newsprism.analysis import provenance

    compared = []
    original = provenance._compare

    def spy(a, b, *args):
        compared.append((a.id, b.id))
        return original(a, b, *args)

    monkeypatch.setattr(provenance, "_compare", spy)
    a, b = seed_articles[2], seed_articles[4]  # the seed's shared-source pair
    copies = [replace(x, id=f"{x.id}-{n}") for n in range(3) for x in (a, b)]
    analysis = analyse_story(Story("s", (a, b, *copies)), embedder, Settings())
    # three pairs of texts (a with a, b with b, a with b) among the 28 candidate pairs: each compared once
    assert len(compared) == 3
    kinds = {(link.original, link.copy): link.kind for link in analysis.provenance}
    assert all(kinds.get((x.id, f"{x.id}-{n}")) == "duplicate" for x in (a, b) for n in range(3))
    assert analysis.independent_sources == 1
