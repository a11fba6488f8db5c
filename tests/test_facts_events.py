"""Facts link sentences far apart as wholes that tell one event: one value hung from one verb, or one verb
taking one word in one role, done by the same one; never an event told in a clause, nor two times."""

import pytest

from newsprism.analysis.claim_events import event_keys, frames, same_frame, values
from newsprism.analysis.doc_cache import shared
from newsprism.analysis.facts import FactsConfig

from .test_facts import facts_of

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

FILLER = {
    "a": ["The wedding was held at a beach resort.", "Guests called the police.", "The bride was not hurt."],
    "b": ["The groom spoke to reporters.", "The resort declined to comment.", "A hearing is set for next month."],
}


def story(a: str, b: str) -> dict[str, list[str]]:
    return {"a": [a, *FILLER["a"]], "b": [b, *FILLER["b"]]}


ARRESTED = "Shelby McDowell, 20, was arrested Sunday night after she showed up uninvited to the party."
WOMAN = "A 20-year-old woman was arrested Sunday night after crashing a stranger's celebration."


def test_values_are_figures_weekdays_and_days_of_a_month():
    # a clock time is a moment and a code a name: neither is a value here
    assert sorted(values("Sales start Feb. 14, three days after Monday's 12:49 p.m. call from MH370.")) == [
        ("14", "14"),
        ("3", "three"),
        ("february 14", "Feb. 14"),
        ("monday", "Monday"),
    ]


@needs_parser
def test_a_value_is_keyed_by_the_verb_it_hangs_from_and_a_clause_is_not_the_claim():
    keys, mains = event_keys(ARRESTED)
    assert "arrest sunday" in keys and "arrest sunday" in mains
    # "said Monday" tells when someone spoke, not what happened
    assert event_keys("Police said Monday that the roads were closed.")[0] == frozenset()
    # killing is told in a clause: the sentence claims the hearing
    keys, mains = event_keys("Pasztor, the woman who killed her two children, was scheduled for a hearing.")
    assert "kill 2" in keys and "kill 2" not in mains


@needs_parser
def test_one_value_hung_from_one_verb_is_one_fact_far_apart_as_wholes():
    assert facts_of(story(ARRESTED, WOMAN), {(ARRESTED, WOMAN): 0.25}) == [sorted([ARRESTED, WOMAN])]
    assert facts_of(story(ARRESTED, WOMAN), {(ARRESTED, WOMAN): 0.25}, FactsConfig(event_margin=0.3)) == []


RESCUED = "The U.S. Coast Guard rescued a 58-year-old man off Crane Beach."
HACKETT = "The U.S. Coast Guard and a team of firefighters eventually rescued Hackett, officials reported."
CONCERN = "The White House expressed concern about the growing ties."
OFFICIALS = "South Korean officials expressed concern in comments to a newspaper."
TRAVEL = "Russian President Vladimir Putin will travel to North Korea on Tuesday."
TRAVELED = "The Russian president traveled to Pyongyang in 2000 to meet Kim Jong Il."


@needs_parser
def test_a_frame_is_a_main_verb_with_who_does_it_and_what_it_takes():
    verbs = {verb: (who, what) for verb, who, what in frames(RESCUED)}
    assert "guard" in verbs["rescue"][0] and "what man" in verbs["rescue"][1]
    assert any(verb == "not charge" for verb, _, _ in frames("Pasztor has not been charged with murder."))


@needs_parser
def test_one_verb_done_by_one_subject_is_one_event_and_other_subjects_are_not():
    assert same_frame(RESCUED, HACKETT)
    assert not same_frame(CONCERN, OFFICIALS)  # two who expressed concern
    assert not same_frame("Pasztor has not been charged with murder.", "Pasztor was charged with murder.")


@needs_parser
def test_one_event_in_other_words_is_one_fact_and_two_times_are_two_events():
    assert facts_of(story(RESCUED, HACKETT), {(RESCUED, HACKETT): 0.4}) == [sorted([RESCUED, HACKETT])]
    assert facts_of(story(RESCUED, HACKETT), {(RESCUED, HACKETT): 0.4}, FactsConfig(frame_margin=0.2)) == []
    # the same verb and traveller, on Tuesday and in 2000: two journeys
    assert same_frame(TRAVEL, TRAVELED)
    assert facts_of(story(TRAVEL, TRAVELED), {(TRAVEL, TRAVELED): 0.4}) == []


@needs_parser
def test_a_value_hung_from_a_verb_of_a_clause_in_both_is_not_one_fact():
    hearing = "Pasztor, the woman who killed her two children, was scheduled for a hearing."
    alert = "The mother accused of killing her two children said she heard the alert."
    assert "kill 2" in event_keys(hearing)[0] & event_keys(alert)[0]
    assert facts_of(story(hearing, alert), {(hearing, alert): 0.25}) == []


@needs_parser
def test_a_news_verb_and_its_synonym_tell_one_event():
    halted = "High winds and icy weather halted search flights on Thursday."
    suspended = "Searches by planes were suspended on Thursday because of poor visibility."
    assert event_keys(halted)[0] & event_keys(suspended)[0] == {"halt thursday"}
    assert facts_of(story(halted, suspended), {(halted, suspended): 0.3}) == [sorted([halted, suspended])]


@needs_parser
def test_a_pair_telling_one_event_stands_as_a_fact_of_its_own_even_when_close():
    from newsprism.analysis.facts import DEFAULT, _link_sentences
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Article, Story

    from .test_facts import PairsEmbedder

    articles = story(ARRESTED, WOMAN)
    built = Story("s", tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in articles.items()))
    links = _link_sentences(EmbeddedSentences(built.sentences(), PairsEmbedder({(ARRESTED, WOMAN): 0.7})), DEFAULT)
    rows = [s.text for s in built.sentences()]
    i, j = rows.index(ARRESTED), rows.index(WOMAN)
    assert links.linked[i, j] and links.anchored[i, j]


def test_events_dated_years_apart_are_two_facts_however_alike():
    from newsprism.analysis.facts import final_facts, group_facts
    from newsprism.embed import EmbeddedSentences
    from newsprism.records import Article, Story

    from .test_facts import PairsEmbedder

    travel = "The Russian president will travel to Pyongyang on Tuesday at the invitation of Kim."
    for other, joined in (
        ("The Russian president traveled to Pyongyang in 2000 at the invitation of Kim's father.", False),
        ("The Russian president travels to Pyongyang this week, in June 2024, at the invitation of Kim.", True),
    ):
        story = Story(
            "s",
            (
                Article("a", travel, sentences=(travel,), published="2024-06-17"),
                Article("b", other, sentences=(other,)),  # undated: read against the story's earliest day
            ),
        )
        embedded = EmbeddedSentences(story.sentences(), PairsEmbedder({(travel, other): 0.95}))
        reported = final_facts(group_facts(story, embedded), (), embedded, story=story)
        assert any(len(f.sources) > 1 for f in reported) is joined
