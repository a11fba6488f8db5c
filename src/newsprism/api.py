"""The Python API: ``newsprism.analyze(inputs, **options) -> Report``, what the CLI's ``analyze`` runs."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import IO

from . import __version__
from .analysis import ANALYSERS, analyse_story
from .analysis.entities import Recognizer
from .analysis.ner import load_recognizer
from .articles.extract import extract
from .articles.pipeline import Pipeline
from .cluster import StoryClusterer, publication_order, timestamp
from .config import ClusterConfig, Settings, SummaryConfig
from .embed import Embedder, load_embedder
from .errors import InputError, NewsprismError, NoArticlesError
from .inputs.feeds import is_url, read_url
from .inputs.fetch import Fetcher
from .inputs.files import read_inputs, source_hash
from .records import Article, RawDocument, Skipped, Story
from .report import Report, analysis_to_dict
from .store.sqlite import Store

DEFAULT_DB = "newsprism.db"
# Articles are committed this many at a time while reading, so an interrupted run loses little.
BATCH = 20


@dataclass
class Ingested:
    """What :func:`ingest` read: the run's articles (``new`` of them not stored before), the stories
    they are in, and skipped inputs."""

    articles: list[Article]
    stories: list[Story]
    skipped: list[Skipped]
    embedder: Embedder
    embedder_note: str
    new: int


def ingest(
    inputs: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_DB,
    one_story: bool | None = None,
    strict: bool | None = None,
    settings: Settings | None = None,
    embedder: Embedder | str = "auto",
    allow_private: bool = False,
    delay: float = 1.0,
    fetcher: Fetcher | None = None,
    stdin: IO[str] | None = None,
) -> Ingested:
    """Read ``inputs`` (files, folders, ``"-"`` for JSON lines on stdin, URLs of pages, feeds, OPML
    lists or sitemaps), store the articles and place them into stories, without analysing them.

    Articles are committed in small batches as they are read, so an interrupted ingest keeps what it
    stored and a restart fetches none of it again. With ``strict``, any skipped input fails the run
    and nothing is stored. URLs resolving to private addresses are refused unless ``allow_private``;
    ``delay`` is the pause in seconds between two requests to one host.
    """
    settings = _with_options(settings or Settings(), None, one_story, strict)
    embedder, why = load_embedder(embedder) if isinstance(embedder, str) else (embedder, "given")
    with Store(db) as store:
        web = fetcher or Fetcher(allow_private=allow_private, delay=delay)
        web.validators, web.log = store.validators, store.record_fetch
        try:
            articles, skipped, new = _read(inputs, store, stdin, web, batch=0 if settings.strict else BATCH)
        finally:
            if fetcher is None:
                web.close()
        if not (skipped and settings.strict):
            store.put_validators(web.fresh)  # everything those fetches held is stored now
        reasons = "".join(f"\n  skipped {s.input}: {s.reason}" for s in skipped)
        if skipped and settings.strict:
            raise NewsprismError(f"--strict: {len(skipped)} input(s) could not be read; nothing stored{reasons}")
        store.put_skipped(skipped)
        articles += [a for a in store.unplaced_articles() if a.id not in {b.id for b in articles}]
        if not articles and skipped:
            raise NoArticlesError(f"no articles found in the inputs{reasons}")
        stories = _cluster(articles, store, embedder, settings.cluster) if articles else []
    return Ingested(articles, stories, skipped, embedder, why, len(new))


def analyze(
    inputs: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_DB,
    summary_words: int | None = None,
    one_story: bool | None = None,
    strict: bool | None = None,
    settings: Settings | None = None,
    embedder: Embedder | str = "auto",
    allow_private: bool = False,
    delay: float = 1.0,
    stdin: IO[str] | None = None,
) -> Report:
    """Read ``inputs`` like :func:`ingest`, then analyse every story they are in and return the report.

    The keyword options mirror the CLI flags and override the matching fields of ``settings``.
    ``embedder`` is an :class:`Embedder` or one of ``"auto"`` (MiniLM when installed, else hashed
    n-grams), ``"minilm"`` or ``"hashing"``; the report's ``pipeline`` says which ran and why.
    A story that earlier runs stored grows in place. Raises :class:`NoArticlesError` when no input
    holds an article, and :class:`NewsprismError` when ``strict`` is set and an input was skipped.

    >>> report = analyze(["examples/"], db=":memory:")  # doctest: +SKIP
    >>> len(report.stories)  # doctest: +SKIP
    2
    """
    settings = _with_options(settings or Settings(), summary_words, one_story, strict)
    done = ingest(
        inputs, db=db, settings=settings, embedder=embedder, allow_private=allow_private, delay=delay, stdin=stdin
    )
    if not done.articles:
        raise NoArticlesError("nothing new in the inputs; newsprism report shows what is stored")
    recognizer, recognizer_note = load_recognizer()
    with Store(db) as store:
        stories = [_analysed(story, store, done.embedder, recognizer, settings) for story in done.stories]
        articles = _members(done.articles, stories, store)
    return Report(articles=articles, stories=stories, skipped=done.skipped,
                  pipeline=_pipeline_info(done.embedder, done.embedder_note, recognizer, recognizer_note))


def report(
    *,
    db: str | Path = DEFAULT_DB,
    summary_words: int | None = None,
    settings: Settings | None = None,
    embedder: Embedder | str = "auto",
) -> Report:
    """Analyse every story stored in ``db`` (reusing stored analyses) and return the report."""
    settings = _with_options(settings or Settings(), summary_words, None, None)
    embedder, why = load_embedder(embedder) if isinstance(embedder, str) else (embedder, "given")
    recognizer, recognizer_note = load_recognizer()
    with Store(db) as store:
        stories = []
        for sid, _, _ in store.stories_overview():
            found = [store.article(a) for a in store.story_members(sid)]
            story = Story(sid, tuple(publication_order([a for a in found if a is not None])))
            if story.articles:
                stories.append(_analysed(story, store, embedder, recognizer, settings))
        if not stories:
            raise NoArticlesError(f"{db}: no stories stored yet; add articles with newsprism ingest or analyze")
        articles = _members([], stories, store)
    info = _pipeline_info(embedder, why, recognizer, recognizer_note)
    return Report(articles=articles, stories=stories, pipeline=info)


def _pipeline_info(embedder: Embedder, why: str, recognizer: Recognizer, recognizer_note: str) -> dict:
    return {
        "stages": [*Pipeline().stage_names, "deduplicate", "embed", "cluster", *ANALYSERS, "store"],
        "embedder": embedder.name,
        "embedder_note": why,
        "entities": recognizer.name,
        "entities_note": recognizer_note,
    }


def _cluster(articles: list[Article], store: Store, embedder: Embedder, config: ClusterConfig) -> list[Story]:
    """This run's stories: new articles join the stored stories (or start new ones); a story that
    gains an article is returned whole, with the articles earlier runs put in it."""
    clusterer = StoryClusterer(config, embedder)
    if config.one_story:
        return clusterer.fit_predict(articles)
    placed = store.story_of([a.id for a in articles])
    new = [a for a in articles if a.id not in placed]
    newest = max((t for a in new if (t := timestamp(a.published)) is not None), default=None)
    state = store.cluster_state(embedder.name, newest - config.window_days * 86400 if newest else None)
    placed.update(clusterer.partial_fit(new, state))
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
    stories = []
    for sid, ids in members.items():
        found = [by_id.get(m) or store.article(m) for m in dict.fromkeys(ids)]
        stories.append(Story(sid, tuple(publication_order([a for a in found if a is not None]))))
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))


def _members(articles: list[Article], stories: list[dict], store: Store) -> list[Article]:
    """The run's articles and the stored articles of its stories, in publication order."""
    known = {a.id: a for a in articles}
    for story in stories:
        for article_id in story["articles"]:
            if article_id not in known and (stored := store.article(article_id)) is not None:
                known[article_id] = stored
    return publication_order(list(known.values()))


