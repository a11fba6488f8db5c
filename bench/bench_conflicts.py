"""Conflict benchmark: one planted factual change between an article and a second outlet's version of it.

For each Multi-News story (``../shared/bench/multinews-dev.jsonl``) one real document (the longest of
at most 6,000 characters) is the original, published 2024-06-18. A second "outlet" (2024-06-19) runs
the same report with a new headline and a generic lede of its own, about 15% of its paragraphs cut
and some neighbouring paragraphs swapped. No rewording model is available offline, so the copy's
sentences are the original's, word for word, except one. Each two-article story then holds either
nothing else (the unmodified pair: any conflict there is false), or one change to one sentence:

- planted changes that cannot both be true: a count (``12 people`` → ``18 people``, at least +50%
  or -35%, beyond any rounding), an amount (``$12 million``, ``45 percent``), a duration
  (``24 years`` → ``15 years``, also months, weeks, days, hours), a bare year (``in 2010`` →
  ``in 2014``), a full date or a day and month (``June 12`` → ``June 19``), a person's full name or a
  place swapped for another of the same kind (spaCy PERSON / GPE) found in another story;
- harmless variants that must never be reported: a count rounded and hedged (``1,020`` →
  ``about 1,000``), years as hedged decades (``19 years`` → ``nearly two decades``), a number as
  words instead of digits or the reverse, other words of a value-bearing sentence swapped for
  synonyms, and an extra detail clause (which names a count of something else).

Candidates are found by this script's own patterns, not newsprism's, so values newsprism does not
read (names, places, bare years, months) count against its recall instead of being left out.
Precision: a conflict reported on a planted pair is right when one side's value holds the original
value and another side's the changed one. The "read" column says how often newsprism's reader
(``read_mentions``) finds the changed value at all (names are not read as values but compared
between sentences that are copies but for them, so it stays 0 for people and places), "grouped" how
often the changed sentence lands in one fact with its original. Fact grouping on the unmodified
pairs: the share of copied sentences in one fact with their original, and the share of two-source
facts that join sentences not copied from each other. Many false conflicts come with the story, not
the variant (the unmodified pair has them too, so every variant of that story repeats them): "P new"
and "with new" count only conflicts not already reported on the story's unmodified pair. Embeddings
are cached per story (every variant shares most sentences).

    python3 bench/bench_conflicts.py [--stories 250] [--seed 7] [--show]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.analysis.doc_cache import entity_docs
from newsprism.analysis.runner import analyse_story
from newsprism.analysis.values import read_mentions
from newsprism.articles.pipeline import Pipeline
from newsprism.articles.sentences import split_sentences
from newsprism.config import Settings
from newsprism.embed import Embedder, load_embedder
from newsprism.errors import InputError
from newsprism.records import Article, Conflict, RawDocument, Story, StoryAnalysis
from newsprism.text.tokens import STOPWORDS

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
CHANGES = ("count", "amount", "duration", "year", "full date", "day-month", "person", "place")
HARMLESS = ("unmodified", "rounded", "decades", "words/digits", "reworded", "extra detail")
MAX_CHARS = 6000

NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
WORD_OF = {n: w for w, n in NUMBER_WORDS.items()}
TIME_UNITS = r"years?|months?|weeks?|days?|hours?|decades?"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
# "June 12, 2014", "12 June 2014", "June 12"
DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)\b"
)
YEAR = re.compile(r"(?<![\w$.,/-])(?:19|20)\d\d(?![\w%/-]|,\d)")
DURATION = re.compile(
    rf"(?<![\w$.,/-])(?P<num>\d+|{'|'.join(NUMBER_WORDS)})\s+(?P<unit>{TIME_UNITS})\b(?![-\s]old)", re.I
)
COUNT = re.compile(rf"(?<![\w$.,/:#-])(?P<num>{DIGITS})(?![\w.,%/:-]|\.\d)\s+(?P<unit>[a-z][a-z-]{{2,}})\b")
AMOUNT = re.compile(
    r"(?:\$\s?(?P<money>\d[\d,]*(?:\.\d+)?)(?![\d%])"
    r"|(?<![\w$.,/-])(?P<pct>\d[\d,]*(?:\.\d+)?)(?:\s?%|\s+percent\b))"
)
NOT_COUNT_UNITS = {
    *re.findall(r"\w+", "year years month months week weeks day days hour hours decade decades"),
    "percent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "a.m",
    "p.m",
}
HEDGED = re.compile(
    r"(?:about|around|nearly|almost|some|roughly|approximately|over|more than|less than|under|"
    r"at least|up to)\s*$",
    re.I,
)
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "announced": "declared",
    "began": "started",
    "started": "began",
    "big": "large",
    "large": "big",
    "quickly": "rapidly",
    "later": "afterwards",
    "also": "additionally",
    "because": "as",
    "many": "numerous",
    "showed": "demonstrated",
    "shows": "demonstrates",
    "found": "discovered",
    "called": "described",
    "wanted": "wished",
    "believe": "think",
    "important": "significant",
    "recent": "latest",
    "got": "received",
    "went": "headed",
    "asked": "questioned",
    "help": "assist",
    "helped": "assisted",
    "before": "prior to",
    "after": "following",
    "made": "produced",
    "major": "key",
    "during": "throughout",
    "often": "frequently",
    "new": "fresh",
    "decided": "chose",
    "killed": "slain",
}
DETAIL_NOUNS = ("volunteers", "firefighters", "journalists", "teenagers", "nurses", "pilots", "tourists", "farmers")
LEDES = (
    "Here is what we know so far.",
    "Our correspondent has the latest on this developing story.",
    "The following report draws on several sources.",
    "This is a developing story and will be updated.",
    "What happened, and why it matters, in brief.",
)


@dataclass
class Variant:
    kind: str  # a change type or a harmless variant
    sentence: str  # the original's sentence that changes ("" for the unmodified pair)
    changed: str  # the copy's version of it
    old: str = ""  # the value as the original gives it
    new: str = ""  # and as the copy does


@dataclass
class Tally:
    pairs: int = 0
    read: int = 0
    grouped: int = 0
    found: int = 0
    conflicts: int = 0
    correct: int = 0
    with_conflict: int = 0
    new: int = 0  # wrong conflicts not already reported on the story's unmodified pair
    with_new: int = 0
    examples: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    read_as: Counter = field(default_factory=Counter)


class CachedEmbedder:
    """The same embedder, remembering vectors by text: a story's variants share most sentences."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.align_similarity = inner.align_similarity
        self.fact_similarity = inner.fact_similarity
        self.story_similarity = inner.story_similarity
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.inner.embed(missing), strict=True))
        if not texts:
            return self.inner.embed([])
        return np.stack([self.cache[t] for t in texts])


