"""Story analysis: the quotations an article carries, and who is quoted.

A quotation is a span in double quotation marks of at least ``MIN_WORDS`` words (framing's
``quote_words`` setting; shorter ones are scare quotes or names: a “friendly state visit”). Its
speaker comes from the attribution next to it, in the forms news writing uses: “…,” Ushakov said /
“…,” said Ushakov / “…,” ripped Rep. Raúl Grijalva (D-Ariz.) / Ushakov said: “…” / according to
Ushakov / Ushakov, an aide, said that … “…” / Wetzler questioned the logic, saying: “…”. Attributions
are read with every quotation's words hidden: a name inside a quotation never speaks it.

A pronoun (“…,” she said) is the named person the previous sentences are about: the latest speaker
or sentence subject that is a person's name ("Pasztor told WANE she ...") within ``PRONOUN_REACH``
sentences; with none, the speaker stays unnamed. An unattributed quotation opening a sentence goes on
with the speaker of the quotation before it in the same paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Quote
from ..text.tokens import STOPWORDS
from .entities import ORG_WORDS
from .memo import MAX_ARTICLES

# Shorter spans in quotation marks are scare quotes, titles or names ("a “friendly state visit”"), not
# someone's words.
MIN_WORDS = 6
# A pronoun speaker is looked for this many sentences back, its own included: far enough for a
# paragraph that names someone and quotes them in its next sentence, near enough not to reach a person
# the article has moved on from.
PRONOUN_REACH = 3
SPEECH = (
    r"(?:said|says|told|tells|added|adds|wrote|writes|stated|noted|notes|declared|warned|insisted|explained"
    r"|stressed|claimed|announced|reported|railed|lamented|indicated|confirmed|argued|argues|asserted"
    r"|acknowledged|urged|vowed|replied|tweeted|clarified|suggested|predicted|asked|asks|conceded|recalled)"
)
# Small-letter words of a role that may stand inside a name run: "Progressive Caucus leader Rep. Raul Grijalva".
ROLE_WORD = (
    r"(?:leader|chairman|chairwoman|spokesman|spokeswoman|director|president|secretary|minister|senator|host|analyst)"
)
NAME = rf"(?:[A-Z][\w.’'-]*(?:\s+(?:of\s+the\s+|of\s+|al-|bin\s+|de\s+|{ROLE_WORD}\s+(?=[A-Z]))?[A-Z][\w.’'-]*){{0,5}})"
# What may follow a name before its verb: a party label "(D-Ariz.)", an affiliation "of the Center for
# Biological Diversity", an apposition between commas.
PARTY = r"(?:\s*\([^()]{1,30}\))?"
AFFILIATION = (
    r"(?:\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:(?:for|and|of|on)\s+)?[A-Z][\w.’'&-]*){0,6})?"
)
APPOSITION = r"(?:,(?P<appos>[^,“”\"]{1,100}),?)?"
# What may open a sentence before its subject: "On Thursday, ", "Around 3:30 a.m., ", "Still, ".
OPENING = r"(?:[A-Z][^,“”\"]{0,40},\s+)?"
ADVERB = r"(?:\s+[a-z]+ly)?"  # "the president proudly stated"
RECORDED = r"(?:was|were)\s+[a-z]+ed(?:\s+as)?\s+saying"  # "Vasiliades was recorded saying"
# a name, perhaps with a plain noun after it ("North Korean state media"), a described source
# ("one source", "a spokesman"), or a pronoun
SPEAKER = (
    rf"(?P<who>(?:the\s+)?{NAME}(?:\s+(?!(?:who|which|was|were|is|are|has|had|have|also)\b)[a-z]+){{0,2}}?|(?:one|a|an|the)\s+[a-z]+(?:\s+[a-z]+)??|he|she|they)"
    rf"{PARTY}{AFFILIATION}"
)
QUOTED = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"")
AFTER = [
    # “…,” Ushakov said / “…,” one source, identified as a “senior official,” said / “…,” Schrader predicted
    re.compile(rf"^\s*,?\s*{SPEAKER}(?:,[^,]{{1,80}},”?)?{ADVERB}\s+(?:{SPEECH}|[a-z]+ed|{RECORDED})\b"),
    re.compile(rf"^\s*,?\s*{SPEECH}\s+{SPEAKER}"),  # “…,” said Ushakov
    re.compile(rf"^\s*,?\s*[a-z]+ed\s+(?P<who>{NAME}){PARTY}"),  # “…,” ripped Rep. Raúl Grijalva
]
BEFORE = [
    # Ushakov said: “…” / Ushakov told reporters “…” / Sen. Dianne Feinstein (D-Calif.) said, “…”
    re.compile(rf"{SPEAKER}(?:\s+who)?{ADVERB}\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]?\s*$"),
    # "according to the indictment, “…”"; not "…, according to the indictment. “…”": a full stop ended that
    # sentence (the case-blind match would take "indictment." as a name), whose quotation it attributed
    re.compile(rf"according\s+to\s+{SPEAKER}(?<!\.)\s*,?\s*$", re.IGNORECASE),
    # the sentence's subject said so earlier on: Ushakov, Putin's aide, indicated that they would discuss “…”
    re.compile(rf"(?:^|[.!?][”\"’]?\s+){OPENING}{SPEAKER}{APPOSITION}{ADVERB}\s+{SPEECH}\b[^.!?“”\"]*$"),
    # Wetzler questioned the administration's logic, saying: “…”
    re.compile(
        rf"(?:^|[.!?][”\"’]?\s+){OPENING}{SPEAKER}{APPOSITION}\s+[a-z]+\b[^.!?“”\"]*,\s+saying(?:\s+that)?:?\s*$"
    ),
]
PRONOUNS = {"he", "she", "they"}
TITLE = r"(?:Sen|Rep|Gov|Del|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.?"
ROLE = (
    r"(?:President|Minister|Secretary|Spokesman|Spokeswoman|Aide|Leader|Chairman|Chairwoman|Ambassador|Mayor"
    r"|Governor|Senator|Representative|Delegate|Director|Judge|Sheriff)"
)
# Leading words of a speaker phrase that are not the speaker's name.
ROLE_PREFIX = re.compile(rf"^(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)*(?:{ROLE}|{ROLE_WORD}|{TITLE})\s+)+(?=[A-Z])")
# A sentence whose subject is a name: "Still, Sen. Dianne Feinstein (D-Calif.) said ...", "Kassie Siegel
# of the Center for Biological Diversity, who has led ..., said ...", "Pasztor told WANE ...".
SUBJECT = re.compile(
    rf"^{OPENING}(?:the\s+)?"
    rf"(?P<run>{NAME}){PARTY}{AFFILIATION}{APPOSITION}"
    rf"{ADVERB}\s+(?!(?:and|or|of|in|on|at|for|to|with|from|by|as)\b)[a-z]+\b"
)
# Two or three capitalised words after a small-letter word: a full name ("told Amber Pasztor"), whose last
# word alone then names the same person ("Pasztor said").
FULL_NAME = re.compile(
    rf"(?:(?<=[a-z,] )|\b{TITLE}\s+)(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){{1,2}})\b"
)
PRONOUN_SPEECH = re.compile(rf"\b(?:he|she)\s+{SPEECH}\b")
SENTENCE_START = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"])")


@lru_cache(maxsize=MAX_ARTICLES)  # framing and the speaker check both read each article's quotations
def find_quotes(text: str, min_words: int = MIN_WORDS) -> tuple[Quote, ...]:
    """Quotations of at least ``min_words`` words in an article's text, in order, each with its speaker
    when the text names one.

    >>> [(q.speaker, q.text[:20]) for q in find_quotes('“We will win this war together,” Ushakov said.')]
    [('Ushakov', 'We will win this war')]
    >>> find_quotes('Moscow called it a “friendly state visit”.')
    ()
    >>> text = 'Amber Pasztor told WANE she had no choice. “My kids are in a better place now,” she said.'
    >>> [q.speaker for q in find_quotes(text)]
    ['Amber Pasztor']
    """
    quotes = []
    people = _People(set(re.findall(r"\b[a-z]+\b", text)))
    for found in FULL_NAME.finditer(_mask(text)):
        if name := _person(found.group("name"), set()):
            people.surnames.add(name.split()[-1])
    for paragraph in text.split("\n"):
        masked = _mask(paragraph)
        starts = [0, *(m.end() for m in SENTENCE_START.finditer(masked))]
        in_paragraph: str | None = None
        for match in QUOTED.finditer(paragraph):
            people.read_sentences(masked, [s for s in starts if s <= match.start()])
            said = (match.group("a") or match.group("b")).strip()
            # a quotation closed by a full stop ended its sentence: what follows does not attribute it
            after = "" if said.endswith(".") else masked[match.end() :]
            speaker = _speaker(masked[: match.start()], after)
            if speaker and speaker.split()[0].lower() in PRONOUNS:  # "he", "He also"
                speaker = people.latest() if speaker.split()[0].lower() != "they" else None
            elif not speaker and re.search(r"[.!?]\s*$", paragraph[: match.start()]):
                # a quotation opening a new sentence, unattributed, goes on with the paragraph's speaker
                speaker = in_paragraph
            if speaker:
                people.mention(speaker)
            in_paragraph = speaker
            if len(said.split()) >= min_words:  # a shorter one is no quotation, but its speaker still speaks
                quotes.append(Quote(said.rstrip(",").strip(), speaker))
        people.read_sentences(masked, starts)
        people.end_paragraph()
    return tuple(quotes)


class _People:
    """The persons an article has named so far, as sentence subjects or speakers, sentence by sentence."""

    def __init__(self, common: set[str]) -> None:
        self.common = common  # the words the article writes in small letters: "Even" opens no name
        self.sentence = 0
        self.last: tuple[int, str] | None = None
        self.surnames: set[str] = set()
        self.read: int = -1  # the start of the paragraph's last sentence read

    def read_sentences(self, masked: str, starts: list[int]) -> None:
        for start in starts:
            if start > self.read:
                self.read = start
                self.sentence += 1
                found = SUBJECT.match(masked[start:])
                if found:
                    self.mention(found.group("run"))
                elif PRONOUN_SPEECH.search(masked[start:].split(".")[0]) and (same := self.latest()):
                    self.mention(same)  # "At the same time, she said, ...": the same speaker, still speaking

    def end_paragraph(self) -> None:
        self.read = -1

    def mention(self, run: str) -> None:
        if name := _person(run, self.surnames, self.common):
            self.surnames.add(name.split()[-1])
            self.last = (self.sentence, name)

    def latest(self) -> str | None:
        if self.last and self.sentence - self.last[0] < PRONOUN_REACH:
            return self.last[1]
        return None


def _person(run: str, surnames: set[str], common: set[str] | None = None) -> str | None:
    """The person's name a run of capitalised words ends with ("House Minority Leader Nancy Pelosi" →
    "Nancy Pelosi", "Even Anastasio" → "Anastasio" when the text writes "even"), or None for an
    organisation, a place or a function word ("The", "Congress")."""
    words = _name(run).split()
    while len(words) > 1 and common and words[0].lower() in common:
        words = words[1:]
    if not words or len(words) > 3 or words[0].lower() in STOPWORDS:
        return None
    if any(w.lower().strip(".") in ORG_WORDS or not w[0].isupper() for w in words):
        return None
    return " ".join(words) if len(words) > 1 or words[0] in surnames else None


def _mask(paragraph: str) -> str:
    """The paragraph with each quotation's letters hidden (same length, punctuation kept)."""
    return QUOTED.sub(lambda m: re.sub(r"\w", "x", m.group(0)), paragraph)


