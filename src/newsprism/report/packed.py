"""A report's stories and articles held packed, each unpacked when it is read.

A report of 2,000 Multi-News documents holds 39 MB of stories as JSON (several times that as Python
dicts) and its articles' texts; at 20,000 documents that alone would pass a gigabyte. The report is
written story by story (:mod:`.stream`), so it needs only one story at a time in full: the others are
kept pickled and compressed (a story's JSON shrinks about six times), and a reader who asks for
``report.stories[3]`` or iterates gets each back as it was given.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")
U = TypeVar("U")

# zlib's fastest level: packing every story of a 20,000-document run costs seconds, and the higher
# levels shrink news text only a little further.
LEVEL = 1


class Mapped(Sequence[U], Generic[T, U]):
    """``function`` of each item of ``items``, computed when read: a view, nothing kept."""

    def __init__(self, items: Sequence[T], function: Callable[[T], U]) -> None:
        self.items = items
        self.function = function

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> U: ...

    @overload
    def __getitem__(self, index: slice) -> list[U]: ...

    def __getitem__(self, index: int | slice) -> U | list[U]:
        if isinstance(index, slice):
            return [self.function(item) for item in self.items[index]]
        return self.function(self.items[index])

    def __iter__(self) -> Iterator[U]:
        return (self.function(item) for item in self.items)


class Packed(Mapped[bytes, T]):
    """Items kept pickled and compressed, in the order given; reading one unpacks a copy of it."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.blobs: list[bytes] = []
        super().__init__(self.blobs, unpack)
        for item in items:
            self.append(item)

    @classmethod
    def of_blobs(cls, blobs: Iterable[bytes]) -> Packed[T]:
        """Items already packed (by :func:`pack`), in the order given."""
        packed: Packed[T] = cls()
        packed.blobs.extend(blobs)
        return packed

    def append(self, item: T) -> None:
        self.blobs.append(pack(item))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Sequence)
            and len(self) == len(other)
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"Packed({len(self)} items)"


def pack(item: object) -> bytes:
    """``item`` pickled and compressed, as :class:`Packed` keeps it."""
    return zlib.compress(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL), LEVEL)


def unpack(blob: bytes) -> Any:
    """The item :func:`pack` packed."""
    return pickle.loads(zlib.decompress(blob))  # only what this process packed itself
