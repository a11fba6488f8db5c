"""Which event of a sentence each of its dates dates, read from the dependency parse, for the timeline.

A sentence tells its event in its main clause; a date hanging from another clause dates another event:

* a relative, participle or adverbial clause ("... a tour for which Jackson was rehearsing when he died
  in 2009", "six charges stemming from a Sept. 2, 2015, incident", "as Putin will arrive on Tuesday")
  tells a side event. The sentence is not of that date; when it has no date of its own, the timeline
  lists the side event under its date in the words of its clause, not the whole sentence.
* a date on a reporting verb at the root ("Ushakov told reporters on Monday that ...") is when the
  statement was made. What the statement says is ahead ("... will take place only on Wednesday") is a
  prediction: it dates the statement's subject, not the statement, and the sentence is listed at the
  day it was made only. What it says happened keeps its own date.
* a date in a phrase that names an earlier event by a noun or gerund, after "after", "following",
  "before" or on "follow", "precede", "stem from" ("a trip to Vladivostok after meeting Putin in April
  2019", "the visit follows their meeting in September", "charges stemming from a Sept. 2, 2015,
  incident"), or a date modifying such a noun, dates that noun's event, not the sentence's: when the
  sentence has no date of its own, the timeline lists that event in the words of its phrase.

Without a parser every date counts as the main clause's, as before the parse was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from .doc_cache import parsed, shared
from .ownvoice import REPORTING
from .timeline_calendar import DateSpan, is_future

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Clauses that tell of another event than the one they hang from: relative clauses ("who died in
# 1995"), participle clauses on a noun ("charges stemming from a 2015 incident") and adverbial clauses
# ("when he died in 2009", "as Putin will arrive on Tuesday").
SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl"})
# What a reporting verb says: its clausal complement ("said that ...", "announced Putin will ...").
SAID = frozenset({"ccomp", "xcomp", "parataxis"})
# Words that open a side clause and name nothing by themselves: "who", "which", "when", "after".
RELATIVE_TAGS = frozenset({"WDT", "WP", "WRB"})
# Subordinators of a clause that says only when its sentence's event happened.
WHEN_WORDS = frozenset({"when", "while", "as"})
# Words that set an event named by a noun before or after the sentence's: "after meeting Putin",
# "following talks", "follows their meeting", "charges stemming from an incident".
SEQUENCE_PREPS = frozenset({"after", "following", "before"})
SEQUENCE_VERBS = frozenset({"follow", "precede", "stem"})
# Words that name a time, not an event: "after midnight on Tuesday", "two days after 10 p.m. on Monday".
TIME_WORDS = frozenset(
    "midnight noon midday dawn dusk sunrise sunset morning afternoon evening night a.m. p.m. am pm "
    "hour hours day days week weeks month months year years".split()
)
# Dependencies by which a date modifies a noun: "a Sept. 2, 2015, incident", "the 2019 summit".
NOUN_MODIFIER = frozenset({"nmod", "compound", "amod"})
# Prepositions that put a date on what they hang from: "their meeting in September", "talks on Monday".
DATING_PREPS = frozenset({"in", "on", "during"})
# Punctuation that closes what the clause opened, kept at its end.
CLOSING = frozenset(")]\"”’'")


class Role(Enum):
    """What a date dates in its sentence."""

    MAIN = "main"  # the sentence's own event
    TELLING = "telling"  # when the sentence's statement was made
    PREDICTED = "predicted"  # what a dated statement says is ahead
    SIDE = "side"  # another event, told in a clause of its own
    NAMED = "named"  # another event, named by a noun or gerund ("after their meeting in September")


@dataclass(frozen=True, slots=True)
class DateRole:
    """One date of a sentence and what it dates; ``clause`` is a side event's own words (None: the sentence)."""

    span: DateSpan
    role: Role
    clause: str | None = None


