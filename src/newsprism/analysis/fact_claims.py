"""Whether a member sentence of a fact states another claim than the fact's row, by who does or says it and
by what its figures count: the tests that words in common and closeness as wholes cannot make.

Two sentences of one story share its names and much of its wording while telling two claims:
- two doers of the claim, each named: "China has publicly supported the strengthening of friendly relations
  between Russia and North Korea" and "John Nilsson-Wright ... noted that Putin is strengthening ties with
  North Korea" (what China does is not what Putin does), "Unnamed South Korean officials expressed concern"
  and "Putin expressed appreciation";
- two named speakers of it: what one person said is not what another said ("Foreign Ministry spokesman Lin
  Jian said ..." and "John Nilsson-Wright noted ...");
- one sum given to each of several and the same sum given once: "offering the victim and the witness $3,000
  each" is $6,000, "offered to give the victim $3,000" is $3,000;
- measures of other things: "objects ranging from 3 to 75 feet" and "about 200km from the site"
  (:func:`.fact_figures.other_measures`).
A doer is a name (a proper noun) heading the subject of a verb carrying the claim (:func:`.parse.main_verbs`,
through a verb of speech to the verb of what was said) or, in the passive voice, its agent. Two doers are
two when they share no word and one of them is not named in the other sentence at all: a sentence naming
both may tell of each ("the US has isolated Moscow" in what Nilsson-Wright noted). A role ("the president")
or a pronoun is no name and is never compared. Without spaCy no doer or speaker is read, which makes the
check weaker, never stricter.

>>> each_and_once("caught him offering the victim and the witness $3,000 each", "He offered the victim $3,000.")
True
>>> each_and_once("They paid $3,000 each.", "Both paid $3,000 each, police said.")
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.dates import DATELINE
from ..text.tokens import words
from .claims import figures
from .doc_cache import entity_docs, parsed, shared
from .fact_figures import other_measures
from .parse import REPORTING, speech_acts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Names = tuple[frozenset[str], frozenset[str]]  # the words of names, and all the words of their phrases

# A figure given to each of several ("$3,000 each", "$50 apiece", "10 pounds per person"): general English.
EACH = re.compile(
    r"(\$?\d[\d,.]*(?:\s+(?:thousand|million|billion))?)(?:\s+[\w-]+)?\s+"
    r"(?:each|apiece|a piece|per (?:person|head|capita))\b",
    re.IGNORECASE,
)
# Dependencies naming who does a verb, active or passive ("Kim received Putin", "Putin was received by Kim").
SUBJECTS = frozenset(("nsubj", "nsubjpass"))
# The dependency naming who says what a sentence reports, in the active voice ("McDowell said").
SPEAKER = frozenset(("nsubj",))
# The recogniser's kinds of names that do things; a nationality or party ("Republican") is said of many.
NAMED = frozenset(("PERSON", "ORG", "GPE"))
# Dependencies of the words that qualify a subject's head, at any depth, and the words of a subject joined to it.
QUALIFYING = frozenset(("compound", "flat", "amod", "nmod", "poss", "conj", "appos"))
# Words joining a clause of contrast to a claim's verb, which carries a claim too: general English.
CONTRAST = frozenset(("while", "whereas", "whilst"))
# Sentences with this many figures in common tell one set of figures (a table and the sentence reading it).
FIGURES_IN_COMMON = 2
# A dateline of a place and its agency ("PERTH (Reuters) -", "WASHINGTON —"), in capitals.
PLACE_LINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]+(?:, [\w.'’ ]+){0,3}?(?: \([\w ]+\))?\s*[—–-]{1,2}\s")


def each_and_once(a: str, b: str) -> bool:
    """Whether the sentences give one figure, one of them to each of several and the other not."""
    shared_figures = figures(a) & figures(b)
    if not shared_figures:
        return False
    each = [{re.sub(r"\D", "", m[1]) for m in EACH.finditer(text)} & shared_figures for text in (a, b)]
    return each[0] != each[1]


def other_claim(row: str, member: str) -> bool:
    """Whether ``member`` states another claim than ``row``: another doer, another speaker, a figure given
    to each of several in one and once in the other, or measures of other things. Sentences giving two or
    more figures in common tell one set of figures, whoever the parse takes for their doer."""
    if each_and_once(row, member) or other_measures(row, member):
        return True
    if shared() is None or len(figures(row) & figures(member)) >= FIGURES_IN_COMMON:
        return False
    # who speaks may be who does what is said ("Leo Varadkar has confirmed the Government is to rush through
    # emergency legislation", "Varadkar is to rush legislation through"): a doer is not two with its speaker
    said = speakers(row)[1] | doers(row)[1], speakers(member)[1] | doers(member)[1]
    return _two(doers(row), doers(member), row, member, said) or _two(
        speakers(row), speakers(member), row, member, said
    )


def one_voice(a: str, b: str) -> bool:
    """Whether a name says or does what both sentences tell: one person's two lines ("“I will not be a part
    of it,” Grijalva said in a statement" and "“… I will not support it,” ripped Rep. Raúl Grijalva") may
    state one claim in two quotations. Without spaCy, no name is read and no two lines are one voice."""
    if shared() is None:
        return False
    names = [speakers(text)[0] | doers(text)[0] for text in (a, b)]
    return bool(names[0] & names[1])


def _two(mine: Names, theirs: Names, row: str, member: str, said: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether two sentences' names are two doers (or two speakers): both given, no word of the phrases of
    either sentence's doers and speakers in common, and one of them not named in the other sentence at all."""
    names, other_names = mine[0], theirs[0]
    if not names or not other_names or said[0] & said[1] or _initials(names, other_names):
        return False
    return not names & set(words(member)) or not other_names & set(words(row))


