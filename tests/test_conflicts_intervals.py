"""Conflicts over the days between two events told one after the other."""

import numpy as np

from newsprism.analysis.intervals import days_later, interval_conflicts
from newsprism.embed import EmbeddedSentences
from newsprism.records import Article, Story

CALL_A = "On May 15, the husband called the lawyer and said he wanted to meet to discuss the offer."
MEET_A = "They agreed to meet three days later, and the husband wore a recording device."
CALL_B = "Authorities were listening in when the husband called the lawyer and asked to meet about the offer."
QUOTE_B = "“I think you should find him and kick him, personally.”"
MEET_B = "The next day, the group gathered again in an office, and the husband was wearing a wire."


class TopicEmbedder:
    """Sentences about the call, about the meeting, and anything else, as three directions, so that
    the test sets which sentences are close in meaning."""

    name = "topics"
    dim = 3

    def embed(self, texts: list[str]) -> np.ndarray:
        def direction(text: str) -> list[float]:
            if "called" in text:
                return [1.0, 0.0, 0.0]
            return [0.0, 1.0, 0.0] if "meet" in text or "gathered" in text else [0.0, 0.0, 1.0]

        return np.array([direction(t) for t in texts], dtype=np.float32)


def conflicts(*articles: tuple[str, ...]) -> list[list[str]]:
    story = Story("s", tuple(Article(f"d{k}", " ".join(rows), sentences=rows) for k, rows in enumerate(articles)))
    found = interval_conflicts(EmbeddedSentences(story.sentences(), TopicEmbedder()))
    return [[side.value for side in c.sides] for c in found]


def test_days_later_reads_the_number_of_days_after_the_event_told_before():
    assert days_later("Two weeks later, he was charged.") == (14, "Two weeks later")
    assert days_later("A day later, he was charged.") == (1, "A day later")
    assert days_later("The following morning police arrived.") == (1, "The following morning")
    # vague, anchored elsewhere, or two phrases dating two events: no number of days
    assert days_later("A few days later he was charged.") is None
    assert days_later("He was charged three days later than planned.") is None
    assert days_later("The next day he left, and two days later he was back.") is None


def test_one_pair_of_events_dated_apart_by_different_days_is_a_possible_difference():
    assert conflicts((CALL_A, MEET_A), (CALL_B, QUOTE_B, MEET_B)) == [["three days later", "The next day"]]
    story = Story("s", (Article("a", "", sentences=(CALL_A, MEET_A)), Article("b", "", sentences=(CALL_B, MEET_B))))
    (conflict,) = interval_conflicts(EmbeddedSentences(story.sentences(), TopicEmbedder()))
    assert conflict.confidence == 0.5


def test_the_same_days_or_different_events_are_no_conflict():
    assert conflicts((CALL_A, MEET_A), (CALL_B, MEET_B.replace("The next day", "Three days later"))) == []
    # the sentence before the later event tells another event: its anchor is not the call
    other = "The couple reported the incident to the police in April."
    assert conflicts((CALL_A, MEET_A), (CALL_B, other, MEET_B)) == []
