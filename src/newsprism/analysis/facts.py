"""Story analysis: facts, as groups of sentences from different articles that state the same thing.

Two sentences of different articles are linked when they state one claim: their embeddings are close and they share
the claim's words, weighed by how seldom the story uses them (:mod:`.claims`), so that two wordings of one claim
("married to Trump's daughter, Ivanka" and "married to the president's daughter Ivanka") meet while two claims about
the story's subject do not; sentences that give other figures need more of both; below the fact similarity they must
also share a word that is not a name, and a word one denies and the other states ("has not been charged", "faces two
charges") is not shared; a sentence leaning on its context for its claim (the writer's own voice, a question, a
lead-in) needs more, and so do two sentences sharing few words of their claim (a name and one word said of it,
"Cosby's reply"). Sentences far apart as wholes are linked when one's claim is contained in a clause of the other
(most of its rare words in common) or when they share one figure with the word it counts ("weighs 17 pounds"), and
such a pair no fact holds is a fact of its own; so are sentences that count two same things ("20 first-grade
students and six adults") and sentences that tell one event (:mod:`.claim_events`: one value hung from one verb,
"was arrested Sunday night", or one main verb done by one subject to one thing), unless they give other figures or
other times. Figures within 2% of each other are two measures of one thing, not other figures
(:mod:`.fact_figures`). Below the fact similarity, one doer doing two things to one thing ("spotted Hackett",
"rescued Hackett") tells two events, and is not linked. Sentences somewhat close are also linked when they share a
distinctive phrase: two words, not a name, that several articles use once each and the story seldom uses otherwise
("partnership agreement"), or one figure and one name (a name's own number, "Keurig 2.0", is the name's). A sentence
appealing to the reader ("If you have any information on where he may be") states no claim and is linked to none; a
line with no verb (a credit, a fact box's row, :mod:`.fact_lines`) is linked only when close. An embedded
social-media post (:mod:`.fact_posts`) is read without its handle and date, an opening sentence without its dateline
(:mod:`.claim_text`), and two posters' posts are never linked.
The most linked sentence seeds a fact, states it, and pulls in its closest counterpart from each other article that
is linked to the counterparts already taken, so every two sentences of a fact state its claim to each other, and a
second sentence of such an article as close to the seed, within embedder noise; a sentence may support several
facts. A sentence linked to a fact's seed and to the same counterparts, in an article the fact already has, is
another wording of that fact and joins its evidence rather than seeding a copy of it. Sentences no other article
matches are facts of one source; page furniture, a photo's caption or credit (:mod:`.captions`), is no fact. These
groups are what conflicts compare; once conflicts are known, the report's facts keep only the sentences that state
their row's claim (:mod:`.fact_trim`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from ..embed import EmbeddedSentences
from ..records import Evidence, Fact, Sentence, Story
from ..validate import check_range
from .captions import captions, is_caption
from .claim_events import event_pairs, other_events, other_times, parse_together, same_frame
from .claim_text import claim_text
from .claims import ClaimWords, contradicted, denied, figures, measures, predicate, states_claim
from .evaluative import political_labels
from .fact_figures import alike_figures, counted_alike, named_alike, same_figure_and_name
from .fact_lines import verbless_pairs
from .fact_pairs import may_link, sharing_stems, upper, upper_blocks
from .fact_phrases import PHRASE_RARITY
from .fact_phrases import distinctive_phrases as phrases_of
from .fact_posts import other_posters, poster
from .fact_trim import final_facts, side_with_most
from .fact_words import (
    FEW_WORDS,
    FEW_WORDS_MARGIN,
    LEANING_MARGIN,
    few_words_of,
    leans_on_context,
    parse_quoting,
    speakers_figures,
    speakers_phrase,
    speakers_words,
)

__all__ = ["FactsConfig", "distinctive_phrases", "final_facts", "group_facts", "side_with_most"]

VERSION = "24"

# Two sentences are linked when their cosine plus the share of the lighter one's word weight they have
# in common (0 to 1), plus WEIGHT_BONUS per unit of that shared weight (up to WEIGHT_CAP: some
# rare words in common are more telling than one), reaches the fact similarity plus CLAIM_SCORE. Tuned
# on truth-dev with MiniLM (fact similarity 0.65): 0.35 links a pair of cosine 0.65 sharing a third of
# its weight, or of cosine 0.5 sharing half of it, and finds 196 of the 300 labelled shared facts
# (0.30 finds 201 with more wrong links in a read sample, 0.40 finds 188).
CLAIM_SCORE = 0.35
WEIGHT_BONUS = 0.02
WEIGHT_CAP = 20.0
# Pairs are scored from this far below the fact similarity; no pair below it states one claim.
CANDIDATE_MARGIN = 0.2
# Sentences giving figures and sharing none need this much more ("first trip since 2000" and "the first time since
# 2019" share words); sentences close enough still meet, so that conflicts can compare their figures.
OTHER_FIGURES = 0.15
# Sentences sharing a distinctive phrase are linked this much below the fact similarity: on the seed story, the
# partnership agreement's sentences in three outlets have cosines of 0.52 to 0.59 (MiniLM).
PHRASE_MARGIN = 0.15
# Sentences that give one figure and name one person, place or thing are linked this much below the fact
# similarity: their wordings differ more than those of one fact in other words. On truth-dev the shared facts
# people labelled have a median MiniLM cosine of 0.71 when found, 0.50 when missed.
CLAIM_MARGIN = 0.25
# A sentence whose claim is a clause of a longer one ("Mueller is now leading the probe as a special
# counsel" in "amid questions about the FBI's investigation, which is now being overseen by special counsel
# Robert Mueller, a former FBI director") is far from it as a whole (cosine 0.40 with MiniLM) but shares
# most of its rare words: linked this far below the fact similarity when the pair shares CONTAINED_SHARE
# of the lighter one's word weight and CONTAINED_WEIGHT of weight (four or five of the story's rarer
# words; a short sentence sharing one or two, "He might be dead", is not a claim contained in another).
# With the measures below, on truth-dev this adds 18 joins, 17 read right, and finds 6 more labelled
# shared facts. A share of 0.35 rather than 0.4 ("found Frank's body the following day in a wooded area" in
# "Macomber was found fatally shot in a wooded area the day after") adds 8 joins, 8 read right, and one more
# labelled fact; 0.3 adds 9 more with 2 wrong and breaks a right one, and a weight of 8 adds 6, 5 wrong.
CONTAINED_MARGIN = 0.35
CONTAINED_SHARE = 0.35
CONTAINED_WEIGHT = 10.0
# Sentences giving one figure with the word it counts ("It weighs 17 pounds", "a 10 percent retail excise
# tax" and "the 10 percent sales tax") are linked this far below the fact similarity when they share
# MEASURE_SHARE of the lighter one's word weight.
MEASURE_MARGIN = 0.35
MEASURE_SHARE = 0.2
# Sentences telling one event (:mod:`.claim_events`) are linked this far below the fact similarity: those
# that hang one value from one verb ("was arrested Sunday night"), and those whose main verb is done by one
# subject to one thing ("The U.S. Coast Guard rescued ..."). Such a pair is a fact of its own when no fact
# holds it, as a contained claim is, even when it is close enough to be linked otherwise. On truth-dev with
# MiniLM the two add 23 joins, 20 read right, and find 4 more labelled shared facts; a frame margin of 0.2
# adds fewer (11 of the first 14, 9 right) and finds 1 less, 0.35 adds 4 more, 2 of them wrong.
EVENT_MARGIN = 0.45
FRAME_MARGIN = 0.3
# A seed's counterpart in an article is the row of it closest to the seed; another row of that article
# linked to the seed by its wording and this close to it as well is taken too. On truth-dev with MiniLM
# 0.02 adds 11 joins (9 read right), removes 1 (wrong), and finds 2 more labelled shared facts; taking
# such rows of the seed's own article as well adds 37 joins, most of them wrong.
TIE_MARGIN = 0.02


@dataclass(frozen=True, kw_only=True)
class FactsConfig:
    # Cosine above which two sentences may state the same fact; None uses the embedder's own value.
    similarity: float | None = None
    claim_score: float = CLAIM_SCORE
    weight_bonus: float = WEIGHT_BONUS
    weight_cap: float = WEIGHT_CAP
    candidate_margin: float = CANDIDATE_MARGIN
    other_figures: float = OTHER_FIGURES
    phrase_margin: float = PHRASE_MARGIN
    phrase_rarity: float = PHRASE_RARITY
    claim_margin: float = CLAIM_MARGIN
    contained_margin: float = CONTAINED_MARGIN
    contained_share: float = CONTAINED_SHARE
    contained_weight: float = CONTAINED_WEIGHT
    measure_margin: float = MEASURE_MARGIN
    measure_share: float = MEASURE_SHARE
    event_margin: float = EVENT_MARGIN
    frame_margin: float = FRAME_MARGIN
    tie_margin: float = TIE_MARGIN
    leaning_margin: float = LEANING_MARGIN
    few_words: int = FEW_WORDS
    few_words_margin: float = FEW_WORDS_MARGIN

    def __post_init__(self) -> None:
        if self.similarity is not None:
            check_range("fact similarity", self.similarity, 0.0, 1.0)
        check_range("claim score", self.claim_score, 0.0, 2.0)
        check_range("weight bonus", self.weight_bonus, 0.0, 1.0)
        check_range("weight cap", self.weight_cap, 0.0, 1000.0)
        check_range("candidate margin", self.candidate_margin, 0.0, 1.0)
        check_range("other figures", self.other_figures, 0.0, 2.0)
        check_range("phrase margin", self.phrase_margin, 0.0, 1.0)
        check_range("phrase rarity", self.phrase_rarity, 0.0, 100.0)
        check_range("claim margin", self.claim_margin, 0.0, 1.0)
        check_range("contained margin", self.contained_margin, 0.0, 1.0)
        check_range("contained share", self.contained_share, 0.0, 1.0)
        check_range("contained weight", self.contained_weight, 0.0, 1000.0)
        check_range("measure margin", self.measure_margin, 0.0, 1.0)
        check_range("measure share", self.measure_share, 0.0, 1.0)
        check_range("event margin", self.event_margin, 0.0, 1.0)
        check_range("frame margin", self.frame_margin, 0.0, 1.0)
        check_range("tie margin", self.tie_margin, 0.0, 1.0)
        check_range("leaning margin", self.leaning_margin, 0.0, 1.0)
        check_range("few words", self.few_words, 0, 100)
        check_range("few words margin", self.few_words_margin, 0.0, 1.0)


DEFAULT = FactsConfig()


@dataclass(frozen=True)
class Links:
    """Which sentences (rows of the story's embedded sentences) of different articles state one thing."""

    linked: np.ndarray  # rows by rows, True where linked
    similarity: np.ndarray  # rows by rows, the cosines
    articles: np.ndarray  # each row's article
    anchored: np.ndarray  # rows by rows, True where linked by a contained claim or a shared measure only
    worded: np.ndarray  # rows by rows, True where linked by their wording: close, sharing the claim's words

    def of(self, row: int) -> list[int]:
        return [int(r) for r in np.nonzero(self.linked[row])[0]]


def group_facts(story: Story, embedded: EmbeddedSentences, config: FactsConfig = DEFAULT) -> tuple[Fact, ...]:
    sentences = embedded.sentences
    if not sentences:
        return ()
    # page furniture (a photo's caption or credit, :mod:`.captions`) is linked to nothing and is no fact
    links = _link_sentences(embedded, config)
    groups = [g for g in _group_rows(links, config, sentences) if not is_caption(sentences[g[0]].text)]
    position = {a.id: n for n, a in enumerate(story.articles)}
    # facts most sources state first, then as first told
    groups.sort(key=lambda rows: (-len({sentences[r].article for r in rows}), min(rows)))
    return tuple(_fact(f"f{n}", rows, sentences, position) for n, rows in enumerate(groups, 1))


def _link_sentences(embedded: EmbeddedSentences, config: FactsConfig) -> Links:
    """Sentences of different articles that state one claim: close, with the claim's rare words in common,
    or somewhat close with a distinctive phrase or one figure and one name in common."""
    sentences = embedded.sentences
    texts = [claim_text(s) for s in sentences]  # without a post's signature or a dateline (:mod:`.claim_text`)
    sims = embedded.vectors @ embedded.vectors.T
    articles = np.array([s.article for s in sentences])
    article_numbers = np.unique(articles, return_inverse=True)[1]  # compared a block at a time: faster than text
    threshold = config.similarity if config.similarity is not None else embedded.embedder.fact_similarity
    claims = np.array([states_claim(t) and not caption for t, caption in zip(texts, captions(sentences), strict=True)])

    def different(rows: slice) -> np.ndarray:
        """Whether each of ``rows`` and each sentence are of different articles and both state a claim."""
        return (article_numbers[rows, None] != article_numbers[None, :]) & claims[rows, None] & claims[None, :]

    def apart(i: int, j: int) -> bool:
        return bool(articles[i] != articles[j] and claims[i] and claims[j])

    linked = np.zeros(sims.shape, dtype=bool)
    anchored = np.zeros_like(linked)
    worded = np.zeros_like(linked)
    claim_words = ClaimWords(texts)
    said = [predicate(text) for text in texts]  # what each sentence says of its names, read once
    lowest = threshold - max(config.candidate_margin, config.contained_margin, config.measure_margin)
    denying = [bool(denied(text)) for text in texts]  # read once a sentence, not once a candidate pair
    leaning = [leans_on_context(text) for text in texts]
    parse_quoting(texts)  # for the attributions of quoting sentences (:func:`.fact_words.attribution`)
    candidates = upper_blocks(len(texts), lambda rows: (sims[rows] >= lowest) & different(rows))
    for i, j in may_link(candidates, sims, claim_words, threshold, config):
        similarity = sims[i, j]
        # a word one denies and the other states is not in common ("not been charged", "faces two charges")
        unshared = contradicted(texts[i], texts[j]) if denying[i] or denying[j] else frozenset()
        unshared |= speakers_words(texts[i], texts[j])  # two quoting sentences compared by what, not who, they say
        share, weight = claim_words.shared(i, j, unshared)
        other_figures = _other_figures(texts[i], texts[j], config)
        needed = threshold + config.claim_score + other_figures
        needed += config.leaning_margin if leaning[i] or leaning[j] else 0.0
        # below the fact similarity, sentences that share only names ("Directed by Fede Alvarez", "The
        # director, Fede Alvarez, approaches the material with a straight face") share no claim
        close = similarity >= threshold - config.candidate_margin
        close &= similarity >= threshold or bool(said[i] & said[j])
        score = similarity + share + config.weight_bonus * min(weight, config.weight_cap)
        if close and score >= needed:  # sharing few words only raises what is needed: read of these pairs only
            common, both_say = claim_words.stems[i] & claim_words.stems[j] - unshared, said[i] & said[j]
            needed += config.few_words_margin * few_words_of(texts[i], texts[j], common, both_say, config.few_words)
        if close and score >= needed:
            linked[i, j] = linked[j, i] = worded[i, j] = worded[j, i] = True
        elif not other_figures and _anchored(texts[i], texts[j], float(similarity) - threshold, share, weight, config):
            linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = True
    for phrase, rows in distinctive_phrases(texts, list(articles), config).items():
        for i, j in itertools.combinations(rows, 2):
            needed = threshold - config.phrase_margin + _other_figures(texts[i], texts[j], config)
            if apart(i, j) and sims[i, j] >= needed and not speakers_phrase(phrase, texts[i], texts[j]):
                linked[i, j] = linked[j, i] = True
                anchored[i, j] = anchored[j, i] = False
    for i, j, by_year in same_figure_and_name([replace(s, text=t) for s, t in zip(sentences, texts, strict=True)]):
        described = speakers_figures(texts[i], texts[j])  # a speaker's age, no claim the two lines share
        if apart(i, j) and sims[i, j] >= threshold - (0.0 if by_year else config.claim_margin) and not described:
            linked[i, j] = linked[j, i] = True
            anchored[i, j] = anchored[j, i] = False
    # far apart as wholes, sentences that count two same things ("20 first-grade students and six adults")
    for i, j in counted_alike(texts):
        if apart(i, j) and not linked[i, j] and not other_times(texts[i], texts[j]):
            linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = True
    # below the fact similarity, one doer doing two things to one thing tells two events (:mod:`.claim_events`);
    # pairs that name no one in common are not parsed for it (a story of 100 articles has a thousand others)
    lower = upper(len(texts), lambda rows: linked[rows] & (sims[rows] < threshold))
    below = [(i, j) for i, j in lower if named_alike(texts[i], texts[j])]
    parse_together([texts[k] for k in sorted({int(k) for pair in below for k in pair})])
    for i, j in below:
        if other_events(texts[i], texts[j]):
            linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = False
    # far apart as wholes, sentences telling one event (:mod:`.claim_events`), unless they give other figures or
    # other times; only candidates are visited, the cheap tests first: 100 articles have millions of pairs
    events = {(i, j) for i, j in event_pairs(texts, list(articles)) if sims[i, j] >= threshold - config.event_margin}
    events = {(i, j) for i, j in events if apart(i, j) and not anchored[i, j]}
    framed = upper_blocks(
        len(texts),
        lambda rows: different(rows) & ~anchored[rows] & (sims[rows] >= threshold - config.frame_margin),
    )
    framed_pairs = {(i, j) for i, j in sharing_stems(framed, claim_words, 2) if said[i] & said[j]}  # a verb in common
    parse_together([texts[k] for k in sorted({k for pair in framed_pairs for k in pair})])
    for i, j in sorted(events | framed_pairs):
        event = (i, j) in events
        if not event and not same_frame(texts[i], texts[j]):
            continue
        if not (_other_figures(texts[i], texts[j], config) or other_times(texts[i], texts[j])):
            linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = True
    far = list(upper(len(texts), lambda rows: linked[rows] & (sims[rows] < threshold)))
    for i, j in verbless_pairs(far, texts):  # a line with no verb is linked only when close (:mod:`.fact_lines`)
        linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = False
    # two posters' posts are two people's words (:mod:`.fact_posts`)
    posts = [row for row, sentence in enumerate(sentences) if poster(sentence.text) is not None]
    for i, j in itertools.combinations(posts, 2):
        if other_posters(sentences[i].text, sentences[j].text):
            linked[i, j] = linked[j, i] = anchored[i, j] = anchored[j, i] = False
    return Links(linked, sims, articles, anchored, worded & linked)


def _anchored(a: str, b: str, below: float, share: float, weight: float, config: FactsConfig) -> bool:
    """Whether two sentences far apart as wholes state one claim by what they share: most of the lighter
    one's rare words (a claim contained in a clause of the other), or one figure with the word it counts.
    Neither holds when both give figures and share none (:func:`_other_figures`, which the caller reads)."""
    contained = share >= config.contained_share and weight >= config.contained_weight
    if contained and below >= -config.contained_margin:
        return True
    return share >= config.measure_share and below >= -config.measure_margin and bool(measures(a) & measures(b))


def _other_figures(a: str, b: str, config: FactsConfig) -> float:
    """How much more two sentences need to be linked: more when both give figures and share none."""
    return config.other_figures if figures(a) and figures(b) and not alike_figures(a, b) else 0.0


def _group_rows(links: Links, config: FactsConfig, sentences: list[Sentence]) -> list[list[int]]:
    """Rows grouped into facts, each seed first: the most linked sentence seeds a fact and pulls in its
    best counterpart from each other article; a sentence may support several facts."""
    degree = links.linked.sum(axis=1)
    order = sorted(range(len(degree)), key=lambda i: (-int(degree[i]), i))
    covered: set[int] = set()
    groups: list[list[int]] = []
    for seed in order:
        if seed in covered:
            continue
        counterparts = _best_counterparts(seed, links, config)
        covered.update([seed, *counterparts])
        earlier = _rewording_of(seed, counterparts, groups, links)
        if earlier is not None:
            earlier.append(seed)
        else:
            groups.append([seed, *counterparts])
    return groups + _unheard_anchors(groups, links, sentences)


def _unheard_anchors(groups: list[list[int]], links: Links, sentences: list[Sentence]) -> list[list[int]]:
    """The sentence pairs a contained claim or a shared measure links that no fact holds: a long sentence
    telling several claims seeds one fact, with its closest counterparts, and the clause another article
    shares with it ("charges of obstruction of justice and witness intimidation") is a fact of its own."""
    together = {(i, j) for group in groups for i in group for j in group}
    pairs = [(int(i), int(j)) for i, j in zip(*np.nonzero(np.triu(links.anchored)), strict=True)]
    # stated by the shorter sentence, the clause: the longer one states more, and seeds a fact of its own
    return [sorted(pair, key=lambda r: len(sentences[r].text)) for pair in pairs if pair not in together]


def _best_counterparts(seed: int, links: Links, config: FactsConfig) -> list[int]:
    """The row of each other article linked to the seed that is closest to it and linked to the rows already
    taken, closest first: sentences that state one claim state it to each other too, and conflicts compare every
    two sentences of a fact, so a row linked to the seed alone ("nine months after Colorado legalized" beside
    "Nevada voters approved legal pot") is not counted as stating it. A row of an article already taken as
    close to the seed by its wording, within ``config.tie_margin``, is another wording of it and is taken too."""
    taken: list[int] = []
    for row in sorted(links.of(seed), key=lambda r: -links.similarity[seed, r]):
        if links.articles[row] == links.articles[seed]:
            continue
        same = [t for t in taken if links.articles[t] == links.articles[row]]
        if same and not (
            links.worded[seed, row]
            and links.similarity[seed, row] >= links.similarity[seed, same[0]] - config.tie_margin
        ):
            continue
        if all(links.linked[row, other] for other in taken if links.articles[other] != links.articles[row]):
            taken.append(row)
    return taken


def _rewording_of(seed: int, counterparts: list[int], groups: list[list[int]], links: Links) -> list[int] | None:
    """The fact already found that the seed words another way, in an article the fact already has: linked
    to its seed and to the same (at least two) counterparts, it is more evidence, not another fact."""
    if len(counterparts) < 2:  # most seeds: no fact need be looked for
        return None
    linked, wanted = links.linked[seed], set(counterparts)
    earlier = next((g for g in groups if linked[g[0]] and wanted <= set(g)), None)
    if earlier is not None and links.articles[seed] in links.articles[earlier]:
        return earlier
    return None


def _fact(fact_id: str, rows: list[int], sentences: list[Sentence], position: dict[str, int]) -> Fact:
    """A fact stated by its seed (the first row), or by the sentence of it that carries fewest of the
    political lexicon's labels (the row speaks for all its sources: it does not lend one outlet's "regime" to
    the others), or by the whole of a teaser cut short. Its evidence in article order, then sentence order."""
    members = sorted(rows, key=lambda r: (position[sentences[r].article], sentences[r].index))
    evidence = tuple(Evidence(sentences[r].article, sentences[r].text) for r in members)
    stating = min(rows, key=lambda r: len(political_labels(sentences[r].text)))
    stating = next((r for r in rows if _completes(sentences[r].text, sentences[stating].text)), stating)
    return Fact(fact_id, sentences[stating].text, tuple(dict.fromkeys(e.article for e in evidence)), evidence)


def _completes(whole: str, teaser: str) -> bool:
    """Whether ``whole`` is the sentence ``teaser`` is cut short from ("... the fifth state with...")."""
    cut, ends = teaser.rstrip(".… "), ("...", "…")
    return teaser.rstrip().endswith(ends) and not whole.rstrip().endswith(ends) and len(cut) > 20 and cut in whole


def distinctive_phrases(texts: list[str], articles: list[str], config: FactsConfig = DEFAULT) -> dict[str, list[int]]:
    """The story's distinctive phrases (:func:`.fact_phrases.distinctive_phrases`) at ``config.phrase_rarity``."""
    return phrases_of(texts, articles, config.phrase_rarity)
