"""What keeps the web app safe to run: the write token, CSRF tokens for forms, response headers and a
request body limit.

Article text is attacker-controlled (any page on the web can be ingested), so every page is rendered
with autoescaping, links are emitted only for http(s) URLs, and the Content-Security-Policy allows no
script at all: an injected ``<script>`` or ``onerror=`` would not run even if escaping failed.
"""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import AuthError, UsageError

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# Bodies of POST requests: a batch of JSON records or URLs fits well within this.
MAX_BODY_BYTES = 2 * 1024 * 1024
CSRF_COOKIE = "newsprism_csrf"


def load_token(path: str | None) -> tuple[str, bool]:
    """The write token from ``path`` (its first line), or a new random one; says whether it was generated."""
    if path is None:
        return secrets.token_urlsafe(24), True
    try:
        lines = Path(path).read_text(encoding="utf-8").strip().splitlines()
    except OSError as err:
        raise UsageError(f"cannot read the token file {path}: {err.strerror}", setting="token_file") from err
    token = lines[0].strip() if lines else ""
    if len(token) < 16:
        raise UsageError(f"the token in {path} is shorter than 16 characters; use a long random one",
                         setting="token_file")  # fmt: skip
    return token, False


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so the time a wrong token takes tells nothing about the right one."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer TOKEN``."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not same(given.strip(), request.app.state.token):
        raise AuthError("this needs the server's token: send the header Authorization: Bearer TOKEN")


def csrf_token(request: Request) -> str:
    """The form token of this browser: its CSRF cookie's value, or a new one (set by the page)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def check_form(request: Request, form: dict[str, str]) -> None:
    """A form post must carry the CSRF token of its cookie (double submit) and the write token."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not same(form.get("csrf"), cookie):
        raise AuthError("the form has expired or came from another site; open the page again and resend")
    if not same(form.get("token", "").strip(), request.app.state.token):
        raise AuthError("wrong or missing token: paste the token the server printed at start")


class Guard:
    """ASGI middleware: security headers on every response, and 413 for bodies over ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            body = await self._read(scope, receive)
            if body is None:
                await _too_large(send_with_headers, self.max_body)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)

    async def _read(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None when it is (or says it is) over the limit."""
        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return None
            more = message.get("more_body", False)
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": f"the request body is over {limit} bytes", "status": 413}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
