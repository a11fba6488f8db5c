"""A summary sentence stands outside its article: one leaning on the sentence before it is told right after
that sentence or rewritten to stand alone, and none sides, unattributed, with one side of a conflict."""

from newsprism.analysis.summary import summarize
from newsprism.analysis.summary_alone import standing_alone
from newsprism.analysis.summary_conflicts import takes_a_side
from newsprism.analysis.summary_fit import sets_up
from newsprism.analysis.summary_order import dependent, in_event_order
from newsprism.config import Settings, SummaryConfig
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import (
    Article,
    Conflict,
    ConflictSide,
    Evidence,
    Fact,
    Story,
    SummarySentence,
)

from .stories import summary_of


def test_a_pronoun_subject_is_named_only_when_the_sentence_before_is_plainly_about_one_person():
    before = "Around 3:30 a.m., Mr. Smith approached two officers responding to a call."
    # a quotation keeps its true speaker: the one the sentence credits it to
    assert standing_alone("“I need to talk to you,” he said.", before) == "“I need to talk to you,” Mr. Smith said."
    assert standing_alone("He said the couple should wait outside.", "John Miller met the couple in May.") == (
        "John Miller said the couple should wait outside."
    )
    # two people, a pronoun of the other sex, a sentence reporting someone's words, or nothing before: unsure
    assert standing_alone("He said they should wait.", "John Miller met Paul Jones in May.") is None
    assert standing_alone("He said they should wait.", "Ann Lee and her son met the couple in May.") is None
    assert standing_alone("He has a super PAC.", "Colbert wants office, notes Andy Kroll at Mother Jones.") is None
    assert standing_alone("He said they should wait.", None) is None


def test_a_joining_word_is_dropped_only_when_the_claim_then_stands_alone():
    assert (
        standing_alone("But the scientists say malaria is spreading.", None)
        == "The scientists say malaria is spreading."
    )
    assert standing_alone("However, the final standards were weakened.", None) == "The final standards were weakened."
    assert standing_alone("Yet another storm hit the coast.", None) is None
    assert standing_alone("Otherwise, the plan fails.", None) is None
    assert standing_alone("And it fell on Monday.", None) is None


def test_a_denial_setting_up_the_next_sentence_is_not_taken():
    assert sets_up("And the problem is not that Colbert isn't qualified.")
    assert not sets_up("It is not that simple.")
    assert not sets_up("“It's not that he lied,” she said.")


def test_a_sentence_leaning_on_the_one_before_is_told_only_right_after_it():
    lede = "Floodwaters receded from the town of Kestrel on Sunday after three days of heavy rain."
    other = "Engineers in the county said the levee near the river held through the storm."
    joined = "And the Kestrel levee near the river will be raised by two meters next year, engineers said."
    texts = {"a": [lede, other, joined], "b": [lede, "The levee near the river held.", joined], "c": [lede, joined]}
    summary = summary_of(texts)
    # the joined sentence is what the coverage shares most after the lede; its "And" is dropped
    assert "The Kestrel levee near the river will be raised by two meters next year, engineers said." in summary
    assert joined not in summary
    assert dependent(joined)
    assert dependent("He said that on the trial date, the couple should wait outside.")
    assert dependent("“We agreed that I would be on the show,” he joked.")
    assert not dependent("“This is indisputable evidence,” said Mercedes Pascual.")


def test_a_sentence_attached_to_the_one_before_moves_with_it_when_events_are_put_in_date_order():
    later = SummarySentence("The council voted on Thursday, June 6, 2024, to close the pier.", ("a",))
    tail = SummarySentence("It also closed the beach.", ("a",))
    earlier = SummarySentence("Engineers found cracks on Monday, June 3, 2024.", ("b",))
    articles = {"a": Article("a", "x"), "b": Article("b", "y")}
    ordered = in_event_order([later, tail, earlier], articles, frozenset({tail.text}))
    assert [s.text for s in ordered] == [earlier.text, later.text, tail.text]


