"""Facts join sentences that state one claim, and every two sentences of a fact state it to each other."""

import numpy as np
import pytest

from newsprism.analysis.claims import ClaimWords, figures, states_claim
from newsprism.analysis.facts import DEFAULT, FactsConfig, final_facts, group_facts
from newsprism.embed import EmbeddedSentences
from newsprism.records import Article, Story


class PairsEmbedder:
    """Vectors with set cosines for set pairs of sentences; every other sentence far from all."""

    name, dim, align_similarity, fact_similarity, story_similarity = "pairs", 64, 0.75, 0.65, 0.3

    def __init__(self, pairs: dict[tuple[str, str], float]) -> None:
        self.vectors: dict[str, np.ndarray] = {}
        axis = 0
        for (x, y), cosine in pairs.items():
            if x not in self.vectors:
                self.vectors[x] = np.eye(self.dim)[axis]
                axis += 1
            self.vectors[y] = cosine * self.vectors[x] + np.sqrt(1 - cosine**2) * np.eye(self.dim)[axis]
            axis += 1
        self.next = axis

    def embed(self, texts: list[str]) -> np.ndarray:
        for text in texts:
            if text not in self.vectors:
                self.vectors[text] = np.eye(self.dim)[self.next]
                self.next += 1
        return np.array([self.vectors[t] for t in texts], dtype=np.float32)


def facts_of(articles: dict[str, list[str]], pairs: dict[tuple[str, str], float], config: FactsConfig = DEFAULT):
    story = Story("s", tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in articles.items()))
    embedded = EmbeddedSentences(story.sentences(), PairsEmbedder(pairs))
    return [sorted(e.sentence for e in f.evidence) for f in group_facts(story, embedded, config) if len(f.sources) > 1]


def reported_facts(articles: dict[str, list[str]], pairs: dict[tuple[str, str], float], config: FactsConfig = DEFAULT):
    """The facts of several sources as the report gives them: grouped, then trimmed with no conflict."""
    story = Story("s", tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in articles.items()))
    embedded = EmbeddedSentences(story.sentences(), PairsEmbedder(pairs))
    found = final_facts(group_facts(story, embedded, config), (), embedded)
    return [sorted(e.sentence for e in f.evidence) for f in found if len(f.sources) > 1]


MARRIED = "Kushner is married to Ivanka, the president's daughter."
WIFE = "Kushner's wife Ivanka is the president's daughter."
LAWYER = "Kushner has hired a lawyer."
INVESTIGATORS = "Kushner spoke to investigators on Thursday."
KUSHNER = {
    "a": ["Kushner met the Russian ambassador in December.", MARRIED, "Kushner will cooperate with Congress.", LAWYER],
    "b": [WIFE, INVESTIGATORS, "Kushner sold his stake in the company."],
}


def test_a_claim_in_other_words_is_one_fact_by_its_rare_words():
    # cosine 0.45 alone is far under the fact similarity; "Ivanka", "president", "daughter" are rare
    assert facts_of(KUSHNER, {(MARRIED, WIFE): 0.45}) == [sorted([MARRIED, WIFE])]
    assert facts_of(KUSHNER, {(MARRIED, WIFE): 0.45}, FactsConfig(claim_score=0.6)) == []


def test_sentences_sharing_only_the_story_subject_are_not_one_fact():
    # close, and "Kushner" is a third of the lawyer sentence's words, but every sentence names him
    assert facts_of(KUSHNER, {(LAWYER, INVESTIGATORS): 0.7}) == []
    loose = FactsConfig(claim_score=0.0, few_words_margin=0.0)  # nor is sharing one name few words of a claim
    assert facts_of(KUSHNER, {(LAWYER, INVESTIGATORS): 0.7}, loose) != []


def test_sentences_giving_other_figures_need_more_to_be_one_fact():
    four_days = "The first 4 days of legal sales brought in $3 million."
    four_states = "Nevada is one of 4 states with legal sales."
    five_states = "Nevada is one of 5 states with legal sales."
    articles = {"a": [four_days, "Lines were long."], "b": [four_states, "Stores ran out."]}
    # the same figure: linked at this cosine
    assert facts_of(articles, {(four_days, four_states): 0.6}) == [sorted([four_days, four_states])]
    articles["b"][0] = five_states
    assert facts_of(articles, {(four_days, five_states): 0.6}) == []
    assert facts_of(articles, {(four_days, five_states): 0.6}, FactsConfig(other_figures=0.0)) != []


