"""The summary: what several independent sources share comes first, repeats and copies count once."""

from dataclasses import replace

from newsprism.analysis.runner import analyse_story
from newsprism.analysis.summary import concept_weights, concepts, summarize
from newsprism.config import FactsConfig, Settings, SummaryConfig
from newsprism.embed import load_embedder
from newsprism.records import Story

from .stories import story_of, summary_of

SHARED = "Floodwaters receded from the town of Kestrel on Sunday after three days of heavy rain."
LONER = "A local bakery handed out free bread and hot soup to the volunteers who filled sandbags all night."
TEXTS = {
    "wire": [SHARED, "Engineers began inspecting the levee that failed on Friday night near the old mill."],
    "copy": [SHARED, "Engineers began inspecting the levee that failed on Friday night near the old mill."],
    "local": [
        "Floodwaters receded from the town of Kestrel on Sunday after three days of rain.",
        LONER,
        "Engineers started inspecting the levee that failed on Friday night.",
    ],
}


def story() -> Story:
    return story_of(TEXTS)


def test_concepts_count_independent_sources_not_copies():
    groups = {"wire": "wire", "copy": "wire", "local": "local"}
    weights = concept_weights(story(), groups)
    assert "kestrel on" in concepts(SHARED) and weights["kestrel on"] >= 2
    # the bakery is in one source only: not what the story is about
    assert not any(c in weights for c in concepts(LONER) - concepts(SHARED))
    # unless one source is enough
    weights = concept_weights(story(), groups, SummaryConfig(min_concept_sources=1))
    assert all(c in weights for c in concepts(LONER) - concepts(SHARED))


def test_shared_fact_first_one_source_detail_last_each_fact_once():
    embedder = load_embedder("hashing")[0]
    analysis = analyse_story(story(), embedder, Settings(summary=SummaryConfig(words=20)))
    texts = [s.text for s in analysis.summary]
    assert texts[0].startswith("Floodwaters receded from the town of Kestrel")
    assert LONER not in texts
    assert len([t for t in texts if "Floodwaters" in t]) == 1
    first = analysis.summary[0]
    assert set(first.sources) == {"wire", "copy", "local"}


def test_a_fact_is_stated_by_the_side_most_sources_take():
    from newsprism.analysis.facts import side_with_most
    from newsprism.records import Conflict, ConflictSide, Evidence, Fact

    few = Evidence("a", "Putin's first visit in nearly two decades.")
    many = [Evidence("b", "Putin's first visit in 24 years."), Evidence("c", "Putin's first visit in 24 years.")]
    fact = Fact("f1", few.sentence, ("a", "b", "c"), (few, *many))
    conflict = Conflict(
        "c1",
        "time span",
        (ConflictSide("nearly two decades", ("a",), (few,)), ConflictSide("24 years", ("b", "c"), tuple(many))),
    )
    other = Fact("f2", "Kim met Putin.", ("a",), (Evidence("a", "Kim met Putin."),))
    assert [f.text for f in side_with_most((fact, other), (conflict,))] == [many[0].sentence, other.text]


def test_distinctive_phrases_are_shared_wordings_not_names_or_the_story_subject():
    from newsprism.analysis.facts import distinctive_phrases

    texts = {
        "a": ["Vladimir Putin may sign a partnership agreement.", "The state visit began.", "The state visit went on."],
        "b": [
            "A partnership agreement is expected, Vladimir Putin said.",
            "The state visit is his first.",
            "The state visit ended.",
        ],
    }
    rows = [text for texts_of in texts.values() for text in texts_of]
    articles = [article for article, texts_of in texts.items() for _ in texts_of]
    # "Vladimir Putin" is a name; "state visit" is in every other sentence: the story's subject
    assert distinctive_phrases(rows, articles) == {"partnership agreement": [0, 3]}
    # with a looser rarity the story's subject counts too
    assert "state visit" in distinctive_phrases(rows, articles, FactsConfig(phrase_rarity=3.0))


def test_a_fact_is_stated_by_the_sentence_of_it_that_adds_most():
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Evidence, Fact

    s = story()
    embedded = EmbeddedSentences(s.sentences(), load_embedder("hashing")[0])
    wordy = "Volunteers, neighbours and a few visitors from the county all agreed that the night had been long."
    fact = Fact("f1", wordy, ("wire", "local"), (Evidence("wire", wordy), Evidence("local", SHARED)))
    groups = {"wire": "wire", "copy": "wire", "local": "local"}
    summary = summarize(s, (fact,), (), groups, embedded, SummaryConfig(words=20))
    assert [x.text for x in summary] == [SHARED]
    assert summary[0].sources == ("wire", "local")


