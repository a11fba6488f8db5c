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

from ..records import Fact, Framing, Story
from ..text.tokens import STOPWORDS, words
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

VERSION = "1"


@dataclass(frozen=True, kw_only=True)
class FramingConfig:
    """The tuned thresholds of framing."""
# An evaluative word must stand out at least this much (z-score of the log-odds ratio; a word used once
# by one article and never by the others scores about 0.9 in a story of a few thousand words).
MIN_Z = 0.5
# A word most of the other articles use too is the story's vocabulary, not one outlet's framing.
TOPICAL_SHARE = 0.5
# How many loaded terms to list per article.
MAX_TERMS = 12
# A fact is expected of an article when at least this share of the other independent sources report it.
OMIT_SHARE = 0.6


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _is_evaluative(word: str) -> bool:
    return word in LOADED_WORDS or abs(_analyzer().lexicon.get(word, 0.0)) >= 2.0


def log_odds_z(target: Counter, rest: Counter, prior: Counter, prior_size: float = 500.0) -> dict[str, float]:
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


def frame_articles(story: Story, facts: tuple[Fact, ...], groups: dict[str, str]) -> tuple[Framing, ...]:
    """One :class:`Framing` per article; ``groups`` maps each article to its copy chain."""
    counts = {a.id: Counter(w for w in words(a.text) if w not in STOPWORDS) for a in story.articles}
    everything = sum(counts.values(), Counter())
    independent = set(groups.values())
    result = []
    for article in story.articles:
        own = counts[article.id]
        rest = everything - own
        if rest:
            z = log_odds_z(own, rest, everything)
            others = [counts[a.id] for a in story.articles if a.id != article.id]
            topical = {w for w in own if sum(1 for c in others if w in c) >= TOPICAL_SHARE * len(others)}
            terms = [w for w in own if _is_evaluative(w) and z[w] >= MIN_Z and w not in topical]
            terms.sort(key=lambda w: -z[w])
        else:
            terms = sorted((w for w in own if _is_evaluative(w)), key=lambda w: -own[w])
        sentences = article.sentences or (article.text,)
        tone = sum(_analyzer().polarity_scores(s)["compound"] for s in sentences) / len(sentences)
        others = len(independent - {groups[article.id]})
        omits = []
        for fact in facts:
            reporting = {groups[s] for s in fact.sources}
            if groups[article.id] in reporting or not others:
                continue
            if len(reporting) >= 2 and len(reporting) >= OMIT_SHARE * others:
                omits.append(fact.id)
        quotes = find_quotes(article.text)
        result.append(Framing(article.id, tuple(terms[:MAX_TERMS]), round(tone, 3), tuple(omits), quotes))
    return tuple(result)
