"""Story analysis, part of conflicts: names swapped in copied sentences.

Names are compared in sentences that are copies of each other but for a capitalised name: a person or
place swapped for one the other article never mentions is a conflict; a short form, a title or a
spelling of the same name, an organisation, or a name both articles know is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.tokens import fold
from ..validate import check_range
from .entities import KNOWN_ACRONYMS, MONTHS_AND_DAYS, ORG_WORDS, ROLE_WORDS, translit_key
from .figure_copies import same_but_for
from .memo import MAX_ITEMS

# Two sentences whose names are compared must be copies but for the names: this share of their other
# tokens is the same, in the same order. An outlet that rewords a sentence may well name a place or a
# person differently ("in Pyongyang", "in the North Korean capital"); one that copies it word for word
# and changes only the name states something else.
COPY_SHARE = 0.9
# Lower-case words two sentences must share, beyond their names, to be paired as copies outside a fact:
# "John Smith, 21, of Boston." and "Jane Doe, 21, of Boston." in two lists are two people, not a conflict.
MIN_SHARED_WORDS = 4
NAME_PARTICLES = {"of", "de", "al", "el", "bin", "von", "van", "la", "le", "du", "da", "del"}
# Words (an initial keeps its point: "Donald J. Trump"), a possessive "’s" on its own (it ends a name and
# is no part of it) and punctuation marks.
TOKEN = re.compile(r"\b[A-Z]\.(?=\s)|['’]s\b|\w+(?:[-.]\w+|['’](?![sS]\b)\w+)*|[^\w\s]")
Tokens = tuple[str, ...]  # a sentence's, as TOKEN cuts them
Span = tuple[int, int, int, int]  # tokens a1:a2 of one sentence and b1:b2 of another
POSSESSIVES = {"'s", "’s"}
# Organisations go by acronyms of up to this many letters ("CNN", "NASA", "OPEC", "UNHCR"); a longer word
# in capitals is a name set in capitals, as datelines are ("SINGAPORE").
ACRONYM_LETTERS = 5
# A social-media handle: a sentence with one credits an embedded post, it states nothing of the story.
HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
# Invisible characters that web pages leave inside words ("Baghdad\u200b").
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


@dataclass(frozen=True, kw_only=True)
class NamesConfig:
    """The tuned thresholds of comparing names (:class:`~newsprism.analysis.conflicts.ConflictsConfig` extends it)."""

    copy_share: float = COPY_SHARE
    min_shared_words: int = MIN_SHARED_WORDS
    acronym_letters: int = ACRONYM_LETTERS

    def __post_init__(self) -> None:
        check_range("copy share", self.copy_share, 0.0, 1.0)
        check_range("min shared words", self.min_shared_words, 0, 100)
        check_range("acronym letters", self.acronym_letters, 1, 20)


def copy_pairs(sentences: list[Sentence], config: NamesConfig) -> set[tuple[int, int]]:
    """Row pairs of different articles' sentences that are the same but for capitalised words, found
    whether or not fact grouping joined them (a short sentence whose name changed may not be)."""

    def rest(text: str) -> tuple[str, ...] | None:
        words, counted = _without_names(text)
        return words if counted >= config.min_shared_words else None

    return same_but_for(sentences, rest)


@lru_cache(maxsize=MAX_ITEMS)  # of every sentence, each analysis
def _without_names(text: str) -> tuple[tuple[str, ...], int]:
    """A sentence's tokens after its first but its names' words, and how many of them are words."""
    words = tuple(t for t in TOKEN.findall(text)[1:] if not _name_word(t))
    return words, sum(t[:1].isalpha() for t in words)


def name_conflicts(
    story: Story, sentences: list[Sentence], pairs: set[tuple[int, int]], config: NamesConfig
) -> list[Conflict]:
    """Copied sentences that differ in a name the other article never mentions."""
    texts = {a.id: ZERO_WIDTH.sub("", a.text) for a in story.articles}
    common = frozenset(w for a in story.articles for w in re.findall(r"\b[a-z]+\b", a.text))
    found: dict[frozenset[str], dict[str, list[Evidence]]] = {}
    for i, j in sorted(pairs):
        a, b = sentences[i], sentences[j]
        if HANDLE.search(a.text) or HANDLE.search(b.text):
            continue  # the credit line of an embedded post ("A post shared by X (@x) on Jun 20"): who posted
        for name_a, name_b in _swapped_names(a.text, b.text, common, config):
            if _knows(texts[a.article], name_b, name_a) and _knows(texts[b.article], name_a, name_b):
                continue  # both articles know both names: another way to refer to it, not another fact
            sides = found.setdefault(frozenset((name_a, name_b)), {name_a: [], name_b: []})
            sides[name_a].append(Evidence(a.article, a.text))
            sides[name_b].append(Evidence(b.article, b.text))
    return [_name_conflict(sides) for sides in found.values()]


def _name_conflict(sides: dict[str, list[Evidence]]) -> Conflict:
    """A conflict over a name: each name with the sentences, and so the articles, that give it."""
    result = []
    for name, evidence in sides.items():
        unique = tuple(dict.fromkeys(evidence))
        result.append(ConflictSide(name, tuple(dict.fromkeys(e.article for e in unique)), unique))
    return Conflict("", "name", tuple(result))


def _knows(text: str, name: str, instead: str) -> bool:
    """Whether an article text has, as written, every word by which ``name`` differs from ``instead``
    ("Norway" of "Norway Rockies" against "Colorado Rockies"); "media" is not "Media"."""
    words = set(name.split()) - set(instead.split())
    return all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def _swapped_names(text_a: str, text_b: str, common: frozenset[str], config: NamesConfig) -> list[tuple[str, str]]:
    """Names that take each other's place in two sentences that are otherwise copies; ``common`` holds
    the story's words seen in lower case, not names when they open a sentence."""
    tokens_a, tokens_b, names, same, other = _replaced_names(text_a, text_b)
    if not names or 2 * same < config.copy_share * other:
        return []
    swaps = []
    for a1, a2, b1, b2 in names:
        name_a, name_b = _name_around(tokens_a, a1, a2, common), _name_around(tokens_b, b1, b2, common)
        if name_a and name_b and _different_names(name_a, name_b, config):
            swaps.append((name_a, name_b))
    return swaps


