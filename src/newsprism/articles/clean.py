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

Subheadings, list items and table rows are article text and stay: a short line without a full stop
is not boilerplate by its shape alone.

Every removed line is kept in the article's ``removed`` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, kw_only=True)
class CleanConfig:
    """The tuned thresholds of cleaning."""

_SOCIAL = r"(?:facebook|twitter|x|instagram|linkedin|threads|bluesky|telegram|tiktok|youtube|whatsapp)"
_AGENCY = r"(?:ap|afp|epa|reuters|getty|xinhua|ap photo|afp photo)"


def _compile(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


# Headers of link lists and labelled links to other articles; the headline-shaped lines and list items
# right after one of them are links too (see clean_text).
LINK_HEADERS = _compile(
    r"^(?:read|see|watch|listen)\s+(?:also|more|next)\b",
    r"^(?:also read|more from|recommended( for you)?|most (?:read|popular)|trending)\b",
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
        r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox)\b",
        r"(?:^|[.!?]\s+)(?:subscribe|sign up|register)\b.{0,80}\b(?:newsletters?|channel|podcast|youtube)\b",
        r"\bsubscribing to our\b|\bdelivered\b.{0,30}\b(?:to|through|into) your (?:inbox|letterbox|mailbox|door)\b",
        r"^(?:thanks|thank you) for (?:signing up|subscribing|registering)\b|\bkeep an eye on your inbox\b",
        r"\berror processing your (?:subscription|request|sign-?up)\b",
        # the name of a newsletter on its own line ("Pick Six Newsletter", "Morning Briefing newsletter")
        r"^(?:\S+\s+){0,4}newsletters?$",
        # membership and paywall pitches addressed to the reader of "this article"
        r"^if you (?:enjoyed|liked|value|appreciate)\b.{0,40}\b(?:article|story|journalism|reporting|content)\b",
        r"^(?:get access to|join our|become a (?:member|subscriber|supporter)|support our journalism)\b",
        # affiliate disclosures: "If you buy something through this post, X may get a share of the sale."
        r"\bif you (?:buy|purchase|click)\b.{0,60}\b(?:commission|share of the sale|affiliate|may earn|may get)\b",
        r"\bcomment(?:s|ing)?\b.{0,60}\b(?:let us know|guidelines|policy|below|issues with)\b",
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
ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
QUOTES = str.maketrans("‘’“”", "''\"\"")
# Sentence punctuation, including the CJK full stops, so Chinese or Japanese prose is not taken for labels.
SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]。！？」』]$")
WORD = re.compile(r"\w+")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Boilerplate lines (prompts, credits, captions with credits) are at most this long.
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


@dataclass(frozen=True, slots=True)
class CleanText:
    headline: str | None
    lines: tuple[str, ...]
    removed: tuple[str, ...]


