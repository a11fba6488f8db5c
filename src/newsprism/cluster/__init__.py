"""Stage 7, cluster: group articles into stories, online and incrementally.

Articles arrive in publication order (then by id, so listing order never matters). Each joins the story
it is most similar to, above a threshold, or starts a new one. A story is what it has accumulated: the
sum of its articles' TF-IDF vectors (headline terms weighted up, URL slug words included), the sum of
their sentence embeddings (headline and lede), and the time of its newest article (an undated page is
timed by the day its URL names). A headline is read without its dates and clock times: they say when,
not what. Similarity is a weighted mix of the two cosines (embeddings count most for headline-only
items, terms for full articles), decayed by the time since the story last grew, so that stories go cold;
past ``window_days`` a story takes no new articles at all. After each batch, one k-means step moves each
of its articles to the story it is now most similar to (an article that came before its story formed
finds it then; one still alone also joins a story that is its clear choice, far ahead of any other,
below the threshold; an article within the times of a story's articles of the batch is no distance from
it), a merge pass joins stories that grew together, and a split pass cuts a story of the batch whose
members form separate groups (two neighbouring stories it took in) into those groups (two groups that
could each stand stay apart unless their words too are alike, a full article's those of its headline
and lede), or into all its groups when none of them
is a core (a chain on a broad topic). Candidates come from an inverted index over the stories' top
terms, so placing an article does not compare it with every stored story. Articles whose input named a
``story`` are grouped by that name and never clustered; a headline that names no story, only a page's
kind, a section or a day ("Business Highlights"), is a story of its own that nothing joins.

The state (:class:`ClusterState`) is a plain object the store saves and loads, so a later run adds
articles to the stories already stored instead of starting over.

Modules: :mod:`~newsprism.cluster.config` (the tuned thresholds), :mod:`~newsprism.cluster.features`
(what is read from an article), :mod:`~newsprism.cluster.state` (stories and term statistics) and
:mod:`~newsprism.cluster.clusterer` (placing, refining and merging) and :mod:`~newsprism.cluster.split`
(the groups a story's members form).
"""

from .clusterer import StoryClusterer, _grow, _shrink
from .config import ClusterConfig
from .features import publication_order, slug_words, timestamp
from .state import ClusterState, StoryState, story_id

__all__ = [
    "ClusterConfig",
    "ClusterState",
    "StoryClusterer",
    "StoryState",
    "_grow",  # the story arithmetic, for the tests
    "_shrink",
    "publication_order",
    "slug_words",
    "story_id",
    "timestamp",
]
