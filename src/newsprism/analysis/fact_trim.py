"""Facts as the report gives them: each member sentence states the claim of the fact's stating sentence.

The grouping (:mod:`.facts`) links sentences loosely enough for conflicts to compare every two sentences
that may tell one thing (two values of one count, two doers of one act); the report's fact says more:
"these sources state this". So once conflicts are known, a fact keeps only the sentences that state what
its row says:
- a sentence on another side of a conflict than the fact's row gives another value, and is not its
  evidence: its source is marked ``disputed_by`` instead;
- a sentence denying what the row states ("pleaded not guilty", "pleaded guilty") states another claim;
- so does a sentence whose claim another named doer or speaker tells, or that gives once a sum the row
  gives to each of several (:mod:`.fact_claims`);
- a sentence sharing little of the row's claim words, and far closer to another sentence of the row's
  article, tells that sentence's claim and was joined to the row by the story's topic;
- a sentence whose event is dated years from the row's (:func:`.claim_events.years_apart`: "will travel to
  Pyongyang on Tuesday", "traveled to Pyongyang in 2000") tells another event, which conflicts may still
  compare as the same one told with two years;
- every two of the sentences kept state one claim to each other too, by the same tests: of two other
  articles' sentences that do not ("“We are investigating this as a crime scene,” Sgt. Riley said" and
  "“This is considered a double homicide investigation,” Sergeant Riley said", both kept by a row saying
  Riley would not identify the bodies), the one farther from the row leaves it.
Two names one maker gives one thing (:mod:`.coined_names`) leave the claim whole: that conflict holds the two
sentences to be of one thing, and what they tell of it may be one fact ("a wheel-based interface opens
when it is laid flat").
The sentences a fact leaves out that state one claim to each other, in two or more articles, are a fact of
their own; a sentence left in no fact is a fact of its own source, as a sentence no other article matches is.
Two facts come to be stated by one sentence (two seeds' groups, or a trimmed part and another group): one
row is one fact, with the sentences of both.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..embed import EmbeddedSentences
from ..records import Conflict, Evidence, Fact, Story
from ..validate import check_range
from .claim_events import years_apart
from .claims import ClaimWords
from .coined_names import REASON as COINED
from .doc_cache import parsed, shared, tokens_of
from .fact_claims import one_voice, other_claim
from .fact_figures import alike_figures
from .support import other_quotations
from .timeline_calendar import reference_dates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .claim_events import Reference

# Words that deny the verb they hang from as "not" does ("ruled nothing out", "found no trace"), and the
# verbs too light to carry a claim of their own ("does not have"): general English.
DENYING = frozenset("not n't n’t never no nothing none nobody neither nor".split())
# Verbs that deny the verb they lead to ("failed to return", "has yet to appear"), and the dependencies
# by which a verb or an adjective carries the sentence's claim from its root ("pleaded not guilty",
# "was arrested and pleaded guilty"); a clause of cause or time ("because they were not considered")
# tells another claim.
DENYING_LEADS = frozenset("fail refuse decline yet".split())
CLAIM_DEPS = frozenset(("ROOT", "conj", "acomp", "xcomp", "ccomp", "oprd"))
LIGHT = frozenset("be have do get make take".split())
# A member sentence far from the fact's row by its claim's words (sharing less than CLAIM_SHARE of the
# lighter one's weight, :class:`.claims.ClaimWords`) while another sentence of the row's article is closer
# to it as a whole by more than CLOSER_ELSEWHERE (MiniLM cosine) tells that other sentence's claim, and was
# joined to the row by the story's topic ("Trump said the stock market is way up again today" beside
# "“The stock market has smashed one record after another,” Trump said in his address"). On truth-dev
# this leaves 15 joins out, 10 of them read wrong, and finds as many labelled shared facts; a margin of
# 0.1 leaves out 9 more and loses 2 labelled facts, a share of 0.25 leaves out 11 fewer.
CLAIM_SHARE = 0.3
CLOSER_ELSEWHERE = 0.15


@dataclass(frozen=True, kw_only=True)
class TrimConfig:
    claim_share: float = CLAIM_SHARE
    closer_elsewhere: float = CLOSER_ELSEWHERE

    def __post_init__(self) -> None:
        check_range("claim share", self.claim_share, 0.0, 1.0)
        check_range("closer elsewhere", self.closer_elsewhere, 0.0, 2.0)


DEFAULT = TrimConfig()


def side_with_most(facts: tuple[Fact, ...], conflicts: tuple[Conflict, ...]) -> tuple[Fact, ...]:
    """Facts whose stating sentence takes the smaller side of a conflict, stated instead by a sentence of
    the side most sources take, and the sources that give another value marked ``disputed_by``, so that a
    fact's row does not lend one outlet's value to all its sources."""
    rank: dict[str, int] = {}
    for conflict in conflicts:
        for side in conflict.sides:
            for evidence in side.evidence:
                rank[evidence.sentence] = max(rank.get(evidence.sentence, 0), len(side.sources))
    restated = []
    for fact in facts:
        if fact.text in rank:
            best = max((e.sentence for e in fact.evidence if e.sentence in rank), key=lambda s: rank[s])
            fact = replace(fact, text=best) if rank[best] > rank[fact.text] else fact
        restated.append(replace(fact, disputed_by=_disputing(fact, conflicts)))
    return tuple(restated)


def _disputing(fact: Fact, conflicts: tuple[Conflict, ...]) -> tuple[str, ...]:
    """The fact's sources whose sentence in it takes another side than its stating sentence does."""
    said = {(e.article, e.sentence) for e in fact.evidence}
    disputing: set[str] = set()
    for conflict in conflicts:
        stating = [side for side in conflict.sides if any(e.sentence == fact.text for e in side.evidence)]
        if not stating:
            continue
        for side in conflict.sides:
            if side is not stating[0]:
                disputing |= {e.article for e in side.evidence if (e.article, e.sentence) in said}
    return tuple(a for a in fact.sources if a in disputing)


