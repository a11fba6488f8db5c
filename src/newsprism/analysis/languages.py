"""What newsprism analysed in each language of a report, said in the report (``pipeline.languages``).

Most analyses read English: spaCy's English model finds entities, English lexicons read units, dates, speech
verbs and loaded words. Articles in other languages still go through every stage, but only some stages
mean something there; this note says which, per language, so that a reader knows what an empty entity
list or a missing conflict in a Russian article does and does not tell. Whether the embedder places the
language in one space with the others (``embed.embedder_languages``) decides the cross-language analyses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..embed import Embedder, embedder_languages
from ..records import Article

ENGLISH = "en"
# Stages that read any language: characters, word shingles and word counts.
ANY_LANGUAGE = (
    "extraction and cleaning",
    "sentences (split at . ! ? and paragraph breaks)",
    "duplicates and syndicated copies of articles in the same language",
    "clustering by words shared with other articles",
)
# Stages that compare sentences across languages through the embedder's vectors.
ACROSS_LANGUAGES = (
    "clustering with articles in other languages (sentence vectors)",
    "translations of and into other languages (provenance, kind translation)",
    "numbers changed in a translation (conflicts)",
    "facts matched to other articles' sentences by vectors (when they share a figure or a name as written)",
    "names in another script joined to the story's entities (transliteration and aligned sentences)",
)
# Stages whose rules or model read English only: they run on every article, but find little in other
# languages, and what they find may be wrong (a German noun taken for a person's name).
ENGLISH_RULES = (
    "entities (spaCy's English model)",
    "values, dates and names read from words (conflicts, timeline)",
    "quotes and their speakers",
    "framing (English lexicons of loaded words and tone)",
)


def language_notes(articles: Iterable[Article], embedder: Embedder) -> dict[str, dict]:
    """Per language code (``"unknown"`` when none was found): how many articles, which analyses ran on
    them and which did not.

    >>> from newsprism.embed import HashingEmbedder
    >>> notes = language_notes([Article(id="a", text="x", language="sw")], HashingEmbedder())
    >>> notes["sw"]["articles"], notes["sw"]["not analysed"][0]
    (1, 'clustering with articles in other languages (sentence vectors)')
    """
    counts = Counter(article.language or "unknown" for article in articles)
    covered = embedder_languages(embedder)
    notes = {}
    for language, count in sorted(counts.items()):
        if language == ENGLISH:
            notes[language] = {"articles": count, "analysed": ["all analyses"]}
            continue
        across = language in covered
        notes[language] = {
            "articles": count,
            "analysed": [*ANY_LANGUAGE, *(ACROSS_LANGUAGES if across else ())],
            "not analysed": [] if across else list(ACROSS_LANGUAGES),
            # these run on every sentence, but their rules read the text as English: what they find here
            # (or do not) tells little
            "read with English rules only": list(ENGLISH_RULES),
            "note": (
                f"{embedder.name} compares this language with the others"
                if across
                else f"{embedder.name} does not cover this language: its articles are compared only with "
                "articles in the same language, by words"
            ),
        }
    return notes
