"""Posts from social networks embedded in a page: a tweet, an Instagram or a Facebook post, printed as a
line of the text with its author's signature.

An embedded post is a quotation of its author, not the outlet's reporting: the outlet shows it, it does
not state it. A page prints it as one line: the post's text, then who posted it and when ("… — Donald J.
Trump (@realDonaldTrump) August 3, 2017", "… A post shared by Havoc (@mobbdeephavoc) on Jun 20, 2017 at
11:32am PDT", "… Posted by The White House on Tuesday, June 20, 2017"). The text of a post has sentences of
its own ("Damn. RiP to the great one Prodigy. Love."), and only the last one holds the signature: the
line is one sentence, so that the whole post is told by its signature (:func:`is_embedded_post`), where
captions are (:mod:`newsprism.analysis.captions`).

>>> is_embedded_post("Damn. RiP to the great one Prodigy. Love. MOBB — Lil Wayne WEEZY F (@LilTunechi) June 20, 2017")
True
>>> is_embedded_post("Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT")
True
>>> is_embedded_post("Havoc posted two photos on Instagram (@mobbdeephavoc) on June 20, 2017, to remember him.")
False
"""

from __future__ import annotations

import re

from ..text.dates import MONTH_RE

__all__ = ["EMBEDDED_POST", "is_embedded_post", "join_broken_posts", "within_a_tweet"]

_DATE = rf"{MONTH_RE}\s+\d{{1,2}},\s+(?:19|20)\d\d"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# The signature closing the line: a tweet's "— Name (@handle) June 20, 2017" (a hyphen in older pages,
# "- Notch (@notch) March 25, 2014"); an Instagram post's "A post shared by Name (@handle) on Jun 20, 2017
# at 11:32am PDT" ("A photo posted by" in older pages); a Facebook post's "Posted by Name on Tuesday, June
# 20, 2017"; a full stop may close it. A sentence of prose naming a handle and a date goes on after them.
_SIGNATURE = (
    rf"(?:(?:^|\s)[—–-]{{1,2}}\s*[^—–\n]{{1,60}}?\s\(@\w{{1,15}}\)\s+{_DATE}|"
    rf"\bA (?:post|photo|video) (?:shared|posted) by [^\n]{{1,80}}?\s\(@[\w.]{{1,30}}\)\s+on\s+{_DATE}"
    r"(?:\s+at\s+\d{1,2}:\d\d\s*[ap]m(?:\s+[A-Z]{2,4})?)?|"
    rf"\bPosted by [^\n]{{1,80}}?\s+on\s+{_WEEKDAY},\s+{_DATE})\.?\s*$"
)
# A tweet's own marks, wherever they stand: its picture's link ("pic.twitter.com/gObuV9O84s") and a retweet
# ("RT @ComplexMusic: ..."); a line opening on a handle and a colon is a post quoted by its author's handle
# ("@unsulk: I stand corrected."). Prose names a handle without the colon ("follow @AMNH").
_MARKS = r"\bpic\.twitter\.com/\w|\bRT @\w{1,15}:|^\W{0,3}@\w{1,15}:\s"
EMBEDDED_POST = re.compile(rf"{_SIGNATURE}|{_MARKS}")
SIGNATURE = re.compile(_SIGNATURE)
LINK = re.compile(r"\b(?:https?://|pic\.twitter\.com/)\S+")
# A page prints a line break inside a post's text as two blank lines or more, where its paragraphs are one
# blank line apart ("RIP PRODIGY.", two blank lines, "MOBB DEEP'S MUZIK STILL HITS MY SOUL ... — Alexander
# Spit (@AlexanderSpit) June 20, 2017"). A tweet holds at most this many characters, links aside: a line of
# the page's own before a post is not taken into it when the two together are longer.
POST_BREAK_BLANKS = 2
TWEET_CHARS = 280


def within_a_tweet(text: str) -> bool:
    """Whether a post's text, links aside, is no longer than a tweet can be."""
    return len(LINK.sub("", text).strip()) <= TWEET_CHARS


def is_embedded_post(line: str) -> bool:
    """Whether a line (or a sentence) is a post embedded from a social network, with its signature."""
    return bool(EMBEDDED_POST.search(line))


def join_broken_posts(lines: list[str]) -> list[str]:
    """``lines`` (blank lines kept) with the lines of a post's text that a line break inside the post set
    apart (:data:`POST_BREAK_BLANKS` blank lines before its signature's line) joined to that line, while
    the post's text stays within :data:`TWEET_CHARS`.

    >>> post = "Still hits my soul. — Spit (@spit) June 20, 2017"
    >>> join_broken_posts(["Fans mourned.", "", "RIP PRODIGY.", "", "", post])
    ['Fans mourned.', '', 'RIP PRODIGY. Still hits my soul. — Spit (@spit) June 20, 2017']
    >>> join_broken_posts(["Fans mourned.", "", post])
    ['Fans mourned.', '', 'Still hits my soul. — Spit (@spit) June 20, 2017']
    """
    joined: list[str] = []
    blanks = 0
    for line in reversed(lines):
        if not line.strip():
            blanks += 1
            joined.append(line)
            continue
        post = joined[-blanks - 1] if blanks >= POST_BREAK_BLANKS and len(joined) > blanks else None
        if post is not None and not SIGNATURE.search(line) and (signed := SIGNATURE.search(post)):
            text = f"{line} {post[: signed.start()]}"
            if within_a_tweet(text):
                del joined[-blanks - 1 :]
                joined.append(f"{line} {post}")
                blanks = 0
                continue
        joined.append(line)
        blanks = 0
    return joined[::-1]
