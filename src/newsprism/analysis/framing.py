"""Story analysis: how each outlet frames the story, in its own voice.

Only the outlet's own words count (``ownvoice``: not what it quotes, nor what it reports others as
saying, though the labels it gives people there are its own).

* loaded terms: its own evaluative words (``evaluative``: VADER's judging adjectives and adverbs, and the
  loaded words of political reporting) that the rest of the story's coverage does not use: a log-odds
  ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) against the other
  articles' own words, and not a word most of them use;
* tone: the mean VADER compound score of its own-voice sentences, from -1 to 1;
* omits: statements (not questions or quote fragments) that most of the other independent sources
  report, that at least two of them state as news articles, and that could be known when the outlet
  wrote; ``omitted`` gives their text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from ..articles.pagekind import SERVICE_SHARE, service_share
from ..records import Article, Fact, Framing, Quote, Story
from ..text.dates import published_date
from ..text.tokens import STOPWORDS
from ..validate import check_range
from .evaluative import MIN_VALENCE, POLITICAL, analyzer, is_evaluative, weighs_in_tone
from .memo import MAX_ARTICLES, Memo
from .ownvoice import OwnVoice, own_voices
from .quotes import MIN_WORDS as QUOTE_WORDS
from .quotes import find_quotes
from .timeline import CLAUSE_END, is_future, resolve_dates

# 3: quote speakers as quotes.py reads them since (pronouns, parties, appositions)
# 4: own voice read by newsprism's sentences, each parsed alone and only when framing reads its parse
VERSION = "4"

# An evaluative word must stand out at least this much (z-score of the log-odds ratio; a word used once
# by one article and never by the others scores about 0.9 in a story of a few thousand words).
MIN_Z = 0.5
# A word most of the other articles use too is the story's vocabulary, not one outlet's framing.
TOPICAL_SHARE = 0.5
# How many loaded terms to list per article.
MAX_TERMS = 12
# A fact is expected of an article when at least this share of the other independent sources report it.
OMIT_SHARE = 0.6
# Weight of the Dirichlet prior (the whole story's word counts) in the log-odds ratio: how many words of
# evidence a word's own counts are shrunk towards its share in the story.
PRIOR_SIZE = 500.0
DAY = len("2024-06-19")
# A fact an outlet is blamed for leaving out is a statement of at least this many words: shorter "facts"
# are headings and quote fragments ("Colbert is a nerd.", "'Evil Dead'").
MIN_STATEMENT_WORDS = 5


@dataclass(frozen=True, kw_only=True)
class FramingConfig:
    """The tuned thresholds of framing."""

    min_z: float = MIN_Z
    topical_share: float = TOPICAL_SHARE
    max_terms: int = MAX_TERMS
    omit_share: float = OMIT_SHARE
    min_valence: float = MIN_VALENCE
    prior_size: float = PRIOR_SIZE
    quote_words: int = QUOTE_WORDS

    def __post_init__(self) -> None:
        check_range("min z", self.min_z, -10.0, 10.0)
        check_range("topical share", self.topical_share, 0.0, 1.0)
        check_range("max terms", self.max_terms, 0, 1000)
        check_range("omit share", self.omit_share, 0.0, 1.0)
        check_range("min valence", self.min_valence, 0.0, 4.0)
        check_range("prior size", self.prior_size, 1.0, 1e6)
        check_range("quote words", self.quote_words, 1, 100)


DEFAULT = FramingConfig()


def log_odds_z(
    target: Counter,
    rest: Mapping[str, int],
    prior: Counter,
    prior_size: float = PRIOR_SIZE,
    only: Iterable[str] | None = None,
    totals: tuple[int, int] | None = None,
) -> dict[str, float]:
    """z-scores of the log-odds ratio of each word in ``target`` (or of those of ``only`` it holds) against
    ``rest``, with a Dirichlet prior shaped like ``prior`` (Monroe, Colaresi and Quinn 2008, eq. 22).
    ``totals``, when given, are the word counts of ``rest`` and ``prior`` (``rest`` need then hold only
    the words scored)."""
    n_r, total_prior = totals if totals is not None else (sum(rest.values()), sum(prior.values()))
    total_prior = total_prior or 1
    n_t = sum(target.values())
    scores = {}
    chosen = target.items() if only is None else ((w, target[w]) for w in only if w in target)
    for word, count in chosen:
        alpha = prior_size * prior[word] / total_prior
        other = rest.get(word, 0)
        rest_of_target, rest_of_rest = n_t + prior_size - count - alpha, n_r + prior_size - other - alpha
        if min(rest_of_target, rest_of_rest) < 1e-9:  # zero but for rounding
            # the word is all there is (one word in the text and the prior): no odds, so nothing to contrast
            scores[word] = 0.0
            continue
        delta = math.log((count + alpha) / rest_of_target) - math.log((other + alpha) / rest_of_rest)
        scores[word] = delta / math.sqrt(1 / (count + alpha) + 1 / (other + alpha))
    return scores


@dataclass(frozen=True, slots=True)
class _Reading:
    """What framing reads from one article alone: its own voice, tone and quotations."""

    voice: OwnVoice
    tone: float
    quotes: tuple[Quote, ...]


# Each article's reading by its text, sentences and the settings: a story grown by one article reads that one.
_READINGS: Memo[tuple[str, tuple[str, ...], FramingConfig], _Reading] = Memo(MAX_ARTICLES)


def _read(keys: list[tuple[str, tuple[str, ...], FramingConfig]]) -> list[_Reading]:
    config = keys[0][2]  # one call's keys are one story's, read under one config
    voices = own_voices([text for text, _, _ in keys], [sentences for _, sentences, _ in keys], _reads_parse(config))
    return [
        _Reading(voice, round(_tone(voice), 3), find_quotes(text, config.quote_words))
        for voice, (text, _, _) in zip(voices, keys, strict=True)
    ]


def frame_articles(
    story: Story, facts: tuple[Fact, ...], groups: dict[str, str], config: FramingConfig = DEFAULT
) -> tuple[Framing, ...]:
    """One :class:`Framing` per article; ``groups`` maps each article to its copy chain."""
    readings = dict(
        zip(
            [a.id for a in story.articles],
            _READINGS.get([(a.text, tuple(a.sentences), config) for a in story.articles], _read),
            strict=True,
        )
    )
    voices = {article: reading.voice for article, reading in readings.items()}
    counts = {a.id: Counter(w for w, _, _ in voices[a.id].words if w not in STOPWORDS) for a in story.articles}
    everything: Counter[str] = Counter()
    for count in counts.values():
        everything.update(count)
    used_by = Counter(w for c in counts.values() for w in c)  # how many articles use each word
    written = _written(story)
    news = {a.id for a in story.articles if _is_article(a)}  # read once: each page's sentences are split
    texts = {f.id: f.text for f in facts}
    expected = _Expected(facts, groups, news, written)
    result = []
    for article in story.articles:
        terms = _loaded_terms(voices[article.id], counts[article.id], used_by, len(counts), everything, config)
        omits = _omits(article.id, expected, config)
        reading = readings[article.id]
        result.append(Framing(article.id, terms, reading.tone, omits, reading.quotes, tuple(texts[f] for f in omits)))
    return tuple(result)


def _reads_parse(config: FramingConfig) -> Callable[[str, frozenset[str], bool], bool]:
    """Whether framing reads a sentence's parse, from its words in lower case and whether it holds a word of saying:
    when it has a word that can judge (whether it does hangs on its part of speech and voice), or words
    of saying and a word that weighs in its tone (whose own part the parse finds). The others frame the
    same read as their words."""
    judging = _judging(config.min_valence)

    def reads(text: str, lowers: frozenset[str], reports: bool) -> bool:
        if not judging.isdisjoint(lowers):
            return True
        return reports and weighs_in_tone(text, lowers)

    return reads


@lru_cache(maxsize=4)
def _judging(min_valence: float) -> frozenset[str]:
    """The words that can judge: the lexicon's of at least ``min_valence``, and the political labels. Read once
    per setting, not once a story (the lexicon holds 7,500 words)."""
    return frozenset(w for w, valence in analyzer().lexicon.items() if abs(valence) >= min_valence) | POLITICAL


def _loaded_terms(
    voice: OwnVoice,
    own: Counter[str],
    used_by: Counter[str],
    articles: int,
    everything: Counter[str],
    config: FramingConfig,
) -> tuple[str, ...]:
    """The evaluative words of an article's own voice (``own`` counts them) that stand out against the rest
    of the coverage and are not the story's own vocabulary (``used_by``: how many of the story's articles
    use each word), most marked first; its most used ones when the other articles add no words."""
    judging = {w for w, part, reported in voice.words if is_evaluative(w, part, reported, config.min_valence)}
    total = everything.total()
    rest_total = total - own.total()  # the other articles' words (``own`` is part of ``everything``)
    if not rest_total:
        return tuple(sorted(judging, key=lambda w: (-own[w], w))[: config.max_terms])
    rest = {w: everything[w] - own[w] for w in judging}
    z = log_odds_z(own, rest, everything, config.prior_size, only=judging, totals=(rest_total, total))
    # a word of this article that most of the others use too (of ``articles`` in all)
    topical = {w for w in z if used_by[w] - 1 >= config.topical_share * (articles - 1)}
    terms = [w for w in judging if w in z and z[w] >= config.min_z and w not in topical]
    terms.sort(key=lambda w: (-z[w], w))
    return tuple(terms[: config.max_terms])


def _tone(voice: OwnVoice) -> float:
    """The mean VADER compound score of the article's own-voice sentences."""
    if not voice.sentences:
        return 0.0
    return sum(analyzer().polarity_scores(s)["compound"] for s in voice.sentences) / len(voice.sentences)


