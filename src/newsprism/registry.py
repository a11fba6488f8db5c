"""Registries of components by name: embedders, entity recognisers, stores, renderers, analysers.

A front end or a setting names a component (``embedder="minilm"``, ``--db postgresql://…``); the
registry finds its factory. newsprism registers its own; a plugin adds one through an entry point in
the group ``newsprism.<kind>`` (``newsprism.embedders``, ``newsprism.stores`` …), loaded the first time
a name is not found, as spaCy loads its factories.

>>> colours = Registry("colours")
>>> colours.register("red", lambda: "#f00")
>>> colours.get("red")()
'#f00'
>>> colours.get("blue")
Traceback (most recent call last):
...
newsprism.errors.UnavailableError: no colours component named 'blue'; known: red
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Generic, TypeVar

from .errors import UnavailableError

T = TypeVar("T")


class Registry(Generic[T]):
    """Factories of one kind of component, by name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, T] = {}
        self._plugins_loaded = False

    def register(self, name: str, factory: T) -> None:
        self._factories[name] = factory

    def get(self, name: str) -> T:
        if name not in self._factories:
            self._load_plugins()
        if name not in self._factories:
            raise UnavailableError(f"no {self.kind} component named {name!r}; known: {', '.join(self.names())}")
        return self._factories[name]

    def names(self) -> list[str]:
        self._load_plugins()
        return list(self._factories)

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for point in entry_points(group=f"newsprism.{self.kind}"):
            self._factories.setdefault(point.name, point.load())
