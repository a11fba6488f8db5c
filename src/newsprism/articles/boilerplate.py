"""The line rules of boilerplate removal: patterns of prompts, credits, bylines and stamps, and line shapes.

Each rule looks at one line (and, for a caption, the line after it). The rules that need the rest of
the article (the headline printed again, link lists, repeated blocks, widgets) are in
:mod:`newsprism.articles.clean`.
"""

from __future__ import annotations

import re

from .clean_config import CleanConfig

_SOCIAL = r"(?:facebook|twitter|x|instagram|linkedin|threads|bluesky|telegram|tiktok|youtube|whatsapp)"
_AGENCY = r"(?:ap|afp|epa|reuters|getty|xinhua|ap photo|afp photo)"


def _compile(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


# Headers of link lists and labelled links to other articles; the headline-shaped lines and list items
# right after one of them are links too (see :func:`newsprism.articles.clean.clean_text`).
LINK_HEADERS = _compile(
    r"^(?:read|see|watch|listen)\s+(?:also|more|next)\b",
    r"^(?:also read|more from|recommended( for you)?|trending)\b",
    # "Most popular", "Most read in world news", "Most viewed: …": a header of a few words, alone on its
    # line or before its link, not a statistic's label ("Most Popular Month to Get Married: June (15%)")
    r"^most (?:read|popular|viewed|shared|emailed)\b(?:\s+\S+){0,3}\s*(?::|$)",
    r"^related(?:\s+(?:articles?|stories|news|posts|coverage|content|topics|reading))?\s*:?$",
    # "Related: <headline>", "Also: <headline>", "More: <headline>": a labelled link; prose does not put
    # a colon straight after "also" or "more"
    r"^(?:related|also|more|see also|further reading)\s*:",
    # link-list headers standing alone on their line ("You may also like...", "DON'T MISS")
    r"^(?:you (?:may|might) (?:also )?like|don'?t miss|explore further|up next|what to read next"
    r"|more (?:stories|news|videos)|top stories|latest news|editor'?s picks?)\W*$",
)
# Photo and video credits; a short line without a full stop right above one is its caption.
CREDITS = _compile(
    r"^(?:photo|image|video|picture|credit|caption)s?\s*(?:credit)?\s*:",
    r"\bvia getty images\b|\bgetty images$|\bshutterstock\b",
    rf"\({_AGENCY}[^()]*/[^()]*\)\.?$",
    # "installation views, photos © Inexhibit, 2018", "Photo courtesy of the family"
    r"\b(?:photos?|images?|pictures?|pics?)\s*(?:©|\(c\)|courtesy\b)",
    # an agency credit glued to the end of a caption: "…a co-working space in New York.Reuters", and the
    # agencies' own credit form "REUTERS/Jane Doe"
    r"[a-z][.!?]?(?-i:Reuters|REUTERS|AP|AFP|EPA|Getty Images|Shutterstock|Xinhua)(?:/.*)?$",
    r"(?-i:\b(?:REUTERS|AFP|EPA)/\s*[A-Z])",
    # a short "© Name" credit
    r"^(?:©|\(c\))\s*\S+(?:\s+\S+){0,4}$",
)
BOILERPLATE = [
    *LINK_HEADERS,
    *CREDITS,
    *_compile(
        # a headline tagged with the kind of page it links to: "… [VIDEO]", "… [INSIGHT]"
        r"\[(?:video|videos|pictures|pics|photos|gallery|insight|reaction|poll|live|latest|analysis|watch)\]\W*$",
        r"^back to top\b",
        # a copyright footer
        r"\ball rights reserved\b|^(?:©|\(c\)|copyright)\s",
        rf"^(?:follow|like|join)\b.{{0,80}}\bon\s+{_SOCIAL}\b",
        rf"^(?:share|tweet|email|print|copy link)(?:\s+(?:this|on|via)\b.*)?$|^share on {_SOCIAL}",
        # a sentence telling the reader to follow someone ("… is out now. Follow him on Twitter @x."),
        # or an outlet's coverage; prose reports that people follow, it does not say "Follow him"
        rf"(?:^|[.!?]\s+)follow\s+(?:him|her|them|us|me|@\w+|\S+'s? (?:full |live )?coverage)\b.{{0,80}}"
        rf"(?:{_SOCIAL}|@\w|https?://|coverage)",
        # newsletter and subscription prompts, including the widget's own replies
        r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|e-?mails?)\b",
        r"(?:^|[.!?]\s+)(?:subscribe|sign up|register)\b.{0,80}\b(?:newsletters?|channel|podcast|youtube)\b",
        r"\bsubscribing to our\b|\bdelivered\b.{0,30}\b(?:to|through|into) your (?:inbox|letterbox|mailbox|door)\b",
        r"^(?:thanks|thank you) for (?:signing up|subscribing|registering)\b|\bkeep an eye on your inbox\b",
        r"\berror processing your (?:subscription|request|sign-?up)\b",
        # an alerts pitch: "Breaking News Emails Get breaking news alerts and special reports."
        r"^breaking news (?:emails|alerts)\b|\bget (?:breaking )?news alerts\b",
        # the name of a newsletter on its own line ("Pick Six Newsletter", "Morning Briefing newsletter")
        r"^(?:\S+\s+){0,4}newsletters?$",
        # membership and paywall pitches addressed to the reader of "this article"
        r"^if you (?:enjoyed|liked|value|appreciate)\b.{0,40}\b(?:article|story|journalism|reporting|content)\b",
        r"^(?:get access to|join our|become a (?:member|subscriber|supporter)|support our journalism)\b",
        # affiliate disclosures: "If you buy something through this post, X may get a share of the sale."
        r"\bif you (?:buy|purchase|click)\b.{0,60}\b(?:commission|share of the sale|affiliate|may earn|may get)\b",
        # a comment section's rules; "declined to comment on the guidelines" and "reached for comment" report
        r"(?<!\bto )(?<!\bfor )(?<!\bnot )\bcomment(?:s|ing)?\b.{0,60}"
        r"\b(?:let us know|guidelines|policy|below|issues with)\b",
        r"\b(?:let us know|join the (?:conversation|discussion))\b.{0,60}\bcomment",
        # the buttons of a comment section ("View Comments", "Load 12 comments")
        r"^(?:leave|post|add|view|show|read|load)\s+(?:a\s+|all\s+|the\s+)?(?:\d+\s+)?comments?\b",
        # a comment counter ("12 comments", "comments") and the invitation to comment
        r"^\d*\s*comments?$|^tell us what you think\b",
        # a link's call to action ("Click here to …", "GET THE APP BY CLICKING HERE"); prose names what it links
        r"^(?:click|tap)\s+here\b|\bby (?:clicking|tapping) here\b",
        # a call to listen or watch elsewhere: "Listen to X live at 12:45 … or listen back here."
        r"^(?:listen|watch)\b.{0,80}\b(?:here|below|podcast)\W*$",
        r"^(?:advertisement|sponsored( content)?|skip to (?:main )?content|cookie settings)\b",
        # taxonomy and reading-time labels ("Filed under: Politics |", "Tempo de leitura: 1 minuto")
        r"^(?:filed under|posted in|tags?|topics?|categories)\s*:",
        r"^(?:reading time|read time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\b"
        r"|^\d+\s*min(?:ute)?s?\s+read$",
        # credit lines of the story: "Additional reporting by Jane Doe", "Editing by John Roe"
        r"^(?:additional )?(?:reporting|writing|editing)\s+by\s[^.]{0,80}$",
        # "SOURCE: News agencies"
        r"^source\s*:\s*\S+(?:\s+\S+){0,5}$",
        # a WordPress shortcode left in the text: "[button link=…] Send us your review[/button]"
        r"\[/[a-z_]+\]",
        # a bare link to an image file is markup, not text
        r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$",
    ),
]
# A credit in parentheses at the end of a caption: "(Rodong Sinmun/Government of North Korea)."
# A photographer's credit ending a caption: "… near Sevastopol. Shamil Zhumatov/Reuters".
PHOTOGRAPHER_CREDIT = re.compile(r"[.!?]\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*[A-Z][\w.'’& -]{1,40}$")
BRACKETED_PHOTO_CREDIT = re.compile(r"[.!?\"”]\s*\(\s*photo(?:graph)?s?\s*:[^()]{1,80}\)\s*\.?$", re.I)
# A caption printed twice is told apart from a sentence quoted again by its length: a label is shorter.
MIN_REPRINT_WORDS = 6
TRAILING_CREDIT = re.compile(r"\(\s*[A-Z][^()]{1,80}/\s*[A-Z][^()]{0,80}\)\s*\.?$")
# A byline on its own line: "By Jane Doe", "By Jane Doe and John Roe | Staff Writers".
# A name has two capitalised words at least ("By Monday" is not a byline), and does not start with an
# article ("By the numbers" is a subheading).
_NAME = r"[A-Z][\w.'’-]*"
BYLINE = re.compile(
    rf"^[Bb]y\s+(?!(?i:the|a|an)\b){_NAME}\s+{_NAME}(?:\s+(?:{_NAME}|and|&|,))*(?:\s*[|,–—-]\s*.{{0,40}})?$"
)
# Timestamps of the page rather than the story: "UPDATED: Tue., Nov. 19, 2019", "Updated at 1:23 p.m.",
# "2019-11-19T08:57:40+01:00", "5:45 AM PST 11/19/2019 by Patrick Shanley".
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified|first published)\b\s*(?:on|at|:)?", re.I)
# A section path printed above the story: "World | Asia", "*News › Politics*". A table row starts with
# its own bar ("| HD | 225.86 |") and stays.
BREADCRUMB = re.compile(r"^[*_]*[^\W\d_][\w&' -]{0,30}?(?:\s+[|›»>/]\s+[^\W\d_][\w&' -]{0,30}?)+[*_]*$")
# A page's relative stamp: "2 years ago", "an hour ago".
AGO_STAMP = re.compile(r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\.?$", re.I)
ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
QUOTES = str.maketrans("‘’“”", "''\"\"")
# Sentence punctuation, including the CJK full stops, so Chinese or Japanese prose is not taken for labels.
SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]。！？」』]$")
WORD = re.compile(r"\w+")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def line_reason(line: str, after: str, config: CleanConfig) -> str | None:
    """Why a line is boilerplate on its own (with the line after it for captions), or None."""
    if is_boilerplate(line, config):
        return "pattern"
    if _is_caption(line, after, config):
        return "caption"
    if is_stamp(line, config):
        return "timestamp"
    if _is_shout(line, config):
        return "shout"
    if len(line.split()) <= config.breadcrumb_words and BREADCRUMB.match(line):
        return "section"
    return None


