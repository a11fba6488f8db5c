"""A run of many new articles is placed in bounded batches, oldest first, so clustering memory stays flat."""

from newsprism import api, intake
from newsprism.cluster import StoryClusterer, publication_order

from .conftest import EXAMPLES


def test_new_articles_are_placed_a_bounded_batch_at_a_time_oldest_first(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "PLACE_BATCH", 2)
    batches: list[list[str]] = []
    original = StoryClusterer.partial_fit

    def recording(self, articles, state):
        batches.append([a.id for a in articles])
        return original(self, articles, state)

    monkeypatch.setattr(StoryClusterer, "partial_fit", recording)
    done = api.ingest([EXAMPLES], db=tmp_path / "n.db", embedder="hashing")
    assert len(done.articles) == 6 and [len(batch) for batch in batches] == [2, 2, 2]
    assert [a for batch in batches for a in batch] == [a.id for a in publication_order(done.articles)]
    # every article is in exactly one of the stories returned, whichever batch placed it
    placed = [a for story in done.stories for a in story.article_ids]
    assert sorted(placed) == sorted(a.id for a in done.articles)
