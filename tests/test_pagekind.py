import newsprism.api
from newsprism.articles.pagekind import PageKindConfig, page_kind, service_share
from newsprism.records import Article
from newsprism.store import SQLiteStore

SIGN_IN = """Sign in using your wfxt profile
Welcome back. Please sign in
Why are we asking this?
By submitting your registration information, you agree to our Terms of Service and Privacy Policy .
Already have an account?
We have sent a confirmation email to {* data_emailAddress *}. Please check your email."""
VIDEO = """Stephen kicks off 'Russia Week' with a deep dive.
For more content from "The Late Show", click HERE: http://bit.ly/1AKISnR
Watch full episodes of "The Late Show" HERE: http://bit.ly/1Puei40
Follow "The Late Show" on Twitter HERE: http://bit.ly/1dMzZzG"""
REPORT = """The council voted on Monday to close the pier after engineers found cracks in its supports.
Residents can follow updates on the council's website, https://example.org/pier, and sign up for alerts.
The pier will stay shut for at least three weeks while repairs are planned, the mayor said."""


def test_service_pages_are_told_apart_from_reports_that_mention_links():
    assert page_kind(Article("a", SIGN_IN)) == "sign-in page"
    assert page_kind(Article("b", VIDEO)) == "video or social page"
    assert page_kind(Article("c", REPORT)) is None


def test_a_page_that_is_not_an_article_is_stored_but_kept_out_of_stories(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text("Pier Closed\n" + REPORT)
    (folder / "login.txt").write_text(SIGN_IN)
    db = tmp_path / "n.db"
    done = newsprism.api.ingest([folder], db=db, embedder="hashing")
    assert [a.id for a in done.articles] == ["report"]
    assert [s.id for story in done.stories for s in story.articles] == ["report"]
    assert [(s.input, "sign-in page" in s.reason) for s in done.skipped] == [("login", True)]
    with SQLiteStore(db) as store:
        assert store.article("login") is not None and store.unplaced_articles() == []


def test_keep_pages_keeps_them_in_stories_and_the_cli_names_the_flag(tmp_path, capsys):
    from newsprism.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "login.txt").write_text(SIGN_IN)
    code = main(["ingest", str(folder), "--db", str(tmp_path / "a.db"), "--embedder", "hashing"])
    assert code == 1 and "not a news article: sign-in page" in capsys.readouterr().err
    code = main(["ingest", str(folder), "--db", str(tmp_path / "b.db"), "--embedder", "hashing", "--keep-pages"])
    assert code == 0
    with SQLiteStore(tmp_path / "b.db") as store:
        assert store.story_of(["login"])


PROMOTION = """Fans can still catch every night of the reunion tour.
The league's video service is giving fans an exclusive offer to purchase all three concerts for $39.95.
Replays of the shows are available for a limited time only, through August 7.
If you already bought the webcast, you can re-watch it anytime on demand.
Visit your local cable provider's on-demand channels for more information on how to watch."""
SALE_REPORT = """The painting was sold at auction for $4.5 million on Tuesday, well above its estimate.
The buyer, a private collector, bid by telephone, the auction house said.
Proceeds will go to a children's hospital, the seller's family said, and the museum hopes to borrow it."""
LETTER = """Dear friends of the Valley Trust,
On behalf of our board, I want to thank you for your generous donation after the floods.
Your donations bought food, blankets and tents for four villages.
We are now rebuilding the school, and every gift goes straight to the work.
Please help us finish it before winter. Donate today!
With gratitude, Ann"""
DONATION_REPORT = """The singer donated $1 million to flood relief on Monday, her spokesman said.
Other donations came from two banks, and the donated money will fund shelters.
Aid groups said donations had slowed since the first week."""


def test_sales_notices_and_appeal_letters_are_told_apart_from_reports_of_sales_and_donations():
    assert page_kind(Article("p", PROMOTION)) == "promotion page"
    assert page_kind(Article("s", SALE_REPORT)) is None
    assert page_kind(Article("l", LETTER)) == "donation page"
    # donations reported three times over, but nobody greeted and nothing asked of the reader
    assert page_kind(Article("d", DONATION_REPORT)) is None
    # a report that quotes a letter greeting its reader, without asking for money, stays an article
    assert page_kind(Article("q", "Dear colleagues, the mayor wrote, the budget is closed.\n" + SALE_REPORT)) is None


def test_a_headline_is_a_service_line_only_when_it_opens_with_the_phrase():
    from newsprism.inputs.files import HEADLINE

    def kind(text: str) -> str | None:
        return page_kind(Article("h", text, kind=HEADLINE))

    assert kind("Sign in to Celebuzz") == "sign-in page"
    assert kind("“Tweet with a location”") is not None
    # one phrase in a one-line page would make all of it service
    assert kind("Xbox One owners unable to sign in to Xbox LIVE; Microsoft looking into issue") is None
    assert page_kind(Article("p", "Xbox One owners unable to sign in to Xbox LIVE; Microsoft looking into issue"))


CRAWL_SEEDS = """The seed for Wide00020 was:

- Slash pages of every domain crawled

-- the 50 best ranked URLs per domain

- Pages reached from them by inter-domain links"""
BOOKLET = """Our new guide to campus hiring is a collection of articles from the past year.

You may download a copy here.

Our editors will take your questions on Friday in a free webinar. Please sign up here.

This guide was made possible in part through the financial support of Acme Learning."""
SPONSORED_REPORT = """The city opened its first public library branch in 40 years on Monday, the mayor said.
The branch holds 20,000 books and a room for teenagers, librarians said.
Its reading program was made possible through the support of a local foundation, officials said.
Residents had petitioned for the branch since 2015, and hundreds came to the opening."""


