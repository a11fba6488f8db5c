"""An evaluative lexicon for news framing: which words judge, and which way.

Two general sources:

* VADER's lexicon (Hutto and Gilbert 2014, the ``vaderSentiment`` package): about 7,500 words rated by
  people from -4 to 4. Most of its strong nouns and verbs name events ("killed" -3.5, "war" -2.9,
  "peace" 2.5): a report of a war uses them whatever its stance. Its adjectives and adverbs are the
  words that judge ("heroic", "sinister", "brilliantly"), so only those count as loaded, as in work
  on subjectivity (Hatzivassiloglou and Wiebe 2000: adjectives are the best single cue).
* The words of political reporting that style guides flag as not neutral and VADER misses or rates the
  wrong way (it rates "strongman" +0.7): epithets for governments and leaders ("regime",
  "strongman"), attribution verbs other than "said" (AP Stylebook: "said" is neutral; "railed",
  "boasted" judge the speaker), contemptuous names for a text ("screed", "diatribe"), nouns that
  condemn conduct ("whitewash", "scandal"), labels of an act of war ("invading", "aggressor"), and the
  warm words of diplomatic reporting ("fraternal").
  These count whatever their part of speech.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..text.tokens import words

# Valences on VADER's scale (-4 to 4), set to a strong adjective's ("sinister" -2.9, "friendly" 2.2).
EPITHET = -2.5
LOADED_SAYING = -1.5
LABEL_OF_WAR = -2.0
CONDEMNATION = -2.5
WARM = 2.0

# Epithets for governments, leaders and groups: the writer's label, even inside reported speech.
EPITHETS = frozenset(
    """regime regimes dictator dictators dictatorship strongman despot despotic tyrant tyranny autocrat
    autocrats autocratic authoritarian junta thug thugs puppet puppets clique cronies henchmen mouthpiece
    rogue pariah warmonger warmongers then-dictator hardliners""".split()
)
# Attribution verbs that judge the speaker (AP Stylebook: prefer "said"), and names that belittle a text.
LOADED_SAYINGS = frozenset(
    """railed rails ranted rants lamented laments bemoaned bemoans decried decries boasted boasts bragged
    brags fumed fumes gloated gloats scoffed scoffs sneered sneers lashed slammed slams blasted blasts
    lambasted touted touts screed screeds diatribe diatribes tirade tirades rant harangue propaganda""".split()
)
LABELS_OF_WAR = frozenset("invading invader invaders occupiers occupier aggressor aggressors".split())
CONDEMNING = frozenset(
    """scandal scandals whitewash cover-up debacle fiasco boondoggle sham negligence incompetence disgrace
    outrage neglect""".split()
)
WARM_WORDS = frozenset(
    """good-neighborly good-neighbourly brotherly fraternal comradely unbreakable warmly cordial cordially
    landmark historic""".split()
)
# VADER's adjectives and adverbs judge from this strength on: "good" (1.9) and "hope" (1.9) are everyday
# words, "friendly" (2.2), "bad" (-2.5) and "sinister" (-2.9) judge.
MIN_VALENCE = 2.0
JUDGING_PARTS = frozenset({"ADJ", "ADV", ""})  # "" when no tagger was at hand


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER with the political words above added (or re-rated) in its lexicon."""
    vader = SentimentIntensityAnalyzer()
    vader.lexicon.update(_ADDED)
    return vader


_ADDED = {
    **{w: EPITHET for w in EPITHETS},
    **{w: LOADED_SAYING for w in LOADED_SAYINGS},
    **{w: LABEL_OF_WAR for w in LABELS_OF_WAR},
    **{w: CONDEMNATION for w in CONDEMNING},
    **{w: WARM for w in WARM_WORDS},
}
# The political lexicon: words that judge whatever their part of speech.
POLITICAL = frozenset(_ADDED)


def political_labels(text: str) -> list[str]:
    """The words of ``text`` (folded) that the political lexicon holds: "regime", "then-dictator"."""
    return [word for word in words(text) if word in POLITICAL]


def weighs_in_tone(text: str, tokens: Iterable[object] = ()) -> bool:
    """Whether VADER can score any part of ``text`` (its words as VADER splits them, any ``tokens`` given,
    its emoji): a text without such a word, and every piece of it, has a compound score of 0."""
    vader = analyzer()
    found = {w.lower() for w in text.split()} | {w.strip(string.punctuation).lower() for w in text.split()}
    found |= {str(t).lower() for t in tokens}
    return bool(found & vader.lexicon.keys()) or any(c in vader.emojis for c in text)


def is_evaluative(word: str, part: str, reported: bool = False, min_valence: float = MIN_VALENCE) -> bool:
    """Whether ``word`` (lower case, tagged ``part``) judges what it names. In reported speech only the
    epithets count: there the judgements are the speaker's, the labels the writer's.

    >>> is_evaluative("heroic", "ADJ"), is_evaluative("killed", "VERB"), is_evaluative("regime", "NOUN")
    (True, False, True)
    >>> is_evaluative("heroic", "ADJ", reported=True), is_evaluative("strongman", "NOUN", reported=True)
    (False, True)
    """
    if word in EPITHETS:
        return True
    if reported:
        return False
    if word in _ADDED:
        return True
    return part in JUDGING_PARTS and abs(analyzer().lexicon.get(word, 0.0)) >= min_valence