def _with_options(
    settings: Settings, summary_words: int | None, one_story: bool | None, strict: bool | None
) -> Settings:
    if summary_words is not None:
        settings = replace(settings, summary=SummaryConfig(words=summary_words))
    if one_story is not None:
        settings = replace(settings, cluster=replace(settings.cluster, one_story=one_story))
    if strict is not None:
        settings = replace(settings, strict=strict)
    return settings


def _read(
    inputs: Iterable[str | Path], store: Store, stdin: IO[str] | None, fetcher: Fetcher, batch: int
) -> tuple[list[Article], list[Skipped], set[str]]:
    """Extract every input, reusing the stored article when its input has not changed, and store the
    articles every ``batch`` of them (0: only at the end, all or nothing). Also returns the ids of the
    articles that were not stored as they are now."""
    articles: dict[str, Article] = {}
    origin: dict[str, str] = {}
    skipped: list[Skipped] = []
    pending: list[Article] = []
    new: set[str] = set()
    for item in _documents(inputs, store, stdin, fetcher):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        where = item.url or item.id if isinstance(item, Article) else item.input
        article = item if isinstance(item, Article) else _extract_or_reuse(item, store)
        if isinstance(article, Skipped):
            skipped.append(article)
        elif article.id in articles:
            if articles[article.id].source_hash != article.source_hash:
                skipped.append(Skipped(where, f"id {article.id!r} is already used by {origin[article.id]}"))
        else:
            articles[article.id] = article
            origin[article.id] = where
            if store.article(article.id) != article:
                new.add(article.id)
            pending.append(article)
            if batch and len(pending) >= batch:
                _store_batch(pending, articles, store)
    if pending and not (skipped and not batch):
        _store_batch(pending, articles, store)
    return list(articles.values()), skipped, new