def test_a_conflict_is_stated_where_the_coverage_first_tells_it():
    s = story()
    first, second = s.articles[0].sentences[0], s.articles[0].sentences[1]
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Conflict, ConflictSide, Evidence, Fact

    embedded = EmbeddedSentences(s.sentences(), load_embedder("hashing")[0])
    lends = "The water was gone by Saturday, the mayor said at a press conference in the town hall."
    facts = (
        Fact("f1", second, ("wire", "local"), (Evidence("wire", second),)),
        Fact("f2", lends, ("wire", "copy"), (Evidence("wire", lends),)),
    )
    conflict = Conflict(
        "c1",
        "date",
        (
            ConflictSide("Sunday", ("wire", "copy"), (Evidence("wire", first),)),
            ConflictSide("Saturday", ("local",), (Evidence("local", "Floodwaters receded on Saturday."),)),
        ),
    )
    groups = {"wire": "wire", "copy": "wire", "local": "local"}
    texts = [x.text for x in summarize(s, facts, (conflict,), groups, embedded, SummaryConfig(words=60))]
    # the mayor's sentence holds the Saturday side's value but cites the wire, which said Sunday
    # the Saturday side's article has no outlet name: it is counted, not named by its id
    assert texts == [first.replace("Sunday", "Sunday (“Saturday”, according to another source)"), second]
    # a possible difference is left to the conflicts section
    unsure = replace(conflict, confidence=0.5)
    texts = [x.text for x in summarize(s, facts, (unsure,), groups, embedded, SummaryConfig(words=60))]
    assert not any("according to" in text for text in texts)


def test_a_rewriter_rewrites_the_chosen_facts_and_each_keeps_its_sources():
    import pytest

    class Hedging:
        def rewrite(self, story, sentences):
            return [f"Reportedly, {s[0].lower()}{s[1:]}" for s in sentences]

    class Dropping:
        def rewrite(self, story, sentences):
            return sentences[:1] if len(sentences) > 1 else []

    embedder = load_embedder("hashing")[0]
    settings = Settings(summary=SummaryConfig(words=40))
    plain = analyse_story(story(), embedder, settings).summary
    hedged = analyse_story(story(), embedder, settings, rewriter=Hedging()).summary
    assert [f"Reportedly, {s.text[0].lower()}{s.text[1:]}" for s in plain] == [s.text for s in hedged]
    assert [s.sources for s in plain] == [s.sources for s in hedged]
    with pytest.raises(ValueError, match="one non-empty text for each"):
        analyse_story(story(), embedder, settings, rewriter=Dropping())


def test_a_sentence_on_a_chosen_point_in_other_words_gives_way_to_a_new_point():
    import numpy as np

    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Evidence, Fact

    reworded = "The water that flooded Kestrel went down on Sunday once the rain had stopped falling."
    levee = "Engineers began inspecting the levee that failed on Friday night near the old mill."
    texts = {"x": [SHARED, reworded, levee], "y": [SHARED, reworded, levee], "z": [SHARED, reworded]}

    class OnePoint:
        """The reworded sentence is on the shared sentence's point (cosine 0.7, under the 0.8 at which
        it would be a rewording outright); the levee is on another point."""

        name, dim, align_similarity, fact_similarity, story_similarity = "fixed", 2, 0.8, 0.7, 0.3

        def embed(self, batch):
            angles = [{SHARED: 0.0, reworded: np.arccos(0.7)}.get(t, np.pi / 2) for t in batch]
            return np.array([[np.cos(a), np.sin(a)] for a in angles], dtype=np.float32)

    s = story_of(texts)
    holders = {t: tuple(a for a in texts if t in texts[a]) for t in (SHARED, reworded, levee)}
    facts = tuple(Fact(f"f{n}", t, by, tuple(Evidence(a, t) for a in by)) for n, (t, by) in enumerate(holders.items()))
    embedded = EmbeddedSentences(s.sentences(), OnePoint())
    # in two dimensions the levee is at right angles to the story's centre: no pull of the centre here
    # (breadth weighed linearly: at the default power, 3 sources against 2 outweigh the point being said)
    config = SummaryConfig(words=20, centrality_power=0, breadth_power=1.0)
    summary = summarize(s, facts, (), {a: a for a in texts}, embedded, config)
    # the reworded sentence adds more new word pairs from more sources, but says what is already said
    assert [x.text for x in summary] == [SHARED, levee]


def test_sentences_giving_one_figure_and_naming_one_thing_are_one_fact_in_other_words():
    from newsprism.analysis.facts import FactsConfig, group_facts
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Article, Story

    first = "Police said 14 people were hurt when the Arden Bridge fell into the river on Monday."
    second = "The collapse of the Arden Bridge left 14 injured, officials told reporters at the scene."
    story = Story("s", (Article("a", first, sentences=(first,)), Article("b", second, sentences=(second,))))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    assert [f.sources for f in group_facts(story, embedded)] == [("a", "b")]
    assert len(group_facts(story, embedded, FactsConfig(claim_margin=0.0))) == 2