def _written(story: Story) -> dict[str, date | None]:
    """When each article was written: its publication date, or else the latest day its sentences tell as
    past ("the Kremlin announced on Monday"), read against the story's earliest known date."""
    known = [d for a in story.articles if (d := published_date(a.published))]
    reference = min(known) if known else None
    written = {}
    for article in story.articles:
        day = published_date(article.published)
        if day is None and reference is not None:
            days = [d for s in article.sentences for d in _past_days(s, reference)]
            day = max(days, default=None)
        written[article.id] = day
    return written


def _past_days(sentence: str, reference: date) -> list[date]:
    """The days a sentence's clauses in the past tense name."""
    bounds = [0, *(m.end() for m in CLAUSE_END.finditer(sentence)), len(sentence)]
    clauses = [sentence[a:b] for a, b in pairwise(bounds)]
    return [
        date.fromisoformat(d)
        for clause in clauses
        if not is_future(clause)
        for d in resolve_dates(clause, reference, nearest=True)
        if len(d) == DAY
    ]


def _is_article(article: Article) -> bool:
    """A news report, not a page kept though it is mostly service lines (sign-in walls, archive notices)."""
    return article.kind is None and service_share(article) < SERVICE_SHARE


def _is_statement(text: str) -> bool:
    """A sentence that states something: not a question, not a piece of a quotation cut at a quotation
    mark, not a heading."""
    text = text.strip()
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0 and not text.endswith(("'", "’"))
    return balanced and not text.endswith("?") and len(text.split()) >= MIN_STATEMENT_WORDS


