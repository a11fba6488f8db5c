"""Story analysis, part of entities: one name written in two scripts (Путин and Putin, 김정은 and Kim Jong Un).

The recognisers read English: a name in Cyrillic or Hangul is found as an entity of its own, or not at
all. Two kinds of evidence join it to the Latin-script entity it names, and both must hold:

- the sentences: a sentence that mentions the entity and a sentence of an article in another language
  that the embedder places in one space with it (``embed.embedder_languages``: USE-m, not MiniLM) are
  each other's nearest at :data:`ALIGN_FLOOR` or more, so they say the same thing;
- the sound: a run of one to three non-Latin words of that sentence, transliterated to ASCII by
  ``anyascii`` and spelt by :func:`sound_key`, matches the entity's name, or for a person of several
  words the surname, at :data:`MATCH_RATIO` or more (a case ending or particle of up to
  :data:`SUFFIX_CHARS` letters may follow: Путина, 김정은은). A run that is the best match of two
  entities of the sentence names neither.

The form found joins the entity's aliases, its article its sources and its sentence its mentions; an
entity of the story written in that script whose form is the one found (or holds it) is merged into it.
Latin-script names in other languages (Poutine) are left to the English rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import combinations

from ..embed import EmbeddedSentences
from ..records import Entity, Evidence, Story
from .name_forms import translit_key
from .translation import across_languages

VERSION = "1"
# A transliterated run matches a name at this SequenceMatcher ratio of their sound keys or more.
# Measured on hand-written pairs only (tests/test_scripts.py): Лавров/Lavrov, 김정은/Kim Jong Un and
# 블라디미르/Vladimir meet at 1.0, Путина/Putin at 1.0 once its ending is cut; Ким Чен Ын/Kim Jong Un
# (Russian spells Korean names its own way) reaches 0.71 only, and is missed.
MATCH_RATIO = 0.8
# Two sentences of articles in two languages, each the other's nearest, say the same thing at this cosine
# or more. Lower than USE-m's fact cosine (0.63, set on English pairs): across languages cosines run
# lower, most of all between scripts. On the hand-written test (tests/test_scripts.py) Korean
# translations of English sentences meet them at 0.60 to 0.69 and Russian ones at 0.70 or more, while
# the nearest other sentence stays at 0.48 or less; the sound of a name must match too.
ALIGN_FLOOR = 0.5
# A case ending or a particle: Лаврова, 김정은은 ("eun" keyed "un").
SUFFIX_CHARS = 3
# A key shorter than this ("Un", "Kim") names too many things to be matched by sound.
MIN_KEY = 4
# A name in another script runs over at most this many words (Ким Чен Ын).
MAX_RUN = 3
# Spelling differences between romanisations of one sound, applied in order to both sides: Korean
# writes a loanword's lone consonant with the vowel ㅡ ("eu": 라브로프 La-beu-ro-peu for Lavrov) and has
# one letter for r and l, none for v or f; its vowels eo and ae are o and e elsewhere; Cyrillic and
# Korean voiced and voiceless stops (Gim, Kim) and affricates (Chen, Jong) swap between systems.
SOUNDS = (
    ("eo", "o"),
    ("eu", ""),
    ("ae", "e"),
    ("ph", "f"),
    ("zh", "j"),
    ("ch", "j"),
    ("dj", "j"),
    ("f", "p"),
    ("w", "v"),
    ("v", "b"),
    ("b", "p"),
    ("g", "k"),
    ("c", "k"),
    ("d", "t"),
    ("r", "l"),
)
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
RUN_WORD = re.compile(r"[^\W\d_]+")


def sound_key(text: str) -> str:
    """An ASCII key two romanisations of one name share.

    >>> sound_key("Лавров") == sound_key("Lavrov") == sound_key("라브로프")
    True
    >>> sound_key("김정은"), sound_key("Kim Jong Un")  # close enough (MATCH_RATIO), not the same
    ('kimjonkn', 'kimjonkun')
    """
    from anyascii import anyascii

    key = translit_key(anyascii(text)).replace(" ", "")
    key = re.sub(r"[^a-z]", "", key)
    for written, said in SOUNDS:
        key = key.replace(written, said)
    return re.sub(r"(.)\1+", r"\1", key)


def join_across_scripts(entities: list[Entity], story: Story, embedded: EmbeddedSentences) -> list[Entity]:
    """``entities`` with the forms other scripts give them (see the module's docstring)."""
    pairs = aligned_sentences(story, embedded)
    if not pairs:
        return entities
    latin = [i for i, e in enumerate(entities) if _is_latin(e.name)]
    found: dict[int, list[Evidence]] = defaultdict(list)  # entity row -> the other-script forms and sentences
    forms: dict[int, set[str]] = defaultdict(set)
    for (one, mine), (other, theirs) in pairs:
        for article, sentence, text in ((one, mine, theirs), (other, theirs, mine)):
            named = [i for i in latin if Evidence(article, sentence) in entities[i].mentions]
            target = other if article == one else one
            for index, form in _matches([entities[i] for i in named], text):
                found[named[index]].append(Evidence(target, text))
                forms[named[index]].add(form)
    if not found:
        return entities
    absorbed: dict[int, int] = {}
    for j, entity in enumerate(entities):
        if _is_latin(entity.name):
            continue
        owners = {row for row, written in forms.items() if any(_holds(entity, w) for w in written)}
        if len(owners) == 1:
            absorbed[j] = owners.pop()
    joined = []
    for i, entity in enumerate(entities):
        if i in absorbed:
            continue
        if i in found:
            merged = [entities[j] for j, row in absorbed.items() if row == i]
            entity = _merge(entity, forms[i], found[i], merged)
        joined.append(entity)
    return joined


def aligned_sentences(story: Story, embedded: EmbeddedSentences) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of sentences ((article, sentence), (article, sentence)) of articles in two languages the
    embedder compares, each the other's nearest, at ALIGN_FLOOR or more."""
    pairs = []
    for a, b in combinations(story.articles, 2):
        rows_a, rows_b = embedded.rows(a.id), embedded.rows(b.id)
        if not rows_a or not rows_b or not across_languages(a, b, embedded):
            continue
        sims = embedded.similarity(rows_a, rows_b)
        best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
        for i, j in enumerate(best_b):
            if best_a[j] == i and sims[i, j] >= ALIGN_FLOOR:
                first, second = embedded.sentences[rows_a[i]], embedded.sentences[rows_b[int(j)]]
                pairs.append(((a.id, first.text), (b.id, second.text)))
    return pairs


def _matches(entities: list[Entity], sentence: str) -> list[tuple[int, str]]:
    """(index into ``entities``, the run as written) for each entity a run of the sentence's non-Latin
    words names at MATCH_RATIO or more, its best run; a run that is the best of two entities names neither."""
    words = [m for m in RUN_WORD.finditer(sentence) if not LATIN.search(m.group())]
    runs = [
        sentence[words[k].start() : words[k + n - 1].end()]
        for k in range(len(words))
        for n in range(1, MAX_RUN + 1)
        if k + n <= len(words) and not RUN_WORD.search(_between(sentence, words, k, n))
    ]
    keys = {run: sound_key(run) for run in runs}
    best: dict[int, str] = {}
    for index, entity in enumerate(entities):
        targets = [t for t in {sound_key(form) for form in _forms(entity)} if len(t) >= MIN_KEY]
        scored = max(((_ratio(keys[run], t), -len(run), run) for run in runs for t in targets), default=None)
        if scored is not None and scored[0] >= MATCH_RATIO:
            best[index] = scored[2]
    claimed = Counter(best.values())
    return [(index, run) for index, run in best.items() if claimed[run] == 1]


def _between(sentence: str, words: list[re.Match[str]], first: int, count: int) -> str:
    """What separates the words of a run, that must be no word (Latin or other)."""
    return "".join(sentence[words[k].end() : words[k + 1].start()] for k in range(first, first + count - 1))


def _forms(entity: Entity) -> set[str]:
    """The Latin forms of an entity a run may match: each name, and a person's surname."""
    forms = {f for f in (entity.name, *entity.aliases) if _is_latin(f)}
    if entity.type == "PERSON":
        forms |= {f.split()[-1] for f in list(forms) if len(f.split()) > 1}
    return forms


def _ratio(run: str, target: str) -> float:
    """How alike a run's key and a name's are, the run's last SUFFIX_CHARS letters cut if that helps."""
    cuts = range(0, min(SUFFIX_CHARS, max(len(run) - MIN_KEY, 0)) + 1)
    return max(SequenceMatcher(None, run[: len(run) - cut], target).ratio() for cut in cuts)


def _holds(entity: Entity, written: str) -> bool:
    """Whether an other-script entity is named by the form ``written`` (or one of its forms holds it)."""
    return any(written in form or form in written for form in (entity.name, *entity.aliases))


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(LATIN.match(ch) for ch in letters)


def _merge(entity: Entity, forms: set[str], evidence: list[Evidence], merged: list[Entity]) -> Entity:
    """``entity`` with the other-script ``forms`` found, the sentences they were found in and the
    other-script entities ``merged`` into it."""
    aliases = {*entity.aliases, *forms, *(f for e in merged for f in (e.name, *e.aliases))} - {entity.name}
    sources = dict.fromkeys([*entity.sources, *(e.article for e in evidence), *(s for e in merged for s in e.sources)])
    mentions = dict.fromkeys([*entity.mentions, *evidence, *(m for e in merged for m in e.mentions)])
    return replace(entity, aliases=tuple(sorted(aliases)), sources=tuple(sources), mentions=tuple(mentions))
