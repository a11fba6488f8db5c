"""Writing a backfill to the store, and analysing its stories there, through the Store protocol only.

Articles are written in publication order, a batch per transaction, each with its extracted form and
its outlet's line keys (so a later ``ingest`` counts repeated lines over them), and indexed in the
store's near-duplicate bands (so a later article is checked against them); the store reports the
pairs it finds, which must be the pairs the band-key join found. Then the clustering state and the
stories' members, in one transaction. Analysis runs per story, wherever the engine puts it: each
worker opens the store itself and stores each story's analysis under the key ``report`` looks for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..analysis.base import StoryContext
from ..analysis.ner import load_recognizer
from ..analysis.runner import AnalysisRun
from ..articles.repeated import line_keys
from ..cluster import publication_order
from ..dedup import NearDuplicate
from ..embed import load_embedder
from ..records import Skipped, Story
from ..report import analysis_to_dict
from ..store import OutletLines, Store, open_store
from .config import BackfillConfig
from .partitions import Stitched
from .rows import Row, row_article


def write_articles(store: Store, rows: Iterable[Row], batch: int) -> list[NearDuplicate]:
    """Store the finished articles (rows in publication order); returns the store's near-duplicate pairs."""
    pairs: list[NearDuplicate] = []
    for chunk in _chunks(rows, batch):
        finished = [row_article(row) for row in chunk]
        extracted = [row_article(row, "extracted") for row in chunk]
        with store.transaction():
            store.put_outlet_lines({a.id: OutletLines(a.outlet, line_keys(a)) for a in extracted if a.outlet})
            store.put_articles(finished, extracted=extracted)
            pairs += store.index_near_duplicates(finished)
    return pairs


def write_stories(store: Store, stitched: Stitched, embedder: str, skipped: list[Skipped]) -> dict[str, list[str]]:
    """Store the clustering state and each story's members; returns the members by story."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, sid in sorted(stitched.assignment.items()):
        members[sid].append(article)
    with store.transaction():
        store.put_cluster_state(stitched.state, embedder)
        store.put_members(dict(members))
        store.put_skipped(skipped)
    return dict(members)


class Analysing:
    """Analyses stories (rows of ``story`` and ``members``) and stores each analysis; the embedder and
    the entity recognizer are loaded once per instance (per actor on Ray)."""

    def __init__(self, config: BackfillConfig) -> None:
        self.config = config
        self.embedder = load_embedder(config.embedder.kind)[0]
        self.recognizer = load_recognizer()[0]

    def __call__(self, rows: list[Row]) -> list[Row]:
        out = []
        with open_store(self.config.db) as store:
            for row in rows:
                found = store.articles(row["members"])
                story = Story(row["story"], tuple(publication_order(list(found.values()))))
                near = store.near_duplicate_pairs(list(row["members"]))
                context = StoryContext(story, self.config.settings, self.embedder, self.recognizer, None, near)
                run = AnalysisRun(context, store)
                key = run.key()
                if store.analysis(story.id, key) is None:
                    store.put_story(analysis_to_dict(run.run()), key)
                out.append({"story": story.id, "key": key})
        return out


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