def clean_text(text: str, find_headline: bool, title: str | None = None, url: str | None = None) -> CleanText:
    """Split text into lines, pick out a headline if asked, and drop boilerplate lines.

    ``title`` (the page's headline from metadata) and ``url`` (its address) let the headline or the
    address printed inside the body be recognised and dropped.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    # A line without a letter or digit ("-", "|---|---|") is list or table markup left by the extractor.
    removed = [line for line in lines if not LETTER_OR_DIGIT.search(line)]
    lines = [line for line in lines if LETTER_OR_DIGIT.search(line)]
    headline = None
    if find_headline and lines:
        if len(lines) > 1 and _is_section_label(lines[0]) and looks_like_headline(lines[1]):
            removed.append(lines.pop(0))
        if looks_like_headline(lines[0]) and len(lines) > 1:
            headline = lines.pop(0)
    headlines = _headline_keys(title or headline)
    own_url = _url_key(url)
    reasons: list[str | None] = []
    in_links = False
    for number, line in enumerate(lines):
        before = lines[number - 1] if number else ""
        after = lines[number + 1] if number + 1 < len(lines) else ""
        reason = _line_reason(line, before, after)
        key = _key(line)
        # The headline printed again in the body (with or without the site's name) is kept in the title.
        if not reason and (key in headlines or (number < HEAD_LINES and _near_headline(line, headlines))):
            reason = "headline"
        # The page's own address printed as text.
        if not reason and own_url and _url_key(line) == own_url:
            reason = "address"
        # A teaser cut off with an ellipsis whose start is another line of the article.
        if not reason and _is_teaser_of(line, lines):
            reason = "teaser"
        # The links under a link-list header ("Related", "You may also like..."): list items and
        # headline-shaped lines, until prose resumes.
        if not reason and in_links and _is_link_item(line):
            reason = "link"
        in_links = (reason == "pattern" and any(p.search(line) for p in LINK_HEADERS)) or (in_links and bool(reason))
        reasons.append(reason)
    for number in _repeated_block(lines):
        reasons[number] = reasons[number] or "repeat"
    for number in _headline_list(lines):
        reasons[number] = reasons[number] or "link"
    # A short line between two pattern matches belongs to the same widget (a newsletter box's blurb
    # between its name and its "Thanks for signing up!").
    for number in range(1, len(lines) - 1):
        if (
            not reasons[number]
            and reasons[number - 1] == reasons[number + 1] == "pattern"
            and _is_widget_text(lines[number])
        ):
            reasons[number] = "widget"
    kept = [line for line, reason in zip(lines, reasons, strict=True) if not reason]
    removed += [line for line, reason in zip(lines, reasons, strict=True) if reason]
    return CleanText(headline, tuple(kept), tuple(removed))


def _line_reason(line: str, before: str, after: str) -> str | None:
    """Why a line is boilerplate on its own (with its neighbours for captions), or None."""
    if is_boilerplate(line):
        return "pattern"
    if _is_caption(line, before, after):
        return "caption"
    if _is_stamp(line):
        return "timestamp"
    if _is_shout(line):
        return "shout"
    if len(line.split()) <= BREADCRUMB_WORDS and BREADCRUMB.match(line):
        return "section"
    return None


def _repeated_block(lines: list[str]) -> list[int]:
    """Lines of a second copy of the story (printed again from the page's structured data).

    A copy is a run of lines already seen that holds at least :data:`REPEAT_PARAGRAPHS` paragraphs and
    at least half of the article's distinct paragraphs. Lines repeated here and there (a recipe shared by
    two meal plans, a refrain) are article text and stay.
    """
    seen: set[str] = set()
    runs: list[list[int]] = [[]]
    for number, line in enumerate(lines):
        key = _key(line)
        if key in seen:
            runs[-1].append(number)
        elif runs[-1]:
            runs.append([])
        seen.add(key)
    paragraphs = {key for key in seen if len(key.split()) >= REPEAT_WORDS}
    block = []
    for run in runs:
        copied = {_key(lines[number]) for number in run} & paragraphs
        if len(copied) >= REPEAT_PARAGRAPHS and len(copied) * 2 >= len(paragraphs):
            block += run
    return block


def _headline_list(lines: list[str]) -> list[int]:
    """Lines of a bulleted list of headlines: links to other articles whose header was lost.

    At least :data:`LINK_LIST_ITEMS` bullets in a row, each in title case without a full stop
    ("- 11 Fascinating Facts About Our Milky Way Galaxy"). Bullets of an article's own list read as
    sentences or fragments in sentence case and stay.
    """
    found: list[int] = []
    run: list[int] = []
    for number, line in enumerate([*lines, ""]):
        item = line[:2] in ("- ", "• ", "* ") and _is_link_item(line) and not SENTENCE_END.search(line)
        if item and (line[2:3].isupper() or line[2:3].isdigit()) and _title_case(line[2:], share=0.9):
            run.append(number)
            continue
        if len(run) >= LINK_LIST_ITEMS:
            found += run
        run = []
    return found


def is_boilerplate(line: str) -> bool:
    # A longer line is article text that happens to start "Photo:" or mention a newsletter.
    if len(line.split()) > BOILERPLATE_WORDS:
        return False
    return (
        any(pattern.search(line) for pattern in BOILERPLATE)
        or bool(TRAILING_CREDIT.search(line))
        or bool(BYLINE.match(line))
    )


def _is_stamp(line: str) -> bool:
    """A date or time line of the page: an ISO timestamp, an "Updated …" line, or a clock time with a year."""
    words = len(line.split())
    if words > STAMP_WORDS:
        return False
    if ISO_STAMP.match(line) or (UPDATED.match(line) and any(ch.isdigit() for ch in line)):
        return True
    # Prose that gives a time and a year ends with a full stop; a stamp does not.
    return bool(CLOCK.search(line) and YEAR.search(line)) and not line.endswith(".")


def _is_shout(line: str) -> bool:
    """A long line in capitals only: inline promos and cross-links ("GET FOX BUSINESS ON THE GO …").

    Table rows ("| HD | THE HOME DEPOT INC. | 225.86 |") and capitalised question subheadings stay.
    """
    if len(line.split()) < SHOUT_WORDS or "|" in line or line.endswith("?"):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _is_link_item(line: str) -> bool:
    """A list item or a headline-shaped line: what a link list under a header is made of."""
    if len(line.split()) > LINK_WORDS:
        return False
    return line.startswith(("- ", "• ", "* ")) or not SENTENCE_END.search(line) or line.endswith("?")


def _is_widget_text(line: str) -> bool:
    # A quoted or attributed sentence between two captions is reporting, not a widget's blurb.
    if len(line.split()) > WIDGET_WORDS:
        return False
    return not any(mark in line for mark in ('"', "“", "”")) and " said" not in line


def _is_credit(line: str) -> bool:
    return bool(TRAILING_CREDIT.search(line)) and len(line.split()) <= BOILERPLATE_WORDS


def _is_photo_credit(line: str) -> bool:
    """A short credit line ("Kremlin Press Office / Handout via Getty Images"), not any boilerplate."""
    return is_label(line) and (_is_credit(line) or any(pattern.search(line) for pattern in CREDITS))


def is_label(line: str) -> bool:
    """A short line without sentence punctuation: a subheading, a label or a caption, not a statement.

    >>> is_label("The White House"), is_label("The White House said so.")
    (True, False)
    """
    return len(line.split()) <= LABEL_WORDS and not SENTENCE_END.search(line)


def _is_section_label(line: str) -> bool:
    return len(line.split()) <= SECTION_LABEL_WORDS and not SENTENCE_END.search(line)


def _is_caption(line: str, before: str, after: str) -> bool:
    # A caption printed once bare and once with its credit appended.
    if _fold(after).startswith(_fold(line).rstrip(".")) and _is_credit(after):
        return True
    # A line without sentence punctuation right above a photo credit is that photo's caption.
    return not SENTENCE_END.search(line) and bool(after) and _is_photo_credit(after)


def _fold(line: str) -> str:
    return line.translate(QUOTES).lower()


def _key(line: str) -> str:
    """A line's words in lower case: how two printings of the same text are compared."""
    return " ".join(WORD.findall(line.lower()))


