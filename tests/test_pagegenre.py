from newsprism.articles.pagegenre import page_genre
from newsprism.articles.pagekind import page_kind
from newsprism.records import Article

ENCYCLOPEDIA = """From Wikipedia, the free encyclopedia
The Harbour Bridge is a steel arch bridge across the estuary, opened in 1932.[1] It carries rail and road traffic.[2]
History [ edit ]
Work began in 1923 under the engineer John Bradfield.[3] Its arch spans 503 metres.[4][5]
References [ edit ]"""
# a press release that cites two studies: footnotes, but no wiki section links and few for its sentences
FOOTNOTED = """Clinicians face up to 1,000 alarms per shift [1], most of which need no action [2].
The company said on Tuesday that its new system filters the alarms before they reach the nurses.
It will be sold in Europe from next year, the chief executive told reporters.
Hospitals in three countries have tested it since March."""
CAMPAIGN = """THANK YOU ALL! We are fully funded and you have given us enough to start the feature film.
PERKS
We want to give you great perks for your donations.
You get a limited edition soundtrack CD at the $35 level.
Your pledge of $75 or more brings you a signed poster as a reward.
$15,000 Stretch Goal - UNLOCKED Everyone who donates at least $10 gets a uniform patch.
$20,000 Stretch Goal - UNLOCKED Everyone who donates gets a digital movie poster.
$40,000 Stretch Goal - UNLOCKED Everyone who has donated $10 or more will receive a sticker.
Please note, for those donating at $20 or less, there is a small shipping fee for your rewards.
WHERE THE MONEY GOES
Our budget for the film was about $20,000."""
CAMPAIGN_REPORT = """A fan film about the Klingon war raised $1.1 million from 10,000 backers on Kickstarter.
Backers who pledged $35 were promised a soundtrack CD, the producers said on Monday.
Paramount sued the producers in December, saying the film infringed its copyrights.
"You cannot take our characters and sell them to your backers," a lawyer for the studio told the court.
The producers said every donation went into the production and that no backer was paid."""
VERSE = "\n".join(
    ["Published on Sep 2, 2008", "From the LP Surrealistic Pillow"]
    + [
        line
        for stanza in range(4)
        for line in (
            f"The summer held its breath too long {stanza}",
            f"The winter looked the same as if it never had gone {stanza}",
            f"And through an open window where no curtain hung {stanza}",
            "I saw you, I saw you, comin' back to me",
        )
    ]
)
# a results table: short lines without full stops, but no line comes back
RESULTS = "\n".join(["Results of the county elections", *(f"District {n}: Smith {n * 31} votes" for n in range(1, 15))])
PRAISE = """Praise for The Long Crossing
“A gripping, beautifully written novel about loss and courage.”
— The Sunday Review of Books
“Unforgettable. The finest debut of the decade.”
— Anna Berg, author of Winter Roads
“A triumph of storytelling.” — Literary Weekly
“I could not put it down.” — Mark Hale"""
ROUNDUP = """Here are the most memorable things the winners said backstage on Sunday night.
“I’m as shocked as you people. That’s why my speech was so short.” — Jon Cryer, on his upset win
“Thank God, I’m not giving birth right now.” — Claire Danes, on her win
“I keep trying to get better. It’s fun to keep trying.” — Louis C.K., on his show
“People build really close relationships with TV characters.” — Damian Lewis"""


def test_genres_of_pages_that_are_not_articles():
    assert page_genre(ENCYCLOPEDIA) == "reference page"
    assert page_genre(CAMPAIGN) == "fundraising page"
    assert page_genre(VERSE) == "lyrics or verse page"
    assert page_genre(PRAISE) == "promotion page"


def test_reports_with_the_same_surface_stay_articles():
    assert page_genre(FOOTNOTED) is None
    assert page_genre(CAMPAIGN_REPORT) is None
    assert page_genre(RESULTS) is None
    assert page_genre(ROUNDUP) is None


def test_page_kind_sets_genre_pages_aside():
    assert page_kind(Article("w", ENCYCLOPEDIA)) == "reference page"
    assert page_kind(Article("r", CAMPAIGN_REPORT)) is None


