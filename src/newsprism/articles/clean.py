"""Boilerplate removal for article text, by general rules.

Four kinds of evidence, each kept separate so a reader can see why a line went:

* patterns: "Read Also:", "Related Articles", "Back to top", newsletter, social, comment and membership
  prompts, bylines and timestamps, photo credits such as "via Getty Images" or "(AP Photo/…)";
* line shape: a caption printed twice around its credit, a caption above its credit, a shouted
  all-capitals promo line, a line with no words at all;
* context: the headline printed again in the body, a paragraph printed twice, the links listed under a
  "Related" or "Don't miss" header, a short line sandwiched between two boilerplate lines;
* repetition: lines that recur across articles of the same outlet (see
  :func:`newsprism.articles.repeated.strip_repeated_lines`).

The patterns and line shapes are in :mod:`newsprism.articles.boilerplate`, headline detection in
:mod:`newsprism.articles.headline`, the thresholds in :mod:`newsprism.articles.clean_config`; this
module applies them to a whole text, with the rules of context.

Subheadings, list items and table rows are article text and stay: a short line without a full stop
is not boilerplate by its shape alone.

Every removed line is kept in the article's ``removed`` list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .boilerplate import (
    LETTER_OR_DIGIT,
    SENTENCE_END,
    is_link_item,
    is_widget_text,
    line_key,
    line_reason,
    opens_link_list,
    reprinted_with_credit,
)
from .clean_config import CleanConfig
from .headline import headline_keys, is_section_label, looks_like_headline, near_headline, title_case
from .posts import join_broken_posts

# The controls of an embedded video player, as scraped text at the start of a line.
PLAYER_CONTROLS = re.compile(r"^(?:CLOSE\s+)?Skip in Skip\s+x\s+Embed\s+x\s+Share\s*")


@dataclass(frozen=True, slots=True)
class CleanText:
    """The headline picked out of the text (when asked for), the lines kept, and the lines removed."""

    headline: str | None
    lines: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of the body and why it is boilerplate ("pattern", "caption", "headline", "link"…), or None
    while nothing says so."""

    text: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class _Top:
    """The start of a text split into the section label above the headline, the headline, and the body."""

    label: str | None
    headline: str | None
    body: list[str]


@dataclass(frozen=True, slots=True)
class _Page:
    """What the page says about itself: the keys of its headline (see :func:`headline_keys`) and its
    address (see :func:`_url_key`), to recognise them printed again in the body."""

    headlines: set[str]
    url: str | None


def clean_text(
    text: str,
    find_headline: bool,
    title: str | None = None,
    url: str | None = None,
    config: CleanConfig = CleanConfig(),
) -> CleanText:
    """Split text into lines, pick out a headline if asked, and drop boilerplate lines.

    ``title`` (the page's headline from metadata) and ``url`` (its address) let the headline or the
    address printed inside the body be recognised and dropped.
    """
    # a post's text broken over lines is one line with its signature (:mod:`.posts`)
    lines = join_broken_posts([" ".join(line.split()) for line in text.splitlines()])
    removed = [match.group(0).strip() for line in lines if (match := PLAYER_CONTROLS.match(line))]
    # A video player's controls scraped into the paragraph below it ("CLOSE Skip in Skip x Embed x Share")
    lines = [PLAYER_CONTROLS.sub("", line) for line in lines]
    lines = [line for line in lines if line]
    # A line without a letter or digit ("-", "|---|---|") is list or table markup left by the extractor.
    removed += [line for line in lines if not LETTER_OR_DIGIT.search(line)]
    lines = [line for line in lines if LETTER_OR_DIGIT.search(line)]
    top = _pick_headline(lines, config) if find_headline and lines else _Top(None, None, lines)
    if top.label:
        removed.append(top.label)
    page = _Page(headline_keys(title or top.headline), _url_key(url))
    marked = _mark_lines(top.body, page, config)
    _mark(marked, _repeated_block(top.body, config), "repeat")
    _mark(marked, _headline_list(top.body, config), "link")
    _mark(marked, _widget_text(marked, config), "widget")
    kept = _rejoin_wrapped([line.text for line in marked if not line.reason], config)
    removed += [line.text for line in marked if line.reason]
    return CleanText(top.headline, tuple(kept), tuple(removed))


def _pick_headline(lines: list[str], config: CleanConfig) -> _Top:
    """A headline-shaped first line, below a section label ("NewsPolitics") if there is one, is the
    headline when more lines follow it."""
    label = None
    if len(lines) > 1 and is_section_label(lines[0], config) and looks_like_headline(lines[1], config):
        label, lines = lines[0], lines[1:]
    if looks_like_headline(lines[0], config) and len(lines) > 1:
        return _Top(label, lines[0], lines[1:])
    return _Top(label, None, lines)


def _mark_lines(lines: list[str], page: _Page, config: CleanConfig) -> list[_Line]:
    """Each line with the reason it goes by itself (with the line after it, for captions) or by its
    place in the article; a link list runs on from its header while its lines are boilerplate."""
    marked = []
    in_links = False
    for number, line in enumerate(lines):
        after = lines[number + 1] if number + 1 < len(lines) else ""
        reason = line_reason(line, after, config) or _context_reason(line, number, lines, page, in_links, config)
        in_links = (reason == "pattern" and opens_link_list(line)) or (in_links and bool(reason))
        marked.append(_Line(line, reason))
    return marked


