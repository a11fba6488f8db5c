"""Stage 9, store: the :class:`Store` protocol and the stores that implement it, by name.

``open_store(location)`` picks the store from the location: a ``postgresql://`` URL names the
PostgreSQL store (its driver, psycopg, comes with the ``postgres`` extra), anything else is a SQLite
file (``:memory:`` keeps nothing on disk).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from ..registry import Registry
from .base import OutletLines, SearchHit, Store, StoredStory, StoryOverview
from .sqlite import SQLiteStore


def _postgres(url: str) -> Store:
    try:
        from .postgres import PostgresStore
    except ImportError as err:
        raise UsageError(
            f"{url.split('@')[-1]}: a PostgreSQL database needs psycopg; install newsprism[postgres]", setting="db"
        ) from err
    return PostgresStore(url)


STORES: Registry[Callable[[str], Store]] = Registry("stores")
STORES.register("sqlite", SQLiteStore)
STORES.register("postgresql", _postgres)
SCHEMES = {"postgresql": "postgresql", "postgres": "postgresql", "sqlite": "sqlite"}


def open_store(location: str | Path) -> Store:
    """The store at ``location``: a SQLite file path, ``sqlite:///path``, or a registered store's URL."""
    text = str(location)
    scheme = text.split("://", 1)[0].lower() if "://" in text else "sqlite"
    if scheme not in SCHEMES:
        raise UsageError(
            f"{text}: unknown kind of database {scheme!r}; give a file path or a postgresql:// URL", setting="db"
        )
    if scheme == "sqlite" and text.startswith("sqlite://"):
        text = text.removeprefix("sqlite://")
    if scheme == "postgres":  # psycopg and libpq take both spellings
        text = "postgresql" + text.removeprefix("postgres")
    return STORES.get(SCHEMES[scheme])(text)


__all__ = ["STORES", "OutletLines", "SQLiteStore", "SearchHit", "Store", "StoredStory", "StoryOverview", "open_store"]
