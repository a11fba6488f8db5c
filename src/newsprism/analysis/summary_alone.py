"""A sentence leaning on the one before it in its article, made to stand alone in a summary where that is
safe: a word joining it to the sentence before that adds or concedes ("And", "But", "Plus", "However")
is dropped, the claim after it being the sentence's own ("But the scientists say the disease is
entering new regions"; never "Otherwise", whose claim holds only on a condition, nor "So", as in "So
far"); and a "he" or "she" subject is replaced by the person the sentence before is about ("He said
that on the trial date ..." reads as "Vasiliades said that on the trial date ..."; "“I need to talk to
you,” he said" as "“I need to talk to you,” Mr. Smith said"), only where that person is sure.

A pronoun subject continues the subject of the sentence before it (news writing's usual thread; the
centering rule of pronoun resolution). The replacement is made only when that sentence's subject is a
person it names (spaCy's PERSON), it names no other person, and it holds no pronoun of the other sex (a
"he" after a sentence on a woman and her son points at the son); otherwise the sentence waits for the
one before it, as any sentence pointing back does. A quotation keeps its true speaker: the pronoun
replaced is the speaker the sentence itself gives it. The name is written as the sentence before writes
it, with a form of address before it ("Mr. Smith"); the summary gives a surname alone its full name.
"""

from __future__ import annotations

import re

from ..records import Article
from .doc_cache import entity_docs, parsed, shared
from .summary_fit import PRONOUN_SPEAKER, points_back
from .summary_names import ADDRESS
from .summary_order import dependent
from .support import supports

PRONOUNS = {"he": frozenset(("he", "him", "his", "himself")), "she": frozenset(("she", "her", "hers", "herself"))}
SUBJECTS = frozenset(("nsubj", "nsubjpass"))
SPEECH_VERBS = frozenset(("say", "tell", "add", "note", "write", "explain", "recall", "ask", "argue", "insist"))
# A sentence going on with a speaker's words: "He said that ...", "She added ...".
SPEAKS = re.compile(r"^(?:He|She)\s+(?:also\s+)?(?:said|says|told|tells|added|adds|noted|notes|wrote|writes)\b")
# A pronoun opening the sentence as the subject of its verb ("He said that ...", "She was charged ...").
OPENING_PRONOUN = re.compile(r"^(?P<pronoun>He|She)\s+(?=[a-z])")
# A quotation opening the sentence and credited to a pronoun ("“I need to talk to you,” he said").
OPENING_QUOTE = re.compile(r"^\s*[\"“]")
# Words joining a sentence to the one before that add to it or concede something against it: the claim
# after them stands on its own. "Yet another" and "Still photos" are no joins.
JOIN = re.compile(
    r"^(?:And yet|But also|And|But|Plus|Also|However|Still|Yet|Nonetheless|Nevertheless)\b"
    r"(?!\s+(?:another|more|photos?)\b),?\s+(?=\w)"
)


def alone(
    sentence: str, cited: tuple[str, ...], before: str | None, articles: dict[str, Article]
) -> tuple[str, tuple[str, ...]]:
    """A sentence leaning on the sentence ``before`` it, rewritten to stand alone where that is safe (its
    joining word dropped, its "he" or "she" subject named), citing those of ``cited`` that show the name;
    else as told."""
    if not dependent(sentence) or not (rewritten := standing_alone(sentence, before)) or dependent(rewritten):
        return sentence, cited
    naming = tuple(a for a in cited if supports(articles[a], rewritten))
    return (rewritten, naming) if naming else (sentence, cited)


