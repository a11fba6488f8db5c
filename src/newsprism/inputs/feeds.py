"""Stage 1, ingest from the web: turn a URL into documents.

A URL is an article page, an RSS or Atom feed (read with feedparser), an OPML list of feeds, or a
sitemap (plain, index, or Google News). Each feed item's page is fetched once: an item whose
article is already stored comes from the store, so a restarted or repeated ingest fetches nothing
again. An item
whose page cannot be fetched (robots.txt, an error) still counts, as its headline and summary.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from xml.etree import ElementTree

import feedparser

from ..records import Article, RawDocument, Skipped
from ..text.encoding import decode
from .fetch import Fetched, Fetcher
from .files import content_id, headline_document

Item = RawDocument | Skipped | Article
Stored = Callable[[str], Article | None]
# Sitemap indexes and OPML lists nest; deeper than this is a loop or a trap.
MAX_DEPTH = 3
# Media types read as pages besides text/*.
PAGE_TYPES = {"application/xhtml+xml", "application/xml"}
# How many pages one sitemap may contribute per run.
MAX_SITEMAP_URLS = 5000


def is_url(text: str) -> bool:
    return bool(re.match(r"(?i)^https?://", text))


def kind_of(fetched: Fetched) -> str:
    """ "feed", "opml", "sitemap" or "page", from the content type and the document's root element."""
    head = fetched.body[:2048].lstrip().lower()
    if b"<opml" in head:
        return "opml"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    content_type = fetched.content_type.lower()
    if any(t in content_type for t in ("rss", "atom")):
        return "feed"
    return "page"


def read_url(url: str, fetcher: Fetcher, stored: Stored, depth: int = 0) -> Iterator[Item]:
    """Documents found at ``url``; ``stored(article_id)`` returns the stored article of a page, if any."""
    fetched = fetcher.get(url)
    if fetched.error:
        yield Skipped(url, fetched.error.removeprefix(f"{url}: "), fetched.setting)
        return
    if fetched.not_modified:
        known = stored(content_id(url))  # an unchanged page: its stored article; an unchanged feed: nothing new
        if known is not None:
            yield known
        return
    kind = kind_of(fetched)
    if kind == "page":
        yield _page(url, fetched)
    elif depth >= MAX_DEPTH:
        yield Skipped(url, f"{kind} nested more than {MAX_DEPTH} deep; not followed")
    elif kind == "feed":
        yield from _feed(url, fetched, fetcher, stored)
    elif kind == "opml":
        for feed_url in _opml_feeds(fetched.body):
            yield from read_url(feed_url, fetcher, stored, depth + 1)
    else:
        yield from _sitemap(url, fetched, fetcher, stored, depth)


def page_document(url: str, fetcher: Fetcher) -> Item:
    fetched = fetcher.get(url, conditional=False)
    if fetched.error:
        return Skipped(url, fetched.error.removeprefix(f"{url}: "), fetched.setting)
    return _page(url, fetched)


def _page(url: str, fetched: Fetched) -> Item:
    media_type, _, parameters = fetched.content_type.partition(";")
    media_type = media_type.strip().lower()
    if media_type and not (media_type.startswith("text/") or media_type in PAGE_TYPES):
        return Skipped(url, f"content type {media_type} is not a web page")
    declared = re.search(r"charset=[\"']?([\w.:-]+)", parameters, re.IGNORECASE)
    try:
        html = _decode_page(fetched.body, declared.group(1) if declared else None)
    except ValueError as error:
        return Skipped(url, str(error).replace("file", "page"))
    return RawDocument(url, "html", html, id=content_id(url), url=url)


def _decode_page(body: bytes, charset: str | None) -> str:
    """The page's text in its declared charset; detected when none is declared or it does not fit."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _feed(url: str, fetched: Fetched, fetcher: Fetcher, stored: Stored) -> Iterator[Item]:
    parsed = feedparser.parse(fetched.body)
    if parsed.bozo and not parsed.entries:
        yield Skipped(url, f"not a readable feed ({parsed.get('bozo_exception', 'parse error')})")
        return
    outlet = parsed.feed.get("title")
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        known = stored(content_id(link))
        if known is not None:
            yield known
            continue
        page = page_document(link, fetcher) if fetcher.allowed(link) else None
        if isinstance(page, RawDocument):
            yield page
            continue
        summary = _text_of(entry.get("summary") or "")
        title = entry.get("title")
        if not (title or summary):
            yield page or Skipped(link, "robots.txt disallows the page and the feed item has no text")
            continue
        parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*parsed_time[:6]).replace(tzinfo=UTC).isoformat() if parsed_time else None
        fields = {"id": content_id(link), "url": link, "outlet": outlet, "published": published}
        if not summary:  # only a title: a headline, an article of one line
            yield headline_document(link, title, fields)
            continue
        yield RawDocument(link, "record", summary, title=title, **fields)


def _sitemap(url: str, fetched: Fetched, fetcher: Fetcher, stored: Stored, depth: int) -> Iterator[Item]:
    try:
        root = ElementTree.fromstring(fetched.body)
    except ElementTree.ParseError as error:
        yield Skipped(url, f"not a readable sitemap ({error})")
        return
    locations = [el.text.strip() for el in root.iter() if el.tag.endswith("}loc") or el.tag == "loc" if el.text]
    if root.tag.endswith("sitemapindex"):
        for location in locations:
            yield from read_url(location, fetcher, stored, depth + 1)
        return
    for location in locations[:MAX_SITEMAP_URLS]:
        yield stored(content_id(location)) or page_document(location, fetcher)


def _opml_feeds(body: bytes) -> list[str]:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return []
    return [el.get("xmlUrl", "") for el in root.iter("outline") if is_url(el.get("xmlUrl", ""))]


def _text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
