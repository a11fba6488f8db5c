"""Lines of a page that tell no event: a credit ("Produced by Rob Tapert, Sam Raimi, Bruce Campbell.",
"With: Jane Levy, Shiloh Fernandez"), a row of a fact box ("16 March - first satellite image of potential
debris"), a table flattened into one line. They share names and words with the sentences that tell the
story ("the new film is produced by Raimi, Rob Tapert and Bruce Campbell and nimbly walks the fine line"),
so the links that need less than closeness as a whole (shared rare words, a clause contained, one figure
and one name) join them to claims they do not state. Such a line has no verb but the credit's participle: it
is linked to a sentence only when the two are close as wholes (:mod:`.facts`), as two copies of one credit
are, or give FIGURES_IN_COMMON figures in common (:mod:`.fact_claims`): a table's row and the sentence that
reads it ("New York - Long Island $55,327", "Long Island ($55,327)") tell one set of figures.
"""

from __future__ import annotations

from functools import lru_cache

from .claims import figures
from .doc_cache import parsed, shared
from .fact_claims import FIGURES_IN_COMMON

# The parts of speech of a verb. The small model's tags of tense are unsure ("sit", "forces", "expected"
# read as nouns or participles in sentences that tell events), so a line is verbless when it has no verb at
# all, or only the participle opening a credit ("Produced by", "Directed by").
VERBS = frozenset(("VERB", "AUX"))


def verbless_pairs(pairs: list[tuple[int, int]], texts: list[str]) -> list[tuple[int, int]]:
    """The pairs of rows of ``texts`` one of which is a line with no verb, unless they give one set of figures."""
    rows = sorted({k for pair in pairs for k in pair})
    lines = dict(zip(rows, verbless([texts[k] for k in rows]), strict=True))
    return [
        (i, j)
        for i, j in pairs
        if (lines[i] or lines[j]) and len(figures(texts[i]) & figures(texts[j])) < FIGURES_IN_COMMON
    ]


def verbless(texts: list[str]) -> list[bool]:
    """Whether each text has no verb, parsed together; without spaCy, no text is read as verbless."""
    if shared() is None:
        return [False] * len(texts)
    parsed(list(dict.fromkeys(texts)))
    return [_verbless(text) for text in texts]


@lru_cache(maxsize=1 << 14)
def _verbless(text: str) -> bool:
    doc = parsed([text])[0]
    credit = len(doc) > 1 and doc[0].tag_ == "VBN" and doc[1].lower_ == "by"
    return not any(token.pos_ in VERBS for token in doc[1 if credit else 0 :])
