"""The Python API: one function per CLI command, of the same name. Wiring only: each stage lives in its
own package, and these functions put them together.

``analyze`` reads, stores, clusters, analyses and reports; ``ingest`` reads, stores and clusters;
``report`` analyses and reports what is stored; ``stories`` and ``search`` read the store; ``watch``
ingests again and again; ``serve`` runs the web app.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .analysis.analysers import ANALYSERS
from .analysis.base import StoryContext
from .analysis.entities import Recognizer
from .analysis.languages import language_notes
from .analysis.ner import load_recognizer
from .analysis.parse import parser_name
from .analysis.runner import AnalysisRun
from .articles.pipeline import Pipeline
from .cluster import publication_order
from .config import Settings
from .embed import Embedder, embedder_stages, load_embedder
from .embed.stored import with_stored_vectors
from .errors import NoArticlesError, NotFoundError, SkippedInputsError
from .inputs.fetch import Fetcher
from .intake import Intake, place
from .progress import advance
from .records import Article, Skipped, Story
from .report import Report, analysis_to_dict
from .report.packed import Packed, pack, unpack
from .store import SearchHit, Store, StoryOverview, open_store

if TYPE_CHECKING:
    from .backfill import Backfilled

DEFAULT_DB = "newsprism.db"
# Articles are committed this many at a time while reading, so an interrupted run loses little.
BATCH = 20
# Articles read back from the store this many at a time for the report.
READ_BATCH = 500


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
    keep_pages: bool | None = None,
) -> Ingested:
    """Read ``inputs`` (files, folders, ``"-"`` for JSON lines on stdin, URLs of pages, feeds, OPML
    lists or sitemaps), store the articles and place them into stories, without analysing them.

    Articles are committed in small batches as they are read, so an interrupted ingest keeps what it
    stored and a restart fetches none of it again. With ``strict``, any skipped input fails the run
    and nothing is stored. URLs resolving to private addresses are refused unless ``allow_private``;
    ``delay`` is the pause in seconds between two requests to one host. Pages that are not news
    articles (crawl notices, sign-in walls, video pages) are stored and listed as skipped, out of every
    story, unless ``keep_pages``.
    """
    settings = _with_options(settings or Settings(), None, one_story, strict, keep_pages)
    embedder, why = load_embedder(embedder) if isinstance(embedder, str) else (embedder, "given")
    with open_store(db) as store:
        web = fetcher or Fetcher(allow_private=allow_private, delay=delay)
        try:
            intake = _read(inputs, store, settings, web, stdin)
        finally:
            if fetcher is None:
                web.close()
        pages = list(intake.articles.values())
        pages += store.unplaced_articles(known=intake.articles)
        articles = [page for page in pages if page.kind is None or settings.pages.keep]
        skipped = (
            intake.skipped
            + intake.warnings
            + [
                Skipped(
                    page.url or page.id, f"not a news article: {page.kind}; stored, kept out of stories", "keep_pages"
                )
                for page in pages
                if page.kind is not None and not settings.pages.keep
            ]
        )
        if not articles and skipped:
            raise NoArticlesError("no articles found in the inputs", skipped=skipped)
        stories = place(articles, store, embedder, settings.cluster) if articles else []
    return Ingested(articles, stories, skipped, embedder, why, len(intake.new))


def _read(
    inputs: Iterable[str | Path], store: Store, settings: Settings, web: Fetcher, stdin: IO[str] | None
) -> Intake:
    """Read the inputs into the store; strict reading stores nothing unless every input was read."""
    web.validators, web.log = store.validators, store.record_fetch
    intake = Intake(store, Pipeline(settings.clean, settings.pages), web, batch=0 if settings.strict else BATCH)
    intake.read(inputs, stdin)
    if intake.skipped and settings.strict:
        raise SkippedInputsError(
            f"{len(intake.skipped)} input(s) could not be read, so nothing was stored",
            skipped=intake.skipped,
            setting="strict",
        )
    intake.commit()
    store.put_validators(web.fresh)  # everything those fetches held is stored now
    store.put_skipped(intake.skipped)
    return intake


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
    keep_pages: bool | None = None,
) -> Report:
    """Read ``inputs`` like :func:`ingest`, then analyse every story they are in and return the report.

    The keyword options override the matching fields of ``settings``. ``embedder`` is an
    :class:`Embedder` or a registered name: ``"auto"`` (MiniLM when installed, else hashed n-grams),
    ``"minilm"`` or ``"hashing"``; the report's ``pipeline`` says which ran and why. A story that
    earlier runs stored grows in place. Raises :class:`NoArticlesError` when no input holds an
    article, and :class:`SkippedInputsError` when ``strict`` is set and an input was skipped.

    >>> report = analyze(["examples/"], db=":memory:")  # doctest: +SKIP
    >>> len(report.stories)  # doctest: +SKIP
    2
    """
    settings = _with_options(settings or Settings(), summary_words, one_story, strict, keep_pages)
    done = ingest(
        inputs, db=db, settings=settings, embedder=embedder, allow_private=allow_private, delay=delay, stdin=stdin
    )
    if not done.articles:
        raise NoArticlesError("nothing new in the inputs; the stored stories can be reported as they are")
    recognizer, recognizer_note = load_recognizer()
    # the corpus is not held through the analysis: each story waits packed with its articles, each analysis
    # is packed once done (the report is written a story at a time), the articles are read back at the end
    pending, members = Packed(done.stories), [a.id for a in done.articles]
    # an in-memory store ends with ingest's connection: there the run's articles are kept, packed, for the report
    kept = {a.id: pack(a) for a in done.articles} if str(db) == ":memory:" else {}
    embedder, why, skipped = done.embedder, done.embedder_note, done.skipped
    del done
    stories: Packed[dict] = Packed()
    with open_store(db) as store:
        for story in pending:
            _keep(_analysed(story, store, embedder, recognizer, settings), stories, members)
            advance("analyse", total=len(pending))
        articles, order = _members(members, store, kept)
    info = _pipeline_info(embedder, why, recognizer, recognizer_note)
    info["languages"] = language_notes(order, embedder)
    return Report(articles=articles, stories=stories, skipped=skipped, pipeline=info)


def report(
    *,
    db: str | Path = DEFAULT_DB,
    summary_words: int | None = None,
    settings: Settings | None = None,
    embedder: Embedder | str = "auto",
) -> Report:
    """Analyse every story stored in ``db`` (reusing stored analyses) and return the report."""
    settings = _with_options(settings or Settings(), summary_words, None, None, None)
    embedder, why = load_embedder(embedder) if isinstance(embedder, str) else (embedder, "given")
    recognizer, recognizer_note = load_recognizer()
    analysed: Packed[dict] = Packed()
    members: list[str] = []
    with open_store(_existing(db)) as store:
        for overview in store.stories_overview():
            story = _stored_story(overview.id, store)
            if story.articles:
                _keep(_analysed(story, store, embedder, recognizer, settings), analysed, members)
        if not analysed:
            raise NotFoundError(f"{db}: no stories stored yet; add articles first (ingest or analyze)")
        articles, order = _members(members, store, {})
    info = _pipeline_info(embedder, why, recognizer, recognizer_note)
    info["languages"] = language_notes(order, embedder)
    return Report(articles=articles, stories=analysed, pipeline=info)


def analyse_stored(
    story_ids: Iterable[str],
    *,
    db: str | Path = DEFAULT_DB,
    settings: Settings | None = None,
    embedder: Embedder | str = "auto",
    recognizer: Recognizer | None = None,
) -> list[dict]:
    """Analyse the stored stories ``story_ids`` (reusing stored analyses), store each analysis and
    return them; a story with no articles left is passed over. The web app calls this when stories
    change, so that showing one is a read of the store."""
    settings = settings or Settings()
    embedder = load_embedder(embedder)[0] if isinstance(embedder, str) else embedder
    recognizer = recognizer or load_recognizer()[0]
    with open_store(_existing(db)) as store:
        found = [_stored_story(story_id, store) for story_id in dict.fromkeys(story_ids)]
        return [_analysed(story, store, embedder, recognizer, settings) for story in found if story.articles]


def stories(*, db: str | Path = DEFAULT_DB) -> list[StoryOverview]:
    """The stored stories, largest first."""
    with open_store(_existing(db)) as store:
        return store.stories_overview()


def search(query: str, *, db: str | Path = DEFAULT_DB, limit: int = 20) -> list[tuple[SearchHit, Article | None]]:
    """Stored articles holding every word of ``query``, best first, each with its article."""
    with open_store(_existing(db)) as store:
        hits = store.search(query, limit)
        found = store.articles([hit.article for hit in hits])
    return [(hit, found.get(hit.article)) for hit in hits]


@dataclass(frozen=True)
class Poll:
    """One round of :func:`watch`: when it started, and what it ingested or why nothing came in."""

    number: int
    started: float
    ingested: Ingested | None
    note: str = ""


def watch(
    inputs: list[str],
    *,
    every: float,
    polls: int | None = None,
    db: str | Path = DEFAULT_DB,
    one_story: bool | None = None,
    strict: bool | None = None,
    embedder: Embedder | str = "auto",
    allow_private: bool = False,
    delay: float = 1.0,
    keep_pages: bool | None = None,
) -> Iterator[Poll]:
    """Ingest ``inputs`` every ``every`` seconds (``polls`` times, or until the caller stops), yielding
    each round; the other options are :func:`ingest`'s. A round with nothing new yields a note instead."""
    if isinstance(embedder, str):
        embedder = load_embedder(embedder)[0]  # loaded once, not at every poll
    number = 0
    while polls is None or number < polls:
        number += 1
        started = time.time()
        try:
            done = ingest(
                inputs,
                db=db,
                one_story=one_story,
                strict=strict,
                embedder=embedder,
                allow_private=allow_private,
                delay=delay,
                keep_pages=keep_pages,
            )
            yield Poll(number, started, done)
        except NoArticlesError as err:
            yield Poll(number, started, None, str(err))
        if polls is None or number < polls:
            time.sleep(every)


