"""A scientific paper's reference numbers glued to the word they follow ("many catalysts4,5,6,7 can reduce
CO2", "the mantle wedge11,12,13,14."): superscripts flattened into the text by extraction. Left in, they
read as part of the word and reach summaries and facts ("catalysts4,5,6,7,8,9,10,11").

Only lists of two or more rising numbers are read as references, and only in a text that has two such lists
(a paper cites throughout): one glued number is a name ("Denver7", "Buzz60", "Dead50") and "units1,000"
a typo's thousands.

>>> strip_reference_marks(["Electrocatalysts for a desirable fuel1,2,3 are not available.",
...                        "Although many catalysts4,5,6,7,8,9,10,11 reduce CO 2 to CO."])
['Electrocatalysts for a desirable fuel are not available.', 'Although many catalysts reduce CO 2 to CO.']
>>> strip_reference_marks(["Prices rose to around1,500 in May.", "He scored goals3,4 in a row."])
['Prices rose to around1,500 in May.', 'He scored goals3,4 in a row.']
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["strip_reference_marks"]

# Numbers of one to three digits joined by commas or ranges' dashes, right after a lower-case word's last
# letters and before a space, punctuation or the line's end.
REFERENCE_LIST = re.compile(r"(?<=[a-z]{3})\d{1,3}(?:[,–-]\d{1,3})+(?=[\s.,;:)]|$)")
# A paper cites more than once: this many lists in a text before any is read as references.
MIN_REFERENCE_LISTS = 2


def strip_reference_marks(lines: list[str]) -> list[str]:
    """The lines with a paper's glued reference lists removed, when the text holds enough of them."""
    found = sum(1 for line in lines for match in REFERENCE_LIST.finditer(line) if _is_reference_list(match.group()))
    if found < MIN_REFERENCE_LISTS:
        return lines
    return [REFERENCE_LIST.sub(lambda m: "" if _is_reference_list(m.group()) else m.group(), line) for line in lines]


def _is_reference_list(marks: str) -> bool:
    """Rising numbers, none led by a zero, none a thousands group ("1,500"): how a paper numbers its references."""
    numbers = re.split(r"[,–-]", marks)
    groups = re.split(r"-|–", marks)
    if any(n.startswith("0") for n in numbers) or any(len(n) == 3 for g in groups for n in g.split(",")[1:]):
        return False
    values = [int(n) for n in numbers]
    return all(a < b for a, b in pairwise(values))