def _headline_keys(title: str | None) -> set[str]:
    """The headline, and the headline without the site name a page title carries ("Title | Site")."""
    if not title:
        return set()
    keys = {_key(title)}
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in title:
            keys.add(_key(title.rsplit(separator, 1)[0]))
            keys.add(_key(title.split(separator, 1)[1]))
    return {key for key in keys if len(key.split()) >= 2}


def _near_headline(line: str, headlines: set[str]) -> bool:
    """Near the top, a line sharing nearly all its words with the headline is the headline, reworded;
    so is a longer unpunctuated display headline that holds nearly all the page title's words."""
    words = set(_key(line).split())
    if len(words) < 4:
        return False
    for headline in headlines:
        title = set(headline.split())
        common = len(words & title)
        if common >= 0.8 * max(len(words), len(title)):
            return True
        if len(title) >= 4 and common >= 0.8 * len(title) and common >= 0.5 * len(words):
            return not SENTENCE_END.search(line)
    return False


def _url_key(text: str | None) -> str | None:
    if not text or " " in text.strip() or "." not in text:
        return None
    parts = urlsplit(text.strip() if "//" in text else "//" + text.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _is_teaser_of(line: str, lines: list[str]) -> bool:
    stem = line.rstrip()
    if not stem.endswith(("...", "…")):
        return False
    stem = _key(stem)
    return len(stem.split()) >= TEASER_WORDS and any(other != line and _key(other).startswith(stem) for other in lines)


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
    return _title_case(line) or len(words) <= 10


def _title_case(line: str, share: float = 0.7) -> bool:
    """Most words other than articles and prepositions are capitalised: "Storm Hits the Coast"."""
    content = [w for w in line.split() if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    capitalised = sum(1 for w in content if w[:1].isupper())
    return bool(content) and capitalised / len(content) >= share
