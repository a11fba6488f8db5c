"""What the clusterer reads of time: a headline's dates say when, not what; a page's URL dates it."""

from newsprism.cluster import StoryClusterer
from newsprism.cluster.features import article_time, lede, term_counts, undated, url_date
from newsprism.config import ClusterConfig
from newsprism.embed import HashingEmbedder
from newsprism.records import Article


def headline(i: str, title: str, when: str) -> Article:
    return Article(id=i, title=title, text=title, published=when, sentences=(title,))


def test_undated_leaves_out_dates_and_times_only():
    assert undated("The Shortlist for March 10").split() == ["The", "Shortlist", "for"]
    assert undated("News in Pictures - 10 March, 2014").split() == ["News", "in", "Pictures", "-"]
    assert undated("Chatter for Tuesday March 11th, 2014").split() == ["Chatter", "for"]
    assert undated("March 11, 2014, 8:57 pm").strip(" ,") == ""
    assert undated("Video Games News 3/10/14").split() == ["Video", "Games", "News"]
    assert undated("Meetup 12:30-1:30PM").split() == ["Meetup"]
    # no date: a month's name alone, a modal "may", a version number, a word that starts like a month
    for kept in ("May 2014 jobs report", "Prices may rise", "iOS 7.1.2 update", "Marchers 5 killed", "24/7 news"):
        assert undated(kept) == kept


def test_a_headlines_dates_are_not_among_its_terms_or_in_its_lede():
    article = headline("a", "The Shortlist for March 10, 2014", "2014-03-10T09:00")
    config = ClusterConfig()
    assert "march" not in lede(article, config).lower()
    counts = term_counts(article, config)
    assert counts["shortlist"] == 1 + config.headline_weight  # the body (the headline again) and the headline
    assert counts["march"] == 1  # the body only: the headline's weight is not the date's


def test_listings_alike_only_by_their_date_stay_apart():
    listings = [
        headline("a", "The Shortlist for March 10, 2014", "2014-03-10T09:00"),
        headline("b", "Video game rumors, March 10, 2014", "2014-03-10T10:00"),
        headline("c", "The Morning Links for Monday, March 10, 2014", "2014-03-10T11:00"),
    ]
    stories = StoryClusterer(ClusterConfig(), HashingEmbedder()).fit_predict(listings)
    assert len(stories) == 3  # read with their dates, the three were one story


def test_a_url_names_the_day_of_an_undated_page():
    assert url_date("https://www.cnn.com/2019/11/18/investing/asian-market-latest/index.html") == "2019-11-18"
    assert url_date("https://www.theguardian.com/commentisfree/2019/nov/18/the-view") == "2019-11-18"
    assert url_date("https://example.com/news/2019/11/18") == "2019-11-18"
    assert url_date("https://example.com/2019/13/18/no-such-month") is None
    assert url_date("https://example.com/2019/11/1/one-digit-day") is None
    assert url_date(None) is None
    page = Article(id="p", title="t", text="t", url="https://example.com/2019/11/18/story")
    assert article_time(page) == article_time(Article(id="q", title="t", text="t", published="2019-11-18"))
    dated = Article(id="r", title="t", text="t", url=page.url, published="2020-01-01")
    assert article_time(dated) == article_time(Article(id="s", title="t", text="t", published="2020-01-01"))


def test_pages_whose_urls_date_them_years_apart_are_not_one_story():
    def pages(first: str, second: str) -> list[Article]:
        return [
            Article(
                id="a",
                title="Police fire tear gas at Hong Kong protesters",
                text="Police fired tear gas at protesters in Hong Kong, near the government headquarters.",
                url=f"https://example.com/{first}/hong-kong-protests",
            ),
            Article(
                id="b",
                title="Tear gas fired at Hong Kong protesters",
                text="Police in Hong Kong fired tear gas at protesters near the government headquarters.",
                url=f"https://example.com/{second}/hong-kong",
            ),
        ]

    clusterer = StoryClusterer(ClusterConfig(), HashingEmbedder())
    assert len(clusterer.fit_predict(pages("2014/09/29", "2014/09/30"))) == 1
    assert len(clusterer.fit_predict(pages("2014/09/29", "2019/11/18"))) == 2
