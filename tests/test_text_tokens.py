"""Folding a text: lower case, accents and their combining marks dropped, typographic quotes made plain."""

import unicodedata

from newsprism.text.tokens import fold, words


def folded_char_by_char(text: str) -> str:
    """The reading fold gives, character by character."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").lower()


def test_fold_drops_every_combining_mark_and_keeps_every_other_character():
    texts = [
        "Zürich café São Paulo: “quoted” naïve — Kim Jong-un’s ‘fine’ ﬁle",
        "Ἀθῆναι, Łódź, Nguyễn Phú Trọng, e\u0301 and a\u0308\u0301 decomposed already",
        "plain ASCII, Upper Case",
        "".join(chr(c) for c in range(0x250, 0x400)),  # combining marks among other letters
    ]
    for text in texts:
        assert fold(text) == folded_char_by_char(text)
    assert fold("Nguyễn’s café") == "nguyen's cafe"
    assert words("Kim Jong-un’s Zürich") == ["kim", "jong-un's", "zurich"]
