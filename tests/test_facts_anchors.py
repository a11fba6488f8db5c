"""Facts link sentences far apart as wholes by what they share of one claim, and never by words one denies."""

from newsprism.analysis.claims import contradicted, figures, measures, predicate
from newsprism.analysis.facts import FactsConfig

from .test_facts import facts_of, reported_facts

# Sentences about other things, so that the story's common words weigh little and its rare words much.
FILLER = {
    "a": [
        "Comey had led the bureau since 2013.",
        "Senators asked the White House for documents.",
        "The hearing was set for next week.",
    ],
    "b": [
        "The president spoke to reporters at the White House.",
        "Lawmakers returned to Washington on Monday.",
        "The committee has not scheduled a vote.",
    ],
}


def story(a: str, b: str) -> dict[str, list[str]]:
    return {"a": [a, *FILLER["a"]], "b": [b, *FILLER["b"]]}


MUELLER = "Former FBI Director Robert Mueller is now leading the probe as a special counsel."
FIRED = (
    "Trump fired Comey May 9 amid questions about the FBI's investigation, which is now being overseen by "
    "special counsel Robert Mueller, a former FBI director."
)


def test_a_claim_contained_in_a_clause_of_a_longer_sentence_is_one_fact():
    # cosine 0.40 is far under the fact similarity, but the short sentence's rare words are all in the long one
    assert facts_of(story(MUELLER, FIRED), {(MUELLER, FIRED): 0.40}) == [sorted([MUELLER, FIRED])]
    assert facts_of(story(MUELLER, FIRED), {(MUELLER, FIRED): 0.40}, FactsConfig(contained_margin=0.0)) == []


WEIGHS = "It weighs 17 pounds, so they better be strong."
SLATE = "The gigantic slate is thin, but it weighs 17 pounds, so its viability as a tablet will vary."


def test_one_figure_with_the_word_it_counts_links_two_sentences():
    loose = FactsConfig(contained_margin=0.0)
    assert facts_of(story(WEIGHS, SLATE), {(WEIGHS, SLATE): 0.35}, loose) == [sorted([WEIGHS, SLATE])]
    assert (
        facts_of(story(WEIGHS, SLATE), {(WEIGHS, SLATE): 0.35}, FactsConfig(contained_margin=0.0, measure_margin=0.0))
        == []
    )


def test_a_clock_time_is_not_a_measure():
    assert measures("The call came at 12:49 p.m. from 3 people.") == {"3 people"}
    pm, am = "Police took the call at 12:49 p.m. on Sunday.", "Police took the call at 12:49 a.m. on Sunday."
    assert facts_of(story(pm, am), {(pm, am): 0.40}, FactsConfig(contained_margin=0.0)) == []


NOT_CHARGED = "Pasztor has not been charged with Macomber's death."
CHARGED = "Pasztor faces two charges of murder."


def test_a_sentence_denying_what_another_states_is_not_one_fact_with_it():
    assert contradicted(NOT_CHARGED, CHARGED) == {"charg"}
    assert contradicted("The swimmers failed to return.", "The swimmers didn't return.") == frozenset()
    assert facts_of(story(NOT_CHARGED, CHARGED), {(NOT_CHARGED, CHARGED): 0.61}) == []


def test_a_figure_keeps_its_scale():
    assert not figures("Retailers made $3 million in sales.") & figures("They make two of every three purchases.")
    assert figures("$1.2 million") == {"1200000"}


def test_a_code_is_a_name_not_a_figure_and_twice_is_two():
    # "K-9" and "MH370" count nothing: a sentence naming them gives no figure another could contradict
    assert figures("State police sent out a K-9 unit to search for flight MH370 and the AR-15.") == frozenset()
    assert figures("The Core i5 model costs $1,699 from mid-2016; the pieces were 2m to 15m long.") == {
        "1699",
        "2016",
        "2",
        "15",
    }
    assert figures("He climbed Mount Everest twice.") == figures("He made two climbs of Everest.") == {"2"}
    dispatched = "The Coast Guard dispatched a helicopter, plane and boat, and police sent out a K-9 unit."
    boats = "The Coast Guard dispatched the helicopter from Cape Cod and two 27-foot boats."
    # no figure of the first sentence disagrees with the second's: linked as one fact without more
    assert facts_of(story(dispatched, boats), {(dispatched, boats): 0.6}) == [sorted([dispatched, boats])]


DIRECTED = "Directed by Fede Alvarez."
DIRECTOR = "The director, Fede Alvarez, approaches the creaky material with a straight face."