def test_an_appeal_to_readers_states_no_claim():
    found = "Perez was located at a residence in Elkhart on Monday."
    appeal = "If you saw Perez at a residence in Elkhart on Monday, call police."
    articles = {"a": [found], "b": [appeal]}
    assert facts_of(articles, {(found, appeal): 0.8}) == []
    stated = "Police located Kristian Perez at a residence on Monday."
    assert facts_of({"a": [found], "b": [stated]}, {(found, stated): 0.8}) == [sorted([found, stated])]


def test_the_writers_question_and_a_bare_label_state_no_claim():
    named = "Kroll was named chief executive of the quiz app in 2018."
    for empty in ("Can Kroll succeed as chief executive?", "'Kroll'", "Dana Kroll (Photo: Provided by the company)"):
        assert facts_of({"a": [named], "b": [empty]}, {(named, empty): 0.8}) == [], empty
    headline = "Kroll Named Chief Executive Of Quiz App"
    assert facts_of({"a": [named], "b": [headline]}, {(named, headline): 0.8}) == [sorted([named, headline])]
    told = "Kroll became the quiz app's chief executive, but can he save it?"
    assert facts_of({"a": [named], "b": [told]}, {(named, told): 0.8}) == [sorted([named, told])]


def test_every_two_sentences_of_a_fact_are_linked_not_only_to_its_seed():
    seed = "Nevada voters approved legal recreational marijuana sales in November."
    colorado = "Colorado legalized recreational marijuana sales nine months before the report."
    alcohol = "Alcohol distributors won rights to marijuana sales for 18 months after voters approved it."
    other = ["Lines were long.", "Stores ran out of pot.", "Prices rose at the weekend."]
    articles = {"a": [seed, other[0]], "b": [colorado, other[1]], "c": [alcohol, other[2]]}
    pairs = {(seed, colorado): 0.75, (seed, alcohol): 0.7}  # colorado and alcohol: cosine 0.525
    facts = facts_of(articles, pairs)
    assert sorted([seed, colorado]) in facts
    assert not any(colorado in f and alcohol in f for f in facts)


def test_claims_read_figures_words_and_appeals():
    assert figures("It happened at 12:49 a.m.") != figures("It happened at 12:49 p.m.")
    assert figures("nine months later, 18 people") == {"9", "18"}
    assert not states_claim("Anyone with information should call 911.")
    assert not states_claim("Will he shoulder the blame when the market falls?")
    assert states_claim("Trump takes credit for a rising market, but will he shoulder the blame?")
    story = ["Kushner met Kislyak.", "Kushner met Gorkov.", "Kushner married Ivanka.", "Kushner wed Ivanka."]
    words = ClaimWords(story)
    assert words.shared(0, 2)[0] < 0.1  # only the story's subject
    assert words.shared(2, 3)[0] > 0.3


def test_a_fact_is_stated_in_the_words_without_one_outlets_labels():
    from newsprism.analysis.facts import _fact
    from newsprism.records import Sentence

    labelled = Sentence("a", 0, "The president met then-dictator Kim Jong-il in Pyongyang in 2000.")
    plain = Sentence("b", 0, "In 2000 the president met Kim Jong-il in Pyongyang.")
    fact = _fact("f1", [0, 1], [labelled, plain], {"a": 0, "b": 1})
    assert fact.text == plain.text and fact.sources == ("a", "b")


def test_a_photo_caption_is_no_fact_and_the_reporting_beside_it_still_is():
    lines = "People lined up at the NuLeaf marijuana dispensary in Las Vegas on Saturday."
    caption = "In this Saturday, July 1, 2017, photo, people line up at the NuLeaf marijuana dispensary in Las Vegas."
    told = "Long lines formed outside the NuLeaf marijuana dispensary in Las Vegas on Saturday."
    articles = {"a": [lines, "Sales began at midnight."], "b": [caption, "(Photo: AP file)"], "c": [told]}
    pairs = {(lines, caption): 0.9, (lines, told): 0.9, (caption, told): 0.85}
    assert facts_of(articles, pairs) == [sorted([lines, told])]
    story = Story("s", tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in articles.items()))
    every = group_facts(story, EmbeddedSentences(story.sentences(), PairsEmbedder(pairs)))
    told_anywhere = {e.sentence for f in every for e in f.evidence}
    assert caption not in told_anywhere and "(Photo: AP file)" not in told_anywhere
    assert "Sales began at midnight." in told_anywhere


