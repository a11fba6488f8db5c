"""Stage 3, sentences: split an article's paragraphs into sentences.

A rule-based splitter: paragraph breaks always end a sentence; inside a paragraph a period, question
or exclamation mark (with any closing quotes) ends one unless it closes a known abbreviation or an
initial.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..records import Article
from .boilerplate import is_label
from .clean_config import CleanConfig
from .headline import title_case
from .posts import is_embedded_post

# Abbreviations that stand before a name or a figure ("Mr. Smith", "Gen. Lee", "Jan. 5", "Fig. 6",
# "(ref. 26)"): a period after one never ends a sentence.
TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "rev",
    "gen",
    "col",
    "lt",
    "maj",
    "brig",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "det",
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "pres",
    "st",
    "mt",
    "ft",
    "fig",
    "pt",
    "figs",
    "ref",
    "refs",
    "eq",
    "vol",
    "pp",
    "vs",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "i.e",
    "e.g",
}
# Abbreviations that end a name or a phrase ("the U.S.", "Apple Inc.", "John Smith Jr.", "at 9 a.m."): one
# may end a sentence, and does when the next word is one that opens sentences rather than names
# (:data:`SENTENCE_OPENERS`): "in the U.S. Also, Kroll was" ends after "U.S.", "the U.S. Senate" does not.
TRAILING = {
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "d.c",
    "a.m",
    "p.m",
    "inc",
    "co",
    "corp",
    "ltd",
    "jr",
    "sr",
    "etc",
    "est",
    "dept",
    "univ",
}
ABBREVIATIONS = TITLES | TRAILING
# Closed-class English words that open sentences and do not begin a name after "U.S." or "Inc.":
# articles, pronouns, conjunctions, prepositions and sentence adverbs. No auxiliaries or month names,
# which follow an abbreviation inside a sentence ("at 11 a.m. May 29", "Hank Williams Jr. “Are You Ready”").
SENTENCE_OPENERS = set(
    """the a an this that these those there here it its it's he she they we i you his her their our my your
    he's she's they're we're i'm i've we've they've you're there's that's what's
    one some many most several all both each every another such no none nobody nothing not and but or nor so
    yet because although though while whereas if unless since after before as once until when where why what
    who whom whose which how in on at by from with without about among against during despite under over into
    through between across according also however meanwhile instead still then now thus therefore indeed even
    only later earlier today yesterday tomorrow""".split()
)
# A run of capitalised words after the opener is a title-case headline ("Why the U.S. In Talks With Iran
# Matters"), not a new sentence: one of this many words after the abbreviation must be lower case.
OPENER_LOOKAHEAD_WORDS = 5
# A run without sentence punctuation longer than this is cut into pieces of at most this many characters
# (at a space where there is one): no sentence of the 22,319 of the Multi-News dev documents is longer
# than 1,370, and a text of a million characters with no full stop must not reach spaCy whole (E088).
MAX_SENTENCE_CHARS = 3000
# "No. 5" and "Nos. 5 and 6" before a figure; a dateline's agency or station in brackets after its place.
NUMBER_SIGNS = {"no", "nos"}
CREDIT = re.compile(r"\s+\((?:AP|Reuters|AFP|UPI|CNN|[A-Z]{3,5})\)\s")
# A sentence ends at punctuation before a space and a capital; or, in text scraped without the space
# ("Barling said.Investigators believe", "on January 8, 2014.City leaders", 'a letter."I'm paraphrasing'),
# at punctuation between a lower-case word or a number and a capitalised one or "I"
# (a quote mark between them is placed by :func:`_glued_end`), unless the capitalised word runs on into an
# address ("Daniel.Miller@THR.com", "www.Example.com").
BOUNDARY = re.compile(
    r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])"
    r"|(?<=[a-z\d][a-z\d])[.!?]+(?=[\"“”]?(?:[A-Z][a-z][^\s@/.]*(?:[\s,;:!?\"”]|\.(?:\s|$)|$)|I(?:['’][a-z]{1,2})?\s))"
)
LAST_TOKEN = re.compile(r"([\w.]+)$")
# Initials run together ("J.R.R.", "H.R.", "M.D."): like "U.S.", they end a name, or a sentence before an opener.
INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
# Quotes, brackets and punctuation around a word: "“It’s" is "It’s", "Also," is "Also".
WORD_EDGES = re.compile(r"^[^\w]+|[^\w]+$")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences.

    >>> split_sentences("Mr. Kim met Dr. Lee on Jan. 5. They talked. “Good,” he said.")
    ['Mr. Kim met Dr. Lee on Jan. 5.', 'They talked.', '“Good,” he said.']
    """
    sentences, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        head = paragraph[start : match.start()]
        token = LAST_TOKEN.search(head)
        word = token.group(1).lower().strip(".") if token else ""
        initials = bool(token and INITIALS.fullmatch(token.group(1).strip(".")))
        if paragraph[match.start()] == "." and (word in TITLES or (len(word) == 1 and word.isalpha())):
            continue
        trailing = word in TRAILING or initials
        if paragraph[match.start()] == "." and trailing and not _opens_sentence(paragraph[match.end() :]):
            continue
        if paragraph[match.start()] == "." and _not_an_end(word, paragraph[match.end() :]):
            continue
        end = _glued_end(paragraph, match.end())
        sentences.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [piece for s in sentences for piece in _capped(s) if any(ch.isalnum() for ch in piece)]


