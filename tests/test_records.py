"""The records passed between stages."""

from newsprism.records import Article, Story


def test_an_untitled_story_is_titled_by_a_sentence_not_a_gallery_label():
    text = "1 of 12. A Thai satellite has spotted some 300 objects in the southern Indian Ocean."
    article = Article("a", text, sentences=("1 of 12.", text.split(". ", 1)[1]))
    assert Story("s", (article,)).title.startswith("A Thai satellite")
    titled = Article("b", text, title="Thai satellite spots objects in the ocean", sentences=article.sentences)
    assert Story("s", (article, titled)).title == "Thai satellite spots objects in the ocean"
    stamped = Article("c", text, title="Updated 6.15pm", sentences=article.sentences)
    assert Story("s", (stamped, titled)).title == titled.title


def test_a_story_is_titled_by_an_article_before_a_bare_headline():
    memo = Article(
        "m",
        "Internal memo on the pier budget",
        title="Internal memo on the pier budget",
        sentences=("Internal memo on the pier budget",),
    )
    body = ("Pier 1 was closed for repairs on Monday.", "Engineers will inspect it again next week.")
    report = Article("r", " ".join(body), title="Pier 1 closed for repairs", sentences=body)
    assert Story("s", (memo, report)).title == "Pier 1 closed for repairs"
    assert Story("s", (memo,)).title == "Internal memo on the pier budget"  # headlines alone still title a story


def test_an_untitled_story_is_titled_by_the_opening_the_other_articles_share():
    def article(id_: str, *sentences: str) -> Article:
        return Article(id_, " ".join(sentences), sentences=sentences)

    warned = article(
        "a",
        "WARNING: The video below contains images some viewers may find upsetting.",
        "A mother who abducted her two children from their grandparents was charged with murder on Friday.",
    )
    quoted = article("b", "“I knew what I was doing,” the mother told a reporter from jail on Friday.")
    plain = article("c", "The mother who took her two children from their grandparents faces two murder charges.")
    assert Story("s", (warned, quoted, plain)).title == plain.sentences[0]
    assert Story("s", (warned, quoted)).title == warned.sentences[1]