def test_pairs_read_at_once_share_what_each_pair_shares():
    story = ["Kushner met Kislyak in December.", "Kushner met Gorkov.", "Kushner married Ivanka in 2009.", "Oh!"]
    story += ["Kushner wed Ivanka Trump in 2009.", "Kislyak and Gorkov met Kushner in Moscow in December."]
    words = ClaimWords(story)
    first, second = np.triu_indices(len(story), 1)
    share, weight = words.shared_at_most(first, second)
    one_by_one = np.array([words.shared(int(i), int(j)) for i, j in zip(first, second, strict=True)])
    assert np.allclose(share, one_by_one[:, 0], rtol=0, atol=1e-12)
    assert np.allclose(weight, one_by_one[:, 1], rtol=0, atol=1e-12)
    assert (weight > 0).sum() >= 5 and (weight == 0).sum() >= 5
    counts = [len(words.stems[i] & words.stems[j]) for i, j in zip(first, second, strict=True)]
    assert words.shared_counts(first, second).tolist() == counts and max(counts) >= 3


@pytest.mark.parametrize("config", [DEFAULT, FactsConfig(contained_share=1.0, measure_share=1.0)])
def test_pairs_set_aside_for_sharing_too_little_are_none_the_pair_by_pair_reading_links(monkeypatch, config):
    import random

    from newsprism.analysis import facts
    from newsprism.embed.hashing import HashingEmbedder

    vocabulary = "police arrested charged men women court judge fire city council vote tax bill school".split()
    vocabulary += "Paris Berlin Smith Jones on Monday Tuesday the a of in and said 12 40 three".split()
    chance = random.Random(7)

    def sentence() -> str:
        return " ".join(chance.choice(vocabulary) for _ in range(chance.randint(4, 12))).capitalize() + "."

    articles = [[sentence() for _ in range(30)] for _ in range(8)]
    story = Story("s", tuple(Article(str(n), " ".join(s), sentences=tuple(s)) for n, s in enumerate(articles)))
    embedded = EmbeddedSentences(story.sentences(), HashingEmbedder())
    read = facts._link_sentences(embedded, config)
    kept: list[int] = []

    def every_pair(candidates, *_):
        for rows, columns in candidates:
            kept.append(len(rows))
            yield from zip(rows.tolist(), columns.tolist(), strict=True)

    monkeypatch.setattr(facts, "may_link", every_pair)
    every = facts._link_sentences(embedded, config)
    for field in ("linked", "anchored", "worded"):
        assert (getattr(read, field) == getattr(every, field)).all()
    assert every.linked.sum() > 20
    linked_by_score = int(np.triu(every.linked).sum())
    assert sum(kept) > 2 * linked_by_score  # most candidates were set aside, and none that links


def test_a_phrase_folds_as_its_two_words_fold():
    """distinctive_phrases folds each word once: a phrase's words are its first's and its second's."""
    from itertools import pairwise

    from newsprism.text.tokens import WORD, words

    text = "Café’s ΟΔΟΣ Σήμερα naïve ﬁnance Jong-un’s X² 1,200 Zürich's ÉLAN"
    tokens = WORD.findall(text)
    assert len(tokens) >= 9
    for first, second in pairwise(tokens):
        assert words(f"{first} {second}") == words(first) + words(second)


def test_a_caption_printed_again_bare_after_its_credit_is_no_fact():
    credited = "Ann Roe / For The Times Jo Lee wears red shoes at a news conference about the shooting."
    bare = "Jo Lee wears red shoes at a news conference about the shooting."
    told = "Jo Lee wore red shoes at the news conference about the shooting, police said."
    articles = {"a": ["The shooting happened on Monday.", credited, bare], "b": [told]}
    pairs = {(bare, told): 0.9, (credited, told): 0.9, (credited, bare): 0.95}
    assert facts_of(articles, pairs) == []


def test_two_articles_filed_from_one_place_share_no_claim_by_their_datelines():
    # two ledes filed from one base: the place's rare words would be most of what the two share
    drill = "OSAN AIR BASE, South Korea (AFNS) -- Allied forces held a command exercise across the peninsula."
    alert = "OSAN AIR BASE, South Korea — Airmen of the fighter wing live in a state of constant alert."
    articles = {"a": [drill, "Pilots flew at night."], "b": [alert, "Families waited at home."]}
    assert facts_of(articles, {(drill, alert): 0.66}) == []
    # the same two sentences further down an article, where no dateline stands, keep every word they share
    lower = {
        "a": ["Pilots flew at night.", "Crews refuelled.", "Radar ran all day.", drill],
        "b": ["Families waited at home.", "Officers briefed the press.", "Jets landed.", alert],
    }
    assert facts_of(lower, {(drill, alert): 0.66}) == [sorted([drill, alert])]
