"""A sentence's values (:func:`.values.read_mentions`) read once, whichever analyser asks: conflicts, sums,
named amounts and the summary's citation check (:mod:`.support`) each read the values of the same sentences,
with configs that extend the same tolerances of reading them (:class:`.values.ValuesConfig`)."""

from __future__ import annotations

from dataclasses import fields
from functools import lru_cache

from .memo import MAX_ITEMS, at_row
from .values import DEFAULT, Mention, ValuesConfig, read_mentions


def mentions(row: int, text: str, reference_year: int | None, config: ValuesConfig = DEFAULT) -> list[Mention]:
    """:func:`.values.read_mentions`, read once a sentence, reference year and tolerances."""
    found = _mentions(text, reference_year, _tolerances(config))
    return at_row(found, row)


@lru_cache(maxsize=MAX_ITEMS)
def _mentions(text: str, reference_year: int | None, config: ValuesConfig) -> tuple[Mention, ...]:
    return tuple(read_mentions(0, text, reference_year, config))


@lru_cache(maxsize=64)
def _tolerances(config: ValuesConfig) -> ValuesConfig:
    """The tolerances of reading values alone, of a config that extends them (:class:`.conflicts.ConflictsConfig`):
    the values read do not depend on the rest."""
    return ValuesConfig(**{field.name: getattr(config, field.name) for field in fields(ValuesConfig)})
