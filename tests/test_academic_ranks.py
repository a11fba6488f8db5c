"""Academic ranks: one named person given "assistant" and "associate" professor by two articles."""

from newsprism.analysis.academic_ranks import rank_conflicts
from newsprism.records import Sentence


def ranks_of(*texts: str) -> list[tuple[str, list[str]]]:
    sentences = [Sentence(f"a{n}", 0, text) for n, text in enumerate(texts)]
    return [(c.about, [s.value for s in c.sides]) for c in rank_conflicts(sentences)]


def test_one_person_given_two_ranks_is_a_conflict_in_either_shape():
    assert ranks_of(
        "said Matthew Kanan, an assistant professor of chemistry.", "Associate Professor Matthew Kanan said so."
    ) == [("academic rank of Matthew Kanan", ["assistant professor", "associate professor"])]


def test_ranks_that_may_both_hold_or_two_people_are_no_conflict():
    kanan = "said Matthew Kanan, an assistant professor of chemistry."
    # a bare or another sort of professor may be either rank
    assert ranks_of(kanan, "said Matthew Kanan, a professor of chemistry.") == []
    assert ranks_of(kanan, "said Matthew Kanan, an adjunct professor of chemistry.") == []
    # two people of one surname, and an article that gives the person both ranks
    assert ranks_of(kanan, "said Jane Kanan, an associate professor.") == []
    both = "Matthew Kanan, an associate professor, and Kanan, an assistant professor, met."
    assert ranks_of(kanan, both) == []


def test_a_degree_or_an_organisation_is_no_person():
    assert ranks_of("Jane Roe, PhD, an assistant professor, said so.", "John Doe, PhD, an associate professor.") == []
    assert (
        ranks_of(
            "Jane Roe of Stanford University, an assistant professor, said so.",
            "Joe Doe of Stanford University, an associate professor, said so.",
        )
        == []
    )
