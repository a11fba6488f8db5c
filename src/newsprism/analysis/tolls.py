"""Conflicts over one day's toll: "As many as 125 people died across Syria on Monday" against "At least 144
people were reported killed Monday, including 64 who died at a checkpoint".

Outlets seldom write a toll in reworded sentences (one leads with it, another tucks it into a quotation of an
activists' group), so the sentences are often in no shared fact, and "died" and "killed" share no stem. What
ties two counts here is what they count (the counted noun, "people"), what befell it (a death or an injury,
whatever the word) and the day (:mod:`.moments`: both sentences name one, and no different ones). Each must be
the only such count its article gives for that day and place, a part of another ("including 64 who died")
left out, and the two must be close (within :data:`CLOSE`): a whole and its part, or two places' tolls, are more often
further apart. Such a pair is a possible difference only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..records import Conflict, Sentence
from .moments import sides_share_a_moment
from .named_amounts import NOT_NAMES, agree, close_but_different, once_per_pair, sides_of
from .sentence_values import mentions
from .values import DEFAULT, Mention, ValuesConfig

CONFIDENCE = 0.5
REASON = "the only count each article gives of one kind of casualty on one day, close but different"
# What befalls the people counted, by the words told of it (cut to the stem length of values.py).
CASUALTIES = {
    "killed": ("killed", "kills", "kill", "killing", "died", "dies", "dead", "deaths", "death", "perished"),
    "injured": ("injured", "injuries", "injuring", "wounded", "wounding", "hurt"),
}
# A count that is a part of another told beside it ("including 64 who died", "among them 12 children").
PART = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+them|of\s+whom)\s+$", re.I)
# The place a toll is of, named in its clause ("104 people were killed Monday in Homs"); a toll that names
# none may be of any place, the whole's ("At least 144 people were reported killed Monday").
PLACE = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+)")
CLAUSE_END = re.compile(r"[,;:(—–]")
# How far apart (the larger over the smaller) two tolls of one day may be to be taken for one toll misreported
# or updated: 125 and 144 are 1.15 apart; a city's toll and the country's, or the dead and the dead and
# wounded, are most often further apart.
CLOSE = 1.25


def toll_conflicts(
    sentences: list[Sentence], moments: list[frozenset[str]], config: ValuesConfig = DEFAULT
) -> list[Conflict]:
    """Possible differences between two articles' only tolls of one kind of casualty on one day (``moments``:
    the days each sentence names, :mod:`.moments`)."""
    stems = {c: frozenset(w[: config.stem] for w in words) for c, words in CASUALTIES.items()}
    tolls: dict[tuple[str, str, str], list[Toll]] = defaultdict(list)  # (article, casualty, kind): counts
    for row, sentence in enumerate(sentences):
        if not moments[row]:
            continue
        for mention in mentions(row, sentence.text, None, config):
            if (
                not mention.kind.startswith("number of ")
                or mention.role
                or PART.search(sentence.text[: mention.span[0]])
            ):
                continue
            for casualty, words in stems.items():
                if mention.around & words:
                    toll = Toll(mention, _place(sentence.text, mention))
                    tolls[(sentence.article, casualty, mention.kind)].append(toll)
    conflicts = []
    for (article_a, casualty, kind), found_a in tolls.items():
        for (article_b, casualty_b, kind_b), found_b in tolls.items():
            if article_a >= article_b or (casualty, kind) != (casualty_b, kind_b):
                continue
            for a in found_a:
                for b in found_b:
                    if (
                        close_but_different(a.count, b.count, CLOSE)
                        and _same_place(a.place, b.place)
                        and sides_share_a_moment([[a.count.row], [b.count.row]], moments)
                        and _alone(a, b, found_a, moments)
                        and _alone(b, a, found_b, moments)
                    ):
                        conflicts.append(_conflict(a.count, b.count, casualty, sentences))
    return once_per_pair(conflicts)


@dataclass(frozen=True, slots=True)
class Toll:
    count: Mention
    place: str  # named in its clause, lower case; "" when none


def _place(text: str, mention: Mention) -> str:
    """The capitalised place named in the clause of a count or in the sentence's opening phrase ("In Homs,
    125 people died"), not a day or a month; "" when none."""
    start, end = mention.span
    before = CLAUSE_END.split(text[:start])[-1]
    after = CLAUSE_END.split(text[end:])[0]
    opening = CLAUSE_END.split(text)[0] if PLACE.match(text.lstrip()) else ""
    clauses = f"{before} {after} {opening}"
    places = [m["place"] for m in PLACE.finditer(clauses) if m["place"].lower() not in NOT_NAMES]
    return places[0].lower() if places else ""


def _same_place(a: str, b: str) -> bool:
    return not a or not b or a == b


def _alone(toll: Toll, against: Toll, others: list[Toll], moments: list[frozenset[str]]) -> bool:
    """Whether every other toll of its article that may be of the toll's day and of both tolls' place
    agrees with it: "104 people were killed Monday in Homs" is not of the place of one "across Syria"."""
    return all(
        agree(toll.count, other.count)
        for other in others
        if _same_place(other.place, toll.place)
        and _same_place(other.place, against.place)
        and sides_share_a_moment([[toll.count.row], [other.count.row]], moments)
    )


def _conflict(a: Mention, b: Mention, casualty: str, sentences: list[Sentence]) -> Conflict:
    low, high = sorted((a, b), key=lambda m: m.value)
    sides = sides_of(low, high, sentences)
    about = f"{a.kind} {casualty}"
    return Conflict("", about, sides, kind="number", reasons=(REASON,), confidence=CONFIDENCE)
