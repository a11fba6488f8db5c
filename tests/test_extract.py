import pytest

from newsprism.clean import clean_text, looks_like_headline, strip_repeated_lines
from newsprism.errors import InputError
from newsprism.extract import extract
from newsprism.records import Article, RawDocument

BODY = "The council approved the new budget on Monday after a long debate.\nIt passes next week."


def test_headline_only_where_it_looks_like_one():
    assert (
        extract(RawDocument("a.txt", "text", "Council Approves Budget\n" + BODY, "a")).title
        == "Council Approves Budget"
    )
    doc = extract(RawDocument("b.txt", "text", BODY, "b"))
    assert doc.title is None and doc.text.startswith("The council approved")


def test_patterns_and_shapes_removed_story_kept():
    text = "\n".join(
        [
            "Council Approves Budget",
            "Politics",
            BODY,
            "A man walks past city hall (AP Photo/Jane Doe)",
            "Read more: Other news",
            "Subscribe to our newsletter for updates",
            "Follow Jane Doe on Twitter.",
            "© 2025 Example News. All rights reserved.",
            "The mayor welcomed the vote.",
        ]
    )
    cleaned = clean_text(text, find_headline=True)
    assert cleaned.headline == "Council Approves Budget"
    assert "The mayor welcomed the vote." in cleaned.lines
    assert len(cleaned.removed) == 6


def test_looks_like_headline():
    assert looks_like_headline("Storm Hits the Northern Coast")
    assert not looks_like_headline("The storm hit the coast.")


def test_html_through_trafilatura():
    html = (
        "<html><head><title>Budget Passes | Example News</title><meta property='og:site_name' content='Example News'>"
        "</head><body><nav>Home | World</nav><article><h1>Budget Passes</h1>"
        + "".join(f"<p>{s}</p>" for s in BODY.split("\n"))
        + "<p>Share this article</p></article></body></html>"
    )
    article = extract(RawDocument("x.html", "html", html, "x"))
    assert article.outlet == "Example News" and "approved the new budget" in article.text
    assert "Share this article" not in article.text


def test_not_an_article_raises_with_input_name():
    with pytest.raises(InputError, match=r"tiny\.txt"):
        extract(RawDocument("tiny.txt", "text", "Hello there", "tiny"))


def test_lines_repeated_across_one_outlet_are_removed():
    footer = "Example News is an independent newsroom funded by readers"
    a = Article(id="a", outlet="Ex", text="Storm hits the coast today.\nRoads are closed.\n" + footer)
    b = Article(id="b", outlet="Ex", text="Budget passes after a vote.\nTaxes will rise.\n" + footer)
    c = Article(id="c", outlet="Other", text="Something else happened.\n" + footer)
    cleaned = {x.id: x for x in strip_repeated_lines([a, b, c])}
    assert footer not in cleaned["a"].text and footer in cleaned["a"].removed
    assert footer in cleaned["c"].text  # only one article of that outlet


def test_copies_in_one_outlet_are_not_stripped_bare():
    a = Article(id="a", outlet="Ex", text="Line one of the story.\nLine two of the story.\nLine three.")
    b = Article(id="b", outlet="Ex", text="Line one of the story.\nLine two of the story.\nLine three.")
    assert [x.text for x in strip_repeated_lines([a, b])] == [a.text, b.text]
