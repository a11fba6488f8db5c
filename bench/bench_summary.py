"""Summary benchmark: ROUGE of newsprism's story summary against lead, LexRank and TextRank on Multi-News.

Each Multi-News story (``../shared/bench/multinews-dev.jsonl``, 250 stories) holds the raw scraped
articles of several outlets on one event and an editor's reference summary. Every system gets the
story's documents and writes a summary; every output is cut to its first 250 words (the budget) and
scored against the reference with ``rouge-score`` (ROUGE-1/2/L F1, Porter stemming on), mean over
stories. Systems:

- ``lead``: the first sentence of each article in turn, then the second sentences, … until the budget
  (sentences of the raw text, split paragraph by paragraph with newsprism's splitter);
- ``lead-clean``: the same on the articles newsprism's pipeline extracted (boilerplate removed), to
  tell how much of a gap is cleaning and how much is sentence choice;
- ``lexrank``, ``textrank``: sumy's summarizers on the raw documents, with a tokenizer that needs no
  NLTK data (newsprism's sentence splitter, a regex for words), sumy's English stop words and its
  Snowball stemmer (shipped in nltk, no data); sentences are taken best first until the budget is
  reached, then put back in document order, as sumy does;
- ``newsprism-<embedder>``: each document through ``Pipeline().run`` (documents that raise
  InputError are skipped, and so are pages that are not articles, which ``newsprism analyze`` keeps
  out of stories unless asked: a web archive's notice, a video page), the articles as one ``Story``,
  ``analyse_story`` with a 250-word ``SummaryConfig``; the summary sentences joined as produced,
  conflicts stated included (the most widely reported side's sentence with the other values beside its
  own).

Seconds per story cover everything a system does from raw documents to its summary: for newsprism the
pipeline and the whole story analysis (``analyse_story`` runs every analyser, not only the summary);
embedder loading is left out. Published on the full Multi-News test set (for scale only; other
preprocessing): LexRank R1/R2 38.27/12.70, TextRank 38.44/13.10. The project target is newsprism's R2
at least 1.15 times LexRank's.

    pip install -e ".[bench]"
    python3 bench/bench_summary.py [--stories 250] [--systems lead,lexrank,newsprism-minilm] [--show 3]
        [--dump out.json]

(default systems: all six; ``--show N`` prints the first N stories' summaries next to the reference; ``--dump``
writes every story's summaries and scores to a JSON file, to read where one system loses to another.)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsprism.analysis.runner import analyse_story
from newsprism.articles.pipeline import Pipeline
from newsprism.articles.sentences import split_sentences
from newsprism.config import Settings, SummaryConfig
from newsprism.embed import load_embedder
from newsprism.errors import InputError
from newsprism.records import Article, RawDocument, Story

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
WORDS = 250
SYSTEMS = "lead,lead-clean,lexrank,textrank,newsprism-minilm,newsprism-minilm+static,newsprism-hashing"
WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class Row:
    """One system's summaries, ROUGE scores and timings, story by story."""

    name: str
    summaries: list[str] = field(default_factory=list)
    scores: list[tuple[float, float, float]] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def mean(self, column: int) -> float:
        return statistics.fmean(s[column] for s in self.scores)


