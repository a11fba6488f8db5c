"""Conflicts over the year of one named work ("his 2012 memoir", "his 2011 autobiography, My Infamous Life")."""

import zlib

import numpy as np
import pytest

from newsprism.analysis.dated_works import dated_work_conflicts
from newsprism.analysis.parse import parser
from newsprism.records import Article, Story

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

# Nouns of one kind share a direction; any other noun gets one of its own.
KIND = {"memoir": 0, "autobiography": 0, "book": 0, "album": 1, "record": 1}


class KindEmbedder:
    """Unit vectors that put the nouns of KIND's kinds together and every other word alone."""

    name, dim = "kinds", 64

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for n, text in enumerate(texts):
            vectors[n, KIND.get(text, 2 + zlib.crc32(text.encode()) % (self.dim - 2))] = 1.0
        return vectors


def years(*texts: str) -> list[list[str]]:
    """The sides' values of the conflicts between articles, one a text, its sentences split at ". "."""
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    story = Story("s", tuple(articles))
    return [[side.value for side in c.sides] for c in dated_work_conflicts(story.sentences(), KindEmbedder())]


DATED_2011 = "In his 2011 autobiography, My Infamous Life, Johnson recalled his childhood."
TITLED = "He published an unusually candid autobiography, “My Infamous Life.”"


def test_one_work_given_two_years_under_two_nouns_is_a_possible_difference():
    dated_2012 = f"{TITLED}. He wrote about the pain in his 2012 memoir."
    assert years(DATED_2011, dated_2012) == [["2011 autobiography", "2012 memoir"]]
    assert years(DATED_2011, f"{TITLED}. He wrote about the pain in his 2011 memoir.") == []


def test_a_kind_the_story_names_by_two_titles_is_of_several_works():
    first = "His 1994 album, Illmatic, changed rap. The 1996 follow-up sold more."
    second = "He recorded the album “It Was Written.” His 1996 album went to number one."
    assert years(first, second) == []


def test_a_kind_the_story_speaks_of_in_the_plural_holds_several_works():
    dated_2012 = f"{TITLED}. He wrote about the pain in his 2012 memoir."
    assert years(f"{DATED_2011} He wrote two more books.", dated_2012) == []


def test_an_article_that_never_names_the_title_may_date_another_work():
    assert years(DATED_2011, "He wrote about the pain in his 2012 memoir.") == []


def test_an_article_giving_the_kind_two_years_tells_of_two_works():
    both = f"{TITLED}. He wrote about it in his 2012 memoir. His 2014 book was a cookbook."
    assert years(DATED_2011, both) == []


def test_years_of_nouns_of_other_kinds_are_not_compared():
    assert years(DATED_2011, f"{TITLED}. He left on his 2012 tour.") == []
