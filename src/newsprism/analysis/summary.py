"""Story analysis: an extractive summary in which every sentence cites its sources.

Candidates are the story's facts, each stated by whichever of its sentences adds most. What a summary
should carry is what the coverage shares: the word pairs (bigrams, not both stop words) that several
independent sources use, copies counted once (Gillick and Favre's concept coverage). Sentences are
taken greedily by the weight of the concepts they add per word (to a power under one, so that
fragments do not win on being short), times the number of independent sources that report the fact,
so a second sentence repeating the first adds nothing and is passed over; a speaker's words credited to
the speaker by name ("“…,” said Engravalle") gain more; a fact is said once any of its sentences is, and
the first sentences of an article get a bonus that fades with each sentence (fast over the lede, slowly
over the next twenty or so); the
gain is also weighed by the sentence's closeness to the story's centre (the mean of its articles), so an
outlet's aside or an article on another story gives way to what the coverage is about.
Meaning repeated in other words is caught by embedding (maximal marginal relevance): the closer a
candidate is to a chosen sentence (or conflict statement), the less it gains, down to nothing for a
rewording. A sentence leaning on the one before it in its article (joined to it, "And ...", or with a
pronoun subject, "He said that ...") is taken only right after it, unless rewritten to stand alone
(``summary_alone``); a sentence saying "I" or "we" outside quotation marks, a wire photo caption, words
another outlet quotes as a speaker's, and an announcement the coverage reports done are not taken. A
person first named by surname alone is given the full name. The last sentence may run past the word
budget. No sentence takes a side in a conflict unattributed (holding a value while citing another side, or
telling a disputed place's event in words of its own); a conflict of several sources is stated instead: the most
widely reported side's sentence with the other values beside its own, citing every side. Everything
is ordered as first told in the coverage (sentence number, then article), so the summary reads as a story.

The summary is extractive. An abstractive backend (a model behind an OpenAI-compatible endpoint, say)
plugs in as a :class:`Rewriter`: it gets the chosen facts' sentences in order and returns one
rewritten text for each, so every sentence keeps the sources it cites; conflict statements are kept
as they are, so no rewriting can pick a side. None ships: the default is the extractive text.

``bench/bench_summary.py`` set the constants of ``summary_config`` on the Multi-News dev stories (ROUGE-2 beside
lead, LexRank and TextRank).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial

import numpy as np

from ..embed import EmbeddedSentences
from ..records import Article, Conflict, Fact, Story, SummarySentence
from ..text.tokens import STOPWORDS, stem, words
from .captions import caption_reprinted
from .conflicts import CONFIDENT
from .memo import MAX_ITEMS
from .parse import has_a_verb
from .summary_alone import alone
from .summary_config import DEFAULT, UNPLACED, SummaryConfig
from .summary_conflicts import conflict_place, evidence_of, lends_a_value, sides_elsewhere, state_conflict, takes_a_side
from .summary_fit import (
    as_summary_text,
    credited_quote,
    in_own_voice,
    points_back,
    reads_alone,
    sentences_before,
    sets_up,
    speaks_of_self,
    speech_tag,
)
from .summary_names import introduced
from .summary_order import after_their_antecedents, dependent, first_told, in_event_order
from .summary_rewriter import Rewriter, rewritten
from .summary_stale import latest_date, overtaken, reported_done
from .summary_voices import quoted_elsewhere, quoted_openings, quoted_shares_of, someone_elses_words
from .support import prints_its_quotes, says, supports, uses_words

VERSION = "26"
# A cosine to the story's centre under this counts as this (opposite the centre is as far off as at right angles).
MIN_CENTRALITY = 0.01


@dataclass(frozen=True)
class Option:
    """A sentence that may state a fact in the summary."""

    fact: Fact
    text: str
    sources: tuple[str, ...]  # the fact's sources that show every name and number of the text
    place: tuple[int, int]  # where the coverage first tells it: (sentence number, article number)
    concepts: frozenset[str]
    length: int  # in words, at least 1
    breadth: int  # independent sources of the fact: how widely it is reported, however this sentence words it
    said_by: frozenset[str]  # the fact's sentences: once one of them is in the summary, so is the fact
    told_as: str  # the sentence as its article tells it (``text`` may name whom its pronoun stands for)


@dataclass(frozen=True)
class Placed:
    """A summary sentence and where the coverage first tells what it says."""

    place: tuple[int, ...]
    sentence: SummarySentence


def summarize(
    story: Story,
    facts: tuple[Fact, ...],
    conflicts: tuple[Conflict, ...],
    groups: dict[str, str],
    embedded: EmbeddedSentences,
    config: SummaryConfig = DEFAULT,
    rewriter: Rewriter | None = None,
) -> tuple[SummarySentence, ...]:
    """The conflicts stated, and the facts' best sentences within what is left of ``config.words``, as
    first told in the coverage."""
    position = first_told(story)
    articles = {a.id: a for a in story.articles}
    # only a conflict newsprism is sure of is told; a possible difference stays in the conflicts section
    told = [
        c
        for c in conflicts
        if c.confidence >= CONFIDENT and len({a for side in c.sides for a in side.sources}) >= config.conflict_sources
    ]
    statements = [
        state_conflict(
            c,
            articles,
            lambda a, sentence: _cites(a, sentence, articles, embedded, config) and uses_words(articles[a], sentence),
            partial(sides_elsewhere, conflict=c, conflicts=conflicts),
        )
        for c in told
    ]
    budget = config.words - sum(len(s.text.split()) for s in statements)
    options = _options(facts, conflicts, groups, position, articles, embedded, config)
    if not options or budget <= 0:
        return tuple(statements)
    weights = concept_weights(story, groups, config)
    before = sentences_before(articles)
    chosen = _choose(options, weights, embedded, statements, budget, config, articles, before)
    texts = [as_summary_text(option.text, articles) for option in chosen]
    if rewriter is not None:
        texts = rewritten(rewriter, story, texts)
    places = after_their_antecedents({o.told_as: o.place for o in chosen}, before)
    placed, kept = [], set()
    for o, text in zip(chosen, texts, strict=True):
        cited = tuple(a for a in o.sources if supports(articles[a], text) and uses_words(articles[a], text))
        # a sentence leaning on the one before it goes when that one goes
        if cited and (places[o.told_as] == o.place or before.get(o.told_as) in kept):
            kept.add(o.told_as)
            placed.append(Placed(places[o.told_as], SummarySentence(text, cited)))
    placed += [Placed(conflict_place(c, position, UNPLACED), s) for c, s in zip(told, statements, strict=True)]
    attached = frozenset(t for o, t in zip(chosen, texts, strict=True) if places[o.told_as] != o.place)
    ordered = in_event_order([p.sentence for p in sorted(placed, key=lambda p: p.place)], articles, attached)
    return introduced(ordered, articles)


def _options(
    facts: tuple[Fact, ...],
    conflicts: tuple[Conflict, ...],
    groups: dict[str, str],
    position: dict[str, tuple[int, int]],
    articles: dict[str, Article],
    embedded: EmbeddedSentences,
    config: SummaryConfig,
) -> list[Option]:
    """Any sentence of a fact may state it (the one adding most per word wins), citing the fact's sources
    that show its names and numbers; but not a sentence that takes a side in a conflict or lends a side's
    value to another side's source; fragments (no verb, a quotation's shard, ...) only when nothing else is
    left."""
    conflicted = {sentence for c in conflicts for sentence in evidence_of(c)}
    # a sentence of several facts is checked once a source, not once a fact (a fifth of a 100-article story's)
    cites = cache(partial(_cites, articles=articles, embedded=embedded, config=config))
    sided = cache(lambda sentence: any(takes_a_side(sentence, c) for c in conflicts))  # and a side taken, once
    stated = [
        (fact, sentence, cited)
        for fact in facts
        for sentence in _sentences(fact)
        if sentence not in conflicted
        and not sided(sentence)
        and (cited := tuple(a for a in fact.sources if cites(a, sentence)))
        and not lends_a_value(sentence, cited, conflicts)
    ]
    stated = [option for option in stated if len(option[1].split()) >= config.min_words] or stated
    quoted = quoted_shares_of(articles)
    openings = quoted_openings(articles)
    before = sentences_before(articles)
    stated = [
        o
        for o in stated
        if reads_alone(o[1])
        and has_a_verb(o[1])
        and not sets_up(o[1])
        and not someone_elses_words(o[1], quoted)
        and not quoted_elsewhere(o[1], openings)
        and not in_own_voice(o[1])
        and not speech_tag(o[1], before.get(o[1]))
        and not caption_reprinted(o[1], before.get(o[1]))
    ] or stated
    # an announcement the later coverage has overtaken ("will travel on Tuesday", read on Wednesday)
    newest = latest_date(articles)
    stated = [
        o for o in stated if not overtaken(o[1], o[2], articles, newest) and not reported_done(o[1], embedded)
    ] or stated
    return [
        Option(
            fact=fact,
            text=text,
            sources=cited,
            place=position.get(told_as, UNPLACED),
            concepts=concepts(text),
            length=max(len(text.split()), 1),
            breadth=len({groups.get(a, a) for a in fact.sources}),
            said_by=frozenset(_sentences(fact)),
            told_as=told_as,
        )
        for fact, told_as, cited in stated
        for text, cited in [alone(told_as, cited, before.get(told_as), articles)]
    ]


def _cites(
    article: str, sentence: str, articles: dict[str, Article], embedded: EmbeddedSentences, config: SummaryConfig
) -> bool:
    """Whether ``article`` may be cited for ``sentence``: it shows its names and numbers, prints its quotations
    and states its claim."""
    cited = articles[article]
    return (
        supports(cited, sentence)
        and prints_its_quotes(cited, sentence)
        and says(embedded, article, sentence, config.claim_overlap)
    )


def _sentences(fact: Fact) -> list[str]:
    """The sentences that state a fact, its own text first."""
    return list(dict.fromkeys([fact.text, *(e.sentence for e in fact.evidence)]))


def _choose(
    options: list[Option],
    weights: dict[str, float],
    embedded: EmbeddedSentences,
    statements: list[SummarySentence],
    budget: int,
    config: SummaryConfig,
    articles: dict[str, Article],
    before: dict[str, str],
) -> list[Option]:
    """Options taken greedily by the weight of the concepts they add per word, times the fact's breadth,
    the position bonus and their novelty, until the budget is spent; in the order the coverage tells them.
    An option is taken citing only the sources that use its verbs, and passed over when none does.
    A rewording of a conflict's statement is never taken."""
    options = list(options)  # taken options are narrowed to their verified sources
    vectors = embedded.vectors_of([o.text for o in options])
    rewording = embedded.embedder.align_similarity
    said = embedded.vectors_of([s.text for s in statements])
    covered: set[str] = set()
    chosen: list[int] = []
    # each option's cosine to the closest sentence already in the summary, the conflicts' statements first
    closest = (vectors @ said.T).max(axis=1) if len(said) else np.zeros(len(options))
    novelty = 1.0 - np.clip(closest / rewording, 0.0, 1.0) ** config.redundancy_power
    central = centrality(vectors, embedded, config.centrality_power)
    # a speaker's words with the speaker's name: what the story's people said, as news summaries tell it
    credited = [config.quote_bonus if credited_quote(o.text) else 1.0 for o in options]
    remaining = {i for i in range(len(options)) if not any(vectors[i] @ v >= rewording for v in said)}
    used = 0

    def gain(i: int) -> float:
        option = options[i]
        added = sum(weights.get(c, 0.0) for c in option.concepts - covered) / option.length**config.length_power
        position = lead(option.place[0], config)
        return added * option.breadth**config.breadth_power * position * novelty[i] * central[i] * credited[i]

    def introduced(i: int) -> bool:
        """A sentence leaning on the one before it in its article (see ``dependent``) is taken only once
        that sentence is; a named speaker's words opening on a pronoun ("“This is evidence,” said Pascual")
        once an earlier sentence of its article is: what "this" is, it told before, not always just before.
        Their "I" or "we" is the speaker named ("“I am flattered,” Stallone said"), who needs no sentence before."""
        if leaning[i]:
            return before.get(options[i].told_as) in taken
        place = options[i].place
        return not quoting[i] or any(options[c].place[1] == place[1] and options[c].place < place for c in chosen)

    leaning = [dependent(o.text) for o in options]
    quoting = [points_back(o.text) and not speaks_of_self(o.text) for o in options]
    taken: set[str] = set()

    def paired(i: int) -> float:
        """A leaning sentence's gain with the sentence before it, per word of both, when that one may come."""
        p = first.get(before.get(options[i].told_as, ""))
        if p is None or p not in remaining or not introduced(p):
            return 0.0
        worth = [gain(j) * options[j].length ** config.length_power for j in (i, p)]
        return sum(worth) / (options[i].length + options[p].length) ** config.length_power

    first = {o.told_as: i for i, o in reversed(list(enumerate(options)))}
    while remaining and used < budget:
        eligible = {i: gain(i) for i in remaining if introduced(i)}
        eligible |= {i: g for i in remaining if leaning[i] and i not in eligible and (g := paired(i)) > 0}
        if not eligible:
            break
        best = max(eligible, key=lambda i: (eligible[i], [-p for p in options[i].place]))
        if not introduced(best):
            best = first[before[options[best].told_as]]  # the sentence it leans on first
        # the parse is read only for the sentences about to be taken
        verified = tuple(a for a in options[best].sources if uses_words(articles[a], options[best].text))
        if not verified:
            remaining.discard(best)
            continue
        options[best] = replace(options[best], sources=verified)
        remaining -= {i for i in remaining if options[best].told_as in options[i].said_by}
        np.maximum(closest, vectors @ vectors[best], out=closest)
        novelty[:] = 1.0 - np.clip(closest / rewording, 0.0, 1.0) ** config.redundancy_power
        chosen.append(best)
        taken.add(options[best].told_as)
        covered |= options[best].concepts
        used += options[best].length
    chosen.sort(key=lambda i: options[i].place)
    return [options[i] for i in chosen]


