"""Values in a sentence and their variants, for ``bench_conflicts_cross.py``.

Six kinds of value, found by this module's own patterns (not newsprism's, so that values newsprism
does not read count against its recall): a person's age (``a 37-year-old``, ``Kelley, 37,``), an
unhedged percentage (``25 percent``, ``25%``), a hedged figure (``at least 60 people``, ``about
$12 million``, ``nearly 40 percent``), a value with a unit of measure (``1,700ft``, ``2.5 miles``), an
unhedged amount of money (``$12 million``) and an unhedged count of a named thing (``172,523
votes``). For each :func:`changes` gives a version of the sentence that cannot be true with the original,
and :func:`harmless` versions that state the same value in other words, which must never be reported:

- a changed value is at least 50% above or 35% below the original (beyond any rounding or hedge); an
  age moves by 3 to 9 years; a hedged figure keeps no overlap with the original's range: ``at least 60``
  becomes a bare figure below 60, ``nearly 60`` or ``up to 60`` one above it, ``about 60`` ``about 96``;
- harmless: ``Kelley, 37,`` -> ``Kelley, aged 37,``, ``a 37-year-old John Smith was`` -> ``John Smith,
  37, was``; ``25 percent`` <-> ``25%``, ``50 percent of`` -> ``half of``; a hedge for one that means
  the same (``at least`` <-> ``more than`` only where the ranges overlap, ``about`` -> ``around``,
  ``nearly`` -> ``almost``, ``up to`` -> ``as many as``) or dropped where the bare figure is in range
  (``at least 60`` -> ``60``, never ``nearly 60`` -> ``60``); ``1,700ft`` -> ``about 1,700 feet``, a
  conversion added (``2.5 miles (4 kilometers)``), a rounding hedged (``1,730 feet`` -> ``about 1,700
  feet``, ``172,523 votes`` -> ``more than 170,000 votes``); ``$12 million`` -> ``$12m``, ``12 million
  dollars``, ``$1,500,000``; ``12 people`` -> ``twelve people``.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

from newsprism.text.tokens import STOPWORDS

KINDS = ("age", "percentage", "hedged", "with unit", "money", "plain count")

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
START = r"(?<![\w$£€.,/:#~∼-])"
END = r"(?![.,]\d|[\w%/:-])"
SCALE = r"(?P<scale>\s+(?:million|billion|thousand)\b)?"
WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()
)
LOWER = ("at least", "more than", "over")  # the figure is a lower bound
UPPER = ("nearly", "almost", "up to", "less than", "fewer than", "under")  # an upper bound
APPROX = ("about", "around", "roughly", "approximately", "some")
HEDGE = rf"(?P<hedge>(?i:{'|'.join((*LOWER, *UPPER, *APPROX))}))"
HEDGED_BEFORE = re.compile(rf"\b(?i:{'|'.join((*LOWER, *UPPER, *APPROX))})\s+[$£€]?\s?$")
# A figure that is one end of a range or the part of a whole ("20 to 30 people", "three of the 8 people"),
# one side of a conversion ("nine miles (15km)", "8,027-meter (26,330-foot)") or a height ("5-foot-7"):
# changing it alone leaves the sentence at odds with itself.
PART_BEFORE = re.compile(rf"(?:\d[\d,.]*|\b(?i:{'|'.join(WORDS)}))\s*(?:to|and|or|of(?:\s+the)?|-|–)\s*[$£€]?$")
RANGE_AFTER = re.compile(r"\s*(?:-|–|to\b|or\b)\s*[$£€]?\d|-\d|\S*\s*\(\s*[~∼]?[$£€]?\d")
IN_BRACKETS = re.compile(r"\(\s*[$£€]?$")
# A figure beside another figure is a cell of a table run into a sentence ("100% 138% 150%").
NUMBER_BESIDE = (re.compile(r"\d[\d,.]*%?\s+[$£€]?\s?$"), re.compile(r"\s+[$£€]?\d"))
ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$")
TIME_UNITS = {f"{u}{s}" for u in ("year", "month", "week", "day", "hour", "minute", "decade") for s in ("", "s")}
MONTHS = {
    m.lower()
    for m in "Jan January Feb February Mar March Apr April May Jun June Jul July Aug August "
    "Sep Sept September Oct October Nov November Dec December".split()
}
NOT_NAMES = {
    *MONTHS,
    *"monday tuesday wednesday thursday friday saturday sunday the a an in on at by he she they it this that".split(),
}
# words after a figure that name nothing counted ("12 of them", "40 percent", "three times")
STOP = STOPWORDS | {"percent", "times", "hundred", "thousand", "million", "billion"}

AGE_ADJ = re.compile(r"\b(?P<num>\d{1,2})-year-old\b")
AGE_COMMA = re.compile(r"\b(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}),\s(?P<num>\d{1,2}),\s")
# "the 37-year-old John Smith was": a full name, then a verb or punctuation (not "a 37-year-old New York man")
AGE_BEFORE_NAME = re.compile(
    r"\b(?:(?P<art>[Aa]n?|[Tt]he)\s+)?(?P<num>\d{1,2})-year-old\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)"
    r"(?P<after>[,.;]|\s+(?=(?:was|is|has|had|said|who|of|from|told|died|and|were|will)\b))"
)
PERCENT = re.compile(rf"{START}(?P<num>{NUM})(?P<unit>\s?%|\s+percent\b|\s+per cent\b)")
HEDGED = re.compile(
    rf"\b{HEDGE}\s+(?P<cur>[$£€]\s?)?(?P<num>{NUM}){SCALE}(?![.,]\d|[\w/:-])"
    rf"(?P<unit>\s?%|\s+percent\b|\s+[a-z][a-z-]{{2,}}\b)?"
)
UNIT = (
    r"square (?:miles|feet|kilometers)|ft|feet|foot|mi|miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?|mph|km/h|lbs?|kg"
    r"|kilograms?|tons?|tonnes?|acres?|hectares?|inch(?:es)?|yards?|gallons?|lit(?:er|re)s?|degrees|mm|cm"
)
WITH_UNIT = re.compile(rf"{START}(?P<num>{NUM})(?P<sep>\s?|-)(?P<unit>{UNIT})(?![\w/])")
MONEY = re.compile(
    rf"(?P<cur>[$£€])\s?(?P<num>{NUM})(?P<scale>\s+(?:million|billion|thousand)\b|(?:m|bn|k)\b)?"
    r"(?![\d%])"
)
COUNT = re.compile(rf"{START}(?P<num>{NUM}){END}\s+(?P<unit>[a-z][a-z-]{{2,}})\b")
SPELLED = {
    "ft": "feet",
    "mi": "miles",
    "km": "kilometers",
    "mph": "miles per hour",
    "km/h": "kilometers per hour",
    "lb": "pounds",
    "lbs": "pounds",
    "kg": "kilograms",
    "mm": "millimeters",
    "cm": "centimeters",
}
# (factor, unit) of a conversion an outlet adds in brackets
CONVERSION = {
    "feet": (0.3048, "meters"),
    "ft": (0.3048, "meters"),
    "foot": (0.3048, "meters"),
    "miles": (1.609, "kilometers"),
    "mile": (1.609, "kilometers"),
    "mi": (1.609, "kilometers"),
    "km": (0.6214, "miles"),
    "kilometers": (0.6214, "miles"),
    "kilometres": (0.6214, "miles"),
    "meters": (3.281, "feet"),
    "metres": (3.281, "feet"),
    "mph": (1.609, "km/h"),
    "lbs": (0.4536, "kilograms"),
    "kg": (2.205, "pounds"),
    "kilograms": (2.205, "pounds"),
    "acres": (0.4047, "hectares"),
    "hectares": (2.471, "acres"),
    "inches": (2.54, "centimeters"),
}
SCALED = {" million": ("m", ",000,000"), " billion": ("bn", ",000,000,000")}
FRACTIONS = {50: "half", 25: "a quarter", 75: "three-quarters", 10: "one in ten"}


@dataclass(frozen=True)
class Value:
    """One value in a sentence: ``start:end`` is the text a variant replaces."""

    kind: str
    start: int
    end: int
    text: str
    number: str  # the figure as written ("1,700"), what a reported side must hold
    match: re.Match[str]


@dataclass(frozen=True)
class Variant:
    kind: str
    how: str  # which change or harmless variant
    original: str  # B's sentence
    changed: str  # what A is given
    old: str = ""  # the figure in B ("" for a harmless variant)
    new: str = ""  # and in A


def figure(text: str) -> float:
    return float(text.replace(",", ""))


def spell(value: float, like: str, scaled: bool = False) -> str:
    """``value`` written as ``like`` is: thousands separators, decimals (one where a scale follows)."""
    decimals = len(like.split(".")[1]) if "." in like else (1 if scaled and value != round(value) else 0)
    if decimals:
        return f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"
    return f"{round(value):,}" if "," in like or value >= 10_000 else str(round(value))


def shifted(value: float, rng: random.Random) -> float:
    """A value no rounding or hedge reconciles with ``value``: 50% or more above, or 35% or more below."""
    if value >= 6 and rng.random() < 0.5:
        return value - max(2.0, math.ceil(value * 0.4)) if value == round(value) else round(value * 0.6, 2)
    return value + max(3.0, math.ceil(value * 0.6)) if value == round(value) else round(value * 1.6, 2)


def values(kind: str, sentence: str) -> list[Value]:
    """The values of ``kind`` in ``sentence``."""
    found: list[Value] = []
    if kind == "age":
        for m in [*AGE_ADJ.finditer(sentence), *AGE_COMMA.finditer(sentence)]:
            name = m.groupdict().get("name")
            if 1 <= int(m["num"]) <= 99 and not (name and name.split()[0].lower() in NOT_NAMES):
                found.append(Value(kind, m.start("num"), m.end("num"), m["num"], m["num"], m))
    elif kind == "hedged":
        for m in HEDGED.finditer(sentence):
            unit = (m["unit"] or "").strip().lower()
            counted = unit in ("%", "percent") or (unit and unit not in STOP and unit not in TIME_UNITS)
            if (m["cur"] or counted) and figure(m["num"]) >= 2 and not _year_like(m["num"]):
                found.append(Value(kind, m.start(), m.end("scale") if m["scale"] else m.end("num"), m[0], m["num"], m))
    else:
        pattern = {"percentage": PERCENT, "with unit": WITH_UNIT, "money": MONEY, "plain count": COUNT}[kind]
        for m in pattern.finditer(sentence):
            before = sentence[: m.start()]
            if HEDGED_BEFORE.search(before) or figure(m["num"]) <= 0:
                continue
            if kind == "plain count" and not _counted(m, before):
                continue
            found.append(Value(kind, m.start("num"), m.end("num"), m["num"], m["num"], m))
    return [v for v in found if v.kind == "age" or _alone(v, sentence)]


def _alone(value: Value, sentence: str) -> bool:
    before, after = sentence[: value.match.start()], sentence[value.match.end() :]
    hundred = value.kind == "percentage" and figure(value.number) == 100  # "100% sure"
    beside = NUMBER_BESIDE[0].search(before) or NUMBER_BESIDE[1].match(after)
    return not (
        PART_BEFORE.search(before) or IN_BRACKETS.search(before) or RANGE_AFTER.match(after) or hundred or beside
    )


def _year_like(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099


def _counted(m: re.Match[str], before: str) -> bool:
    unit, num = m["unit"], m["num"]
    last = before.split()[-1].lower().strip(".,") if before.split() else ""
    return (
        figure(num) >= 2
        and "." not in num
        and not _year_like(num)
        and unit not in STOP
        and unit not in TIME_UNITS
        and not WITH_UNIT.match(m[0])
        and last not in MONTHS
        and not PART_BEFORE.search(before)
    )


def change(value: Value, sentence: str, rng: random.Random) -> Variant:
    """``sentence`` with ``value`` changed so that both cannot be true."""
    m = value.match
    if value.kind == "age":
        old = int(value.number)
        new = old + rng.choice((-1, 1)) * rng.randint(3, 9)
        new = new if 1 <= new <= 99 else old + rng.randint(3, 9)
        return _replaced(value, sentence, str(new), str(new), "age moved")
    if value.kind != "hedged":
        old_value = figure(value.number)
        new = spell(shifted(old_value, rng), value.number, bool(m.groupdict().get("scale")))
        return _replaced(value, sentence, new, new, "value moved")
    hedge, old_value, cur = m["hedge"].lower(), figure(m["num"]), m["cur"] or ""
    scale, scaled = m["scale"] or "", bool(m["scale"])
    if hedge in LOWER:  # "at least 60" against a figure below 60
        new = spell(
            old_value - max(2.0, math.ceil(old_value * 0.4)) if not scaled else old_value * 0.6, m["num"], scaled
        )
        text, how = f"{cur}{new}{scale}", "lower bound against a smaller figure"
    elif hedge in UPPER:  # "nearly 60" or "up to 60" against a figure above it
        new = spell(
            old_value + max(3.0, math.ceil(old_value * 0.6)) if not scaled else old_value * 1.6, m["num"], scaled
        )
        text, how = f"{cur}{new}{scale}", "upper bound against a larger figure"
    else:
        new = spell(shifted(old_value, rng), m["num"], scaled)
        text, how = f"{m['hedge']} {cur}{new}{scale}", "approximate figure moved"
    if m.start() == 0 or sentence[: m.start()].rstrip().endswith(("“", '"')):
        text = text[:1].upper() + text[1:]
    return _replaced(value, sentence, text, new, how)


def _replaced(value: Value, sentence: str, text: str, new: str, how: str) -> Variant:
    head = sentence[: value.start]
    if re.search(r"\b[Aa]n?\s+$", head):  # "a 3-year-old" -> "an 8-year-old"
        vowel = re.match(r"(?:8|11|18)(?!\d)|8\d(?!\d)|8\d\d(?!\d)", text) is not None
        head = re.sub(r"\b([Aa])n?(\s+)$", lambda m: m[1] + ("n" if vowel else "") + m[2], head)
    changed = head + text + sentence[value.end :]
    return Variant(value.kind, how, sentence, changed, value.number, new)


def harmless(value: Value, sentence: str, rng: random.Random) -> list[Variant]:
    """Versions of ``sentence`` that state ``value`` in other words (possibly none)."""
    options = {
        "age": _harmless_age,
        "percentage": _harmless_percent,
        "hedged": _harmless_hedged,
        "with unit": _harmless_unit,
        "money": _harmless_money,
        "plain count": _harmless_count,
    }[value.kind](value, sentence, rng)
    return [Variant(value.kind, how, sentence, new) for how, new in options if new != sentence]


def _swap(sentence: str, start: int, end: int, text: str) -> str:
    return sentence[:start] + text + sentence[end:]


def _harmless_age(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    if m.re is AGE_COMMA:
        return [("aged", _swap(sentence, m.start("num"), m.end("num"), f"aged {m['num']}"))]
    for full in AGE_BEFORE_NAME.finditer(sentence):
        if full.start("num") == m.start("num"):
            after = full["after"]
            text = f"{full['name']}, {full['num']}" + ("," + after if after.isspace() else after)
            return [("name, age,", _swap(sentence, full.start(), full.end(), text))]
    return []


def _harmless_percent(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    unit = m["unit"].strip()
    options = [("% or percent", _swap(sentence, m.start("unit"), m.end("unit"), "%" if unit != "%" else " percent"))]
    number = figure(m["num"])
    if number in FRACTIONS and sentence[m.end() :].startswith(" of ") and m.start() > 0:
        options.append(("fraction", _swap(sentence, m.start(), m.end(), FRACTIONS[int(number)])))
    if "." in m["num"] and number >= 5:
        options.append(("rounded", _swap(sentence, m.start(), m.end("num"), f"about {round(number)}")))
    return options


def _harmless_hedged(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    hedge = m["hedge"].lower()
    if hedge in LOWER:  # ranges overlap: "more than 60" with "at least 60", "at least 60" with "60"
        words = ["at least"] if hedge != "at least" else ["more than", "over"]
        bare = hedge == "at least"
    elif hedge in UPPER:
        words = {"nearly": ["almost"], "almost": ["nearly"], "up to": ["as many as"]}.get(hedge, ["under", "less than"])
        words, bare = [w for w in words if w != hedge], False
    else:
        words, bare = [w for w in APPROX if w != hedge], True
    word = rng.choice(words)
    if m["hedge"][0].isupper():
        word = word.capitalize()
    options = [("hedge reworded", _swap(sentence, m.start("hedge"), m.end("hedge"), word))]
    if bare:
        start = m.start("cur") if m["cur"] else m.start("num")
        text = sentence[start : value.end]
        options.append(
            (
                "hedge dropped",
                _swap(sentence, m.start(), value.end, text[:1].upper() + text[1:] if m.start() == 0 else text),
            )
        )
    return options


def _harmless_unit(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    unit, number, options = m["unit"], figure(m["num"]), []
    if unit in SPELLED and m["sep"] != "-":
        about = "" if ARTICLE_BEFORE.search(sentence[: m.start()]) else rng.choice(("", "about "))
        options.append(("unit spelled out", _swap(sentence, m.start(), m.end(), f"{about}{m['num']} {SPELLED[unit]}")))
    if unit in CONVERSION and m["sep"] != "-":
        factor, other = CONVERSION[unit]
        converted = number * factor
        magnitude = math.floor(math.log10(converted))
        text = f"{round(converted, 1 - magnitude):,.{max(0, 1 - magnitude)}f}"  # two significant figures
        options.append(("conversion added", _swap(sentence, m.end(), m.end(), f" ({text} {other})")))
    rounded = _rounded(number)
    if rounded and m["sep"] != "-" and not ARTICLE_BEFORE.search(sentence[: m.start()]):
        options.append(("rounded", _swap(sentence, m.start(), m.end("num"), f"about {spell(rounded, m['num'])}")))
    return options


def _harmless_money(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    scale, number, options = m["scale"] or "", figure(m["num"]), []
    if scale in SCALED:
        short, zeros = SCALED[scale]
        options.append(("$12m", _swap(sentence, m.start("scale"), m.end("scale"), short)))
        if m["cur"] == "$":
            options.append(("12 million dollars", _swap(sentence, m.start(), m.end(), f"{m['num']}{scale} dollars")))
        if "." not in m["num"]:
            options.append(("in full", _swap(sentence, m.start("scale"), m.end("scale"), zeros)))
    rounded = _rounded(number)
    if rounded and not scale:
        hedge = "more than" if rounded < number else "nearly"
        options.append(("rounded", _swap(sentence, m.start(), m.end(), f"{hedge} {m['cur']}{spell(rounded, '1,000')}")))
    return options


def _harmless_count(value: Value, sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    m = value.match
    number = figure(m["num"])
    if number <= 20 and "," not in m["num"]:
        word = WORDS[int(number)]
        return [
            ("in words", _swap(sentence, m.start("num"), m.end("num"), word.capitalize() if m.start() == 0 else word))
        ]
    rounded = _rounded(number)
    if not rounded:
        return []
    hedge = "more than" if rounded < number else "nearly"
    text = f"{hedge} {spell(rounded, '1,000' if number >= 1000 else m['num'])}"
    return [("rounded", _swap(sentence, m.start("num"), m.end("num"), text.capitalize() if m.start() == 0 else text))]


def _rounded(number: float) -> float | None:
    """``number`` to one or two significant figures when that is within 5% of it, else None."""
    if number < 20:
        return None
    for figures in (1, 2):
        scale = 10 ** (len(str(int(number))) - figures)
        rounded = round(number / scale) * scale
        if rounded != number and abs(rounded - number) <= 0.05 * number:
            return float(rounded)
    return None
