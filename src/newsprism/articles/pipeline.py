"""The article pipeline: an ordered list of named stages, spaCy style.

``Pipeline().run(doc)`` turns one :class:`RawDocument` into an :class:`Article`;
``Pipeline().stream(docs)`` does the same for many, in batches. Between extraction and the
per-article stages sits the per-outlet stage, which needs other articles: lines repeated across an
outlet's articles are removed. :meth:`Pipeline.finish` takes which lines those are (the store counts
them over every stored article of the outlet) or counts them among the articles it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace

from ..records import Article, RawDocument
from .clean import CleanConfig
from .extract import extract
from .language import add_language
from .pagekind import PageKindConfig, page_kind
from .repeated import repeated_among, strip_repeated
from .sentences import add_sentences

ArticleStage = Callable[[Article], Article]


class Pipeline:
    """Extract, clean, split into sentences and detect the language of articles.

    >>> from newsprism.records import RawDocument
    >>> doc = RawDocument("a.txt", "text", "Storm Hits Coast\\nA storm hit the coast. Roads closed.", "a")
    >>> Pipeline().run(doc).sentences
    ('A storm hit the coast.', 'Roads closed.')
    """

    def __init__(self, config: CleanConfig | None = None, pages: PageKindConfig | None = None) -> None:
        self.config = config or CleanConfig()
        self.pages = pages or PageKindConfig()
        self.stages: list[tuple[str, ArticleStage]] = [
            ("sentences", add_sentences),
            ("language", add_language),
            ("page kind", self._add_kind),
        ]

    @property
    def stage_names(self) -> list[str]:
        return ["extract", "boilerplate", "repeated lines", *(name for name, _ in self.stages)]

    def extract(self, doc: RawDocument) -> Article:
        return extract(doc, self.config)

    def run(self, doc: RawDocument) -> Article:
        return self.finish([self.extract(doc)])[0]

    def finish(self, articles: list[Article], repeated: Mapping[str, set[str]] | None = None) -> list[Article]:
        """The stages after extraction. ``repeated`` gives each article's repeated lines (by key); without
        it they are counted among ``articles``."""
        repeated = repeated_among(articles) if repeated is None else repeated
        result = []
        for article in articles:
            article = strip_repeated(article, repeated.get(article.id, set()))
            for _, stage in self.stages:
                article = stage(article)
            result.append(article)
        return result

    def _add_kind(self, article: Article) -> Article:
        return replace(article, kind=page_kind(article, self.pages))

    def stream(self, docs: Iterable[RawDocument], batch_size: int = 256) -> Iterator[Article]:
        batch: list[Article] = []
        for doc in docs:
            batch.append(self.extract(doc))
            if len(batch) >= batch_size:
                yield from self.finish(batch)
                batch = []
        yield from self.finish(batch)
