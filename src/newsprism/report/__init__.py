"""Stage 10, report: the JSON contract (schema version 1) and its Markdown and HTML renderings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from jinja2 import BaseLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..analysis.conflicts import CONFIDENT
from ..records import Article, Skipped, StoryAnalysis
from ..registry import Registry
from ..version import __version__
from .markdown import as_markdown_values, markdown_filter

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
    """What :func:`newsprism.analyze` returns: articles, stories and skipped inputs."""

    articles: list[Article]
    stories: list[dict]
    skipped: list[Skipped] = field(default_factory=list)
    pipeline: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "newsprism": __version__,
            "schema": SCHEMA_VERSION,
            "pipeline": self.pipeline,
            "articles": [a.to_dict() for a in self.articles],
            "stories": self.stories,
            "skipped": [{"input": s.input, "reason": s.reason} for s in self.skipped],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        return _render("report.md.j2", self)

    def to_html(self) -> str:
        return _render("report.html.j2", self)

    def render(self, fmt: str) -> str:
        """The report in a registered format (``json``, ``md``, ``html`` or a plugin's)."""
        return RENDERERS.get(fmt)(self)


RENDERERS: Registry[Callable[[Report], str]] = Registry("renderers")
RENDERERS.register("json", Report.to_json)
RENDERERS.register("md", Report.to_markdown)
RENDERERS.register("html", Report.to_html)


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


def _render(template: str, report: Report) -> str:
    markdown = template.endswith(".md.j2")
    env = _ENVIRONMENT
    data = report.to_dict()
    if markdown:
        data = {key: as_markdown_values(value, key) for key, value in data.items()}
    articles = {a["id"]: a for a in data["articles"]}
    return env.get_template(template).render(report=data, articles=articles, label=labeller(articles))


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
