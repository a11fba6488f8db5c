"""A story's title: a clean headline of the story's own, else a clean lead sentence."""

from newsprism.records import Article, Story

BODY = (
    "Facebook is buying Oculus VR, a startup that makes virtual reality headsets, in a $2 billion deal.",
    "Oculus makes the Rift headset for video game developers.",
)


def article(id_: str, *sentences: str, title: str | None = None) -> Article:
    return Article(id_, " ".join(sentences), title=title, sentences=sentences)


def test_a_headline_no_other_article_shares_is_another_pages_and_the_most_shared_one_titles():
    news = article("a", *BODY, title="Facebook buys Oculus VR in $2 billion deal")
    other = article("b", "Facebook will pay $2 billion for Oculus VR, maker of the Rift headset.", "It is a big deal.")
    links = article("c", "Minnesota man charged.", "More stories below.", title="Most Popular Stories More>>")
    listicle = article("d", *BODY, title="Seven Remixes to Hear Now")
    assert Story("s", (links, listicle, news, other)).title == "Facebook buys Oculus VR in $2 billion deal"
    # a story of one article is titled by its own headline
    assert Story("s", (links,)).title == "Most Popular Stories More>>"


def test_tag_words_bylines_and_bare_quotations_are_no_headlines():
    tagged = article("a", *BODY, title="facebook vr deals Facebook Buys Oculus VR")
    assert Story("s", (tagged,)).title == "Facebook Buys Oculus VR"
    byline = article("b", *BODY, title="By Staff Sgt. Jane Roe, 7th Air Force Public Affairs")
    quoted = article("c", *BODY, title="“Facebook creeps me out.”")
    assert Story("s", (byline, quoted)).title == BODY[0]


def test_a_lede_is_a_clean_statement_not_a_quotations_tail_a_list_header_or_a_credit_glued_on():
    # each junk lede shares more of its words with the other article than the clean one does
    tail = article("a", "It was a “case study of failure.”", "Sen. Jane Roe charged on Sunday.")
    plain = article("b", "Sen. Jane Roe charged on Sunday that the administration failed.")
    assert Story("s", (tail, plain)).title == plain.sentences[0]
    header = article("a", "First reactions to the Facebook deal:", "1) It was big.")
    plain = article("b", "Facebook made a deal on Tuesday, its biggest in years.")
    assert Story("s", (header, plain)).title == plain.sentences[0]
    credit = article("a", "William Wei, Business Insider Facebook is buying Oculus VR for $2 billion.")
    plain = article("b", "Facebook is buying Oculus VR, the headset maker, for $2 billion, Business Insider reported.")
    assert Story("s", (credit, plain)).title == plain.sentences[0]
    # a page title's lede stops at its separator, before the photo credit; a phrase setting the scene is no credit
    paged = article("e", "On Twitter, President Jane Roe praised the deal. | Photo: Jim Doe/AP Tech News Facebook buys")
    assert Story("s", (paged,)).title == "On Twitter, President Jane Roe praised the deal."