def test_video_widgets_and_collection_notices_are_service_lines():
    widget = (
        "Media playback\nInteractive transcript could not be loaded.\nLoading...\n"
        "Rating is available when the video has been rented."
    )
    assert page_kind(Article("v", widget)) == "video or social page"
    notice = (
        "Crawl of outlinks from wikipedia.org started March, 2016. These files are currently not publicly accessible. "
        "Properties of this collection. For this collection, several things were done. "
        "This collection will be complete."
    )
    assert page_kind(Article("c", notice)) == "web-archive notice"


def test_a_channel_page_of_contact_lines_is_a_video_page():
    channel = """Published on Mar 3, 2017
Our host takes on the week's news with a song.
New episodes every weeknight at 11:35.
Twitter: @latenightshow
Instagram: @latenightshow
www.latenightshow.com/tickets
Send fan mail to: P.O. Box 1234, Burbank, CA 91505"""
    assert page_kind(Article("y", channel)) == "video or social page"
    report = """The network said on Friday that the show would move to a new studio in Burbank.
Fans who wrote to the show's P.O. Box 1234 received signed photos, a spokeswoman said.
The host thanked viewers on Twitter: @latenightshow has 2 million followers."""
    assert page_kind(Article("n", report)) is None


def test_a_video_page_is_told_by_its_player_lines():
    video = """Published on Sep 2, 2008
A fan's video of the band's 1967 show at the Fillmore, with the song's lyrics below.
The sound was taken from the soundboard tape that the band released in 2005.
Up next
Show more
Standard YouTube License"""
    assert page_kind(Article("p", video)) == "video or social page"


def test_a_report_on_how_readers_can_give_is_not_a_campaign():
    help_report = """Flood victims in the valley need food, water and shelter, relief agencies said on Sunday.
You can donate to the Red Cross online; your donation will go to the families in the shelters.
You can also pledge monthly support; your contribution helps the agency plan ahead.
If you donate $10 by text message, your gift is added to your phone bill.
Everyone who donates blood this week will get a free T-shirt, the blood bank said.
Anyone who contributes to the food bank can drop off cans at the town hall; your donations are counted daily.
You can back local shelters directly; your pledge reaches them within a day.
The state has opened four shelters, officials said, and expects more rain on Tuesday."""
    assert page_genre(help_report) is None


TEASERS = """Researchers have found that people who share a plate reach deals faster, according to new ...
A study of 2,000 workers finds that rudeness at work can follow employees home and disturb their ...
Less data-sharing among firms can actually lead to more collusion, economists ...
Ice loss in Antarctica grew sixfold between 1979 and 2017, according to a new study. Glaciologists ...
Charred seeds found at a building site have been identified as an ancient, domesticated form of …
Shares fell on Monday."""
CUT_REPORT = """Keurig Green Mountain cut its guidance for the year on Wednesday as earnings fell 4%.
Shares fell less than 1% in after-hours trading.
"Our growth was below our expectations," the chief executive said...
The company will report again in August..."""


def test_a_list_of_cut_teasers_is_a_list_of_links():
    assert page_genre(TEASERS) == "list of links"
    # a report cut short by a paywall, or trailing off in a quotation, ends few of its lines that way
    assert page_genre(CUT_REPORT) is None


COURSE = """Chances are your garden is doing fine. But if you want more from it, this course will help.
The lessons give you step-by-step demonstrations for every season.
You will learn how small changes in watering lead to stronger plants.
The course is free to audit online.
Create an account, search for the course and click Enroll; you can begin at any time."""
ADVICE_REPORT = """If you want more from your garden, water it less, a horticulturist said.
You will get stronger plants, she told a meeting of the county garden club.
Club members said their tomatoes doubled after a summer of the method.
The club meets again in April."""


def test_a_page_that_speaks_to_its_reader_and_reports_nothing_is_not_an_article():
    assert page_genre(COURSE) == "page addressed to the reader"
    # advice that a report attributes to someone stays a report
    assert page_genre(ADVICE_REPORT) is None
