"""Sentences told in someone else's words without saying whose, which read in a summary as the outlet's own
claim: the middle of a quotation opened in an earlier sentence, and a speaker's words an article embedded
bare that another article quotes (:mod:`.summary`)."""

from __future__ import annotations

from ..articles.sentences import quoted_shares
from ..records import Article
from ..text.tokens import WORD
from .summary_fit import ATTRIBUTION, OPENING_QUOTE, QUOTATION, SPEECH

# A sentence with this share of its letters inside quotation marks is the speaker's, not the writer's.
QUOTED_SHARE = 0.5
# A sentence opening with this many words of a quotation of the story opens as that quotation does.
QUOTED_OPENING = 6


def quoted_shares_of(articles: dict[str, Article]) -> dict[str, float]:
    """Each sentence's share of letters inside quotation marks, in the article that tells it."""
    return {
        sentence: share
        for article in articles.values()
        for sentence, share in zip(article.sentences, quoted_shares(list(article.sentences)), strict=True)
    }


def someone_elses_words(sentence: str, quoted: dict[str, float]) -> bool:
    """Whether a sentence is the middle of a quotation that opened in an earlier sentence, and does not
    say who speaks: cut from its speaker, it reads as the outlet's own claim ("They really embodied the
    American concept of freedom...")."""
    opens = OPENING_QUOTE.search(sentence)
    return quoted.get(sentence, 0.0) >= QUOTED_SHARE and not opens and not SPEECH.search(sentence)


def quoted_openings(articles: dict[str, Article]) -> frozenset[str]:
    """The opening words of every quotation in the story's articles, lower-cased."""
    return frozenset(
        " ".join(opening)
        for article in articles.values()
        for quote in QUOTATION.finditer(article.text)
        if len(opening := [w.lower() for w in WORD.findall(quote.group(0))[:QUOTED_OPENING]]) == QUOTED_OPENING
    )


def quoted_elsewhere(sentence: str, openings: frozenset[str]) -> bool:
    """Whether a sentence that no quotation marks or speech tag give to anyone opens as a quotation of the
    story does: a speaker's words an article embedded bare ("Business is looking better than ever with
    business enthusiasm at record levels.", a tweet another outlet quotes as Trump's), which read in the
    summary as the outlet's own claim.

    >>> openings = quoted_openings({"a": Article("a", "“Business is looking better than ever,” Trump wrote.")})
    >>> quoted_elsewhere("Business is looking better than ever with enthusiasm at record levels.", openings)
    True
    >>> quoted_elsewhere("Business is looking better than ever, Trump wrote.", openings)
    False
    """
    if " ".join(w.lower() for w in WORD.findall(sentence)[:QUOTED_OPENING]) not in openings:
        return False  # most sentences: their speech tags are not looked for
    return not (OPENING_QUOTE.match(sentence.lstrip()) or ATTRIBUTION.search(sentence))
