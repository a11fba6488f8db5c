"""Story analysis: the quotations an article carries, and who is quoted.

A quotation is a span in double quotation marks of at least ``MIN_WORDS`` words (framing's
``quote_words`` setting; shorter ones are scare quotes or names: a “friendly state visit”). Its
speaker comes from the attribution next to it, in the forms news writing uses: “…,” Ushakov said /
“…,” said Ushakov / Ushakov said: “…” / according to Ushakov / Ushakov, an aide, said that … “…”. A
pronoun (“…,” he said) takes the article's previous named speaker, and an unattributed quotation
opening a sentence the speaker of the quotation before it in the same paragraph.
"""

from __future__ import annotations

import re

from ..records import Quote

# Shorter spans in quotation marks are scare quotes, titles or names ("a “friendly state visit”"), not
# someone's words.
MIN_WORDS = 6
SPEECH = (
    r"(?:said|says|told|added|wrote|stated|noted|declared|warned|insisted|explained|stressed|claimed|announced"
    r"|reported|railed|lamented|indicated|confirmed|argued|asserted|acknowledged|urged|vowed|replied|tweeted"
    r"|clarified|suggested)"
)
NAME = r"(?:[A-Z][\w.’'-]*(?:\s+(?:of\s+the\s+|of\s+|al-|bin\s+|de\s+)?[A-Z][\w.’'-]*){0,4})"
# a name, perhaps with a plain noun after it ("North Korean state media"), a described source
# ("one source", "a spokesman"), or a pronoun
SPEAKER = rf"(?P<who>(?:the\s+)?{NAME}(?:\s+[a-z]+){{0,2}}?|(?:one|a|an|the)\s+[a-z]+(?:\s+[a-z]+)?|he|she|they)"
QUOTED = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"")
AFTER = [
    # “…,” Ushakov said / “…,” one source, identified as a “senior official,” said
    re.compile(rf"^\s*,?\s*{SPEAKER}(?:,[^,]{{1,80}},”?)?\s+{SPEECH}\b"),
    re.compile(rf"^\s*,?\s*{SPEECH}\s+{SPEAKER}\b"),  # “…,” said Ushakov
]
BEFORE = [
    re.compile(rf"{SPEAKER}\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]?\s*$"),  # Ushakov said: “…” / Ushakov told reporters “…”
    re.compile(rf"according\s+to\s+{SPEAKER}\s*,?\s*$", re.IGNORECASE),
    # the sentence's subject said so earlier on: Ushakov, Putin's aide, indicated that they would discuss “…”
    re.compile(rf"(?:^|[.!?][”\"’]?\s+){SPEAKER}(?:,[^,“”\"]{{1,80}},)?\s+{SPEECH}\b[^.!?“”\"]*$"),
]
PRONOUNS = {"he", "she", "they"}
# Leading words of a speaker phrase that are not the speaker's name.
ROLE_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)*(?:President|Minister|Secretary|Spokesman|Spokeswoman|"
                         r"Aide|Leader|Chairman|Ambassador|Mayor|Governor|Senator)\s+)+(?=[A-Z])")


def find_quotes(text: str, min_words: int = MIN_WORDS) -> tuple[Quote, ...]:
    """Quotations of at least ``min_words`` words in an article's text, in order, each with its speaker
    when the text names one.

    >>> [(q.speaker, q.text[:20]) for q in find_quotes('“We will win this war together,” Ushakov said.')]
    [('Ushakov', 'We will win this war')]
    >>> find_quotes('Moscow called it a “friendly state visit”.')
    ()
    """
    quotes = []
    previous: str | None = None
    for paragraph in text.split("\n"):
        in_paragraph: str | None = None
        for match in QUOTED.finditer(paragraph):
            said = (match.group("a") or match.group("b")).strip()
            if len(said.split()) < min_words:
                continue
            # a quotation closed by a full stop ended its sentence: what follows does not attribute it
            after = "" if said.endswith(".") else paragraph[match.end() :]
            speaker = _speaker(paragraph[: match.start()], after)
            if speaker and speaker.lower() in PRONOUNS:
                speaker = previous
            elif speaker:
                previous = speaker
            elif re.search(r"[.!?]\s*$", paragraph[: match.start()]):
                # a quotation opening a new sentence, unattributed, goes on with the paragraph's speaker
                speaker = in_paragraph
            in_paragraph = speaker
            quotes.append(Quote(said.rstrip(",").strip(), speaker))
    return tuple(quotes)


def _speaker(before: str, after: str) -> str | None:
    for pattern in AFTER:
        found = pattern.match(after)
        if found:
            return _name(found.group("who"))
    tail = before[-160:]
    for pattern in BEFORE:
        found = pattern.search(tail)
        if found:
            return _name(found.group("who"))
    return None


def _name(phrase: str) -> str:
    """ "President Vladimir Putin" → "Vladimir Putin"; "the Kremlin" stays "the Kremlin"."""
    phrase = " ".join(phrase.split())
    stripped = ROLE_PREFIX.sub("", phrase)
    return stripped or phrase