def serve(
    *,
    token: str,
    db: str | Path = DEFAULT_DB,
    host: str = "127.0.0.1",
    port: int = 8000,
    watch: Iterable[str] = (),
    every: float = 600.0,
    embedder: str = "auto",
    allow_private: bool = False,
) -> None:
    """Serve the stored stories as web pages and a JSON API until stopped; writes need ``token``.
    ``watch`` feeds are polled every ``every`` seconds in the background (see :mod:`newsprism.web`)."""
    import uvicorn  # the web app's imports cost a second: only serve pays it

    from .web import ServeConfig, create_app

    loopback = ("127.0.0.1", "localhost", "::1", "[::1]") if host in ("127.0.0.1", "localhost", "::1") else ()
    config = ServeConfig(db=str(db), token=token, watch=tuple(watch), every=every, allow_private=allow_private,
                         embedder=embedder, allowed_hosts=loopback)  # fmt: skip
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")


def _stored_story(story_id: str, store: Store) -> Story:
    found = store.articles(store.story_members(story_id))
    return Story(story_id, tuple(publication_order(list(found.values()))))


def _pipeline_info(embedder: Embedder, why: str, recognizer: Recognizer, recognizer_note: str) -> dict:
    return {
        "stages": [*Pipeline().stage_names, "deduplicate", "embed", "cluster", *ANALYSERS.names(), "store"],
        "embedder": embedder.name,
        "embedder_note": why,
        "embedders": embedder_stages(embedder),
        "entities": recognizer.name,
        "entities_note": recognizer_note,
        "parser": parser_name(),
    }


