"""Story analysis, part of entities: the variants of one name joined into one entity.

Mentions whose forms share a key (:func:`~newsprism.analysis.name_forms.name_key`) are one name.
Groups of different keys are then joined by rules that hold in general, each only when the story
holds exactly one candidate, and never across kinds (a person with a person, an organisation with an
organisation):

- an acronym and the one longer name it abbreviates, the story spelling both ("KCNA", "MBS");
- an organisation and the one longer organisation it shortens ("Capitol Police", "U.S. Capitol Police");
- a person's full name and a variant of it: a middle name or initial left out ("Donald Trump",
  "Donald J. Trump"), a pet form ("Steve", "Steven"), a misspelt word ("Cornad Anker");
- a single name and the one full name of the story it begins or ends ("Lavrov", "Devin"). A surname
  two full names share ("Hockley" of Nicole and Dylan Hockley) tells no reader who is meant: it is
  left out rather than given to either. A single name the recogniser reads every time as an
  organisation ("Gallup", the polling firm, beside its founder George Gallup) or that is written in
  capitals as an acronym ("VR" beside "Oculus VR") names no person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import Entity, Evidence
from ..text.tokens import fold
from .entity_words import (
    COUNTRIES,
    EVENT_WORDS,
    FACILITY_WORDS,
    KNOWN_ACRONYMS,
    LAW_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
)
from .name_forms import ACRONYM_LETTERS, ROYAL_TITLES, SUFFIXES, TITLES, name_key, translit_key
from .unionfind import DisjointSets


@dataclass(frozen=True, slots=True)
class Mention:
    """One recognised name in one sentence; ``titled`` when a title or a role word stood before it."""

    article: str
    text: str
    type: str
    sentence: str = ""
    titled: bool = False


COUNTRY_KEYS = frozenset(translit_key(c) for c in COUNTRIES) | frozenset(
    acronym for acronym, name in KNOWN_ACRONYMS.items() if name in COUNTRIES
)
ROYAL_KEYS = frozenset(translit_key(t) for t in ROYAL_TITLES)
SINGLE_COUNTRY_KEYS = frozenset(k for k in COUNTRY_KEYS if " " not in k)
# Pet forms of English given names that share no beginning long enough to tell ("Randy", "Randall").
PET_NAMES = """bob robert rob bobby | bill william will billy | randy randall randolph | jim james jimmy
    | mike michael | dick richard rick ricky | tom thomas | steve steven stephen | joe joseph | ted edward ed eddie
    | tony anthony | peggy margaret maggie | liz elizabeth beth betty | chuck charles charlie | dan daniel danny
    | kate katherine catherine kathy katie | jack john johnny | dave david | chris christopher | matt matthew
    | nick nicholas | sam samuel"""
PET_KEYS = [frozenset(translit_key(name) for name in names.split()) for names in PET_NAMES.split("|")]
# Shorter words than this are not corrected as misspelt: "Jon" and "Jan" are two names.
MIN_MISSPELT = 5
# A name two people of the story share ("Kim") means the one named in full at least this many times as
# often as the others together; set on the seed story and truth-dev (Rene 4 and Amber Pasztor 5, Dylan
# and Nicole Hockley 1 each stay apart).
SHARED_NAME_DOMINANCE = 2
# Words that begin names of places, not of people ("Las Vegas", "Vegas").
PLACE_STARTS = set("las los san santa saint new el fort port lake north south east west".split())
# A name followed by a title and a person's name is their employer's: "Gallup Editor in Chief Frank
# Newport", "Kremlin spokesman Dmitry Peskov" (the capitalised words and particles after the name).
EMPLOYER_RUN = r"(?:[’']s)?((?:\s+(?:[A-Z][\w.-]*|in|of|for|and))+)"
# Words an acronym leaves out ("Fish and Wildlife Service": "FWS").
ACRONYM_SKIPS = {"of", "the", "and", "for", "&"}


def resolve(mentions: Iterable[Mention], min_mentions: int) -> list[Entity]:
    """Entities of a story's mentions: one per name, with every variant that names it."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.type == "PERSON" and not _personal(mention.text):
            continue
        key = name_key(mention.text, SINGLE_COUNTRY_KEYS)
        groups[KNOWN_ACRONYMS.get(key.replace(" ", ""), key)].append(mention)
    kinds = _people_by_surname({key: main_type(members, {key}) for key, members in groups.items()}, groups)
    sets = DisjointSets(groups)
    _join_acronyms(groups, sets)
    _join_organisations(kinds, sets, {key: {p for p in map(_place_before, ms) if p} for key, ms in groups.items()})
    _join_full_names(kinds, sets)
    left_out = _join_single_names(groups, kinds, sets)
    entities = []
    for keys in sets.components().values():
        if keys == [keys[0]] and keys[0] in left_out:
            continue
        members = [m for key in keys for m in groups[key]]
        kind = _component_kind(keys, groups, kinds)
        entity = _entity(members, kind, min_mentions)
        if entity is not None:
            entities.append(entity)
    return entities