def test_sentences_sharing_only_names_are_linked_only_when_close():
    assert predicate(DIRECTED) & predicate(DIRECTOR) == frozenset()
    assert facts_of(story(DIRECTED, DIRECTOR), {(DIRECTED, DIRECTOR): 0.55}) == []
    assert facts_of(story(DIRECTED, DIRECTOR), {(DIRECTED, DIRECTOR): 0.70}) == [sorted([DIRECTED, DIRECTOR])]


ARRAIGNED = (
    "The attorney was arraigned Wednesday on charges of obstruction of justice and witness intimidation for "
    "telling a rape victim she risked deportation."
)
WARNED = "He warned the victim she risked deportation if she testified."
CHARGES = "Vasiliades faces a litany of charges, including obstruction of justice and witness intimidation."


CHARGED_TOO = "Prosecutors charged Vasiliades with obstruction of justice and witness intimidation."


def test_a_clause_another_article_shares_with_a_long_sentence_is_a_fact_of_its_own():
    # the long sentence seeds a fact with its closest counterpart (the warning), the charges sentence one with
    # a third article; the charges the long sentence shares with it are a fact of their own, not lost
    articles = {
        "a": [CHARGES, WARNED, *FILLER["a"], "The weather was mild.", "Traffic was light downtown."],
        "b": [ARRAIGNED, *FILLER["b"], "The court building reopened.", "Parking was scarce."],
        "c": [CHARGED_TOO, "The judge set no date.", "Reporters waited outside.", "Rain fell all day."],
    }
    pairs = {(ARRAIGNED, WARNED): 0.70, (ARRAIGNED, CHARGES): 0.36, (CHARGES, CHARGED_TOO): 0.8}
    facts = facts_of(articles, pairs, FactsConfig(contained_weight=8.0))  # a short story's words weigh less
    assert sorted([ARRAIGNED, WARNED]) in facts
    assert sorted([ARRAIGNED, CHARGES]) in facts


FOUND = "Police eventually found Frank's body the following day in a wooded area."
SHOT = "Macomber, 65, was found fatally shot in a wooded area in Fort Wayne the day after Pasztor was arrested."


def test_a_claim_sharing_a_third_of_its_rare_words_with_a_clause_is_contained_in_it():
    jail = ["The mother spoke to a reporter from jail.", "She had abducted the children from their grandparents."]
    alert = ["An Amber Alert was issued that night.", "The coroner ruled both deaths homicides."]
    murder = ["Pasztor faces two charges of murder.", "She drove a stolen car to the police department."]
    car = ["Officers found the children in the back seat.", "The sheriff said the crime was never solved."]
    articles = {
        "a": [FOUND, *jail, *alert, "Her lawyer declined to comment."],
        "b": [SHOT, *murder, *car, "A hearing is set for next month."],
    }
    short = FactsConfig(contained_weight=6.0)  # a short story's words weigh less
    assert facts_of(articles, {(FOUND, SHOT): 0.40}, short) == [sorted([FOUND, SHOT])]
    assert facts_of(articles, {(FOUND, SHOT): 0.40}, FactsConfig(contained_weight=6.0, contained_share=0.4)) == []


ACT = "A ruling on the Harbour Act 1977 means the fees charged this year are void."
SECTION = "Lawyers for the port said Section 4 of the 1977 Act gives ministers wide powers."
LEFT = "Records show she left the agency in July 2016 after the audit."
DEPARTED = "She departed in July 2016, a month before the report came out, officials said."


def test_a_year_and_a_name_are_not_one_claim_but_a_shared_date_is():
    # cosine 0.45: below the fact similarity, within the margin of one figure and one name
    assert facts_of(story(ACT, SECTION), {(ACT, SECTION): 0.45}) == []
    assert facts_of(story(LEFT, DEPARTED), {(LEFT, DEPARTED): 0.45}) == [sorted([LEFT, DEPARTED])]


def test_the_clause_a_long_sentence_shares_stays_a_fact_of_its_own_in_the_report():
    # the pair is stated by its clause, the charges, not by the long sentence: the long sentence's own fact
    # (with the warning) and the charges are two facts, the charges not joined to the warning
    articles = {
        "a": [ARRAIGNED, *FILLER["b"], "The court building reopened.", "Parking was scarce."],
        "b": [CHARGES, WARNED, *FILLER["a"], "The weather was mild.", "Traffic was light downtown."],
        "c": [CHARGED_TOO, "The judge set no date.", "Reporters waited outside.", "Rain fell all day."],
    }
    pairs = {(ARRAIGNED, WARNED): 0.70, (ARRAIGNED, CHARGES): 0.36, (CHARGES, CHARGED_TOO): 0.8}
    facts = reported_facts(articles, pairs, FactsConfig(contained_weight=8.0))
    assert not any(CHARGES in fact and WARNED in fact for fact in facts)
    assert any(CHARGES in fact and ARRAIGNED in fact for fact in facts)
