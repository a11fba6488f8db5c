import os

import pytest

from newsprism.analysis.entities import EntitiesConfig, resolve_entities
from newsprism.analysis.ner import load_recognizer
from newsprism.records import Article, Story


@pytest.fixture(scope="module")
def spacy_recognizer():
    recognizer, note = load_recognizer()
    if recognizer.name == "rules":
        if os.environ.get("CI"):
            pytest.fail(f"CI installs spaCy and its model, but they did not load ({note})")
        pytest.skip(note)
    return recognizer


def story(*texts: str) -> Story:
    return Story("s", tuple(Article(id=f"a{n}", text=t, sentences=(t,)) for n, t in enumerate(texts)))


def test_the_ruler_corrects_organisations_the_model_calls_people(spacy_recognizer):
    found = spacy_recognizer.mentions(story("Roscosmos head Yury Borisov and Russian Railways chief Oleg Belozyorov "
                                            "flew in, Russian news agencies said."))
    assert {(m.text, m.type) for m in found} >= {("Roscosmos", "ORG"), ("Russian Railways", "ORG"),
                                                 ("Yury Borisov", "PERSON"), ("Oleg Belozyorov", "PERSON")}
    assert not any("news" in m.text for m in found)


def test_spelling_variants_resolve_to_one_entity_with_either_recognizer(spacy_recognizer):
    texts = ("Foreign Minister Sergey Lavrov met officials of the DPRK in Pyongyang.",
             "Sergei Lavrov said North Korea was a friend.", "Lavrov left on Wednesday.")
    for recognizer in (spacy_recognizer, None):
        entities = {e.name: e for e in resolve_entities(story(*texts), recognizer)}
        lavrov = next(e for e in entities.values() if "Lavrov" in e.name)
        assert set(lavrov.sources) == {"a0", "a1", "a2"}
        korea = next(e for e in entities.values() if e.name in {"North Korea", "DPRK"})
        assert set(korea.sources) == {"a0", "a1"} and korea.type == "GPE"


def test_a_one_word_name_mentioned_once_is_an_entity_only_when_the_settings_allow():
    once = story("Lavrov spoke briefly.", "The talks ended.")
    assert resolve_entities(once) == ()
    [lavrov] = resolve_entities(once, config=EntitiesConfig(min_mentions=1))
    assert (lavrov.name, lavrov.type, lavrov.sources) == ("Lavrov", "PERSON", ("a0",))


def test_scraped_markup_and_link_text_are_no_entities():
    from newsprism.analysis.entities import Mention

    class Scraped:
        name = "scraped"

        def mentions(self, story):
            return [Mention("a", text, "ORG") for text in ("Splits/AP Images]", "Tweet @nikkihaley &", "AT&T")] * 2

    story = Story("s", (Article(id="a", text="AT&T said so.", sentences=("AT&T said so.",)),))
    assert [e.name for e in resolve_entities(story, Scraped())] == ["AT&T"]
