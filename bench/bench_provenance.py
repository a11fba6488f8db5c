"""Provenance benchmark: planted copies among real reports of the same story.

For each Multi-News story (``../shared/bench/multinews-dev.jsonl``, documents of at least 200
characters) the real documents are different outlets' reports of one event: no pair of them is a
copy, so every link reported between two of them is a false positive (the figure "same-story
non-copies reported" must stay 0). Into each story go, for one real document (the original, dated a
day earlier):

- an exact copy;
- a syndicated copy: a new headline and a reprint line, a newsletter prompt appended, a sentence cut;
- a truncated copy: the first 40-90% of its words;
- a rewrite, from MRPC (``../shared/bench/mrpc-dev.jsonl``): eight paraphrase pairs, one side as an
  article and the other, reworded by a different writer, as its rewrite (no news rewriter model is
  available offline, and MRPC's pairs are real rewordings of news sentences).

Recall: a planted pair counts as found when ``find_copies`` links it in the right direction, and
its kind is checked too (exact → duplicate, syndicated/truncated → syndicated, rewrite → rewrite).
Precision: a link reported for a planted article is right when both belong to one copy family (the
planted copies of one original are also copies of each other). Multi-News itself holds real copies
(the same wire story on two sites, rewrites of one press release): links between two real
documents are counted apart, by kind, and ``--show`` lists them for inspection. Runs every embedder
side by side.

    python3 bench/bench_provenance.py [--stories 250] [--embedders minilm,hashing]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

from newsprism.analysis.provenance import find_copies
from newsprism.articles.pipeline import Pipeline
from newsprism.config import ProvenanceConfig
from newsprism.dedup import find_near_duplicates
from newsprism.embed import EmbeddedSentences, load_embedder, sentence_embedder
from newsprism.errors import InputError
from newsprism.records import Article, CopyLink, RawDocument, Story

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
EXPECTED_KIND = {"exact": "duplicate", "syndicated": "syndicated", "truncated": "syndicated", "rewrite": "rewrite"}


def load_stories(limit: int) -> list[list[str]]:
    stories = []
    with (BENCH / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            docs = [d for d in json.loads(line)["documents"] if len(d.strip()) >= 200]
            if docs:
                stories.append(docs)
    return stories[:limit]


def load_paraphrases() -> list[tuple[str, str]]:
    with (BENCH / "mrpc-dev.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [(r["a"], r["b"]) for r in rows if r["paraphrase"]]


def make_article(pipeline: Pipeline, doc_id: str, text: str, published: str) -> Article:
    return pipeline.run(RawDocument(doc_id, "record", text, id=doc_id, published=published))


def plant(story_no: int, docs: list[str], paraphrases: list[tuple[str, str]], rng: random.Random):
    """The story's documents plus planted copies; returns (texts by id, planted {(original, copy): kind})."""
    texts = {f"s{story_no}-d{i}": doc for i, doc in enumerate(docs)}
    original_id = f"s{story_no}-d0"
    paragraphs = [p.strip() for p in docs[0].split("\n") if p.strip()]
    texts[f"{original_id}-exact"] = docs[0]
    kept = [p for i, p in enumerate(paragraphs) if i != len(paragraphs) // 2 or len(paragraphs) < 4]
    texts[f"{original_id}-syndicated"] = "\n".join(
        ["Wire report", "(Reprinted with permission.)", *kept, "Sign up for our newsletter to get the news first."]
    )
    words = docs[0].split()
    texts[f"{original_id}-truncated"] = " ".join(words[: round(len(words) * rng.uniform(0.4, 0.9))])
    pairs = rng.sample(paraphrases, 8)
    texts[f"s{story_no}-mrpc"] = "\n".join(a for a, _ in pairs)
    texts[f"s{story_no}-mrpc-rewrite"] = "\n".join(b for _, b in pairs)
    planted = {(original_id, f"{original_id}-{kind}"): kind for kind in ("exact", "syndicated", "truncated")}
    planted[(f"s{story_no}-mrpc", f"s{story_no}-mrpc-rewrite")] = "rewrite"
    return texts, planted


def build(stories: list[list[str]], seed: int = 13) -> list[tuple[Story, dict]]:
    rng = random.Random(seed)
    paraphrases = load_paraphrases()
    pipeline = Pipeline()
    built = []
    for no, docs in enumerate(stories):
        texts, planted = plant(no, docs, paraphrases, rng)
        originals = {original for original, _ in planted}
        articles = []
        for doc_id, text in texts.items():
            published = "2024-06-18" if doc_id in originals else "2024-06-19"
            try:
                articles.append(make_article(pipeline, doc_id, text, published))
            except InputError:  # a scraped page with no article on it (only sign-up prompts, say)
                planted = {pair: kind for pair, kind in planted.items() if doc_id not in pair}
        built.append((Story(f"s{no}", tuple(articles)), planted))
    return built


def family(article_id: str) -> str:
    """The original an article was planted from (itself when it is a real document)."""
    return "-".join(article_id.split("-")[:2])


def evaluate(built: list[tuple[Story, dict]], embedder_kind: str) -> dict:
    embedder, _ = load_embedder(embedder_kind)
    found = correct_kind = reported = false_links = 0
    by_kind = {kind: 0 for kind in EXPECTED_KIND}
    real_links: list[CopyLink] = []
    wrong: list[CopyLink] = []
    start = time.perf_counter()
    for story, planted in built:
        near = {frozenset((d.first, d.second)): d for d in find_near_duplicates(list(story.articles))}
        links = find_copies(story, EmbeddedSentences(story.sentences(), embedder), near, ProvenanceConfig())
        real = [link for link in links if family(link.original) == link.original and family(link.copy) == link.copy]
        related = {frozenset((link.original, link.copy)) for link in real}
        real_links += real
        for link in links:
            if link in real:
                continue
            reported += 1
            # a planted copy of a document that really is a copy of another is a copy of that one too
            if (
                family(link.original) != family(link.copy)
                and frozenset((family(link.original), family(link.copy))) not in related
            ):
                false_links += 1
                wrong.append(link)
            kind = planted.get((link.original, link.copy))
            if kind is not None:
                found += 1
                by_kind[kind] += 1
                correct_kind += EXPECTED_KIND[kind] == link.kind
    seconds = time.perf_counter() - start
    total = sum(len(p) for _, p in built)
    return {
        "embedder": sentence_embedder(embedder).name,  # the one that aligned the sentences
        "precision": (reported - false_links) / reported if reported else 1.0,
        "recall": found / total,
        "kind_accuracy": correct_kind / found if found else 0.0,
        "false_links": false_links,
        "real_links": real_links,
        "wrong": wrong,
        "recall_by_kind": {k: v / sum(kind == k for _, p in built for kind in p.values()) for k, v in by_kind.items()},
        "seconds_per_story": seconds / len(built),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=250)
    parser.add_argument("--embedders", default="minilm,hashing")
    parser.add_argument("--show", action="store_true", help="list the links between real documents and false links")
    args = parser.parse_args()
    built = build(load_stories(args.stories))
    articles = sum(len(story.articles) for story, _ in built)
    print(f"{len(built)} stories, {articles} articles, {sum(len(p) for _, p in built)} planted copies")
    print(
        f"{'embedder':<24} {'P':>6} {'R':>6} {'kind ok':>7} {'exact':>6} {'synd':>6} {'trunc':>6} {'rewr':>6} "
        f"{'false':>5} {'real pairs linked':>24} {'s/story':>8}"
    )
    results = [evaluate(built, kind) for kind in args.embedders.split(",")]
    for r in results:
        k = r["recall_by_kind"]
        kinds = Counter(link.kind for link in r["real_links"])
        linked = f"{len(r['real_links'])} ({kinds['duplicate']}d {kinds['syndicated']}s {kinds['rewrite']}r)"
        print(
            f"{r['embedder']:<24} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['kind_accuracy']:>7.3f} "
            f"{k['exact']:>6.3f} {k['syndicated']:>6.3f} {k['truncated']:>6.3f} {k['rewrite']:>6.3f} "
            f"{r['false_links']:>5} {linked:>24} {r['seconds_per_story']:>8.3f}"
        )
    if args.show:
        for r in results:
            for link in r["real_links"]:
                print(f"{r['embedder']}: {link.original} -> {link.copy} {link.kind} {link.similarity}")
            for link in r["wrong"]:
                print(f"{r['embedder']}: false link {link.original} -> {link.copy} {link.kind} {link.similarity}")


if __name__ == "__main__":
    main()
