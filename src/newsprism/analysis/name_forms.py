"""Story analysis, part of entities: the written form of a name, cleaned of what a recogniser took with it.

A recogniser's span often holds more than the name: a title ("Musician Brad Fischetti"), words that
follow it ("Far East nine months ago"), a possessive ("Fernandez's David"), scraped markup ("Amber
Pasztor (Photo"), or it is no name at all ("n't", "marijuana", "McCabe, Chaffetz"). :func:`tidy_name`
keeps the name alone, or nothing; :func:`name_key` gives the form variants of one name share.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.tokens import fold
from .entity_words import LEADING_NOISE

# Words inside a name written in lower case: "Department of Taxation", "Mohammed bin Salman".
PARTICLES = {
    "of",
    "the",
    "and",
    "for",
    "de",
    "da",
    "del",
    "du",
    "al",
    "el",
    "bin",
    "ibn",
    "von",
    "van",
    "la",
    "le",
    "y",
    "&",
}
# Titles and occupations set before a name, never part of it ("Mountaineer Ueli Steck"); a royal or
# religious title before a single name is kept ("King Salman", "Pope Francis"): it is how they are named.
TITLES = set(
    """mr mrs ms miss dr prof president vice minister senator sen rep gov governor secretary chancellor ambassador
    spokesman spokeswoman spokesperson musician mountaineer climber singer actor actress rapper guitarist
    bassist drummer percussionist director officer examiner detective cmdr adm maj cpl pvt det insp supt atty
    sheriff deputy judge attorney lawyer coach player author writer journalist reporter firefighter trooper
    sergeant sgt lt lieutenant captain capt colonel col commander chairman chairwoman chief ceo founder premier
    mayor councilman councilwoman congressman congresswoman lawmaker pastor rev reverend father sister dame sir
    lord lady crown first""".split()
)
ROYAL_TITLES = {"king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan", "emperor", "empress"}
# Generational suffixes: "Donald Trump Jr" is another person than "Donald Trump", and his surname alone is not his.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# "Justin Bieber-like", "Kremlin-backed": an adjective made of a name.
ADJECTIVE_END = re.compile(r"-(?:like|based|led|backed|style|born|owned|made|era|linked|sponsored|related|bound)$")
# Characters no name holds: markup, links, list and clause separators scraped with the text.
MARKUP = re.compile(r"[/\\\[\]{}<>=@#*|:;!?\"“”]|https?:|www\.")
# A word running into a number ("Helens9", "Conductor29"): footnote marks glued on by a scraper.
GLUED_NUMBER = re.compile(r"[a-z]\d")
# "Washington, D.C.": a comma is in a name only before a state's initials; elsewhere it joins a list.
COMMA_PLACE = re.compile(r"^[^,]+, (?:[A-Z]\.?){1,2}$")
# Acronyms run to this many letters ("UNHCR"); a longer word in capitals is a name set in capitals ("KHARKIV").
ACRONYM_LETTERS = 5
# A dash between spaces joins two names in a list or a heading, never the words of one name.
LIST_DASH = re.compile(r"\s[-–—]\s")
# A span of this many words in capitals is a headline, not a name ("NEW YORK" is one).
HEADLINE_WORDS = 4
CORPORATE = {"co", "inc", "corp", "corporation", "ltd", "llc", "plc", "company"}
# Variants of a country's name that are no acronym of it.
COUNTRY_NAMES = {"america": "united states", "britain": "united kingdom", "great britain": "united kingdom"}


@lru_cache(maxsize=1 << 16)  # a story names the same spans over and over, and every recogniser tidies them
def tidy_name(text: str) -> tuple[str, bool] | None:
    """The name in a recognised span and whether a title stood before it; None when it is no name.

    >>> [tidy_name(t) for t in ("Far East nine months ago", "Musician Brad Fischetti", "King Salman")]
    [('Far East', False), ('Brad Fischetti', True), ('King Salman', False)]
    >>> [tidy_name(t) for t in ("Amber Pasztor (Photo", "Fernandez's David", "McCabe, Chaffetz", "n't")]
    [('Amber Pasztor', False), ('Fernandez', False), None, None]
    >>> tidy_name("Hell on Earth") is None  # a title's words, not a name and what follows it
    True
    """
    text = _trim(text.split("(")[0].replace(")", ""))
    if not text or MARKUP.search(text) or GLUED_NUMBER.search(text) or ("," in text and not COMMA_PLACE.match(text)):
        return None
    if LIST_DASH.search(text) or (text.isupper() and len(text.split()) >= HEADLINE_WORDS):
        return None  # "California - Los Angeles", "ALMOST HALF OF COUPLES GOING OVER BUDGET"
    text = re.split(r"\s['‘’]", text)[0]  # "Harold 'Devin' Lima": the name ends before a quoted nickname
    words = text.split()
    for n, word in enumerate(words):  # a possessive ends the name: "Fernandez's David"
        if fold(word).endswith("'s") and len(word) > 2:
            words = [*words[:n], word[:-2]]
            break
    while words and (words[0].lower() in LEADING_NOISE or (_lower(words[0]) and words[0].lower() not in PARTICLES)):
        words.pop(0)
    titled = False
    while len(words) > 1 and fold(words[0]).strip(".") in TITLES:
        words.pop(0)
        titled = True
    if len(words) > 2 and fold(words[0]).strip(".") in ROYAL_TITLES:  # "Crown Prince Mohammed bin Salman"
        words.pop(0)
        titled = True
    for n, word in enumerate(words):  # the name ends before a common word: "Far East nine months ago"
        if _lower(word) and word.lower() not in PARTICLES:
            if word.isalpha() and any(w[:1].isupper() for w in words[n + 1 :]):
                return None  # a title runs on past a word ("Hell on Earth"): its first word is no name
            words = words[:n]
            break
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    name = _trim(" ".join(words))
    opening = name.split()[0] if name else ""
    capitalised = opening[:1].isupper() or opening[:1].isdigit() or opening[1:2].isupper()  # "iPhone"
    particle = opening.lower() in PARTICLES and " " in name  # "bin Salman", "de Blasio"
    if not any(c.isupper() for c in name) or not (capitalised or particle):
        return None
    return (name, titled) if not ADJECTIVE_END.search(name) else None


def _trim(text: str) -> str:
    """Without the punctuation around it; a point that ends initials stays ("Washington, D.C.")."""
    trimmed = text.strip(" .,'’\"-–—")
    return trimmed + "." if re.search(r"(?:^|[\s.])[A-Z]\.[A-Z]$", trimmed) and text.rstrip().endswith(".") else trimmed


def _lower(word: str) -> bool:
    return any(c.isalpha() for c in word) and word == word.lower()


def translit_key(name: str) -> str:
    """A spelling-insensitive key: ``translit_key("Sergey") == translit_key("Sergei")``.

    >>> translit_key("Kim Jong-un") == translit_key("Kim Jong Un")
    True
    >>> translit_key("Zelenskiy") == translit_key("Zelensky")
    True
    """
    tokens = re.sub(r"[-‐–.]", " ", fold(name)).replace("'s", "").split()
    keyed = []
    for token in tokens:
        token = re.sub(r"(?:iy|yy|ij|ii)$", "y", token)
        token = re.sub(r"(?:ey|ej)$", "ei", token)
        token = token.replace("y", "i").replace("kh", "h").replace("ks", "x")
        keyed.append(re.sub(r"(.)\1", r"\1", token))
    return " ".join(keyed)


def name_key(name: str, countries: frozenset[str] = frozenset()) -> str:
    """The key spelling variants of a name share: its :func:`translit_key` with initials written with
    points ("U.S.", "U.S"), "St." and "Saint", "Mount Everest" and "Everest", "Boeing Co" and "Boeing",
    and in a longer name a country's adjective and the country ("Malaysian Airlines", "Malaysia
    Airlines", when ``countries`` holds it) made one.

    >>> [name_key(n) for n in ("U.S. Navy", "US Navy", "Mount Everest", "Boeing Co.", "St. Petersburg", "America")]
    ['us navi', 'us navi', 'everest', 'boeing', 'saint petersburg', 'united states']
    >>> [name_key(n) for n in ("BBC", "U.S.", "D.C.")]
    ['bbc', 'us', 'dc']
    """
    name = re.sub(r"\b((?:[A-Z]\.\s?)+[A-Z])\b\.?", lambda m: re.sub(r"[.\s]", "", m.group(1)), name)
    if name.isupper() and " " not in name and len(name) <= ACRONYM_LETTERS:  # spelt letter by letter: "BBC", not "BC"
        return COUNTRY_NAMES.get(fold(name), fold(name))
    words = translit_key(name).split()
    if len(words) > 1 and words[0] in {"mount", "mt"}:
        words = words[1:]
    if len(words) > 1 and words[0] == "st":
        words[0] = "saint"
    while len(words) > 1 and words[-1] in CORPORATE:
        words.pop()
    if len(words) > 1:
        words = [w[:-1] if w.endswith("an") and w[:-1] in countries else w for w in words]
    key = " ".join(words)
    return COUNTRY_NAMES.get(key, key)
