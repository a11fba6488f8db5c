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

The text is read sentence by sentence, newsprism's sentences (the ones every analyser reads), each
parsed alone and only when it holds a word of saying (or the caller reads its parse): a sentence without
one is all the outlet's but what it quotes, and the parser is most of framing's time. Quotations are
found in the whole text, so one that runs over several sentences is someone else's in each.

Without spaCy only the quotation marks and "according to" are recognised, and a "said that" clause is cut
to the end of its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..articles.posts import is_embedded_post
from .doc_cache import tokenised
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
# A line of the text, to find the posts embedded in the page (:mod:`newsprism.articles.posts`).
LINE = re.compile(r"[^\n]+")
# Two right single quotes close a quotation in some papers' typesetting (“Evil Dead’’).
QUOTED = re.compile(r"“[^“”]*?(?:”|’’)|\"[^\"\n]*\"")
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


def own_voices(
    texts: Sequence[str],
    sentences: Sequence[Sequence[str]] | None = None,
    needs_parse: Callable[[str, frozenset[str], bool], bool] | None = None,
) -> list[OwnVoice]:
    """The own-voice part of each text, read sentence by sentence: ``sentences`` are each text's, in order
    (newsprism's splitter's when None; text between them, a page's stray headings, is no one's voice).

    Only a sentence that holds a word of saying, a noun of saying or "according to" has parts that are not
    the outlet's. ``needs_parse`` says from a sentence, its words in lower case (:func:`lower_words`) and
    whether it holds such a word whether the caller reads its parse (the parts of speech of its words, what
    is reported); only those sentences are parsed, the others read as their tokens out of quotation marks
    (parts of speech ""). Every sentence is parsed when it is None. The Docs are the ones every analyser
    shares, parsed together in batches.
    """
    if parser() is None:
        return [_without_parser(text, _quoted(text)) for text in texts]
    from ..articles.sentences import split_sentences

    split = [list(s) for s in sentences] if sentences is not None else [split_sentences(t) for t in texts]
    every = [s for text_sentences in split for s in text_sentences]
    saying = saying_forms() | REPORTING_NOUNS
    chosen = [
        s
        for s, doc in zip(every, tokenised(every), strict=True)
        if needs_parse is None or _needs(s, doc, saying, needs_parse)
    ]
    docs = dict(zip(chosen, parsed(chosen), strict=True))
    chosen_set = set(docs)
    # a sentence not chosen is read from its tokens even when another analyser has parsed it since, so
    # that what framing finds does not depend on what ran before
    rest = [s for s in dict.fromkeys(every) if s not in chosen_set]
    docs.update(zip(rest, tokenised(rest), strict=True))
    voices = []
    for text, text_sentences in zip(texts, split, strict=True):
        quoted, start = _quoted(text), 0
        parts: list[str] = []
        words: list[tuple[str, str, bool]] = []
        for sentence in text_sentences:
            found = text.find(sentence, start)  # a sentence is a piece of its text, in order
            if found < 0:  # not as a piece (a caller's own split): its own quotations
                spans = _quoted(sentence)
            else:  # a quotation may span sentences: it is found in the whole text
                spans = [(a - found, b - found) for a, b in quoted if a < found + len(sentence) and b > found]
                start = found + len(sentence)
            part, said = _with_parse(docs[sentence], spans, sentence in chosen_set)
            if part:
                parts.append(part)
            words.extend(said)
        voices.append(OwnVoice(tuple(parts), tuple(words)))
    return voices


