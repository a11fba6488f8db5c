"""Which sentences a summary may take, and the position bonus that favours an article's first sentences."""

import numpy as np
import pytest

from newsprism.analysis.doc_cache import shared
from newsprism.analysis.runner import analyse_story
from newsprism.analysis.summary import centrality, lead
from newsprism.analysis.summary_fit import in_own_voice, points_back, reads_alone, speaks_of_self
from newsprism.analysis.summary_stale import reported_done
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings, SummaryConfig
from newsprism.embed import EmbeddedSentences, load_embedder
from newsprism.records import Article, RawDocument, Story

from .stories import summary_of

needs_parser = pytest.mark.skipif(shared() is None, reason="needs spaCy and an English model")

LEDE = "Floodwaters receded from the town of Kestrel on Sunday after three days of rain."
LATER = (
    "County engineers began inspecting the failed levee near the old mill on Monday morning with the mayor "
    "and two state inspectors from the capital."
)


def test_wire_captions_and_picture_labels_are_not_sentences():
    assert not reads_alone(
        "Icicles form on the tritons in the Forsyth Park Fountain on Tuesday, Jan. 2, 2018, in Savannah, Ga."
    )
    assert not reads_alone("A child looks at the floral tributes after a vigil in London, Monday, June 5, 2017.")
    assert not reads_alone("Image copyright Met Police Image caption Attackers Khuram Butt (left) and Rachid Redouane.")
    # prose names a recent day by its weekday, an older one by its date
    assert reads_alone("The council closed the pier on Monday after engineers found cracks.")
    assert reads_alone("The pier was closed on June 5, 2017, after engineers found cracks.")


def test_first_person_outside_quotations_is_the_writers_own_account():
    assert in_own_voice("After hearing this, I decided I needed to see the situation for myself.")
    assert in_own_voice("To me, lying to someone you love is the utmost betrayal.")
    assert not in_own_voice("“I never intended for there to be a scene,” McDowell told deputies.")
    assert not in_own_voice("The veterans of World War I were honoured in Paris.")
    assert not in_own_voice("Queen Elizabeth I was crowned in 1559.")


def test_a_quotation_credited_to_a_pronoun_points_back():
    assert points_back("“Please come to the roof now,” he said, according to the police.")
    assert points_back('"Call the police," she told officers.')
    assert not points_back("“Please come to the roof now,” Shawn Smith said, according to the police.")


def article(doc_id: str, filler: str) -> RawDocument:
    sentences = [LEDE, *(f"{filler} item number {n} was listed in the local paper that week." for n in range(4)), LATER]
    return RawDocument(doc_id, "record", " ".join(sentences), id=doc_id)


def test_an_articles_first_sentences_gain_a_bonus():
    pipeline = Pipeline()
    story = Story("s", (pipeline.run(article("a", "Gardening")), pipeline.run(article("b", "Sailing"))))
    embedder = load_embedder("hashing")[0]

    def first(**settings: float) -> str:
        # per word to the power 0.8 and without the centre's pull, the later sentence gains more
        summary = SummaryConfig(words=10, length_power=0.8, centrality_power=0.0, **settings)
        analysis = analyse_story(story, embedder, Settings(summary=summary))
        return analysis.summary[0].text

    # the later sentence shares more with the other source; the lede, first told, outweighs it
    assert first() == LEDE
    assert first(position_bonus=0.0, position_tail=0.0) == LATER


def test_the_position_bonus_fades_slowly_past_the_lede():
    # an article's tenth sentence still tells more of the story than its thirtieth: a third more weight,
    # where the lede's bonus alone hardly tells them apart
    assert lead(10) / lead(30) > 1.3
    assert lead(10, SummaryConfig(position_tail=0.0)) / lead(30, SummaryConfig(position_tail=0.0)) < 1.05
    assert lead(0) > lead(3) > lead(10) > lead(30) > 1.0


def test_we_outside_quotations_is_the_outlet_speaking_for_itself():
    assert in_own_voice("If you happen to live there, we'd definitely love to hear what it tastes like.")
    assert in_own_voice("Our reporter was at the scene.")
    assert not in_own_voice("“We will rebuild the pier,” the mayor said.")
    assert not in_own_voice("US officials said the pier would reopen.")


