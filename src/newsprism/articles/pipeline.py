"""The article pipeline: an ordered list of named stages, spaCy style.

``Pipeline().run(doc)`` turns one :class:`RawDocument` into an :class:`Article`;
``Pipeline().stream(docs)`` does the same for many, in batches, and also runs the batch stage that
needs several articles at once (lines repeated across articles of an outlet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..records import Article, RawDocument
from .extract import extract
from .language import add_language
from .repeated import strip_repeated_lines
from .sentences import add_sentences

ArticleStage = Callable[[Article], Article]


class Pipeline:
    """Extract, clean, split into sentences and detect the language of articles.

    >>> from newsprism.records import RawDocument
    >>> doc = RawDocument("a.txt", "text", "Storm Hits Coast\\nA storm hit the coast. Roads closed.", "a")
    >>> Pipeline().run(doc).sentences
    ('A storm hit the coast.', 'Roads closed.')
    """

    def __init__(self) -> None:
        self.stages: list[tuple[str, ArticleStage]] = [("sentences", add_sentences), ("language", add_language)]

    @property
    def stage_names(self) -> list[str]:
        return ["extract", "boilerplate", *(name for name, _ in self.stages)]

    def run(self, doc: RawDocument) -> Article:
        return self.finish([extract(doc)])[0]

    def finish(self, articles: list[Article]) -> list[Article]:
        """The stages after extraction, for articles extracted now or loaded from the store."""
        result = []
        for article in strip_repeated_lines(articles):
            for _, stage in self.stages:
                article = stage(article)
            result.append(article)
        return result

    def stream(self, docs: Iterable[RawDocument], batch_size: int = 256) -> Iterator[Article]:
        batch: list[Article] = []
        for doc in docs:
            batch.append(extract(doc))
            if len(batch) >= batch_size:
                yield from self.finish(batch)
                batch = []
        yield from self.finish(batch)
