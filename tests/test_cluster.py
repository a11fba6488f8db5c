import shutil

import newsprism
from newsprism.cluster import ClusterState, StoryClusterer, slug_words, timestamp
from newsprism.config import ClusterConfig
from newsprism.embed import HashingEmbedder
from newsprism.records import Article
from newsprism.store import Store

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
    with Store(db) as store:
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


def test_url_slugs_and_timestamps():
    assert slug_words("https://x.com/world/2024/06/putin-arrives-in-pyongyang.html") == "putin arrives in pyongyang"
    assert slug_words(None) == ""
    assert timestamp("2024-06-19") < timestamp("2024-06-19T10:00:00+00:00")
    assert timestamp("yesterday") is None