class Same:
    """Every text at one point: any two sentences are as close as can be."""

    name, dim, align_similarity, fact_similarity, story_similarity = "same", 2, 0.8, 0.7, 0.3

    def embed(self, batch: list[str]) -> np.ndarray:
        return np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(batch), 1))


def embedded_story(**texts: list[str]) -> EmbeddedSentences:
    articles = tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in texts.items())
    return EmbeddedSentences(Story("s", articles).sentences(), Same())


def test_an_announcement_the_coverage_reports_done_is_overtaken():
    ahead = "North Korea confirmed on Monday that Putin is expected to arrive in Pyongyang for a two-day visit."
    done = "Russian President Vladimir Putin has arrived in North Korea for a two-day visit."
    assert reported_done(ahead, embedded_story(a=[ahead], b=[done]))
    # nothing says it happened: the announcement stands
    assert not reported_done(ahead, embedded_story(a=[ahead], b=["Putin will arrive in North Korea on Tuesday."]))
    # another verb, or someone else, is another event
    assert not reported_done(ahead, embedded_story(a=[ahead], b=["Putin has left Moscow for a two-day trip."]))
    assert not reported_done(ahead, embedded_story(a=[ahead], b=["Xi has arrived in North Korea for a visit."]))


def test_an_announcement_in_a_side_clause_is_overtaken_by_the_event_under_way():
    # the seed story: Monday's list of who "will accompany" Putin on "the upcoming trip", once the coverage
    # tells them accompanying him
    ahead = (
        "A senior aide, Yuri Ushakov, has outlined the upcoming trip, stating that Putin will be accompanied by "
        "Foreign Minister Sergei Lavrov and Defense Minister Andrei Belousov."
    )
    done = "Accompanying Putin are key figures including Defense Minister Andrei Belousov and Sergei Lavrov."
    assert reported_done(ahead, embedded_story(a=[ahead], b=[done]))
    # still ahead in the other report, or under way for someone the announcement does not name
    assert not reported_done(ahead, embedded_story(a=[ahead], b=["Putin will be accompanied by Lavrov."]))
    assert not reported_done(ahead, embedded_story(a=[ahead], b=["Accompanying Xi are Wang Yi and Li Qiang."]))
    # a gerund tells nothing under way
    hoping = "Lavrov and Belousov said they were glad about accompanying Putin, a Kremlin aide said."
    assert not reported_done(ahead, embedded_story(a=[ahead], b=[hoping]))


def test_sentences_nearer_the_stories_centre_weigh_more():
    class Angles:
        name, dim, align_similarity, fact_similarity, story_similarity = "angles", 2, 0.8, 0.7, 0.3

        def embed(self, batch: list[str]) -> np.ndarray:
            angles = [0.0 if "pier" in t else np.pi / 2 for t in batch]
            return np.array([[np.cos(a), np.sin(a)] for a in angles], dtype=np.float32)

    pier, aside = "The pier closed on Monday.", "A bakery gave out soup."
    texts = {"a": [pier, "The pier had cracks."], "b": [pier], "c": [pier, aside]}
    articles = tuple(Article(a, " ".join(s), sentences=tuple(s)) for a, s in texts.items())
    embedded = EmbeddedSentences(Story("s", articles).sentences(), Angles())
    near, far = centrality(embedded.vectors_of([pier, aside]), embedded, 1.0)
    assert near > 0.9 and far < 0.5
    assert list(centrality(embedded.vectors_of([pier, aside]), embedded, 0.0)) == [1.0, 1.0]


def test_an_apostrophe_for_left_out_letters_opens_no_quotation() -> None:
    """A decade or an elision is no quotation cut from a longer one; a quotation opened and never
    closed still is."""
    from newsprism.analysis.summary_fit import reads_alone

    assert reads_alone("Prodigy, one-half of the legendary '90s rap group Mobb Deep, died Tuesday at age 42.")
    assert reads_alone("I had surgeries 'cause of combat injuries, Serna said.")
    assert reads_alone("Police reports show a history of violence between Jordan 's parents.")
    assert not reads_alone("They had the mindset that 'you can come if you want, you can leave if you want.")


