"""Headline detection: a headline-shaped first line, and the headline printed again in the body."""

from __future__ import annotations

import re

from .boilerplate import SENTENCE_END, is_boilerplate, is_stamp, line_key
from .clean_config import CleanConfig

# Words a title-case headline leaves in lower case: articles, conjunctions, short prepositions, possessives.
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


def looks_like_headline(line: str, config: CleanConfig = CleanConfig()) -> bool:
    """A headline has no closing period, is not boilerplate, and is either short or set in title case.

    >>> looks_like_headline("Putin To Make His First Trip To North Korea In 24 Years")
    True
    >>> looks_like_headline("The president will travel to Pyongyang on Tuesday on the invitation of Kim Jong-un")
    False
    """
    words = line.split()
    if not 2 <= len(words) <= config.headline_words or re.search(r"[.;:,]$", line):
        return False
    # a photo credit, a pitch or a page stamp above the story is no headline: "(Staff Photo/Jane Doe)",
    # "2 years ago"
    if is_boilerplate(line, config) or is_stamp(line, config):
        return False
    return title_case(line, config.title_case_share) or len(words) <= config.short_headline_words


def title_case(line: str, share: float) -> bool:
    """Most words other than articles and prepositions are capitalised: "Storm Hits the Coast"."""
    content = [w for w in line.split() if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    capitalised = sum(1 for w in content if w[:1].isupper())
    return bool(content) and capitalised / len(content) >= share


def is_section_label(line: str, config: CleanConfig) -> bool:
    """A few words without sentence punctuation: a section name printed above the headline."""
    return len(line.split()) <= config.section_label_words and not SENTENCE_END.search(line)


def headline_keys(title: str | None) -> set[str]:
    """The headline, and the headline without the site name a page title carries ("Title | Site")."""
    if not title:
        return set()
    keys = {line_key(title)}
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in title:
            keys.add(line_key(title.rsplit(separator, 1)[0]))
            keys.add(line_key(title.split(separator, 1)[1]))
    # a one-word key (the site's name split off the title) would match any one-word line
    return {key for key in keys if len(key.split()) >= 2}


def near_headline(line: str, headlines: set[str], config: CleanConfig) -> bool:
    """Near the top, a line sharing nearly all its words with the headline is the headline, reworded;
    so is a longer unpunctuated display headline that holds nearly all the page title's words."""
    words = set(line_key(line).split())
    if len(words) < config.near_headline_words:
        return False
    share = config.near_headline_share
    for headline in headlines:
        title = set(headline.split())
        common = len(words & title)
        if common >= share * max(len(words), len(title)):
            return True
        if len(title) >= config.near_headline_words and common >= share * len(title) and common >= 0.5 * len(words):
            return not SENTENCE_END.search(line)
    return False