def _glued_end(paragraph: str, end: int) -> int:
    """Where a sentence that ends at ``end`` stops when a quote mark follows with no space: a curly closing
    mark, or a straight one that closes a quotation open in the paragraph (quotations run over several
    sentences), belongs to it; a straight mark that opens a quotation begins the next sentence.

    >>> split_sentences('He said "we won."They cheered. It ended.She said."Go home," he said.')
    ['He said "we won."', 'They cheered.', 'It ended.', 'She said.', '"Go home," he said.']
    """
    mark = paragraph[end : end + 1]
    closes = mark == "”" or (mark == '"' and paragraph.count('"', 0, end) % 2 == 1)
    return end + 1 if closes else end


def _opens_sentence(after: str) -> bool:
    """Whether the text after an abbreviation such as "U.S." or "Inc." opens a new sentence: its first word
    is a :data:`SENTENCE_OPENERS` word and a lower-case word follows within a few words.

    >>> split_sentences("It ranks No. 250 in the U.S. Also, Kroll left. The U.S. Senate met at 9 a.m. Monday.")
    ['It ranks No. 250 in the U.S.', 'Also, Kroll left.', 'The U.S. Senate met at 9 a.m. Monday.']
    """
    words = [WORD_EDGES.sub("", w).replace("’", "'") for w in after.split()[: OPENER_LOOKAHEAD_WORDS + 1]]
    return bool(words) and words[0].lower() in SENTENCE_OPENERS and any(w[:1].islower() for w in words[1:])


def _not_an_end(word: str, after: str) -> bool:
    """Whether a period closes a word inside a sentence by what follows it: a number's "No." before its
    figure ("between No. 250 and No. 500"), or a dateline's place before its agency's credit ("FORT
    WAYNE, Ind. (WANE) The mother ...").

    >>> split_sentences("It ranks between No. 250 and No. 500. FORT WAYNE, Ind. (WANE) The mother spoke.")
    ['It ranks between No. 250 and No. 500.', 'FORT WAYNE, Ind. (WANE) The mother spoke.']
    """
    return (word in NUMBER_SIGNS and after[:1].isspace() and after.lstrip()[:1].isdigit()) or bool(CREDIT.match(after))


def _capped(sentence: str) -> list[str]:
    """``sentence`` in pieces of at most ``MAX_SENTENCE_CHARS``, cut at the last space before the cap.

    >>> [len(p) for p in _capped("word " * 1000)]
    [2999, 1999]
    """
    pieces = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*pieces, sentence] if sentence else pieces


# A short line without sentence punctuation that ends in a comma or in one of these words, and has at
# least CUT_OFF_WORDS words, is a sentence cut off (the end of a truncated page, a hard-wrapped line), not
# a heading: headings do not end in an article, a preposition, a conjunction or an auxiliary.
OPEN_ENDINGS = set(
    """a an the of to in on at by for with from into about than and or but nor that which who whom whose
    whether if as is are was were be been being has have had do does did will would can could should may
    might must shall its their his her our your my this these those that's that’s it's it’s""".split()
)
CUT_OFF_WORDS = 6
# "Percentage of Destination Weddings: 24%", "Running time: 1 hour, 30 minutes": a figure under its label
# states a fact; a link or an address under a label ("More info: http://…") does not.
DATUM = re.compile(r"^[^:\d]{3,60}:\s+(?=\S*\d)(?P<value>.*)$")
LINK = re.compile(r"https?://|www\.|@|\.com\b", re.I)
# An entry of a list of works, the subheading over its blurb: a name, a dash and a quoted title, with a
# note in brackets ("Mobb Deep – “Shook Ones” (DJ Premier Remix)"). It names a work and states nothing,
# though its closing quote or bracket ends it as punctuation would; a sentence goes on after a title.
LIST_TITLE = re.compile(r"^[^.!?“”\"]{1,60}?\s[–—-]\s[“\"][^“”\"]{1,80}[”\"](?:\s*[(\[][^()\[\]]{1,40}[)\]])?$")


