"""What an analyser reads from one text or one article, kept across the stories of one process.

A story that grows by one article is analysed again whole (its stored results are keyed by all its
articles, :mod:`.runner`), yet most of what an analyser reads from an article or a sentence does not
depend on the rest of the story: the entity spans of a sentence, an article's own voice and tone. Such a
reading is kept here under everything it is computed from (the text and the settings read), so that a
story grown by one article reads only that article anew. Each memo holds at most :data:`MAX_ITEMS`
readings of sentences or :data:`MAX_ARTICLES` of articles, the least recently used dropped first, like
the Docs of :mod:`.doc_cache` they come from.

A reading is kept only when it is a pure function of its key: the Docs it reads are the shared
pipeline's, the same for a text whatever ran before (``tests/test_doc_cache.py``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from .doc_cache import MAX_DOCS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R", bound="DataclassInstance")  # a reading of a sentence, with its row

# Readings kept per memo: as many as the Docs the shared cache keeps (a story of ~250 articles' sentences).
MAX_ITEMS = MAX_DOCS
# Readings of whole articles kept per memo: two stories of ~250 articles. An article's own voice holds
# each of its words (about 50 kB for 600 words): 512 of them are some 25 MB, 8192 would be 400 MB.
MAX_ARTICLES = 512


class Memo(Generic[K, V]):
    """Readings by key; those missing are computed together, in one call (so their Docs are annotated in
    batches)."""

    def __init__(self, size: int = MAX_ITEMS) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()  # the web worker analyses in a thread of its own

    def get(self, keys: Sequence[K], compute: Callable[[list[K]], Sequence[V]]) -> list[V]:
        """The reading of each key, ``compute`` called once on the keys not kept (each once, in order)."""
        with self._lock:
            found = {key: self._items[key] for key in dict.fromkeys(keys) if key in self._items}
            for key in found:
                self._items.move_to_end(key)
        missing = [key for key in dict.fromkeys(keys) if key not in found]
        if missing:
            found.update(zip(missing, compute(missing), strict=True))
            with self._lock:
                for key in missing:
                    self._items[key] = found[key]
                while len(self._items) > max(self.size, len(found)):
                    self._items.popitem(last=False)
        return [found[key] for key in keys]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def at_row(found: Sequence[R], row: int) -> list[R]:
    """Readings of a sentence kept read at row 0, at the row a story holds the sentence at, in a new list."""
    return [replace(reading, row=row) for reading in found] if row else list(found)
