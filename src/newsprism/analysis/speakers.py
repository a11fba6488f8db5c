"""Conflicts over who said something: one quotation given to two different people.

Outlets that quote the same words ("You know how things are with Trump's laws now; someone goes to
court, and boom, they get taken away") and name a different person as the one who said them cannot
both be right. A quotation's speaker is read by :func:`newsprism.analysis.quotes.find_quotes`; here
it counts only where it is a person's name (not "the indictment", "court documents", "the lawyer")
written in the quotation's own sentence, outside the quotation: a speaker carried over from an earlier
sentence ("…," he said) may be the reader's guess rather than the outlet's claim. Two quotations are
the same words when most word pairs of the shorter one are in the other (punctuation and case aside:
"now; someone goes" and "now. Someone goes" are one quotation), and a speaker is the same person when
one name holds the other's surname ("Vasiliades", "Christos Vasiliades").

A quotation standing as its own sentence may be attributed in the sentence next to it, as news writes:
the one after, when the quotation ends on "?" or "!" (“… documents?'” Rodriguez was recorded saying), or
the one before, ending on an attribution, when the quotation goes on from it (“…,” the lawyer said.
“They're going to ask …”); such an attribution counts as the quotation's own sentence's. An outlet may
also give a quotation to a person it describes rather than names ("the lawyer said"): a noun after "the"
whose ending makes a doer of it (lawyer, prosecutor, spokesman), not a document ("the indictment").
Against another outlet's named speaker that is a possible difference only, told when the describing
outlet calls the named person something else in apposition ("the attorney's associate, Edgar
Rodriguez"): a described speaker may be the named one under a word of the same meaning. Without spaCy
there are no such differences.

>>> from newsprism.records import Article, Story
>>> a = '“We will not give up this fight for the families,” Smith told reporters on Monday.'
>>> b = '“We will not give up this fight for the families,” Jones said after the hearing.'
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in speaker_conflicts(story, story.sentences())]
[('who said “We will not give up this fight for…”', ['Jones', 'Smith'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from ..text.tokens import STOPWORDS
from .doc_cache import parsed, shared, tokens_of
from .entities import ORG_WORDS
from .name_forms import translit_key
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A quotation shorter than this many words may be a common phrase two people both say ("we are
# heartbroken"); longer ones, word for word, are one person's words.
MIN_WORDS = 8
# Share of the shorter quotation's word pairs that the other must hold to be the same words: high
# enough that two quotations merely about one thing differ, low enough for a word cut or added.
SHARED_PAIRS = 0.6
# A quotation runs over at most this many of the sentences newsprism splits an article into.
MAX_SENTENCES = 4
# A quotation and a name in its sentence say who spoke, but an outlet may quote a person quoting
# another: not as sure as a value of one fact.
CONFIDENCE = 0.7
# How a conflict over a quotation's speaker names what it is about, the quotation's opening words after it.
ABOUT = "who said “"
OPENING_WORDS = 8
REASON = "the same quotation given to two people, each named in the quotation's sentence"
# A described speaker: "the" and one small-letter noun with a doer's ending (law-yer, prosecut-or,
# spokes-man, assist-ant, employ-ee, econom-ist, librar-ian).
DOER = re.compile(r"the (?P<role>[a-z]+(?:er|or|ist|ian|man|woman|person|ant|ee))")
DESCRIBED_CONFIDENCE = 0.5
DESCRIBED_REASON = (
    "the same quotation given to a named person by one outlet and to a person described otherwise by another,"
    " which calls the named person something else"
)


@dataclass(frozen=True, slots=True)
class Said:
    speaker: str
    surname: str  # "" for a described speaker
    role: str  # a described speaker's noun ("lawyer"), "" for a named one
    quotation: str
    pairs: frozenset[tuple[str, str]]
    sentence: Sentence  # the quotation's sentence naming its speaker, or else the one it opens
    attribution: Sentence | None = None  # the sentence next to it naming the speaker, when it is not that one


def speaker_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    by_article: dict[str, list[Sentence]] = {}  # each article's rows, gathered in one pass
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    said = [s for article in story.articles for s in _said(article.text, by_article.get(article.id, []))]
    conflicts: dict[frozenset[str], Conflict] = {}
    for a, b in combinations(said, 2):
        if a.sentence.article == b.sentence.article or a.surname == b.surname or not _same_words(a, b):
            continue
        if a.role or b.role:
            named, described = (b, a) if a.role else (a, b)
            rows = by_article.get(described.sentence.article, [])
            if named.surname and _called_otherwise(rows, named.surname, described.role):
                key = frozenset((named.sentence.text, described.sentence.text))
                conflicts.setdefault(key, _conflict(named, described, DESCRIBED_REASON, DESCRIBED_CONFIDENCE))
            continue
        if a.surname in _keys(b.speaker) or b.surname in _keys(a.speaker):
            continue
        key = frozenset((a.sentence.text, b.sentence.text))
        conflicts.setdefault(key, _conflict(a, b, REASON, CONFIDENCE))
    return list(conflicts.values())


def _conflict(a: Said, b: Said, reason: str, confidence: float) -> Conflict:
    first, second = sorted((a, b), key=lambda s: s.speaker)
    opening = " ".join(first.quotation.split()[:OPENING_WORDS])
    sides = tuple(
        ConflictSide(
            s.speaker,
            (s.sentence.article,),
            tuple(Evidence(r.article, r.text) for r in (s.sentence, s.attribution) if r is not None),
        )
        for s in (first, second)
    )
    return Conflict("", f"{ABOUT}{opening}…”", sides, kind="name", reasons=(reason,), confidence=confidence)


def gives_speaker(conflict: Conflict, speaker: str, sentence: str) -> bool:
    """Whether ``sentence`` gives the quotation a conflict over its speaker is about (its opening words)
    to ``speaker``: "Vasiliades tells the victim's husband “you know how things are with Trump's laws”"."""
    if not conflict.about.startswith(ABOUT) or not (surname := _surname(speaker)):
        return False
    opening = _words(conflict.about.removeprefix(ABOUT))
    pairs, words = set(pairwise(opening)), _words(sentence)
    shared = pairs & set(pairwise(words))
    return bool(pairs) and len(shared) >= SHARED_PAIRS * len(pairs) and surname in _keys(sentence)


def _said(text: str, rows: list[Sentence]) -> list[Said]:
    """The article's quotations whose speaker is a person named, or described, in the quotation's
    sentences (``rows``: the article's, in order; a quotation may run over several: "“… laws now. Someone
    goes to court …,” Vasiliades told …") or in the sentence before one the quotation opens."""
    own = [" ".join(s.text.split()) for s in rows]
    found = []
    for quote in find_quotes(text):
        words = _words(quote.text)
        if not quote.speaker or len(words) < MIN_WORDS:
            continue
        surname = _surname(quote.speaker) or ""
        role = "" if surname else _role(quote.speaker)
        if not (surname or role):
            continue
        quoted = " ".join(quote.text.split())
        opening = " ".join(quoted.split()[:6])
        first = next((n for n, s in enumerate(own) if opening in s), None)
        if first is None:
            continue
        span = range(first, min(first + MAX_SENTENCES, len(own)))
        last = next((n for n in span if " ".join(own[first : n + 1]).count(quoted)), None)
        if last is None:
            continue
        outside = " ".join(own[first : last + 1]).replace(quoted, " ")
        named = [n for n in range(first, last + 1) if _names(own[n].replace(quoted, " "), surname, role)]
        pairs = frozenset(pairwise(words))
        if named and _names(outside, surname, role):
            found.append(Said(quote.speaker, surname, role, quoted, pairs, rows[named[0]]))
        elif near := [n for n in _attribution(own, first, last) if _names(_after_quotes(own[n]), surname, role)]:
            found.append(Said(quote.speaker, surname, role, quoted, pairs, rows[first], rows[near[0]]))
    return found


def _after_quotes(text: str) -> str:
    """A sentence's words after its last quotation: where it names the speaker of that quotation."""
    return re.split(r"[”\"]", text)[-1]


def _attribution(own: list[str], first: int, last: int) -> list[int]:
    """The sentences next to a quotation that stands as its own sentence(s) where news writes its
    attribution: the one after, when the quotation ends its sentence on "?" or "!" (“… documents?'”
    Rodriguez was recorded saying); the one before, itself ending on a quotation's attribution, when the
    quotation opens its sentence (“…,” the lawyer said. “They're going to ask …”)."""
    found = []
    if last + 1 < len(own) and re.search(r"[?!]['’]?[”\"]$", own[last]):
        found.append(last + 1)
    if first and own[first][:1] in '“"' and re.search(r"[”\"]", own[first - 1]):
        found.append(first - 1)
    return found


def _names(text: str, surname: str, role: str) -> bool:
    """Whether ``text`` names the speaker: their surname, or "the" and their role."""
    return surname in _keys(text) if surname else f"the {role}" in text.lower()


def _role(speaker: str) -> str:
    """A described speaker's noun ("the lawyer": "lawyer"), or "" for any other speaker."""
    found = DOER.fullmatch(speaker)
    return found.group("role") if found and found.group("role") not in ORG_WORDS else ""  # not "the committee"


def _called_otherwise(rows: list[Sentence], surname: str, role: str) -> bool:
    """Whether the article describes the person of ``surname`` in apposition or before the name (the
    attorney's associate, Edgar Rodriguez; interpreter Edgar Rodriguez), never as ``role``."""
    if shared() is None:  # no parse, no description read
        return False
    texts = [s.text for s in rows if surname in _keys(s.text)]
    called = {d for doc in parsed(texts) for d in _descriptions(doc, surname)}
    return bool(called) and role not in called


def _descriptions(doc: Doc, surname: str) -> set[str]:
    """The nouns a parsed sentence describes the person of ``surname`` with (lemmas)."""
    found: set[str] = set()
    for token in tokens_of(doc, "PROPN"):
        if surname not in _keys(token.text):
            continue
        name = token
        while name.dep_ == "compound" and name.head.pos_ == "PROPN":
            name = name.head
        nouns = [c for c in name.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
        if name.dep_ == "appos" and name.head.pos_ == "NOUN":
            nouns.append(name.head)
        found.update(n.lemma_.lower() for n in nouns)
    return found


def _surname(speaker: str) -> str | None:
    """The surname of a speaker written as a person's name ("Maryland Attorney General Brian Frosh":
    "frosh"), or None: a capitalised last word, before any "of" ("Elizabeth Alex of CASA"), no function
    word, no organisation's word ("the indictment", "Justice Department" are not persons)."""
    words = speaker.split(" of ")[0].split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    if any(w.lower() in STOPWORDS or w.lower().strip(".") in ORG_WORDS for w in words):
        return None
    last = _keys(words[-1])
    return last[-1] if last else None


def _same_words(a: Said, b: Said) -> bool:
    shorter = min(len(a.pairs), len(b.pairs))
    return shorter > 0 and len(a.pairs & b.pairs) >= SHARED_PAIRS * shorter


def _keys(text: str) -> list[str]:
    """The words' spelling-insensitive keys ("Bélanger" and "Belanger" are one)."""
    return [w.strip("'") for w in re.findall(r"[\w']+", translit_key(text))]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
