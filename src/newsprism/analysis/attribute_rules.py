"""spaCy's attribute ruler (tags to parts of speech and morphology, and its exceptions), applied by
looking its rules up by word and tag instead of running its Matcher over every token.

The English models' ruler has about 180 rules of one or two tokens, each on a word, a tag, a dependency
or whitespace. spaCy's Matcher tries the rules token by token, and in the shared pipeline
(:mod:`.doc_cache`) that took a quarter of a parse's time, as much as the parser. Here the rules are
indexed by the word or tag they name (the few that name neither are tried on every token), each is
checked as the Matcher checks it (equal, ``IN``, ``NOT_IN``, ``REGEX``), every match is found before
any is applied, and the matches are applied in the ruler's order (by rule, later rules last), with the
ruler's own attribute setter: the same annotation (``tests/test_attribute_rules.py`` compares them).
A rule this does not know how to read makes :func:`fast_ruler` give None, and the ruler itself runs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

# What a rule's token can name, and how to read it off a token.
READ: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
Check = Callable[["Token"], bool]


def _check(name: str, wanted: Any) -> Check | None:
    """A token check for one attribute of a rule's token, as the Matcher reads it; None when unknown."""
    read = READ.get(name)
    if read is None:
        return None
    if not isinstance(wanted, dict):
        return lambda t: bool(read(t) == wanted)
    if len(wanted) != 1:
        return None
    ((how, value),) = wanted.items()
    if how == "IN":
        among = frozenset(value)
        return lambda t: read(t) in among
    if how == "NOT_IN":
        outside = frozenset(value)
        return lambda t: read(t) not in outside
    if how == "REGEX":
        pattern = re.compile(value)
        return lambda t: bool(pattern.search(read(t)))
    return None


class FastRuler:
    """The attribute ruler's rules, indexed (see the module's docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self.attrs = ruler.attrs
        # each rule's token checks and the index of the token it sets, under the attribute value its
        # first token names (the first of LOWER, TAG, DEP, IS_SPACE it names one or a list of)
        self.index: dict[tuple[str, Any], list[tuple[int, list[Check], int]]] = defaultdict(list)
        self.anywhere: list[tuple[int, list[Check], int]] = []
        self.known = True
        for rule, given in enumerate(ruler.patterns):
            for pattern in given["patterns"]:  # type: ignore[union-attr]
                self._add(rule, pattern, int(given.get("index", 0)))  # type: ignore[arg-type]

    def _add(self, rule: int, pattern: list[dict[str, Any]], index: int) -> None:
        checks = [[_check(name, wanted) for name, wanted in token.items()] for token in pattern]
        unknown = any(c is None for token in checks for c in token)
        if not pattern or unknown or not -len(pattern) <= index < len(pattern):
            self.known = False
            return
        entry = (rule, [_all(token) for token in checks], index % len(pattern))  # type: ignore[arg-type]
        for name in READ:
            wanted = pattern[0].get(name)
            if isinstance(wanted, dict) and set(wanted) == {"IN"}:
                for value in set(wanted["IN"]):
                    self.index[name, value].append(entry)
                return
            if wanted is not None and not isinstance(wanted, dict):
                self.index[name, wanted].append(entry)
                return
        self.anywhere.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        tokens = list(doc)
        index = self.index
        for start, token in enumerate(tokens):
            for rule, checks, at in (
                *index.get(("LOWER", token.lower_), ()),
                *index.get(("TAG", token.tag_), ()),
                *index.get(("DEP", token.dep_), ()),
                *index.get(("IS_SPACE", token.is_space), ()),
                *self.anywhere,
            ):
                end = start + len(checks)
                if end <= len(tokens) and all(check(t) for check, t in zip(checks, tokens[start:end], strict=True)):
                    matches.append((rule, start, start + at))
        matches.sort()
        for rule, _, target in matches:
            self._set(tokens[target], self.attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        """The ruler's annotation on each Doc (``batch_size`` is the ruler's argument, not needed here)."""
        return (self(doc) for doc in docs)


def _all(checks: list[Check]) -> Check:
    return lambda t: all(check(t) for check in checks)


def fast_ruler(ruler: AttributeRuler) -> FastRuler | None:
    """The indexed form of ``ruler``, or None when one of its rules is of a kind it cannot read."""
    fast = FastRuler(ruler)
    return fast if fast.known else None