def test_a_dateline_credit_is_not_a_photo_caption():
    from newsprism.analysis.summary_fit import reads_alone

    assert reads_alone("LONDON (Reuters) - Britain said on Monday it would act.")
    assert reads_alone("NEW YORK (AP) — Colin Kroll, a tech executive, has died.")
    assert not reads_alone("(AP Photo/Jim Mone) Shoppers wait in line outside a store.")
    assert not reads_alone("In this July 1, 2017, photo, shoppers wait in line outside a store.")


def test_an_article_that_only_announced_an_event_is_not_cited_for_its_happening():
    from newsprism.analysis.support import says
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Article, Story

    before = "Officials said the mayor would open the new bridge over the river on Friday with a ceremony."
    after = "The mayor opened the new bridge over the river on Friday with a ceremony, officials said."
    story = Story("s", (Article("a", before, sentences=(before,)), Article("b", after, sentences=(after,))))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    assert says(embedded, "b", after, 0.4) and not says(embedded, "a", after, 0.4)
    assert says(embedded, "a", before, 0.4)


def test_an_article_naming_the_same_people_and_figures_in_another_claim_is_not_cited():
    import pytest

    from newsprism.analysis.parse import parser_name
    from newsprism.analysis.support import says, supports, uses_words
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Article, Story

    if parser_name() == "none":
        pytest.skip("needs spaCy's English model")
    claim = "The minister has landed in Oslo, marking her first visit to the country in 12 years."
    other = "The minister praised Norway for its support, ahead of her first visit to Oslo in 12 years."
    told = "The minister landed in Oslo on Monday, her first visit to the country in 12 years."
    story = Story("s", (Article("a", other, sentences=(other,)), Article("b", told, sentences=(told,))))
    embedded = EmbeddedSentences(story.sentences(), load_embedder("hashing")[0])
    # words and names alone would credit "a" with the landing
    assert supports(story.articles[0], claim) and says(embedded, "a", claim, 0.4)
    assert not uses_words(story.articles[0], claim)
    assert uses_words(story.articles[1], claim)


def test_sentences_that_date_their_events_are_told_in_the_order_of_those_dates():
    from newsprism.analysis.summary_order import in_event_order
    from newsprism.records import Article, SummarySentence

    articles = {"a": Article("a", "", published="2015-03-06"), "b": Article("b", "")}
    told = [
        SummarySentence("The two sides signed the deal on March 5, 2015, after a night of talks.", ("a",)),
        SummarySentence("Mediators had warned that the talks could fail.", ("b",)),
        SummarySentence("The talks opened in Geneva on Monday with both delegations present.", ("a",)),
    ]
    ordered = [s.text for s in in_event_order(told, articles)]
    # Monday before the Friday the article was published is March 2: the opening moves first, the
    # undated sentence keeps its place
    assert ordered == [told[2].text, told[1].text, told[0].text]


def test_an_article_is_not_cited_for_a_label_it_never_used():
    from newsprism.analysis.support import uses_words
    from newsprism.records import Article

    plain = Article("a", "In 2000 the president met Kim Jong-il, the father of the current leader.")
    labelled = "In 2000 the president met then-dictator Kim Jong-il, the father of the current leader."
    assert uses_words(plain, plain.text) and not uses_words(plain, labelled)
    assert uses_words(Article("b", labelled), labelled)


def test_a_sentence_pointing_back_leaves_its_fact_to_one_that_names_it():
    from newsprism.analysis.summary_fit import points_back, reads_alone

    assert points_back("He also was a founder of Vine, an app of six-second videos.")
    assert points_back("That does not mean they suspect him of a crime.")
    assert points_back("Their initial court filings do not say whom the families could sue.")
    assert points_back("And, he was the Chief Technology Officer for Jetsetter.")
    assert points_back("I never intended for there to be a scene.")
    assert not points_back("US officials said the pier would close.")
    assert not points_back("This week, the council voted to close the pier.")
    assert not points_back("Helena Smith, the mayor, said the pier would close.")
    # an embedded post's signature is no sentence of the article
    assert not reads_alone("That doesn't just happen! — Donald J. Trump (@realDonaldTrump) August 3, 2017.")
    named = "Colin Kroll, who died on Sunday, was also a founder of Vine, an app built around six-second videos."
    pointing = "He was also a founder of Vine, an app built around six-second videos."
    texts = {"a": [pointing, SHARED], "b": [named, SHARED]}
    said = summary_of(texts)
    assert named in said and pointing not in said
