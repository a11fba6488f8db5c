"""Stories made of a few short articles, each a list of sentences, for the summary's and the conflict readers' tests."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from newsprism.analysis.conflicts import ConflictsConfig, find_conflicts
from newsprism.analysis.runner import analyse_story
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings
from newsprism.embed import EmbeddedSentences, HashingEmbedder, load_embedder
from newsprism.records import Article, Conflict, RawDocument, Sentence, Story


def story_of(texts: dict[str, list[str]]) -> Story:
    """A story of one article per id, its sentences joined, read through the article pipeline."""
    pipeline = Pipeline()
    return Story("s", tuple(pipeline.run(RawDocument(i, "record", " ".join(t), id=i)) for i, t in texts.items()))


def summary_of(texts: dict[str, list[str]], settings: Settings | None = None) -> list[str]:
    """The texts of the story's summary, analysed with the hashing embedder."""
    analysis = analyse_story(story_of(texts), load_embedder("hashing")[0], settings or Settings())
    return [s.text for s in analysis.summary]


def conflict_values(
    reader: Callable[[list[Sentence], set[tuple[int, int]]], list[Conflict]],
    *texts: str,
    facts: tuple[tuple[int, int], ...] | None = None,
) -> list[list[str]]:
    """The sides' values of the conflicts a reader of sentences in one fact finds between articles (each a
    text, its sentences split at ". "), every pair of sentences taken as one fact unless ``facts`` names them."""
    articles = [Article(id=f"a{n}", text=t, sentences=tuple(t.split(". "))) for n, t in enumerate(texts)]
    sentences = list(Story("s", tuple(articles)).sentences())
    pairs = set(combinations(range(len(sentences)), 2)) if facts is None else set(facts)
    return [[side.value for side in c.sides] for c in reader(sentences, pairs)]


def conflicts_between(first: str | tuple[str, ...], second: str | tuple[str, ...]) -> list[Conflict]:
    """The conflicts found between two articles (given as their sentences) that share no fact."""
    articles = []
    for article_id, text in (("a", first), ("b", second)):
        lines = (text,) if isinstance(text, str) else text
        articles.append(Article(id=article_id, text=" ".join(lines), sentences=lines, published="2024-06-18"))
    story = Story("s", tuple(articles))
    return list(find_conflicts(story, EmbeddedSentences(story.sentences(), HashingEmbedder()), (), ConflictsConfig()))
