"""People named in a summary by surname alone: the first time the summary names someone, it names them in
full, as the coverage introduced them ("Sanders echoed Raj Shah's sentiment", not "Shah's sentiment"
with Shah never introduced)."""

from __future__ import annotations

import re

from ..records import Article, Story, SummarySentence
from ..text.tokens import WORD, fold
from .doc_cache import entity_docs, shared
from .entities import common_words
from .name_forms import TITLES
from .summary_fit import QUOTATION

# A word that opens a name or stands before one as part of it: "President Trump" is named already.
CAPITALISED = re.compile(r"[A-Z][\w.’'-]*$")
# Forms of address, written before a surname alone ("Mr. Kushner"), not before a full name.
ADDRESS = frozenset(("mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"))


def full_names(articles: dict[str, Article]) -> dict[str, str | None]:
    """Each surname of the people the story's articles name in full (spaCy's PERSON of two words or more),
    with that full name; None where two people share the surname ("Donald Trump", "Ivanka Trump"). A name
    whose first word the story also writes in lower case is a misread ("Will McRib fans")."""
    names: dict[str, set[str]] = {}
    common = common_words(Story("", tuple(articles.values())))
    texts = [s for a in articles.values() for s in a.sentences]
    for doc in entity_docs(texts):
        for ent in doc.ents:
            parts = WORD.findall(ent.text)
            if ent.label_ != "PERSON" or len(parts) < 2:  # a name of one word, or of none ("—")
                continue
            if all(p[0].isupper() for p in parts) and parts[0].lower() not in common:
                names.setdefault(parts[-1], set()).add(" ".join(parts))
    return {surname: next(iter(full)) if len(full) == 1 else None for surname, full in names.items()}


def introduced(sentences: tuple[SummarySentence, ...], articles: dict[str, Article]) -> tuple[SummarySentence, ...]:
    """The summary with the first mention of each person named by surname alone, outside quotation marks,
    given the full name the coverage uses, where every cited article writes that full name (so the
    citations still hold it) and no earlier summary sentence names them in full."""
    if shared() is None or not sentences:
        return sentences
    known = full_names(articles)
    named: set[str] = set()  # surnames already given in full
    out = []
    for sentence in sentences:
        text = sentence.text
        quoted = [range(m.start(), m.end()) for m in QUOTATION.finditer(text)]
        first: dict[str, tuple[int, str]] = {}  # each surname's first bare mention, with its full name
        for match in WORD.finditer(text):
            surname = match.group(0).removesuffix("’s").removesuffix("'s")
            full = known.get(surname)
            if not full or surname in named or surname in first or any(match.start() in q for q in quoted):
                continue
            # a capitalised word before or after: another name ("Martin Luther King"), or a title, which keeps
            # its place before the full name ("President Vladimir Putin"), but for a form of address ("Mr.")
            before, after = text[: match.start()].split(), text[match.end() :].split()
            role = before and fold(before[-1]).strip(".") in TITLES - ADDRESS
            titled = (before and CAPITALISED.match(before[-1]) and not role) or (after and after[0][0].isupper())
            if not titled and full not in text and all(full in articles[a].text for a in sentence.sources):
                first[surname] = (match.start(), full)
        for surname, (start, full) in sorted(first.items(), key=lambda item: -item[1][0]):
            text = text[:start] + full + text[start + len(surname) :]
        named |= {s for s, full in known.items() if full and full in text}
        out.append(SummarySentence(text, sentence.sources))
    return tuple(out)