class Tokenizer:
    """A sumy tokenizer that needs no NLTK data: newsprism's sentence splitter and a regex for words."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return WORD.findall(sentence)


def load_stories(limit: int) -> list[dict]:
    with (BENCH / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines][:limit]


def cut(text: str, words: int = WORDS) -> str:
    return " ".join(text.split()[:words])


def round_robin(articles: list[list[str]], words: int = WORDS) -> str:
    """First sentences of every article in turn, then second sentences, … until ``words``."""
    chosen: list[str] = []
    used = 0
    for depth in range(max((len(a) for a in articles), default=0)):
        for sentences in articles:
            if depth < len(sentences) and used < words:
                chosen.append(sentences[depth])
                used += len(sentences[depth].split())
    return " ".join(chosen)


def raw_sentences(document: str) -> list[str]:
    return [s for line in document.split("\n") if line.strip() for s in split_sentences(line.strip())]


def until_budget(infos: list) -> list:
    """A sumy ``sentences_count``: sentences best first until they hold the word budget."""
    taken, used = [], 0
    for info in infos:
        if used >= WORDS:
            break
        taken.append(info)
        used += len(str(info.sentence).split())
    return taken


def sumy_system(summarizer_class: type) -> Callable[[list[str]], str]:
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer()

    def summarize(documents: list[str]) -> str:
        parser = PlaintextParser.from_string("\n\n".join(documents), tokenizer)
        return " ".join(str(s) for s in summarizer(parser.document, until_budget))

    return summarize


def build_articles(story_id: str, documents: list[str], pipeline: Pipeline) -> list[Article]:
    """The documents' articles, as ``newsprism analyze`` puts them in a story: without the scraped pages
    that hold no article, and without the pages of another kind (``Article.kind``) that it sets aside."""
    articles = []
    for n, text in enumerate(documents):
        doc_id = f"{story_id}-d{n}"
        try:
            article = pipeline.run(RawDocument(doc_id, "text", text, id=doc_id))
        except InputError:  # a scraped page with no article on it
            continue
        if article.kind is None or pipeline.pages.keep:
            articles.append(article)
    return articles


def ratio_interval(ours: list[float], theirs: list[float], rounds: int = 2000) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of mean(ours) / mean(theirs) over stories drawn with replacement:
    how much the ratio owes to which stories happen to be in the set."""
    draw = random.Random(0)
    ratios = []
    for _ in range(rounds):
        picks = draw.choices(range(len(ours)), k=len(ours))
        ratios.append(sum(ours[i] for i in picks) / max(sum(theirs[i] for i in picks), 1e-9))
    ratios.sort()
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=250)
    parser.add_argument("--systems", default=SYSTEMS, help=f"comma-separated, from {SYSTEMS}")
    parser.add_argument("--show", type=int, default=0, help="print the first N stories' summaries and references")
    parser.add_argument("--dump", type=Path, help="write every story's summaries and ROUGE scores to this JSON file")
    args = parser.parse_args()
    systems = args.systems.split(",")
    unknown = set(systems) - set(SYSTEMS.split(","))
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    stories = load_stories(args.stories)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows: dict[str, Row] = {}

    def record(name: str, summary: str, reference: str, seconds: float) -> None:
        row = rows.setdefault(name, Row(name))
        summary = cut(summary)
        score = scorer.score(reference, summary)
        row.summaries.append(summary)
        row.scores.append((score["rouge1"].fmeasure, score["rouge2"].fmeasure, score["rougeL"].fmeasure))
        row.words.append(len(summary.split()))
        row.seconds.append(seconds)

    simple: dict[str, Callable[[list[str]], str]] = {
        "lead": lambda documents: round_robin([raw_sentences(d) for d in documents]),
        "lexrank": sumy_system(LexRankSummarizer),
        "textrank": sumy_system(TextRankSummarizer),
    }
    embedders = {
        name: load_embedder(name.removeprefix("newsprism-"))[0] for name in systems if name.startswith("newsprism-")
    }
    settings = Settings(summary=SummaryConfig(words=WORDS))
    pipeline = Pipeline()
    skipped = 0
    for story in stories:
        documents, reference = story["documents"], story["summary"]
        for name in systems:
            if name in simple:
                start = time.perf_counter()
                summary = simple[name](documents)
                record(name, summary, reference, time.perf_counter() - start)
        if not embedders and "lead-clean" not in systems:
            continue
        start = time.perf_counter()
        articles = build_articles(story["story"], documents, pipeline)
        built = time.perf_counter() - start
        skipped += len(documents) - len(articles)
        if "lead-clean" in systems:
            record("lead-clean", round_robin([list(a.sentences) for a in articles]), reference, built)
        for name, embedder in embedders.items():
            start = time.perf_counter()
            analysis = analyse_story(Story(story["story"], tuple(articles)), embedder, settings) if articles else None
            seconds = built + time.perf_counter() - start
            sentences = [s.text for s in analysis.summary] if analysis else []
            record(name, " ".join(sentences), reference, seconds)

    documents = sum(len(s["documents"]) for s in stories)
    print(
        f"{len(stories)} stories, {documents} documents ({skipped} skipped: no article, or not an article), "
        f"budget {WORDS} words, reference {statistics.fmean(len(s['summary'].split()) for s in stories):.0f} "
        "words on average"
    )
    print(f"{'system':<30} {'R1':>6} {'R2':>6} {'RL':>6} {'words':>6} {'s/story':>8}")
    for row in rows.values():
        print(
            f"{row.name:<30} {100 * row.mean(0):>6.2f} {100 * row.mean(1):>6.2f} {100 * row.mean(2):>6.2f} "
            f"{statistics.fmean(row.words):>6.1f} {statistics.fmean(row.seconds):>8.3f}"
        )
    if "lexrank" in rows:
        lexrank = rows["lexrank"].mean(1)
        for name in rows:
            if name.startswith("newsprism-"):
                ours, theirs = [x[1] for x in rows[name].scores], [x[1] for x in rows["lexrank"].scores]
                low, high = ratio_interval(ours, theirs)
                half = len(ours) // 2
                print(
                    f"R2 {name} / lexrank: {rows[name].mean(1) / lexrank:.3f} (target >= 1.15); "
                    f"95% bootstrap interval {low:.3f} to {high:.3f}; halves "
                    f"{statistics.fmean(ours[:half]) / statistics.fmean(theirs[:half]):.3f} and "
                    f"{statistics.fmean(ours[half:]) / statistics.fmean(theirs[half:]):.3f}"
                )
    if args.dump:
        args.dump.write_text(
            json.dumps(
                [
                    {
                        "story": s["story"],
                        "reference": s["summary"],
                        **{name: {"summary": row.summaries[n], "rouge": row.scores[n]} for name, row in rows.items()},
                    }
                    for n, s in enumerate(stories)
                ],
                indent=1,
            )
        )
    for n in range(min(args.show, len(stories))):
        print(f"\n=== {stories[n]['story']} reference:\n{stories[n]['summary']}")
        for row in rows.values():
            print(f"--- {row.name} (R2 {100 * row.scores[n][1]:.1f}):\n{row.summaries[n]}")


if __name__ == "__main__":
    main()