def _speaker(before: str, after: str) -> str | None:
    tail = before[-200:]
    for found in [*(p.match(after) for p in AFTER), *(p.search(tail) for p in BEFORE)]:
        if found and not _function_word(found.group("who").split()[0]):
            return _described_name(found)
    return None


def _function_word(word: str) -> bool:
    """A capitalised word opening a sentence that no speaker's name starts with: "On (Thursday)", "In"."""
    return word[0].isupper() and word.lower() in STOPWORDS - {"the", "mr", "mrs", "ms", "one", *PRONOUNS}


def _described_name(found: re.Match[str]) -> str:
    """The speaker's name: "Kushner's attorney, Jamie Gorelick, said" is Jamie Gorelick."""
    who = _name(found.group("who"))
    appos = (found.groupdict().get("appos") or "").strip()
    described = who.split()[-1][:1].islower() or re.search(r"[’']s\b", who)
    return appos if described and appos and _person(appos, set()) else who


def _name(phrase: str) -> str:
    """ "President Vladimir Putin" → "Vladimir Putin"; "the Kremlin" stays "the Kremlin"."""
    phrase = " ".join(phrase.split())
    if re.search(r"\w{4}\.$", phrase):  # a sentence's full stop, not an abbreviation's
        phrase = phrase[:-1]
    stripped = ROLE_PREFIX.sub("", phrase)
    return stripped or phrase
