"""Story analysis: a timeline of dated events.

Date expressions are resolved against the article's publication date with attention to tense: in an
article of Monday 17 June 2024, "will travel on Tuesday" is 18 June and "announced on Monday" the
17th. Each date keeps the precision the text gives (a year, a month or a day). In an article without
a publication date the story's earliest known date stands in; a weekday is then the one nearest to
it in either direction, because tense cannot tell on which side of a date known only to within days
it lies, while a month's tense still holds (:mod:`.timeline_calendar`).

A sentence is listed under the dates of its own event (:mod:`.timeline_clauses`): not those of a clause
about another event ("who died in 2009"), which, when the sentence has no date of its own, lists that
clause under its date instead; and a dated statement under the day it was made, not the day it says
something will happen. A photo's caption (:mod:`.captions`) dates the picture: it stands as an event
only on a day no reporting sentence dates. A post embedded in the page (:mod:`newsprism.articles.posts`)
is dated by its signature, the day its author said it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..articles.posts import SIGNATURE, within_a_tweet
from ..records import Story, TimelineEvent
from ..text.dates import MONTH_RE, WEEKDAYS, month_number
from ..text.tokens import content_words
from ..validate import check_range
from .captions import is_caption
from .summary_fit import points_back
from .timeline_calendar import CLAUSE_END, FUTURE, DateSpan, find_dates, is_future, is_future_at, reference_dates
from .timeline_clauses import Role, date_roles

# what other analyses read of the timeline's dating
__all__ = [
    "CLAUSE_END",
    "FUTURE",
    "DateSpan",
    "TimelineConfig",
    "build_timeline",
    "event_dates",
    "find_dates",
    "is_future",
    "overtaken",
    "resolve_dates",
    "timeline_dates",
]

VERSION = "11"

# Sentences that resolve to the same date tell one event when they share at least this share of the
# shorter one's content words: one event told by several outlets, not two things that happened that day.
EVENT_WORD_OVERLAP = 0.3
# An event is told in at most this many words of its sentence, then an ellipsis: enough to say what
# happened, short enough to read the timeline at a glance.
MAX_EVENT_WORDS = 30
# A sentence tells an event only with at least this many content words besides its dates: a heading
# such as "Jan. 5, 2018:" or "Updated 6.15pm" dates nothing.
MIN_EVENT_WORDS = 3
# An article with this many photo captions is a gallery, or carries one. Of the 690 Multi-News dev
# documents, 627 have at most two captions and 13 have five or more (CNN's 43-photo "Hide Caption"
# galleries, a 133-photo slideshow, a fact box with eight dated picture lines).
GALLERY = 5
# A side event's clause, cut by the parse with subject and verb, says what happened in this many content words.
SIDE_EVENT_WORDS = 2


@dataclass(frozen=True, kw_only=True)
class TimelineConfig:
    """The tuned thresholds of the timeline."""

    event_word_overlap: float = EVENT_WORD_OVERLAP
    max_event_words: int = MAX_EVENT_WORDS
    min_event_words: int = MIN_EVENT_WORDS

    def __post_init__(self) -> None:
        check_range("event word overlap", self.event_word_overlap, 0.0, 1.0)
        check_range("max event words", self.max_event_words, 1, 1000)
        check_range("min event words", self.min_event_words, 0, 100)


DEFAULT = TimelineConfig()

# Words that only date: numbers, months and their abbreviations, weekdays, times of day.
DATE_WORD = re.compile(rf"\d[\d.:,]*(?:am|pm|st|nd|rd|th)?|(?i:{MONTH_RE})|(?i:{'|'.join(WEEKDAYS)})|(?:a|p)\.?m\.?")


def overtaken(text: str, published: date | None, newest: date | None) -> bool:
    """Whether a sentence tells as ahead an event whose day the story's latest coverage has passed:
    "Putin will travel on Tuesday" from Monday's article, in a story last reported on Wednesday. An
    undated article is read as written near the story's latest date.

    >>> overtaken("Putin will travel to North Korea on Tuesday.", date(2024, 6, 17), date(2024, 6, 19))
    True
    >>> overtaken("Putin will travel to North Korea on Tuesday.", None, date(2024, 6, 19))
    True
    >>> overtaken("Putin will travel to North Korea on Tuesday.", date(2024, 6, 17), date(2024, 6, 17))
    False
    """
    if newest is None or not is_future(text):
        return False
    resolved = resolve_dates(text, published or newest, nearest=published is None)
    days = [d for d in resolved if len(d) == len("2024-06-19")]
    return bool(days) and all(date.fromisoformat(d) < newest for d in days)


def resolve_dates(text: str, published: date | None, nearest: bool = False) -> list[str]:
    """ISO dates (as precise as the text) for the date expressions of one sentence; with ``nearest``,
    ``published`` only approximates the article's date and a weekday is the nearest one to it.

    >>> resolve_dates("Putin will travel to North Korea on Tuesday.", date(2024, 6, 17))
    ['2024-06-18']
    >>> resolve_dates("The Kremlin announced on Monday that talks were held in September 2023.", date(2024, 6, 17))
    ['2023-09', '2024-06-17']
    >>> resolve_dates("Putin will travel to North Korea on Tuesday.", date(2024, 6, 19), nearest=True)
    ['2024-06-18']
    >>> resolve_dates("Putin will travel on Tuesday, the Kremlin announced on Monday.", date(2024, 6, 17))
    ['2024-06-17', '2024-06-18']
    >>> resolve_dates("“We will win,” Kim said during his meeting with Putin in September.", date(2024, 6, 17))
    ['2023-09']
    >>> resolve_dates("Talks ended yesterday, two days after a deal made last month.", date(2024, 1, 10))
    ['2023-12', '2024-01-09']

    """
    return sorted({found.value for found in find_dates(text, published, nearest)})


def event_dates(text: str, published: date | None, nearest: bool = False, fallback: bool = True) -> list[str]:
    """The dates at which a sentence says its events happened (or are scheduled): as :func:`resolve_dates`,
    less the dates that are no event of the sentence. A range ("from January 2015 until April 2016") is
    one date: the part its two ends share, else its end, when the state or change it tells was complete.
    A comparison ("than in 2009", "the worst since Three Mile Island in 1979"), a forecast year ("will
    reach 9 billion by 2050") and a correction notice date nothing. Of several dates, those of the main
    clause are the sentence's; one in a relative clause ("Garcia, who died in August 1995, ..."),
    bounding a state ("served as its editor until her death in 1980") or dating an earlier occasion
    ("the first time since 2019") tells another event, which the sentence does not date: it is given only
    when the sentence has no other date, and not at all without ``fallback``.

    >>> event_dates("Brides married between January 1 and December 31, 2014 answered.", None)
    ['2014']
    >>> event_dates("She worked there from January 2015 until April 2016.", None)
    ['2016-04']
    >>> event_dates("The leak was the worst since Three Mile Island in 1979, officials said in 2011.", None)
    ['2011']
    >>> event_dates("Garcia, who died in August 1995, last played there on July 9, 1995.", None)
    ['1995-07-09']
    """
    spans = _event_spans(text, published, nearest)
    main = [s for s in spans if not _secondary(text, s)]
    return sorted({s.value for s in (main or spans if fallback else main)})


def _event_spans(text: str, published: date | None, nearest: bool) -> list[DateSpan]:
    """The dates of a sentence that date some event: no comparison, forecast or correction notice."""
    if CORRECTION.search(text):
        return []
    spans = _ranges(text, find_dates(text, published, nearest))
    return [s for s in spans if not COMPARED.search(text[: s.start]) and not _forecast(text, s)]


def timeline_dates(text: str, published: date | None, nearest: bool = False) -> list[tuple[str, str | None]]:
    """The dates the timeline lists a sentence under, each with the words that tell its event (None: the
    whole sentence), as :func:`event_dates` reads the dates, with the parse telling which event each
    dates (:mod:`.timeline_clauses`): the sentence's main clause's, the day a statement was made (not
    what it says is ahead), or, when the sentence dates none of these, the side events its clauses or its
    phrases after a sequence word ("after their meeting in September") date.

    >>> timeline_dates("Garcia, who died in August 1995, was buried in Marin.", None)  # doctest: +SKIP
    [('1995-08', 'Garcia died in August 1995')]
    """
    spans = [
        s
        for s in _event_spans(text, published, nearest)
        if not POSSESSIVE.match(text, s.end) and not BASELINE.search(_opening(text, s))
    ]
    # a date of an event a noun names ("after their meeting in September") is a side event's
    roles = date_roles(text, spans)
    own = [r for r in roles if r.role not in (Role.SIDE, Role.NAMED) and not _secondary(text, r.span)]
    if any(r.role is Role.TELLING for r in own):  # a dated statement is listed when it was made
        own = [r for r in own if r.role is not Role.PREDICTED]
    if own:
        return sorted({(r.span.value, None) for r in own})
    # the side events, or else a date bounding a state or dating an earlier occasion ("the first time
    # since 2000, when ..."), listed with the whole sentence, which says what it bounds
    roles = [r for r in roles if not _secondary(text, r.span)] or roles
    told = {
        (r.span.value, None if BOUND.search(text[: r.span.start]) or _earlier(text, r.span) else r.clause)
        for r in roles
    }
    return sorted(told, key=lambda pair: (pair[0], pair[1] or ""))


# A year owning a noun names a period, not when the sentence's event happened: "wiping all of 2018's gains".
POSSESSIVE = re.compile(r"['’]s\b")
# A superlative measured since a date takes that date as a baseline, not as an event: "wage growth rising
# at the fastest pace in eight years, since 2009" (unlike "the first review since 2010", a review then).
BASELINE = re.compile(
    r"\b(?:most|least|best|worst|highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|"
    r"deadliest|greatest|longest|shortest|sharpest|steepest|hottest|coldest|warmest|driest|wettest)\b"
    r"[^.;]{0,60}\bsince(?:\s+the\s+year)?$",
    re.I,
)
# A notice about the article itself, not news: "Correction: an earlier version of this story ...".
CORRECTION = re.compile(
    r"^\W*(?:correction|clarification|editor['’]?s\s+note)\b|\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\b"
    r"|\bthis\s+(?:story|article|report)\s+(?:has\s+been|was)\s+(?:corrected|updated|amended)\b",
    re.I,
)
# Text just before a date that makes it a term of comparison: "than in 2009", "compared with 72% in 2013",
# "as close as it was in 1961", "the worst accident since Three Mile Island in 1979"; not "more than
# $30 million in 2014", where "than" compares amounts and the date is the event's.
COMPARED = re.compile(
    r"\bthan\s+(?:[a-z]+\s+){0,3}$|\bas\s+(?:it|they|he|she|we)\s+(?:was|were|did|had)\s+(?:[a-z]+\s+)?$"
    r"|\b(?:compared\s+(?:with|to)|versus)\b[^,;.]{0,30}$"
    r"|\b(?:first|worst|best|biggest|largest|highest|lowest|deadliest|strongest|greatest|most|least)\b[^.;]{0,60}"
    r"\bsince\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+(?:in\s+)?$"
)
# A year ahead told as a forecast or a target rather than a scheduled event: "by 2030", "projected to".
FORECAST = re.compile(
    r"\b(?:forecasts?|project(?:ed|ions?|s)|predict\w*|estimat\w*|expect\w*|could|may|might|likely)\b"
)
FORECAST_TO = re.compile(r"\b(?:forecast|projected|predicted|expected|estimated)\s+to\b")  # ahead, whatever the tense
TARGET = re.compile(r"^by\b", re.I)
# Where a range opens ("from", "between", "since") before its first date, and what joins its two ends.
RANGE_OPEN = re.compile(r"\b(?:from|between|since)\b[^,;.]{0,30}$", re.I)
RANGE_JOIN = re.compile(r"^[\s,]*(?:to|until|till|through|and|-|–)\b[^,;.]{0,25}$")
OPEN_DAY = re.compile(
    rf"\b(?:from|between)\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})\s+(?:to|until|through|and|-|–)\s*$"
)
# Text just before a date that makes it the baseline of a value: a value changed from ("down from 149 in
# 2009", "rose to 76% from 69% in 2010"), a low or high reached then ("a recent low of $26,984 in 2010"),
# or "As in 2013," opening a statement of now. The value then is an event of that date, but the sentence
# tells another: it is listed there only when it dates nothing else. Not "moved from Ohio in 2009", where
# nothing is measured.
VALUE_BASELINE = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|just\s+)?[$€£]?\d[\d,.]*(?:\s*(?:%|percent|[a-z]+illion))?"
    r"(?:\s+[a-z]+){0,2}\s+(?:(?:in|during)\s+)?$"
    r"|\b(?:low|high|peak|record|level)\s+of\s+[$€£]?\d[\d,.]*(?:\s*(?:%|percent|[a-z]+illion))?\s+(?:(?:in|during)\s+)?$"
    r"|(?:^|[,;:(]\s*)[Aa]s\s+(?:in\s+)?$"
)
# A clause that tells of something else than the sentence's main event, and a date bounding a state.
SUBORDINATE = re.compile(r"^\s*(?:who|whom|whose|which|meaning)\b", re.I)
BOUND = re.compile(r"\b(?:until|till)\b[^,;.]{0,25}$", re.I)
# "the first time since 2019 that ...": the date of an earlier occasion, not of the sentence's event
EARLIER = re.compile(r"\b(?:first|last)\b[^.;]{0,60}\bsince(?:\s+the\s+year)?$")


def _ranges(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Each range's two dates made one (see :func:`event_dates`); a first day without its year takes the end's."""
    merged: list[DateSpan] = []
    for span in spans:
        previous = merged[-1] if merged else None
        between = text[previous.end : span.start] if previous else ""
        if previous and RANGE_JOIN.match(between) and RANGE_OPEN.search(_opening(text, previous)):
            merged[-1] = DateSpan(previous.start, span.end, _range_value(previous.value, span.value))
            continue
        opening = OPEN_DAY.search(text[: span.start])
        if opening and len(span.value) == len("2024-06-19"):
            first = f"{span.value[:4]}-{month_number(opening.group('month')):02d}-{int(opening.group('day')):02d}"
            span = DateSpan(opening.start(), span.end, _range_value(first, span.value))
        merged.append(span)
    return merged


def _opening(text: str, span: DateSpan) -> str:
    """The text before a date, with the preposition its expression opens with ("from 2015")."""
    head = text[span.start : span.end].split()[0]
    return text[: span.start] + (head if head.islower() else "")


def _range_value(first: str, last: str) -> str:
    """What the two ends share when they share their year, else the end."""
    shared = 0
    for unit in (4, 7, 10):  # the year, the month, the day
        if first[:unit] == last[:unit] and len(first) >= unit and len(last) >= unit:
            shared = unit
    return last[:shared] if shared else last


def _forecast(text: str, span: DateSpan) -> bool:
    if len(span.value) != len("2024"):
        return False
    if FORECAST_TO.search(text):
        return True
    if not is_future_at(text, span.start):
        return False
    return bool(TARGET.match(text[span.start : span.end]) or FORECAST.search(text))


def _secondary(text: str, span: DateSpan) -> bool:
    before = text[: span.start]
    clause = before[max(before.rfind(mark) for mark in ",;(—–") + 1 :]
    return bool(
        SUBORDINATE.match(clause) or BOUND.search(before) or _earlier(text, span) or VALUE_BASELINE.search(before)
    )


def _earlier(text: str, span: DateSpan) -> bool:
    return bool(EARLIER.search(_opening(text, span)))


@dataclass(slots=True)
class _Event:
    """An event of the timeline; ``sources`` grows as other articles tell it."""

    when: str
    text: str
    words: set[str]
    sources: list[str] = field(default_factory=list)


def build_timeline(story: Story, config: TimelineConfig = DEFAULT) -> tuple[TimelineEvent, ...]:
    events: list[_Event] = []
    references = reference_dates(story)
    # a photo's caption stands as an event only on a date no reporting sentence dates: its date is the
    # day the photo was taken, the event's only when the caption shows the event itself
    # A gallery's captions (GALLERY or more in one article) date its pictures, often of other days and
    # years than the story's ("Hide Caption 35 of 43 Photos: ..."), and are no events of it.
    reported: set[str] | None = None
    for captions in (False, True):
        for article in story.articles:
            chosen = [s for s in article.sentences if is_caption(s) == captions]
            if captions and len(chosen) >= GALLERY:
                continue
            for sentence in chosen:
                _add_sentence(events, article.id, sentence, references[article.id], config, reported)
        reported = {e.when for e in events}
    events.sort(key=lambda e: (e.when, -len(e.sources)))
    return tuple(TimelineEvent(e.when, e.text, tuple(e.sources)) for e in events)


def _add_sentence(
    events: list[_Event],
    article: str,
    sentence: str,
    reference: tuple[date | None, bool],
    config: TimelineConfig,
    reported: set[str] | None,
) -> None:
    """The events a sentence dates added to the timeline, or its article to the sources of those told
    already. ``reported`` is given for a caption: the dates reporting sentences gave, where it adds
    nothing; a caption is told whole, its date being the picture's."""
    for when, clause in timeline_dates(sentence, *reference):
        if reported is not None and when in reported:
            continue
        # a clause opening on "she" or "they" says nothing of whom without its sentence; one the parse
        # cut with its subject and verb ("Lehmkuhl was elected in 2012") tells its event in fewer words
        own = clause and reported is None and _enough_words(clause, SIDE_EVENT_WORDS) and not points_back(clause)
        told = _excerpt(clause) if own and clause else sentence
        words = set(content_words(told))
        if not _enough_words(told, SIDE_EVENT_WORDS if own else config.min_event_words):
            continue
        event = _same_event(events, when, words, config)
        if event is None:
            events.append(_Event(when, _shorten(told, config), words, [article]))
        elif article not in event.sources:
            event.sources.append(article)


def _excerpt(clause: str) -> str:
    """A clause shown for its sentence, marked as cut from it where it does not open as a sentence would.

    >>> _excerpt("the children killed in the Dec. 14, 2012, carnage"), _excerpt("Garcia died in August 1995")
    ('… the children killed in the Dec. 14, 2012, carnage', 'Garcia died in August 1995')
    """
    return f"… {clause}" if clause[:1].islower() else clause


def _enough_words(text: str, least: int) -> bool:
    """Whether a text says what happened, not only when, in at least ``least`` content words: a heading
    such as "Jan. 5, 2018:" does not."""
    return len([w for w in set(content_words(text)) if not DATE_WORD.fullmatch(w)]) >= least


def _same_event(events: list[_Event], when: str, words: set[str], config: TimelineConfig) -> _Event | None:
    """The first event of that date whose sentence shares enough words with this one."""
    for event in events:
        shared = len(event.words & words)
        if event.when == when and shared >= config.event_word_overlap * min(len(words), len(event.words)):
            return event
    return None


def _shorten(sentence: str, config: TimelineConfig) -> str:
    """``sentence`` cut to its first words. A post is shown whole as long as a tweet can be (its author's
    words, as written); a longer one keeps its signature, which says whose words they are.

    >>> post = "Games are a hits business. Thanks for playing! — Rus (@rus) August 14, 2018"
    >>> _shorten(post, TimelineConfig(max_event_words=3)) == post
    True
    >>> _shorten("Games are " * 150 + "— Rus (@rus) August 14, 2018", TimelineConfig(max_event_words=3))
    'Games are Games … — Rus (@rus) August 14, 2018'
    """
    signed = SIGNATURE.search(sentence)
    text, signature = (sentence[: signed.start()], signed.group().strip()) if signed else (sentence, "")
    words = text.split()
    limit = config.max_event_words
    if len(words) <= limit or (signed and within_a_tweet(text)):
        return sentence
    return " ".join([*words[:limit], "…", signature]).rstrip()