def _words(members: list[Mention]) -> set[str]:
    """The words of a name's forms, as written but for case and accents (keys spell them by sound)."""
    return {w.strip(".") for m in members for w in fold(m.text).replace("-", " ").split()}


def _personal(name: str) -> bool:
    """Whether a name the recogniser gave a person can be one's: no number ("Box 6666", "DDR3 SDRAM
    4GB"), not a title alone ("Petty Officer", "Medical Examiner").

    >>> [_personal(n) for n in ("Napoleon III", "Box 6666", "Chief Technology Officer", "Kim Jong Un")]
    [True, False, False, True]
    """
    return not any(c.isdigit() for c in name) and fold(name.split()[-1]).strip(".") not in TITLES


def main_type(members: list[Mention], keys: set[str]) -> str:
    """The kind of a name: the gazetteer's and the name's own words first (a building, a law or a
    treaty), a title before it (a person), then the recogniser's most given label; an event is named by
    an event word or a year."""
    words = _words(members)
    if keys & COUNTRY_KEYS:
        return "GPE"
    if words & FACILITY_WORDS:
        return "FAC"
    if any(fold(m.text).split()[-1] in LAW_WORDS and " " in m.text for m in members) and not words & ORG_WORDS:
        return "LAW"
    if any(m.titled for m in members) and not words & (ORG_WORDS | PLACE_WORDS):
        return "PERSON"
    ranked = [kind for kind, _ in Counter(m.type for m in members).most_common()]
    if ranked[0] == "EVENT" and not words & EVENT_WORDS and not any(w.isdigit() for w in words):
        ranked = ranked[1:] or ["ORG" if words & ORG_WORDS else "LOC"]  # "Far East" is no event
    return ranked[0]


def _people_by_surname(kinds: dict[str, str], groups: dict[str, list[Mention]]) -> dict[str, str]:
    """Call a person the small model called an organisation or a place ("Amber Pasztor" beside "Rene
    Pasztor", "Jared Kushner" beside "Kushner said"): a name of two or three words, none of an
    organisation, a place or a building, that ends in the surname of a person of the story or in a word
    the story names alone as a person."""
    surnames = {k.split()[-1] for k, kind in kinds.items() if kind == "PERSON" and " " in k}
    surnames |= {k for k, kind in kinds.items() if kind == "PERSON" and " " not in k}
    cue_words = ORG_WORDS | PLACE_WORDS | FACILITY_WORDS | EVENT_WORDS | PLACE_STARTS
    return {
        key: "PERSON"
        if kind in {"ORG", "GPE", "LOC"}
        and 1 < len(key.split()) <= 3
        and key.split()[-1] in surnames
        and key not in COUNTRY_KEYS
        and not _words(groups[key]) & cue_words
        else kind
        for key, kind in kinds.items()
    }