def reads_as_text(line: str) -> bool:
    """Whether a short line without sentence punctuation still states something: a sentence cut off,
    or a figure under its label.

    >>> reads_as_text("Instead, thermal modeling revealed a wedge of a rock called serpentinite that’s")
    True
    >>> reads_as_text("Percentage of Destination Weddings: 24%"), reads_as_text("More info: http://a.com/2")
    (True, False)
    >>> reads_as_text("Dear Friends,"), reads_as_text("The Places Americans Are Moving To")
    (False, False)
    """
    words = line.split()
    share = CleanConfig().title_case_share
    if datum := DATUM.match(line):
        # a headline under a label ("WATCH: $10M Gold Coins May Be Linked to Heist") is a link, not a datum
        return not LINK.search(line) and not title_case(datum["value"], share)
    cut_off = line.endswith((",", ";")) or words[-1].lower() in OPEN_ENDINGS if words else False
    return cut_off and len(words) >= CUT_OFF_WORDS and not title_case(line, share)


def add_sentences(article: Article) -> Article:
    """Pipeline stage: fill ``article.sentences`` from its paragraphs.

    Subheadings stay in the text but state nothing, so they are not sentences, unless the article has
    nothing else (a feed item of a few words). A short line that reads as text (:func:`reads_as_text`)
    is no subheading; a list's title (:data:`LIST_TITLE`) is one. A post embedded from a social network
    is one sentence, its text with its signature (:mod:`.posts`): split, its sentences would read as the
    outlet's.
    """
    lines = article.text.splitlines()
    lines = [line for line in lines if not _is_subheading(line.strip())] or lines
    # A standfirst repeated in the body is one sentence, not two.
    sentences = dict.fromkeys(s for line in lines for s in _line_sentences(line))
    return replace(article, sentences=tuple(sentences))


def _is_subheading(line: str) -> bool:
    """Whether a line is a subheading, a label or a list's title, not text.

    >>> _is_subheading("Mobb Deep – “Hell on Earth” (Baghiri Remix)"), _is_subheading("Top 2014 Wedding Trends")
    (True, True)
    >>> _is_subheading("Mobb Deep – “Hell on Earth” – topped the chart in 1996."), _is_subheading("Fans cheered.")
    (False, False)
    """
    if LIST_TITLE.match(line) and len(line.split()) <= CleanConfig().label_words:
        return True
    return is_label(line) and not reads_as_text(line)


def _line_sentences(line: str) -> list[str]:
    """The sentences of one line of an article: an embedded post's line whole (cut only when too long)."""
    return _capped(line.strip()) if is_embedded_post(line) else split_sentences(line)


# An unclosed quotation runs on into at most this many following sentences.
QUOTE_RUN_SENTENCES = 6
QUOTE_MARK = re.compile('[“”"]')


def quoted_shares(sentences: list[str]) -> list[float]:
    """For each sentence of one article, the share of its letters inside double quotation marks.

    A straight quote mark opens after a space or at the start of a sentence and closes elsewhere. A
    quotation left open at the end of a sentence runs on when a closing mark, or a mark reopening it
    at the start of a sentence (the news style for a quote over several paragraphs), follows within
    ``QUOTE_RUN_SENTENCES``; otherwise the mark was a stray and the quote ends with the sentence.

    >>> quoted_shares(['He said: "We will win. They know it."', 'Nobody agreed.', '“Never,” she said.'])
    [0.76, 0.0, 0.42]
    >>> quoted_shares(['"Fans got here early.', 'Took shirts and left.', '"They were gone fast."', 'He left.'])
    [1.0, 1.0, 1.0, 0.0]
    >>> quoted_shares(['A stray " mark.', 'Plain text.'])
    [0.4, 0.0]
    """
    marks = [_quote_marks(sentence) for sentence in sentences]
    shares = []
    inside = False
    for number, sentence in enumerate(sentences):
        quoted = letters = start = 0
        # the letters between one mark and the next, counted a run at a time (a mark is no letter)
        for mark in marks[number]:
            count = sum(map(str.isalpha, sentence[start : mark.position]))
            letters, quoted = letters + count, quoted + (count if inside else 0)
            inside, start = mark.opens, mark.position + 1
        count = sum(map(str.isalpha, sentence[start:]))
        letters, quoted = letters + count, quoted + (count if inside else 0)
        shares.append(round(quoted / letters, 2) if letters else 0.0)
        if inside:
            inside = _quote_runs_on(marks[number + 1 : number + 1 + QUOTE_RUN_SENTENCES])
    return shares


class _Mark(NamedTuple):
    """A double quotation mark in a sentence."""

    position: int
    opens: bool  # it opens a quotation rather than closing one


def _quote_marks(sentence: str) -> list[_Mark]:
    """The double quotation marks of a sentence, in order."""
    found = []
    for match in QUOTE_MARK.finditer(sentence):
        position, char = match.start(), match.group()
        before = sentence[position - 1] if position else " "
        found.append(_Mark(position, char == "“" or (char == '"' and (before.isspace() or before in "([—–-"))))
    return found


def _quote_runs_on(following: list[list[_Mark]]) -> bool:
    """A quotation left open runs on when the next mark in ``following`` closes it or reopens it at the
    start of a sentence."""
    for sentence_marks in following:
        if sentence_marks:
            first = sentence_marks[0]
            return not first.opens or first.position == 0
    return False
