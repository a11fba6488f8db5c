"""spaCy's annotations of a text kept in the store, so that a text is parsed and searched for entities once,
whatever process analyses it later.

The shared Docs of :mod:`.doc_cache` live for one process: a story that grows, or is analysed again after
an analyser's version changed, in a new process (the next ``analyze`` or ``ingest``, the web worker after a
restart) ran the recogniser and the parser again on every sentence it had, about nine of the nineteen CPU
seconds of a 100-article story. Inside :func:`kept_in`, the cache reads the Docs it lacks from the store
(by the model, :data:`VERSION` and the text, hashed) and, when the block ends, writes those it annotated.

A Doc is kept as its words, the spaces after them, its token attributes as one array and the strings that
array names (lemmas, tags, labels: a new process's string store may lack them), in JSON before the array's
bytes (srsly's msgpack looked its plugins up again on every call, 2.5 ms a Doc), compressed: about 860
bytes a Multi-News sentence. Keeping one costs about 140 microseconds and rebuilding one about 170 (0.5
CPU s for a 100-article story's 2,920 sentences), against 4 milliseconds to annotate it; spaCy's own
``Doc.to_bytes`` and ``from_bytes`` took 470 and 490. The rebuilt Doc reads the same as the annotated
one, attribute for attribute (``tests/test_doc_store.py``); its token vectors are not kept (nothing reads
them after the parse).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Change whenever what a stage adds to a Doc changes other than by the model's version (the rules of the
# correcting entity ruler, the attribute rules, the lemmas, the attributes kept here): older rows are not read.
VERSION = "1"
# The token attributes each stage sets, as spaCy names them; NORM is the tokenizer's (its special cases
# set norms that rebuilding a Doc from its words would not).
ATTRIBUTES = {
    "tokens": ("NORM",),
    "entities": ("ENT_IOB", "ENT_TYPE"),
    "parse": ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START"),
}
STRINGS = frozenset({"NORM", "ENT_TYPE", "TAG", "MORPH", "LEMMA", "DEP"})  # attributes whose values are string hashes
COMPRESSION = 1  # zlib's level: a kept Doc shrinks to about a third, as much as level 6 gives, five times faster


class AnnotationStore(Protocol):
    def annotations(self, keys: Sequence[str]) -> dict[str, bytes]: ...
    def put_annotations(self, annotations: Mapping[str, bytes]) -> None: ...


class Kept:
    """The store annotations are read from inside :func:`kept_in`, and the Docs annotated there, written
    when it ends (one transaction for the whole block rather than one per batch)."""

    def __init__(self, store: AnnotationStore) -> None:
        self.store = store
        self.changed: dict[str, tuple[Doc, set[str]]] = {}  # by key (:func:`annotation_key`)

    def flush(self) -> None:
        if self.changed:
            self.store.put_annotations({key: pack(doc, done) for key, (doc, done) in self.changed.items()})
            self.changed.clear()


_KEPT: ContextVar[Kept | None] = ContextVar("newsprism_annotations", default=None)


@contextmanager
def kept_in(store: AnnotationStore | None) -> Iterator[None]:
    """Inside this block the shared Docs are read from ``store`` when it holds them and written to it at its
    end; with no store, nothing changes."""
    if store is None or _KEPT.get() is not None:  # an enclosing block writes at its own end
        yield
        return
    kept = Kept(store)
    token = _KEPT.set(kept)
    try:
        yield
        kept.flush()
    finally:
        _KEPT.reset(token)


def current() -> Kept | None:
    """The store of the enclosing :func:`kept_in` block, if any."""
    return _KEPT.get()


def annotation_key(pipeline: str, text: str) -> str:
    """The key of ``text``'s annotations by ``pipeline`` (the model's name and version) under :data:`VERSION`."""
    return hashlib.blake2b(f"{pipeline}\x00{VERSION}\x00{text}".encode(), digest_size=16).hexdigest()


def pack(doc: Doc, done: set[str]) -> bytes:
    """``doc`` and the stages run on it, as bytes :func:`unpack` reads."""
    from spacy.attrs import IDS

    stages = sorted(done | {"tokens"})
    names = [name for stage in stages for name in ATTRIBUTES[stage]]
    # the words and the spaces after them read with the attributes: a Token object each cost as much as the rest
    array = doc.to_array([IDS[name] for name in ["ORTH", "SPACY", *names]]).reshape(len(doc), len(names) + 2)
    strings = doc.vocab.strings
    words, spaces, array = array[:, 0].tolist(), array[:, 1].astype(bool).tolist(), array[:, 2:]
    # each string hash as its place in the Doc's list of strings: small numbers, which compress three times
    # better and faster than the hashes (the other columns are small numbers already: offsets, flags, enums)
    named = [i for i, name in enumerate(names) if name in STRINGS]
    hashes, places = np.unique(array[:, named], return_inverse=True)
    small = array.astype(np.int32)  # HEAD's negative offsets wrap back exactly in unpack
    small[:, named] = places.reshape(len(doc), len(named))
    head = {
        "stages": stages,
        "names": names,
        "words": [strings[orth] for orth in words],
        "spaces": spaces,
        "strings": [strings[h] for h in hashes.tolist()],  # the hash 0 (no value) is the string ""
    }
    encoded = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(len(encoded).to_bytes(4, "little") + encoded + small.tobytes(), COMPRESSION)


def unpack(vocab: Vocab, packed: bytes) -> tuple[Doc, set[str]]:
    """The Doc :func:`pack` kept, with the same annotations, and the stages run on it."""
    from spacy.attrs import IDS
    from spacy.tokens import Doc

    raw = zlib.decompress(packed)
    length = int.from_bytes(raw[:4], "little")
    data = json.loads(raw[4 : 4 + length])
    doc = Doc(vocab, words=data["words"], spaces=data["spaces"])
    names = data["names"]
    if len(doc):
        hashes = np.array([vocab.strings.add(string) if string else 0 for string in data["strings"]], dtype=np.uint64)
        small = np.frombuffer(raw[4 + length :], dtype=np.int32).reshape(len(doc), len(names))
        array = small.astype(np.uint64)
        named = [i for i, name in enumerate(names) if name in STRINGS]
        array[:, named] = hashes[small[:, named]]
        doc.from_array([IDS[name] for name in names], array)  # type: ignore[arg-type]
    return doc, set(data["stages"])