def _documents(
    inputs: Iterable[str | Path], store: Store, stdin: IO[str] | None, fetcher: Fetcher
) -> Iterator[RawDocument | Skipped | Article]:
    """Raw documents to extract, or stored articles of web pages that need no fetching."""
    local = []
    for given in inputs:
        if is_url(str(given)):
            yield from read_url(str(given), fetcher, stored=store.article)
        else:
            local.append(given)
    if local:
        yield from read_inputs(local, stdin)


def _store_batch(pending: list[Article], articles: dict[str, Article], store: Store) -> None:
    """Finish, store and index a batch in one go, then forget it: the store now holds it."""
    finished = Pipeline().finish(pending)
    store.put_articles(finished)
    store.index_near_duplicates(finished)
    articles.update((a.id, a) for a in finished)
    pending.clear()


def _extract_or_reuse(doc: RawDocument, store: Store) -> Article | Skipped:
    stored = store.article(doc.id or "")
    if stored is not None and stored.source_hash == source_hash(doc):
        return stored
    try:
        return extract(doc)
    except InputError as err:
        return Skipped(doc.input, str(err).removeprefix(f"{doc.input}: "))


def _analysed(story: Story, store: Store, embedder: Embedder, recognizer: Recognizer, settings: Settings) -> dict:
    """The story's analysis, from the store when neither its articles nor the settings changed."""
    key = hashlib.sha1(
        json.dumps(
            [__version__, embedder.name, recognizer.name, asdict(settings), [a.to_dict() for a in story.articles]],
            sort_keys=True,
        ).encode("utf-8")
    ).hexdigest()
    cached = store.analysis(story.id, key)
    if cached is not None:
        return cached
    near = store.near_duplicate_pairs(list(story.article_ids))
    result = analysis_to_dict(analyse_story(story, embedder, settings, near, recognizer))
    store.put_story(result, key)
    return result