def test_a_crawls_seed_notice_and_a_publishers_booklet_page_are_not_articles():
    assert page_kind(Article("c", CRAWL_SEEDS)) == "web-archive notice"
    assert page_kind(Article("b", BOOKLET)) == "promotion page"
    # a report crediting a sponsor once is a report
    assert page_kind(Article("r", SPONSORED_REPORT)) is None


CRAWL_SHEET = """Wide crawl with an initial seedlist and crawler configuration from March 2011.
What's in the data set:
Crawl start date: 09 March, 2011
Crawl end date: 23 December, 2011
Number of captures: 2,713,676,341
Number of unique URLs: 2,273,840,159
We made many changes to how we do these crawls since, but we wanted to make the data available.
If you would like access to it, please write to us."""
CRAWLER_REPORT = """A search company said on Tuesday that its crawler software now reads pages in 40 languages.
The new crawler configuration lets site owners limit how often pages are fetched, engineers said.
The company indexes about 30 billion pages, according to its annual report.
Publishers had complained that frequent visits slowed their sites during the holidays."""


def test_a_crawls_data_sheet_is_a_web_archive_notice():
    assert page_kind(Article("c", CRAWL_SHEET)) == "web-archive notice"
    assert page_kind(Article("r", CRAWLER_REPORT)) is None


def test_a_player_asking_for_javascript_is_a_video_page():
    player = Article("j", "You need to enable JavaScript to use the audio player", removed=("JavaScript is disabled",))
    assert page_kind(player) == "video or social page"


DESCRIPTION = """How I paint my nails with watercolours! Hit like if you want part 2!
Watch my last video: https://www.example.com/watch?v=abc...
I tried this on my own nails first, and it lasted three days without chipping, so give it a go.
It is cheap and easy, and you only need a brush, some water and a clear top coat from any drugstore.
My channel: https://www.example.com/channel/nailsbyme
Instagram ➜ https://instagram.com/nailsbyme
Business inquiries only: manager@example.com
Want to send me something? Write to my manager."""
RELEASE = """Published on May 3, 2015
The Knot released its annual survey of 13,000 couples married in 2014 on Tuesday.
The average cost of a wedding rose to $31,213, the company said, and guest lists shrank to 136.
Couples spent most on the reception venue, followed by the band and the photographer.
Spending was highest in Manhattan and lowest in Utah, according to the survey.
The survey was fielded online between January and March, the company said.
Full results are at https://www.example.com/survey-2015."""


def test_a_videos_description_is_told_by_its_upload_line_and_links():
    assert page_kind(Article("d", DESCRIPTION, removed=("Published on May 3, 2015",))) == "video or social page"
    # the same prose and links without an upload line is not known for a video's
    assert page_kind(Article("n", DESCRIPTION)) is None
    # a release dated the same way, with one link among its lines, is a report
    assert page_kind(Article("r", RELEASE)) is None


COOKIE_WALL = """We value your privacy
We and our partners use cookies to store and/or access information on a device.
We and our partners use data for personalised ads and content, ad and content measurement.
Some of our partners may process your data as a legitimate interest without asking for consent.
By continuing to use this site, you agree to our use of cookies.
Manage your preferences
Accept all
Reject all"""
COOKIE_REPORT = """European regulators fined a search company on Thursday for the banners it shows before its pages.
The banners made it easier to accept cookies than to refuse them, the regulator said.
Sites must offer a button to reject all cookies as plainly as the one to accept them, it ruled.
The company said it would appeal and had already changed the banners in France."""
COMMENTS = """48 Comments
Sort by: Newest
This is the best news I have heard all week, good for her.
Reply
Report abuse
I don't believe a word of it.
Reply
Load more comments"""
SHOP = """Classic Canvas Tote
$24.99
In stock. Ships within 2 business days.
Quantity: 1
Add to cart
Free shipping on orders over $50
Write a review"""
SHORTAGE_REPORT = """Stores across the state ran out of bottled water on Friday as the storm approached.
Two supermarkets said water was out of stock by noon, and a third limited buyers to two cases.
Officials urged residents not to hoard and said deliveries would resume on Sunday.
Readers who posted comments on the county's page said the shelves were empty by morning."""


def test_cookie_walls_comment_pages_and_shop_pages_are_not_articles():
    assert page_kind(Article("c", COOKIE_WALL)) == "cookie wall"
    assert page_kind(Article("m", COMMENTS)) == "comment page"
    assert page_kind(Article("s", SHOP)) == "shop page"
    # reports on cookie banners, on shortages and on readers' comments keep their words in sentences
    assert page_kind(Article("r", COOKIE_REPORT)) is None
    assert page_kind(Article("w", SHORTAGE_REPORT)) is None


def test_a_page_s_service_share_is_read_from_its_own_units_and_words_limit():
    text = "The storm hit the coast on Monday. Roads were closed.\nPlease sign in to read more."
    plain = Article("p", text)
    assert service_share(plain) == 1 / 3
    # the same text with lines removed from it, or read with another word limit, is read anew (kept apart)
    assert service_share(Article("p", text, removed=("Already have an account?", "Privacy policy"))) == 3 / 5
    assert service_share(plain, PageKindConfig(service_line_words=3)) == 0.0
    assert service_share(plain) == 1 / 3
