"""Numbers as news writes them (digits, number words, scales) and the hedges around them ("nearly",
"more than"), read as intervals: the base of :mod:`newsprism.analysis.values` and the readers built on it."""

from __future__ import annotations

import math

# fmt: off
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
}
# fmt: on
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
HEDGES = (
    r"nearly|almost|about|around|some|roughly|approximately|close to|more than|over|at least|less than|under|up to"
    r"|just over|just under|as many as|as much as|as large as|as high as"
)
# A hedge that is no preposition reaches over "a" ("up to a 4.75% stake", "more than a dozen people"); one
# that may be ("around a 65-acre park", "under a $5 million deal") does not.
OVER_A = "|".join(f"(?<={hedge} )" for hedge in ("up to", "more than", "less than", "nearly", "almost"))
HEDGE = rf"(?:(?P<hedge>(?i:{HEDGES}))\s+(?:(?i:{OVER_A})an?\s+)?)?"
# Digits with thousands separators or decimals, never swallowing the comma that ends a clause
# ("on June 21, according to"); number words in any case ("Three people").
NUMBER_TEXT = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(NUMBER_WORDS)})\b"
NUMBER = rf"(?P<num>{NUMBER_TEXT})"
SCALE = rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?"
# Not the tail of another token ("$12", "3.5", "A-1", "1/2", "#3", "one hundred and three") and not
# followed by one ("5%", "3:30").
TOKEN_START = r"(?<![\w$£€.,/:#-])"
NUMBER_START = rf"{TOKEN_START}(?<!hundred and )(?<!thousand and )"
NUMBER_END = r"(?![\w%/:-]|[.,]\d)"
# Hedges that mean "up to": any figure from nothing to the value.
UP_TO = ("as many as", "as much as", "as large as", "as high as")
# Hedges that bound a value on one side only ("more than 100" is any figure above it).
AT_MOST = frozenset(("nearly", "almost", "just under", "less than", "under", "up to", *UP_TO))
AT_LEAST = frozenset(("more than", "over", "at least", "just over"))


def number_value(text: str, scale: str | None = None) -> float | None:
    text = text.lower().replace(",", "")
    factor = SCALES.get((scale or "").lower(), 1.0)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] * factor
    try:
        return float(text) * factor
    except ValueError:
        return None


def interval(value: float, hedge: str, rounding: float) -> tuple[float, float]:
    if hedge in AT_MOST:
        return (0.0 if hedge in {"less than", "under", "up to", *UP_TO} else 0.8 * value, value)
    if hedge in AT_LEAST:
        return (value, math.inf if hedge != "just over" else 1.2 * value)
    if hedge:
        return (0.85 * value - rounding, 1.15 * value + rounding)
    return (value - rounding, value + rounding)
