"""Dependency parses, for the checks that read a sentence's grammar rather than its words.

The parser is spaCy's English model, in the pipeline every analyser shares (:mod:`.doc_cache`): a text
is parsed once, whichever analyser asks first, and its Doc kept for the others. Without spaCy the checks
that need a parse are skipped, which makes them weaker, never stricter; :func:`parser_name` says which ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .doc_cache import installed_model, model_label, parsed, shared

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# Verbs that report speech or writing: in "the Kremlin said Putin will travel", the claim is "travel".
REPORTING = frozenset(
    """say tell report announce add note state claim confirm explain write declare insist argue warn
    suggest reveal acknowledge according allege believe think""".split()
)


def parser_name() -> str:
    """The parser that runs, as the report names it, or "none"."""
    model = installed_model()
    return model_label(model) if model else "none"


def parser() -> Language | None:
    """spaCy's English pipeline, loaded once and shared; None when it is not installed. Read parses with
    :func:`.doc_cache.parsed`, which parses each text once for every analyser."""
    cache = shared()
    return cache.nlp if cache else None


@lru_cache(maxsize=1 << 12)
def main_verbs(sentence: str) -> tuple[tuple[str, str], ...]:
    """The verbs that carry a sentence's claim, each as its lemma and its form in the sentence: its root,
    or, when the root reports speech, the verb of what was said; followed down to the verb a root leads
    to ("are expected to sign": sign).

    >>> main_verbs("Putin was warmly received by Kim.")  # doctest: +SKIP
    (('receive', 'received'),)
    >>> main_verbs("The Kremlin said the two are expected to sign a treaty.")  # doctest: +SKIP
    (('sign', 'sign'),)
    """
    if parser() is None:
        return ()
    verbs = []
    for part in parsed([sentence])[0].sents:
        heads = [part.root]
        if part.root.lemma_.lower() in REPORTING:
            heads = [child for child in part.root.children if child.dep_ in ("ccomp", "xcomp")]
        for head in heads:
            while (led := next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)) is not None:
                head = led
            if head.pos_ == "VERB" and head.lemma_.lower() not in REPORTING:
                verbs.append((head.lemma_.lower(), head.lower_))
    return tuple(dict.fromkeys(verbs))


def has_a_verb(sentence: str) -> bool:
    """Whether a sentence holds a verb: one without ("Oh, and also a full Windows 8 all-in-one computer.")
    is a fragment that leans on the sentence before. Without a parser every sentence passes.

    >>> has_a_verb("Oh, and also a full Windows 8 all-in-one computer.")  # doctest: +SKIP
    False
    """
    if parser() is None:
        return True
    return any(token.pos_ in ("VERB", "AUX") for token in parsed([sentence])[0])


def speech_acts(doc: Doc, verbs: frozenset[str], subject_deps: frozenset[str]) -> Iterator[tuple[Token, list[Token]]]:
    """The words of ``doc`` whose lemma is one of ``verbs`` (of speech) and that have a subject, by one of
    ``subject_deps``, each with its subjects: who says what a sentence reports, as :func:`.fact_claims.speakers`
    and :func:`.fact_words.attribution` read it, each with its own verbs and subjects."""
    for token in doc:
        if token.lemma_.lower() in verbs and (subjects := [c for c in token.children if c.dep_ in subject_deps]):
            yield token, subjects
