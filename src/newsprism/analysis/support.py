"""Whether an article supports a sentence: it shows every name and number the sentence states, and one
of its sentences states the claim (:func:`says`).

A summary sentence cites the articles that say it. An article of the same fact may still word it
without a name or a number the chosen sentence adds ("the ambassador" for "the Russian ambassador,
Sergey Kislyak"; "last year" for "in 2010"), and citing it for that sentence would credit it with
what it never said. So a citation stands only when the cited article holds every number of the
sentence and every capitalised word that does not open it, as words of its title or text; a
spelling variant counts as missing, which errs on the side of citing less. A number written as a word
counts as a number ("four other states" needs a "four" or a "4": "other states" does not say how many).

>>> from newsprism.records import Article
>>> a = Article("a", "Kushner met the Russian ambassador, Sergey Kislyak, in December.")
>>> b = Article("b", "Kushner met the ambassador in December.")
>>> sentence = "Kushner met the Russian ambassador, Sergey Kislyak, in December."
>>> supports(a, sentence), supports(b, sentence)
(True, False)
>>> sorted(key_terms("Putin, 71, arrived in Pyongyang on June 19."))
['19', '71', 'june', 'pyongyang']
>>> sorted(key_terms("Four other states allow sales, a seven-story tower and one of them."))
['4', '7']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..embed import EmbeddedSentences
from ..records import Article
from ..text.tokens import STOPWORDS, content_words, fold, stem, words
from ..text.tokens import WORD as TOKEN
from .evaluative import political_labels
from .parse import main_verbs
from .sentence_values import mentions as values_of
from .summary_fit import QUOTATION
from .support_denial import SENTENCE_BREAK, denies
from .timeline import is_future
from .values import NUMBER_WORDS

WORD = re.compile(r"[\w'’.-]*\w")
POSSESSIVE = re.compile(r"['’]s$")
NEGATED = re.compile(r"n['’]t$")
# Number words a citation must show as a number: not "a", "an", "one" (also a pronoun: "one of them")
# nor "dozens" (no number).
COUNTED = {word: str(n) for word, n in NUMBER_WORDS.items() if n > 1 and word != "dozens"}
# Money counted in words ("eleven million dollars"), as values.py reads it: a count of the currency.
MONEY_NOUNS = frozenset(("dollar", "euro", "pound", "yen", "yuan", "rupee", "peso", "franc", "ruble", "rouble"))
# A claim whose predicate has at least two words needs at least this many of them in the cited sentence:
# one shared word ("problem" in "There's one problem: Colbert can't serve" for "the problem is not that
# Colbert isn't qualified") is a subject, not a claim.
MIN_PREDICATE_WORDS = 2
# A quotation of this many words or more is a speaker's words a cited article must print as they are; a
# shorter one ("a 'friendly' visit") is a word an outlet may use on its own.
MIN_QUOTED_WORDS = 3
# The share of a quotation's words a cited article must print in a row: outlets print one statement with a
# word or two otherwise ("volunteered to share with Congress what he knows" against "volunteered with
# Congress what he knows", 8 of 12 in a row), not half of it.
QUOTE_RUN = 0.6
# Two quotations sharing this many words in a row quote one passage, each cut otherwise (a statement's line
# that one outlet quotes with what comes before it, the other with what follows).
COMMON_RUN = 6
# An abbreviation written with points ("U.S."), which other outlets print without them.
ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")


@lru_cache(maxsize=1 << 16)
def key_terms(sentence: str) -> frozenset[str]:
    """The numbers (as digit strings) and the capitalised words, other than a sentence's first, that the
    sentence states."""
    found = set()
    for part in SENTENCE_BREAK.split(sentence):
        for n, word in enumerate(WORD.findall(part)):
            found |= _counted(word)
            if any(map(str.isdigit, word)):
                digits = re.sub(r"\D", "", word)
                found.add(digits)
            elif n > 0 and word[0].isupper() and len(word) > 1 and word.lower() not in STOPWORDS:
                found.add(_term(word))
    return frozenset(term for term in found if term)


def says(embedded: EmbeddedSentences, article: str, sentence: str, min_overlap: float) -> bool:
    """Whether ``article`` states what ``sentence`` claims: one of its sentences rewords it (the embedder's
    alignment cosine), or one sentence, or two in a row, hold at least ``min_overlap`` of its content
    words. A fact may join sentences that share a subject but not a claim; a citation needs the claim.
    A sentence telling what happened is not stated by one telling it as ahead: an article written
    before an arrival that said he "would" be welcomed does not say he was. The claim's numbers must be
    in the sentences that state it, not only elsewhere in the article: "four other states allow sales"
    is not said by "Other states have legalized marijuana" in an article that counts "the first four
    days"; and there they must count what the claim's count: "the first four days of recreational sales"
    does not state "four other states allow recreational sales" (:func:`_held`)."""
    rows = embedded.rows(article)
    if not rows:
        return False
    claim = _claim(sentence)
    told = [_claim(embedded.sentences[row].text) for row in rows]
    cosines = embedded.article_vectors(article) @ embedded.vectors_of([sentence])[0]
    align = embedded.embedder.align_similarity
    if any(
        c >= align and (claim.ahead or not other.ahead) and _held(claim.numbers, other.numbers)
        for c, other in zip(cosines, told, strict=True)
    ):
        return True
    if not claim.words:
        return True
    # a claim one outlet tells in two sentences ("expected to sign several documents. Among these is a
    # partnership agreement.") is read over each sentence and the next; what each sentence holds of the
    # claim is read once, and two sentences hold the union of what each holds
    fitting = [claim.ahead or not c.ahead for c in told]
    words = [claim.words & c.words for c in told]
    predicate = [claim.predicate & c.stems for c in told]
    least = min(MIN_PREDICATE_WORDS, len(claim.predicate))

    def holds(words: frozenset[str], predicate: frozenset[str]) -> bool:
        return _enough(len(words), len(claim.words), min_overlap) and _enough(
            len(predicate), len(claim.predicate), min_overlap, least
        )

    singles = (
        f and holds(w, p) and _held(claim.numbers, c.numbers)
        for c, f, w, p in zip(told, fitting, words, predicate, strict=True)
    )
    pairs = (
        f and g and holds(w | v, p | q) and _held(claim.numbers, c.numbers | d.numbers)
        for (c, f, w, p), (d, g, v, q) in pairwise(zip(told, fitting, words, predicate, strict=True))
    )
    return any(singles) or any(pairs)


def _held(wanted: frozenset[tuple[str, str]], found: frozenset[tuple[str, str]]) -> bool:
    """Whether every number of a claim is in ``found`` as a count of the same kind of thing: a number is read
    with what it counts (:func:`_numbers`), and one read with nothing ("the four were arrested", "a
    four-day visit") may stand for any."""
    return all(
        any(d == digits and (not what or not kind or what == kind) for d, kind in found) for digits, what in wanted
    )


def _enough(held: int, wanted: int, share: float, least: int = 0) -> bool:
    """Whether ``held`` of ``wanted`` words are at least ``share`` of them and at least ``least``."""
    return held >= share * wanted and held >= least


@dataclass(frozen=True, slots=True)
class Claim:
    """What a sentence claims, as the citation check reads it.

    ``words`` are its content words; ``predicate`` the stems of those that are not names (what it says
    about them: "warmly received" in "Putin was warmly received by Kim"), so that an article naming the
    same people in other claims does not pass for stating this one; ``stems`` every content word's stem;
    ``numbers`` its numbers as digits, number words included, each with what it counts (:func:`_numbers`).
    """

    words: frozenset[str]
    predicate: frozenset[str]
    stems: frozenset[str]
    ahead: bool
    numbers: frozenset[tuple[str, str]]


@lru_cache(maxsize=1 << 16)
def _claim(sentence: str) -> Claim:
    """Read once, whatever asks again."""
    words = frozenset(content_words(sentence))
    names = {fold(w).removesuffix("'s") for w in TOKEN.findall(sentence) if w[0].isupper()}
    # a negated auxiliary ("isn't", "can't") says nothing of what is claimed: any sentence may hold one
    predicate = frozenset(stem(w) for w in words if w not in names and not w.isdigit() and not NEGATED.search(w))
    return Claim(words, predicate, frozenset(stem(w) for w in words), is_future(sentence), _numbers(sentence))


def _numbers(sentence: str) -> frozenset[tuple[str, str]]:
    """Each number of a sentence (as digits, number words included) with what it counts, as conflicts read
    values (:func:`.values.read_mentions`): a count of any thing ("four other states", "12 people"), a span
    of days or of years, an amount in a currency, a share, a length, a weight, a date (a day of a month, a
    year); "" for a number read as none of these."""
    numbers = [(word.start(), digits) for word in WORD.finditer(sentence) if (digits := _digits(word.group(0)))]
    if not numbers:  # what values the sentence holds is read only when it has a number
        return frozenset()
    mentions = values_of(0, sentence, None)
    found = set()
    for start, digits in numbers:
        of = next((m for m in mentions if m.span[0] <= start < m.span[1]), None)
        found |= {(d, _what(of.kind) if of else "") for d in digits}
    return frozenset(found)


def _digits(word: str) -> set[str]:
    """The digit strings a word states, in figures or as number words ("4", "four", "seven-story")."""
    found = _counted(word)
    if any(map(str.isdigit, word)):
        found.add(re.sub(r"\D", "", word))
    return {d for d in found if d}


def _what(kind: str) -> str:
    """What a value of ``kind`` counts, as far as a citation tells them apart: things counted are one kind
    (an outlet's "four men" is another's "four people") but for money ("eleven million dollars" is "$11
    million"), and a year, a day of a month and a full date are one (the "2024" of "June 19, 2024")."""
    if kind.startswith("amount in") or kind.removeprefix("number of ") in MONEY_NOUNS:
        return "amount"
    if kind.startswith("number of"):
        return "number"
    return "date" if kind in ("date", "day of the month", "year") else kind


def supports(article: Article, sentence: str) -> bool:
    """Whether ``article`` shows every key term of ``sentence``."""
    words, numbers = _vocabulary(article.title or "", article.text)
    return all((term in numbers) if term.isdigit() else (term in words) for term in key_terms(sentence))


def prints_its_quotes(article: Article, sentence: str) -> bool:
    """Whether ``article`` prints every quotation of ``sentence`` of MIN_QUOTED_WORDS or more words: at least
    QUOTE_RUN of its words in a row, as they stand. An outlet that never printed a speaker's words is not
    cited for them, however close its report (one article's line of a video, cited for another that quotes
    other lines of it); one that printed them a little otherwise ("volunteered to share with Congress what
    he knows" for "volunteered with Congress what he knows", "sickle-cell" for "sickle cell") still is.

    >>> a = Article("a", "“I want to tell you one more thing,” Bundy said. He spoke for an hour.")
    >>> b = Article("b", "Bundy spoke for an hour and said one more thing about the case.")
    >>> [prints_its_quotes(x, "“I want to tell you one more thing,” Bundy said.") for x in (a, b)]
    [True, False]
    >>> c = Article("c", "“Kushner volunteered to share with Congress what he knows about these meetings.”")
    >>> prints_its_quotes(c, "“Kushner volunteered with Congress what he knows about these meetings.”")
    True
    """
    quoted = _quotations(sentence)
    return not quoted or all(_printed_in(q, _printed(article.title or "", article.text)) for q in quoted)


def other_quotations(a: str, b: str) -> bool:
    """Whether sentences ``a`` and ``b`` both quote someone and neither prints a quotation of the other (as
    :func:`prints_its_quotes` reads printing): two lines of speech, which tell two statements however close
    their topic ("What I need is the ability to get through red tape," said on a show, and another guest's
    "It's just stunningly naive" on it). One quoting a line and the other telling it in its own words may
    state one claim.

    >>> other_quotations("“What I need is to get through red tape,” she said on “State of the Union.”",
    ...                  "“It is stunningly naive,” he said on “State of the Union.”")
    True
    >>> other_quotations("“He is one of the great moral leaders,” Sanders said.",
    ...                  "He called him “one of the great moral and religious leaders.”")
    False
    """
    quoted_a, quoted_b = _quotations(a), _quotations(b)
    if not quoted_a or not quoted_b:
        return False
    # each sentence's longest quotation is its line; a title both print ("on CNN's “State of the Union”") is not
    line_a, line_b = max(quoted_a, key=len), max(quoted_b, key=len)
    printed_a, printed_b = _as_printed(a), _as_printed(b)
    return not _printed_in(line_a, printed_b, COMMON_RUN) and not _printed_in(line_b, printed_a, COMMON_RUN)


def _printed_in(quote: tuple[str, ...], printed: str, enough: int | None = None) -> bool:
    """Whether ``printed`` holds QUOTE_RUN of ``quote``'s words in a row, or ``enough`` of them."""
    run = _longest_run(quote, printed)
    return run >= QUOTE_RUN * len(quote) or (enough is not None and run >= enough)


@lru_cache(maxsize=1 << 16)
def _quotations(sentence: str) -> tuple[tuple[str, ...], ...]:
    """The words of each quotation of MIN_QUOTED_WORDS or more words in ``sentence``: read once, whichever
    article a citation of it is checked against."""
    quoted = (tuple(_quote_words(m.group())) for m in QUOTATION.finditer(sentence))
    return tuple(q for q in quoted if len(q) >= MIN_QUOTED_WORDS)


def _longest_run(quote: tuple[str, ...], printed: str) -> int:
    """The most words of ``quote`` in a row that ``printed`` holds, whole."""
    best = 0
    for start in range(len(quote)):
        end = start + best + 1
        while end <= len(quote) and f" {' '.join(quote[start:end])} " in printed:
            best, end = end - start, end + 1
    return best


def _quote_words(text: str) -> list[str]:
    """A text's words as quotations are compared: folded, a hyphened word as its parts, an abbreviation
    without its points ("U.S." as "US")."""
    text = ABBREVIATION.sub(lambda m: m.group().replace(".", ""), text)
    return [part for word in words(text) for part in word.split("-") if part]


@lru_cache(maxsize=256)
def _printed(title: str, text: str) -> str:
    """An article's words as :func:`_as_printed` gives them, kept for the article's next citation."""
    return _as_printed(f"{title} {text}")


def _as_printed(text: str) -> str:
    """A text's words, folded, in one string between spaces: where a quotation's words are looked for in a
    row, whole."""
    return f" {' '.join(_quote_words(text))} "


def uses_words(article: Article, sentence: str) -> bool:
    """Whether ``article`` uses, in any form, the verbs that carry ``sentence``'s claim ("arrival" for
    "arrived") and every label of the political lexicon the sentence puts on someone ("then-dictator",
    "regime"): an article that names the same people, numbers and visit but never says he arrived is
    not cited for "Putin has arrived, marking his first visit in 24 years", nor one that never called
    Kim Jong-il a dictator for a sentence that does. Nor is an article that denies the claim (it "will not
    impact on existing convictions" for "could have their convictions overturned": :func:`.denies`)."""
    words, _ = _vocabulary(article.title or "", article.text)
    # an irregular form ("met") is found as itself, the others by the lemma's stem ("arriv" in "arrival")
    verbs = all(
        form in words or any(word.startswith(root) for word in words)
        for lemma, form in main_verbs(sentence)
        if lemma not in STOPWORDS and (root := lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma)
    )
    return verbs and all(label in words for label in political_labels(sentence)) and not denies(article.text, sentence)


@lru_cache(maxsize=256)
def _vocabulary(title: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """An article's words (folded as key terms are) and the digit strings of its numbers."""
    tokens = set(WORD.findall(f"{title} {text}"))  # each word read once, however often the article uses it
    terms = {_term(t) for t in tokens}
    words = terms | {part for term in terms for part in term.split("-")}
    numbers = {re.sub(r"\D", "", t) for t in tokens if any(c.isdigit() for c in t)}
    return frozenset(words), frozenset(numbers | {n for t in tokens for n in _counted(t)})


def _counted(word: str) -> set[str]:
    """The digit strings of the number words in a word ("four", "seven-story")."""
    return {COUNTED[part] for part in word.lower().split("-") if part in COUNTED}


def _term(word: str) -> str:
    return POSSESSIVE.sub("", word.lower()).strip(".'’")
