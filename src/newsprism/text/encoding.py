"""Bytes to text: byte-order marks first, then UTF-8, then the most likely single-byte code page.

charset-normalizer guesses the code page of text that is not UTF-8, but on a short Western text it
often picks a Central European page (cp1250 reads Latin-1 "à" as "ŕ", "Déjà" as "Déjŕ"). Where its
guess is a Latin-script page, the Western (cp1252) and Central European (cp1250) readings are weighed
by evidence: the accented letters European languages use often count for a reading, rare letters,
symbols and control characters against it (:func:`latin_evidence`). A Cyrillic, Greek or other guess
is kept as it is.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte pages of Latin-script languages, as Python and charset-normalizer name them.
LATIN_PAGES = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman",
    "mac_iceland", "mac_turkish", "cp437", "cp775", "cp850", "cp852", "cp858",
}  # fmt: skip
# The Western and Central European readings weighed against the guess; on a tie the first wins, the
# one most text on the web is in.
WEIGHED_PAGES = ("cp1252", "cp1250")
# Accented letters in everyday use in French, German, Spanish, Portuguese, Italian, the Nordic
# languages, Polish, Czech, Slovak, Hungarian, Romanian and Turkish (lower case; upper case counts too).
COMMON_LETTERS = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœąćęłńśźżčďěňřšťůžőűășțşğı")
# Punctuation and symbols common in news text in either reading: neutral evidence.
COMMON_SYMBOLS = set("\u00a0“”‘’‚„–—…•€£¥§°«»©®™·¿¡×")
# Control characters (after whitespace) beyond this share of the text mean binary data.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes) -> str:
    """Decode bytes as text; raise ValueError (naming the fault) for empty or binary data.

    >>> decode("Voilà, déjà vu.".encode("latin-1"))
    'Voilà, déjà vu.'
    >>> decode("Zażółć gęślą jaźń.".encode("cp1250"))
    'Zażółć gęślą jaźń.'
    >>> decode("Hello".encode("utf-16"))
    'Hello'
    """
    text = _with_bom(data)
    if text is None:
        if not data.strip():
            raise ValueError("file is empty")
        if b"\x00" in data[:8192]:
            raise ValueError("binary file, not text")
        text = _without_bom(data)
    if not text.strip():
        raise ValueError("file is empty")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise ValueError("binary file, not text")
    return text


def _with_bom(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise ValueError(f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()}") from err
    return None


def _without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if guess is not None and guess not in LATIN_PAGES:
        return str(best)
    readings: dict[str, str] = {}
    for page in (*WEIGHED_PAGES, *([guess] if guess else [])):
        try:
            readings.setdefault(page, data.decode(page))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise ValueError("text encoding not recognised; save the file as UTF-8")
    return max(readings.values(), key=latin_evidence)  # max keeps the first of equals


def latin_evidence(text: str) -> float:
    """How much the non-ASCII characters of ``text`` look like a European Latin-script text: +1 for
    each common accented letter, -1 for each other letter or control character, -0.5 for each
    uncommon symbol.

    >>> latin_evidence("à côté"), latin_evidence("ŕ côté")
    (3, 1)
    """
    score: float = 0
    for ch in text:
        if ch.isascii() or ch in COMMON_SYMBOLS:
            continue
        if ch.lower() in COMMON_LETTERS:
            score += 1
        elif ch.isalpha() or not ch.isprintable():
            score -= 1
        else:
            score -= 0.5
    return score