def standing_alone(sentence: str, before: str | None) -> str | None:
    """``sentence`` rewritten to stand without the sentence ``before`` it in its article, when it leans on
    it only by a joining word or a "he" or "she" subject the sentence before names; None otherwise.

    >>> standing_alone("But the scientists say the disease is entering new regions.", None)
    'The scientists say the disease is entering new regions.'
    >>> standing_alone("And he was the CTO of Jetsetter.", "Jack Smith founded Vine in 2012.")
    'Jack Smith was the CTO of Jetsetter.'
    >>> [standing_alone(s, None) for s in ("Yet another storm hit.", "Otherwise, the plan fails.", "And it fell.")]
    [None, None, None]
    """
    if join := JOIN.match(sentence):
        rest = sentence[join.end() :]
        sentence = rest[0].upper() + rest[1:]
        if not points_back(sentence):
            return sentence
    return with_its_subject(sentence, before)


def named_subject(sentence: str, speaking: bool = False) -> str | None:
    """The person a sentence is about, as it names them: the subject of its main verb, a PERSON the
    sentence names, the only person it names; None when it is not so plain. A sentence that reports
    what someone said ("He's made no secret of his desire, notes Andy Kroll") is about its speaker only
    for a sentence that goes on with the speaker's words (``speaking``: "He added that ..."); for any
    other, "he" may be the one it reports on.

    >>> named_subject("Around 3:30 a.m., Mr. Smith approached two officers responding to a call.")
    'Mr. Smith'
    >>> named_subject("Then everybody's done.") is None, named_subject("Smith told Jones to leave.") is None
    (True, True)
    >>> named_subject("He's made no secret of his desire to run, notes Andy Kroll at Mother Jones.") is None
    True
    """
    if shared() is None or points_back(sentence):  # its own subject may stand for someone before it
        return None
    people = {ent.text for ent in entity_docs([sentence])[0].ents if ent.label_ == "PERSON"}
    if len({name.split()[-1] for name in people}) != 1:
        return None
    doc = parsed([sentence])[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or (root.lemma_ in SPEECH_VERBS and not speaking):
        return None
    for subject in (c for c in root.children if c.dep_ in SUBJECTS):
        # the subject itself, or a name in apposition to it ("The lawyer, John Miller, met ...")
        heads = {subject.text} | {c.text for c in subject.children if c.dep_ == "appos"}
        for name in people:
            if set(name.split()) & heads and set(name.split()) <= {t.text for t in subject.subtree}:
                start = sentence.find(name)
                before = sentence[:start].split()
                address = before[-1] if before and before[-1].lower().strip(".") in ADDRESS else None
                return f"{address} {name}" if address else name
    return None


def with_its_subject(sentence: str, before: str | None) -> str | None:
    """``sentence`` with its "he" or "she" subject replaced by the person the sentence ``before`` it (in its
    article) is about, when that person is sure; None otherwise.

    >>> with_its_subject("He said the couple should wait outside.", "The lawyer, John Miller, met him in May.")
    'John Miller said the couple should wait outside.'
    >>> with_its_subject("“I need to talk to you,” he said.", "Around 3:30 a.m., Mr. Smith approached two officers.")
    '“I need to talk to you,” Mr. Smith said.'
    >>> with_its_subject("He said the couple should wait.", "Ann Lee and her son met the husband in May.") is None
    True
    """
    if not before:
        return None
    opening = OPENING_PRONOUN.match(sentence)
    credited = PRONOUN_SPEAKER.search(sentence) if OPENING_QUOTE.match(sentence) else None
    if opening:
        pronoun, start, end = opening["pronoun"].lower(), opening.start("pronoun"), opening.end("pronoun")
    elif credited:
        found = re.search(r"\b(?:he|she)\b", credited.group(0))
        if not found:
            return None
        pronoun = found.group(0)
        start, end = credited.start() + found.start(), credited.start() + found.end()
    else:
        return None
    other = PRONOUNS["she" if pronoun == "he" else "he"]
    if other & {w.lower() for w in re.findall(r"\w+", before)}:
        return None
    name = named_subject(before, bool(credited) or bool(SPEAKS.match(sentence)))
    if not name or name in sentence:
        return None
    return sentence[:start] + name + sentence[end:]