@lru_cache(maxsize=1)
def saying_forms() -> frozenset[str]:
    """Every form (lower case) the shared pipeline can lemmatise to a verb of :data:`REPORTING`: the
    lemma itself, what the lemmatiser's suffix rules take back to it ("says", "stated"), and the
    irregular forms of its exception tables and of the attribute ruler ("said", "thought")."""
    nlp = parser()
    assert nlp is not None
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    forms = set(REPORTING)
    for pos in ("verb", "aux"):
        rules = lookups.get_table("lemma_rules", {}).get(pos, [])
        # a rule (old suffix, new suffix) takes a form ending in "old" to a lemma ending in "new"
        forms |= {w[: len(w) - len(new)] + old for w in REPORTING for old, new in rules if w.endswith(new)}
        exceptions = lookups.get_table("lemma_exc", {}).get(pos, {})
        forms |= {form for form, lemmas in exceptions.items() if REPORTING & set(lemmas)}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        if str(pattern["attrs"].get("LEMMA", "")).lower() in REPORTING:
            forms |= {str(t.get("LOWER", "")).lower() for p in pattern["patterns"] for t in p}
    return frozenset(forms)


def lower_words(doc: Doc) -> frozenset[str]:
    """The words of a Doc in lower case (its tokens' ``lower_``), read as one array rather than token by token."""
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    return frozenset(strings[h] for h in set(doc.to_array(LOWER).tolist()))


def _needs(
    text: str, doc: Doc, saying: frozenset[str], needs_parse: Callable[[str, frozenset[str], bool], bool]
) -> bool:
    """``needs_parse`` of a sentence, told whether it holds a word that can make some of it someone else's (a
    verb or noun of saying, "according to"): only such a sentence needs its parse to find its own voice."""
    lowers = lower_words(doc)
    return needs_parse(text, lowers, not saying.isdisjoint(lowers) or bool(ACCORDING.search(text)))


def _quoted(text: str) -> list[tuple[int, int]]:
    """The character spans of the text's quotations and embedded posts."""
    posts = [m.span() for m in LINE.finditer(text) if is_embedded_post(m.group())]
    return [m.span() for m in QUOTED.finditer(text)] + posts


def _with_parse(doc: Doc, quoted: list[tuple[int, int]], read_parse: bool) -> tuple[str, list[tuple[str, str, bool]]]:
    """A sentence's own part and its words out of quotation marks (``quoted``: the spans of quotations in
    it); with ``read_parse``, its parse finds reported speech and parts of speech ("" without)."""
    tokens = list(doc)  # each token read once: a Token is made anew each time a Doc is iterated
    inside = [False] * len(tokens)
    if quoted:  # the tokens that start inside a quotation: token starts rise, so each span is a run of them
        starts = [t.idx for t in tokens]
        for start, end in quoted:
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            inside[first:last] = [True] * (last - first)
    others = list(inside)
    if read_parse:
        _mark_reported(doc, tokens, inside, others)
    own = [t for t in tokens if not others[t.i]]
    part = "".join(t.text_with_ws for t in own).strip() if any(t.is_alpha for t in own) else ""
    words = [
        (t.text.lower(), _part(t) if read_parse else "", others[t.i])
        for t in tokens
        if not (inside[t.i] or t.is_punct or t.is_space)
    ]
    return part, words


def _mark_reported(doc: Doc, tokens: list[Token], inside: list[bool], others: list[bool]) -> None:
    """Marks in ``others`` the tokens of reported speech (``tokens``: the Doc's): clauses of verbs and nouns
    of saying, all but the attribution of a sentence "according to" someone."""
    saying = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING]
    for noun in tokens:
        if noun.pos_ == "NOUN" and noun.text.lower() in REPORTING_NOUNS:
            for child in noun.children:
                # a finite clause (with its own subject), not "the plan to build"
                if child.dep_ in ("acl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    for inner in child.subtree:
                        others[inner.i] = True
    reported = [_said(token) for token in saying]
    for said in reported:
        for index in said:
            others[index] = True
    # an attribution inside reported speech ("doctors say they recover, the mayor told reporters, praising
    # the rescuers", where the parser hangs "told" under "say") is still the writer's: only what it reports is not
    for token, said in zip(saying, reported, strict=True):
        if others[token.i] and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
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
