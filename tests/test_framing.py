"""Framing: loaded terms and tone from an outlet's own voice, omissions with their text."""

from __future__ import annotations

from collections import Counter

from newsprism.analysis.evaluative import is_evaluative
from newsprism.analysis.framing import frame_articles, log_odds_z
from newsprism.analysis.ownvoice import own_voice
from newsprism.records import Article, Evidence, Fact, Story


def _article(id_: str, text: str, published: str | None = None) -> Article:
    from newsprism.articles.sentences import split_sentences

    sentences = tuple(s for p in text.split("\n") for s in split_sentences(p))
    return Article(id_, text, published=published, sentences=sentences)


def _own_words(text: str) -> set[str]:
    return {w for w, _, reported in own_voice(text).words if not reported}


def test_quoted_words_are_not_the_outlets_own():
    words = _own_words("The minister railed: “These sinister cowards will fail.”")
    assert "railed" in words and "sinister" not in words and "cowards" not in words


def test_reported_speech_without_quotation_marks_is_not_the_outlets_own():
    words = _own_words("The governor said that the brilliant engineers had saved the town.")
    assert "governor" in words and "said" in words
    assert "brilliant" not in words and "engineers" not in words
    words = _own_words("The bridge is safe, according to the city engineer.")
    assert "safe" not in words and "engineer" in words


def test_epithets_in_reported_speech_stay_the_writers_labels():
    voice = own_voice("The junta confirmed that the strongman would attend the glorious parade.")
    reported = {w for w, _, r in voice.words if r}
    assert {"strongman", "glorious"} <= reported
    judging = {w for w, part, r in voice.words if is_evaluative(w, part, r)}
    assert "strongman" in judging and "junta" in judging and "glorious" not in judging


def test_event_words_do_not_count_as_loaded_but_judging_modifiers_do():
    assert not is_evaluative("killed", "VERB") and not is_evaluative("war", "NOUN")
    assert is_evaluative("sinister", "ADJ") and is_evaluative("brilliantly", "ADV")
    assert is_evaluative("screed", "NOUN") and is_evaluative("railed", "VERB")


# the story's shared account: a word one article alone uses stands out only against a story of some length
SHARED = "\nTroops marched through the capital square and aircraft flew over the crowd." * 40
STORY = Story(
    "s",
    (
        _article(
            "hostile",
            "The regime held a parade on Monday. Its leader railed against the sanctions in a long screed.\n"
            "“Our heroic soldiers brilliantly defend the glorious motherland,” the leader said." + SHARED,
        ),
        _article("calm", "The government held a parade on Monday. The leader spoke about the sanctions." + SHARED),
        _article("other", "A parade was held on Monday. The leader criticised the sanctions in a speech." + SHARED),
    ),
)


def test_loaded_terms_are_the_outlets_own_evaluative_words_not_its_quotes():
    framing = {f.article: f for f in frame_articles(STORY, (), {a.id: a.id for a in STORY.articles})}
    terms = set(framing["hostile"].loaded_terms)
    assert {"regime", "railed", "screed"} <= terms
    assert not terms & {"heroic", "brilliantly", "glorious"}
    assert framing["calm"].loaded_terms == ()
    assert framing["hostile"].tone < 0 <= framing["calm"].tone


def test_tone_reads_only_the_outlets_own_voice():
    praise = _article("p", "“This is a wonderful, brilliant and glorious day,” the mayor said. The bridge reopened.")
    [framing] = frame_articles(Story("t", (praise,)), (), {"p": "p"})
    assert framing.tone == 0.0


def _fact(id_: str, text: str, sources: tuple[str, ...]) -> Fact:
    return Fact(id_, text, sources, tuple(Evidence(s, text) for s in sources))


def test_omits_gives_the_text_of_facts_several_sources_state():
    articles = tuple(_article(i, "The bridge collapsed on Tuesday.") for i in "abcd")
    facts = (
        _fact("f1", "Inspectors had warned of corrosion.", ("b", "c", "d")),
        _fact("f2", "A diver was hurt.", ("d",)),
    )
    [a, *_] = frame_articles(Story("s", articles), facts, {i: i for i in "abcd"})
    assert a.omits == ("f1",) and a.omitted == ("Inspectors had warned of corrosion.",)


