"""spaCy's attribute ruler (tags to parts of speech and morphology, and its exceptions), applied by
looking its rules up by word and tag instead of running its Matcher over every token.

The English models' ruler has about 180 rules of one or two tokens, each on a word, a tag, a dependency
or whitespace. spaCy's Matcher tries the rules token by token, and in the shared pipeline
(:mod:`.doc_cache`) that took a quarter of a parse's time, as much as the parser. Here the rules are
indexed by the word or tag they name (the few that name neither are tried on every token), each is
checked as the Matcher checks it (equal, ``IN``, ``NOT_IN``, ``REGEX``) on the token's attributes read
as one array (string hashes, not Token objects), the one-token rules a token matches are kept by its
attributes (a text's tokens share few distinct ones: 0.63 -> 0.40 CPU s on 2,920 sentences), every
match is found before any is applied, and the matches are applied in the ruler's order (by rule, later
rules last), with the ruler's own attribute setter: the same annotation (``tests/test_attribute_rules.py``
compares them).
A rule this does not know how to read makes :func:`fast_ruler` give None, and the ruler itself runs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# What a rule's token can name: the column of each in the array of a Doc's token attributes the rules read.
READ = ("LOWER", "TAG", "DEP", "IS_SPACE")
FLAGS = frozenset({"IS_SPACE"})  # read as 0 or 1; the others are string hashes
Row = tuple[int, ...]  # one token's attributes, in READ's order
Check = Callable[[Row], bool]


def _check(name: str, wanted: Any, strings: StringStore) -> Check | None:
    """A token check for one attribute of a rule's token, as the Matcher reads it; None when unknown."""
    if name not in READ:
        return None
    column = READ.index(name)

    def value(given: Any) -> int:
        return _value(name, given)

    if not isinstance(wanted, dict):
        equal = value(wanted)
        return lambda row: row[column] == equal
    if len(wanted) != 1:
        return None
    ((how, given),) = wanted.items()
    if how == "IN":
        among = frozenset(map(value, given))
        return lambda row: row[column] in among
    if how == "NOT_IN":
        outside = frozenset(map(value, given))
        return lambda row: row[column] not in outside
    if how == "REGEX" and name not in FLAGS:
        pattern = re.compile(given)
        found: dict[int, bool] = {}  # by the string's hash: a word is searched for once

        def search(row: Row) -> bool:
            key = row[column]
            if key not in found:
                found[key] = bool(pattern.search(strings[key]))
            return found[key]

        return search
    return None


class FastRuler:
    """The attribute ruler's rules, indexed (see the module's docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self.attrs = ruler.attrs
        self.strings = ruler.vocab.strings
        self.columns = [IDS[name] for name in READ]
        # each rule's token checks and the index of the token it sets, under the column and value its first
        # token names (the first of LOWER, TAG, DEP, IS_SPACE it names one or a list of)
        self.index: dict[tuple[int, int], list[tuple[int, list[Check], int]]] = defaultdict(list)
        self.anywhere: list[tuple[int, list[Check], int]] = []
        self._by_row: dict[Row, tuple[list[tuple[int, int]], list[tuple[int, list[Check], int]]]] = {}
        self.known = True
        for rule, given in enumerate(ruler.patterns):
            for pattern in given["patterns"]:  # type: ignore[union-attr]
                self._add(rule, pattern, int(given.get("index", 0)))  # type: ignore[arg-type]

    def _add(self, rule: int, pattern: list[dict[str, Any]], index: int) -> None:
        checks = [[_check(name, wanted, self.strings) for name, wanted in token.items()] for token in pattern]
        unknown = any(c is None for token in checks for c in token)
        if not pattern or unknown or not -len(pattern) <= index < len(pattern):
            self.known = False
            return
        entry = (rule, [_all(token) for token in checks], index % len(pattern))  # type: ignore[arg-type]
        for column, name in enumerate(READ):
            wanted = pattern[0].get(name)
            if isinstance(wanted, dict) and set(wanted) == {"IN"}:
                for value in {_value(name, given) for given in wanted["IN"]}:
                    self.index[column, value].append(entry)
                return
            if wanted is not None and not isinstance(wanted, dict):
                self.index[column, _value(name, wanted)].append(entry)
                return
        self.anywhere.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        # the tokens' attributes read as one array: a Token object made for each cost two thirds of the time
        rows: list[Row] = [tuple(row) for row in doc.to_array(self.columns).tolist()] if len(doc) else []
        matches = []
        for start, row in enumerate(rows):
            ones, longer = self._by_row.get(row) or self._rules(row)
            matches += [(rule, start, start + at) for rule, at in ones]
            for rule, checks, at in longer:
                end = start + len(checks)
                if end <= len(rows) and all(check(r) for check, r in zip(checks, rows[start:end], strict=True)):
                    matches.append((rule, start, start + at))
        matches.sort()
        for rule, _, target in matches:
            self._set(doc[target], self.attrs[rule])
        return doc

    def _rules(self, row: Row) -> tuple[list[tuple[int, int]], list[tuple[int, list[Check], int]]]:
        """The one-token rules a token of these attributes matches (rule, index), and the longer rules that
        may start at it; kept by the attributes, which few distinct tokens share most of a text's tokens."""
        index = self.index
        entries = [
            *(entry for column, value in enumerate(row) for entry in index.get((column, value), ())),
            *self.anywhere,
        ]
        ones = [(rule, at) for rule, checks, at in entries if len(checks) == 1 and checks[0](row)]
        found = self._by_row[row] = (ones, [entry for entry in entries if len(entry[1]) > 1])
        return found

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        """The ruler's annotation on each Doc (``batch_size`` is the ruler's argument, not needed here)."""
        return (self(doc) for doc in docs)


def _value(name: str, given: Any) -> int:
    """How the array of token attributes holds ``given``: a flag as 0 or 1, a string as its hash."""
    from spacy.strings import get_string_id

    return int(given) if name in FLAGS else get_string_id(given)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    return lambda row: all(check(row) for check in checks)


def fast_ruler(ruler: AttributeRuler) -> FastRuler | None:
    """The indexed form of ``ruler``, or None when one of its rules is of a kind it cannot read."""
    fast = FastRuler(ruler)
    return fast if fast.known else None
