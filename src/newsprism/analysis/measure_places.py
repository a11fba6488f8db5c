"""The place a measure was found at, for :mod:`newsprism.analysis.measures`: "the city of Madison got 15.2
inches" and "In Madison, more than 19 inches of snow fell" measure one thing at one place, in sentences
that are no rewordings of each other.

The place is read from spaCy's parse: the measure must be what its verb is about (the verb's subject or
object, "got 15.2 inches", "19 inches fell"), told as past (a forecast, "could fall", "predicts", is of
another moment), and the verb must have a proper noun for its place: the object of its "in" or "at"
("In Madison, ... fell"), or its subject ("Madison got", "the city of Madison got"). Without spaCy no
measure has a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .counts import tense
from .parse import parsed, parser

if TYPE_CHECKING:
    from spacy.tokens import Token

# How a measure stands to its verb when it is what the verb tells: its subject or its object.
ARGUMENTS = frozenset(("nsubj", "nsubjpass", "dobj", "attr"))
# Prepositions that place a verb's act.
AT = frozenset(("in", "at"))


def place_of(text: str, start: int, end: int) -> str:
    """The proper noun that places the measure at ``text[start:end]``, lower case ("madison"); "" when
    the parse names none."""
    if parser() is None:
        return ""
    doc = parsed([text])[0]
    nouns = [t for t in doc if start <= t.idx < end and t.pos_ == "NOUN"]
    if not nouns or nouns[-1].dep_ not in ARGUMENTS:
        return ""
    verb = nouns[-1].head
    if verb.pos_ != "VERB" or tense(verb) != "past":
        return ""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in AT:
            found = [_name(t) for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
            if found:
                return found[0]
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != nouns[-1].i:
            if child.pos_ == "PROPN":
                return _name(child)
            # "the city of Madison"
            of = [g for c in child.children if c.lower_ == "of" for g in c.children if g.pos_ == "PROPN"]
            if of:
                return _name(of[0])
    return ""


def _name(token: Token) -> str:
    """A proper noun with the words it is compounded of ("New York")."""
    words = [c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i]
    return " ".join([*words, token.lower_])