def test_an_embedded_posts_signature_is_no_sentence() -> None:
    from newsprism.analysis.summary_fit import reads_alone

    assert not reads_alone(
        "Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT."
    )
    assert not reads_alone("Sad day — Donald J. Trump (@realDonaldTrump) August 3, 2017")


def test_a_reviews_credits_lines_are_not_sentences():
    assert not reads_alone("Produced by Rob Tapert, Sam Raimi, Bruce Campbell.")
    assert not reads_alone("With: Jane Levy, Shiloh Fernandez, Lou Taylor Pucci, Jessica Lucas.")
    assert not reads_alone("Running time: 1 hour, 30 minutes")
    assert not reads_alone("Rated PG-13 (for intense sequences of sci-fi violence and action).")
    # a sentence going on after the names is prose
    assert reads_alone("Written by Alvarez and Rodo Sayagues, the story begins with five friends at a cabin.")
    assert reads_alone("Directed by Fede Alvarez, the remake opens in theaters on Friday.")


def test_a_question_in_the_outlets_own_voice_or_a_lead_in_is_no_summary_sentence() -> None:
    assert not reads_alone("Yeah, but the company is going to ruin the headset, right?")
    assert not reads_alone("Was this a statistical anomaly or the beginning of an epidemic?")
    assert not reads_alone("Another reader confirms the battery issues plus a couple others:")
    # a question inside quotation marks, told by its speaker, is reported speech
    assert reads_alone("“Who else has a super PAC?” the host asked on Thursday night.")
    assert reads_alone("The senator asked whether the plan would pass this year.")


def test_a_named_speakers_first_person_is_the_speaker_not_someone_named_before():
    assert speaks_of_self("“I am honoured to lead the relief fund,” Mayor Helena Smith said.")
    assert speaks_of_self("“We will rebuild the pier,” said Helena Smith.")
    assert not speaks_of_self("“I am honoured to lead the relief fund,” she said.")
    assert not speaks_of_self("“This is indisputable evidence,” said Mercedes Pascual.")
    assert not speaks_of_self("“I am honoured to lead the relief fund.”")


def test_a_lede_quoting_its_named_speaker_in_the_first_person_may_open_the_summary():
    honoured = "“I am honoured to lead the Kestrel flood relief fund,” Mayor Helena Smith said on Sunday."
    texts = {"a": [honoured, "Volunteers in Kestrel filled sandbags all night after the river rose."]}
    assert summary_of(texts, Settings(summary=SummaryConfig(words=12)))[0] == honoured


def test_a_speakers_words_credited_by_name_win_over_the_writers_words_of_like_weight():
    pier = "The town council voted on Monday to close the old pier after engineers found deep cracks in its supports."
    quote = "“We cannot risk anyone walking on a pier that engineers say could collapse,” Mayor Helena Smith said."
    texts = {"a": [pier, quote]}
    assert summary_of(texts, Settings(summary=SummaryConfig(words=15, quote_bonus=1.0))) == [pier]
    assert summary_of(texts, Settings(summary=SummaryConfig(words=15))) == [quote]


@needs_parser
def test_a_sentence_without_a_verb_is_no_summary_sentence():
    fragment = "Oh, and also a full Windows 8 all-in-one computer with a 27-inch touchscreen and two joysticks."
    table = "Lenovo showed the Horizon, a table computer with a 27-inch touchscreen, at the show in Las Vegas."
    texts = {"a": [fragment, table]}
    assert summary_of(texts, Settings(summary=SummaryConfig(words=20))) == [table]


def test_a_quoting_headline_without_a_full_stop_does_not_read_alone():
    assert not reads_alone("Emma Stone: ‘I was holding my best actress card the whole time’")
    assert not reads_alone("Walker announces: 'I'm running for president'")
    # a full stop inside or after the closing quotes ends a sentence; a dek without one ends on a word
    assert reads_alone("Emma Stone said she was holding 'the card the whole time.'")
    assert reads_alone('Patsy shouts, "Oh my Jesus, oh my Jesus." ')
    assert reads_alone("Stone said she was holding ‘the card the whole time’.")
    assert reads_alone("Paramount wants to kill a fan film by claiming copyright on the Klingon language")
