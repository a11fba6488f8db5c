import re

from newsprism.analysis.claim_events import _whole_words


def test_whole_words_find_what_the_plain_alternation_finds() -> None:
    words = ["one", "two", "ten"]
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    text = "One of two, someone at Ten-thirty: a twofold tone, TWO often, 'ten' at last; stone, often"
    found = [m.group(0) for m in _whole_words(words).finditer(text)]
    assert found == ["One", "two", "Ten", "TWO", "ten"]
    assert found == [m.group(0) for m in plain.finditer(text)]