def lead(n: int, config: SummaryConfig = DEFAULT) -> float:
    """The position bonus of an article's sentence number ``n``: large for its first few sentences, and
    fading slowly over the next twenty or so.

    >>> [round(lead(n), 2) for n in (0, 3, 10, 20, 40)]
    [4.0, 2.49, 1.57, 1.27, 1.07]
    """
    fast = 1.0 + config.position_bonus * math.exp(-n / config.position_decay)
    return fast * (1.0 + config.position_tail * math.exp(-n / config.position_tail_decay))


@lru_cache(maxsize=MAX_ITEMS)  # as many sentences as the Docs kept (a sentence's concepts hold some 4 kB: 30 MB)
def concepts(text: str) -> frozenset[str]:
    """A sentence's word pairs, crudely stemmed, without pairs of two stop words (read once a sentence: the
    concepts' weights read every sentence of the story, its options most of them again).

    >>> sorted(concepts("The leaders signed the treaty"))
    ['leader sign', 'sign the', 'the leader', 'the treaty']
    """
    stems = [stem(w) for w in words(text)]
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(stems) if not (a in STOPWORDS and b in STOPWORDS))


def concept_weights(story: Story, groups: dict[str, str], config: SummaryConfig = DEFAULT) -> dict[str, float]:
    """Each concept the story's independent sources share, weighted by how widely and how often."""
    sources: defaultdict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for article in story.articles:
        for sentence in article.sentences:
            for concept in concepts(sentence):
                sources[concept].add(groups.get(article.id, article.id))
                counts[concept] += 1
    needed = min(config.min_concept_sources, len(set(groups.get(a.id, a.id) for a in story.articles)))
    return {c: len(s) + config.tf_weight * math.log(counts[c]) for c, s in sources.items() if len(s) >= needed}


def centrality(vectors: np.ndarray, embedded: EmbeddedSentences, power: float) -> np.ndarray:
    """Each option's cosine to the story's centre, to ``power``: the mean of its articles' mean sentence
    vectors, each article counted once however long it is."""
    articles = dict.fromkeys(s.article for s in embedded.sentences)
    means = np.array([embedded.vectors[embedded.rows(a)].mean(axis=0) for a in articles])
    if not len(means) or not power:
        return np.ones(len(vectors))
    centre = (means / np.linalg.norm(means, axis=1, keepdims=True)).mean(axis=0)
    return np.clip(vectors @ (centre / np.linalg.norm(centre)), MIN_CENTRALITY, 1.0) ** power