def _initials(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one name is the other's initials: "U.S." and "United States"."""
    letters = [{w.replace(".", "") for w in names if "." in w or w.isupper()} for names in (a, b)]
    firsts = ["".join(sorted(w[0] for w in names)) for names in (a, b)]
    return any("".join(sorted(x)) == firsts[1 - n] for n, found in enumerate(letters) for x in found)


@lru_cache(maxsize=1 << 14)
def doers(sentence: str) -> Names:
    """The names doing the verbs that carry the sentence's claim, and all the words of those verbs'
    subjects (a name or not: "state police" and "Massachusetts State Police" share a word)."""
    names: set[str] = set()
    phrase: set[str] = set()
    for chain in _claim_verbs(sentence):
        passive = any(c.dep_ == "auxpass" for c in chain[-1].children)
        subjects = [p for c in chain[-1].children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subjects += [c for verb in chain for c in verb.children if c.dep_ == "nsubj" and not passive]
        if chain[-1].lemma_.lower() == "be":
            # a thing that "is" something is described ("Among these agreements is a landmark Partnership
            # Agreement"); a person who is somewhere or something is the claim's subject ("Kushner is under
            # scrutiny")
            subjects = [c for c in subjects if _label(c) == "PERSON"]
        for subject in subjects:
            names |= _name(subject)
            phrase |= _phrase(subject)
    return frozenset(names), frozenset(phrase)


@lru_cache(maxsize=1 << 14)
def speakers(sentence: str) -> Names:
    """The names saying what the sentence reports, at any depth ("McDowell said ..., WKMG reported"),
    and all the words of their phrases."""
    names: set[str] = set()
    phrase: set[str] = set()
    for verb, subjects in speech_acts(_parse(sentence), REPORTING, SPEAKER):
        if verb.pos_ in ("VERB", "AUX"):
            for subject in subjects:
                names |= _name(subject)
                phrase |= _phrase(subject)
    return frozenset(names), frozenset(phrase)


def _parse(sentence: str) -> Doc:
    """The sentence's parse, without the dateline that may open it ("Pyongyang, June 19, 2024 —", "PERTH
    (Reuters) -"): the place it was filed in does nothing."""
    found = DATELINE.match(sentence) or PLACE_LINE.match(sentence)
    rest = sentence[found.end() :].lstrip() if found else ""
    text = rest if len(rest.split()) >= 3 else sentence
    entity_docs([text])  # the recogniser's entities, on the Doc the parse is read from
    return parsed([text])[0]


def _claim_verbs(sentence: str) -> list[list[Token]]:
    """The verbs carrying the sentence's claim: each part's root, or, when it reports speech, the verb of
    what was said, with the verbs joined to it ("and", "while"); each with the verbs it leads to ("is
    expected to sign": is expected, sign), whose subject is the first one's."""
    chains: list[list[Token]] = []
    for part in _parse(sentence).sents:
        found = [part.root]
        if part.root.lemma_.lower() in REPORTING:
            found = [c for c in part.root.children if c.dep_ in ("ccomp", "xcomp")]
        found += [c for h in found for c in h.children if _joined(c)]
        for head in found:
            chain = [head]
            while (
                led := next((c for c in chain[-1].children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            ) is not None:
                chain.append(led)
            if head.pos_ in ("VERB", "AUX"):
                chains.append(chain)
    return chains


def _joined(verb: Token) -> bool:
    """Whether a verb hanging from a claim's verb carries a claim of its own: joined by "and", or by a
    "while" of contrast ("North Korea seeks technology, while Russia needs weapons"); a clause of cause or
    condition ("Just because Obama has Boehner in agreement, the vote is not a done deal") does not."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.dep_ == "conj" or (
        verb.dep_ == "advcl" and any(c.lower_ in CONTRAST for c in verb.children if c.dep_ == "mark")
    )


def _name(token: Token) -> set[str]:
    """The words of the name a subject's head is (a person, an organisation, a country or city, as the
    recogniser reads it), lower-cased; nothing for a role or a party ("the Palmetto State's Republican")."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if span is None or span.label_ not in NAMED:
        return set()
    return {t.lower_ for t in span if (t.is_alpha or "." in t.text) and t.pos_ != "DET"}


def _label(token: Token) -> str:
    """The recogniser's kind of the name the token is in, or "" outside names."""
    return token.ent_type_


def _phrase(token: Token) -> set[str]:
    """The content words of a subject's phrase, lower-cased: its head and the words qualifying it, however
    deep ("ruling Law & Justice party leader Jaroslaw Kaczynski"), and what an apposition calls it, not its
    clauses ("Jared Kushner, the president's son-in-law")."""
    found, todo = set(), [token]
    while todo:
        word = todo.pop()
        found.add(word)
        todo += [c for c in word.children if c.dep_ in QUALIFYING]
    return {t.lower_ for t in found if t.is_alpha and not t.is_stop}
