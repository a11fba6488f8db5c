"""Conflicts over the name a maker gives one thing: "It uses what Lenovo calls the Aura UI, which uses
drag-wheels to launch videos" against "Lenovo's “Moon Dial” interface automatically opens, providing a
wheel-based interface for launching apps".

A name is read where the sentence says who gives it, from spaCy's dependency parse: the object of a
naming verb whose subject is named ("what Lenovo calls the Aura UI", "which the company dubbed Project
Titan" is left out: its namer is no name), or a name in quotes on a noun that a named owner has
("Lenovo's “Moon Dial” interface"). Names are capitalised or quoted words, not a kind ("calls it a
“table PC”"). Two such names are of one thing only in sentences of one fact (the caller's pairs) whose
namers are one (a capitalised word in common); they differ when they share no word and each article
never writes the other's name (an article that knows both names may tell of two things). A maker may
give a thing two names (a code name and a brand): a possible difference. Without spaCy there are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence
from .doc_cache import parsed, shared

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAMING = frozenset("call dub name christen brand".split())
# Words that may open a naming: a sentence without any is not parsed.
MAY_NAME = re.compile(r"\b(?:call|dub|name|christen|brand)\w*\b|['’]s\s+[\"“‘]", re.I)
# The name in quotes just before its noun: 'Lenovo's "Moon Dial" interface'.
QUOTED = re.compile(r"[\"“‘](?P<name>[A-Z][^\"”’]{0,60}?)[\"”’]\s*$")
CONFIDENCE = 0.5
REASON = "one thing, in sentences that state one fact, given two names by one maker"


@dataclass(frozen=True, slots=True)
class Coined:
    """A name a named maker gives a thing in one sentence."""

    row: int
    namer: frozenset[str]  # its capitalised words, lower case
    name: str  # as written
    noun: str  # the noun named, lower case ("ui", "interface")


def coined_name_conflicts(sentences: list[Sentence], same_fact: set[tuple[int, int]]) -> list[Conflict]:
    rows = sorted({row for pair in same_fact for row in pair if MAY_NAME.search(sentences[row].text)})
    if shared() is None or len(rows) < 2:
        return []
    coined = {row: _read(row, doc) for row, doc in zip(rows, parsed([sentences[r].text for r in rows]), strict=True)}
    texts = {s.article: "" for s in sentences}
    for s in sentences:
        texts[s.article] += " " + s.text.lower()
    conflicts: dict[frozenset[str], Conflict] = {}
    for i, j in sorted(same_fact):
        if sentences[i].article == sentences[j].article:
            continue
        for a, b in product(coined.get(i, []), coined.get(j, [])):
            if not a.namer & b.namer or _words(a.name) & _words(b.name):
                continue
            if _written(b.name, texts[sentences[i].article]) or _written(a.name, texts[sentences[j].article]):
                continue  # an article that knows both names may tell of two things
            key = frozenset((sentences[i].article, sentences[j].article, a.name, b.name))
            conflicts.setdefault(key, _conflict(a, b, sentences))
    return list(conflicts.values())


def _read(row: int, doc: Doc) -> list[Coined]:
    found = []
    for token in doc:
        if token.lemma_.lower() in NAMING and token.pos_ == "VERB":
            namer = next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            named = next((c for c in token.children if c.dep_ in ("oprd", "dobj") and c.pos_ == "PROPN"), None)
            if namer is not None and named is not None:
                words = [c for c in named.children if c.dep_ == "compound" and c.i < named.i] + [named]
                name = doc[words[0].i : named.i + 1].text
                found.append(Coined(row, _capitalised(namer), name, named.lemma_.lower()))
        elif token.pos_ == "NOUN":
            # the owner hangs from the noun or from the quoted name before it ("Lenovo's/poss “Moon Dial/nmod”")
            near = [token, *(c for c in token.lefts if c.dep_ in ("compound", "nmod"))]
            owner = next((c for n in near for c in n.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            quoted = QUOTED.search(doc.text[: token.idx])
            if owner is not None and quoted and owner.idx < quoted.start():
                found.append(Coined(row, _capitalised(owner), quoted["name"], token.lemma_.lower()))
    return found


def _capitalised(token: Token) -> frozenset[str]:
    """The capitalised words of a name and its compounds ("Lenovo", "Apple Inc")."""
    return frozenset(t.lower_ for t in token.subtree if t.text[:1].isupper() and t.pos_ == "PROPN")


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower()))


def _written(name: str, text: str) -> bool:
    """Whether a text (lower case) writes a name, or the name but for its last word ("Aura" of "Aura UI")."""
    words = re.findall(r"\w+", name.lower())
    shortest = " ".join(words[:-1]) if len(words) > 1 else words[0] if words else ""
    return bool(shortest) and re.search(rf"\b{re.escape(shortest)}\b", text) is not None


def _conflict(a: Coined, b: Coined, sentences: list[Sentence]) -> Conflict:
    sides = tuple(
        ConflictSide(c.name, (sentences[c.row].article,), (Evidence(sentences[c.row].article, sentences[c.row].text),))
        for c in (a, b)
    )
    maker = sentences[a.row].text  # the namer as first written
    namer = next((w for w in re.findall(r"[A-Z][\w.&-]*", maker) if w.lower() in a.namer & b.namer), "its maker")
    about = f"name {namer} gives one thing ({a.noun}, {b.noun})"
    return Conflict("", about, sides, kind="name", reasons=(REASON,), confidence=CONFIDENCE)
