"""Markdown escaping for the Markdown report.

Article ids, titles and text come from untrusted inputs. In Markdown a ``<`` starts live HTML
(``<img onerror=…>``, ``<script>``), ``[…](…)`` a link, a backtick ends a code span, ``|`` a table
cell, and a line break a paragraph. The Markdown report is rendered with Jinja's autoescaping switched
on and every string of the report wrapped (:func:`as_markdown_values`) in a ``str`` whose
``__html__`` is the Markdown escape, so a value is escaped whether or not its template says ``|md``:

- text (:class:`_Text`) has every character Markdown gives a meaning to backslash-escaped;
- ids (:class:`_Code`), which the template prints inside code spans where a backslash shows, keep
  their characters but a backtick (which would close the span) and line breaks.

The ``md`` filter escapes its value as text and marks the result done (``Markup``).
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters Markdown (CommonMark and GitHub's) gives a meaning to inside a line.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# Line breaks (a blank line ends a paragraph, a table row or a code span) and other control characters.
BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Keys of the report whose values are article or story ids, printed in code spans.
ID_KEYS = {"id", "articles", "sources", "article", "original", "copy", "story", "disputed_by"}
# What a backtick in an id is shown as inside a code span: the modifier letter grave accent.
BACKTICK_STAND_IN = "\u02cb"


def escape_text(text: object) -> str:
    """``text`` as literal Markdown text on one line.

    >>> escape_text("a <b> [c](d) `e`\\nf")
    'a \\\\<b\\\\> \\\\[c\\\\](d) \\\\`e\\\\` f'
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", BREAKS.sub(" ", str(text)))


def escape_code(text: object) -> str:
    """``text`` safe inside a code span: no backtick to close it, no line break to end it."""
    return BREAKS.sub(" ", str(text)).replace("`", BACKTICK_STAND_IN)


class _Text(str):
    __slots__ = ()

    def __html__(self) -> str:
        return escape_text(self)


class _Code(str):
    __slots__ = ()

    def __html__(self) -> str:
        return escape_code(self)


def as_markdown_values(value: object, key: str = "") -> object:
    """The report's data with every string wrapped to escape itself: ids as code, the rest as text."""
    if isinstance(value, dict):
        return {k: as_markdown_values(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_markdown_values(v, key) for v in value]
    if isinstance(value, str):
        return _Code(value) if key in ID_KEYS else _Text(value)
    return value


def markdown_filter(value: object) -> Markup:
    """The ``md`` filter: ``value`` escaped as Markdown text (a value already escaped stays as it is)."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_text(value))