def test_omits_leaves_out_what_happened_after_the_outlet_wrote():
    articles = (
        _article("early", "The summit opens on Friday.", published="2024-06-03"),
        _article("b", "The summit opened.", published="2024-06-07"),
        _article("c", "The summit opened.", published="2024-06-08"),
    )
    later = _fact("f1", "The leaders signed a pact on Friday.", ("b", "c"))
    known = Fact("f2", "The pact was first drafted in 2020.", ("b", "c"), (Evidence("b", "drafted in 2020"),))
    framing = frame_articles(Story("s", articles), (later, known), {a.id: a.id for a in articles})
    assert framing[0].omits == ("f2",)


def test_omits_counts_only_news_articles_as_sources():
    articles = (
        _article("a", "The bridge collapsed."),
        _article("b", "The bridge collapsed."),
        Article("wall", "Sign in to read.", kind="sign-in page"),
        Article("wall2", "Sign in to read.", kind="sign-in page"),
    )
    facts = (_fact("f1", "Subscribers get full access.", ("wall", "wall2")),)
    framing = frame_articles(Story("s", articles), facts, {a.id: a.id for a in articles})
    assert framing[0].omits == ()


def test_an_adverb_grading_an_adjective_judges_nothing():
    voice = own_voice("Americans feel pretty good. The troops fought brilliantly.")
    judging = {w for w, part, r in voice.words if is_evaluative(w, part, r)}
    assert "pretty" not in judging and "brilliantly" in judging


def test_an_embedded_post_and_a_claims_clause_are_not_the_outlets_own():
    text = (
        "The president wrote again on Monday.\n"
        "Our wonderful economy is booming! — Pat Doe (@patdoe) January 25, 2018\n"
        "A glorious day. A post shared by Pat Doe (@patdoe) on Jan 26, 2018 at 9:05am PST\n"
        "Critics rejected the claim that the brilliant plan worked."
    )
    words = _own_words(text)
    assert "wonderful" not in words and "brilliant" not in words and "glorious" not in words
    assert {"president", "critics", "rejected", "claim"} <= words


def test_an_attribution_inside_reported_speech_is_the_writers():
    words = _own_words(
        "Divers brought the commuters safely ashore, and doctors say every one of them is recovering well, "
        "Mayor Ilse Korven told reporters, praising the heroic rescuers."
    )
    assert {"told", "praising", "heroic"} <= words and "recovering" not in words


def test_a_judging_word_most_outlets_use_is_the_storys_not_one_outlets():
    # "brutal" stands out in "a" (three times against once), but every outlet uses it
    story = Story(
        "s",
        tuple(
            _article(i, f"The brutal storm hit the coast on Monday. {extra}" + SHARED)
            for i, extra in (
                ("a", "A sinister silence followed the brutal night and its brutal winds."),
                ("b", "Roads closed."),
                ("c", "Power failed."),
            )
        ),
    )
    framing = {f.article: f for f in frame_articles(story, (), {a.id: a.id for a in story.articles})}
    assert framing["a"].loaded_terms == ("sinister",)
    assert framing["b"].loaded_terms == ()


def test_omits_leaves_out_questions_and_quote_fragments():
    articles = tuple(_article(i, "The bridge collapsed on Tuesday.") for i in "abc")
    facts = (
        _fact("f1", "Could the city have prevented the collapse?", ("b", "c")),
        _fact("f2", "We never saw it coming, not once.”", ("b", "c")),
        _fact("f3", "The bridge had not been inspected since 2019.", ("b", "c")),
    )
    [a, *_] = frame_articles(Story("s", articles), facts, {i: i for i in "abc"})
    assert a.omits == ("f3",)


def test_a_word_that_is_all_there_is_scores_nothing_and_raises_nothing():
    # a story whose only own-voice word is the whole prior (found on a 2,000-document run)
    assert log_odds_z(Counter({"x": 1}), Counter(), Counter({"x": 1})) == {"x": 0.0}
    assert log_odds_z(Counter({"x": 2}), Counter({"x": 3}), Counter({"x": 5})) == {"x": 0.0}
