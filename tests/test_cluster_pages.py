"""A headline that names no story (a page's kind, a section, a day) is set aside: a story of its own."""

from newsprism.cluster import StoryClusterer
from newsprism.cluster.features import contentless
from newsprism.config import ClusterConfig
from newsprism.embed import HashingEmbedder
from newsprism.records import Article


def headline(i: str, title: str, when: str = "2014-03-10T09:00", url: str | None = None) -> Article:
    return Article(id=i, title=title, text=title, published=when, sentences=(title,), url=url)


def test_a_headline_of_page_words_alone_is_contentless():
    for title in (
        "Business Highlights",
        "What's News—",
        "Finance News Update, what you need to know",
        "Business news and markets: as it happened - March 11, 2014",
        "Stock Market News for March 10, 2014",
        "Entertainment briefs",
    ):
        assert contentless(headline("a", title)), title


def test_a_headline_that_names_anything_is_not():
    for title in ("Titanfall Review Roundup", "Stocks slip slightly", "UK Industrial Growth Slows Sharply"):
        assert not contentless(headline("a", title)), title
    # the URL's words name the story the page is
    page = headline("a", "Business Wire", url="http://x.com/2014/03/10/comcast-expands-digital-store-offering")
    assert not contentless(page)
    assert contentless(
        headline("a", "Business Highlights", url="http://x.com/2014/03/11/2984970/business-highlights.html")
    )
    # an article with a body is read by its body
    body = Article(
        id="a", title="Business Highlights", text="Business Highlights\nChiquita and Fyffes agreed to merge."
    )
    assert not contentless(body)


def test_contentless_headlines_join_nothing_and_nothing_joins_them():
    articles = [
        headline("a", "Business Highlights", "2014-03-10T09:00"),
        headline("b", "Business Highlights", "2014-03-10T10:00"),
        headline("c", "Business news highlights", "2014-03-10T11:00"),
        headline("d", "Chiquita and Fyffes merge in banana deal", "2014-03-10T12:00"),
        headline("e", "Chiquita, Fyffes merge to form banana giant", "2014-03-10T13:00"),
    ]
    stories = StoryClusterer(ClusterConfig(), HashingEmbedder()).fit_predict(articles)
    assert sorted(sorted(s.article_ids) for s in stories) == [["a"], ["b"], ["c"], ["d", "e"]]
