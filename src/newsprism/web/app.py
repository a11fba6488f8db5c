"""The app factory: ``create_app(ServeConfig(db=...))`` gives the FastAPI app ``newsprism serve`` runs.

Pages (:mod:`.pages`) and the JSON API (:mod:`.json_api`) read through one :class:`.catalog.Catalog`;
writes go through one :class:`.worker.Worker`. Errors are :class:`newsprism.errors.NewsprismError`
subclasses whose ``http_status`` is the response's status: JSON under ``/api/``, a page elsewhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import ChoiceLoader, PackageLoader
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import NewsprismError
from ..report import environment
from ..store import open_store
from ..version import __version__
from .catalog import Catalog
from .json_api import router as api_router
from .pages import router as page_router
from .security import MAX_BODY_BYTES, Guard
from .worker import Worker, WorkerConfig


@dataclass(frozen=True)
class ServeConfig:
    db: str
    token: str
    watch: tuple[str, ...] = ()
    every: float = 600.0
    allow_private: bool = False
    delay: float = 1.0
    embedder: str = "auto"
    max_body: int = MAX_BODY_BYTES
    background: bool = True  # analyse stale stories and poll feeds in a thread (tests turn it off)
    # Host headers answered; empty answers any. A server on loopback answers only loopback names, so a
    # web page that rebinds its own name to 127.0.0.1 cannot read it from the visitor's browser.
    allowed_hosts: tuple[str, ...] = ()


def create_app(config: ServeConfig) -> FastAPI:
    open_store(config.db).close()  # creates the database (and fails early) before the first request
    catalog = Catalog(config.db)
    worker = Worker(WorkerConfig(config.db, config.every, config.allow_private, config.delay, config.embedder),
                    catalog.invalidate, config.watch)  # fmt: skip

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if config.background:
            snap = catalog.snapshot()
            worker.pending = [card.id for card in snap.cards if not card.analysed]
            worker.start()
        yield
        worker.stop()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Stories across outlets: cited summary, facts, conflicts, provenance, entities, timeline, "
        "framing. Reads are open; writes need `Authorization: Bearer TOKEN`.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads scripts from a CDN; /api/docs is a page of our own instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.token = config.token
    app.state.catalog = catalog
    app.state.worker = worker
    app.state.templates = _templates()
    if config.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))
    app.add_middleware(Guard, max_body=config.max_body)  # added last, so outermost: its headers go on every answer
    app.include_router(api_router)
    app.include_router(page_router)
    _errors(app)
    return app


def _templates():
    env = environment(ChoiceLoader([PackageLoader("newsprism.web", "templates"),
                                    PackageLoader("newsprism.report", "templates")]))  # fmt: skip
    env.globals["entity_href"] = lambda name: "/entities/" + quote(name, safe="")
    env.globals["outlet_href"] = lambda name: "/outlets/" + quote(name, safe="")
    env.globals["story_href"] = lambda story_id: "/stories/" + quote(story_id, safe="")
    env.globals["article_href"] = lambda article_id: "/articles/" + quote(article_id, safe="")
    env.globals["version"] = __version__
    return env


def _errors(app: FastAPI) -> None:
    @app.exception_handler(NewsprismError)
    async def newsprism_error(request: Request, err: NewsprismError) -> Response:
        body: dict = {"error": str(err), "status": err.http_status}
        if err.setting:
            body["setting"] = err.setting
        if getattr(err, "skipped", None):
            body["skipped"] = [{"input": s.input, "reason": s.reason} for s in err.skipped]  # type: ignore[attr-defined]
        headers = {"WWW-Authenticate": "Bearer"} if err.http_status == 401 else None
        return _error(request, err.http_status, body, headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        return _error(request, err.status_code, {"error": str(err.detail), "status": err.status_code})

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, err: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]} for e in err.errors()]
        return _error(request, 422, {"error": "invalid request", "status": 422, "problems": problems})

    @app.exception_handler(Exception)
    async def failure(request: Request, err: Exception) -> Response:
        return _error(request, 500, {"error": f"internal error ({type(err).__name__})", "status": 500})


def _error(request: Request, status: int, body: dict, headers: dict | None = None) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse(body, status_code=status, headers=headers)
    page = request.app.state.templates.get_template("error.html.j2").render(error=body)
    return HTMLResponse(page, status_code=status, headers=headers)
