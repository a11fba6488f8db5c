"""Which sentences a summary may take, and the position bonus that favours an article's first sentences."""

from newsprism.analysis.runner import analyse_story
from newsprism.analysis.summary_fit import in_own_voice, points_back, reads_alone
from newsprism.articles.pipeline import Pipeline
from newsprism.config import Settings, SummaryConfig
from newsprism.embed import load_embedder
from newsprism.records import RawDocument, Story

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
        analysis = analyse_story(story, embedder, Settings(summary=SummaryConfig(words=10, **settings)))
        return analysis.summary[0].text

    # the later sentence shares more with the other source; the lede, first told, outweighs it
    assert first() == LEDE
    assert first(position_bonus=0.0) == LATER
