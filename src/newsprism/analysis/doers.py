"""Conflicts over who did something: "The victim … agreed to wear a recording device" in one article, "the
victim's husband wore a recording device" in another.

An act is a verb with the thing it acts on, told in at least two words ("wore a recording device",
"scored the winning goal"): one word ("took the phone") is said of many things. Two articles that give
one act two doers disagree only when the doers are surely two people:
- one doer is the other's relation ("the victim" and "the victim's husband", "Smith" and "Smith's son"),
- or both are people's names (spaCy PERSON) with different surnames, neither of which the other article
  mentions at all (an article that knows both may tell of each doing it, as a nickname and a surname,
  "Kim" and "Kardashian", are one person).
A doer told by a role noun and another by a name ("Trump's attorney", "Cohen") may be one person, and two
role nouns ("a judge", "the lawsuit") may be no people: neither is compared. An article that gives the
act two doers tells of both doing it and is left out. Speech and light verbs ("say", "have", "make")
are no act.

>>> from newsprism.records import Article, Story
>>> a = "The victim agreed to wear a recording device at the meeting."
>>> b = "At the meeting, the victim's husband wore a recording device."
>>> story = Story("s", (Article("a", a, sentences=(a,)), Article("b", b, sentences=(b,))))
>>> [(c.about, [s.value for s in c.sides]) for c in doer_conflicts(story, story.sentences())]  # doctest: +SKIP
[('who did it: wear recording device', ['the victim', "the victim's husband"])]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from ..records import Conflict, ConflictSide, Evidence, Sentence, Story
from .doc_cache import entity_docs, parsed, shared
from .ownvoice import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs of English too light to tell an act by their object ("have a chance", "make a statement").
LIGHT = frozenset(
    "be have do make take get give go come see want need use know find keep put let begin seem become leave show "
    "try call ask meet hold".split()
)
# Words of the object phrase, its head among them, that make an act specific enough to have one doer.
ACT_WORDS = 2
# Dependencies by which a verb takes its subject from the verb it hangs from ("contacted police and
# agreed to wear a device": the one who contacted wears).
SHARED_SUBJECT = frozenset(("xcomp", "conj"))
# The parse may hang a subject on the wrong verb and an article may leave a second doer out: possible.
CONFIDENCE = 0.5
REASON = "one act, told with the same verb and object, done by two different people"


@dataclass(frozen=True, slots=True)
class Act:
    act: tuple[str, str]
    doer: str
    head: str
    owner: str
    person: bool
    sentence: Sentence


def doer_conflicts(story: Story, sentences: list[Sentence]) -> list[Conflict]:
    if shared() is None:
        return []
    texts = {a.id: a.text.lower() for a in story.articles}
    docs = parsed([s.text for s in sentences])
    people = [{e.root.i for e in doc.ents if e.label_ == "PERSON"} for doc in entity_docs([s.text for s in sentences])]
    acts = [a for s, doc, named in zip(sentences, docs, people, strict=True) for a in _acts(s, doc, named)]
    doers: dict[tuple[str, tuple[str, str]], set[str]] = defaultdict(set)
    for act in acts:
        doers[(act.sentence.article, act.act)].add(act.head)
    conflicts: dict[tuple[str, str, tuple[str, str]], Conflict] = {}
    for a, b in combinations(acts, 2):
        if a.sentence.article == b.sentence.article or a.act != b.act or a.head == b.head:
            continue
        if len(doers[(a.sentence.article, a.act)]) > 1 or len(doers[(b.sentence.article, b.act)]) > 1:
            continue
        if _related(a, b) or _two_people(a, b, texts):
            key = (a.sentence.article, b.sentence.article, a.act)
            conflicts.setdefault(key, _conflict(a, b))
    return list(conflicts.values())


def _acts(sentence: Sentence, doc: Doc, named: set[int]) -> list[Act]:
    from spacy.attrs import POS
    from spacy.symbols import VERB

    found = []
    # only the verbs are read as tokens (their parts of speech as one array): a Token is made anew each time
    verbs = [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos == VERB] if len(doc) else []
    for verb in (doc[i] for i in verbs):
        lemma = verb.lemma_.lower()
        if lemma in REPORTING or lemma in LIGHT:
            continue
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        doer = _subject(verb)
        if thing is None or doer is None or doer.pos_ not in ("NOUN", "PROPN"):
            continue
        words = [t.lower_ for t in thing.lefts if t.dep_ in ("compound", "amod")] + [thing.lemma_.lower()]
        if len(words) < ACT_WORDS:
            continue
        owner = next((c.lemma_.lower() for c in doer.children if c.dep_ == "poss"), "")
        phrase = doc[doer.left_edge.i : doer.i + 1].text
        found.append(Act((lemma, " ".join(words)), phrase, doer.lemma_.lower(), owner, doer.i in named, sentence))
    return found


def _subject(verb: Token) -> Token | None:
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return subject
        verb = verb.head


def _related(a: Act, b: Act) -> bool:
    """Whether one doer is the other's relation: "the victim" and "the victim's husband"."""
    return (not a.owner and b.owner == a.head) or (not b.owner and a.owner == b.head)


def _two_people(a: Act, b: Act, texts: dict[str, str]) -> bool:
    """Whether the doers are two named people, each unknown to the other's article."""
    return (
        a.person
        and b.person
        and not a.owner
        and not b.owner
        and a.head not in texts[b.sentence.article]
        and b.head not in texts[a.sentence.article]
    )


def _conflict(a: Act, b: Act) -> Conflict:
    sides = tuple(
        ConflictSide(act.doer, (act.sentence.article,), (Evidence(act.sentence.article, act.sentence.text),))
        for act in (a, b)
    )
    return Conflict("", f"who did it: {' '.join(a.act)}", sides, kind="name", reasons=(REASON,), confidence=CONFIDENCE)