class _Expected:
    """What the omissions of every article of a story read of each fact, worked out once: the copy chains
    that report it, those that report it in news articles, whether it is a statement, and the earliest day
    it could be known (None: any day)."""

    def __init__(
        self, facts: tuple[Fact, ...], groups: dict[str, str], news: set[str], written: dict[str, date | None]
    ) -> None:
        self.groups, self.news, self.written = groups, news, written
        self.facts = [
            (fact, {groups[s] for s in fact.sources}, {groups[s] for s in fact.sources if s in news})
            for fact in facts
            if _is_statement(fact.text)
        ]
        self._earliest: dict[str, date | None] = {}

    def knowable(self, fact: Fact, when: date | None) -> bool:
        """Whether the fact could be known on the day ``when`` an article was written: not when every
        sentence telling it names only later days ("signed the pact on Friday" against Monday's preview).
        A fact without a day ("the West has accused Pyongyang of supplying arms") is taken as known: that
        its reports came later does not make it new."""
        if when is None:
            return True
        if fact.id not in self._earliest:
            self._earliest[fact.id] = _earliest(fact, self.written)
        earliest = self._earliest[fact.id]
        return earliest is None or earliest <= when


def _earliest(fact: Fact, written: dict[str, date | None]) -> date | None:
    """The earliest day the sentences telling a fact name, or None when one of them names none."""
    days: list[date] = []
    for evidence in fact.evidence:
        reference = written[evidence.article]
        told = [d for d in resolve_dates(evidence.sentence, reference) if len(d) == DAY] if reference else []
        if not told:
            return None
        days.extend(date.fromisoformat(d) for d in told)
    return min(days)


def _omits(article: str, expected: _Expected, config: FramingConfig) -> tuple[str, ...]:
    """Facts that at least two and most of the other independent sources report, in news articles, that
    could be known when this article was written, and that this article's copy chain does not report."""
    own = expected.groups[article]
    others = len({expected.groups[a] for a in expected.news} - {own})
    if not others:
        return ()
    omits = []
    for fact, sources, reporting in expected.facts:
        if own in sources:
            continue
        enough = len(reporting) >= 2 and len(reporting) >= config.omit_share * others
        if enough and expected.knowable(fact, expected.written[article]):
            omits.append(fact.id)
    return tuple(omits)
