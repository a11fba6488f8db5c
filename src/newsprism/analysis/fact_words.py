"""The words two sentences share of their claim, read for :mod:`.facts`: a sentence that leans on its context
for its claim, and two sentences that share few words of it, are linked by their wording only with more of the
link score than two reports stating one claim need."""

from __future__ import annotations

from .summary_fit import asks_or_leads_on, in_own_voice

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
FEW_WORDS = 3
FEW_WORDS_MARGIN = 0.15


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
