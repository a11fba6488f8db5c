"""Posts embedded from social networks are told by their signature, one sentence each, and are no summary
sentences: they are their authors' words, not the outlet's (facts keep two posters' posts apart:
:mod:`newsprism.analysis.fact_posts`)."""

import pytest

from newsprism.analysis.summary_fit import reads_alone
from newsprism.articles.clean import clean_text
from newsprism.articles.posts import is_embedded_post, join_broken_posts
from newsprism.articles.sentences import add_sentences
from newsprism.records import Article

POSTS = [
    "Damn. RiP to the great one Prodigy. Love. MOBB — Lil Wayne WEEZY F (@LilTunechi) June 20, 2017",
    "We were in talks about maybe bringing a version of Minecraft to Oculus. - Notch (@notch) March 25, 2014",
    "Sad day in Hip-Hop -- — M ! L L Z ¥ (@JAE_MILLZ) June 20, 2017",
    "That doesn't just happen! — Donald J. Trump (@realDonaldTrump) August 3, 2017.",
    "Доку Умаров пообещал аллахакбар в 2014 в Сочи — Степан Грозный (@faraday_m) August 20, 2013",
    "Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT",
    "Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT.",
    "Sunset. A photo posted by Jane Doe (@jane.doe) on Aug 2, 2015 at 7:05pm PDT",
    "We are ready. Posted by The White House on Tuesday, June 20, 2017",
    "MAKING AMERICA GREAT AGAIN! pic.twitter.com/iONbr1DkVk",
    "Damn. RIP. Prodigy. RT @ComplexMusic: Prodigy of Mobb Deep has passed away at age 42.",
    "@unsulk: I stand corrected. My 4S battery is draining 1% every 3-4 mins under light use.",
]

PROSE = [
    "Havoc posted two photos on Instagram (@mobbdeephavoc) on June 20, 2017, to remember him.",
    "Havoc wrote on Instagram (@mobbdeephavoc) on June 20, 2017.",
    "A video shared by police on June 20, 2017 showed the suspect leaving the store.",
    "Trump tweeted on Aug. 3, 2017: “Stock Market at an all-time high.”",
    "Contact Vince Lattanzio at 610.668.5532 or follow @VinceLattanzio on Twitter.",
    "Become a fan of the Museum on Facebook, follow us on Twitter at @AMNH, on Instagram at @AMNH.",
    "Jon Huntsman stuck to Twitter: \"@BarackObama's tired rhetoric & failed policies haven't worked.\"",
    "The post was shared by thousands of users on June 20, 2017, and posted by the White House on Tuesday.",
    "Prodigy, one-half of Mobb Deep — the duo from Queens — died June 20, 2017.",
]


@pytest.mark.parametrize("line", POSTS)
def test_a_post_is_told_by_its_signature_or_its_marks(line: str) -> None:
    assert is_embedded_post(line) and not reads_alone(line)


@pytest.mark.parametrize("line", PROSE)
def test_prose_naming_a_handle_a_post_or_a_date_is_no_post(line: str) -> None:
    assert not is_embedded_post(line)


def test_a_posts_line_is_one_sentence_and_the_articles_lines_are_split() -> None:
    post = "Damn. RiP to the great one Prodigy. Love. MOBB — Lil Wayne WEEZY F (@LilTunechi) June 20, 2017"
    text = f"Prodigy died Tuesday. He was 42.\n{post}\nHis mother sang in the Crystals."
    assert add_sentences(Article("a", text)).sentences == (
        "Prodigy died Tuesday.",
        "He was 42.",
        post,
        "His mother sang in the Crystals.",
    )


def test_a_lists_titles_are_no_sentences_and_their_blurbs_are() -> None:
    text = (
        "Mobb Deep – “Shook Ones” (DJ Premier Remix)\nDJ Premier takes a classical eye to this hit.\n"
        "Mobb Deep – “Hell on Earth” (Baghiri Remix)\nRain falls in the background of this rework."
    )
    assert add_sentences(Article("a", text)).sentences == (
        "DJ Premier takes a classical eye to this hit.",
        "Rain falls in the background of this rework.",
    )


SIGNED = "MOBB DEEP'S MUZIK STILL HITS MY SOUL. — Alexander Spit (@AlexanderSpit) June 20, 2017"


def test_a_posts_text_broken_over_lines_is_joined_to_its_signature() -> None:
    # two blank lines or more inside a post, one between paragraphs
    lines = ["Fans paid their respects.", "", "RIP PRODIGY.", "", "", "", SIGNED, "", "Prodigy was 42."]
    joined = ["Fans paid their respects.", "", f"RIP PRODIGY. {SIGNED}", "", "Prodigy was 42."]
    assert join_broken_posts(lines) == joined
    # a post of three lines
    assert join_broken_posts(["Rest well.", "", "", "RIP PRODIGY.", "", "", SIGNED]) == [
        f"Rest well. RIP PRODIGY. {SIGNED}"
    ]
    text = "Fans paid their respects.\n \nRIP PRODIGY.\n \n \n \n" + SIGNED
    assert clean_text(text, find_headline=False).lines == ("Fans paid their respects.", f"RIP PRODIGY. {SIGNED}")


def test_the_page_s_own_lines_are_not_joined_to_a_post() -> None:
    # a paragraph break (one blank line)
    assert join_broken_posts(["RIP PRODIGY.", "", SIGNED]) == ["RIP PRODIGY.", "", SIGNED]
    # another post above it
    other = "Heartbroken. — Just Blaze (@JustBlaze) June 20, 2017"
    assert join_broken_posts([other, "", "", SIGNED]) == [other, "", "", SIGNED]
    # a line longer than a tweet can be
    prose = "Prodigy's label confirmed his death in a statement on Tuesday evening. " * 4
    assert join_broken_posts([prose, "", "", SIGNED]) == [prose, "", "", SIGNED]
