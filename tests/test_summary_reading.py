"""A summary reads on its own: no shard of a quotation without its speaker, no sentence that answers one
the summary does not give, and no citation of an article that never stated the claim or its number."""

from newsprism.analysis.summary_fit import echoes, points_back, reads_alone, speech_tag, unattributed
from newsprism.analysis.support import says, supports
from newsprism.config import Settings, SummaryConfig
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import Article, Story

from .stories import summary_of


def test_a_number_written_as_a_word_must_be_in_the_cited_article():
    claim = "In addition, four other states allow recreational pot sales."
    assert not supports(Article("a", "Voters in other states have legalized recreational pot sales."), claim)
    assert supports(Article("b", "Four other states allow recreational pot sales."), claim)
    assert supports(Article("c", "In 4 other states, recreational pot sales are allowed."), claim)
    # "one" is also a pronoun, and a word holding a number counts ("seven-story")
    assert supports(Article("d", "Some of them allow sales."), "One of the states allows sales.")
    assert not supports(Article("e", "The tower had six floors."), "The seven-story tower fell.")


def test_a_claims_numbers_must_be_in_the_sentences_that_state_it():
    claim = "In addition, four other states allow recreational pot sales."
    # the article counts "four" days elsewhere; the sentence with the claim's words does not say how many
    far = (
        "In the first four days, retailers made $3 million.",
        "Dispensaries opened.",
        "Other states allow pot sales.",
    )
    near = ("Dispensaries opened.", "Four other states allow recreational pot sales.")
    story = Story("s", (Article("a", " ".join(far), sentences=far), Article("b", " ".join(near), sentences=near)))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    assert supports(story.articles[0], claim) and not says(embedded, "a", claim, 0.4)
    assert says(embedded, "b", claim, 0.4)


def test_one_shared_word_of_the_claim_is_not_the_claim():
    claim = "And the problem is not that Colbert isn't qualified."
    # the problem and, in the next sentence, a negation: no claim of the sentence
    other = ("There's one problem, though: Colbert can't actually serve in the Senate.", "His deal isn't up.")
    told = "And the problem is not that Colbert isn't qualified, writes one critic."
    story = Story("s", (Article("a", " ".join(other), sentences=other), Article("b", told, sentences=(told,))))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    assert not says(embedded, "a", claim, 0.4)
    assert says(embedded, "b", claim, 0.4)


def test_a_quotation_without_its_speaker_is_a_shard():
    assert unattributed('"The tax cuts and reforms will further enhance the economy for the people."')
    assert unattributed("“He will do the same if he is contacted in connection with any other inquiry”")
    assert not unattributed("“We will rebuild the pier,” the mayor said on Monday.")
    assert not unattributed("“We agreed that I would be on the show,” he joked.")
    assert not unattributed("The mayor called the report “a disgrace to the city.”")
    # the tag split off after a quotation's question mark is no sentence of its own
    assert speech_tag("Colbert said on The Colbert Report Thursday night, as he smiled.", '"Who has a super PAC?"')
    assert not speech_tag("Colbert said on Thursday that he would run.", "He launched a campaign on Twitter.")


def test_a_sentence_joined_to_the_one_before_points_back():
    assert points_back("And the problem is not that Colbert isn't qualified.")
    assert points_back("However, for the four of them, these shows will be the last.")
    assert points_back("When he left, he was beaming.")
    assert not points_back("Andrea Lee, the mayor, closed the pier.")
    assert echoes("In a statement later Monday, Sarah Sanders echoed Raj Shah's sentiment.")
    assert not echoes("The same day, the council voted to close the pier.")
    assert not reads_alone("They had the mindset that 'you can come if you want, you can leave if you want.")
    assert not reads_alone("A hot mantle wedge is incongruent with a cold (<700 °C (ref.")


def test_a_sentence_echoing_another_is_taken_only_after_it():
    shared = "Floodwaters receded from the town of Kestrel on Sunday after three days of heavy rain."
    echo = "Later on Monday, the Kestrel mayor Ann Lee echoed the sentiment of the county engineers on the levee."
    said = "Officials in the county praised the volunteers who had filled sandbags all weekend near the school."
    texts = {"a": [shared, said, echo], "b": [shared, echo], "c": [shared, echo]}
    summary = summary_of(texts, Settings(summary=SummaryConfig(words=20)))
    # the echo is what the coverage shares after the lede, but it means nothing without the sentence it
    # echoes: that one comes first, and the budget is spent
    assert summary == [shared, said]


def test_a_speakers_words_without_the_speaker_follow_the_sentence_naming_the_speaker():
    from newsprism.analysis.summary_order import after_their_antecedents

    named = "“Our focus is on the long term,” Sarah Sanders said."
    shard = "“The tax cuts will further enhance the economy.”"
    other = "The Dow fell 1,600 points at one point on Monday afternoon."
    places = {named: (2, 0), other: (2, 1), shard: (3, 0)}
    placed = after_their_antecedents(places, {shard: named})
    assert sorted(places, key=placed.__getitem__) == [named, shard, other]
    # a sentence that names its speaker keeps its place
    assert after_their_antecedents(places, {other: named}) == places