def is_boilerplate(line: str, config: CleanConfig) -> bool:
    """A line matching a boilerplate pattern, a trailing credit or a byline, and not longer than one."""
    if len(line.split()) > config.boilerplate_words:
        return False
    return (
        any(pattern.search(line) for pattern in BOILERPLATE)
        or bool(TRAILING_CREDIT.search(line))
        or bool(BYLINE.match(line))
    )


def opens_link_list(line: str) -> bool:
    """A link-list header ("Related", "You may also like..."): the lines after it may be its links."""
    return any(pattern.search(line) for pattern in LINK_HEADERS)


def is_stamp(line: str, config: CleanConfig) -> bool:
    """A date or time line of the page: an ISO timestamp, an "Updated …" line, or a clock time with a year."""
    words = len(line.split())
    if words > config.stamp_words:
        return False
    if ISO_STAMP.match(line) or AGO_STAMP.match(line) or (UPDATED.match(line) and any(ch.isdigit() for ch in line)):
        return True
    # Prose that gives a time and a year ends with a full stop; a stamp does not.
    return bool(CLOCK.search(line) and YEAR.search(line)) and not line.endswith(".")


def _is_shout(line: str, config: CleanConfig) -> bool:
    """A long line in capitals only: inline promos and cross-links ("GET FOX BUSINESS ON THE GO …").

    Table rows ("| HD | THE HOME DEPOT INC. | 225.86 |") and capitalised question subheadings stay.
    """
    if len(line.split()) < config.shout_words or "|" in line or line.endswith("?"):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def is_link_item(line: str, config: CleanConfig) -> bool:
    """A list item or a headline-shaped line: what a link list under a header is made of."""
    if len(line.split()) > config.link_words:
        return False
    return line.startswith(("- ", "• ", "* ")) or not SENTENCE_END.search(line) or line.endswith("?")


