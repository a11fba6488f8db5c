"""The words an article says in its own voice: its text less what it reports others as saying.

Framing judges the outlet, so the words of the people it quotes must not count as its own. These spans
are someone else's words:

* anything in quotation marks, however short (a scare-quoted “friendly state visit” is the Kremlin's);
* a post embedded in the page ("… — Donald J. Trump (@realDonaldTrump) January 25, 2018");
* reported speech without quotation marks: the clause a verb of saying, thinking or alleging governs
  ("Kim said that the heroic army ...", "officials believe the talks failed"), found with spaCy's
  dependency parse (the verb's ``ccomp``), and the clause of a noun of saying ("the claim that ...");
  the verb itself and its subject stay the outlet's ("railed");
* a sentence attributed as a whole with "according to ..." (all but the attribution).

Reported speech without quotation marks is the outlet's paraphrase, though: the labels it gives people
in it ("the regime confirmed that Russian strongman Putin ...") are its own. Its words are kept, marked
``reported``, for framing to count its labels only.

Without spaCy only the quotation marks and "according to" are recognised, and a "said that" clause is cut
to the end of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .parse import parsed, parser

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs (lemmas) whose complement clause is someone else's statement or view, not the outlet's: the speech
# verbs of news writing (as quotes.py attributes), verbs of belief, knowledge and of allegation.
REPORTING = frozenset(
    """say tell add write state note declare warn insist explain stress claim announce report rail lament
    indicate confirm argue assert acknowledge urge vow reply tweet clarify suggest describe call deny allege
    accuse charge complain contend maintain predict promise pledge boast brag admit concede believe think
    feel fear hope expect know realize realise conclude suspect doubt worry consider reckon agree
    estimate emphasize emphasise underline reiterate
    recall recount testify threaten remark observe mention comment respond answer""".split()
)
# Nouns whose clause ("the claim that ...", "came to the conclusion he would ...") holds someone's statement.
REPORTING_NOUNS = frozenset(
    """claim claims allegation allegations accusation accusations assertion statement statements belief view
    conclusion argument charge charges suggestion insistence warning warnings promise pledge hope fear""".split()
)
# A post embedded in a page: its text, then "— Name (@handle) date" on the same line.
EMBEDDED_POST = re.compile(r"^[^\n]*[—–]\s*[^\n—–]{1,60}\(@\w+\)[^\n]*$", re.MULTILINE)
QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# Without a parser: "said that ..." to the end of the sentence.
THAT_CLAUSE = re.compile(
    r"\b(?:" + "|".join(sorted(REPORTING)) + r")(?:s|ed|d)?\b[^.!?]{0,40}?\bthat\b[^.!?]*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class OwnVoice:
    """An article's own words: each sentence's own part (neither quoted nor reported), and its words out of
    quotation marks, each with its part of speech (spaCy's coarse tags: ADJ, ADV, NOUN, VERB, …, DEGREE for
    a grading adverb; "" when no tagger was at hand) and whether it is in reported speech."""

    sentences: tuple[str, ...]
    words: tuple[tuple[str, str, bool], ...]


def own_voice(text: str) -> OwnVoice:
    """The own-voice part of ``text``.

    >>> " ".join(own_voice('The regime railed: “The heroic army will win.”').sentences)
    'The regime railed:'
    """
    return own_voices([text])[0]


def own_voices(texts: Sequence[str]) -> list[OwnVoice]:
    """The own-voice part of each text, the texts parsed together (in batches, faster than one by one)."""
    if parser() is None:
        return [_without_parser(text, _quoted(text)) for text in texts]
    return [_with_parse(doc, _quoted(doc.text)) for doc in parsed(texts)]


def _quoted(text: str) -> list[tuple[int, int]]:
    """The character spans of the text's quotations and embedded posts."""
    return [m.span() for pattern in (QUOTED, EMBEDDED_POST) for m in pattern.finditer(text)]


def _with_parse(doc: Doc, quoted: list[tuple[int, int]]) -> OwnVoice:
    inside = [any(start <= t.idx < end for start, end in quoted) for t in doc]
    others = list(inside)
    saying = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING]
    for noun in doc:
        if noun.pos_ == "NOUN" and noun.text.lower() in REPORTING_NOUNS:
            for child in noun.children:
                # a finite clause (with its own subject), not "the plan to build"
                if child.dep_ in ("acl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    for inner in child.subtree:
                        others[inner.i] = True
    for token in saying:
        for index in _said(token):
            others[index] = True
    # an attribution inside reported speech ("doctors say they recover, the mayor told reporters, praising
    # the rescuers", where the parser hangs "told" under "say") is still the writer's: only what it reports is not
    for token in saying:
        if others[token.i] and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            said = _said(token)
            for word in token.subtree:
                others[word.i] = inside[word.i] or word.i in said
    for sent in doc.sents:
        found = ACCORDING.search(sent.text)
        if found:
            according = next(t for t in sent if t.idx >= sent.start_char + found.start())
            keep = {t.i for t in according.subtree}
            for token in sent:
                if token.i not in keep:
                    others[token.i] = True
    sentences: list[str] = []
    words: list[tuple[str, str, bool]] = []
    for sent in doc.sents:
        own = [t for t in sent if not others[t.i]]
        part = "".join(t.text_with_ws for t in own).strip()
        if any(t.is_alpha for t in own):
            sentences.append(part)
        words.extend(
            (t.text.lower(), _part(t), others[t.i]) for t in sent if not (inside[t.i] or t.is_punct or t.is_space)
        )
    return OwnVoice(tuple(sentences), tuple(words))


def _part(token: Token) -> str:
    """The token's coarse part of speech; DEGREE for an adverb that only grades an adjective or adverb
    ("pretty good", "badly damaged" is a verb's), which judges nothing itself."""
    if token.pos_ == "ADV" and token.dep_ == "advmod" and token.head.pos_ in ("ADJ", "ADV"):
        return "DEGREE"
    return token.pos_


def _said(verb: Token) -> set[int]:
    """The token indices of what a reporting verb reports (its complement clauses)."""
    return {inner.i for child in verb.children if child.dep_ == "ccomp" for inner in child.subtree}


def _without_parser(text: str, quoted: list[tuple[int, int]]) -> OwnVoice:
    from ..articles.sentences import split_sentences

    for start, end in reversed(quoted):
        text = text[:start] + " " + text[end:]
    sentences = []
    for sentence in split_sentences(text):
        found = ACCORDING.search(sentence)
        if found:
            sentence = sentence[found.start() :].split(",")[0]
        sentence = THAT_CLAUSE.sub(lambda m: m.group(0).split()[0], sentence).strip()
        if re.search(r"[A-Za-z]", sentence):
            sentences.append(sentence)
    words = tuple((w.lower(), "", False) for s in sentences for w in re.findall(r"[\w’'-]+", s))
    return OwnVoice(tuple(sentences), words)
