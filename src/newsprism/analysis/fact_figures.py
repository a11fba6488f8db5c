"""Sentences of a story that state one claim by the figures they give (:mod:`.facts`): one figure and one
name in common, or two figures in common, one of them counting the same thing.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

from ..records import Sentence
from ..text.tokens import STOPWORDS
from .claims import PREDICATE_PREFIX, calendar_figures, figures, measures
from .entity_words import MONTHS_AND_DAYS
from .support import POSSESSIVE, WORD, key_terms

# Figures two sentences must have in common, none of them a date, to count alike: one figure in common
# is chance as often as not ("two children", "two charges"); two, one of them counting a same thing, are
# one count ("massacre 20 first-grade students and six adults", "left 20 first graders and six educators
# dead"). On truth-dev this adds 1 join, right; without the counted thing it adds 1 more, wrong ("climbed
# Everest twice ... six climbers" and "two meters (six feet) apart").
COUNTED_FIGURES = 2
# Figures this close (a share of the larger) are two measures of one thing, not two claims, when both are
# at least NEAR_FLOOR, and not dates (one year is not the next).
NEAR_FIGURES = 0.02
NEAR_FLOOR = 1000
# One figure and one name in common: a figure of one or two is in common by chance ("her two children" and
# "two slain children", "No. 1 show" and "No. 1 in the States"), and a sentence giving more than
# LISTED_FIGURES figures is a table or a list, sharing one of them with anything. With a sentence's first
# word counted as a name when the story writes it so elsewhere ("Johnson faced six charges"), on truth-dev
# this adds 2 joins (1 read right) and removes 8 (7 read wrong), and finds 1 more labelled shared fact.
CHANCE_FIGURES = frozenset(("1", "2"))
LISTED_FIGURES = 6
# A number written right after a capitalised word, no month, day or stop word, is part of that name and
# counts nothing: a model or a version ("Keurig 2.0", "Windows 8"), a road ("Interstate 35"), a show ("Bill
# Cosby 77"), a craft joined to it by a hyphen ("Bluefin-21", "AR-15"). Sharing it with the name is sharing
# the name: on sets A and B such pairs joined "Keurig 2.0 isn't the iPhone" with a sales report, two
# stretches of "Interstate 35", and "the Bluefin-21 drone would be sent down" with "no other vehicles
# besides the Bluefin-21" (6 joins, all of other claims).
NAME_NUMBER = re.compile(r"\b([A-Z][\w-]*?)(?:\s+|-)(\d[\d,.]*\d|\d)(?![\w%-])(?!\s*(?:%|percent\b))")
# A whole number written with a tenth of nothing ("its 2.0 machine", "the “2.0” line") is a version, not a
# quantity, unless a share, a sum or a scale word makes it one ("2.0%", "$2.0 billion").
VERSION = re.compile(r"(?<![\d.,$£€])(\d+\.0)(?![\d%])(?!\s*(?:%|percent|thousand|million|billion|trillion)\b)")
# A person's age ("the 29-year-old Italian", "Sollecito, 29, said", "aged 6"): two sentences giving one
# person one age describe who they tell of, not one claim ("Sollecito, 29, said he questioned Knox's
# behaviour" and "the 29-year-old Italian is looking to distance himself"). One sentence's age meeting
# another's count ("a 20-year-old gunman", "20 first-grade students") is left to the figure as it is.
AGE = re.compile(
    r"\b(\d{1,3})[- ](?:years?|months?|weeks?|days?)[- ]old\b|[A-Z][\w'’.-]*,\s(\d{1,3}),|\baged?\s(\d{1,3})\b"
)
# Two measures of one word counted this close (a share of the larger) are two hedged readings of one thing
# ("as much as 1,500 points", "nearly 1,600 points"), not two things: a difference conflicts weigh.
HEDGED = 0.1


def same_figure_and_name(sentences: list[Sentence]) -> list[tuple[int, int, bool]]:
    """Pairs of sentences that give one figure and name one person, place or thing: "Police said 14 people
    were hurt when the Arden Bridge fell" and "the collapse of the Arden Bridge left 14 injured" state one
    claim however each is worded; so do two that give one date ("distributed the photos in July 2016",
    "the images surfaced in July 2016"). A month is not such a name, and a year alone is such a figure
    only for sentences close as wholes (the third item of a pair says so): "the Misuse of Drugs Act 1977"
    and "Section 2(2) of the 1977 Act" share a name's year, not a claim, while a copy that changed its
    toll keeps the year of the event. A figure of one or two, and the figures of a table, are too common
    to be shared by one claim (CHANCE_FIGURES, LISTED_FIGURES); a name's number (:func:`name_numbers`) is
    the name's, no figure."""
    names = [{t for t in key_terms(s.text) if not t.isdigit() and t not in MONTHS_AND_DAYS} for s in sentences]
    named = set().union(*names)
    for row, sentence in enumerate(sentences):
        first = _first_word(sentence.text)
        if first in named:  # a name the story writes mid-sentence, opening this one
            names[row].add(first)
    by_figure: dict[str, list[int]] = defaultdict(list)
    calendars, aged = [], [ages(s.text) for s in sentences]
    for row, sentence in enumerate(sentences):
        calendar, dates = calendar_figures(sentence.text)
        calendars.append(calendar)
        given = figures(sentence.text)
        for figure in given - CHANCE_FIGURES - name_numbers(sentence.text) if len(given) <= LISTED_FIGURES else ():
            by_figure[figure].append(row)
        for when in dates:
            by_figure[when].append(row)
            names[row].add(when)
    pairs: dict[tuple[int, int], bool] = {}
    for figure, rows in by_figure.items():
        for i, j in itertools.combinations(rows, 2):
            if names[i] & names[j] and figure not in aged[i] & aged[j]:  # one age of one person is no claim
                by_year = figure in calendars[i] or figure in calendars[j]
                pairs[(i, j)] = pairs.get((i, j), True) and by_year
    return [(i, j, by_year) for (i, j), by_year in sorted(pairs.items())]


