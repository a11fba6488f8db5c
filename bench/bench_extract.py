"""Extraction benchmark: article-body precision, recall and F1 on 91 real news pages, and seconds per page.

Pages and hand-made ground truth are ``../shared/bench/extraction-dev/`` (Scrapinghub's article-extraction
benchmark, see ``../shared/bench/README.md``). The metric is that benchmark's: word 4-gram shingles per page
(``\\w+`` tokens, case kept), precision and recall per page, each averaged over the pages where it is defined
(precision over pages with some output, recall over pages with some ground truth), F1 from the two averages.

Rows: whole-page text, ``trafilatura.extract(html)`` with its defaults, newsprism (``Pipeline().run`` on a
``RawDocument(kind="html")`` carrying the page URL; its ``Article.text`` is compared with ``articleBody``, the
headline being kept apart in ``Article.title``), and each published system in ``systems/*.json`` that holds an
output for every page (the others are listed as not scored, with why). A page newsprism rejects as "no
article" counts as empty output. Seconds per page: median wall time of --repeat passes over all pages, one
process, for the systems run here (the published outputs have no timing).

    python3 bench/bench_extract.py [--repeat 3] [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsprism.articles.pipeline import Pipeline
from newsprism.errors import InputError
from newsprism.records import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench" / "extraction-dev"
TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def page_counts(truth: str, output: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of one page, as shares of their sum."""
    true, pred = shingles(truth), shingles(output)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages where each is defined, and F1 from the two averages."""
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def load_pages(truth: dict) -> dict[str, str]:
    return {key: gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8") for key in truth}


def newsprism_text(pipeline: Pipeline, key: str, html: str, url: str | None) -> str:
    try:
        return pipeline.run(RawDocument(f"{key}.html", "html", html, key, url=url)).text
    except InputError:
        return ""


def run(system: Callable[[str, str], str], pages: dict[str, str], repeat: int) -> tuple[dict[str, str], float]:
    """Outputs of one system on every page, and the median over ``repeat`` passes of seconds per page."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        outputs = {key: system(key, html) or "" for key, html in pages.items()}
        seconds.append((time.perf_counter() - start) / len(pages))
    return outputs, statistics.median(seconds)


def published(truth: dict) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Outputs of the published systems that cover every page; the reason each other file was left out."""
    usable, skipped = {}, {}
    for path in sorted((DATA / "systems").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            skipped[path.stem] = f"not valid JSON ({error.msg})"
            continue
        if not isinstance(data, dict) or not data:
            skipped[path.stem] = "empty"
            continue
        missing = [key for key in truth if not isinstance(data.get(key), dict)]
        if missing:
            skipped[path.stem] = f"{len(missing)} of {len(truth)} pages missing (keyed differently or truncated)"
            continue
        usable[path.stem] = {key: data[key].get("articleBody") or "" for key in truth}
    return usable, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages for the timing (median)")
    parser.add_argument("--worst", type=int, default=0, help="also list newsprism's N lowest-F1 pages")
    args = parser.parse_args()
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = load_pages(truth)
    pipeline = Pipeline()
    systems: dict[str, Callable[[str, str], str]] = {
        "whole-page text": lambda key, html: trafilatura.html2txt(html),
        "trafilatura.extract": lambda key, html: trafilatura.extract(html),
        "newsprism": lambda key, html: newsprism_text(pipeline, key, html, truth[key].get("url")),
    }
    rows: list[tuple[str, dict[str, str], float | None]] = []
    for name, system in systems.items():
        outputs, seconds = run(system, pages, args.repeat)
        rows.append((name, outputs, seconds))
    usable, skipped = published(truth)
    rows += [(name, outputs, None) for name, outputs in usable.items()]

    print(f"{len(truth)} pages in {DATA}")
    print(f"{'system':<20} {'P':>6} {'R':>6} {'F1':>6} {'pages':>6} {'s/page':>7}")
    for name, outputs, seconds in rows:
        counts = [page_counts(truth[key]["articleBody"], outputs[key]) for key in truth]
        p, r, f1 = score(counts)
        scored = sum(1 for key in truth if outputs[key].strip())
        timing = f"{seconds:>7.4f}" if seconds is not None else f"{'-':>7}"
        print(f"{name:<20} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {scored:>6} {timing}")
    by_reason: dict[str, list[str]] = {}
    for name, reason in skipped.items():
        by_reason.setdefault(reason, []).append(name)
    for reason, names in by_reason.items():
        print(f"not scored ({reason}): {', '.join(names)}")

    if args.worst:
        outputs = next(outputs for name, outputs, _ in rows if name == "newsprism")
        by_f1 = []
        for key in truth:
            p, r, f1 = score([page_counts(truth[key]["articleBody"], outputs[key])])
            by_f1.append((f1, p, r, key))
        print(f"\nnewsprism's {args.worst} lowest-F1 pages")
        for f1, p, r, key in sorted(by_f1)[: args.worst]:
            print(f"{f1:.3f} P {p:.3f} R {r:.3f}  {key[:12]}  {truth[key].get('url', '')}")


if __name__ == "__main__":
    main()
