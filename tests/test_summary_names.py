"""A person the summary names by surname alone is named in full the first time."""

from newsprism.analysis.summary_names import introduced
from newsprism.records import Article, SummarySentence

SHAH = "Deputy press secretary Raj Shah said markets fluctuate."
SANDERS = "Press Secretary Sarah Huckabee Sanders spoke later."


def article(doc_id: str, *sentences: str) -> Article:
    return Article(doc_id, " ".join(sentences), sentences=sentences)


def test_the_first_bare_surname_gets_the_full_name_the_cited_articles_use():
    alone = ("Mr. Shah declined to comment.", "Sanders told reporters that she agreed with him.")
    articles = {"a": article("a", SHAH, SANDERS, "Sanders echoed Shah's sentiment.", *alone)}
    summary = (
        SummarySentence("Later, Sanders echoed Shah's sentiment and Shah agreed.", ("a",)),
        SummarySentence("Shah said so again.", ("a",)),
    )
    texts = [s.text for s in introduced(summary, articles)]
    assert texts == [
        "Later, Sarah Huckabee Sanders echoed Raj Shah's sentiment and Shah agreed.",
        "Shah said so again.",
    ]


def test_no_full_name_where_a_cited_article_lacks_it_two_people_share_it_or_a_quotation_holds_it():
    articles = {
        "a": article("a", SHAH, "President Donald Trump thanked his daughter, Ivanka Trump, on Monday."),
        "b": article("b", "Shah said markets fluctuate."),
    }
    summary = (
        SummarySentence("Shah said markets fluctuate.", ("a", "b")),  # b never writes "Raj Shah"
        SummarySentence("“Ask Shah,” the aide said.", ("a",)),
        SummarySentence("Trump met officials.", ("a",)),
        SummarySentence("Lincoln and Shah Rukh Khan were named.", ("a",)),  # another name
    )
    assert introduced(summary, articles) == summary
    # once a sentence names him in full, a later bare surname is left as it is
    named = (SummarySentence(SHAH, ("a",)), SummarySentence("Shah said more.", ("a",)))
    assert introduced(named, articles) == named


def test_a_name_opening_on_a_common_word_is_a_misread():
    articles = {"a": article("a", "Will McRib fans travel to Austria?", "The chain will sell the McRib there.")}
    summary = (SummarySentence("Fans love the McRib.", ("a",)),)
    assert introduced(summary, articles) == summary


def test_a_title_before_the_surname_stays_before_the_full_name():
    articles = {"a": article("a", "Russian President Vladimir Putin arrived.", "Mr. Putin smiled.")}
    summary = (SummarySentence("Upon arrival, President Putin was received by Kim.", ("a",)),)
    assert [s.text for s in introduced(summary, articles)] == [
        "Upon arrival, President Vladimir Putin was received by Kim."
    ]
    # a form of address goes with a surname alone
    addressed = (SummarySentence("Mr. Putin smiled.", ("a",)),)
    assert introduced(addressed, articles) == addressed


GALLUP = (
    "Dr. George Gallup founded the company in 1935.",
    "Newport said Gallup's polling was solid.",
    "Gallup has never weighted its results by party.",
)


def test_a_surname_the_story_reads_only_as_a_firm_is_left_as_written():
    # "Gallup" alone is the polling firm every time; its founder is named in full once
    articles = {"a": article("a", *GALLUP)}
    summary = (SummarySentence("Newport said Gallup's polling was solid.", ("a",)),)
    assert introduced(summary, articles) == summary
    # read once alone as a person, the surname is theirs (the small model misreads surnames as firms)
    named = {"a": article("a", SHAH, "Shah said markets fluctuate.", "Mr. Shah declined to comment.")}
    summary = (SummarySentence("Shah said markets fluctuate.", ("a",)),)
    assert [s.text for s in introduced(summary, named)] == ["Raj Shah said markets fluctuate."]


def test_a_word_in_parentheses_or_after_a_capitalised_word_in_them_is_left_as_written():
    # "Remix" ends other remixes' names: a thing's word, and inside parentheses besides
    lines = ("Mobb Deep – “Hell on Earth” (Aesthetic Remix)", "Mobb Deep – “Survival of the Fittest” (Wonderboy Remix)")
    articles = {"a": article("a", *lines)}
    summary = (SummarySentence(lines[0], ("a",)),)
    assert introduced(summary, articles) == summary
    # parentheses alone keep a surname as written, and "(Mr" before it is a capitalised word
    articles = {"a": article("a", SHAH, "Mr. Shah declined to comment.")}
    for text in ("Markets fell (Shah said so).", "Markets fell (Mr Shah said so)."):
        summary = (SummarySentence(text, ("a",)),)
        assert introduced(summary, articles) == summary
