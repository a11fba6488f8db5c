"""The first line of a page is its headline only when it is no credit, pitch or page stamp."""

from newsprism.articles.headline import looks_like_headline
from newsprism.articles.pipeline import Pipeline
from newsprism.records import RawDocument

BODY = (
    "The city council voted on Tuesday to close the old pier after engineers found deep cracks in its "
    "supports. \n\n The pier, built in 1921, will stay shut until repairs are paid for, the mayor said."
)


def run(first_line: str):
    text = f"{first_line} \n\n {BODY}"
    return Pipeline().run(RawDocument("a", "text", text, id="a"))


def test_credit_and_stamp_lines_are_no_headlines():
    assert not looks_like_headline("(Washington Post Staff Photo/Andrea Bruce)")
    assert not looks_like_headline("2 years ago")
    assert not looks_like_headline("Donald Trump before opening the Nasdaq. Michael Nagle/Getty Images")
    assert looks_like_headline("Council Closes the Old Pier")


def test_page_furniture_above_the_story_is_removed_not_titled():
    for line in (
        "(Washington Post Staff Photo/Andrea Bruce)",
        "2 years ago",
        "Breaking News Emails Get breaking news alerts and special reports.",
    ):
        article = run(line)
        assert article.title is None, line
        assert article.sentences[0].startswith("The city council voted"), line


def test_a_real_headline_still_titles_the_page():
    assert run("Council Closes the Old Pier").title == "Council Closes the Old Pier"
