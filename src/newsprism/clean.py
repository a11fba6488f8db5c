"""Boilerplate removal for article text, by general rules.

Three kinds of evidence, each kept separate so a reader can see why a line went:

* patterns: "Read Also:", "Related Articles", "Back to top", social and comment prompts, photo
  credits such as "via Getty Images" or "(AP Photo/…)";
* line shape: short lines without sentence punctuation (section labels, subheadings, captions),
  and a caption printed twice around its credit;
* repetition: lines that recur across articles of the same outlet (see :func:`strip_repeated_lines`).

Every removed line is kept in the article's ``removed`` list.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from .records import Article

_SOCIAL = r"(?:facebook|twitter|x|instagram|linkedin|threads|bluesky|telegram|tiktok|youtube|whatsapp)"
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:read|see|watch|listen)\s+(?:also|more|next)\b",
        r"^(?:also read|more from|recommended( for you)?|most (?:read|popular)|trending)\b",
        r"^related(?:\s+(?:articles?|stories|news|posts|coverage|content|topics|reading))?\s*:?$",
        r"^back to top\b",
        rf"^(?:follow|like|join)\b.{{0,80}}\bon\s+{_SOCIAL}\b",
        rf"^(?:share|tweet|email|print|copy link)(?:\s+(?:this|on|via)\b.*)?$|^share on {_SOCIAL}",
        r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox)\b",
        r"\bcomment(?:s|ing)?\b.{0,60}\b(?:let us know|guidelines|policy|below|issues with)\b",
        r"\b(?:let us know|join the (?:conversation|discussion))\b.{0,60}\bcomment",
        r"^(?:leave|post|add|view|show)\s+(?:a\s+)?comments?\b",
        r"^(?:click|tap)\s+here\b",
        r"\ball rights reserved\b|^(?:©|\(c\)|copyright)\s",
        r"^(?:advertisement|sponsored( content)?|skip to (?:main )?content|cookie settings)\b",
        r"^(?:photo|image|video|picture|credit|caption)s?\s*(?:credit)?\s*:",
        r"\bvia getty images\b|\bgetty images$|\bshutterstock\b",
        r"\((?:ap|afp|epa|reuters|getty|xinhua|ap photo|afp photo)[^()]*/[^()]*\)\.?$",
    )
]
# A credit in parentheses at the end of a caption: "(Rodong Sinmun/Government of North Korea)."
TRAILING_CREDIT = re.compile(r"\(\s*[A-Z][^()]{1,80}/[^()]{1,80}\)\s*\.?$")
QUOTES = str.maketrans("‘’“”", "''\"\"")
SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]$")
# Boilerplate lines (prompts, credits, captions with credits) are at most this long.
BOILERPLATE_WORDS = 60
# Lines of this many words or fewer without sentence punctuation are labels or subheadings.
LABEL_WORDS = 12
# A section label before the headline is at most this long ("NewsPolitics", "World | Asia").
SECTION_LABEL_WORDS = 3


@dataclass(frozen=True, slots=True)
class CleanText:
    headline: str | None
    lines: tuple[str, ...]
    removed: tuple[str, ...]


def clean_text(text: str, find_headline: bool) -> CleanText:
    """Split text into lines, pick out a headline if asked, and drop boilerplate lines."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    removed: list[str] = []
    headline = None
    if find_headline and lines:
        if len(lines) > 1 and _is_section_label(lines[0]) and looks_like_headline(lines[1]):
            removed.append(lines.pop(0))
        if looks_like_headline(lines[0]) and len(lines) > 1:
            headline = lines.pop(0)
    kept: list[str] = []
    for number, line in enumerate(lines):
        before = lines[number - 1] if number else ""
        after = lines[number + 1] if number + 1 < len(lines) else ""
        if is_boilerplate(line) or _is_caption(line, before, after):
            removed.append(line)
        else:
            kept.append(line)
    return CleanText(headline, tuple(kept), tuple(removed))


def is_boilerplate(line: str) -> bool:
    # A longer line is article text that happens to start "Photo:" or mention a newsletter.
    if len(line.split()) > BOILERPLATE_WORDS:
        return False
    return any(pattern.search(line) for pattern in BOILERPLATE) or bool(TRAILING_CREDIT.search(line))


def _is_credit(line: str) -> bool:
    return bool(TRAILING_CREDIT.search(line)) and len(line.split()) <= BOILERPLATE_WORDS


def _is_label(line: str) -> bool:
    return len(line.split()) <= LABEL_WORDS and not SENTENCE_END.search(line)


def _is_section_label(line: str) -> bool:
    return len(line.split()) <= SECTION_LABEL_WORDS and not SENTENCE_END.search(line)


def _is_caption(line: str, before: str, after: str) -> bool:
    if _is_label(line):
        return True
    # A caption printed once bare and once with its credit appended.
    if _fold(after).startswith(_fold(line).rstrip(".")) and _is_credit(after):
        return True
    # A line without sentence punctuation right above a photo credit is that photo's caption.
    return not SENTENCE_END.search(line) and bool(after) and is_boilerplate(after) and _is_label(after)


def _fold(line: str) -> str:
    return line.translate(QUOTES).lower()


SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "as",
    "is",
    "vs",
    "into",
    "over",
    "after",
    "amid",
    "its",
    "his",
    "her",
}


def looks_like_headline(line: str) -> bool:
    """A headline has no closing period and is either short or set in title case.

    >>> looks_like_headline("Putin To Make His First Trip To North Korea In 24 Years")
    True
    >>> looks_like_headline("The president will travel to Pyongyang on Tuesday on the invitation of Kim Jong-un")
    False
    """
    words = line.split()
    if not 2 <= len(words) <= 30 or re.search(r"[.;:,]$", line):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    capitalised = sum(1 for w in content if w[:1].isupper())
    title_case = bool(content) and capitalised / len(content) >= 0.7
    return title_case or len(words) <= 10


def strip_repeated_lines(articles: list[Article], min_articles: int = 2) -> list[Article]:
    """Remove lines that recur in several articles of the same outlet (mastheads, footers, ads).

    A line counts only when articles sharing it differ otherwise: if it would strip over half of an
    article, the article is a copy of another, not a carrier of boilerplate, and is left alone.
    """
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        if article.outlet:
            by_outlet[article.outlet].append(index)
    result = list(articles)
    for indexes in by_outlet.values():
        if len(indexes) < min_articles:
            continue
        counts = Counter(line for i in indexes for line in set(articles[i].text.splitlines()))
        repeated = {line for line, n in counts.items() if n >= min_articles}
        for i in indexes:
            lines = articles[i].text.splitlines()
            drop = [line for line in lines if line in repeated]
            if drop and len(drop) * 2 <= len(lines):
                text = "\n".join(line for line in lines if line not in repeated)
                result[i] = replace(articles[i], text=text, removed=articles[i].removed + tuple(drop))
    return result