def final_facts(
    groups: tuple[Fact, ...],
    conflicts: tuple[Conflict, ...],
    embedded: EmbeddedSentences,
    config: TrimConfig = DEFAULT,
    story: Story | None = None,
) -> tuple[Fact, ...]:
    """The facts the report gives: each restated by the side most sources take (:func:`side_with_most`),
    with only the sentences that state its row's claim, and a fact of its own for each sentence left in
    none; most sources first, then as first told."""
    texts = [s.text for s in embedded.sentences]
    check = _Claims(texts, embedded, reference_dates(story) if story else {})
    conflicts = tuple(c for c in conflicts if COINED not in c.reasons)  # one thing's two names: one claim
    facts = side_with_most(groups, conflicts)
    trimmed = [part for fact in facts for part in _trim(fact, conflicts, check, config)]
    held = {(e.article, e.sentence) for fact in trimmed for e in fact.evidence}
    loose = dict.fromkeys(e for fact in facts for e in fact.evidence if (e.article, e.sentence) not in held)
    trimmed += [Fact("", e.sentence, (e.article,), (e,)) for e in loose]
    trimmed = _merged(trimmed)
    first = {text: row for row, text in reversed(list(enumerate(texts)))}
    trimmed.sort(key=lambda f: (-len(f.sources), first.get(f.text, len(texts))))
    return tuple(replace(fact, id=f"f{n}") for n, fact in enumerate(trimmed, 1))


def _merged(facts: list[Fact]) -> list[Fact]:
    """Facts stated by one sentence as one fact: two groups a sentence seeded, or one trimmed into the
    other's row, each hold sentences stating that row's claim, and one row is one fact. One sentence is one
    text in one article: two articles' lines of one text that no link joined ("Damn.", a heading) are two."""
    by_text: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        key = (fact.text, next((e.article for e in fact.evidence if e.sentence == fact.text), ""))
        earlier = by_text.get(key)
        if earlier is None:
            by_text[key] = fact
            continue
        evidence = tuple(dict.fromkeys((*earlier.evidence, *fact.evidence)))
        sources = tuple(dict.fromkeys(e.article for e in evidence))
        disputed = tuple(a for a in dict.fromkeys((*earlier.disputed_by, *fact.disputed_by)) if a not in sources)
        by_text[key] = replace(earlier, sources=sources, evidence=evidence, disputed_by=disputed)
    return list(by_text.values())