def date_roles(text: str, spans: list[DateSpan]) -> list[DateRole]:
    """The role of each date of a sentence; every date is the main clause's without a parser.

    >>> text = "Ushakov told reporters on Monday that the talks will take place on Wednesday."
    >>> spans = [DateSpan(23, 32, "2024-06-17"), DateSpan(62, 74, "2024-06-19")]
    >>> [r.role.value for r in date_roles(text, spans)]  # doctest: +SKIP
    ['telling', 'predicted']
    """
    if not spans or shared() is None:
        return [DateRole(span, Role.MAIN) for span in spans]
    doc = parsed([text])[0]
    return [_role(doc, span) for span in spans]


def _role(doc: Doc, span: DateSpan) -> DateRole:
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not len(words):
        return DateRole(span, Role.MAIN)
    token = words.root
    named = _named_event(token)
    if named is not None:
        return DateRole(span, Role.NAMED, named)
    path = [token, *token.ancestors]  # from the date up to its sentence's root
    side = next((t for t in path if _side_clause(t) and t not in words), None)
    if side is not None and not _announced(side):
        return DateRole(span, Role.SIDE, _clause_text(_told_clause(side)))
    if side is not None:  # what the root's verb, or one joined to it, announces
        said = doc[side.head.left_edge.i : side.head.right_edge.i + 1].text
        return DateRole(span, Role.PREDICTED if is_future(said) else Role.MAIN)
    root = path[-1]
    if root.lemma_.lower() not in REPORTING:
        return DateRole(span, Role.MAIN)
    below_root = path[-2] if len(path) > 1 else root
    if below_root is token or below_root.dep_ not in SAID:
        return DateRole(span, Role.TELLING)  # "told reporters on Monday"
    said = doc[below_root.left_edge.i : below_root.right_edge.i + 1].text
    return DateRole(span, Role.PREDICTED if is_future(said) else Role.MAIN)


def _named_event(date: Token) -> str | None:
    """The words of an event a noun or gerund names after a sequence word, when the date dates it: it
    modifies the noun ("charges stemming from a Sept. 2, 2015, incident"), or its phrase follows the
    noun's phrase with nothing between ("after meeting Putin there in April 2019", "follows their
    meeting in September"), wherever the parser hangs the phrase (often on the verb); None otherwise."""
    if date.dep_ in NOUN_MODIFIER and date.head.pos_ in ("NOUN", "PROPN"):
        named = _under_sequence(date.head, None)
        return _phrase(named, date) if named is not None else None
    prep = date if date.dep_ == "prep" else date.head  # the expression may hold its preposition
    if prep.dep_ != "prep" or prep.lower_ not in DATING_PREPS or prep.i == 0:
        return None
    last = date.doc[prep.i - 1]  # the last word of the phrase before the date's
    if last.is_punct or last.like_num or last.lower_ in TIME_WORDS:  # "after the talks, on Monday"
        return None
    named = _under_sequence(last, prep)
    return _phrase(named, prep) if named is not None else None


def _under_sequence(node: Token, prep: Token | None) -> Token | None:
    """The head of the phrase a sequence word governs that holds a word, up to the first clause; with
    ``prep``, a phrase that ends just before the date's or holds it ("after meeting him for the first
    time in April 2019", "in" on "time"). None outside such a phrase."""
    while node.head.i != node.i:
        holds = prep is not None and node.left_edge.i <= prep.i <= node.right_edge.i
        if prep is not None and not holds and node.right_edge.i != prep.i - 1:
            return None
        parent = node.head
        if parent.lower_ in SEQUENCE_PREPS and parent.dep_ == "prep":
            return node
        if parent.lemma_.lower() in SEQUENCE_VERBS and parent.pos_ == "VERB":
            # "the trip preceded ...": the trip is the sentence's own event
            return None if node.dep_ in ("nsubj", "nsubjpass") else node
        if parent.pos_ in ("VERB", "AUX") and node.dep_ != "pobj" and parent.dep_ != "pcomp":
            return None  # a clause of its own: its dates are its own
        node = parent
    return None


