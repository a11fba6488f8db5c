"""The summary bench gives newsprism the articles ``newsprism analyze`` would put in a story."""

import importlib.util
import sys
from pathlib import Path

import pytest

from newsprism.articles.pagekind import PageKindConfig
from newsprism.articles.pipeline import Pipeline

pytest.importorskip("rouge_score")  # the bench's extra: pip install -e ".[bench]"
pytest.importorskip("sumy")

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_summary.py"
spec = importlib.util.spec_from_file_location("bench_summary", BENCH)
assert spec is not None and spec.loader is not None
bench = sys.modules["bench_summary"] = importlib.util.module_from_spec(spec)  # its dataclass looks itself up
spec.loader.exec_module(bench)

CRAWL_SEEDS = """The seed for Wide00020 was:

- Slash pages of every domain crawled

-- the 50 best ranked URLs per domain

- Pages reached from them by inter-domain links"""
REPORT = """The city opened its first public library branch in 40 years on Monday, the mayor said.
The branch holds 20,000 books and a room for teenagers, librarians said.
Residents had petitioned for the branch since 2015, and hundreds came to the opening."""


def test_a_page_that_is_no_article_is_left_out_of_the_story_unless_pages_are_kept():
    articles = bench.build_articles("s", [CRAWL_SEEDS, REPORT], Pipeline())
    assert [a.id for a in articles] == ["s-d1"]
    kept = bench.build_articles("s", [CRAWL_SEEDS, REPORT], Pipeline(pages=PageKindConfig(keep=True)))
    assert [a.id for a in kept] == ["s-d0", "s-d1"]
