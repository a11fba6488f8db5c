"""The words two sentences share of their claim, read for :mod:`.facts`: a sentence that leans on its context
for its claim, and two sentences that share few words of it, are linked by their wording only with more of the
link score than two reports stating one claim need (words both print in a row, "the ferry ramp", name one thing,
and are one word of it); two sentences quoting one speaker are compared without the speaker's name, age and role
(their attribution), which they share whatever each says."""

from __future__ import annotations

from functools import lru_cache

from ..text.tokens import words as words_of
from .claims import PREDICATE_PREFIX, figures, stem, stems
from .doc_cache import parsed, shared
from .parse import speech_acts
from .summary_alone import SPEECH_VERBS
from .summary_fit import QUOTATION, asks_or_leads_on, in_own_voice

# A sentence in the writer's own voice ("I got my dev kit and played around with it", "we are advised that ...")
# or asking or leading on ("Yeah, but Facebook's going to ruin Oculus Rift, right?", "Cosby's reply:") leans on
# its context for its claim: sharing the story's words with another outlet's sentence, it is linked by its
# wording only with this much more. On the 40 unseen stories of sets A and B this removes 27 joins readers
# judged different claims, 10 judged one claim and 11 partly; truth-dev keeps its 210 labelled shared facts
# (12 joins removed, 8 read wrong; 2 added, 1 right). Quotations without their speaker or credited to one cost
# labelled facts at this margin (1 and 3), and were left out; a margin of 0.3 or more loses 3 or 4.
LEANING_MARGIN = 0.2
# Two sentences sharing few words of their claim, FEW_WORDS stems or fewer other than figures, with at most one
# of them said of their names (a name and one word: "Cosby's reply:" and "Cosby's reply was every bit as
# convoluted", "Any change at Oculus will be for the better" and "Oculus has the chance to ... change the way we
# work"), share a subject and a word, seldom a claim: they are linked by their wording only with this much more.
# With a name's number no shared figure (:mod:`.fact_figures`), on sets A and B (judged by readers) this removes
# 19 joins of different claims, 3 of one claim and 4 partly, and adds 1 of one claim and 1 partly; truth-dev keeps
# its 210 labelled shared facts (of 21 joins removed, 8 read wrong, 8 partly, 5 right). Four stems lose 2 of them,
# as do two words said of the names (33 joins of different claims gone, 10 of one claim); a margin of 0.2 loses 1.
# Words said of the names that both sentences print in a row name one thing ("the ferry ramp" in "Storms closed the
# ferry ramp" and "Volunteers painted the ferry ramp") and count as one (:func:`one_thing`): on sets A and B this
# removes 7 joins of different claims and 3 of one claim (a thing and no word said of it in common: "oil slick",
# "tax cuts", "murder charge"); truth-dev keeps its 210 labelled shared facts (4 joins removed, 3 read wrong).
FEW_WORDS = 3
FEW_WORDS_MARGIN = 0.15
# The dependencies by which a verb of speech names its speaker ("Maria Kowalski, 58, the harbour master, said",
# "said a tired Maria Kowalski"). Two quoting sentences compared without what both attributions name (words,
# a phrase, the speaker's age as a figure shared with the name): on sets A and B (judged by readers) this removes
# 4 joins of different claims (two lines of one speaker) and none of one claim or partly; truth-dev joins are
# unchanged. Leaving out each one's whole attribution instead (not only what both name) lost 2 partly joins (a
# role's word, "chief search coordinator", the other sentence's claim word) for 1 more of different claims.
SPEAKER_DEPS = frozenset(("nsubj", "nsubjpass"))


def leans_on_context(sentence: str) -> bool:
    """Whether a sentence tells its claim only with the sentences around it: in the writer's own voice, or
    asking a question or leading on to words it does not hold (:mod:`.summary_fit`).

    >>> [leans_on_context(s) for s in ("I got my dev kit and played around with it.", "Cosby's reply:",
    ...                                "Yeah, but Facebook's going to ruin Oculus Rift, right?",
    ...                                "“I did it,” Smith said.", "Facebook is buying Oculus VR for $2 billion.")]
    [True, True, True, False, False]
    """
    return in_own_voice(sentence) or asks_or_leads_on(sentence)


def few_words(shared: frozenset[str], said: frozenset[str], most: int = FEW_WORDS) -> bool:
    """Whether two sentences sharing the stems ``shared``, ``said`` of them written in lower case (said of their
    names), share few words of their claim: at most ``most`` stems other than figures, at most one of them said
    of their names. A figure's digits are no words ("2.0" gives the stems "2" and "0"): a figure is one token.

    >>> few_words(frozenset({"cosby", "reply"}), frozenset({"reply"}))
    True
    >>> few_words(frozenset({"keurig", "2", "0"}), frozenset({"2", "0"}))
    True
    >>> few_words(frozenset({"oculus", "change", "better"}), frozenset({"change", "better"}))
    False
    """
    words, said_words = ({stem for stem in found if not stem.isdigit()} for found in (shared, said))
    return len(words) <= most and len(said_words) <= 1


