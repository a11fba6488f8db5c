"""Stage 6, deduplicate: find articles that carry the same text.

Exact duplicates share the hash of their normalised text; near-duplicates share most word shingles,
found with MinHash and datasketch's ``MinHashLSH`` so that each article is checked against the others
without comparing every pair.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from .records import Article
from .tokens import words

SHINGLE_WORDS = 5
NUM_PERM = 128
# Jaccard of shingles above which LSH reports a candidate pair; candidates are then checked exactly.
LSH_THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two articles and the Jaccard similarity of their word shingles."""

    first: str
    second: str
    jaccard: float
    exact: bool


def text_fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def minhash(shingle_set: set[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([s.encode("utf-8") for s in shingle_set])
    return sketch


def find_near_duplicates(articles: list[Article], threshold: float = LSH_THRESHOLD) -> list[NearDuplicate]:
    """Pairs of articles whose shingle Jaccard is at least ``threshold``, exact copies included."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sets = {a.id: shingles(a.text) for a in articles}
    prints = {a.id: text_fingerprint(a.text) for a in articles}
    pairs = []
    for article in articles:
        sketch = minhash(sets[article.id])
        for other in sorted(lsh.query(sketch)):
            union = sets[article.id] | sets[other]
            jaccard = len(sets[article.id] & sets[other]) / len(union) if union else 1.0
            if jaccard >= threshold:
                exact = prints[article.id] == prints[other]
                pairs.append(NearDuplicate(other, article.id, round(jaccard, 4), exact))
        if article.id not in lsh:
            lsh.insert(article.id, sketch)
    return pairs
