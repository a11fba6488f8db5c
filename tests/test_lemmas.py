"""Lemmas looked up by word, part of speech and morphology give what spaCy's lemmatizer gives."""

import pytest

from newsprism.analysis.lemmas import FastLemmatizer, fast_lemmatizer
from newsprism.analysis.parse import parser

pytestmark = pytest.mark.skipif(parser() is None, reason="spaCy or its English model is not installed")

# Forms whose lemma hangs on part of speech and morphology ("leaves" a noun and a verb, "better",
# "saw" a noun and a verb's past), those the attribute ruler lemmatises ("'s", "gonna"), and names.
TEXTS = [
    "He leaves the leaves; the saw saw better days, and she's gonna say it better than they said.",
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday, the Kremlin said.",
    "The children were running faster; the geese flew, and the mice had been caught by cats.",
    # one word and part of speech, two lemmas by number: "means" singular is "means", plural "mean"
    "The means are there. It is a means to an end.",
]


def test_the_looked_up_lemmas_are_the_lemmatizers(seed_dir):
    from spacy.tokens import Doc

    nlp = parser()
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = fast_lemmatizer(lemmatizer)
    assert isinstance(fast, FastLemmatizer)
    texts = TEXTS + [line for path in sorted(seed_dir.glob("*.txt")) for line in path.read_text().splitlines()]
    docs = list(nlp.pipe(texts, disable=["lemmatizer", "ner", "entity_ruler"]))
    ruled = [(n, t.i, t.lemma_) for n, d in enumerate(docs) for t in d if t.lemma]  # the attribute ruler's
    copies = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]
    expected = [[t.lemma_ for t in d] for d in lemmatizer.pipe(docs)]
    found = [[t.lemma_ for t in d] for d in fast.pipe(copies)]
    assert found == expected
    assert sum(len(d) for d in docs) > 2000 and len(fast.lemmas) < sum(len(d) for d in docs) / 2
    assert {"leave", "see", "well", "be", "go", "say", "child", "mouse"} <= {w for d in found for w in d}
    means = [t for d in copies[:4] for t in d if t.text == "means"]
    assert [t.lemma_ for t in means] == ["mean", "means"] and len({t.pos_ for t in means}) == 1
    assert ruled and all(found[n][i] == lemma for n, i, lemma in ruled)
