"""The attribute ruler's rules looked up by word and tag give what spaCy's ruler gives."""

import pytest

from newsprism.analysis.attribute_rules import FastRuler, fast_ruler
from newsprism.analysis.parse import parser

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

# The ruler's exceptions (contractions, "gonna", "y'all", pronouns by dependency, "There is", spaces) and
# ordinary news sentences.
TEXTS = [
    "I'd say y'all gonna let's go, c'mon, it ain't so.",
    "There is a way.  \n\n It is\tI who did it; do you?  Did he? He did, but that was all.",
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday, the Kremlin said.",
    "The fire department sent a ladder truck, tanker and ambulance; those who stayed had to wait.",
    "Which of them does she like?  We've gotta see what you're doing with it.",
]


def annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_indexed_rules_annotate_as_the_ruler_does(seed_dir):
    from spacy.tokens import Doc

    nlp = parser()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_ruler(ruler)
    assert isinstance(fast, FastRuler)
    texts = TEXTS + [line for path in sorted(seed_dir.glob("*.txt")) for line in path.read_text().splitlines()]
    docs = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner", "entity_ruler"]))
    copies = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]
    expected = [annotations(d) for d in ruler.pipe(docs)]
    found = [annotations(d) for d in fast.pipe(copies)]
    assert found == expected
    assert sum(len(d) for d in docs) > 2000
    assert {"AUX", "SPACE", "SCONJ", "PRON"} <= {pos for doc in found for _, pos, _, _, _ in doc}


def test_a_rule_it_cannot_read_leaves_the_ruler_to_run():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"LEMMA": "an"})
    assert fast_ruler(ruler) is not None
    ruler.add([[{"LENGTH": {">": 3}}]], {"LEMMA": "x"})
    assert fast_ruler(ruler) is None
