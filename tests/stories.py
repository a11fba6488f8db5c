"""Stories made of a few short articles, each a list of sentences, for the summary's tests."""

from __future__ import annotations

from newsprism.analysis.runner import analyse_story
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings
from newsprism.embed import load_embedder
from newsprism.records import RawDocument, Story


def story_of(texts: dict[str, list[str]]) -> Story:
    """A story of one article per id, its sentences joined, read through the article pipeline."""
    pipeline = Pipeline()
    return Story("s", tuple(pipeline.run(RawDocument(i, "record", " ".join(t), id=i)) for i, t in texts.items()))


def summary_of(texts: dict[str, list[str]], settings: Settings | None = None) -> list[str]:
    """The texts of the story's summary, analysed with the hashing embedder."""
    analysis = analyse_story(story_of(texts), load_embedder("hashing")[0], settings or Settings())
    return [s.text for s in analysis.summary]