def _phrase(named: Token, date: Token) -> str:
    """The named event in its own words, through the date: "meeting Putin there in April 2019"."""
    if named.dep_ == "prep":  # "stemming from a ... incident": the incident, not "from"
        named = next((c for c in named.children if c.dep_ in ("pobj", "pcomp")), named)
    doc = named.doc
    end = max(named.right_edge.i, date.right_edge.i) + 1
    while end > named.left_edge.i + 1 and doc[end - 1].is_punct and doc[end - 1].text not in CLOSING:
        end -= 1
    return doc[named.left_edge.i : end].text


def _announced(clause: Token) -> bool:
    """Whether a participle clause tells what a reporting verb of the main clause announces: "the
    minister announced a review starting on Wednesday" is the review's news, as "announced that a review
    starts" is."""
    noun, verb = clause.head, clause.head.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return clause.dep_ == "acl" and noun.dep_ == "dobj" and main and verb.lemma_.lower() in REPORTING


def _side_clause(token: Token) -> bool:
    """A clause of another event: relative, participle or adverbial, or the complement of a verb that
    does not report speech with a subject of its own ("the trip preceded Kim welcoming officials")."""
    if token.dep_ in SIDE_CLAUSES:
        return True
    return (
        token.dep_ in ("xcomp", "ccomp")
        and token.head.lemma_.lower() not in REPORTING
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _told_clause(clause: Token) -> Token:
    """The clause that tells a side event: a clause that only says when ("when he died", "as he left")
    inside a relative one tells of its subject by a pronoun ("for which Jackson was rehearsing when he
    died in 2009"), so the relative clause holding it is taken."""
    while clause.dep_ == "advcl" and clause.head.dep_ in SIDE_CLAUSES and _only_when(clause):
        clause = clause.head
    return clause


def _only_when(clause: Token) -> bool:
    return any(c.lower_ in WHEN_WORDS and c.dep_ in ("advmod", "mark") for c in clause.children)


def _clause_text(clause: Token) -> str | None:
    """A side clause in words that stand alone: "who died in 1995" on "Garcia" as "Garcia died in 1995";
    None when the clause cannot (an adverbial clause without its own subject, "after arriving on Monday")."""
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    opened_by_subject = False
    while start < clause.i and _opens_clause(doc[start], clause):
        opened_by_subject = opened_by_subject or doc[start].dep_ in ("nsubj", "nsubjpass")
        start += 1
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in CLOSING:
        end -= 1
    body = doc[start:end].text
    subject = opened_by_subject or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children if c.i >= start)
    if clause.dep_ in ("relcl", "acl") and (opened_by_subject or not subject):
        noun = _noun_phrase(clause)
        return f"{noun} {body}" if noun else None
    return body if subject else None


def _noun_phrase(clause: Token) -> str | None:
    """The noun a relative or participle clause tells of, in all its words up to the clause ("Alex Lowe
    and David Bridges, who ..."); None when words of another phrase stand between (a parse gone wrong)."""
    doc, noun = clause.doc, clause.head
    if noun.dep_ == "conj":  # "Alex Lowe and David Bridges, who were swept away": both are its subject
        noun = noun.head
    if noun.dep_ == "ROOT":  # a relative clause on the sentence's root: a caption or heading misread
        return None
    phrase = set(noun.subtree)
    start, end = noun.left_edge.i, clause.left_edge.i
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start or any(t not in phrase for t in doc[start:end]):
        return None
    return doc[start:end].text


def _opens_clause(token: Token, clause: Token) -> bool:
    """A relative word, the clause's subordinator ("when", "after") or the preposition of a relative
    ("for which"); not a word opening a clause inside it ("after" in "after he left, he worked")."""
    if token.is_punct:
        return True
    if token.tag_ in RELATIVE_TAGS and clause in (token.head, token.head.head):  # "which" of "for which"
        return True
    if token.head != clause:
        return False
    if token.dep_ == "mark":
        return True
    return token.dep_ == "prep" and any(c.tag_ in RELATIVE_TAGS for c in token.children)
