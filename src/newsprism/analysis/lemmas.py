"""spaCy's lemmatizer, its lemmas looked up by word, part of speech and morphology once computed.

The English models' rule lemmatizer gives a token the lemma of its word, coarse part of speech and
morphological features alone (its own cache is keyed by them), yet it took a fifth of a parse's time in
the shared pipeline (:mod:`.doc_cache`), as much as the parser: it reads each token through Python
objects, and each new word is looked for in lists of up to 57,000 known words, one by one. Here the
three are read for a whole Doc at once as integers, a lemma already computed for them is set directly,
and a new one is computed by the lemmatizer's rules with its lists of words made sets: the same lemmas
(``tests/test_lemmas.py`` compares them). Only tokens without a lemma are lemmatised (the attribute
ruler gives some, "said" → "say"), as the lemmatizer does unless told to overwrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc, Token

# The lemmatizer's modes whose lemma is a function of a token's word, part of speech and morphology.
KNOWN_MODES = frozenset(("rule", "lookup"))


class FastLemmatizer:
    """The lemmatizer's lemmas, kept by (word, part of speech, morphology) as hashes."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        tables = lemmatizer.lookups
        # the rule mode's tables, its lists of known words by part of speech made sets
        self.rule = lemmatizer.mode == "rule"
        self.known = tables.get_table("lemma_index", {})
        self.index: dict[str, frozenset[str]] = {}  # by part of speech, made when first asked
        self.exceptions = tables.get_table("lemma_exc", {})
        self.rules = tables.get_table("lemma_rules", {})

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        overwrite, lemmas, strings = self.lemmatizer.overwrite, self.lemmas, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                continue
            found = lemmas.get((orth, pos, morph))
            if found is None:
                found = lemmas[orth, pos, morph] = strings.add(self._lemma(doc[i]))
            doc[i].lemma = found
        return doc

    def _lemma(self, token: Token) -> str:
        """The first lemma of ``Lemmatizer.rule_lemmatize`` (spaCy 3.8), its word lists looked up as sets;
        the lemmatizer itself for another mode and for the cases it answers before reading the lists."""
        pos = token.pos_.lower()
        if not self.rule or pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return str(self.lemmatizer.lemmatize(token)[0])
        if pos not in self.index:  # the table's keys are hashes: looked up by the part of speech's name
            self.index[pos] = frozenset(self.known.get(pos) or ())
        index, exceptions, rules = self.index[pos], self.exceptions.get(pos), self.rules.get(pos)
        if not any((index, exceptions, rules)):
            return str(self.lemmatizer.lemmatize(token)[0])
        exceptions, rules = exceptions or {}, rules or []
        string = token.text.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):  # exceptions first
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [token.text])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        """The lemmas of each Doc (``batch_size`` is the lemmatizer's argument, not needed here)."""
        return (self(doc) for doc in docs)


def fast_lemmatizer(lemmatizer: Lemmatizer) -> FastLemmatizer | None:
    """The looked-up form of ``lemmatizer``, or None for a mode whose lemma may read more of a token."""
    return FastLemmatizer(lemmatizer) if lemmatizer.mode in KNOWN_MODES else None
