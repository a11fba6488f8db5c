"""Story analysis: named entities, resolved across the story's articles.

Mentions come from a :class:`Recognizer`: spaCy's (``ner.py``) when installed, else the fallback
here, which finds capitalised spans and types them from general cues (role words before
a name, organisation words inside it, a gazetteer of countries). Each mention's form is cleaned to
the name alone (``name_forms.py``: no title, no words after it, no markup); resolution
(``entity_merge.py``) then joins spelling variants (Sergey/Sergei, Kim Jong-un/Kim Jong Un, U.S./US),
acronyms of names the story spells, shortened names and surnames of the story's one full name of that
kind, and links each entity to the sentences that mention it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from ..embed import EmbeddedSentences
from ..records import Entity, Story
from ..text.tokens import STOPWORDS, fold
from ..validate import check_range
from .entity_merge import Mention, resolve
from .entity_words import (
    COUNTRIES,
    DEMONYM,
    EVENT_WORDS,
    FACILITY_WORDS,
    KNOWN_ACRONYMS,
    LEADING_NOISE,
    MONTHS_AND_DAYS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
)
from .name_forms import tidy_name, translit_key
from .scripts import join_across_scripts

__all__ = ["KNOWN_ACRONYMS", "MONTHS_AND_DAYS", "ORG_WORDS", "ROLE_WORDS", "Mention", "translit_key"]

VERSION = "4"

# A one-word name needs at least this many mentions to be an entity: once is as often a capitalised
# common word ("Western", a sentence's first word) as a name.
MIN_MENTIONS = 2


@dataclass(frozen=True, kw_only=True)
class EntitiesConfig:
    """The tuned thresholds of entity resolution."""

    min_mentions: int = MIN_MENTIONS

    def __post_init__(self) -> None:
        check_range("min mentions", self.min_mentions, 1, 100)


DEFAULT = EntitiesConfig()

# A name runs over capitalised words and the particles inside names; a possessive ends it.
NAME_WORD = r"(?:[A-Z][\w.-]*(?:[’'](?![sS]\b)\w+)?|(?<!\w)(?:of|the|de|al|bin|von|van|la|le|du)(?!\w))"
SPAN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*")


def find_mentions(article_id: str, sentence: str, common: frozenset[str] = frozenset()) -> list[Mention]:
    """Capitalised spans of one sentence, with a type guessed from the words around and inside.

    ``common`` holds words seen in lower case elsewhere: capitalised only because they open the
    sentence, they are not part of a name.
    """
    found = (_span_mention(article_id, sentence, match, common) for match in SPAN.finditer(sentence))
    return [mention for mention in found if mention is not None]


def _span_mention(article_id: str, sentence: str, match: re.Match[str], common: frozenset[str]) -> Mention | None:
    """The name in one capitalised span, without the words around it that are no part of it, and its type."""
    tokens = match.group(0).split()
    if match.start() == 0 and tokens and (tokens[0].lower() in common or tokens[0].endswith(("ing", "ly"))):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in {"of", "the", "de", "la", "le", "al", "du"}:
        tokens.pop()
    roles = [i for i, t in enumerate(tokens[:-1]) if t.lower().strip(".") in ROLE_WORDS]
    if roles:  # "South Korean Foreign Minister Cho Tae-yul": the name follows the last role word
        tokens = tokens[roles[-1] + 1 :]
    while tokens and tokens[0].lower() in LEADING_NOISE:
        tokens.pop(0)
    tidied = tidy_name(" ".join(tokens))
    if tidied is None or tidied[0].lower() in STOPWORDS or tidied[0].lower() in MONTHS_AND_DAYS:
        return None
    text, titled = tidied
    following = sentence[match.end() :].split()
    modifies = not following or following[0][:1].islower()
    if DEMONYM.search(fold(text.split()[-1])) and fold(text) not in COUNTRIES and modifies:
        return None  # "North Korean leader", "Western sanctions": an adjective, not a name
    kind = _guess_type(text, bool(roles) or titled)
    return Mention(article_id, text, kind, sentence, bool(roles) or titled) if kind else None


def _guess_type(text: str, role: bool) -> str | None:
    lowered = fold(text)
    words = lowered.split()
    if lowered in COUNTRIES or lowered in KNOWN_ACRONYMS:
        return "GPE"
    if any(w in FACILITY_WORDS for w in words):
        return "FAC"
    if any(w in EVENT_WORDS for w in words):
        return "EVENT"
    if any(w in ORG_WORDS for w in words) or (text.isupper() and len(text) >= 3):
        return "ORG"
    if any(w in PLACE_WORDS for w in words):
        return "LOC"
    if role or 2 <= len(words) <= 4:
        return "PERSON"
    return "PERSON" if len(text) > 3 else None


class Recognizer(Protocol):
    """Finds entity mentions in a story's sentences; ``name`` goes into the report."""

    name: str

    def mentions(self, story: Story) -> list[Mention]: ...


class RuleRecognizer:
    """The fallback: capitalised spans typed by cues and a gazetteer (see :func:`find_mentions`)."""

    name = "rules"

    def mentions(self, story: Story) -> list[Mention]:
        common = common_words(story)
        return [m for a in story.articles for s in a.sentences for m in find_mentions(a.id, s, common)]


def common_words(story: Story) -> frozenset[str]:
    """The story's words written in lower case other than after a sentence's end: a capitalised one
    of them that opens a sentence is no name."""
    return frozenset(w for a in story.articles for w in re.findall(r"(?<![.!?]\s)\b[a-z]+", a.text))


def resolve_entities(
    story: Story,
    recognizer: Recognizer | None = None,
    config: EntitiesConfig = DEFAULT,
    embedded: EmbeddedSentences | None = None,
) -> tuple[Entity, ...]:
    """Entities of a story with their aliases, the articles that mention them and the sentences that do;
    with the story's sentence vectors, also the forms other scripts give them (``scripts.py``)."""
    mentions = (recognizer or RuleRecognizer()).mentions(story)
    entities = resolve((m for m in mentions if is_name(m.text)), config.min_mentions)
    if embedded is not None:
        entities = join_across_scripts(entities, story, embedded)
    return tuple(sorted(entities, key=lambda e: (-len(e.sources), e.type, e.name)))


def is_name(text: str) -> bool:
    """Whether a recognised span is a name as it stands (recognisers give names cleaned by
    :func:`~newsprism.analysis.name_forms.tidy_name`; this refuses a plugin's scraped markup and link
    text): "Tweet @nikkihaley", "Splits/AP Images]", "North/ Central New Jersey"; "AT&T" is one.

    >>> [is_name(t) for t in ("Kim Jong Un", "Splits/AP Images]", "Tweet @nikkihaley &", "-", "Lyon -")]
    [True, False, False, False, False]
    """
    return tidy_name(text) == (text, False)
