"""People named in a summary by surname alone: the first time the summary names someone, it names them in
full, as the coverage introduced them ("Sanders echoed Raj Shah's sentiment", not "Shah's sentiment"
with Shah never introduced).

A rewrite must never make a sentence say what no source says, so a word is expanded only where it
surely names that person: the recogniser reads it alone as a person's name somewhere in the story and
never only as a thing's ("Gallup", the polling firm, beside its founder George Gallup; "Remix", ending
"Aesthetic Remix", beside a "Wonderboy Remix" read as a person); a word inside parentheses or quotation
marks, or beside another capitalised word (a title's), is left as written. The small model often calls
a bare surname an organisation ("Trump" as often as not), so one reading as a person is enough."""

from __future__ import annotations

import re

from ..records import Article, Story, SummarySentence
from ..text.tokens import WORD, fold, without_possessive
from .doc_cache import entity_docs, shared
from .entities import common_words
from .name_forms import TITLES
from .summary_fit import QUOTATION

# A word that opens a name or stands before one as part of it: "President Trump" is named already;
# "(Aesthetic" too: punctuation before the capital does not make it a common word.
CAPITALISED = re.compile(r"^\W*[A-Z][\w.’'-]*$")
# A word after the surname that goes on the name: capitalised, whatever punctuation opens or ends it.
CAPITAL_START = re.compile(r"\W*[A-Z]")
# Text inside parentheses: a title, a remix's or a product's name, an aside; left as written.
PARENTHESES = re.compile(r"\([^()]*\)")
# Forms of address, written before a surname alone ("Mr. Kushner"), not before a full name.
ADDRESS = frozenset(("mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"))


def full_names(articles: dict[str, Article]) -> dict[str, str | None]:
    """Each surname of the people the story's articles name in full (spaCy's PERSON of two words or more),
    with that full name; None where two people share the surname ("Donald Trump", "Ivanka Trump") or the
    story reads the word alone as no one's name while it names a thing by it (an organisation, a place or
    a work that is the word or ends in it: "Gallup" the firm, "Aesthetic Remix"). A name whose first word
    the story also writes in lower case is a misread ("Will McRib fans")."""
    names: dict[str, set[str]] = {}
    things: set[str] = set()  # last words of the story's names of things other than people
    alone: set[str] = set()  # words the story reads alone as a person's name
    common = common_words(Story("", tuple(articles.values())))
    texts = [s for a in articles.values() for s in a.sentences]
    for doc in entity_docs(texts):
        for ent in doc.ents:
            parts = WORD.findall(ent.text)
            last = without_possessive(parts[-1]) if parts else ""
            if ent.label_ == "PERSON" and len(parts) == 1:
                alone.add(last)
            elif ent.label_ != "PERSON" and last:
                things.add(last)
            if ent.label_ != "PERSON" or len(parts) < 2:  # a name of one word, or of none ("—")
                continue
            if all(p[0].isupper() for p in parts) and parts[0].lower() not in common:
                names.setdefault(parts[-1], set()).add(" ".join(parts))
    return {
        surname: next(iter(full)) if len(full) == 1 and (surname in alone or surname not in things) else None
        for surname, full in names.items()
    }


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
        quoted = [range(m.start(), m.end()) for m in (*QUOTATION.finditer(text), *PARENTHESES.finditer(text))]
        first: dict[str, tuple[int, str]] = {}  # each surname's first bare mention, with its full name
        for match in WORD.finditer(text):
            surname = without_possessive(match.group(0))
            full = known.get(surname)
            if not full or surname in named or surname in first or any(match.start() in q for q in quoted):
                continue
            # a capitalised word before or after: another name ("Martin Luther King"), or a title, which keeps
            # its place before the full name ("President Vladimir Putin"), but for a form of address ("Mr.")
            before, after = text[: match.start()].split(), text[match.end() :].split()
            role = before and fold(before[-1]).strip(".") in TITLES - ADDRESS
            named_before = before and CAPITALISED.match(before[-1]) and not role
            titled = named_before or (after and CAPITAL_START.match(after[0]))
            if not titled and full not in text and all(full in articles[a].text for a in sentence.sources):
                first[surname] = (match.start(), full)
        for surname, (start, full) in sorted(first.items(), key=lambda item: -item[1][0]):
            text = text[:start] + full + text[start + len(surname) :]
        named |= {s for s, full in known.items() if full and full in text}
        out.append(SummarySentence(text, sentence.sources))
    return tuple(out)