def load_documents(limit: int) -> list[str]:
    chosen = []
    with (BENCH / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            docs = [d for d in json.loads(line)["documents"] if len(d.strip()) >= 400]
            fitting = [d for d in docs if len(d) <= MAX_CHARS]
            if docs:
                chosen.append(max(fitting, key=len) if fitting else min(docs, key=len))
    return chosen[:limit]


def number(text: str) -> float:
    text = text.lower().replace(",", "")
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else float(text)


def spell(value: float, like: str) -> str:
    """``value`` written as ``like`` is: words, thousands separators, decimals."""
    if like.lower() in NUMBER_WORDS and value in WORD_OF:
        word = WORD_OF[int(value)]
        return word.capitalize() if like[0].isupper() else word
    decimals = len(like.split(".")[1]) if "." in like else 0
    if decimals:
        return f"{value:.{decimals}f}"
    return f"{round(value):,}" if "," in like else str(round(value))


def shifted(value: float, rng: random.Random, words_only: bool = False) -> float:
    """A value that no rounding or hedge can reconcile with ``value``: +50% or more, or -35% or more."""
    if words_only:
        return value + 4 if value <= 12 else value - 6
    if value >= 8 and rng.random() < 0.5:
        return value - max(3, math.ceil(value * 0.35))
    return value + max(3, math.ceil(value * 0.5))


def replace_span(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def dates_in(text: str) -> list[re.Match[str]]:
    return list(DATE.finditer(text))


def inside_date(text: str, start: int) -> bool:
    return any(m.start() <= start < m.end() for m in dates_in(text))


def counts_in(text: str) -> list[re.Match[str]]:
    found = []
    for m in COUNT.finditer(text):
        value, unit = number(m.group("num")), m.group("unit")
        year_like = len(m.group("num")) == 4 and 1900 <= value <= 2099
        if value < 2 or year_like or unit in NOT_COUNT_UNITS or unit in STOPWORDS or inside_date(text, m.start()):
            continue
        found.append(m)
    return found


def plant_change(
    kind: str, sentence: str, rng: random.Random, names: dict[str, list[str]], ents: dict[str, list[tuple[str, str]]]
) -> Variant | None:
    """One factual change of ``kind`` in ``sentence``, or None when it has no value of that kind."""
    if kind in ("person", "place"):
        label = "PERSON" if kind == "person" else "GPE"
        found = [text for text, lab in ents.get(sentence, []) if lab == label]
        found = [t for t in found if len(t.split()) > 1] if kind == "person" else found
        if not found:
            return None
        old = rng.choice(found)
        pool = [n for n in names[label] if n not in sentence and n.split()[-1] not in old and old.split()[-1] not in n]
        new = rng.choice(pool)
        return Variant(kind, sentence, sentence.replace(old, new), old, new)
    options: list[tuple[int, int, str, str]] = []  # (start, end, old, new) of the replaced text
    if kind == "count":
        for m in counts_in(sentence):
            new = spell(shifted(number(m.group("num")), rng), m.group("num"))
            options.append((m.start("num"), m.end("num"), m.group("num"), new))
    elif kind == "amount":
        for m in AMOUNT.finditer(sentence):
            group = "money" if m.group("money") else "pct"
            old = m.group(group)
            if number(old) > 0:
                options.append((m.start(group), m.end(group), old, spell(number(old) * 1.6, old)))
    elif kind == "duration":
        for m in DURATION.finditer(sentence):
            old = m.group("num")
            is_word = old.lower() in NUMBER_WORDS
            if number(old) < 1 or (is_word and number(old) < 2):
                continue
            options.append((m.start("num"), m.end("num"), old, spell(shifted(number(old), rng, is_word), old)))
    elif kind == "year":
        for m in YEAR.finditer(sentence):
            if not inside_date(sentence, m.start()):
                new = str(int(m.group(0)) + rng.choice((-6, -4, -3, 3, 4, 5)))
                options.append((m.start(), m.end(), m.group(0), new))
    elif kind in ("full date", "day-month"):
        for m in dates_in(sentence):
            has_year = bool(m.group("y1") or m.group("y2"))
            if has_year != (kind == "full date"):
                continue
            day = "d1" if m.group("d1") else "d2"
            value = int(m.group(day))
            if not 1 <= value <= 31:
                continue
            new_day = value + rng.randint(3, 9) if value <= 19 else value - rng.randint(3, 9)
            new_text = replace_span(m.group(0), m.start(day) - m.start(), m.end(day) - m.start(), str(new_day))
            options.append((m.start(), m.end(), m.group(0), new_text))
    if not options:
        return None
    start, end, old, new = rng.choice(options)
    return Variant(kind, sentence, replace_span(sentence, start, end, new), old, new)


def plant_harmless(kind: str, sentence: str, rng: random.Random, document: str) -> Variant | None:
    """A change of ``sentence`` that keeps every fact it states, or None when it does not apply."""
    options: list[str] = []
    if kind == "rounded":
        for m in counts_in(sentence):
            value = number(m.group("num"))
            if value < 20 or HEDGED.search(sentence[: m.start()]):
                continue
            for figures in (1, 2):
                scale = 10 ** (len(str(int(value))) - figures)
                rounded = round(value / scale) * scale
                if rounded != value and abs(rounded - value) <= 0.1 * value:
                    new = spell(rounded, m.group("num") if value < 1000 else "1,000")
                    options.append(replace_span(sentence, m.start("num"), m.end("num"), f"about {new}"))
                    break
    elif kind == "decades":
        for m in DURATION.finditer(sentence):
            if m.group("unit").lower() not in ("years", "year") or not m.group("num").isdigit():
                continue
            years = int(m.group("num"))
            if years < 10 or HEDGED.search(sentence[: m.start()]):
                continue
            if years % 10 >= 7:
                phrase = f"nearly {WORD_OF[math.ceil(years / 10)]} decades"
            else:
                tens = years // 10
                phrase = "more than a decade" if tens == 1 else f"more than {WORD_OF[tens]} decades"
            if years % 10 == 0:
                phrase = f"{WORD_OF[tens]} decades" if tens > 1 else "a decade"
            options.append(replace_span(sentence, m.start(), m.end(), phrase))
    elif kind == "words/digits":
        for m in [*counts_in(sentence), *DURATION.finditer(sentence)]:
            old = m.group("num")
            value = number(old)
            if old.lower() in NUMBER_WORDS and value >= 2:
                options.append(replace_span(sentence, m.start("num"), m.end("num"), str(int(value))))
            elif old.isdigit() and 2 <= value <= 20:
                options.append(replace_span(sentence, m.start("num"), m.end("num"), WORD_OF[int(value)]))
    elif kind in ("reworded", "extra detail"):
        if not (counts_in(sentence) or DURATION.search(sentence) or dates_in(sentence) or YEAR.search(sentence)):
            return None
        if kind == "reworded":
            swapped = re.sub(r"\b[a-z]+\b", lambda w: SYNONYMS.get(w.group(0), w.group(0)), sentence)
            if swapped != sentence:
                options.append(swapped)
        else:
            nouns = [n for n in DETAIL_NOUNS if n not in document.lower()]
            end = re.search(r"[.!?][\"”’')]*$", sentence)
            if nouns and end and not sentence[end.start() - 1].isdigit():
                clause = rng.choice(
                    (
                        f", according to a statement that also named three {rng.choice(nouns)}",
                        ", officials said in a statement released later that day",
                    )
                )
                options.append(sentence[: end.start()] + clause + sentence[end.start() :])
    if not options:
        return None
    return Variant(kind, sentence, rng.choice(options))


def make_copy(original: Article, variant: Variant, kept: list[str], lede: str) -> str:
    body = [p.replace(variant.sentence, variant.changed, 1) if variant.sentence else p for p in kept]
    return "\n".join([lede, *body])


def copy_plan(original: Article, rng: random.Random) -> tuple[list[str], set[str]]:
    """The copy's paragraphs (some cut, some neighbours swapped) and the sentences a change may touch:
    ones in a kept paragraph that occur once in the original."""
    paragraphs = original.text.splitlines()
    kept = [p for i, p in enumerate(paragraphs) if i == 0 or rng.random() >= 0.15]
    for i in range(1, len(kept) - 1, 2):
        if rng.random() < 0.5:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    occurrences = Counter(s for p in paragraphs for s in split_sentences(p))
    candidates = {s for p in kept for s in split_sentences(p) if occurrences[s] == 1 and s in original.sentences}
    return kept, candidates


def value_in(token: str, value: str) -> bool:
    def norm(text: str) -> str:
        # spaCy's entity text may keep a possessive ("Richard III's"): the name is the same without it
        return " ".join(re.sub(r"['’]s\b", "", text.lower()).replace(",", "").split())

    token, value = norm(token), norm(value)
    # a short scale may follow the figure ("$28.0bn" holds 28.0)
    after = r"(?!(?!(?:bn|tn|m|k)\b)\w|\.\d)"
    return bool(re.search(rf"(?<![\w.]){re.escape(token)}{after}", value)) or (len(value) > 4 and value in token)


def matches(conflict: Conflict, variant: Variant) -> bool:
    """The conflict opposes the planted change: one side holds the original value, another the new one."""
    sides = [s.value for s in conflict.sides]
    return any(value_in(variant.old, a) and value_in(variant.new, b) for a in sides for b in sides if a is not b)


def signature(conflict: Conflict) -> tuple:
    return conflict.about, frozenset(s.value for s in conflict.sides)


def reads(variant: Variant) -> bool:
    return any(value_in(variant.new, m.surface) for m in read_mentions(0, variant.changed, 2024))


def grouped_together(analysis: StoryAnalysis, first: tuple[str, str], second: tuple[str, str]) -> bool:
    return any({first, second} <= {(e.article, e.sentence) for e in fact.evidence} for fact in analysis.facts)


def build_names(documents: list[str], pipeline: Pipeline) -> tuple[list[Article], dict, list[dict]]:
    """Articles, the corpus's full person names and places by label, and each article's entities by sentence."""
    articles = []
    for n, doc in enumerate(documents):
        try:
            articles.append(pipeline.run(RawDocument(f"s{n}-a", "record", doc, id=f"s{n}-a", published="2024-06-18")))
        except InputError:
            continue
    names: dict[str, Counter] = {"PERSON": Counter(), "GPE": Counter()}
    entities = []
    for article in articles:
        by_sentence: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for sentence, doc in zip(article.sentences, entity_docs(article.sentences), strict=True):
            for ent in doc.ents:
                text = ent.text.strip(".,’'\"")
                if ent.label_ in names and text[:1].isupper() and "\n" not in text:
                    by_sentence[sentence].append((text, ent.label_))
                    if ent.label_ == "GPE" or len(text.split()) > 1:
                        names[ent.label_][text] += 1
        entities.append(by_sentence)
    pools = {label: sorted(counts) for label, counts in names.items()}
    return articles, pools, entities


def evaluate(documents: list[str], seed: int, show: bool) -> None:
    pipeline = Pipeline()
    start = time.perf_counter()
    articles, names, entities = build_names(documents, pipeline)
    embedder = CachedEmbedder(load_embedder("minilm")[0])
    settings = Settings()
    tallies: dict[str, Tally] = {kind: Tally() for kind in (*CHANGES, *HARMLESS)}
    copied = copied_grouped = two_source = mixed = skipped = 0
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    for n, (original, ents) in enumerate(zip(articles, entities, strict=True)):
        rng = random.Random(seed * 100_003 + n)
        kept, candidates = copy_plan(original, rng)
        lede = rng.choice(LEDES)
        title = f"{original.title or 'Report'}: what we know"
        ordered = [s for s in original.sentences if s in candidates]
        variants = [Variant("unmodified", "", "")]
        for kind in (*CHANGES, *HARMLESS[1:]):
            for sentence in rng.sample(ordered, len(ordered)):
                variant = (
                    plant_change(kind, sentence, rng, names, ents)
                    if kind in CHANGES
                    else plant_harmless(kind, sentence, rng, original.text)
                )
                if variant:
                    variants.append(variant)
                    break
        embedder.cache.clear()
        baseline: set[tuple] = set()
        for variant in variants:
            copy_id = f"{original.id}-{variant.kind}"
            try:
                copy = pipeline.run(
                    RawDocument(
                        copy_id,
                        "record",
                        make_copy(original, variant, kept, lede),
                        id=copy_id,
                        title=title,
                        published="2024-06-19",
                    )
                )
            except InputError:
                skipped += 1
                continue
            if variant.sentence and variant.changed not in copy.sentences:
                skipped += 1
                continue
            analysis = analyse_story(Story(f"s{n}", (original, copy)), embedder, settings)
            tally = tallies[variant.kind]
            tally.pairs += 1
            tally.conflicts += len(analysis.conflicts)
            tally.with_conflict += bool(analysis.conflicts)
            if variant.sentence:
                tally.grouped += grouped_together(analysis, (original.id, variant.sentence), (copy.id, variant.changed))
            if variant.kind in CHANGES:
                tally.read += reads(variant)
                right = sum(matches(c, variant) for c in analysis.conflicts)
                tally.correct += right
                tally.found += right > 0
                if not right:
                    tally.missed.append(f"{original.id} [{variant.old} -> {variant.new}]: {variant.changed}")
                tally.read_as.update(c.about.split(" (")[0] for c in analysis.conflicts if matches(c, variant))
            wrong = [c for c in analysis.conflicts if variant.kind not in CHANGES or not matches(c, variant)]
            if variant.kind == "unmodified":
                baseline = {signature(c) for c in analysis.conflicts}
            new = [c for c in wrong if signature(c) not in baseline]
            tally.new += len(new)
            tally.with_new += bool(new)
            tally.examples += [
                f"{original.id} {variant.kind} [{variant.old} -> {variant.new}]: {c.about}: "
                + " | ".join(s.value for s in c.sides)
                for c in wrong
            ]
            if variant.kind == "unmodified":
                in_original = set(original.sentences)
                for sentence in copy.sentences:
                    if sentence in in_original:
                        copied += 1
                        copied_grouped += grouped_together(analysis, (original.id, sentence), (copy.id, sentence))
                for fact in analysis.facts:
                    by_article = defaultdict(set)
                    for e in fact.evidence:
                        by_article[e.article].add(e.sentence)
                    if len(by_article) == 2:
                        two_source += 1
                        mixed += not by_article[original.id] & by_article[copy.id]
    seconds = time.perf_counter() - start
    report(tallies, len(articles), skipped, prepared, seconds)
    print(f"\nfact grouping on {tallies['unmodified'].pairs} unmodified pairs:")
    print(
        f"{'copied sentences':<18} {'with original':>13} {'share':>6}   {'2-source facts':>14} {'mixed':>6} "
        f"{'share':>6}"
    )
    print(
        f"{copied:<18} {copied_grouped:>13} {copied_grouped / max(copied, 1):>6.3f}   {two_source:>14} "
        f"{mixed:>6} {mixed / max(two_source, 1):>6.3f}"
    )
    if show:
        print("\nwhat the right conflicts were about:")
        for kind in CHANGES:
            print(f"  {kind}: {dict(tallies[kind].read_as.most_common(8))}")
        print("\nplanted changes not found:")
        for kind in CHANGES:
            for line in tallies[kind].missed:
                print(f"  {kind}: {line}")
        print("\nconflicts that are not the planted change:")
        for kind, tally in tallies.items():
            for line in tally.examples:
                print(f"  {kind}: {line}")


def report(tallies: dict[str, Tally], stories: int, skipped: int, prepared: float, seconds: float) -> None:
    pairs = sum(t.pairs for t in tallies.values())
    print(
        f"{stories} stories, {pairs} article pairs ({skipped} variants skipped: the change did not survive "
        f"cleaning), {prepared:.0f} s to prepare, {seconds:.0f} s to analyse ({seconds / max(pairs, 1):.2f} s/pair)"
    )
    print("\nplanted changes (P over conflicts reported on these pairs, R over planted changes):")
    print(
        f"{'change':<12} {'planted':>7} {'read':>6} {'grouped':>7} {'found':>5} {'R':>6} {'conflicts':>9} "
        f"{'right':>5} {'P':>6} {'P new':>6}"
    )
    total = Tally()
    ratio: Callable[[int, int], str] = lambda a, b: f"{a / b:.3f}" if b else "-"  # noqa: E731
    for kind in CHANGES:
        t = tallies[kind]
        for name in ("pairs", "read", "grouped", "found", "conflicts", "correct", "new"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
    for kind, t in [*((k, tallies[k]) for k in CHANGES), ("all", total)]:
        print(
            f"{kind:<12} {t.pairs:>7} {ratio(t.read, t.pairs):>6} {ratio(t.grouped, t.pairs):>7} {t.found:>5} "
            f"{ratio(t.found, t.pairs):>6} {t.conflicts:>9} {t.correct:>5} {ratio(t.correct, t.conflicts):>6} "
            f"{ratio(t.correct, t.correct + t.new):>6}"
        )
    print("\nharmless variants (every conflict is false):")
    print(
        f"{'variant':<14} {'pairs':>6} {'grouped':>7} {'with conflict':>13} {'rate':>6} {'conflicts':>9} "
        f"{'with new':>8} {'rate':>6}"
    )
    for kind in HARMLESS:
        t = tallies[kind]
        grouped = ratio(t.grouped, t.pairs) if kind != "unmodified" else "-"
        with_new = f"{t.with_new:>8} {ratio(t.with_new, t.pairs):>6}" if kind != "unmodified" else f"{'-':>8} {'-':>6}"
        print(
            f"{kind:<14} {t.pairs:>6} {grouped:>7} {t.with_conflict:>13} {ratio(t.with_conflict, t.pairs):>6} "
            f"{t.conflicts:>9} {with_new}"
        )
    false_elsewhere = sum(tallies[k].conflicts for k in HARMLESS)
    everything = total.conflicts + false_elsewhere
    print(
        f"\nprecision over every conflict reported (planted, harmless and unmodified pairs): "
        f"{ratio(total.correct, everything)} ({total.correct}/{everything}); targets P >= 0.9, R >= 0.8, "
        f"harmless never reported"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--show", action="store_true", help="list every planted change missed and every conflict that is not one"
    )
    args = parser.parse_args()
    evaluate(load_documents(args.stories), args.seed, args.show)


if __name__ == "__main__":
    main()