def test_no_sentence_tells_one_side_of_a_conflict_unattributed():
    visit = "Kim invited Putin to his capital during a visit to Vladivostok in September."
    cosmo = "This visit follows their meeting in September at Russia's Vostochny cosmodrome."
    place = Conflict(
        "c",
        "place of the visit in September",
        (
            ConflictSide("Vladivostok", ("a",), (Evidence("a", visit),)),
            ConflictSide("Vostochny cosmodrome", ("b",), (Evidence("b", cosmo),)),
        ),
        kind="place",
    )
    spaceport = "The leaders last met in September at a spaceport in Russia's far east, officials in Moscow said."
    plain = "The two leaders are expected to sign a partnership agreement in Pyongyang, officials in Moscow said."
    assert takes_a_side(spaceport, place) and not takes_a_side(plain, place)
    texts = {"a": [visit, spaceport, plain], "b": [cosmo, spaceport, plain]}
    story = Story("s", tuple(Article(i, " ".join(t), sentences=tuple(t)) for i, t in texts.items()))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    facts = tuple(
        Fact(f"f{n}", t, ("a", "b"), (Evidence("a", t), Evidence("b", t))) for n, t in enumerate((spaceport, plain))
    )
    told = [s.text for s in summarize(story, facts, (place,), {"a": "a", "b": "b"}, embedded, SummaryConfig(words=60))]
    # the spaceport is the cosmodrome's side in words of its own: the summary keeps to what no side disputes
    assert told == [plain]


def test_words_another_outlet_quotes_are_not_told_as_the_summarys_own():
    from newsprism.analysis.summary_voices import quoted_elsewhere, quoted_openings

    tweet = "Business is looking better than ever with business enthusiasm at record levels."
    articles = {
        "a": Article("a", f"Trump posted on Aug. 3. {tweet} Stock market at an all-time high."),
        "b": Article("b", f"Trump has boasted on Twitter. “{tweet} Stock market at an all-time high,” he wrote."),
    }
    openings = quoted_openings(articles)
    assert quoted_elsewhere(tweet, openings)
    # told as his, it may stand; a sentence of the writer's own opening otherwise is no quotation
    assert not quoted_elsewhere("Trump tweeted that business is looking better than ever.", openings)
    assert not quoted_elsewhere("Business groups said the market was at an all-time high.", openings)


def test_a_plural_demonstrative_leans_on_the_sentence_before_which_is_told_first():
    from newsprism.analysis.summary_fit import points_back

    lede = "Floodwaters receded from the town of Kestrel on Sunday after three days of heavy rain."
    before = "Engineers finished the new walls in 2021 at a cost of $4 million."
    leaning = "These floodwalls along the river held the water back from the Kestrel school all weekend."
    other = "Volunteers from the county filled sandbags near the old mill on Saturday."
    texts = {"a": [lede, before, leaning], "b": [lede, leaning, other], "c": [lede, leaning, other]}
    summary = summary_of(texts, Settings(summary=SummaryConfig(words=30)))
    # what "these floodwalls" are, the sentence before tells: it is told first, right before
    assert points_back(leaning) and not points_back("These days, the town is calm.")
    assert summary == [lede, before, leaning]


def test_a_figure_told_as_one_sides_evidence_tells_it_but_another_claims_figure_does_not():
    injured = "A section of the bridge collapsed on Tuesday, injuring 12 people, officials said."
    more = "At least 18 people were injured when the bridge collapsed on Tuesday."
    count = Conflict(
        "c",
        "number of people",
        (
            ConflictSide("12 people", ("a",), (Evidence("a", injured),)),
            ConflictSide("At least 18 people", ("b",), (Evidence("b", more),)),
        ),
        kind="number",
    )
    assert takes_a_side("The collapse, injuring 12 people, closed the river.", count)
    assert not takes_a_side("Rescue teams pulled 12 people from the water.", count)
    assert not takes_a_side("Officials gave 12 people, hospitals At least 18 people, as injured.", count)


def test_a_demonstrative_subject_after_an_opening_phrase_leans_on_the_sentence_before():
    from newsprism.analysis.summary_fit import points_back

    lede = "Nevada retailers sold $3 million of marijuana in the first four days of legal sales."
    before = "The state collected $500,000 in marijuana taxes over those four days, officials said."
    leaning = "Allowing for rounding, that only accounts for about 15 percent of the sales taxes collected."
    other = "Dispensaries in Las Vegas ran low on marijuana supplies within the first week of sales."
    texts = {"a": [lede, before, leaning], "b": [lede, leaning, other], "c": [lede, leaning, other]}
    summary = summary_of(texts, Settings(summary=SummaryConfig(words=40)))
    # what "that" is, the sentence before tells: the summary gives it right before, or not at all
    assert points_back(leaning) and points_back("That only accounts for a share of the sales.")
    assert not points_back("Allowing for rounding, the tax is 15 percent of the sales.")
    assert not points_back("This week, the council met.") and not points_back("These days, the town is calm.")
    assert leaning not in summary or summary[summary.index(leaning) - 1] == before