class _Claims:
    """How close two sentences of the story are, as wholes and by their claim's words."""

    def __init__(self, texts: list[str], embedded: EmbeddedSentences, references: dict[str, Reference]) -> None:
        self.words = ClaimWords(texts)
        self.references = references  # each article's day its dates are read against (none: undated)
        self.row = {text: row for row, text in enumerate(texts)}
        self.embedded = embedded
        self.article_rows: dict[str, list[int]] = {}
        for row, sentence in enumerate(embedded.sentences):
            self.article_rows.setdefault(sentence.article, []).append(row)

    def years_apart(self, row_text: str, member: str) -> bool:
        rows = (self.row.get(row_text), self.row.get(member))
        if not self.references or None in rows:
            return False
        days = [self.references.get(self.embedded.sentences[r].article, (None, False)) for r in rows if r is not None]
        return years_apart(row_text, member, days[0], days[1])

    def closeness_to(self, row_text: str) -> Callable[[str], float]:
        """How close a sentence of the story is to ``row_text`` as a whole (cosine; 0 for a text not held)."""
        vectors, i = self.embedded.vectors, self.row.get(row_text)

        def closeness(text: str) -> float:
            j = self.row.get(text)
            return 0.0 if i is None or j is None else float(vectors[i] @ vectors[j])

        return closeness

    def states(self, row_text: str, member: str, config: TrimConfig) -> bool:
        """Whether ``member`` states the claim of ``row_text``."""
        if member == row_text:
            return True
        if opposite_polarity(row_text, member) or other_claim(row_text, member) or self.years_apart(row_text, member):
            return False
        if other_quotations(row_text, member) and not one_voice(row_text, member):
            return False  # two lines of speech, by two voices, tell two statements
        i, j = self.row.get(row_text), self.row.get(member)
        if i is None or j is None:
            return True
        if alike_figures(row_text, member) or self.words.shared(i, j)[0] >= config.claim_share:
            return True
        vectors = self.embedded.vectors
        own = self.article_rows[self.embedded.sentences[i].article]
        return float(max(vectors[own] @ vectors[j])) - float(vectors[i] @ vectors[j]) <= config.closer_elsewhere


def _trim(fact: Fact, conflicts: tuple[Conflict, ...], check: _Claims, config: TrimConfig) -> list[Fact]:
    """The fact with only the sentences stating its row's claim, and the sources of sentences on another side
    of a conflict than its row marked as disputing it; then, of the sentences left out, those of two or more
    articles that state one claim to each other, each such group a fact stated by its first sentence."""
    other_side = _other_sides(fact, conflicts)
    against = _against(fact, conflicts)
    pending = [
        e
        for e in fact.evidence
        if (e.article, e.sentence) not in other_side
        and not (e.article in against and not alike_figures(fact.text, e.sentence))
    ]
    row = next((e for e in pending if e.sentence == fact.text), None)
    parts: list[Fact] = []
    while row is not None:
        taken = [
            e
            for e in pending
            if e == row or (e.article == row.article and not parts) or check.states(row.sentence, e.sentence, config)
        ]
        taken = _stating_each_other(taken, row, check, config)
        pending = [e for e in pending if e not in taken]
        sources = tuple(dict.fromkeys(e.article for e in taken))
        if not parts:
            disputing = set(fact.disputed_by) | {a for a, _ in other_side} | against
            disputed = tuple(a for a in fact.sources if a in disputing and a not in sources)
            parts.append(replace(fact, sources=sources, evidence=tuple(taken), disputed_by=disputed))
        elif len(sources) > 1:
            parts.append(Fact(fact.id, row.sentence, sources, tuple(taken)))
        row = pending[0] if pending else None
    return parts