def few_words_of(a: str, b: str, shared: frozenset[str], said: frozenset[str], most: int = FEW_WORDS) -> bool:
    """:func:`few_words` of sentences ``a`` and ``b``, the words said of their names that both print in a row
    counted as one (:func:`one_thing`)."""
    return few_words(shared, one_thing(a, b, said), most)


def one_thing(a: str, b: str, said: frozenset[str]) -> frozenset[str]:
    """``said``, the words two sentences both say of their names (:func:`.claims.predicate`), with those both
    print in a row as one word: they name one thing ("the ferry ramp"), and a thing in common is no claim in
    common. Figures are left as they are: :func:`few_words` does not count them.

    >>> sorted(one_thing("Storms closed the ferry ramp.", "Volunteers painted the ferry ramp.",
    ...                  frozenset({"ferry", "ramp"})))
    ['ferry ramp']
    >>> sorted(one_thing("Storms closed the ferry ramp.", "Volunteers painted the ramp for the ferry.",
    ...                  frozenset({"ferry", "ramp"})))
    ['ferry', 'ramp']
    """
    named = {word for word in said if not word.isdigit()}
    if len(named) < 2 or not all(_in_a_row(named, sentence) for sentence in (a, b)):
        return said
    return (said - named) | {" ".join(sorted(named))}


def _in_a_row(said: set[str], sentence: str) -> bool:
    """Whether ``sentence`` prints the words ``said`` (cut as :func:`.claims.predicate` cuts them) one after
    another, in any order; a name (a capitalised word) breaks the row, as any other word does."""
    cut, length = _cut(sentence), len(said)
    return any(cut[k] in said and set(cut[k : k + length]) == said for k in range(len(cut) - length + 1))


@lru_cache(maxsize=1 << 14)  # a sentence is tested against each sentence it may be linked to
def _cut(sentence: str) -> tuple[str, ...]:
    """The sentence's words cut as :func:`.claims.predicate` cuts them, a name (a capitalised word) as ""."""
    return tuple(
        stem(word.removesuffix("'s"))[:PREDICATE_PREFIX] if not token[:1].isupper() else ""
        for token in sentence.split()
        for word in words_of(token) or [""]
    )


def parse_quoting(texts: list[str]) -> None:
    """Parse together the sentences with words in quotation marks, the ones :func:`attribution` reads (spaCy
    is several times faster on a batch than one by one)."""
    if shared() is not None:
        parsed([text for text in texts if QUOTATION.search(text)])


@lru_cache(maxsize=1 << 14)
def attribution(sentence: str) -> frozenset[str]:
    """The stems only the attribution of a sentence quoting someone carries: its verb of speech and the
    speaker's phrase (name, age, role), outside the quotation marks. Two lines of one speaker share these
    whatever each says, so the words two quoting sentences are compared by leave them out. Empty for a
    sentence that quotes no one, and without spaCy.

    >>> sorted(attribution("“The ferry stays closed,” said a tired Maria Kowalski, 58, the harbour master."))
    ['58', 'harbour', 'kowalski', 'maria', 'master', 'tir']
    >>> sorted(attribution("Maria Kowalski, the harbour master, said the ferry is in “bad shape.”"))
    ['harbour', 'kowalski', 'maria', 'master']
    >>> attribution("The harbour master said the ferry is in bad shape.")
    frozenset()
    """
    spans = [match.span() for match in QUOTATION.finditer(sentence)]
    if not spans or shared() is None:
        return frozenset()
    doc = parsed([sentence])[0]
    quoted = {t.i for t in doc if any(start <= t.idx < end for start, end in spans)}
    said: set[int] = set()
    for verb, speakers in speech_acts(doc, SPEECH_VERBS, SPEAKER_DEPS):
        if verb.i not in quoted:
            said |= {verb.i} | {t.i for speaker in speakers for t in speaker.subtree if t.i not in quoted}
    if not said:
        return frozenset()
    return stems(" ".join(t.text for t in doc if t.i in said)) - stems(" ".join(t.text for t in doc if t.i not in said))


def speakers_words(a: str, b: str) -> frozenset[str]:
    """The stems two sentences are not compared by: those both attributions name (:func:`attribution`, empty
    unless both quote someone), so that two lines of one speaker meet only by what they say."""
    said = attribution(a), attribution(b)
    return said[0] & said[1]


def speakers_figures(a: str, b: str) -> bool:
    """Whether two sentences quoting someone share figures only in the attribution of each: the speaker's
    age ("Maria Kowalski, 58, the harbour master") is who speaks, not a claim the two lines share.

    >>> speakers_figures("“The ferry stays closed,” said Maria Kowalski, 58, the harbour master.",
    ...                  "Maria Kowalski, 58, the harbour master, said the ferry is in “bad shape.”")
    True
    >>> speakers_figures("“We lost 58 boats,” said Maria Kowalski, 58.", "Maria Kowalski, 58, said “58 boats sank.”")
    False
    """
    common = figures(a) & figures(b)
    return bool(common) and common <= attribution(a) & attribution(b)


def speakers_phrase(phrase: str, a: str, b: str) -> bool:
    """Whether a phrase two quoting sentences share is in the attribution of each ("the harbour master"): the
    speaker's, not a wording of a claim in common."""
    words = stems(phrase)
    return bool(words) and words <= speakers_words(a, b)
