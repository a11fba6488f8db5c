"""What the clusterer reads from an article: its place in publication order, its time, the words of its
URL, its lede for the sentence embedding, and its term counts for TF-IDF."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote, urlsplit

from ..records import Article
from ..text.dates import MONTH_RE, MONTHS, WEEKDAYS, month_number
from ..text.tokens import WORD, content_words
from .config import ClusterConfig

# URL path pieces that name a site's sections or file types rather than the story.
SLUG_NOISE = {
    "html",
    "htm",
    "php",
    "aspx",
    "shtml",
    "cms",
    "story",
    "stories",
    "news",
    "article",
    "articles",
    "index",
    "www",
    "amp",
    "content",
    "post",
    "posts",
    "world",
    "business",
    "politics",
}


# A calendar date or a clock time in a headline says when, not what: headlines of one day share it
# whatever they are about. Daily listings ("The Shortlist for March 10", "News in Pictures - 10 March,
# 2014", "March 11, 2014, 8:57 pm") chained into one story of 15 headlines of 12 stories on their dates
# (bench_cluster_large.py). The clusterer reads a headline without them (:func:`undated`; its terms and
# the headline in its lede): a month and its day (and year; a weekday before them), a day and its month,
# a numeric date, a clock time. A body's dates stay: in the lede of a full report the event's date is
# shared by the reports of that event (undated ledes cost the Multi-News half 0 0.002 F1).
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_YEAR = r"(?:,?\s*(?:19|20)\d\d\b)?"
CALENDAR = re.compile(
    rf"(?:\b{_WEEKDAY},?\s+)?(?:\b{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?![a-z]){_YEAR})"
    r"|\b\d{1,2}/\d{1,2}/(?:\d\d){1,2}\b|\b\d\d\.\d\d\.\d\d\b"
    r"|\b\d{1,2}:\d\d(?:\s*-\s*\d{1,2}:\d\d)?(?:\s*[ap]\.?m\b\.?)?",
    re.IGNORECASE,
)


def undated(text: str) -> str:
    """``text`` without its calendar dates and clock times (:data:`CALENDAR`)."""
    return CALENDAR.sub(" ", text)


# Dates the clusterer trusts. A story is timed by its newest article, so one article dated 9999-12-31
# would close its story to every real article after it; one dated the year 1 cannot even be converted.
# Such dates stay in the record but count as no date. Clocks and time zones put genuine articles up
# to a day ahead of UTC, so two days of slack; news before 1800 is not news.
EARLIEST_YEAR = 1800
FUTURE_SLACK = timedelta(days=2)


def publication_order(articles: list[Article]) -> list[Article]:
    """Sort by publication time, undated last (with those dated out of range), then by id, so file
    listing order never matters."""

    def key(article: Article) -> tuple[bool, str, str]:
        dated = article.published is not None and not date_out_of_range(article.published)
        return (not dated, article.published or "" if dated else "", article.id)

    return sorted(articles, key=key)


def _moment(published: str | None) -> datetime | None:
    """The time of an ISO date or time (naive when it names no zone); None when undated or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None


def date_out_of_range(published: str | None, now: datetime | None = None) -> str | None:
    """Why ``published`` cannot be a news article's date (before 1800, or more than two days after
    ``now``), or None when it can be or cannot be read at all."""
    moment = _moment(published)
    if moment is None:
        return None
    if moment.year < EARLIEST_YEAR:  # before converting: the year 1 in local time falls before the first year
        return f"before {EARLIEST_YEAR}"
    now = now or datetime.now(UTC)
    if moment - (now if moment.tzinfo else now.astimezone().replace(tzinfo=None)) > FUTURE_SLACK:  # naive: local
        return f"more than {FUTURE_SLACK.days} days in the future"
    return None


def timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO date or time (naive ones in local time); None when undated,
    unreadable or out of range (:func:`date_out_of_range`)."""
    moment = _moment(published)
    if moment is None or date_out_of_range(published):
        return None
    return moment.timestamp()


# A news site's URL often carries the day it published the page: "/2019/11/18/", "/2019/nov/18/".
_MONTH_WORD = MONTH_RE.removesuffix(r"\.?")
URL_DATE = re.compile(rf"/((?:19|20)\d\d)/(\d\d|{_MONTH_WORD})/(\d\d)(?=/)", re.IGNORECASE)


def url_date(url: str | None) -> str | None:
    """The ISO date a URL's path names (:data:`URL_DATE`), or None."""
    match = URL_DATE.search(urlsplit(url).path + "/") if url else None
    if match is None:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else month_number(month)
    return f"{year}-{number:02d}-{day}" if 1 <= number <= 12 and 1 <= int(day) <= 31 else None


def article_time(article: Article) -> float | None:
    """When ``article`` was published (:func:`timestamp`); for one undated, the day its URL names. Pages
    years apart are not one event: three pages of Hong Kong's 2019 protests joined twelve of its 2014 ones
    (bench_cluster_large.py), two of them dated by their URLs alone."""
    when = timestamp(article.published)
    return when if when is not None else timestamp(url_date(article.url))


def slug_words(url: str | None) -> str:
    """The words of a URL's path: "/2024/06/putin-arrives-in-pyongyang.html" → "putin arrives in pyongyang"."""
    if not url:
        return ""
    pieces = re.split(r"[/_\-.+,;=~]", unquote(urlsplit(url).path))
    return " ".join(p for p in pieces if p.isalpha() and p.lower() not in SLUG_NOISE)