def _context_reason(
    line: str, number: int, lines: list[str], page: _Page, in_links: bool, config: CleanConfig
) -> str | None:
    """Why line ``number`` is boilerplate given the page and the rest of the article, or None."""
    # The headline printed again in the body (with or without the site's name) is kept in the title.
    if line_key(line) in page.headlines or (number < config.head_lines and near_headline(line, page.headlines, config)):
        return "headline"
    # A caption's second printing, with its date and credit (the first goes by :func:`line_reason`).
    if number and reprinted_with_credit(lines[number - 1], line, config):
        return "caption"
    # The page's own address printed as text.
    if page.url and _url_key(line) == page.url:
        return "address"
    # A teaser cut off with an ellipsis whose start is another line of the article.
    if _is_teaser_of(line, lines, config):
        return "teaser"
    # The links under a link-list header ("Related", "You may also like..."): list items and
    # headline-shaped lines, until prose resumes.
    if in_links and is_link_item(line, config):
        return "link"
    return None


def _mark(marked: list[_Line], numbers: Iterable[int], reason: str) -> None:
    """Give the lines ``numbers`` that are not marked yet ``reason``."""
    for number in numbers:
        if not marked[number].reason:
            marked[number] = _Line(marked[number].text, reason)


def _repeated_block(lines: list[str], config: CleanConfig) -> list[int]:
    """Lines of a second copy of the story (printed again from the page's structured data).

    A copy is a run of lines already seen that holds at least ``config.repeat_paragraphs`` paragraphs
    and at least half of the article's distinct paragraphs. Lines repeated here and there (a recipe
    shared by two meal plans, a refrain) are article text and stay.
    """
    seen: set[str] = set()
    runs: list[list[int]] = [[]]
    for number, line in enumerate(lines):
        key = line_key(line)
        if key in seen:
            runs[-1].append(number)
        elif runs[-1]:
            runs.append([])
        seen.add(key)
    paragraphs = {key for key in seen if len(key.split()) >= config.repeat_words}
    block = []
    for run in runs:
        copied = {line_key(lines[number]) for number in run} & paragraphs
        if len(copied) >= config.repeat_paragraphs and len(copied) * 2 >= len(paragraphs):
            block += run
    return block


def _headline_list(lines: list[str], config: CleanConfig) -> list[int]:
    """Lines of a bulleted list of headlines: links to other articles whose header was lost.

    At least ``config.link_list_items`` bullets in a row, each in title case without a full stop
    ("- 11 Fascinating Facts About Our Milky Way Galaxy"). Bullets of an article's own list read as
    sentences or fragments in sentence case and stay.
    """
    found: list[int] = []
    run: list[int] = []
    for number, line in enumerate([*lines, ""]):
        item = line[:2] in ("- ", "• ", "* ") and is_link_item(line, config) and not SENTENCE_END.search(line)
        if item and (line[2:3].isupper() or line[2:3].isdigit()) and title_case(line[2:], config.link_title_case_share):
            run.append(number)
            continue
        if len(run) >= config.link_list_items:
            found += run
        run = []
    return found


def _widget_text(marked: list[_Line], config: CleanConfig) -> list[int]:
    """A short line between two pattern matches belongs to the same widget (a newsletter box's blurb
    between its name and its "Thanks for signing up!")."""
    return [
        number
        for number in range(1, len(marked) - 1)
        if not marked[number].reason
        and marked[number - 1].reason == marked[number + 1].reason == "pattern"
        and is_widget_text(marked[number].text, config)
    ]


def _rejoin_wrapped(lines: list[str], config: CleanConfig) -> list[str]:
    """Lines broken inside a sentence (text wrapped at a fixed width) joined again: a line of prose that
    ends in a letter or a comma, followed by one that starts in lower case, runs on into it. A list's
    lower-case items do not start a run (the line before must start a sentence or be a run itself), nor
    does a short label, an embedded post ending in its date, or an e-mail address.

    >>> _rejoin_wrapped(["The rules came at a time when climate change has become", "a flashpoint, he said.",
    ...                  "They include:", "a freeze on assets", "a ban on flights"], CleanConfig())
    ['The rules came at a time when climate change has become a flashpoint, he said.', 'They include:', \
'a freeze on assets', 'a ban on flights']
    """
    joined: list[str] = []
    running = False
    for line in lines:
        previous = joined[-1] if joined else ""
        opens = running or previous[:1].isupper() or previous[:1] in "\"“‘'("
        if (
            opens
            and line[:1].islower()
            and line.split()[0].rstrip(".,;:!?\"”’'").isalpha()  # a word, not an address ("wlee@tribune.com")
            and (previous[-1:].isalpha() or previous.endswith(","))
            and len(previous.split()) >= config.wrapped_words
        ):
            joined[-1] = f"{previous} {line}"
            running = True
        else:
            joined.append(line)
            running = False
    return joined


def _url_key(text: str | None) -> str | None:
    """An address as host and path without "www." or a final slash, to compare two printings of it;
    None for text that is not an address."""
    if not text or " " in text.strip() or "." not in text:
        return None
    parts = urlsplit(text.strip() if "//" in text else "//" + text.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _is_teaser_of(line: str, lines: list[str], config: CleanConfig) -> bool:
    stem = line.rstrip()
    if not stem.endswith(("...", "…")):
        return False
    stem = line_key(stem)
    return len(stem.split()) >= config.teaser_words and any(
        other != line and line_key(other).startswith(stem) for other in lines
    )
