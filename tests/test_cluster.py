import copy
import math
import shutil
from dataclasses import replace

import numpy as np
import pytest

import newsprism
from newsprism.cluster import (
    ClusterState,
    StoryClusterer,
    StoryState,
    _grow,
    _shrink,
    slug_words,
    story_id,
    timestamp,
)
from newsprism.cluster.clusterer import _Match
from newsprism.cluster.features import lede, name_terms
from newsprism.config import ClusterConfig
from newsprism.embed import HashingEmbedder
from newsprism.records import Article
from newsprism.store import SQLiteStore

from .conftest import EXAMPLES


def headline(i: str, title: str, when: str, url: str | None = None) -> Article:
    return Article(id=i, title=title, text=title, url=url, published=when, sentences=(title,))


def test_new_inputs_join_the_stored_stories(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in EXAMPLES.iterdir():
        shutil.copy(path, (second if path.stem == "the-observer" else first) / path.name)
    db = tmp_path / "n.db"
    before = newsprism.analyze([first], db=db)
    bridge = next(s for s in before.stories if "meridian-wire" in s["articles"])
    after = newsprism.analyze([second], db=db)
    assert len(after.stories) == 1
    story = after.stories[0]
    assert story["id"] == bridge["id"]  # the story grew in place
    assert set(story["articles"]) == {*bridge["articles"], "the-observer"}
    assert {a.id for a in after.articles} == set(story["articles"])
    with SQLiteStore(db) as store:
        assert set(store.story_members(bridge["id"])) == set(story["articles"])
        assert store.count("stories") == 2


def test_seed_story_fed_in_two_runs_is_one_story(seed_dir, tmp_path):
    parts = [tmp_path / "a", tmp_path / "b"]
    for part in parts:
        part.mkdir()
    for number, path in enumerate(sorted(seed_dir.iterdir())):
        shutil.copy(path, parts[number % 2] / path.name)
    db = tmp_path / "n.db"
    newsprism.analyze([parts[0]], db=db)
    report = newsprism.analyze([parts[1]], db=db)
    assert [len(s["articles"]) for s in report.stories] == [5]


def test_stories_go_cold_after_the_window():
    clusterer = StoryClusterer(ClusterConfig(window_days=2), HashingEmbedder())
    state = ClusterState()
    placed = clusterer.partial_fit([headline("a", "Volcano erupts on Iceland peninsula", "2024-01-01T10:00")], state)
    later = clusterer.partial_fit([headline("b", "Volcano erupts on Iceland peninsula", "2024-01-09T10:00")], state)
    assert placed["a"] != later["b"]  # a week later the old story is cold
    again = headline("c", "Iceland volcano erupts near peninsula town", "2024-01-09T12:00")
    soon = clusterer.partial_fit([again], state)
    assert soon["c"] == later["b"]


def test_cluster_config_rejects_thresholds_out_of_range():
    with pytest.raises(ValueError, match="max candidates"):
        ClusterConfig(max_candidates=0)
    with pytest.raises(ValueError, match="centroid terms"):
        ClusterConfig(centroid_terms=0)


def test_url_slugs_and_timestamps():
    assert slug_words("https://x.com/world/2024/06/putin-arrives-in-pyongyang.html") == "putin arrives in pyongyang"
    assert slug_words(None) == ""
    assert timestamp("2024-06-19") < timestamp("2024-06-19T10:00:00+00:00")
    assert timestamp("yesterday") is None


VOLCANO = [
    headline("a1", "Volcano erupts in Iceland", "2024-03-01T09:00"),
    headline("a2", "Flights grounded at Reykjavik airport", "2024-03-01T10:00"),
    headline("a3", "Iceland volcano ash grounds flights at Reykjavik airport", "2024-03-01T11:00"),
    headline("a4", "Volcano ash cloud over Iceland grounds Reykjavik flights", "2024-03-01T12:00"),
]


def test_an_article_that_came_before_its_story_formed_joins_it():
    # a1 finds nothing to join on arrival; a3 and a4 then make a2's story about the volcano too
    clusterer = StoryClusterer(ClusterConfig(lone_similarity_drop=0), HashingEmbedder())
    assert [s.article_ids for s in clusterer.fit_predict(VOLCANO)] == [["a1", "a2", "a3", "a4"]]


def test_refining_moves_only_the_new_articles():
    clusterer = StoryClusterer(embedder=HashingEmbedder())
    state = ClusterState()
    first = clusterer.partial_fit(VOLCANO[:2], state)
    assert first["a1"] != first["a2"]
    later = clusterer.partial_fit(VOLCANO[2:], state)
    assert later["a3"] == later["a4"] == first["a2"]  # the stored a1 stays where it was stored
    assert sum(s.size for s in state.stories.values()) == 4


def test_an_article_is_scored_against_its_story_as_if_it_were_not_in_it():
    clusterer = StoryClusterer(ClusterConfig(similarity=0.0), HashingEmbedder())
    state = ClusterState()
    articles = [a for a in VOLCANO if "Iceland" in a.title]
    vectors = clusterer.embedder.embed([a.title for a in articles])
    items = [clusterer._item(a, v, state) for a, v in zip(articles, vectors, strict=True)]
    story = state.stories[[clusterer._place(item, state) for item in items][-1]]
    assert story.size == 3
    for item in items:
        without = copy.deepcopy(story)
        _shrink(without, item)
        assert math.isclose(clusterer._decayed_without(item, story), clusterer._decayed(item, without), abs_tol=1e-6)
    alone = StoryState("s", {}, np.zeros(0, np.float32), 0, None)
    _grow(alone, items[0], clusterer.config.centroid_terms)
    assert clusterer._decayed_without(items[0], alone) == -math.inf


def test_an_article_left_alone_joins_its_best_story_at_a_lower_bar():
    a = headline("a", "Iceland volcano erupts near Grindavik", "2024-03-01T09:00")
    b = headline("b", "Grindavik evacuated as volcano erupts", "2024-03-01T09:30")
    probe = StoryClusterer(ClusterConfig(similarity=1.0), HashingEmbedder())
    state = ClusterState()
    vectors = probe.embedder.embed([a.title, b.title])
    first, second = (probe._item(x, v, state) for x, v in zip((a, b), vectors, strict=True))
    score = probe._decayed(second, state.stories[probe._place(first, state)])
    for drop, stories in ((0.0, 2), (0.02, 1)):
        config = ClusterConfig(
            similarity=score + 0.01,
            article_similarity_drop=0,
            lone_similarity_drop=drop,
            merge_similarity=1.0,
            lone_floor=1.0,  # no clear-choice joins: the drop alone decides
        )
        assert len(StoryClusterer(config, HashingEmbedder()).fit_predict([a, b])) == stories


def test_a_lone_article_joins_a_story_that_is_its_clear_choice():
    clusterer = StoryClusterer(ClusterConfig(lone_floor=0.5, lone_margin=1.5), HashingEmbedder())
    item = clusterer._item(headline("a", "Iceland volcano erupts", "2024-03-01T09:00"), np.ones(4), ClusterState())
    item.threshold = 0.2
    state = ClusterState()  # a headline alone names nothing: the story's terms are not read
    assert clusterer._clear_choice(item, [_Match(0.15, "x"), _Match(0.09, "y")], state)
    assert not clusterer._clear_choice(item, [_Match(0.15, "x"), _Match(0.11, "y")], state)  # a close runner-up
    assert not clusterer._clear_choice(item, [_Match(0.09, "x"), _Match(0.01, "y")], state)  # under half
    assert not clusterer._clear_choice(item, [_Match(0.15, "x")], state)  # nothing to be clearly ahead of
    # in a whole run: the lone article c joins a's story below the threshold only as its clear choice
    a = headline("a", "Iceland volcano erupts near Grindavik lava", "2024-03-01T09:00")
    b = headline("b", "Stock markets fall in Tokyo trading", "2024-03-01T09:10")
    c = headline("c", "Grindavik volcano lava reaches town markets", "2024-03-01T09:20")
    probe = StoryClusterer(ClusterConfig(similarity=1.0), HashingEmbedder())
    state = ClusterState()
    vectors = probe.embedder.embed([a.title, b.title, c.title])
    items = [probe._item(x, v, state) for x, v in zip((a, b, c), vectors, strict=True)]
    to_a, to_b = (probe._decayed(items[2], state.stories[probe._place(x, state)]) for x in items[:2])
    assert to_a > 2 * to_b
    for floor, stories in ((1.0, 3), (to_a / (to_a + 0.01) - 0.01, 2)):
        config = ClusterConfig(
            similarity=to_a + 0.01,
            lone_similarity_drop=0,
            merge_similarity=1.0,
            lone_floor=floor,
            lone_margin=1.5,
        )
        assert len(StoryClusterer(config, HashingEmbedder()).fit_predict([a, b, c])) == stories


def test_the_names_of_a_body_are_its_words_capitalised_inside_a_sentence():
    body = "Officials closed roads. The storm hit Maine on Monday, and “Snow fell” in Portland - Heavy rain too."
    article = Article(id="a", title="Storm Hits Coast", text=body, sentences=tuple(body.split(". ")))
    # not a sentence's first word, nor one after a quotation mark or a dash; the headline is not read
    assert name_terms(article, ClusterConfig()) == {"maine", "monday", "portland"}
    assert name_terms(headline("h", "Storm Hits Maine Coast", "2024-03-01T09:00"), ClusterConfig()) is None


def test_a_lone_article_with_a_body_joins_its_clear_choice_only_when_they_share_a_name():
    clusterer = StoryClusterer(ClusterConfig(lone_floor=0.5, lone_margin=1.5), HashingEmbedder())
    body = "A new study finds that chronic pain may depend on how two parts of the brain talk, said Dr Apkarian."
    state = ClusterState()
    item = clusterer._item(Article(id="a", title="Pain and the brain", text=body), np.ones(4), state)
    item.threshold = 0.2
    top = [_Match(0.15, "x"), _Match(0.09, "y")]
    for terms, joins in (({"brain": 1.0, "pain": 1.0}, False), ({"brain": 1.0, "apkarian": 0.2}, True)):
        state.stories["x"] = StoryState("x", terms, np.ones(4), 2, None)
        assert clusterer._clear_choice(item, top, state) is joins


def test_an_undated_article_must_be_closer_to_join_a_dated_story():
    def pair(first_when: str | None, second_when: str | None) -> list[Article]:
        return [
            Article(
                id="a",
                title="Iceland volcano erupts near Grindavik",
                text="Lava reached Grindavik.",
                published=first_when,
            ),
            Article(
                id="b",
                title="Grindavik evacuated as volcano erupts",
                text="Grindavik was evacuated.",
                published=second_when,
            ),
        ]

    probe = StoryClusterer(ClusterConfig(similarity=1.0), HashingEmbedder())
    state = ClusterState()
    dated = pair("2024-03-01T09:00", "2024-03-01T09:00")
    vectors = probe.embedder.embed([lede(x, probe.config) for x in dated])
    first, second = (probe._item(x, v, state) for x, v in zip(dated, vectors, strict=True))
    score = probe._decayed(second, state.stories[probe._place(first, state)])
    config = ClusterConfig(
        similarity=score * 0.8,
        article_similarity_drop=0,
        lone_similarity_drop=0,
        merge_similarity=1.0,
        undated_gap_hours=12,
        decay_hours=24,
    )
    clusterer = StoryClusterer(config, HashingEmbedder())
    assert len(clusterer.fit_predict(dated)) == 1
    assert len(clusterer.fit_predict(pair(None, None))) == 1  # neither dated: nothing to tell them apart by
    assert len(clusterer.fit_predict(pair("2024-03-01T09:00", None))) == 2  # e^(-12/24) = 0.61 < 0.8


def test_stories_of_headlines_merge_at_a_lower_bar():
    def two_stories(config: ClusterConfig) -> tuple[StoryClusterer, ClusterState, str]:
        clusterer = StoryClusterer(config, HashingEmbedder())
        state = ClusterState()
        articles = [replace(VOLCANO[0], published=None), replace(VOLCANO[3], published=None)]  # no decay
        vectors = clusterer.embedder.embed([a.title or "" for a in articles])
        for article, vector in zip(articles, vectors, strict=True):
            item = clusterer._item(article, vector, state)
            story = StoryState(article.id, {}, np.zeros_like(vector), 0, None)
            _grow(story, item, config.centroid_terms)
            state.add_story(story)
        return clusterer, state, "a4"

    probe, state, newer = two_stories(ClusterConfig())
    older = state.stories["a1"]
    story = state.stories[newer]
    terms = sum(w * older.terms.get(t, 0.0) for t, w in story.terms.items()) / (story.term_norm * older.term_norm)
    dense = float(story.vector @ older.vector) / (story.vector_norm * older.vector_norm)
    score = probe.config.text_weight * terms + (1 - probe.config.text_weight) * dense
    config = ClusterConfig(merge_similarity=min(1.0, score + 0.02), headline_merge_drop=0.04)
    for fullness, stories in ((1.0, 2), (0.0, 1)):
        clusterer, state, newer = two_stories(config)
        clusterer.merge({newer: fullness}, state)
        assert len(state.stories) == stories


def test_average_linkage_finds_separate_groups_and_keeps_one_story_whole():
    from newsprism.cluster.split import groups

    two = np.full((7, 7), 0.05)
    two[:3, :3] = two[3:6, 3:6] = 0.6
    two[6, :3], two[:3, 6] = 0.15, 0.15  # a loose member, closest to the first group
    assert groups(two, 0.2, 3) == [[0, 1, 2, 6], [3, 4, 5]]
    one = np.full((7, 7), 0.5)
    assert groups(one, 0.2, 3) == [list(range(7))]
    lopsided = two.copy()
    lopsided[5, :5] = lopsided[:5, 5] = 0.05  # the second group now has two members: too few to stand
    assert groups(lopsided, 0.2, 3) == [list(range(7))]


def test_a_story_without_a_core_is_cut_into_all_its_groups():
    from newsprism.cluster.split import groups

    chain = np.full((7, 7), 0.05)  # three pairs and a loner: a broad topic, no event
    for pair in ((0, 1), (2, 3), (4, 5)):
        chain[np.ix_(pair, pair)] = 0.6
    assert groups(chain, 0.2, 3) == [list(range(7))]  # no group large enough to stand
    assert groups(chain, 0.2, 3, core=0.4) == [[0, 1], [2, 3], [4, 5], [6]]
    cored = chain.copy()
    cored[:3, :3] = 0.6  # a core of three of seven (0.43)
    assert groups(cored, 0.2, 3, core=0.4) == [list(range(7))]


def volcano_and_markets(prefix: str, hour: int) -> list[Article]:
    volcano = [
        "Volcano erupts on Iceland peninsula",
        "Iceland volcano eruption lava Grindavik",
        "Lava from Iceland volcano nears town",
    ]
    markets = [
        "Wall Street stocks rally on Fed rate hopes",
        "Stocks rally as Fed signals rate cut",
        "Fed rate cut hopes lift Wall Street stocks",
    ]
    # one word they all share, so that at a similarity of 0 every headline joins one story
    return [
        headline(f"{prefix}{n}", f"{title} on Monday", f"2024-01-01T{hour:02d}:{n:02d}")
        for n, title in enumerate(volcano + markets)
    ]


def test_a_story_whose_members_form_two_groups_is_split():
    loose = ClusterConfig(similarity=0.0, merge_similarity=0.0)  # everything joins one story
    together = StoryClusterer(replace(loose, split_size=100), HashingEmbedder()).fit_predict(
        volcano_and_markets("a", 9)
    )
    assert [len(s.articles) for s in together] == [6]
    state = ClusterState()
    placed = StoryClusterer(loose, HashingEmbedder()).partial_fit(volcano_and_markets("a", 9), state)
    assert {placed[f"a{n}"] for n in range(3)}.isdisjoint({placed[f"a{n}"] for n in range(3, 6)})
    assert len(set(placed.values())) == 2
    assert sorted(s.size for s in state.stories.values()) == [3, 3]
    for sid, story in state.stories.items():
        assert all(sid in state.postings[t] for t in story.terms)  # the pieces are indexed


def test_the_part_holding_the_first_article_keeps_the_story_id_even_when_smaller():
    loose = ClusterConfig(similarity=0.0, merge_similarity=0.0)
    articles = [*volcano_and_markets("a", 9), headline("a9", "Wall Street stocks rally on Monday", "2024-01-01T09:30")]
    state = ClusterState()
    placed = StoryClusterer(loose, HashingEmbedder()).partial_fit(articles, state)
    assert placed["a0"] == story_id("a0")  # the volcano, first and in the smaller part
    assert sorted(s.size for s in state.stories.values()) == [3, 4]
    assert {placed[a.id] for a in articles} == set(state.stories)


def test_a_story_holding_articles_of_earlier_batches_is_not_split():
    loose = ClusterConfig(similarity=0.0, merge_similarity=0.0)
    state = ClusterState()
    first = StoryClusterer(replace(loose, split_size=100), HashingEmbedder()).partial_fit(
        volcano_and_markets("a", 9), state
    )
    later = StoryClusterer(loose, HashingEmbedder()).partial_fit(volcano_and_markets("b", 10), state)
    assert len(set(first.values())) == 1
    assert set(later.values()) == set(first.values())  # its sums cannot be divided by member


def test_an_article_within_the_times_of_a_storys_batch_articles_is_no_distance_from_it():
    clusterer = StoryClusterer(embedder=HashingEmbedder())
    state = ClusterState()
    hours = ("2024-03-01T09:00", "2024-03-01T21:00", "2024-03-02T09:00")
    items = [
        clusterer._item(headline(f"a{n}", "Iceland volcano erupts near Grindavik", when), np.ones(4), state)
        for n, when in enumerate(hours)
    ]
    story = state.stories[clusterer._place(items[0], state)]
    assert clusterer._place(items[2], state) == story.id  # the story spans 09:00 to 09:00 the next day
    assert clusterer._item_gap(items[1].when, story) == 0.0  # its newest article is 12 hours later
    assert clusterer._item_gap(items[2].when + 3600, story) == 1.0
    before = clusterer._item(headline("b", "Iceland volcano", "2024-03-01T06:00"), np.ones(4), state)
    assert clusterer._item_gap(before.when, story) == 3.0  # to its first article of the batch
    older = StoryState("s-old", {}, np.ones(4), 1, items[2].when)  # reached by no article of this batch
    assert clusterer._item_gap(items[1].when, older) == 12.0


def test_an_essay_that_reaches_its_event_late_joins_the_event_story():
    event = "Lava from the Grindavik volcano reached the town on Sunday. Iceland evacuated Grindavik as it erupted. "
    preamble = "".join(f"Reflection {i} on how little anyone can plan for what the ground will do. " for i in range(45))
    report = Article(id="a", title="Grindavik volcano erupts", text=event * 2)
    essay = Article(id="b", title="On living with uncertainty", text=preamble + event)  # its event after 3000 chars
    other = Article(id="c", title="Tokyo stocks fall", text="Shares in Tokyo fell on Monday as exporters slid. " * 3)
    assert len(preamble) > 3000
    for config, together in ((ClusterConfig(), True), (ClusterConfig(text_chars=3000), False)):
        stories = StoryClusterer(config, HashingEmbedder()).fit_predict([report, essay, other])
        assert (["a", "b"] in [s.article_ids for s in stories]) is together
