"""What a sentence tells happened, read as keys: a value (a figure, a weekday, a day of a month) with the
verb it hangs from in the dependency parse (:mod:`.events`).

Two outlets telling one event in other words still hang its value from the same verb: "Shelby McDowell,
20, was arrested Sunday night" and "A 20-year-old woman was arrested Sunday night" both give "arrest
sunday"; "We detected floating objects, perhaps more than 300" and "A Thai satellite has detected some
300 objects" both give "detect 300". A verb that reports speech ("said Monday") tells when someone spoke,
not what happened, and gives no key. Without spaCy no key is read, which makes the check weaker, never
stricter.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.dates import MONTH_RE, WEEKDAYS, month_number
from ..text.tokens import STOPWORDS
from .claims import CLOCK, CODE, MONTH_NAMES, NUMBER_WORDS, SCALED, calendar_figures, scaled, stem
from .doc_cache import parsed, shared
from .events import event_verbs
from .parse import REPORTING, main_verbs
from .timeline import event_dates

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Token

    Reference = tuple[date | None, bool]  # the day an article's dates are read against, and whether it is its own

# Two sentences whose events are dated this many years apart tell two events (:func:`years_apart`).
YEARS_APART = 2
# Verbs that carry no event of their own ("has 20 members", "is due Monday").
LIGHT_VERBS = frozenset("be have".split())
# News verbs that tell one event in other words, each read as the first of its group: general English.
SYNONYMS = {
    verb: group[0]
    for group in (
        "halt suspend stop".split(),
        "arrest detain".split(),
        "kill slay murder".split(),
        "charge indict".split(),
        "detect spot".split(),
        "throw toss hurl".split(),
        "praise laud hail".split(),
        "launch release unveil debut".split(),
        "cancel scrap".split(),
        "resign quit".split(),
        "injure wound hurt".split(),
    )
    for verb in group
}


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words``, whole and in any case. The lookahead of their first letters lets the engine pass over
    the positions none of them can start at, where it would try every word (a story's every sentence is
    searched: the number words are found 2.5 times faster); it matches what the plain alternation matches."""
    listed = list(words)
    firsts = "".join(sorted({word[0] for word in listed}))
    return re.compile(rf"\b(?=[{re.escape(firsts)}])(?:{'|'.join(listed)})\b", re.IGNORECASE)


WEEKDAY = _whole_words(WEEKDAYS)
SPELLED = _whole_words(NUMBER_WORDS)
MONTH_DAY = re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]\d)")


@lru_cache(maxsize=1 << 16)  # every sentence's for the event pairs, again for their keys and for other times
def values(sentence: str) -> tuple[tuple[str, str], ...]:
    """The values a sentence gives, each as its key and its surface: figures (in digits, with their scale
    word, or in words), weekdays and days of a month ("Feb. 14": "february 14")."""
    masked = CODE.sub(lambda m: " " * len(m[0]), CLOCK.sub(lambda m: " " * len(m[0]), sentence))
    found = []
    for match in SCALED.finditer(masked):
        number, scale = match[1], match[2]
        found.append((scaled(number, scale) if scale else re.sub(r"\D", "", number), match[0]))
    found += [(NUMBER_WORDS[m[0].lower()], m[0]) for m in SPELLED.finditer(masked)]
    found += [(m[0].lower(), m[0]) for m in WEEKDAY.finditer(sentence)]
    for match in MONTH_DAY.finditer(sentence):
        found.append((f"{MONTH_NAMES[month_number(match['month'])]} {match['day']}", match[0]))
    return tuple((key, surface) for key, surface in found if key)


