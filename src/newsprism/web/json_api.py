"""The JSON API under ``/api/``: the twin of every page, and the writes (ingest, feeds) behind the token.

``GET /api/stories/{id}`` answers the story exactly as the report's JSON contract spells it
(``report/schema/report.schema.json``, ``$defs.story``), as stored when the story last changed.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..errors import NotFoundError, UnavailableError, UsageError
from ..report import web_url
from .catalog import Catalog, entity_mentions, outlet_view, select
from .security import require_token

router = APIRouter(prefix="/api", tags=["api"])
# Page sizes of story lists and search results.
PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_SEARCH = 100
# One ingest request: at most this many URLs or records.
MAX_INPUTS = 200

# An empty filter is no filter: the list page's form sends every field, filled or not.
DateParam = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="a day, YYYY-MM-DD")]
TextParam = Annotated[str | None, Query(max_length=200)]
PageParam = Annotated[int, Query(ge=1, le=100_000)]
PerParam = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]
QueryParam = Annotated[str, Query(min_length=1, max_length=500, description="words that must all appear")]


class Record(BaseModel):
    """An article given as fields (the JSON-lines input of the CLI)."""

    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, max_length=100)


class IngestRequest(BaseModel):
    """URLs of pages, feeds, OPML lists or sitemaps to fetch, or articles given as records."""

    urls: list[str] = Field(default_factory=list, max_length=MAX_INPUTS)
    records: list[Record] = Field(default_factory=list, max_length=MAX_INPUTS)


class FeedRequest(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="an http(s) URL of a feed, OPML list or sitemap")


def catalog(request: Request) -> Catalog:
    return request.app.state.catalog


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


def story_list(cat: Catalog, date: str | None, outlet: str | None, entity: str | None, page: int, per: int) -> dict:
    def make(snap) -> dict:
        kept = select(snap.cards, date=date, outlet=outlet, entity=entity)
        shown = kept[(page - 1) * per : page * per]
        return {"total": len(kept), "page": page, "per_page": per, "stories": shown}

    return cat.cached(("list", date, outlet, entity, page, per), make)


@router.get("/stories", summary="Stories, newest first, with filters and paging")
def stories(request: Request, date: DateParam = None, outlet: TextParam = None, entity: TextParam = None,
            page: PageParam = 1, per_page: PerParam = PER_PAGE) -> Response:  # fmt: skip
    found = story_list(catalog(request), date, outlet, entity, page, per_page)
    return json_response({**found, "stories": [card.to_dict() for card in found["stories"]]})


@router.get("/stories/{story_id}", summary="One story, exactly as in the report's JSON contract")
async def story(request: Request, story_id: str) -> Response:
    key = ("api-story", story_id)

    def make(snap) -> bytes:
        snap.card(story_id)  # 404 for an unknown story
        stored = snap.stories.get(story_id)
        if stored is None:
            raise UnavailableError(f"story {story_id!r} is not analysed yet; ask again shortly")
        return json.dumps(stored.data, ensure_ascii=False).encode()

    cat = catalog(request)
    body = cat.hit(key) or await run_in_threadpool(cat.cached, key, make)
    return Response(body, media_type="application/json")


@router.get("/articles/{article_id}", summary="One stored article, with its story")
def article(request: Request, article_id: str) -> Response:
    return json_response(article_data(catalog(request), article_id))


def article_data(cat: Catalog, article_id: str) -> dict:
    found = cat.articles([article_id]).get(article_id)
    if found is None:
        raise NotFoundError(f"no article {article_id!r} is stored")
    return {**found.to_dict(), "story": cat.snapshot().story_of.get(article_id)}


@router.get("/entities/{name:path}", summary="Every story and sentence naming an entity")
def entity(request: Request, name: str) -> Response:
    found = entity_mentions(catalog(request).snapshot(), name)
    return json_response({"entity": name, "stories": [{**card.to_dict(), "entity": e} for card, e in found]})


@router.get("/outlets/{name:path}", summary="An outlet's stories, loaded terms and what it leaves out")
def outlet(request: Request, name: str) -> Response:
    view = outlet_view(catalog(request).snapshot(), name)
    return json_response({**view, "stories": [card.to_dict() for card in view["stories"]]})


@router.get("/search", summary="Full-text search of the stored articles, grouped by story")
def search(request: Request, q: QueryParam, limit: Annotated[int, Query(ge=1, le=MAX_SEARCH)] = 50) -> Response:
    groups = search_groups(catalog(request), q, limit)
    return json_response({"query": q, "groups": [{**g, "story": g["story"] and g["story"].to_dict()} for g in groups]})


def search_groups(cat: Catalog, query: str, limit: int) -> list[dict]:
    """Hits grouped by story, in the order of each story's best hit; articles in no story come last."""
    hits = cat.store().search(query, limit)
    snap = cat.snapshot()
    groups: dict[str | None, dict] = {}
    for hit in hits:
        sid = snap.story_of.get(hit.article)
        meta = snap.meta.get(hit.article) or {}
        group = groups.setdefault(sid, {"story": snap.card(sid) if sid else None, "hits": []})
        group["hits"].append({"article": hit.article, "title": meta.get("title"), "outlet": meta.get("outlet"),
                              "snippet": hit.snippet})  # fmt: skip
    return sorted(groups.values(), key=lambda g: g["story"] is None)


@router.get("/feeds", summary="Watched feeds, their last poll and what it brought, and recent ingests")
def feeds(request: Request) -> Response:
    return json_response(feeds_data(request))


def feeds_data(request: Request) -> dict:
    """The watched feeds as the store keeps them (any server on the database may have added or polled one),
    and this server's recent ingests."""
    watched = catalog(request).store().watched_feeds()
    return {"feeds": [f.to_dict() for f in watched], "ingests": [r.to_dict() for r in request.app.state.worker.recent]}


@router.post("/feeds", status_code=201, dependencies=[Depends(require_token)], summary="Watch a feed (token)")
def add_feed(request: Request, body: FeedRequest) -> Response:
    """Keeps the feed in the store, so it is watched after a restart too, and polls it at once."""
    return json_response(request.app.state.worker.add_feed(checked_url(body.url)).to_dict(), 201)


@router.delete("/feeds", status_code=204, dependencies=[Depends(require_token)], summary="Stop watching a feed (token)")
def remove_feed(request: Request, url: Annotated[str, Query(min_length=1, max_length=2000)]) -> Response:
    if not request.app.state.worker.remove_feed(url.strip()):
        raise NotFoundError(f"the feed {url!r} is not watched")
    return Response(status_code=204)


@router.post("/ingest", dependencies=[Depends(require_token)], summary="Ingest URLs or records (token)")
def ingest(request: Request, body: IngestRequest) -> Response:
    """Stores the articles, places them into stories and analyses those; says what was stored and skipped."""
    if bool(body.urls) == bool(body.records):
        raise UsageError("give either urls or records, not both and not neither")
    worker = request.app.state.worker
    if body.urls:
        done = worker.ingest_urls([checked_url(u) for u in body.urls])
    else:
        done = worker.ingest_records([r.model_dump(exclude_none=True) for r in body.records])
    return json_response(done.to_dict())


def checked_url(url: str) -> str:
    """Only http(s) URLs are fetched (a file path or another scheme would read the server's disk)."""
    if web_url(url.strip()) is None:
        raise UsageError(f"{url!r} is not an http(s) URL")
    return url.strip()
