"""Conflicts over the time between two events: "On May 15, the husband called Vasiliades … They agreed to
meet three days later" in one article, "the husband called Vasiliades … The next day, the group gathered
again" in another.

News tells the second of two events by its distance from the first, told just before it: a sentence
holding "the next day", "a day later", "three days later" or "two weeks later", with no event of its own
after the phrase ("two days after the crash" names its anchor, and is read elsewhere), dates its event
from the sentence before it (a quotation standing alone as a sentence tells no event and is passed over).
Two articles tell one such pair when both their anchors and both their events are close in meaning
(sentence vectors); giving the pair two different numbers of days, they disagree. The closeness of two
sentences is no proof that they tell one event, nor the sentence before the anchor the article meant:
always a possible difference.

>>> from newsprism.analysis.intervals import days_later
>>> days_later("They agreed to meet three days later, and the husband wore a wire.")
(3, 'three days later')
>>> days_later("The next day, the group gathered again in an office.")
(1, 'The next day')
>>> days_later("He was charged two days after the crash.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, pairwise

from ..embed import EmbeddedSentences
from ..records import Conflict, ConflictSide, Evidence
from .values import NUMBER_WORDS

UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
# "the next day", "the following morning": one day on; "a day later", "three days later", "two weeks
# later": that many. A vague count ("a few days later", "days later") is no number of days.
RELATIVE = re.compile(
    r"\b(?:(?P<next>the\s+(?:next|following)\s+(?:day|morning|evening|night))"
    rf"|(?P<count>\d+|{'|'.join(w for w in NUMBER_WORDS if w.isalpha())})\s+(?P<unit>days?|weeks?)\s+later)\b"
    r"(?!\s+(?:after|than|that|when)\b)",
    re.IGNORECASE,
)
# Cosine of two anchors' vectors (MiniLM) for one event: the husband's call to the lawyer told in two
# articles' words stands at 0.81, two different events of one story mostly below 0.7.
ANCHOR_SIMILARITY = 0.75
# Cosine of the two events' sentences: lower, since the sentence telling the later event also carries
# what happened at it ("They agreed to meet three days later, and the husband wore a recording device"
# against "The next day, the group gathered again in an office …": 0.60).
EVENT_SIMILARITY = 0.55
CONFIDENCE = 0.5
REASON = "two events told in the same order by both articles, the second dated a different number of days after"
# A sentence that is only a quotation ("“I think you should find him,”"): no event of the narration.
BARE_QUOTATION = re.compile(r"^\s*[“\"][^“”\"]*[”\"]?\s*$")


@dataclass(frozen=True, slots=True)
class Gap:
    anchor: int  # rows of the story's sentences
    event: int
    days: int
    phrase: str


def days_later(text: str) -> tuple[int, str] | None:
    """The number of days a sentence dates its event after the one told before it, with the phrase."""
    found = list(RELATIVE.finditer(text))
    if len(found) != 1:  # two such phrases date two events
        return None
    match = found[0]
    if match.group("next"):
        return 1, match.group(0)
    count = match.group("count").lower()
    number = int(count) if count.isdigit() else NUMBER_WORDS[count]
    return int(number * UNIT_DAYS[match.group("unit").lower()]), match.group(0)


def interval_conflicts(embedded: EmbeddedSentences) -> list[Conflict]:
    sentences = embedded.sentences
    gaps = [gap for article in dict.fromkeys(s.article for s in sentences) for gap in _gaps(embedded, article)]
    conflicts: list[Conflict] = []
    seen: set[frozenset[int]] = set()
    for a, b in combinations(gaps, 2):
        if sentences[a.event].article == sentences[b.event].article or a.days == b.days:
            continue
        anchors, events = embedded.similarity([a.anchor], [b.anchor]), embedded.similarity([a.event], [b.event])
        if anchors[0, 0] < ANCHOR_SIMILARITY or events[0, 0] < EVENT_SIMILARITY:
            continue
        if (key := frozenset((a.event, b.event))) in seen:
            continue
        seen.add(key)
        opening = " ".join(sentences[a.anchor].text.split()[:8])
        sides = tuple(
            ConflictSide(
                g.phrase,
                (sentences[g.event].article,),
                tuple(Evidence(sentences[r].article, sentences[r].text) for r in (g.anchor, g.event)),
            )
            for g in (a, b)
        )
        about = f"days between two events: “{opening}…” and what followed"
        conflicts.append(Conflict("", about, sides, kind="date", reasons=(REASON,), confidence=CONFIDENCE))
    return conflicts


def _gaps(embedded: EmbeddedSentences, article: str) -> list[Gap]:
    rows = embedded.rows(article)
    told = [r for r in rows if not BARE_QUOTATION.match(embedded.sentences[r].text)]
    gaps = []
    for before, row in pairwise(told):
        if found := days_later(embedded.sentences[row].text):
            gaps.append(Gap(before, row, *found))
    return gaps
