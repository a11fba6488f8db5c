"""The HTML pages: server-rendered with the report's templates (``_story.html.j2`` and
``_articles.html.j2`` are the report file's own partials), no script, one stylesheet of our own.

Every page names its JSON twin in ``<link rel="alternate">``; forms post to ``/feeds`` with a CSRF
token (double submit: cookie and field) and the write token.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import NotFoundError, UsageError
from ..report import labeller
from .catalog import Catalog, entity_mentions, marked, outlet_view
from .json_api import (
    MAX_SEARCH,
    PER_PAGE,
    DateParam,
    PageParam,
    PerParam,
    TextParam,
    article_data,
    checked_url,
    feeds_data,
    search_groups,
    story_list,
)
from .security import CSRF_COOKIE, check_form, csrf_token

router = APIRouter(include_in_schema=False)
STYLE = (Path(__file__).parents[1] / "report" / "templates" / "_style.css").read_text(encoding="utf-8") + (
    Path(__file__).parent / "templates" / "web.css"
).read_text(encoding="utf-8")


def render(request: Request, template: str, status: int = 200, **values) -> HTMLResponse:
    page = request.app.state.templates.get_template(template).render(request_path=request.url.path, **values)
    return HTMLResponse(page, status_code=status)


def catalog(request: Request) -> Catalog:
    return request.app.state.catalog


@router.get("/static/newsprism.css")
def style() -> Response:
    return Response(STYLE, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def index(request: Request, date: DateParam = None, outlet: TextParam = None, entity: TextParam = None,
          page: PageParam = 1, per_page: PerParam = PER_PAGE) -> HTMLResponse:  # fmt: skip
    found = story_list(catalog(request), date, outlet, entity, page, per_page)
    filters = {k: v for k, v in {"date": date, "outlet": outlet, "entity": entity}.items() if v}
    more = found["total"] > page * per_page

    def page_link(number: int) -> str:
        return "/?" + urlencode({**filters, "page": number, "per_page": per_page})

    twin = "/api/stories" + ("?" + urlencode(filters) if filters else "")
    previous = page_link(page - 1) if page > 1 else None
    following = page_link(page + 1) if more else None
    return render(request, "index.html.j2", found=found, filters=filters, twin=twin, previous=previous, next=following)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story(request: Request, story_id: str) -> Response:
    key = ("page-story", story_id)

    def make(_) -> bytes:
        card, data, articles = cat.story(story_id)
        by_id = {a["id"]: a for a in articles}
        return request.app.state.templates.get_template("story.html.j2").render(
            card=card, story=data, articles=by_id, shown_articles=articles, label=labeller(by_id),
            twin=f"/api/stories/{story_id}",
        ).encode()  # fmt: skip

    cat = catalog(request)
    return HTMLResponse(cat.hit(key) or await run_in_threadpool(cat.cached, key, make))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    data = article_data(catalog(request), article_id)
    return render(request, "article.html.j2", article=data, shown_articles=[data], twin=f"/api/articles/{article_id}")


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(request: Request, name: str) -> HTMLResponse:
    snap = catalog(request).snapshot()
    found = entity_mentions(snap, name)
    labels = labeller(snap.meta)
    return render(request, "entity.html.j2", name=name, found=found, label=labels, twin=f"/api/entities/{name}")


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str) -> HTMLResponse:
    view = outlet_view(catalog(request).snapshot(), name)
    return render(request, "outlet.html.j2", view=view, twin=f"/api/outlets/{name}")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    groups = search_groups(catalog(request), q, MAX_SEARCH) if q.strip() else []
    for group in groups:
        for hit in group["hits"]:
            hit["pieces"] = marked(hit["snippet"])
    return render(request, "search.html.j2", q=q, groups=groups, twin="/api/search?" + urlencode({"q": q}))


@router.get("/feeds", response_class=HTMLResponse)
def feeds(request: Request, done: str | None = None) -> HTMLResponse:
    token = csrf_token(request)
    titles = {card.id: card.title for card in catalog(request).snapshot().cards}
    response = render(request, "feeds.html.j2", data=feeds_data(request), titles=titles, csrf=token, done=done,
                      twin="/api/feeds")  # fmt: skip
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/feeds")
    return response


@router.post("/feeds")
async def feeds_form(request: Request) -> Response:
    """The form's post: a feed to watch (or, with the remove button, to stop watching), or URLs to ingest now
    (one per line)."""
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    check_form(request, form)
    worker = request.app.state.worker
    feed = form.get("feed", "").strip()
    urls = [u.strip() for u in form.get("urls", "").splitlines() if u.strip()]
    if not feed and not urls:
        raise UsageError("give a feed to watch or URLs to ingest")
    if feed and form.get("action") == "remove":
        if not worker.remove_feed(feed):
            raise NotFoundError(f"the feed {feed!r} is not watched")
        return RedirectResponse("/feeds?done=removed", status_code=303)
    if feed:
        worker.add_feed(checked_url(feed))
    if urls:
        await run_in_threadpool(worker.ingest_urls, [checked_url(u) for u in urls])
    return RedirectResponse("/feeds?done=1", status_code=303)


@router.get("/api/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "doc": op.get("description", "")}
        for path, methods in spec["paths"].items()
        for method, op in methods.items()
    ]
    return render(request, "docs.html.j2", operations=operations, twin="/api/openapi.json")
