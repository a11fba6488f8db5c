"""Stage 2, extract: turn a :class:`RawDocument` into a clean :class:`Article`.

HTML goes through trafilatura for its main text and metadata; all text then goes through
newsprism's own cleaning (:mod:`newsprism.articles.clean`). Publication dates come from metadata or a
dateline, never from a guess.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import trafilatura

from ..errors import InputError
from ..inputs.files import HEADLINE, source_hash
from ..records import Article, RawDocument
from ..text.dates import dateline_date, parse_published
from .clean import clean_text
from .clean_config import CleanConfig

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|(\*\*|__)")


def extract(doc: RawDocument, config: CleanConfig = CleanConfig()) -> Article:
    """Extract one document; raise :class:`InputError` when it holds no article.

    >>> extract(RawDocument("x.txt", "text", "Big Storm Hits Coast\\nThe storm hit the coast on Monday.", "x")).title
    'Big Storm Hits Coast'
    """
    title, outlet, published, url = doc.title, doc.outlet, doc.published, doc.url
    text = doc.content
    if doc.kind == "html":
        page = _from_html(doc)
        text = page.get("text") or ""
        title = title or page.get("title")
        # trafilatura's JSON names the site "source-hostname" and the canonical URL "source"
        outlet = outlet or page.get("source-hostname") or page.get("hostname")
        published = published or page.get("date")
        url = url or page.get("source")
    elif doc.input.lower().removesuffix(".gz").endswith(".md"):
        text = _strip_markdown(text)
    # the title and address let cleaning drop the headline and the address printed again in the body
    removed: tuple[str, ...] = ()
    if doc.kind == HEADLINE:
        # an article of one line, however short ("Stocks slip"): nothing to clean away, its title its text
        lines = [" ".join(text.split())]
        title = title or lines[0]
    else:
        cleaned = clean_text(text, find_headline=not title, title=title, url=url, config=config)
        title = title or cleaned.headline
        lines, removed = list(cleaned.lines), cleaned.removed
    title = " ".join((title or "").split()) or None
    body = "\n".join(lines)
    least = 1 if doc.kind == HEADLINE else config.min_words
    if len(body.split()) < least:
        raise InputError(f"{doc.input}: no article text found (fewer than {least} words after cleaning)")
    iso = parse_published(published)
    if iso is None:
        iso = next((d.isoformat() for line in lines[: config.dateline_lines] if (d := dateline_date(line))), None)
    return Article(
        id=doc.id or "",
        text=body,
        title=title,
        url=url,
        outlet=outlet or _domain(url),
        published=iso,
        removed=removed,
        story=doc.story,
        source_hash=source_hash(doc),
    )


def _from_html(doc: RawDocument) -> dict:
    result = trafilatura.extract(
        doc.content,
        url=doc.url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        # tables (tour dates, results, prices) are article text on many news pages
        include_tables=True,
    )
    if not result:
        raise InputError(f"{doc.input}: no article text found in the HTML")
    return json.loads(result)


def _strip_markdown(text: str) -> str:
    lines = (MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\1", line)) for line in text.splitlines())
    return "\n".join(lines)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
