"""Pages that are not articles: what a scraper brings back instead of a report.

A web-archive crawl notice, a sign-in or registration wall, a cookie wall, a video page's channel links,
a social widget ("Tweet with a location"), a page of readers' comments, a shop's product page, a
donation appeal, a sales notice: each is told by lines that speak to the reader about the service
rather than report anything. :func:`page_kind` counts those lines, among the lines cleaning kept and
the ones it removed as boilerplate, and calls the page not an article when they make up most of it; a
letter that asks for donations is told by its salutation and its appeals, and a video's description by
its upload line and its links. A page with few service lines may still be told by its genre: an
encyclopedia article, a crowdfunding campaign, verse, a page of signed praise, a page that speaks to
its reader and reports nothing, a list of cut teasers (:mod:`.pagegenre`), or reference text that
explains rather than reports (:mod:`.pagereference`). Such a page is stored (nothing is lost) but set
aside: it never seeds or joins a story, so it is never a source, a fact or a summary sentence.

>>> from newsprism.records import Article
>>> notice = Article("x", "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
...                  "Archive. Flowing in every day, these data are added to the Wayback Machine after an embargo.")
>>> page_kind(notice)
'web-archive notice'
>>> page_kind(Article("y", "The storm hit the coast on Monday. Roads were closed and 4,000 homes lost power."))
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..inputs.files import HEADLINE
from ..records import Article
from ..validate import check_range
from .pagegenre import PageGenreConfig, page_genre
from .pagereference import is_reference
from .sentences import split_sentences

# The upload line atop a video's description ("Published on May 3, 2015"), on a line of its own.
UPLOAD_LINE = r"^(?:published|uploaded|streamed live) on [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$"
# What each kind of page says to its reader. Second-person and service wording only: a report may
# mention a crawl or an account, but does not tell the reader to sign in.
SERVICE_LINES = {
    "web-archive notice": re.compile(
        r"\b(?:web[- ]?crawls?|crawl data|crawls? (?:performed|of supported)|(?:these|this) crawls?|Internet Archive|"
        r"Wayback Machine|web captures?|Archive-?It|crawl of|this collection|not publicly accessible|"
        # a wide crawl's description of its seeds: which pages of which domains it ranked and fetched
        r"the seed for \w+ was|slash pages|inter-domain (?:navigational )?links?|(?:ranked )?URLs per domain|"
        # a crawl's data sheet: its seeds, its dates and its counts
        r"wide crawls?|seed ?list|crawl (?:start|end) date|"
        r"number of (?:captures|unique URLs|hosts))\b",
        re.I,
    ),
    "sign-in page": re.compile(
        r"\b(?:sign in (?:using|with|to)|please sign in|your (?:account|profile|password|email address)|"
        r"already have an account|registration information|terms of (?:service|use)|privacy policy|"
        r"confirmation email|log in to)\b|\{\*[^}]*\*\}",
        re.I,
    ),
    "video or social page": re.compile(
        # a line that is only a call to action, or a player's placeholder
        r"^\W*(?:learn more|read more|share this|watch now|sign up|loading|up next|show more|show less)\W*$|"
        r"\b(?:tweet with a location|your tweets?|tweet location|your location history|"
        r"copy this code to your (?:site|website)|"
        # a video player's widget, and the upload line atop a video's description
        r"(?:interactive )?transcript (?:could not|couldn't|cannot) be loaded|html5 capable browser|"
        r"(?:enable|turn on) javascript|javascript is (?:disabled|required|turned off)|"
        r"rating is available when the video has been rented|this feature is not available right now|"
        r"add this video to a playlist|(?:like|don't like) this video|standard youtube license|"
        rf"{UPLOAD_LINE}|"
        r"autoplay|subscribe to (?:the |our |this )?[\w\" ]{0,40}channel|follow [\w\" ]{0,40} on "
        r"(?:twitter|facebook|instagram|google\+|tumblr)|like [\w\" ]{0,40} on facebook|click here)\b|https?://\S+|"
        # a channel's contact lines: a link without its scheme, a handle or a platform named alone, a mailbox
        r"\bwww\.\S|\.(?:com|net|org|tv|ly|me)/\S|^\W*@\w+\W*$|\bP\.? ?O\.? Box \d|"
        r"^\W*(?:twitter|facebook|instagram|snapchat|tiktok|tumblr|twitch|patreon|soundcloud|merch)\s*[:|]",
        re.I,
    ),
    # A consent wall in front of the page: what the site stores on the reader's device, and the buttons.
    "cookie wall": re.compile(
        r"\b(?:(?:we|partners|site|website) uses? cookies|cookie (?:policy|settings|preferences|notice)|"
        r"store and/or access information on a device|"
        r"by (?:continuing|clicking|using)\b[^.]{0,60}\byou (?:agree|consent)|"
        r"(?:manage|update) your (?:privacy |cookie |consent )?(?:preferences|settings|choices))\b|"
        # its buttons, each a line of its own (a report on cookie banners says "accept cookies" in sentences)
        r"^\W*(?:(?:accept|allow|reject|refuse|manage)(?: all)?(?: cookies)?|i accept|i agree|got it)\W*$",
        re.I,
    ),
    # A page of readers' comments: the widget's counts, sorting and buttons around them.
    "comment page": re.compile(
        r"^\W*(?:reply|report(?: abuse)?|flag|load more(?: comments)?|show more replies)\W*$|"
        r"\b(?:(?:add|post|leave) a comment|comments? (?:are|is) (?:now )?(?:closed|disabled)|"
        r"view (?:all )?\d* ?(?:replies|comments)|sort by:? (?:newest|oldest|best|top|popular)|(?:newest|oldest) first|"
        r"in reply to|commenting (?:policy|guidelines)|community guidelines|comments plugin|powered by disqus|"
        r"(?:posted|commented) \d+ (?:minutes?|hours?|days?) ago)\b",
        re.I,
    ),
    # A shop's product page: the cart, the stock, the shipping and the price on a line of its own.
    "shop page": re.compile(
        r"\b(?:add(?:ed)? to (?:cart|bag|basket|wish ?list)|(?:in|out of) stock|free (?:shipping|delivery|returns)|"
        r"ships (?:in|within|from)|write a review|customer reviews|your (?:cart|basket|bag) is empty|checkout)\b|"
        r"^\W*(?:qty|quantity|sku|item (?:no|number))\W|^\W*(?:price:?\s*)?[$£€]\s?\d[\d,]*(?:\.\d\d)?\W*$",
        re.I,
    ),
    "error page": re.compile(
        r"\b(?:page (?:you requested|you are looking for|you were looking for) (?:could not|cannot|can't) be found|"
        r"page not found|page URL may have changed|may no longer be (?:here|available)|contact our webmaster)\b",
        re.I,
    ),
    "donation page": re.compile(
        r"\b(?:donate now|make a donation|your (?:donation|gift|donations)|tax[- ]deductible)\b", re.I
    ),
    # A sales notice: an offer with a price or a deadline, told to the buyer. A report on a sale says what
    # was sold and for how much, but does not offer it, nor tell the reader where to buy.
    "promotion page": re.compile(
        r"\b(?:exclusive offer|special offer|(?:for|only) a limited time|(?:offer|purchase|available|buy|order|rent)"
        r"\w*\b[^.]{0,80}\bfor \$\d|you (?:can|may) (?:re-?)?(?:watch|stream|order|buy|purchase|download|pre-order)|"
        r"visit [^.]{0,80}\bfor more information|on sale now|order now|buy now|pre-order now|sign up here|"
        # a sponsor's credit line under a publisher's own booklet, webinar or event
        r"made possible (?:in part )?(?:through|by|with) (?:the )?(?:financial |generous )?support of)\b",
        re.I,
    ),
}
# An appeal letter (a charity's or a campaign's newsletter): it opens "Dear friends," as a letter does and
# asks its readers for money again and again. Long letters hold too many prose lines for the service
# share, so they are told by the two together: a report may quote a letter or speak of donations, but
# does not greet its reader nor ask for their gift. Over the 690 Multi-News dev documents, only the
# charity page of truth-dev has both (the most donation appeals in a report without a salutation: 9).
SALUTATION = re.compile(r"(?:^|\n)[^\w\n\"“]*Dear [A-Za-z][^,:\n\"”]{0,60}[,:]")
APPEAL = re.compile(
    r"\b(?:donat(?:e|ed|ion|ions|ing)|your (?:gift|support|generosity)|please (?:help|give|support))\b", re.I
)
APPEALS_IN_LETTER = 3
# A video's description under its player: the upload line, then the uploader's links (other videos, a
# channel, social accounts) on a good share of the lines, around prose the uploader wrote. The prose
# keeps the service share low, so the two are taken together. Over the 612 Multi-News dev documents of
# the stories not held out, only six video pages hold an upload line (the two under the service share
# hold links on 6 of 18 and 5 of 9 lines), and the article with the most link lines (a newsletter, 23 of
# 47) holds none.
UPLOAD = re.compile(UPLOAD_LINE, re.I)
LINK = re.compile(r"https?://\S|\bwww\.\S")
DESCRIPTION_LINKS = 0.25
# A page is not an article when at least this share of its sentences (kept, or removed as boilerplate)
# are service lines. Over the 690 Multi-News dev documents, every page at 0.5 or more is a crawl
# notice, a sign-in wall or a video page (the labelled ones of truth-dev among them); real reports
# stay at 0.25 or less (bench/bench_pagekind.py).
SERVICE_SHARE = 0.5
# Sentences longer than this are prose, whatever words they hold. 50, not 40, since sentences glued
# without a space are split ("… will be preserved.Then the Internet Archive hopes …"): the crawl notice's
# own 41-word sentence about the Internet Archive is a service line, and no article of the 690 Multi-News
# dev documents goes over a share of 0.38 with it (bench/bench_pagekind.py).
SERVICE_LINE_WORDS = 50
# Pages whose units' kinds are kept: two stories of ~250 articles (as :data:`.analysis.memo.MAX_ARTICLES`).
PAGES_KEPT = 512


@dataclass(frozen=True, kw_only=True)
class PageKindConfig:
    service_share: float = SERVICE_SHARE
    service_line_words: int = SERVICE_LINE_WORDS
    appeals_in_letter: int = APPEALS_IN_LETTER
    description_links: float = DESCRIPTION_LINKS
    # keep pages that are not articles in stories (they are still marked with their kind)
    keep: bool = False
    genre: PageGenreConfig = field(default_factory=PageGenreConfig)

    def __post_init__(self) -> None:
        check_range("service share", self.service_share, 0.0, 1.0)
        check_range("service line words", self.service_line_words, 1, 1000)
        check_range("appeals in letter", self.appeals_in_letter, 1, 1000)
        check_range("description links", self.description_links, 0.0, 1.0)


def page_kind(article: Article, config: PageKindConfig | None = None) -> str | None:
    """The kind of non-article page ``article`` is, or None for an article."""
    config = config or PageKindConfig()
    if article.kind == HEADLINE:
        return _headline_kind(article.text.strip())
    if SALUTATION.search(article.text) and len(APPEAL.findall(article.text)) >= config.appeals_in_letter:
        return "donation page"
    if _video_description(article, config):
        return "video or social page"
    kinds = _kinds(article, config)
    found = [kind for kind in kinds if kind]
    if not found or _share(kinds) < config.service_share:
        return _genre(article, config)
    return Counter(found).most_common(1)[0][0]  # on a tie, the kind the page shows first


def _genre(article: Article, config: PageKindConfig) -> str | None:
    """A page with few service lines: an article, or a page told by its genre."""
    sentences = list(article.sentences) or [s for line in article.text.splitlines() for s in split_sentences(line)]
    if kind := page_genre(article.text, config.genre, sentences):
        return kind
    return "reference page" if is_reference(article.text, sentences, article.language) else None


def _video_description(article: Article, config: PageKindConfig) -> bool:
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    if not any(UPLOAD.match(unit.strip()) for unit in (*lines, *article.removed)):
        return False
    return sum(bool(LINK.search(line)) for line in lines) >= config.description_links * len(lines)


def _headline_kind(line: str) -> str | None:
    """A headline is a page of one line, so one service phrase would make all of it service: it is a
    service line only when it opens with the phrase ("Sign in to Celebuzz", not "Xbox One owners unable
    to sign in to Xbox LIVE")."""
    start = len(line) - len(line.lstrip("\"'“‘([ "))
    return next(
        (kind for kind, pattern in SERVICE_LINES.items() if (m := pattern.search(line)) and m.start() <= start), None
    )


def service_share(article: Article, config: PageKindConfig | None = None) -> float:
    """The share of the page's sentences (kept, or removed as boilerplate) that are service lines."""
    return _share(_kinds(article, config or PageKindConfig()))


def _share(kinds: list[str | None]) -> float:
    return sum(kind is not None for kind in kinds) / len(kinds) if kinds else 0.0


def _kinds(article: Article, config: PageKindConfig) -> list[str | None]:
    return list(_unit_kinds(article.text, article.removed, config.service_line_words))


@lru_cache(maxsize=PAGES_KEPT)  # a page's units are read at intake (page_kind), then again by framing (service_share)
def _unit_kinds(text: str, removed: tuple[str, ...], most_words: int) -> tuple[str | None, ...]:
    """The service kind of each unit of a page (its text's sentences, then the lines removed from it)."""
    units = [s for line in text.splitlines() for s in split_sentences(line)] + list(removed)
    return tuple(_service_kind(unit, most_words) for unit in units if unit.strip())


def _service_kind(line: str, most_words: int) -> str | None:
    if len(line.split()) > most_words:
        return None
    return next((kind for kind, pattern in SERVICE_LINES.items() if pattern.search(line)), None)