def _stating_each_other(taken: list[Evidence], row: Evidence, check: _Claims, config: TrimConfig) -> list[Evidence]:
    """The sentences a row kept, less those that do not state one claim with another kept sentence: each
    was kept for what it shares with the row, and two of them may share different parts of it (a row "France
    stepped up security after the attacks" keeps "France has been on edge since the attacks left 20 people
    dead" and "France deployed troops to patrol sensitive sites"). Of two sentences of other articles than
    the row's where either does not state the other's claim (:meth:`_Claims.states`), the one less close to
    the row (cosine) leaves; the row's own article's sentences are the row's own wording and are not compared."""
    kept = list(taken)
    closeness = check.closeness_to(row.sentence)
    for first, second in itertools.combinations(taken, 2):
        if row.article in (first.article, second.article) or first.article == second.article:
            continue
        if first not in kept or second not in kept:
            continue
        one, other = first.sentence, second.sentence
        if check.states(one, other, config) and check.states(other, one, config):
            continue
        kept.remove(min((first, second), key=lambda e: closeness(e.sentence)))
    return kept


def _against(fact: Fact, conflicts: tuple[Conflict, ...]) -> set[str]:
    """The articles that give another value than the fact's row in a conflict the row takes a side in, and
    none on the row's side: a sentence of theirs that the fact joined without a figure of the row's ("First
    responders were badly rattled" to "the elevator plummeted to the 17th floor") does not state the row's
    claim, which they tell otherwise ("the 15th floor"). One giving the row's figure (the bodies "at 5,900
    meters", from an article that measures the mountain otherwise) may still state it."""
    against: set[str] = set()
    for conflict in conflicts:
        own = [side for side in conflict.sides if any(e.sentence == fact.text for e in side.evidence)]
        if own:
            against |= {a for side in conflict.sides if side is not own[0] for a in side.sources} - set(own[0].sources)
    return against


def _other_sides(fact: Fact, conflicts: tuple[Conflict, ...]) -> set[tuple[str, str]]:
    """The fact's sentences on another side of a conflict than its row (or, when its row takes no side,
    than the side most of its sources take): two values of one thing are not evidence of one fact."""
    said = {(e.article, e.sentence) for e in fact.evidence}
    other: set[tuple[str, str]] = set()
    for conflict in conflicts:
        held = [
            [(e.article, e.sentence) for e in side.evidence if (e.article, e.sentence) in said]
            for side in conflict.sides
        ]
        if sum(bool(h) for h in held) < 2:
            continue
        own = next(
            (n for n, side in enumerate(conflict.sides) if any(e.sentence == fact.text for e in side.evidence)), None
        )
        if own is None:
            own = max(range(len(held)), key=lambda n: len({a for a, _ in held[n]}))
        other |= {pair for n, h in enumerate(held) if n != own for pair in h} - set(held[own])
    return other


def opposite_polarity(a: str, b: str) -> bool:
    """Whether one sentence denies a verb or an adjective the other states: "Vasiliades pleaded not guilty"
    and "Anthony Vasiliades ... pleaded guilty"; not "have not ruled out" and "have ruled nothing out", nor
    a word that is a verb in one and a noun in the other ("will not change", "climate change"). Without
    spaCy, nothing is read as denied."""
    if shared() is None:
        return False
    said = [_polarities(doc) for doc in parsed([a, b])]
    return any(word in said[1][0] and word not in said[1][1] for word in said[0][1] - said[0][0]) or any(
        word in said[0][0] and word not in said[0][1] for word in said[1][1] - said[1][0]
    )


def _polarities(doc: Doc) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The sentence's verbs and adjectives (lemma and part of speech) it states, and those it denies."""
    stated: set[tuple[str, str]] = set()
    denied: set[tuple[str, str]] = set()
    for token in tokens_of(doc, "VERB", "ADJ"):
        if token.lemma_.lower() in LIGHT or not _claim_word(token):
            continue
        negated = any(c.lower_ in DENYING for c in token.children if c.dep_ in ("neg", "dobj", "advmod", "det"))
        lead = token.head if token.dep_ == "xcomp" else None
        negated |= lead is not None and (
            lead.lemma_.lower() in DENYING_LEADS or any(c.lower_ in DENYING_LEADS for c in lead.children)
        )
        (denied if negated else stated).add((token.lemma_.lower(), token.pos_))
    return stated, denied


def _claim_word(token: Token) -> bool:
    """Whether the word carries the sentence's claim: reached from the root by CLAIM_DEPS alone."""
    while token.dep_ != "ROOT":
        if token.dep_ not in CLAIM_DEPS:
            return False
        token = token.head
    return True