def is_widget_text(line: str, config: CleanConfig) -> bool:
    """A short unquoted line: the blurb of a widget when it sits between two of the widget's lines."""
    # A quoted or attributed sentence between two captions is reporting, not a widget's blurb.
    if len(line.split()) > config.widget_words:
        return False
    return not any(mark in line for mark in ('"', "“", "”")) and " said" not in line


def _is_credit(line: str, config: CleanConfig) -> bool:
    return bool(TRAILING_CREDIT.search(line)) and len(line.split()) <= config.boilerplate_words


def _is_photo_credit(line: str, config: CleanConfig) -> bool:
    """A short credit line ("Kremlin Press Office / Handout via Getty Images"), not any boilerplate."""
    return is_label(line, config) and (_is_credit(line, config) or any(pattern.search(line) for pattern in CREDITS))


def is_label(line: str, config: CleanConfig = CleanConfig()) -> bool:
    """A short line without sentence punctuation: a subheading, a label or a caption, not a statement.

    >>> is_label("The White House"), is_label("The White House said so.")
    (True, False)
    """
    return len(line.split()) <= config.label_words and not SENTENCE_END.search(line)


def _is_caption(line: str, after: str, config: CleanConfig) -> bool:
    # A caption printed once bare and once with its credit appended.
    if _fold(after).startswith(_fold(line).rstrip(".")) and _is_credit(after, config):
        return True
    if reprinted_with_credit(line, after, config):
        return True
    # A caption with its credit in brackets at its end: "President Obama speaks in the briefing room on
    # March 17, 2014. (Photo: Susan Walsh, AP)"; prose links a gallery ("(Pictures: Population 7 Billion.)")
    # but does not credit a photographer.
    if len(line.split()) <= config.boilerplate_words and BRACKETED_PHOTO_CREDIT.search(line):
        return True
    # A line without sentence punctuation right above a photo credit is that photo's caption, when no
    # longer than boilerplate: a long quotation ending in its speaker's name ("… — Sofia Vergara, on …")
    # is text.
    return (
        not SENTENCE_END.search(line)
        and len(line.split()) <= config.boilerplate_words
        and bool(after)
        and _is_photo_credit(after, config)
    )