def lede(article: Article, config: ClusterConfig) -> str:
    """The headline and first sentences: what a sentence embedding of the article should read."""
    if article.sentences:
        lead = [s for s in article.sentences[: config.lede_sentences] if s != article.title]
    else:
        lead = [article.text[: config.lede_chars]]
    title = headline(article)
    return " ".join([undated(title), *lead] if title else lead)


def lede_counts(article: Article, config: ClusterConfig) -> dict[str, float]:
    """How often each content word occurs in :func:`lede`: the words a report states its news in."""
    return dict(Counter(content_words(lede(article, config))))


def term_counts(article: Article, config: ClusterConfig) -> dict[str, float]:
    """How often each content word occurs in the top of the body, the headline and the URL slug
    counting ``config.headline_weight`` times each, without the headline's dates (:func:`undated`)."""
    counts: dict[str, float] = dict(Counter(content_words(article.text[: config.text_chars])))
    for term in content_words(undated(f"{article.title or ''} {slug_words(article.url)}")):
        counts[term] = counts.get(term, 0) + config.headline_weight
    return counts


# Words that name a page's kind, a news section or a day rather than an event: a headline of these
# alone ("Business Highlights", "What's News—", "Finance News Update, what you need to know", "Business
# news and markets: as it happened - March 11, 2014") heads a page of many stories and is none of them.
# Clustered, such headlines joined each other and the stories of their days alike: on the large mix a
# chain of 12 from 6 stories (B-cubed precision 0.18), and "Business Highlights" with "Business in Brief"
# and two "Business Wire" pages (9, from 6). Set aside, 9 UCI headlines: the chain is gone. A page whose
# headline names nothing but whose URL names its story (the two "Business Wire" press releases, "Top
# Entertainment Stories" on Divergent, a headline that is a date alone) is read by that (:func:`headline`):
# the 5 such in UCI join their own stories. Both: large mix F1 0.899 -> 0.900 (P 0.929, R 0.871 -> 0.873),
# stories of 10+ under precision 0.8 9 -> 8; UCI 0.8955 -> 0.8962, on the same vectors (a cache). Through
# the input path (bench_cluster_stream.py) 0.671 -> 0.672 with the hashing embedder, but 0.897 -> 0.894
# with MiniLM's fresh vectors: there one event under five UCI ids ("US stocks fall on China data", 217
# headlines at precision 0.34) is 197 at 0.36. A lexicon of general English.
PAGE_WORDS = (
    frozenset(
        """news newswire wire headlines highlights brief briefs briefing roundup round update updates digest recap
    wrap summary bulletin today tonight daily weekly week weekend live blog happened pictures photos gallery
    video videos top stories story latest need know calendar edition business markets market finance
    financial money economy stock stocks entertainment sports sport tech technology science health politics
    world national local metro crime opinion lifestyle arts culture travel weather""".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)


def contentless(article: Article) -> bool:
    """Whether ``article`` is a headline alone (no body) whose words, and its URL's, are all
    :data:`PAGE_WORDS` or numbers: a page that lists stories, which the clusterer sets aside."""
    if article.text.strip() != (article.title or "").strip():
        return False
    return names_nothing(f"{article.title or ''} {slug_words(article.url)}")


def names_nothing(text: str) -> bool:
    """Whether the words of ``text``, without its dates, are all :data:`PAGE_WORDS` or numbers."""
    return all(word in PAGE_WORDS or word.isdigit() for word in content_words(undated(text)))


def headline(article: Article) -> str:
    """The headline as the sentence embedding reads it: the article's own (none: none), or when that names
    nothing (a site's or a section's name, a date: "Business Wire", "March 11, 2014, 2:02 am") the name its
    URL gives the page, when that names something ("comcast expands digital store offering sony pictures home
    entertainment", "mt gox files for u s bankruptcy protection")."""
    title = article.title or ""
    if title and names_nothing(title) and not names_nothing(name := page_name(article.url)):
        return name
    return title


def page_name(url: str | None) -> str:
    """The words of the URL path's segment with the most of them: the page's own name, not the site's
    sections or scripts before it ("/2014/03/10/comcast-expands-digital-store-offering/")."""
    segments = (slug_words("/" + segment) for segment in urlsplit(url).path.split("/")) if url else iter(())
    return max(segments, key=lambda words: len(words.split()), default="")


def name_terms(article: Article, config: ClusterConfig) -> frozenset[str] | None:
    """The terms the top of the body writes capitalised inside a sentence: names of people, places,
    bodies, products (:func:`term_counts`' terms, so folded). None when there is no body but the
    headline, whose capitals name nothing (a title-case headline capitalises every word)."""
    body = article.text[: config.text_chars]
    if not body.strip() or body.strip() == (article.title or "").strip():
        return None
    sentences = [s for s in article.sentences if s != article.title] or body.splitlines()
    names: set[str] = set()
    read = 0
    for sentence in sentences:
        if read >= config.text_chars:
            break
        read += len(sentence)
        # a word after a sentence's start, a quotation mark, a dash or a colon is capitalised whatever it is
        for match in WORD.finditer(sentence):
            before = sentence[: match.start()].rstrip()
            if match.group()[0].isupper() and before and (before[-1].isalnum() or before[-1] in ",;"):
                names.update(content_words(match.group()))
    return frozenset(names)
