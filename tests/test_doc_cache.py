"""The shared spaCy Docs give what each analyser's own pipeline gave, and each text is read once."""

import pytest

from newsprism.analysis.doc_cache import ORG_PATTERNS, DocCache, installed_model, load_pipeline, parsed, tokens_of

MODEL = installed_model()
pytestmark = pytest.mark.skipif(MODEL is None, reason="spaCy or its English model is not installed")

SENTENCES = [
    # the recogniser finds a longer entity when no parser has split the text into sentences
    "This is all about the Make America Great Again agenda!",
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday, the Kremlin said.",
    "Roscosmos and Russian Railways signed deals with the Korean Central News Agency.",
    "Kim Jong Un greeted him at the airport. They hugged twice.",
]


@pytest.fixture(scope="module")
def separate():
    """The pipelines the analysers ran before the cache: entities without the parser, parses without the
    recogniser."""
    import spacy

    entities = spacy.load(MODEL, exclude=["parser", "lemmatizer"])
    entities.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True}).add_patterns(ORG_PATTERNS)
    return entities, spacy.load(MODEL, exclude=["ner"])


def ents(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


def parse(doc):
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize("entities_first", [True, False])
def test_entities_and_parses_equal_those_of_the_separate_pipelines_in_either_order(separate, entities_first):
    entities, parser = separate
    cache = DocCache(load_pipeline(MODEL))
    if entities_first:
        found, parsed = cache.docs(SENTENCES, "entities"), cache.docs(SENTENCES, "parse")
    else:
        parsed, found = cache.docs(SENTENCES, "parse"), cache.docs(SENTENCES, "entities")
    assert found == parsed  # the same Doc objects carry both
    assert [ents(d) for d in found] == [ents(d) for d in entities.pipe(SENTENCES)]
    assert ents(found[0]) == [(4, 9, "ORG")]
    assert [parse(d) for d in parsed] == [parse(parser(s)) for s in SENTENCES]
    assert len(list(parsed[3].sents)) == 2


def test_each_text_is_annotated_once_and_the_least_recently_used_are_dropped(monkeypatch):
    cache = DocCache(load_pipeline(MODEL), size=2)
    calls = []
    annotate = cache._annotate
    monkeypatch.setattr(
        cache,
        "_annotate",
        lambda entries, stage: calls.append([d.text for d, _ in entries]) or annotate(entries, stage),
    )
    first = cache.docs(SENTENCES[:2], "entities")
    assert cache.docs([SENTENCES[1], SENTENCES[0], SENTENCES[1]], "entities") == [first[1], first[0], first[1]]
    assert calls == [SENTENCES[:2]]  # an ask that finds its Docs annotated runs no pipe
    cache.docs(SENTENCES[2:3], "entities")  # over the size: the least recently used (SENTENCES[1]) goes
    assert cache.docs(SENTENCES[:1], "entities")[0] is first[0]
    assert cache.docs(SENTENCES[1:2], "entities")[0] is not first[1]
    assert calls == [SENTENCES[:2], SENTENCES[2:3], SENTENCES[1:2]]


@pytest.mark.parametrize("parts", [("NOUN",), ("VERB",), ("PROPN", "ADJ"), ("VERB", "AUX"), ("SYM",)])
def test_the_tokens_of_parts_of_speech_are_those_the_tokens_give_in_order(parts):
    for doc in parsed(SENTENCES):
        found = tokens_of(doc, *parts)
        assert [(t.i, t.text) for t in found] == [(t.i, t.text) for t in doc if t.pos_ in parts]