@lru_cache(maxsize=MAX_ITEMS)  # a pair of sentences is compared again when the story grows by one article
def _replaced_names(text_a: str, text_b: str) -> tuple[Tokens, Tokens, tuple[Span, ...], int, int]:
    """The two sentences' tokens, the spans of them replaced by each other that are both names (``a1, a2,
    b1, b2``: ``tokens_a[a1:a2]`` and ``tokens_b[b1:b2]``), how many tokens are the same in both, and how
    many are neither the same nor those names."""
    tokens_a, tokens_b = (tuple(TOKEN.findall(ZERO_WIDTH.sub("", text))) for text in (text_a, text_b))
    opcodes = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False).get_opcodes()
    names = tuple(
        (a1, a2, b1, b2)
        for tag, a1, a2, b1, b2 in opcodes
        if tag == "replace" and _is_name(tokens_a[a1:a2]) and _is_name(tokens_b[b1:b2])
    )
    same = sum(a2 - a1 for tag, a1, a2, _, _ in opcodes if tag == "equal")
    other = len(tokens_a) + len(tokens_b) - sum(a2 - a1 + b2 - b1 for a1, a2, b1, b2 in names)
    return tokens_a, tokens_b, names, same, other


def _is_name(tokens: Tokens) -> bool:
    words = [t for t in tokens if t not in POSSESSIVES]
    return bool(words) and words[0][:1].isupper() and all(_name_word(t) for t in words)


def _name_word(token: str) -> bool:
    """A capitalised word or a particle inside a name ("de", "al-Abdo")."""
    return token[:1].isupper() or token in NAME_PARTICLES or token.split("-")[0] in NAME_PARTICLES


def _name_around(tokens: Tokens, start: int, end: int, common: frozenset[str]) -> str:
    """The whole capitalised run that holds tokens[start:end], without a sentence-opening common word."""
    while start > 0 and _name_word(tokens[start - 1]):
        start -= 1
    while end < len(tokens) and _name_word(tokens[end]):
        end += 1
    opens = all(not t[:1].isalnum() for t in tokens[:start])
    run = [t for t in tokens[start:end] if t not in POSSESSIVES]
    if run and opens and run[0].lower() in common:
        run = run[1:]
    while run and run[0] in NAME_PARTICLES:
        run = run[1:]
    while run and run[-1] in NAME_PARTICLES:
        run = run[:-1]
    return " ".join(run)


def _different_names(a: str, b: str, config: NamesConfig) -> bool:
    """Two names of people or places that cannot be the same: not spellings of one name ("Kim Jong-un",
    "Kim Jong Un"), a name and part of it or with a title ("Putin", "President Vladimir Putin"), an
    acronym and its country; organisations (a wire's credit changes between copies) and calendar words
    (read as dates) are left out."""
    key_a, key_b = (_name_key(n) for n in (a, b))
    if not key_a or not key_b or _shortens(key_a, key_b) or _shortens(key_b, key_a):
        return False
    return not ((key_a | key_b) & (MONTHS_AND_DAYS | ORG_WORDS) or any(_organisation(n, config) for n in (a, b)))


def _shortens(short: frozenset[str], long: frozenset[str]) -> bool:
    """Whether every word of one name begins a word of the other: part of it ("Putin"), an abbreviation
    or a short form ("Minn.", "Jon Hubbard" of "Minnesota", "Jonathan Hubbard")."""
    return all(any(word.startswith(part) for word in long) for part in short)


def _name_key(name: str) -> frozenset[str]:
    key = translit_key(name)
    key = KNOWN_ACRONYMS.get(key.replace(" ", ""), key)
    return frozenset(w for w in key.split() if w.strip(".") not in ROLE_WORDS)


def _organisation(name: str, config: NamesConfig) -> bool:
    """An acronym that is not a country's ("CNN", "AP"); a longer word in capitals is a name set in
    capitals, as datelines are ("SINGAPORE", "MADISON COUNTY")."""
    bare = name.replace(".", "")
    return bare.isupper() and len(bare) <= config.acronym_letters and fold(bare) not in KNOWN_ACRONYMS
