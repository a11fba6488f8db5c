"""Stage 10, report: the JSON contract (schema version 1) and its Markdown and HTML renderings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import IO

from jinja2 import BaseLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..analysis.conflicts import CONFIDENT
from ..records import Article, Skipped, StoryAnalysis
from ..registry import Registry
from ..version import __version__
from .markdown import as_markdown_values, markdown_filter
from .packed import Mapped
from .stream import json_chunks

SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "schema" / "report.schema.json"


def analysis_to_dict(analysis: StoryAnalysis) -> dict:
    """One story of the report, as the JSON contract spells it."""
    story = analysis.story
    return {
        "id": story.id,
        "title": story.title,
        "articles": story.article_ids,
        "independent_sources": analysis.independent_sources,
        "summary": [asdict(s) for s in analysis.summary],
        "facts": [asdict(f) for f in analysis.facts],
        "conflicts": [asdict(c) for c in analysis.conflicts],
        "provenance": [
            {
                "original": p.original,
                "copy": p.copy,
                "kind": p.kind,
                "similarity": p.similarity,
                "reason": p.reason,
                "aligned": [{"original": o, "copy": c} for o, c in p.aligned],
            }
            for p in analysis.provenance
        ],
        "entities": [asdict(e) for e in analysis.entities],
        "timeline": [asdict(t) for t in analysis.timeline],
        "framing": [asdict(f) for f in analysis.framing],
    }


@dataclass
class Report:
    """What :func:`newsprism.analyze` returns: articles, stories and skipped inputs.

    ``articles`` and ``stories`` are any sequences: :func:`newsprism.analyze` gives them packed
    (:class:`.packed.Packed`), each item unpacked when read, and :meth:`write` renders one story at a time,
    so a report of any size is written without being held whole."""

    articles: Sequence[Article]
    stories: Sequence[dict]
    skipped: list[Skipped] = field(default_factory=list)
    pipeline: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The whole report as one JSON-ready dict (for a large report, :meth:`write` holds far less)."""
        data = self._view()
        return {**data, "articles": list(data["articles"]), "stories": list(data["stories"])}

    def _view(self) -> dict:
        """:meth:`to_dict`'s data with the articles and stories left as sequences read one at a time."""
        return {
            "newsprism": __version__,
            "schema": SCHEMA_VERSION,
            "pipeline": self.pipeline,
            "articles": Mapped(self.articles, Article.to_dict),
            "stories": self.stories,
            "skipped": [{"input": s.input, "reason": s.reason} for s in self.skipped],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return "".join(self.json_chunks(indent))

    def json_chunks(self, indent: int | None = 2) -> Iterator[str]:
        """:meth:`to_json`'s text in pieces, an article or a story at a time."""
        return json_chunks(self._view(), indent)

    def to_markdown(self) -> str:
        return "".join(_chunks("report.md.j2", self))

    def to_html(self) -> str:
        return "".join(_chunks("report.html.j2", self))

    def render(self, fmt: str) -> str:
        """The report in a registered format (``json``, ``md``, ``html`` or a plugin's)."""
        return "".join(self.chunks(fmt))

    def chunks(self, fmt: str) -> Iterator[str]:
        """:meth:`render`'s text in pieces: the built-in formats a story at a time, a plugin's whole."""
        render = RENDERERS.get(fmt)
        stream = _STREAMS.get(render)
        return stream(self) if stream else iter([render(self)])

    def write(self, fmt: str, out: IO[str]) -> None:
        """Write the report in ``fmt`` to ``out`` piece by piece."""
        for chunk in self.chunks(fmt):
            out.write(chunk)


RENDERERS: Registry[Callable[[Report], str]] = Registry("renderers")
RENDERERS.register("json", Report.to_json)
RENDERERS.register("md", Report.to_markdown)
RENDERERS.register("html", Report.to_html)
# The built-in renderers' texts in pieces: a plugin registered under one of their names renders whole.
_STREAMS: dict[Callable[[Report], str], Callable[[Report], Iterator[str]]] = {
    Report.to_json: Report.json_chunks,
    Report.to_markdown: lambda report: _chunks("report.md.j2", report),
    Report.to_html: lambda report: _chunks("report.html.j2", report),
}


def environment(loader: BaseLoader | None = None) -> Environment:
    """The templates' environment, shared by the report files and the web app (which passes a loader
    that finds its own pages before these): every value is escaped, as article text is untrusted."""
    env = Environment(
        loader=loader or PackageLoader("newsprism.report", "templates"),
        # Markdown is escaped like HTML: every value a template prints unfiltered goes through its
        # ``__html__`` (markdown.py wraps every string of the report), so no field can be forgotten
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_filter
    env.filters["web_url"] = web_url
    env.filters["highlight"] = highlight
    env.globals["confident"] = CONFIDENT
    return env


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: a link never runs ``javascript:`` or opens ``data:``."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    scheme, sep, rest = url.partition(":")
    return url if sep and scheme.lower() in ("http", "https") and rest.startswith("//") else None


def highlight(sentence: str, value: str) -> Markup:
    """``sentence`` escaped, with the first place it spells ``value`` (any case) marked: the evidence of
    a conflict shows where each side's value is. A value the sentence does not spell is not marked."""
    found = re.search(re.escape(str(value)), str(sentence), re.IGNORECASE) if value else None
    if found is None:
        return escape(sentence)
    start, end = found.span()
    text = str(sentence)
    return escape(text[:start]) + Markup("<mark>") + escape(text[start:end]) + Markup("</mark>") + escape(text[end:])


def _chunks(template: str, report: Report) -> Iterator[str]:
    """The template rendered as Jinja goes, over the report's stories unpacked one at a time."""
    markdown = template.endswith(".md.j2")
    data = report._view()
    # what citations and outlets read of every article: all but its text, which only the list of articles shows
    articles = {a.id: {k: v for k, v in a.to_dict().items() if k not in HEAVY} for a in report.articles}
    if markdown:
        data = {
            key: Mapped(value, partial(as_markdown_values, key=key))
            if key in SEQUENCES
            else as_markdown_values(value, key)
            for key, value in data.items()
        }
        articles = {a: as_markdown_values(fields) for a, fields in articles.items()}  # type: ignore[misc]
    return _ENVIRONMENT.get_template(template).generate(report=data, articles=articles, label=labeller(articles))


# The report's keys whose items are read one at a time; the fields of an article only its own entry shows.
SEQUENCES = ("articles", "stories")
HEAVY = ("text", "removed")


# An article with no outlet is cited by the first LABEL_WORDS words of its headline: "Putin To Make His…"
# tells a reader which report it is; "002_c10d309ea089b01d" (a file's name) does not.
LABEL_WORDS = 4


def labeller(articles: dict[str, dict]):
    """Short names for citations: the outlet where known, else the start of the headline, else the id.

    >>> label = labeller({"a": {"outlet": "Reuters"}, "b": {"title": "Putin To Make His First Trip In 24 Years"}})
    >>> label("a"), label("b"), label("c")
    ('Reuters', 'Putin To Make His…', 'c')
    """

    def label(article_id: str) -> str:
        article = articles.get(article_id) or {}
        if article.get("outlet"):
            return article["outlet"]
        words = (article.get("title") or "").split()
        if not words:
            return article_id
        return " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")

    return label


_ENVIRONMENT = environment()