def _component_kind(keys: list[str], groups: dict[str, list[Mention]], kinds: dict[str, str]) -> str:
    """The kind of an entity: a country's if one of its names is, else its full names' kinds by mentions
    (the joins checked that the kinds agree, the single names' less surely told)."""
    if set(keys) & COUNTRY_KEYS:
        return "GPE"
    votes: Counter[str] = Counter()
    full = [key for key in keys if " " in key] or keys  # "Trump", called an organisation, joined "Donald Trump"
    for key in full:
        votes[kinds[key]] += len(groups[key])
    return votes.most_common(1)[0][0]


def _entity(members: list[Mention], kind: str, min_mentions: int) -> Entity | None:
    """One entity of its mentions, named by its most used form of several words, a form not set in
    capitals before one that is ("New York", not "NEW YORK" of a dateline or "RIP PRODIGY" of a
    tweet's signature); None for a one-word name mentioned too seldom."""
    forms = Counter(m.text for m in members)
    name = max(forms, key=lambda f: (len(f.split()) > 1, not _shouted(f), forms[f], len(f)))
    if len(members) < min_mentions and len(name.split()) < 2:
        return None
    aliases = tuple(sorted(f for f in forms if f != name))
    sources = tuple(dict.fromkeys(m.article for m in members))
    mentions = tuple(dict.fromkeys(Evidence(m.article, m.sentence) for m in members if m.sentence))
    return Entity(name, kind, aliases, sources, mentions)


def _shouted(form: str) -> bool:
    """Whether a form is set in capitals, longer than an acronym ("CANNES", not "BBC")."""
    return form.isupper() and len(form.replace(".", "")) > ACRONYM_LETTERS


def _join_unique(sets: DisjointSets[str], key: str, candidates: Iterable[str]) -> bool:
    """Join ``key`` to the one entity its candidates belong to; False when they are several or none."""
    roots = {sets.root(c) for c in candidates} - {sets.root(key)}
    if len(roots) == 1:
        sets.join(key, roots.pop())
        return True
    return False


def _join_acronyms(groups: dict[str, list[Mention]], sets: DisjointSets[str]) -> None:
    """ "KCNA" to "Korean Central News Agency", "FWS" to "U.S. Fish and Wildlife Service": an acronym
    written in capitals and the one longer name of the story whose initials it is."""
    initials: dict[str, set[str]] = defaultdict(set)
    for key, members in groups.items():
        for form in {m.text for m in members}:
            words = form.replace("-", " ").split()
            if len(words) < 2:
                continue
            kept = [w for w in words if w.lower() not in ACRONYM_SKIPS]
            bare = kept[1:] if translit_key(kept[0]) in COUNTRY_KEYS or kept[0] == "U.S." else kept
            for variant in (words, kept, bare):
                if len(variant) >= 2:
                    initials["".join(w[0] for w in variant).lower()].add(key)
    for key, members in groups.items():
        if " " not in key and any(m.text.replace(".", "").isupper() for m in members) and key in initials:
            _join_unique(sets, key, initials[key] - {key})


def _join_organisations(
    kinds: dict[str, str], sets: DisjointSets[str], places: dict[str, set[str]] | None = None
) -> None:
    """ "Black Caucus" to "Congressional Black Caucus", "Senate" to "U.S. Senate", "Ipswich Police" to
    "Ipswich Police Department": an organisation's name that ends the one longer one (a single word
    only after a country's name), or begins it before organisation words alone. A name the story
    writes after a place's (``places``: "US Environmental Protection Agency") is that place's body, not
    another place's of the same name ("California Environmental Protection Agency")."""
    organisations = [k for k, kind in kinds.items() if kind == "ORG"]
    # a longer name ends as the shorter does or begins as it does: found by its last or first word
    ends: dict[tuple[int, str], list[str]] = defaultdict(list)
    for long in organisations:
        words = long.split()
        if words:
            ends[(0, words[0])].append(long)
            ends[(-1, words[-1])].append(long)
    for short in organisations:
        words = short.split()
        near = ends.get((0, words[0]), []) + ends.get((-1, words[-1]), []) if words else []
        longer = [
            long for long in dict.fromkeys(near) if len(long.split()) > len(words) and _shortens(words, long.split())
        ]
        if places and places.get(short):
            longer = [n for n in longer if not n.endswith(short) or _place(n[: -len(short)].strip()) in places[short]]
        _join_unique(sets, short, longer)