def name_numbers(text: str) -> frozenset[str]:
    """The numbers of ``text`` that are part of the name written before them (NAME_NUMBER), as the digit
    strings :func:`.claims.figures` gives.

    >>> sorted(name_numbers("In short, Keurig 2.0 isn't the iPhone; it closed Interstate 35 for 3 hours."))
    ['20', '35']
    >>> sorted(name_numbers("In 2016, Flight 370 vanished on March 8 with 239 people; Sales 15% up, Sollecito, 29."))
    ['370']
    >>> sorted(name_numbers("The Bluefin-21 will search; the new 2.0 brewer; sales fell 2.0%, or $2.0 billion."))
    ['20', '21']
    """
    named = {
        re.sub(r"\D", "", number)
        for word, number in NAME_NUMBER.findall(text)
        if word.lower() not in MONTHS_AND_DAYS and word.lower() not in STOPWORDS
    }
    return frozenset(named | {re.sub(r"\D", "", version) for version in VERSION.findall(text)})


def ages(text: str) -> frozenset[str]:
    """The figures of ``text`` that give a person's age (AGE), as :func:`.claims.figures` gives them.

    >>> sorted(ages("Knox, 26, got 28 years; the 29-year-old Italian, aged 30 days; a 5 year old; 40 women"))
    ['26', '29', '30', '5']
    """
    return frozenset(next(number for number in found if number) for found in AGE.findall(text))


def named_alike(a: str, b: str) -> bool:
    """Whether two sentences name one person, place or thing (:func:`.support.key_terms`)."""
    return any(not term.isdigit() for term in key_terms(a) & key_terms(b))


def _first_word(text: str) -> str | None:
    """The sentence's first word, as :func:`.support.key_terms` gives a name, when it is capitalised."""
    found = WORD.search(text)
    if found is None or not found[0][0].isupper():
        return None
    return POSSESSIVE.sub("", found[0].lower()).strip(".'’")


def alike_figures(a: str, b: str) -> bool:
    """Whether two sentences share a figure, or give two that differ by at most NEAR_FIGURES of the larger:
    two measures of one thing ("the 8,027-meter (26,330-foot) mountain", "the 26,291-foot (8,013 m) peak").
    Dates and figures under NEAR_FLOOR (counts, which differ when they differ) are compared as they are."""
    numbers = figures(a), figures(b)
    if numbers[0] & numbers[1]:
        return True
    large = [
        [float(f) for f in found - calendar_figures(text)[0] if f.isdigit() and int(f) >= NEAR_FLOOR]
        for found, text in zip(numbers, (a, b), strict=True)
    ]
    return any(abs(x - y) <= NEAR_FIGURES * max(x, y) for x in large[0] for y in large[1])


def other_measures(a: str, b: str) -> bool:
    """Whether two sentences give measures (a figure with the word it counts) and no figure alike, nor two
    measures of one thing within HEDGED of each other: "objects ranging from 3 to 75 feet across an area of
    154 square miles" and "about 200km (120 miles) from the site" measure other things, "a 15 percent tax" and
    "about 32 percent of sales" other taxes, while "as much as 1,500 points" and "nearly 1,600 points" are two
    hedged readings of one fall. Dates and the figures of CHANCE_FIGURES ("a two-day visit", but not "1%") are
    left out."""
    given = _measured(a), _measured(b)
    if not all(given) or alike_figures(a, b):
        return False
    return not any(
        abs(x - y) <= HEDGED * max(x, y)
        for unit in given[0].keys() & given[1].keys()
        for x in given[0][unit]
        for y in given[1][unit]
    )


def _measured(text: str) -> dict[str, set[float]]:
    """The sentence's measures as the values of each word counted, dates and CHANCE_FIGURES (but for
    percentages) left out."""
    dates = calendar_figures(text)[0]
    found: dict[str, set[float]] = defaultdict(set)
    for measure in measures(text):
        figure, _, unit = measure.partition(" ")
        # "1%" is a reading, where "a two-day visit" is a chance figure
        chance = figure in CHANCE_FIGURES and unit != "percent"
        if figure not in dates and not chance and figure.replace(".", "", 1).isdigit():
            found[unit].add(float(figure))
    return found


def counted_alike(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of rows that give COUNTED_FIGURES figures in common, none a date, one of them with the same
    counted word (cut to its first letters: "20 first-grade students" and "20 first graders")."""
    by_figure: dict[str, list[int]] = defaultdict(list)
    for row, text in enumerate(texts):
        for figure in figures(text) - calendar_figures(text)[0]:
            by_figure[figure].append(row)
    common: Counter[tuple[int, int]] = Counter()
    for rows in by_figure.values():
        common.update(itertools.combinations(rows, 2))
    return [
        (i, j)
        for (i, j), n in sorted(common.items())
        if n >= COUNTED_FIGURES and _counted(texts[i]) & _counted(texts[j])
    ]


def _counted(text: str) -> set[str]:
    return {measure[: measure.index(" ") + 1 + PREDICATE_PREFIX] for measure in measures(text) if " " in measure}
