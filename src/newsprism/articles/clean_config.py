"""The tuned thresholds of cleaning (:mod:`newsprism.articles.clean`) and extraction, and their config.

Each threshold is a named constant with the reason for its value, and the default of a
:class:`CleanConfig` field; the code reads the field. bench/bench_extract.py measures the cleaning
against hand-made article bodies of 91 real news pages: rerun it after changing any of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..validate import check_range

# Boilerplate lines (prompts, credits, captions with credits) are at most this long; a longer line is
# article text that happens to start "Photo:" or mention a newsletter.
BOILERPLATE_WORDS = 60
# Lines of this many words or fewer without sentence punctuation are labels or subheadings.
LABEL_WORDS = 12
# A section label before the headline is at most this long ("NewsPolitics", "World | Asia").
SECTION_LABEL_WORDS = 3
# A section path ("World | Asia") is at most this long.
BREADCRUMB_WORDS = 8
# A timestamp line is at most this long ("5:45 AM PST 11/19/2019 by Patrick Shanley").
STAMP_WORDS = 10
# An all-capitals line this long is a promo or a cross-link, not a subheading ("CLICK HERE TO GET THE APP").
SHOUT_WORDS = 8
# A block of this many repeated paragraphs (of at least REPEAT_WORDS words) is a second copy of the story.
REPEAT_WORDS = 8
REPEAT_PARAGRAPHS = 4
# A line cut off with an ellipsis is a teaser of another line when this many words match.
TEASER_WORDS = 6
# The headline, reworded, is looked for in this many lines at the top.
HEAD_LINES = 3
# A link-list item under a "Related" header is at most this long; a longer line is prose again.
LINK_WORDS = 25
# A bulleted list of this many title-case headlines or more is a list of links to other articles.
LINK_LIST_ITEMS = 3
# A line between two boilerplate lines is part of the same widget when it is at most this long.
WIDGET_WORDS = 25
# A headline is at most this long; a longer line is a paragraph, whatever its case.
HEADLINE_WORDS = 30
# A line this short without closing punctuation is a headline even in sentence case.
SHORT_HEADLINE_WORDS = 10
# Title case: at least this share of the words other than articles and prepositions are capitalised.
TITLE_CASE_SHARE = 0.7
# The items of a bulleted list of links are headlines in a stricter title case than a headline needs,
# so that an article's own list of capitalised phrases stays.
LINK_TITLE_CASE_SHARE = 0.9
# A line near the top is the headline reworded when it shares this share of the words of the longer
# of the two, or (unpunctuated, as display headlines are) this share of the page title's words and
# half its own; both have NEAR_HEADLINE_WORDS words at least, so that a few common words do not match.
NEAR_HEADLINE_SHARE = 0.8
NEAR_HEADLINE_WORDS = 4
# An article has at least this many words after cleaning; fewer is a page without one (an error page,
# a paywall stub, a link list), which extraction rejects.
MIN_WORDS = 5
# A line of at least this many words that ends in a letter or a comma runs on into a next line starting in
# lower case: a sentence wrapped at a fixed width, not a label above a list item (over the 688 Multi-News
# dev documents with text, 16 such breaks in six documents, each inside a sentence: of four articles, of a
# video player's and of a paywall's notice).
WRAPPED_WORDS = 6
# A dateline ("PYONGYANG, June 19 (AP) —") opens the story: only this many lines at the top are read for
# one, so that a date mentioned further down is not taken for the publication date.
DATELINE_LINES = 3


@dataclass(frozen=True, kw_only=True)
class CleanConfig:
    """The tuned thresholds of cleaning; each defaults to the constant of the same name in capitals."""

    boilerplate_words: int = BOILERPLATE_WORDS
    label_words: int = LABEL_WORDS
    section_label_words: int = SECTION_LABEL_WORDS
    breadcrumb_words: int = BREADCRUMB_WORDS
    stamp_words: int = STAMP_WORDS
    shout_words: int = SHOUT_WORDS
    repeat_words: int = REPEAT_WORDS
    repeat_paragraphs: int = REPEAT_PARAGRAPHS
    teaser_words: int = TEASER_WORDS
    head_lines: int = HEAD_LINES
    link_words: int = LINK_WORDS
    link_list_items: int = LINK_LIST_ITEMS
    widget_words: int = WIDGET_WORDS
    headline_words: int = HEADLINE_WORDS
    short_headline_words: int = SHORT_HEADLINE_WORDS
    title_case_share: float = TITLE_CASE_SHARE
    link_title_case_share: float = LINK_TITLE_CASE_SHARE
    near_headline_share: float = NEAR_HEADLINE_SHARE
    near_headline_words: int = NEAR_HEADLINE_WORDS
    min_words: int = MIN_WORDS
    dateline_lines: int = DATELINE_LINES
    wrapped_words: int = WRAPPED_WORDS

    def __post_init__(self) -> None:
        check_range("boilerplate words", self.boilerplate_words, 1, 10_000)
        check_range("label words", self.label_words, 0, 1000)
        check_range("section label words", self.section_label_words, 0, 1000)
        check_range("breadcrumb words", self.breadcrumb_words, 0, 1000)
        check_range("stamp words", self.stamp_words, 0, 1000)
        check_range("shout words", self.shout_words, 1, 1000)
        check_range("repeat words", self.repeat_words, 1, 1000)
        check_range("repeat paragraphs", self.repeat_paragraphs, 1, 1000)
        check_range("teaser words", self.teaser_words, 1, 1000)
        check_range("head lines", self.head_lines, 0, 1000)
        check_range("link words", self.link_words, 0, 1000)
        check_range("link list items", self.link_list_items, 1, 1000)
        check_range("widget words", self.widget_words, 0, 1000)
        check_range("headline words", self.headline_words, 2, 1000)
        check_range("short headline words", self.short_headline_words, 0, 1000)
        check_range("title case share", self.title_case_share, 0.0, 1.0)
        check_range("link title case share", self.link_title_case_share, 0.0, 1.0)
        check_range("near headline share", self.near_headline_share, 0.0, 1.0)
        check_range("near headline words", self.near_headline_words, 1, 1000)
        check_range("min words", self.min_words, 0, 10_000)
        check_range("dateline lines", self.dateline_lines, 0, 1000)
        check_range("wrapped words", self.wrapped_words, 1, 1000)
