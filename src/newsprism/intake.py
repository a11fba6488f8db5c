"""Inputs into the store: read, extract, finish and store articles in batches, then place them in stories.

:class:`Intake` reads documents (files, stdin, URLs), extracts each one not stored before, and commits
them ``batch`` at a time, so an interrupted run keeps what it stored. Lines repeated across an
outlet's articles are counted over every stored article of that outlet, so a stored article is
re-finished when a line it holds becomes repeated (or stops being): the same articles are cleaned the
same way whatever the batches. :func:`place` puts articles into stories in one store transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from .articles.pipeline import Pipeline
from .articles.repeated import REPEATED_IN, line_keys
from .cluster import ClusterConfig, StoryClusterer, publication_order, timestamp
from .cluster.features import date_out_of_range
from .embed import Embedder
from .errors import InputError
from .inputs.feeds import is_url, read_url
from .inputs.fetch import Fetcher
from .inputs.files import HEADLINE, read_inputs, source_hash
from .progress import advance
from .records import Article, RawDocument, Skipped, Story
from .store import OutletLines, Store


@dataclass
class Intake:
    """What one run read: its articles by id (as stored now), skipped inputs, warnings about inputs it
    read (kept, but not taken as given), and the ids stored anew."""

    store: Store
    pipeline: Pipeline
    fetcher: Fetcher
    # articles are committed this many at a time; 0 stores nothing until every input was read
    batch: int
    articles: dict[str, Article] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    new: set[str] = field(default_factory=set)
    _origin: dict[str, str] = field(default_factory=dict)
    _pending: list[Article] = field(default_factory=list)

    def read(self, inputs: Iterable[str | Path], stdin: IO[str] | None = None) -> None:
        for item in self._documents(inputs, stdin):
            if isinstance(item, Skipped):
                self.skipped.append(item)
            elif isinstance(item, Article):
                self._add(item, item.url or item.id, stored=True)
            else:
                self._take(item)
            if self.batch and len(self._pending) >= self.batch:
                self.commit()
            advance("read")

    def commit(self) -> None:
        """Finish and store the pending articles, and re-finish the stored ones their lines affect."""
        if not self._pending:
            return
        extracted, self._pending = self._pending, []
        with self.store.transaction():
            affected = self.store.put_outlet_lines(
                {a.id: OutletLines(a.outlet, line_keys(a)) for a in extracted if a.outlet}
            )
            batch = extracted + list(self.store.extracted(affected).values())
            repeated = self.store.repeated_lines([a.id for a in batch if a.outlet], REPEATED_IN)
            finished = self.pipeline.finish(batch, repeated)
            self.store.put_articles(finished, extracted=extracted)
            self.store.index_near_duplicates(finished)
        self.articles.update((a.id, a) for a in finished if a.id in self.articles)

    def _take(self, doc: RawDocument) -> None:
        stored = self.store.article(doc.id or "")
        if stored is not None and stored.source_hash == source_hash(doc):
            self._add(stored, doc.input, stored=True)
            return
        try:
            extracted = self.pipeline.extract(doc)
        except InputError as err:
            self.skipped.append(Skipped(doc.input, str(err).removeprefix(f"{doc.input}: ")))
            return
        if doc.kind == HEADLINE:
            # marked for the page-kind stage, which sets the kind every finished article has: a headline
            # is an article of one line, not a page whose lines are mostly service lines
            extracted = replace(extracted, kind=HEADLINE)
        self._add(extracted, doc.input, stored=False)

    def _add(self, article: Article, where: str, stored: bool) -> None:
        if article.id in self.articles:
            if self.articles[article.id].source_hash != article.source_hash:
                self.skipped.append(Skipped(where, f"id {article.id!r} is already used by {self._origin[article.id]}"))
            return
        self.articles[article.id] = article
        self._origin[article.id] = where
        if why := date_out_of_range(article.published):
            self.warnings.append(
                Skipped(
                    where, f"published date {article.published} is {why}; kept, but not used to order or time its story"
                )
            )
        if not stored:
            self.new.add(article.id)
            self._pending.append(article)

    def _documents(
        self, inputs: Iterable[str | Path], stdin: IO[str] | None
    ) -> Iterator[RawDocument | Skipped | Article]:
        """Raw documents to extract, or stored articles of web pages that need no fetching."""
        local = []
        for given in inputs:
            if is_url(str(given)):
                yield from read_url(str(given), self.fetcher, stored=self.store.article)
            else:
                local.append(given)
        if local:
            yield from read_inputs(local, stdin)


# New articles are placed this many at a time, oldest first, as separate ingests of them would be: the
# clusterer holds the terms of every article of a batch (some 40 kB each; 20,000 at once took 900 MB). A run
# of fewer is placed in one batch, as before; the stories of a larger one are those of ingesting it in parts.
PLACE_BATCH = 2000


def place(articles: list[Article], store: Store, embedder: Embedder, config: ClusterConfig) -> list[Story]:
    """This run's stories: new articles join the stored stories (or start new ones), in one transaction;
    a story that gains an article is returned whole, with the articles earlier runs put in it."""
    clusterer = StoryClusterer(config, embedder)
    if config.one_story:
        return clusterer.fit_predict(articles)
    with store.transaction():
        placed = store.story_of([a.id for a in articles])
        new = [a for a in articles if a.id not in placed]
        # the stories still open at the oldest new article: a run may bring in older articles (a backfill,
        # or articles another process placed newer ones before) and each must meet the stories of its days
        oldest = min((t for a in new if (t := timestamp(a.published)) is not None), default=None)
        state = store.cluster_state(embedder.name, oldest - config.window_days * 86400 if oldest else None)
        ordered = publication_order(new)
        for start in range(0, len(ordered), PLACE_BATCH):
            placed.update(clusterer.partial_fit(ordered[start : start + PLACE_BATCH], state))
        members: dict[str, list[str]] = defaultdict(list)
        for sid in dict.fromkeys(placed.values()):  # stored members, also of stories merged away now
            members[state.resolve(sid)] += store.story_members(sid)
        for gone in state.merged_into:
            members[state.resolve(gone)] += store.story_members(gone)
        for article_id, sid in placed.items():
            members[state.resolve(sid)].append(article_id)
        store.put_cluster_state(state, embedder.name)
        store.put_members({sid: list(dict.fromkeys(ids)) for sid, ids in members.items()})
    by_id = {a.id: a for a in articles}
    missing = [m for ids in members.values() for m in ids if m not in by_id]
    by_id.update(store.articles(missing))
    stories = [
        Story(sid, tuple(publication_order([by_id[m] for m in dict.fromkeys(ids) if m in by_id])))
        for sid, ids in members.items()
    ]
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))
