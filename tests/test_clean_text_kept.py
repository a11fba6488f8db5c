"""Cleaning keeps article text that looks like boilerplate at a glance: reporting about comments, a
statistic's label that starts like a link-list header, a long quotation above a photo credit; and it
joins lines wrapped inside a sentence."""

from __future__ import annotations

from newsprism.articles.clean import clean_text


def _kept(*lines: str) -> tuple[str, ...]:
    return clean_text("\n".join(lines), find_headline=False).lines


def test_declining_to_comment_is_reporting() -> None:
    line = "A spokesman refused to comment on the new guidelines, and hung up when asked about climate change."
    assert line in _kept("The standards were adopted on Tuesday.", line)


def test_the_comment_section_rules_still_go() -> None:
    assert _kept("The standards were adopted.", "Comments are welcome, but please read our guidelines first.") == (
        "The standards were adopted.",
    )


def test_a_statistic_is_no_most_read_header() -> None:
    kept = _kept("Most Popular Month to Get Married: June (15%) followed by October (14%)", "Most read in world news")
    assert kept == ("Most Popular Month to Get Married: June (15%) followed by October (14%)",)


def test_a_long_quotation_above_a_photo_credit_is_not_a_caption() -> None:
    quote = (
        "“When I hear our names, I can’t believe I’m living this dream here in this country. And to be able to "
        "have a show like this and my work to be playing with these people, I mean playing my character, I mean "
        "it’s a dream. So even though Julie keeps winning all my awards, I am still very happy and I will still "
        "keep coming.” — Sofia Vergara, on what the win means to her"
    )
    caption = "Sofia Vergara at the Emmys on Sunday"
    kept = _kept("The show won again.", quote, "Source: Getty Images", caption, "Source: Getty Images")
    assert quote in kept and caption not in kept


def test_lines_wrapped_inside_a_sentence_are_joined() -> None:
    kept = _kept(
        "The guidelines were unveiled at a time when climate change has become",
        "a flashpoint for conservative groups, said Frank Niepold,",
        "who was involved in the effort.",
        "The sanctions include:",
        "a freeze on the assets of the central bank",
        "a ban on cargo flights",
    )
    assert kept == (
        "The guidelines were unveiled at a time when climate change has become a flashpoint for conservative "
        "groups, said Frank Niepold, who was involved in the effort.",
        "The sanctions include:",
        "a freeze on the assets of the central bank",
        "a ban on cargo flights",
    )
