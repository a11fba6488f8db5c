"""Story analysis: how each outlet frames the story.

* loaded terms: words an article uses markedly more than the rest of the story's coverage (log-odds
  ratio with an informative Dirichlet prior, Monroe, Colaresi and Quinn 2008) that are also evaluative
  (VADER's lexicon, or a list of loaded political words such as "regime" or "good-neighborly");
* tone: the mean VADER compound score of its sentences, from -1 to 1;
* omits: facts that most of the other independent sources report and this article leaves out.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..records import Article, Fact, Framing, Story
from ..text.tokens import STOPWORDS, words
from ..validate import check_range
from .quotes import MIN_WORDS as QUOTE_WORDS
from .quotes import find_quotes

# Evaluative words of political reporting that VADER's general lexicon misses or scores weakly.
LOADED_WORDS = frozenset(
    """regime dictator dictatorship strongman despot tyrant tyranny autocrat autocratic authoritarian
    junta thug thugs puppet puppets clique propaganda mouthpiece rogue pariah warmonger aggressor
    invading invasion occupiers occupier terrorist terrorists extremist extremists radical radicals
    militants screed railed lamented brutal ruthless sinister notorious hardline hardliners hawkish
    provocation provocations provocative blackmail menacing belligerent illegitimate sham scandal
    negligent negligence whitewash cover-up incompetent incompetence reckless shameful disgraceful
    friendly friendship good-neighborly good-neighbourly brotherly comradely comrades-in-arms cordial
    warmly warm historic landmark unbreakable fraternal heroic glorious closest invaluable dignity
    honor honour""".split()
)

VERSION = "2"  # 2: quote speakers read as quotes.py says (pronouns, parties, appositions)

# An evaluative word must stand out at least this much (z-score of the log-odds ratio; a word used once
# by one article and never by the others scores about 0.9 in a story of a few thousand words).
MIN_Z = 0.5
# A word most of the other articles use too is the story's vocabulary, not one outlet's framing.
TOPICAL_SHARE = 0.5
# How many loaded terms to list per article.
MAX_TERMS = 12
# A fact is expected of an article when at least this share of the other independent sources report it.
OMIT_SHARE = 0.6
# A word of VADER's lexicon (valences -4 to 4) is evaluative from this strength on: "good" (1.9),
# "hope" (1.9) and "support" (1.7) are everyday words, "friendly" (2.2) and "bad" (-2.5) judge.
MIN_VALENCE = 2.0
# Weight of the Dirichlet prior (the whole story's word counts) in the log-odds ratio: how many words of
# evidence a word's own counts are shrunk towards its share in the story.
PRIOR_SIZE = 500.0


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


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _is_evaluative(word: str, config: FramingConfig) -> bool:
    return word in LOADED_WORDS or abs(_analyzer().lexicon.get(word, 0.0)) >= config.min_valence


def log_odds_z(target: Counter, rest: Counter, prior: Counter, prior_size: float = PRIOR_SIZE) -> dict[str, float]:
    """z-scores of the log-odds ratio of each word in ``target`` against ``rest``, with a Dirichlet prior
    shaped like ``prior`` (Monroe, Colaresi and Quinn 2008, eq. 22)."""
    total_prior = sum(prior.values()) or 1
    n_t, n_r = sum(target.values()), sum(rest.values())
    scores = {}
    for word, count in target.items():
        alpha = prior_size * prior[word] / total_prior
        other = rest[word]
        delta = math.log((count + alpha) / (n_t + prior_size - count - alpha)) - math.log(
            (other + alpha) / (n_r + prior_size - other - alpha)
        )
        scores[word] = delta / math.sqrt(1 / (count + alpha) + 1 / (other + alpha))
    return scores


def frame_articles(
    story: Story, facts: tuple[Fact, ...], groups: dict[str, str], config: FramingConfig = DEFAULT
) -> tuple[Framing, ...]:
    """One :class:`Framing` per article; ``groups`` maps each article to its copy chain."""
    counts = {a.id: Counter(w for w in words(a.text) if w not in STOPWORDS) for a in story.articles}
    everything: Counter[str] = sum(counts.values(), Counter())
    result = []
    for article in story.articles:
        others = [counts[a.id] for a in story.articles if a.id != article.id]
        terms = _loaded_terms(counts[article.id], others, everything, config)
        omits = _omits(article.id, facts, groups, config)
        quotes = find_quotes(article.text, config.quote_words)
        result.append(Framing(article.id, terms, round(_tone(article), 3), omits, quotes))
    return tuple(result)


def _loaded_terms(
    own: Counter[str], others: list[Counter[str]], everything: Counter[str], config: FramingConfig
) -> tuple[str, ...]:
    """The evaluative words of an article (``own`` word counts) that stand out against the rest of the
    coverage and are not the story's own vocabulary, most marked first; its most used ones when the
    other articles add no words."""
    rest = everything - own
    if not rest:
        terms = sorted((w for w in own if _is_evaluative(w, config)), key=lambda w: -own[w])
        return tuple(terms[: config.max_terms])
    z = log_odds_z(own, rest, everything, config.prior_size)
    topical = {w for w in own if sum(1 for c in others if w in c) >= config.topical_share * len(others)}
    terms = [w for w in own if _is_evaluative(w, config) and z[w] >= config.min_z and w not in topical]
    terms.sort(key=lambda w: -z[w])
    return tuple(terms[: config.max_terms])


def _tone(article: Article) -> float:
    """The mean VADER compound score of the article's sentences."""
    sentences = article.sentences or (article.text,)
    return sum(_analyzer().polarity_scores(s)["compound"] for s in sentences) / len(sentences)


def _omits(article: str, facts: tuple[Fact, ...], groups: dict[str, str], config: FramingConfig) -> tuple[str, ...]:
    """Facts that at least two and most of the other independent sources report, and this article's
    copy chain does not."""
    own = groups[article]
    others = len(set(groups.values()) - {own})
    if not others:
        return ()
    omits = []
    for fact in facts:
        reporting = {groups[s] for s in fact.sources}
        if own not in reporting and len(reporting) >= 2 and len(reporting) >= config.omit_share * others:
            omits.append(fact.id)
    return tuple(omits)
