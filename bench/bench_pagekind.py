"""Pages that are not articles: how :func:`newsprism.articles.pagekind.page_kind` separates them.

Every Multi-News dev document (``../shared/bench/multinews-dev.jsonl``) goes through the article
pipeline; the benchmark prints the distribution of the share of service lines per page, the pages set
aside with their kind, and, on the truth-dev stories whose documents people labelled, how many of the
labelled not-articles are set aside (recall) and how many set-aside pages are labelled articles
(the articles lost). The baseline is the pipeline before the page-kind stage: nothing set aside.

    python3 bench/bench_pagekind.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsprism.articles.pagekind import PageKindConfig, service_share
from newsprism.articles.pipeline import Pipeline
from newsprism.errors import InputError
from newsprism.records import RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=20, help="list the N pages with the most service lines")
    args = parser.parse_args()
    gold = {g["story"]: g for g in map(json.loads, (SHARED / "truth-dev" / "gold.jsonl").open())}
    pipeline, config = Pipeline(), PageKindConfig()
    rows = []
    started = time.perf_counter()
    for story in map(json.loads, (SHARED / "multinews-dev.jsonl").open()):
        for k, text in enumerate(story["documents"]):
            doc_id = f"{story['story']}-{k}"
            try:
                article = pipeline.run(RawDocument(doc_id, "record", text, id=doc_id))
            except InputError:
                continue
            label = gold[story["story"]]["docs"][k]["kind"] if story["story"] in gold else None
            rows.append((service_share(article, config), doc_id, label, article.kind, article.text[:90]))
    seconds = time.perf_counter() - started
    rows.sort(reverse=True)
    aside = [r for r in rows if r[3]]
    print(
        f"{len(rows)} pages in {seconds:.1f} s; set aside (service share >= {config.service_share}, "
        f"a letter asking for donations, or a page told by its genre): {len(aside)}"
    )
    for low, high in ((0.5, 1.01), (0.3, 0.5), (0.1, 0.3), (0.0, 0.1)):
        print(f"  share in [{low}, {min(high, 1.0)}]: {sum(low <= r[0] < high for r in rows)} pages")
    labelled = [r for r in rows if r[2] is not None]
    junk = [r for r in labelled if r[2] == "not-article"]
    lost = [r for r in labelled if r[2] == "article" and r[3]]
    print(
        f"truth-dev: not-articles set aside {sum(bool(r[3]) for r in junk)}/{len(junk)} (baseline 0/{len(junk)}); "
        f"articles set aside {len(lost)}/{len(labelled) - len(junk)} (baseline 0)"
    )
    for share, doc_id, label, kind, text in rows[: args.show]:
        print(f"  {share:.2f} {doc_id:14} {label or '-':11} {kind or '-':22} {' '.join(text.split())}")


if __name__ == "__main__":
    main()
