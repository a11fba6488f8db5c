"""A headline that names no story (a page's kind, a section, a day) is set aside: a story of its own."""

from newsprism.cluster import StoryClusterer
from newsprism.cluster.features import contentless, lede
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


def test_a_headline_that_names_nothing_is_read_by_the_name_its_url_gives_the_page():
    config = ClusterConfig()
    wire = headline("a", "Business Wire", url="http://x.com/2014/03/10/comcast-expands-digital-store-offering")
    assert lede(wire, config) == "comcast expands digital store offering"
    dated = headline("b", "March 11, 2014, 2:02 am", url="http://x.com/news/mt-gox-files-for-us-bankruptcy-protection")
    assert lede(dated, config) == "mt gox files for us bankruptcy protection"
    # a headline that names something is read as it is; a page name of page words alone gives nothing
    named = headline("c", "Comcast expands its store", url="http://x.com/2014/03/10/comcast-expands-digital-store")
    assert lede(named, config) == "Comcast expands its store"
    listing = headline("d", "Business Highlights", url="http://x.com/business/daily-business-highlights.html")
    assert lede(listing, config) == "Business Highlights"


def test_a_page_titled_by_its_site_joins_the_story_its_url_names():
    articles = [
        headline("a", "Comcast expands digital store with Sony Pictures films", "2014-03-10T09:00"),
        headline("b", "Comcast adds Sony Pictures films to its digital store", "2014-03-10T10:00"),
        headline(
            "c",
            "Business Wire",
            "2014-03-10T11:00",
            "http://x.com/2014/03/10/comcast-expands-digital-store-sony-pictures",
        ),
        headline(
            "d",
            "Business Wire",
            "2014-03-10T12:00",
            "http://x.com/2014/03/10/softbank-appoints-bruce-gottlieb-vice-president",
        ),
    ]
    stories = StoryClusterer(ClusterConfig(), HashingEmbedder()).fit_predict(articles)
    assert sorted(sorted(s.article_ids) for s in stories) == [["a", "b", "c"], ["d"]]