def _place_before(mention: Mention) -> str | None:
    """The place a mention follows, by its key: "us" of "the US Environmental Protection Agency"."""
    before = mention.sentence.split(mention.text)[0].split()
    return _place(translit_key(before[-1])) if before else None


def _place(key: str) -> str | None:
    """A gazetteer place's key, an acronym spelt out ("us": "united states"); None for no place."""
    return KNOWN_ACRONYMS.get(key, key) if key in COUNTRY_KEYS else None


def _shortens(words: list[str], longer: list[str]) -> bool:
    head, tail = longer[: len(longer) - len(words)], longer[len(longer) - len(words) :]
    if tail == words:
        return len(words) > 1 or " ".join(head) in COUNTRY_KEYS
    return longer[: len(words)] == words and len(words) > 1 and set(longer[len(words) :]) <= ORG_WORDS


def _join_full_names(kinds: dict[str, str], sets: DisjointSets[str]) -> None:
    """Full names of one person: a shorter one of the longer's words in order, beginning or ending it
    ("Edgar Rodriguez", "Edgar Ivan Rodriguez"; "Ahmad Seth", "Ahmad Seth Zaharie"), or one of as many
    words differing in a pet form or a misspelling. A name ending a person's ("Browne-Louis") is
    theirs whatever the recogniser called it, unless it is a country's."""
    people = [k for k, kind in kinds.items() if kind == "PERSON" and len(k.split()) > 1]
    shorts = [k for k, kind in kinds.items() if " " in k and k not in COUNTRY_KEYS and kind not in {"FAC", "EVENT"}]
    # Each person's name found by what a variant must share with it, not by trying every pair (a story of
    # a hundred articles names a thousand and more): a name of as many words shares all but one word in
    # place; a longer one begins or ends as the shorter does. The candidates are then tested in full.
    alike: dict[tuple[str | None, ...], list[str]] = defaultdict(list)
    ends: dict[tuple[int, str], list[str]] = defaultdict(list)
    for long in people:
        words = long.split()
        for n in range(len(words)):
            alike[(*words[:n], None, *words[n + 1 :])].append(long)
        ends[(0, words[0])].append(long)
        ends[(-1, words[-1])].append(long)
    # misspellings and pet forms first, so that a shorter name finds one person however spelt
    for same_length in (True, False):
        for short in sorted(shorts, key=lambda k: -len(k.split())):
            words = short.split()
            if same_length:
                near = [c for n in range(len(words)) for c in alike.get((*words[:n], None, *words[n + 1 :]), ())]
            else:
                near = ends.get((0, words[0]), []) + ends.get((-1, words[-1]), [])
            longer = [
                long
                for long in dict.fromkeys(near)
                if long != short
                and (len(long.split()) == len(words)) == same_length
                and _variant(words, long.split())
                and (kinds[short] == "PERSON" or long.split()[-1] == words[-1])
            ]
            _join_unique(sets, short, longer)


