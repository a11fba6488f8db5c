"""Story analysis: named entities, resolved across the story's articles.

Mentions come from a :class:`Recognizer`: spaCy's (``ner.py``) when installed, else the fallback
here, which finds capitalised spans and types them from general cues (role words before
a name, organisation words inside it, a gazetteer of countries). Resolution merges spelling variants
by general rules: transliteration variants (Sergey/Sergei, Yuri/Yury, Zelenskiy/Zelensky), hyphens
and spacing (Kim Jong-un/Kim Jong Un), surname-only mentions of a full name in the same story, and
acronyms (initials of a longer name, or a short list of well-known ones).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Protocol

from ..records import Entity, Story
from ..text.tokens import STOPWORDS, fold
from ..validate import check_range

VERSION = "2"

# A one-word name needs at least this many mentions to be an entity: once is as often a capitalised
# common word ("Western", a sentence's first word) as a name.
MIN_MENTIONS = 2
# A surname alone ("Lavrov") joins the full name it ends or begins ("Sergey Lavrov") when that is the
# story's only such person, or mentioned at least this many times as often as the next: a family name
# two people share stays apart unless one of them is clearly the story's.
SURNAME_DOMINANCE = 2


@dataclass(frozen=True, kw_only=True)
class EntitiesConfig:
    """The tuned thresholds of entity resolution."""

    min_mentions: int = MIN_MENTIONS
    surname_dominance: float = SURNAME_DOMINANCE

    def __post_init__(self) -> None:
        check_range("min mentions", self.min_mentions, 1, 100)
        check_range("surname dominance", self.surname_dominance, 1.0, 100.0)


DEFAULT = EntitiesConfig()

# A name runs over capitalised words and the particles inside names; a possessive ends it.
NAME_WORD = r"(?:[A-Z][\w.-]*(?:[’'](?![sS]\b)\w+)?|(?<!\w)(?:of|the|de|al|bin|von|van|la|le|du)(?!\w))"
SPAN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*")
ROLE_WORDS = set(
    """president minister prime foreign defense defence deputy first health transport leader chief head
    spokesman spokeswoman spokesperson secretary chairman chancellor king queen prince governor mayor
    senator general ambassador aide director ceo judge pope mr mrs ms dr prof sen rep gov gen commander
    envoy premier lawmaker official then-dictator dictator state national security council natural
    resources of new""".split()
)
ORG_WORDS = set(
    """agency ministry council university office party bank company inc corp association news times post
    railway railways committee commission union organization organisation institute foundation group
    court parliament army navy police department house kremlin pentagon nato daily press tass sinmun
    fund reuters nations ministries federation network television""".split()
)
FACILITY_WORDS = {"square", "palace", "church", "cosmodrome", "guesthouse", "street", "airport", "stadium"}
PLACE_WORDS = set(
    """east west peninsula sea ocean gulf region valley coast river island islands mountains province city
    county state""".split()
)
EVENT_WORDS = set(
    """agreement treaty war summit pact accord operation pandemic games olympics election elections
    conference forum act""".split()
)
COUNTRIES = {
    fold(c)
    for c in """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh Belarus
    Belgium Bolivia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus
    Czechia Denmark Ecuador Egypt Estonia Ethiopia Finland France Georgia Germany Ghana Greece Hungary
    India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kuwait Laos Latvia
    Lebanon Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Myanmar Nepal Netherlands Nigeria
    Norway Pakistan Palestine Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Serbia Singapore
    Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia Turkey Uganda
    Ukraine Uzbekistan Venezuela Vietnam Yemen Zimbabwe Europe Asia Africa America""".split()
} | {
    "north korea",
    "south korea",
    "united states",
    "united kingdom",
    "saudi arabia",
    "new zealand",
    "south africa",
    "soviet union",
    "far east",
    "crimea",
    "gaza",
    "kyiv",
    "moscow",
    "beijing",
    "seoul",
    "washington",
    "tokyo",
    "london",
    "paris",
    "berlin",
    "pyongyang",
    "vladivostok",
    "tehran",
}
KNOWN_ACRONYMS = {
    "dprk": "north korea",
    "rok": "south korea",
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "prc": "china",
    "ussr": "soviet union",
    "un": "united nations",
    "eu": "european union",
    "uae": "united arab emirates",
}
LEADING_NOISE = set(
    """the a an in on at but and as when after before during upon meanwhile however while since with among
    according""".split()
)
MONTHS_AND_DAYS = set(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
DEMONYM = re.compile(r"(?:ian|ean|ican|ese|ish|ern)$")
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    text: str
    type: str


def translit_key(name: str) -> str:
    """A spelling-insensitive key: ``translit_key("Sergey") == translit_key("Sergei")``.

    >>> translit_key("Kim Jong-un") == translit_key("Kim Jong Un")
    True
    >>> translit_key("Zelenskiy") == translit_key("Zelensky")
    True
    """
    tokens = re.sub(r"[-‐–.]", " ", fold(name)).replace("'s", "").split()
    keyed = []
    for token in tokens:
        token = re.sub(r"(?:iy|yy|ij|ii)$", "y", token)
        token = re.sub(r"(?:ey|ej)$", "ei", token)
        token = token.replace("y", "i").replace("kh", "h").replace("ks", "x")
        keyed.append(re.sub(r"(.)\1", r"\1", token))
    return " ".join(keyed)


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
    text = " ".join(tokens).strip(".,’'")
    if not text or text.lower() in STOPWORDS or text.lower() in MONTHS_AND_DAYS:
        return None
    following = sentence[match.end() :].split()
    modifies = not following or following[0][:1].islower()
    if DEMONYM.search(fold(tokens[-1])) and fold(text) not in COUNTRIES and modifies:
        return None  # "North Korean leader", "Western sanctions": an adjective, not a name
    kind = _guess_type(text, bool(roles))
    return Mention(article_id, text, kind) if kind else None


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
        common = frozenset(w for a in story.articles for w in re.findall(r"(?<![.!?]\s)\b[a-z]+", a.text))
        return [m for a in story.articles for s in a.sentences for m in find_mentions(a.id, s, common)]


# Characters no name holds: markup, links and list separators scraped with the text.
MARKUP = re.compile(r"[/\\\[\]{}<>=@#*|]|https?:|www\.")
LETTER = re.compile(r"[^\W\d_]")


def resolve_entities(
    story: Story, recognizer: Recognizer | None = None, config: EntitiesConfig = DEFAULT
) -> tuple[Entity, ...]:
    """Entities of a story with their aliases and the articles that mention them."""
    mentions = [m for m in (recognizer or RuleRecognizer()).mentions(story) if is_name(m.text)]
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        key = translit_key(mention.text)
        groups[KNOWN_ACRONYMS.get(key.replace(" ", ""), key)].append(mention)
    _merge_surnames(groups, config)
    _merge_acronyms(groups)
    entities = [entity for entity in (_entity(members, config) for members in groups.values()) if entity is not None]
    return tuple(sorted(entities, key=lambda e: (-len(e.sources), e.type, e.name)))


def is_name(text: str) -> bool:
    """Whether a recognised span can be a name: it holds a letter, no markup or link characters (a
    scraped "Tweet @nikkihaley", "Splits/AP Images]", "North/ Central New Jersey"; "AT&T" is one), and does not
    end on a dash or a joining mark.

    >>> [is_name(t) for t in ("Kim Jong Un", "Splits/AP Images]", "Tweet @nikkihaley &", "-", "Lyon -")]
    [True, False, False, False, False]
    """
    return bool(LETTER.search(text)) and not MARKUP.search(text) and not text.rstrip().endswith(("-", "–", "—", ","))


def _entity(members: list[Mention], config: EntitiesConfig) -> Entity | None:
    """One entity of its mentions, named by its most used form of several words; None for a one-word
    name mentioned too seldom."""
    forms = Counter(m.text for m in members)
    name = max(forms, key=lambda f: (len(f.split()) > 1, forms[f], len(f)))
    if len(members) < config.min_mentions and len(name.split()) < 2:
        return None
    aliases = tuple(sorted(f for f in forms if f != name))
    return Entity(name, _main_type(members), aliases, tuple(dict.fromkeys(m.article for m in members)))


def _main_type(members: list[Mention]) -> str:
    return Counter(m.type for m in members).most_common(1)[0][0]


def _merge_surnames(groups: dict[str, list[Mention]], config: EntitiesConfig) -> None:
    """Attach "Lavrov" to "Sergey Lavrov" when exactly one full name in the story ends that way (or one
    is mentioned far more often than the others)."""
    full = [k for k in groups if len(k.split()) > 1]
    for key in [k for k in groups if len(k.split()) == 1]:
        candidates = [f for f in full if f.split()[-1] == key or f.split()[0] == key]
        people = [c for c in candidates if _main_type(groups[c]) == "PERSON"]
        if not people:
            continue
        people.sort(key=lambda c: -len(groups[c]))
        if len(people) == 1 or len(groups[people[0]]) >= config.surname_dominance * len(groups[people[1]]):
            groups[people[0]].extend(groups.pop(key))


def _merge_acronyms(groups: dict[str, list[Mention]]) -> None:
    """Attach "KCNA" to "Korean Central News Agency": an acronym made of a longer name's initials."""
    initials = {
        "".join(w[0] for w in k.split() if w not in {"of", "the", "and"}): k for k in groups if len(k.split()) > 2
    }
    for key in [k for k in groups if " " not in k]:
        target = initials.get(key)
        if target and target in groups:
            groups[target].extend(groups.pop(key))
