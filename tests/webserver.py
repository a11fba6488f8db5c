"""A small news site on 127.0.0.1 for the web tests: a feed, article pages, robots.txt, with ETags."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"
PARAGRAPH = (
    "The harbour authority of {town} said on Monday that the northern pier would stay closed for repairs "
    "until the end of the month, after divers found cracks in three of its concrete pillars."
)


def article_page(number: int) -> str:
    town = f"Port {chr(65 + number % 26)}{number}"
    body = " ".join(PARAGRAPH.format(town=town) for _ in range(3))
    return (
        f"<html><head><title>Pier {number} closed</title><meta name='author' content='Desk {number}'></head>"
        f"<body><article><h1>Pier {number} closed for repairs in {town}</h1><p>{body}</p>"
        f"<p>Engineers from the regional office will inspect pier {number} again next week.</p></article>"
        "</body></html>"
    )


class NewsSite:
    """Serves ``/feed.xml`` with ``items`` article links (plus one under /private/), each page once."""

    def __init__(self, items: int = 2, page_delay: float = 0.0) -> None:
        self.items = items
        self.page_delay = page_delay
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                body, content_type = site.page(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                if site.page_delay and self.path.startswith("/a"):
                    time.sleep(site.page_delay)
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, path: str) -> tuple[bytes | None, str]:
        if path == "/robots.txt":
            return ROBOTS.encode(), "text/plain"
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>Pier {n} closed</title><link>{self.url}/a{n}.html</link>"
                f"<description>Pier {n} is closed.</description><pubDate>Mon, 17 Jun 2024 0{n % 10}:00:00 GMT</pubDate>"
                "</item>"
                for n in range(self.items)
            )
            secret = (
                f"<item><title>Internal memo on the pier budget</title><link>{self.url}/private/memo.html</link>"
                "<description>The harbour board discussed the repair budget for the northern pier.</description></item>"
            )
            channel = f"<channel><title>Harbour News</title>{items}{secret}</channel>"
            feed = f"<?xml version='1.0'?><rss version='2.0'>{channel}</rss>"
            return feed.encode(), "application/rss+xml"
        if path.startswith("/a") and path.endswith(".html") and path[2:-5].isdigit() and int(path[2:-5]) < self.items:
            return article_page(int(path[2:-5])).encode(), "text/html; charset=utf-8"
        return None, ""

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


Route = tuple[int, dict[str, str], bytes]


class Routes:
    """A server on ``host`` (127.0.0.1 or ::1) answering each path with a fixed (status, headers, body), 404
    otherwise; it records each request's path and Host header. A body is sent with no Content-Length
    unless the route's headers give one (HTTP/1.0: the body ends when the connection closes)."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1") -> None:
        self.routes = routes
        self.requests: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("Host", "")))
                status, headers, body = site.routes.get(self.path, (404, {}, b""))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

        self.server = Server((host, 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