def _keep(analysis: dict, stories: Packed[dict], members: list[str]) -> None:
    """Pack a story's analysis into the report's stories, and note its articles."""
    stories.append(analysis)
    members.extend(analysis["articles"])


def _members(article_ids: list[str], store: Store, kept: dict[str, bytes]) -> tuple[Packed[Article], list[Article]]:
    """The articles ``article_ids`` (the run's and its stories'), read from the store a batch at a time (or
    taken from ``kept``, packed articles the store does not hold) and packed in publication order; and a
    stand-in of each in that order, with what ordering and the language notes read (id, date, language)."""
    wanted = list(dict.fromkeys(article_ids))
    blobs: dict[str, bytes] = {}
    stand_ins = []
    for start in range(0, len(wanted), READ_BATCH):
        batch = wanted[start : start + READ_BATCH]
        found = store.articles([i for i in batch if i not in kept])
        found.update((i, unpack(kept[i])) for i in batch if i in kept)
        for article in found.values():
            blobs[article.id] = kept.get(article.id) or pack(article)
            stand_ins.append(Article(article.id, "", published=article.published, language=article.language))
    order = publication_order(stand_ins)
    return Packed.of_blobs(blobs[a.id] for a in order), order


def _with_options(
    settings: Settings, summary_words: int | None, one_story: bool | None, strict: bool | None, keep_pages: bool | None
) -> Settings:
    if summary_words is not None:
        settings = replace(settings, summary=replace(settings.summary, words=summary_words))
    if one_story is not None:
        settings = replace(settings, cluster=replace(settings.cluster, one_story=one_story))
    if strict is not None:
        settings = replace(settings, strict=strict)
    if keep_pages is not None:
        settings = replace(settings, pages=replace(settings.pages, keep=keep_pages))
    return settings


def _existing(db: str | Path) -> str | Path:
    """``db`` when it exists (a file, or any URL a store answers for): reading commands never create one."""
    text = str(db)
    if text != ":memory:" and "://" not in text and not Path(text).exists():
        raise NotFoundError(f"{db}: no such database; create it by ingesting articles", setting="db")
    return db


def _analysed(story: Story, store: Store, embedder: Embedder, recognizer: Recognizer, settings: Settings) -> dict:
    """The story's analysis as the report spells it, from the store when no analyser's key changed."""
    near = store.near_duplicate_pairs(list(story.article_ids))
    # sentence vectors stored by an earlier analysis are read, not computed again (a story that grew)
    context = StoryContext(story, settings, with_stored_vectors(embedder, store), recognizer, None, near)
    run = AnalysisRun(context, store)
    key = run.key()
    cached = store.analysis(story.id, key)
    if cached is not None:
        return cached
    result = analysis_to_dict(run.run())
    store.put_story(result, key)
    return result


def backfill(inputs: Iterable[str | Path], *, db: str | Path, **options: Any) -> Backfilled:
    """Backfill ``inputs`` (JSON lines, Parquet, folders) into the empty database ``db`` in parallel:
    the options (``engine="local"|"ray"``, ``address``, ``partition_days``, ``embedder``, ``analyse`` …)
    are :func:`newsprism.backfill.backfill`'s; ``report`` then reports the stories."""
    from .backfill import backfill as run_backfill

    return run_backfill(inputs, db=db, **options)