def reprinted_with_credit(line: str, after: str, config: CleanConfig) -> bool:
    """A caption printed bare, then again with its date before it and its photographer's credit after
    ("March 22, 2014 Armed men … near Sevastopol. Shamil Zhumatov/Reuters"): prose never prints a
    sentence twice in a row, and the second printing names who took the picture.

    >>> reprinted_with_credit("Troops stand guard at the base.", "March 22, 2014 Troops stand guard at the base. "
    ...                        "Jane Doe/Reuters", CleanConfig())
    True
    >>> reprinted_with_credit("Troops stand guard at the base.", "Troops stand guard at the base, officials "
    ...                        "said on Monday.", CleanConfig())
    False
    """
    key, printed = line_key(line), line_key(after)
    at = printed.find(key) if len(key.split()) >= MIN_REPRINT_WORDS else -1
    if at < 0 or key == printed:
        return False
    added = len(printed.split()) - len(key.split())
    return added <= config.boilerplate_words and bool(
        PHOTOGRAPHER_CREDIT.search(after) or _is_credit(after[-200:], config)
    )


def _fold(line: str) -> str:
    return line.translate(QUOTES).lower()


def line_key(line: str) -> str:
    """A line's words in lower case: how two printings of the same text are compared."""
    return " ".join(WORD.findall(line.lower()))