@lru_cache(maxsize=1 << 16)
def event_keys(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's values each with the lemma of the verb it hangs from ("arrest sunday", "detect 300"),
    and those of them whose verb tells the sentence's claim (:func:`.parse.main_verbs`), not a clause of
    it ("the woman who killed her two children ... was scheduled for a hearing")."""
    given = values(sentence)
    verbs = event_verbs(sentence, [surface for _, surface in given])
    keys = {
        (verb, f"{SYNONYMS.get(verb, verb)} {key}")
        for (key, _), verb in zip(given, verbs, strict=True)
        if verb and verb not in REPORTING and verb not in LIGHT_VERBS
    }
    mains = {lemma for lemma, _ in main_verbs(sentence)} if keys else set()
    return frozenset(k for _, k in keys), frozenset(k for verb, k in keys if verb in mains)


# A verb's arguments by the role they play in its claim, one role for the active and the passive voice
# ("police arrested McDowell", "McDowell was arrested by police"), and the objects of its prepositions
# ("arrested in Palm Coast").
ROLES = {"nsubj": "who", "agent": "who", "nsubjpass": "what", "dobj": "what", "obj": "what", "dative": "what",
         "attr": "what", "acomp": "what", "oprd": "what", "npadvmod": "when", "prep": "where"}  # fmt: skip
# Words that qualify an argument's head and belong to it ("the Facebook account", "two children"); an
# owner does not ("Johnson's cruiser" is not Johnson).
ARGUMENT_WORDS = frozenset(("compound", "amod", "nummod"))
# Verbs too light to tell an event with their arguments alone ("took a moment", "took aim").
FRAME_LIGHT = LIGHT_VERBS | frozenset("do take make get give go come put keep let".split())


# Passive verbs that lead to the claim of the verb after them ("is expected to sign", "was ordered to
# pay"); after another passive verb, an infinitive tells a purpose ("was launched to find"). General English.
LEADING_PASSIVES = frozenset(
    """expect schedule set suppose slate poise plan due believe think say report know rumor allege
    require force ask order urge allow permit oblige compel forbid bar ban sentence""".split()
)


Frame = tuple[str, frozenset[str], frozenset[str]]  # a verb, who does it, and the words of what it takes


@lru_cache(maxsize=1 << 16)
def frames(sentence: str) -> tuple[Frame, ...]:
    """The sentence's main verbs (:func:`.parse.main_verbs`, with the verbs joined to them), each with the
    words of its subject and those of its other arguments by role: "Steck said he did not touch or move
    the bodies" gives ("not move", {}, {"what bodi"}); a pronoun names nobody and is left out."""
    mains = {form for _, form in main_verbs(sentence)}
    if not mains:
        return ()
    doc = parsed([sentence])[0]
    heads = list(dict.fromkeys(_told(t) for t in doc if t.pos_ == "VERB" and t.lower_ in mains))
    heads += [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    found = []
    for head in heads:
        verb = SYNONYMS.get(head.lemma_.lower(), head.lemma_.lower())
        if verb in REPORTING or verb in FRAME_LIGHT:
            continue
        if any(c.dep_ == "neg" for c in head.children):
            verb = f"not {verb}"  # "has not been charged" denies what "was charged" tells
        taken = [(role, stem(word.lower_)) for role, word in _arguments(head)]
        who = frozenset(w for role, w in taken if role == "who")
        found.append((verb, who, frozenset(f"{role} {w}" for role, w in taken if role != "who")))
    return tuple(found)


def event_pairs(texts: list[str], articles: list[str]) -> list[tuple[int, int]]:
    """Pairs of rows of different articles that hang one value from one verb (:func:`event_keys`), the
    sentence's own verb in at least one of them; only sentences sharing a value with another article are
    parsed."""
    by_value: dict[str, set[int]] = defaultdict(set)
    for row, text in enumerate(texts):
        for key, _ in values(text):
            by_value[key].add(row)
    wanted = sorted({r for rows in by_value.values() if len({articles[r] for r in rows}) > 1 for r in rows})
    parse_together([texts[row] for row in wanted])
    by_key: dict[str, list[int]] = defaultdict(list)
    mains = {}
    for row in wanted:
        keys, mains[row] = event_keys(texts[row])
        for key in keys:
            by_key[key].append(row)
    pairs = {
        (i, j)
        for key, rows in by_key.items()
        for i, j in itertools.combinations(rows, 2)
        if articles[i] != articles[j] and (key in mains[i] or key in mains[j])
    }
    return sorted(pairs)


def parse_together(texts: list[str]) -> None:
    """Parse the texts not yet parsed in batches (spaCy runs several times faster so than one by one), for
    the readings here that take them one at a time."""
    if shared() is not None and texts:
        parsed(texts)


def other_times(a: str, b: str) -> bool:
    """Whether both sentences tell when (a year, a weekday, a date) and share no time: "will travel to North
    Korea on Tuesday" and "traveled to Pyongyang in 2000" are two journeys."""
    times = [{key for key, _ in values(text) if not key.isdigit()} | calendar_figures(text)[0] for text in (a, b)]
    return all(times) and not times[0] & times[1]


def years_apart(a: str, b: str, reference_a: Reference, reference_b: Reference) -> bool:
    """Whether two sentences' main clauses date their events, as the timeline reads them against their
    articles' days (:func:`.timeline_calendar.reference_dates`), YEARS_APART years apart or more: "will travel
    to Pyongyang on Tuesday", in an article of June 2024, and "traveled to Pyongyang in 2000" tell two
    journeys, however alike their words. Nearer dates may tell one event: from two time zones or ends of a
    night ("late Monday", "on Tuesday"), or a year off in one outlet ("a year later")."""
    years = _event_years(a, reference_a), _event_years(b, reference_b)
    return all(years) and all(abs(x - y) >= YEARS_APART for x in years[0] for y in years[1])


@lru_cache(maxsize=1 << 14)  # the report's trim tests a sentence against each sentence of its facts
def _event_years(text: str, reference: Reference) -> frozenset[int]:
    """The years of the dates a sentence's main clauses give their events (:func:`.timeline.event_dates`)."""
    return frozenset(int(v[:4]) for v in event_dates(text, *reference, fallback=False))


def same_frame(a: str, b: str) -> bool:
    """Whether two sentences tell one event: a main verb of each is the same verb, taking a same word in
    the same role, and done by the same one when both say who ("The U.S. Coast Guard rescued a 58-year-old
    man" and "The U.S. Coast Guard and a team of police eventually rescued Hackett"; not "The White House
    expressed concern" and "South Korean officials expressed concern")."""
    for verb, who, what in frames(a):
        for other, who_other, what_other in frames(b):
            if verb != other or (who and who_other and not who & who_other):
                continue
            if what & what_other or (who & who_other and (what or what_other)):
                return True
    return False


def other_events(a: str, b: str) -> bool:
    """Whether two sentences tell two things one doer did to one thing: their main verbs differ, and a
    main verb of each has the same doer and takes a same word ("the Coast Guard helicopter team spotted
    Hackett" and "the Coast Guard and a team of police eventually rescued Hackett")."""
    mine, theirs = frames(a), frames(b)
    if {verb for verb, _, _ in mine} & {verb for verb, _, _ in theirs}:
        return False
    return any(who & who_other and what & what_other for _, who, what in mine for _, who_other, what_other in theirs)


def _told(verb: Token) -> Token:
    """The verb that tells the claim, for a verb a main verb leads to: "to find" in "an operation was
    launched to find and rescue Hackett" tells what the operation was for, not that he was found, and
    the claim is the passive verb it serves, unless that verb tells what is expected or obliged of its
    subject ("is expected to sign", "was ordered to pay"), whose claim is the verb it leads to."""
    while verb.dep_ == "xcomp" and _passive(verb.head) and verb.head.lemma_.lower() not in LEADING_PASSIVES:
        verb = verb.head
    return verb


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _arguments(head: Token) -> list[tuple[str, Token]]:
    """The content words of a verb's arguments with their roles, and the words that qualify them."""
    found = []
    for child in head.children:
        role = ROLES.get(child.dep_)
        if role is None:
            continue
        taken = [child] if child.dep_ not in ("prep", "agent") else [c for c in child.children if c.dep_ == "pobj"]
        for word in taken:
            for part in (word, *[c for c in word.children if c.dep_ in ARGUMENT_WORDS]):
                named = part.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") and any(c.isalpha() for c in part.text)
                if named and part.lower_ not in STOPWORDS:
                    found.append((role, part))
    return found
