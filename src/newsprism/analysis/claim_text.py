"""A sentence as :mod:`.facts` reads its claim: without the page's furniture around what it states.

An embedded post's signature (its poster, handle and date, :mod:`.fact_posts`) says who posted, and an article's
dateline ("OSAN AIR BASE, South Korea (AFNS) --", "KATHMANDU (Reuters) -") where it was filed: neither is a claim
two articles share, yet the rare words of both would weigh in the claim's words, and two articles filed from one
place would meet by them whatever each tells.
"""

from __future__ import annotations

from ..articles.clean_config import DATELINE_LINES
from ..records import Sentence
from .fact_posts import unsigned
from .summary_fit import cut_dateline


def claim_text(sentence: Sentence) -> str:
    """The sentence without an embedded post's signature, and without the dateline it opens on when it is told
    at the top of its article, where a dateline stands (:func:`.summary_fit.cut_dateline`).

    >>> claim_text(Sentence("a", 0, "OSAN AIR BASE, South Korea (AFNS) -- Forces held an exercise."))
    'Forces held an exercise.'
    >>> claim_text(Sentence("a", 7, "OSAN AIR BASE, South Korea (AFNS) -- Forces held an exercise."))
    'OSAN AIR BASE, South Korea (AFNS) -- Forces held an exercise.'
    """
    text = unsigned(sentence.text)
    return cut_dateline(text) if sentence.index < DATELINE_LINES else text