def _variant(short: list[str], long: list[str]) -> bool:
    if (short[-1] in SUFFIXES) != (long[-1] in SUFFIXES):
        return False  # "Donald Trump Jr" is not "Donald Trump"
    if len(short) == len(long):
        differ = [(a, b) for a, b in zip(short, long, strict=True) if a != b]
        if len(differ) != 1:
            return False
        a, b = differ[0]
        pet = short.index(a) == 0 and any(a in names and b in names for names in PET_KEYS)
        return pet or (min(len(a), len(b)) >= MIN_MISSPELT and _one_edit(a, b))
    if len(short) > len(long) or (short[0] != long[0] and short[-1] != long[-1]):
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def _one_edit(a: str, b: str) -> bool:
    """Whether one letter added, dropped, changed, or two neighbours swapped make ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    x, y = a[start:], b[start:]
    return x[1:] == y[1:] or x[1:] == y or x == y[1:] or (x[:2] == y[1::-1] and x[2:] == y[2:])


def _personal_single(members: list[Mention]) -> bool:
    """Whether a single name may be a person's: not an acronym (every form in capitals, "VR"), nor a name
    the recogniser reads every time as an organisation's that stands once as someone's employer ("Gallup
    Editor in Chief Frank Newport"). The small model reads many a bare surname as an organisation ("Frosh
    says"), so that reading alone tells nothing."""
    if all(m.text.isupper() and len(m.text) <= ACRONYM_LETTERS for m in members):
        return False
    return not all(m.type == "ORG" and not m.titled for m in members) or not any(map(_employer, members))


def _employer(mention: Mention) -> bool:
    """Whether a mention stands before a title and a name, as the employer of whom it names."""
    for run in re.finditer(re.escape(mention.text) + EMPLOYER_RUN, mention.sentence):
        words = [fold(w).strip(".") for w in run.group(1).split()]
        if any(w in TITLES for w in words[:-1]) and words[-1] not in TITLES:
            return True
    return False


def _dominant(roots: set[str], groups: dict[str, list[Mention]], sets: DisjointSets[str]) -> set[str]:
    """The one of several people named in full far more often than all the others together, whom a
    name they share means ("Kim" of Kim Jong Un, beside one mention each of Kim Jong Il and Kim Il
    Sung); none when no one is."""
    counts = Counter({root: 0 for root in roots})
    for key, members in groups.items():
        if sets.root(key) in roots and " " in key:
            counts[sets.root(key)] += len(members)
    (first, most), *others = counts.most_common()
    return {first} if most >= SHARED_NAME_DOMINANCE * sum(n for _, n in others) else set()


def _join_single_names(groups: dict[str, list[Mention]], kinds: dict[str, str], sets: DisjointSets[str]) -> set[str]:
    """Join a single name to the one full name of a person it ends (a surname, whatever the recogniser
    called it unless it is a country's) or begins (a given name, when the recogniser called it a
    person's, alone or after a royal title); return the single names that two people of the story
    share, to be left out."""
    full: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    suffixed: set[str] = set()
    for key, kind in kinds.items():
        words = key.split()
        if kind != "PERSON" or len(words) < 2:
            continue
        if words[-1] in SUFFIXES:  # "Trump" alone is the father, not "Donald Trump Jr"
            suffixed.add(key)
            words = words[:-1]
        full[words[-1]].add(key)
        given[words[0]].add(key)
    shared = set()
    for key, members in groups.items():
        words = key.split()
        if len(words) == 2 and words[0] in ROYAL_KEYS and kinds[key] == "PERSON":
            # "Prince Mohammed": the one person of the story named in full "Mohammed ..."
            _join_unique(sets, key, given.get(words[1], set()))
        if " " in key or key in COUNTRY_KEYS or kinds[key] in {"FAC", "EVENT"} or not _personal_single(members):
            continue
        ends = full.get(key, set())
        if len({sets.root(c) for c in ends}) > 1:
            ends = {c for c in ends if c not in suffixed} or ends
        candidates = {sets.root(c) for c in ends}
        if kinds[key] == "PERSON":
            candidates |= {sets.root(c) for c in given.get(key, set())}
        candidates -= {sets.root(key)}
        if len(candidates) > 1:
            shared.add(key)
            candidates = _dominant(candidates, groups, sets)
        if len(candidates) == 1:
            sets.join(key, candidates.pop())
    return {key for key in shared if sets.root(key) == key}
