"""Announcements a summary must not tell as ahead: an event the story's latest coverage has passed the
day of ("will travel on Tuesday", read on Wednesday), or one another sentence of the coverage tells as
done or under way ("Putin has arrived", "Accompanying Putin are ...")."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from ..embed import EmbeddedSentences
from ..records import Article
from ..text.dates import published_date
from ..text.tokens import STOPWORDS, WORD
from .doc_cache import parsed, shared
from .parse import main_verbs
from .summary_fit import earliest_date
from .timeline import FUTURE
from .timeline import overtaken as told_as_ahead

if TYPE_CHECKING:
    from spacy.tokens import Token

# A verb told as done: in the past tense or a past participle ("arrived", "has arrived"), in spaCy's tags.
PAST_TAGS = frozenset(("VBD", "VBN"))
# A present participle tells an event under way as its clause's subject ("Accompanying Putin are ...") or
# after a form of "be" ("Putin is arriving"), not as any gerund ("looking forward to meeting Putin").
UNDER_WAY_DEPS = frozenset(("csubj", "csubjpass"))
# Who does or undergoes it: "Putin has arrived", "Accompanying Putin are ...".
PARTIES = frozenset(("nsubj", "nsubjpass", "dobj"))
WILL = frozenset(("will", "shall", "’ll", "'ll"))


def latest_date(articles: dict[str, Article]) -> date | None:
    """The day of the story's latest dated article."""
    return max((d for a in articles.values() if (d := published_date(a.published))), default=None)


def overtaken(sentence: str, cited: tuple[str, ...], articles: dict[str, Article], newest: date | None) -> bool:
    """Whether the story's latest coverage (``newest``) has passed the day a sentence tells as ahead, read
    from the earliest article citing it."""
    return told_as_ahead(sentence, earliest_date(cited, articles), newest)


def reported_done(sentence: str, embedded: EmbeddedSentences) -> bool:
    """Whether a sentence telling an event as ahead ("Putin is expected to arrive in Pyongyang on Tuesday",
    "Ushakov outlined the upcoming trip, stating that Putin will be accompanied by Lavrov") is overtaken by
    a sentence of the coverage telling it as done or under way ("Putin has arrived in North Korea",
    "Accompanying Putin are Lavrov and ..."): close in meaning (the embedder's fact similarity), holding
    an announced verb out of the future, done to or by someone the announcement names. Undated articles
    cannot be ordered by their dates; an event told as done was reported after it was announced,
    whichever article came first."""
    if shared() is None or not FUTURE.search(sentence):
        return False
    verbs = _announced(sentence)
    names = _names(sentence)
    if not verbs or not names:
        return False
    closeness = embedded.vectors @ embedded.vectors_of([sentence])[0]
    for row in np.flatnonzero(closeness >= embedded.embedder.fact_similarity):
        text = embedded.sentences[row].text
        if text == sentence or FUTURE.search(text) or not names & _names(text):
            continue
        for verb in parsed([text])[0]:
            if verb.lemma_.lower() in verbs and (verb.tag_ in PAST_TAGS or _under_way(verb)):
                # by or to the one announced: the verb's subject or object names someone the announcement names
                party = {w.text for c in verb.children if c.dep_ in PARTIES for w in c.subtree}
                if party & names:
                    return True
    return False


def _under_way(verb: Token) -> bool:
    """Whether a present participle tells its event as under way (see ``UNDER_WAY_DEPS``)."""
    be = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    return verb.tag_ == "VBG" and (verb.dep_ in UNDER_WAY_DEPS or be)


def _announced(sentence: str) -> set[str]:
    """The verbs a sentence tells as ahead: in their plain form as its claim ("will travel", "is expected
    to arrive"; not "said it arrived"), or under "will" or "shall" anywhere in it ("stating that Putin will
    be accompanied by ...")."""
    verbs = {lemma for lemma, form in main_verbs(sentence) if form == lemma}
    return verbs | {
        w.lemma_.lower()
        for w in parsed([sentence])[0]
        if w.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in WILL for c in w.children)
    }


def _names(sentence: str) -> set[str]:
    """The capitalised words of a sentence, its first included ("Putin has arrived")."""
    return {w for w in WORD.findall(sentence) if w[0].isupper() and w.lower() not in STOPWORDS}
