"""Disjoint sets (union-find), for items joined pair by pair into groups: copy chains, mentions of one value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Items joined directly or through others share a root; an item never joined is its own root.

    >>> sets = DisjointSets("abc")
    >>> sets.join("c", "b"); sets.join("b", "a")
    >>> [sets.root(x) for x in "abc"]
    ['a', 'a', 'a']
    """

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def root(self, item: T) -> T:
        self._parent.setdefault(item, item)
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]  # path halving keeps later look-ups short
            item = self._parent[item]
        return item

    def join(self, item: T, into: T) -> None:
        """Join ``item``'s set to ``into``'s, whose root stays the root."""
        target = self.root(into)
        self._parent[self.root(item)] = target

    def components(self) -> dict[T, list[T]]:
        """Each root's items, in the order they were first seen."""
        members: defaultdict[T, list[T]] = defaultdict(list)
        for item in list(self._parent):
            members[self.root(item)].append(item)
        return members
