"""The summary's settings: how a sentence's gain is weighed (concepts, position, length, breadth,
novelty, centrality) and what it may cite, each constant with what it was tuned on
(``bench/bench_summary.py`` on the Multi-News dev stories, ROUGE-2 beside lead, LexRank and TextRank)."""

from __future__ import annotations

from dataclasses import dataclass

from ..validate import check_range

# A concept counts only when at least this many independent sources use it (fewer when the story
# has fewer): one outlet's own phrasing is not what the story is about. 1 instead of 2: R2 -2.2.
MIN_CONCEPT_SOURCES = 2
# A concept's weight is its number of independent sources plus TF_WEIGHT * ln(its count in the
# story): among pairs two sources share, the ones repeated most are the story's core. 0 → 2: R2 +0.2.
TF_WEIGHT = 2.0
# A sentence's gain is multiplied by 1 + POSITION_BONUS * exp(-n / POSITION_DECAY), n its number in the
# article that first tells it: news puts what matters first, and the first few sentences, not the lede
# alone, hold it. On the Multi-News dev stories (MiniLM), against a bonus of 1.2 for the lede alone:
# R2 +0.40 at 1 and 3; bonus 0.5: +0.27, 2: +0.28, 4: +0.35; decay 2: +0.29, 6: +0.33, 8 (bonus 2): +0.24.
POSITION_BONUS = 1.0
POSITION_DECAY = 3.0
# ... times 1 + POSITION_TAIL * exp(-n / POSITION_TAIL_DECAY): past the lede's few sentences, an article
# still tells what matters before its background and asides. On the Multi-News dev stories, the share of a
# sentence's word pairs that are in the reference falls from 0.18 (sentences 0-5) to 0.16 (6-10), 0.12
# (11-20) and 0.08 (21 on), where the fast bonus alone hardly tells sentence 10 from 40. R2 / LexRank
# (MiniLM, cached inputs) 1.120 -> 1.132 at 1 and 15 (halves 1.067 -> 1.085, 1.183 -> 1.187); decay 8:
# 1.129, 25: 1.128; 2 and 15: 1.127, 2 and 25: 1.132.
POSITION_TAIL = 1.0
POSITION_TAIL_DECAY = 15.0
# Gain is per word to this power: 1 (per word) favours short sentences, fragments and captions among them.
# With the position bonus, R2 +0.04 at 0.8 (0.6: +0.10, 0.5: 0.00, 0.4: -0.04); at 0.6 the seed story's
# summary at 120 words leads with the Monday announcement that Putin "is expected to arrive" and drops the
# partnership agreement four outlets report.
# With the centrality factor, 0.7 gains R2 / LexRank 0.003 over 0.8 (0.6: +0.001, 0.9: -0.003), both halves.
LENGTH_POWER = 0.7
# Maximal marginal relevance: a candidate's gain is multiplied by 1 - (c / r) ** REDUNDANCY_POWER, where
# c is its cosine to the closest sentence already chosen and r the embedder's rewording threshold, so a
# rewording gains nothing and a sentence on the same point as a chosen one (c near r) little. Against
# passing over rewordings only, 4 costs R2 0.13 (MiniLM) and 0.18 (hashing); 1 to 3 cost hashing 0.31
# to 0.47; at 6 the seed story's summary tells two points twice again (see docs/benchmarks.md).
REDUNDANCY_POWER = 4
# A candidate's gain is multiplied by its cosine to the story's centre (the mean of its articles' mean
# sentence vectors) to this power: what the whole coverage is about, not one outlet's aside or an article
# on another story that the clustering let in. On the Multi-News dev stories (MiniLM), R2 / LexRank 1.121
# -> 1.139 at 1 (0.5: 1.131, 2: 1.122; each article's closeness to the others on top: 1.130).
CENTRALITY_POWER = 1.0
# A gain is multiplied by the fact's independent sources to this power: the most widely reported first. At
# 1.5 (against 1), R2 / LexRank -0.002 (noise); the seed's summary tells the agreement 3 outlets report.
BREADTH_POWER = 1.5
# A speaker's words opening the sentence and credited to the speaker it names ("“What she did was wrong …,”
# said Officer Mark Engravalle") gain this many times more: news summaries (Multi-News's references among
# them) tell a story through what its people said, in their words and with their names. R2 / LexRank on the
# Multi-News dev stories (MiniLM, cached inputs), against 1: 1.5 1.141 -> 1.148 (halves 1.099 -> 1.111,
# 1.189 -> 1.190), 2 1.155 (1.105, 1.213), 2.5 1.157 (1.103, 1.220), 3 1.159 (1.101, 1.225).
QUOTE_BONUS = 2.0
# Shorter candidates are fragments (datelines, captions, labels) unless nothing else is left.
MIN_WORDS = 8
# Where a sentence that no article tells as written reads: after everything else.
UNPLACED = (99, 99)


# A conflict is told in the summary when at least this many sources give its values: a point the
# coverage is about. Two single outlets differing on a detail are shown with the conflicts only (on the
# seed story, the place of September's meeting would take the place of the partnership agreement).
CONFLICT_SOURCES = 3
# An article is cited for a summary sentence only when one of its sentences rewords it or holds this
# share of its content words. On the truth-dev summaries, citations of an article whose closest
# sentence held under 0.4 were, read by a person, mostly of another claim on the same subject
# ("Amber Pasztor had already decided she was going to kill her children" cited for all three outlets).
CLAIM_OVERLAP = 0.4


@dataclass(frozen=True, kw_only=True)
class SummaryConfig:
    words: int = 120
    min_concept_sources: int = MIN_CONCEPT_SOURCES
    tf_weight: float = TF_WEIGHT
    position_bonus: float = POSITION_BONUS
    position_decay: float = POSITION_DECAY
    position_tail: float = POSITION_TAIL
    position_tail_decay: float = POSITION_TAIL_DECAY
    length_power: float = LENGTH_POWER
    redundancy_power: float = REDUNDANCY_POWER
    min_words: int = MIN_WORDS
    conflict_sources: int = CONFLICT_SOURCES
    claim_overlap: float = CLAIM_OVERLAP
    centrality_power: float = CENTRALITY_POWER
    breadth_power: float = BREADTH_POWER
    quote_bonus: float = QUOTE_BONUS

    def __post_init__(self) -> None:
        check_range("summary words", self.words, 10, 5000)
        check_range("min concept sources", self.min_concept_sources, 1, 100)
        check_range("tf weight", self.tf_weight, 0.0, 100.0)
        check_range("position bonus", self.position_bonus, 0.0, 100.0)
        check_range("position decay", self.position_decay, 0.1, 1000.0)
        check_range("position tail", self.position_tail, 0.0, 100.0)
        check_range("position tail decay", self.position_tail_decay, 0.1, 1000.0)
        check_range("length power", self.length_power, 0.0, 2.0)
        check_range("redundancy power", self.redundancy_power, 0.0, 100.0)
        check_range("min words", self.min_words, 0, 100)
        check_range("conflict sources", self.conflict_sources, 2, 1000)
        check_range("claim overlap", self.claim_overlap, 0.0, 1.0)
        check_range("centrality power", self.centrality_power, 0.0, 10.0)
        check_range("breadth power", self.breadth_power, 0.0, 10.0)
        check_range("quote bonus", self.quote_bonus, 0.0, 100.0)


DEFAULT = SummaryConfig()
