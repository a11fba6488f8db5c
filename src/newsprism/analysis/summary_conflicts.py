"""How the summary tells a conflict: one side's sentence with the other values beside its own, each
attributed to its outlets, so the story reads on without taking a side; and which sentences would
take one."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..records import Article, Conflict, ConflictSide, SummarySentence
from ..text.dates import MONTH_RE
from .speakers import ABOUT as QUOTATION
from .speakers import gives_speaker
from .summary_order import dependent

# Words telling that a visit or a meeting took place, as nouns and as verbs. A sentence telling, with its
# month, the event a place conflict is about ("The leaders last met in September at a spaceport in
# Russia's far east") says where it was in words of its own, and so sides with one outlet ("Vostochny
# cosmodrome") against another ("Vladivostok") without holding either value.
EVENT_TOLD = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trips?|meet(?:s|ings?)?|met|summits?|talks|travell?(?:ed|ing)|travels?|hosted)\b",
    re.IGNORECASE,
)
MONTH = re.compile(rf"\b{MONTH_RE}(?!\w)")
# Words within which the month must follow the event word (as in the place conflicts' own reading).
EVENT_WINDOW = 8


def state_conflict(
    conflict: Conflict,
    articles: dict[str, Article],
    cites: Callable[[str, str], bool],
    elsewhere: Callable[[str], bool],
) -> SummarySentence:
    """The most widely reported side's sentence that most of its sources state, citing them (not one that
    takes a side in another conflict, ``elsewhere``), with the other values beside its own, each
    attributed to its outlets ("24 years (“nearly two decades”, according to 1 other source: Yonhap)"),
    so the story reads on without taking a side; a plain statement of the sides when no sentence holds
    its value as written."""
    ordered = sorted(conflict.sides, key=lambda side: -len(side.sources))
    sources = tuple(dict.fromkeys(s for side in conflict.sides for s in side.sources))
    others = "; ".join(
        f"“{_short(side.value)}”, according to {_attribution(side.sources, articles)}" for side in ordered[1:]
    )
    told = []
    for sentence in {e.sentence for e in ordered[0].evidence if not elsewhere(e.sentence)}:
        wording = next((w for w in _wordings(ordered[0].value) if w in sentence), None)
        cited = tuple(a for a in ordered[0].sources if cites(a, sentence))
        if wording and cited:  # one that reads alone first ("A day later, Johnson, 25, ..." leans on its article)
            told.append((not dependent(sentence), len(cited), -len(sentence), sentence, wording, cited))
    if told:
        *_, sentence, wording, cited = max(told)
        return SummarySentence(sentence.replace(wording, f"{wording} ({others})", 1), cited)
    sides = " against ".join(
        f"“{_short(side.value)}” ({len(side.sources)} source{'s' if len(side.sources) > 1 else ''})" for side in ordered
    )
    return SummarySentence(f"Sources disagree on a {conflict.about}: {sides}.", sources)


def _attribution(sources: tuple[str, ...], articles: dict[str, Article]) -> str:
    """ "another source", "1 other source: Yonhap", "2 other sources: Yonhap, KCNA" or "3 other sources:
    Yonhap and 2 more": an article is named by its outlet, and only counted when it has none (its id
    means nothing to a reader, and the sources' list already points at it).

    >>> named, bare = Article("a", "", outlet="Yonhap"), Article("001_d00993bdb1b14b3e", "")
    >>> arts = {"a": named, bare.id: bare, "c": Article("c", "")}
    >>> [_attribution(s, arts) for s in (("a",), (bare.id,), ("a", bare.id, "c"), (bare.id, "c"))]
    ['1 other source: Yonhap', 'another source', '3 other sources: Yonhap and 2 more', '2 other sources']
    """
    names = list(dict.fromkeys(o for a in sources if (o := articles[a].outlet)))
    unnamed = sum(1 for a in sources if not articles[a].outlet)
    if not names:
        return "another source" if len(sources) == 1 else f"{len(sources)} other sources"
    listed = ", ".join(names) + (f" and {unnamed} more" if unnamed else "")
    return f"{len(sources)} other source{'s' if len(sources) > 1 else ''}: {listed}"


def lends_a_value(sentence: str, sources: tuple[str, ...], conflicts: tuple[Conflict, ...]) -> bool:
    """Whether ``sentence`` holds one side's value of a conflict while citing a source of another side:
    a fact told in it would put "24 years" in the mouth of the outlet that said "nearly two decades". Of a
    conflict over who said a quotation, the value is the speaker the sentence gives the quotation to (the
    name told elsewhere lends nothing). Of a contradiction ("overturn conviction" against "not impact
    conviction"), any sentence of the thing disputed takes a stance on it ("only a small number of
    convictions could now be appealed"), and cannot cite both sides."""
    for conflict in conflicts:
        for side in conflict.sides:
            others = {s for other in conflict.sides if other is not side for s in other.sources} - set(side.sources)
            if not others & set(sources):
                continue
            if conflict.kind == "contradiction":
                if _names_disputed(sentence, conflict) and set(side.sources) & set(sources):
                    return True
            elif conflict.about.startswith(QUOTATION):
                if gives_speaker(conflict, side.value, sentence):
                    return True
            elif any(_holds(sentence, w) for w in _wordings(side.value)):
                return True
    return False


def _names_disputed(sentence: str, conflict: Conflict) -> bool:
    """Whether a sentence names the noun a contradiction's sides state and deny (the last word of each side's
    value), in the singular or the plural."""
    nouns = {side.value.rsplit(" ", 1)[-1].lower() for side in conflict.sides}
    return len(nouns) == 1 and bool(re.search(rf"\b{re.escape(nouns.pop())}(?:s|es)?\b", sentence, re.IGNORECASE))


def takes_a_side(sentence: str, conflict: Conflict) -> bool:
    """Whether ``sentence`` tells one side of a conflict (not one over who said a quotation, which
    :func:`lends_a_value` reads): it holds one side's value, but not every side's, told as that side's
    evidence tells it (the same word before or after it: "ahead of his first visit in 24 years" beside
    "marking his first visit in 24 years"; not "pulled 12 people from the water" beside "injuring 12
    people", another claim with the same figure); or, of a conflict over where a dated event took place,
    it names one side's place, or tells that event with its month, wherever it places it.

    >>> from newsprism.records import ConflictSide, Evidence
    >>> a = "Kim invited Putin during a visit to Vladivostok in September."
    >>> b = "This visit follows their meeting in September at Russia's Vostochny cosmodrome."
    >>> sides = (ConflictSide("Vladivostok", ("a",), (Evidence("a", a),)),
    ...          ConflictSide("Vostochny cosmodrome", ("b",), (Evidence("b", b),)))
    >>> place = Conflict("", "place of the visit in September", sides, kind="place")
    >>> [takes_a_side(s, place) for s in ("The leaders last met in September at a spaceport.",
    ...     "They met in Vladivostok.", "They met in Russia's far east.",
    ...     "They met in Vladivostok or at the Vostochny cosmodrome.")]
    [True, True, False, False]
    """
    if conflict.about.startswith(QUOTATION):
        return False
    place = conflict.kind == "place"
    held = [[w for w in _wordings(side.value) if _holds(sentence, w)] for side in conflict.sides]
    if any(held):  # most sentences hold no side's value, and are not read for how they tell it
        alike = [
            any(place or _told_alike(sentence, w, side) for w in found)
            for found, side in zip(held, conflict.sides, strict=True)
        ]
        return any(alike) and not all(held)
    return place and _tells_event(sentence, conflict)


def _told_alike(sentence: str, wording: str, side: ConflictSide) -> bool:
    """Whether a value stands in ``sentence`` between the words it stands between in a sentence of its side."""
    around = _neighbours(sentence, wording)
    return any(
        a == b and a
        for e in side.evidence
        if _holds(e.sentence, wording)
        for a, b in zip(_neighbours(e.sentence, wording), around, strict=True)
    )


def _neighbours(sentence: str, wording: str) -> tuple[str, str]:
    """The words right before and right after a value's first mention in a sentence ("" at either end)."""
    found = re.search(rf"(?<!\w){re.escape(wording)}(?!\w)", sentence)
    if not found:
        return "", ""
    before, after = re.findall(r"\w+", sentence[: found.start()]), re.findall(r"\w+", sentence[found.end() :])
    return (before[-1].lower() if before else "", after[0].lower() if after else "")


def sides_elsewhere(sentence: str, conflict: Conflict, conflicts: tuple[Conflict, ...]) -> bool:
    """Whether a sentence gives a value of, or takes a side in, a conflict other than ``conflict``."""
    return any(sentence in evidence_of(c) or takes_a_side(sentence, c) for c in conflicts if c is not conflict)


def evidence_of(conflict: Conflict) -> set[str]:
    """The sentences that give a conflict's values."""
    return {e.sentence for side in conflict.sides for e in side.evidence}


def _holds(sentence: str, wording: str) -> bool:
    # the substring test first: a sentence is checked against every value of every conflict
    return wording in sentence and bool(re.search(rf"(?<!\w){re.escape(wording)}(?!\w)", sentence))


def _tells_event(sentence: str, conflict: Conflict) -> bool:
    """Whether a sentence tells a visit or meeting dated by a month every side's evidence names."""
    months = [
        {m.group(0).lower()[:3] for e in side.evidence for m in MONTH.finditer(e.sentence)} for side in conflict.sides
    ]
    dated = set.intersection(*months) if months else set()
    for event in EVENT_TOLD.finditer(sentence):
        after = " ".join(sentence[event.end() :].split()[:EVENT_WINDOW])
        if any(_month(m) in dated for m in MONTH.finditer(after)):
            return True
    return False


def _month(match: re.Match[str]) -> str:
    """ "Sept." and "September" alike."""
    return match.group(0).lower()[:3]


def conflict_place(
    conflict: Conflict, position: dict[str, tuple[int, int]], unplaced: tuple[int, int]
) -> tuple[int, int]:
    """Where a conflict's statement reads in the story: where its most widely reported side is first told."""
    widest = max(conflict.sides, key=lambda side: len(side.sources))
    return min((position.get(e.sentence, unplaced) for e in widest.evidence), default=unplaced)


@lru_cache(maxsize=1024)
def _wordings(values: str) -> tuple[str, ...]:
    """A side's wordings of its value, without newsprism's reading in brackets, shortest first (read once
    a value: every option of the summary is checked against every conflict)."""
    return tuple(sorted(dict.fromkeys(re.sub(r"\s*\([^)]*\)$", "", v) for v in values.split("; ")), key=len))


def _short(values: str) -> str:
    """A side's two shortest wordings: "24 years” or “since 2000"."""
    return "” or “".join(_wordings(values)[:2])
