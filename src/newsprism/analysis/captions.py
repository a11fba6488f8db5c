"""Page furniture left in an article's text: photo captions, photo credits, picture-desk labels and
fact-box headers. They are not the outlet's reporting: a caption's date is the day the photo was taken,
not the story's event, and a credit line states nothing. Facts and the timeline leave such sentences out;
a claim a caption repeats is still told by the article's own sentences.

>>> [is_caption(s) for s in (
...     "In this Saturday, July 1, 2017, photo, people line up at the NuLeaf marijuana dispensary.",
...     "FILE - Mitch McConnell speaks to reporters, in this March 24, 2015 file photo.",
...     "Amber Pasztor (Photo: Provided by Elkhart County Sheriff's Office)",
...     "Image copyright Getty Images Image caption A P3 returns to Perth from the suspended air search.",
...     "MH370 - Facts at a glance 8 March - Malaysia Airlines flight disappears",
...     "MUST WATCH Flight 370 mystery 05:10",
...     "[RELATED: Guest says she never attacked anyone]",
...     "Related Prodigy: 10 Essential Tracks From the Mobb Deep MC Rapper Prodigy died at the age of 42.",
... )]
[True, True, True, True, True, True, True, True]
>>> [is_caption(s) for s in (
...     "Police released photos of a man they are seeking to identify.",
...     "A photo released by school officials showed the boy in a hospital bed.",
...     "In this case, the photo was taken from her phone.",
...     "More than 40 women have come forward, and related suits are pending.",
...     "Related charges were filed against two others: fraud and theft.",
...     "Related Companies' shares fell after the developer missed its target.",
... )]
[False, False, False, False, False, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # records imports this module, through the story's title
    from ..records import Sentence

__all__ = ["CAPTION", "caption_reprinted", "captions", "is_caption"]

# A word that may stand between "in this" and the picture in a wire caption: a date's parts ("Saturday,
# July 1, 2017,", "Dec. 13, 2004"), a credit ("AP", "Associated Press") and the adjectives picture desks
# use ("file", "undated", "handout", "evidence", "booking"); not any word, so that prose ("in this case,
# the photo") is not read as a caption.
_CAPTION_WORD = (
    r"(?:[A-Z][\w.'’-]*|\d[\d,]*|file|undated|handout|evidence|booking|aerial|combination|family|archive|"
    r"courtesy|surveillance|security|satellite|police|recent|provided|released)[,.]?"
)
_PICTURE = r"(?:photo(?:graph)?|image|picture|video (?:frame|grab|image|still)|frame grab|still)s?(?![-\w])"
_WIRE_CAPTION = (
    # "In this May 20, 2017 file photo, ...", "..., in this evidence photo released by the police"
    rf"\b[Ii]n this (?:{_CAPTION_WORD} ){{0,6}}{_PICTURE}|"
    # "This photo provided by the Iowa State Patrol shows ...", "A file image from Galileo shows ...": a
    # picture opening the sentence and shown in the present tense ("A photo released ... showed" is prose)
    rf"^\W*(?:This|A|An) (?:{_CAPTION_WORD} ){{0,6}}{_PICTURE}\b[^.;]*?\bshows\b|"
    # the wire's file-photo slug: "FILE - In this ...", "FILE PHOTO: ..."
    r"^\W*(?:\([\w .]+\)\s*)?FILE(?: PHOTO)?\s*[-–—:]|"
    # the label a page leaves before its caption: "Image The White House's spokeswoman, Sarah Sanders, ..."
    r"^Image\s+(?=[A-Z\"“])"
)
_CREDIT = (
    # a credit in brackets: "(Photo: AP file)", "[Featured Image by Bits and Splits/AP Images]", "(Courtesy
    # of the State Department)", "(PHOTOS: Oklahoma tornado)", "[h/t OpposingViews, Photo: WPXI]"
    r"[(\[]\s*(?:(?:AP|Getty|Reuters|AFP|EPA|Featured)\s+)?(?:photo(?:graph)?s?|images?|pictures?|illustration|"
    r"credit|courtesy)(?:\s*[:)\]]|\s+(?:by|of|photo|provided)\b)|"
    r"[(\[][^()\[\]]{0,80}\b(?:photo(?:graph)?s?|images?|pictures?)\s*:|"
    # one ending in the picture: "(U.S. Department of State photo)", "(Courtesy photo)"
    r"\b(?:photo(?:graph)?s?|images)\s*[)\]]|"
    # a credit line: "Photo: iStock", "Photograph: Brook Lapping/BBC", "Photo illustration by Slate."
    r"^\W*(?:(?:AP|Getty|Reuters|AFP|EPA)\s+)?(?:photo(?:graph)?s?|image|illustration|photo illustration|picture|"
    r"credit)\s*(?::|by\b)|"
    # an illustration's credit: "AP file photo/gannett illustration: Marijuana growing in Medford, Ore."
    r"\billustration\s*:"
)
# The agency after a photographer's name ("Tom Williams/Getty Images", "AP Photo/David Zalubowski",
# "Savannah Morning News via AP", "AP file photo"), or alone ("(AP)", "(Getty)"); in capitals, as agencies
# write them.
_AGENCY = (
    r"\w/(?:Getty Images|AP|Reuters|AFP|EPA|Shutterstock|iStock)\b|\bAP (?:file )?[Pp]hotos?\b|"
    r"\bvia (?:AP|Getty Images)\s*[)\]]|"
    r"^\W*(?:AP|Getty(?: Images)?|Reuters|AFP|EPA|Associated Press)\W*$|"
    # the photographer's credit a page glues to its caption's start: "Christina House / For The Times James
    # Price, 22, wears ...", "Eric Gay / AP Senator Wendy Davis listens ...": a name of two to four capitalised
    # words, then a spaced slash; prose does not open on "Name Name / ".
    r"^\W*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+/\s+[A-Z]|"
    # a credit after a bar at the caption's end: "... was the real winner for best picture. | ABC", "... on
    # May 8. | Getty": one to three capitalised words after a bar; prose has no bars.
    r"\|\s*[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2}\W*$|"
    # the agency's credit with its photo desk: "Hulton Archive - Getty New evidence ...", "Getty - Contributor
    # James Maybrick ...", "Close Getty Images LeBron James celebrated ..."; the museum and the family are
    # "the Getty", never a dashed "Getty" nor "Getty Images" before a capitalised word
    r"^\W*(?:[A-Z]\w*\s+){0,3}(?:[-–—]\s*Getty\b|Getty(?: Images)?\s*[-–—]|Getty Images\s+(?=[A-Z]))"
)
# A video player's label ("JUST WATCHED ... Replay More Videos", "MUST WATCH Flight 370 mystery 05:10", the
# "CLOSE" button before a video's blurb: "CLOSE Police confirmed that two bodies ...") and a
# link to another story ("[RELATED: ...]", "MORE | Two girls missing ..."), in capitals as pages print them:
# prose says "more" and "related" in lower case. A magazine prints "Related" before the linked story's title,
# which holds a colon or an opening quotation mark ("Related Prodigy: 10 Essential Tracks From the Mobb Deep MC ...",
# "Related Watch 'Pokemon Go' Creator Explain ...").
_PLAYER_AND_LINKS = (
    r"\b(?:MUST WATCH|JUST WATCHED)\b|^\W*CLOSE\s+(?=[A-Z][a-z])|^\W*(?:RELATED|READ MORE|SEE ALSO|MORE)\s*[:|]"
    r"|^\W*Related\s+(?=[A-Z'‘“\"])[^.!?:“\"]{0,60}?(?:[:“\"]|(?<![A-Za-z])['‘])"
)
_LABEL = (
    # a picture desk's labels: "Image copyright Met Police Image caption ...", "Media playback is unsupported
    # on your device Media caption ...", "Enlarge this image toggle caption ...", "Full size image"
    r"\b(?:image (?:copyright|caption)|media (?:caption|playback)|(?:toggle|hide) caption|enlarge this image|"
    r"full size image|related photos|photo gallery)\b|"
    # a fact box's header: "MH370 - Facts at a glance", "Fast facts:"
    r"\bfacts at a glance\b|^\W*(?:key|fast|quick) facts\b|\bfact ?box\b"
)
# The summary's first caption test, still held whole: "in this July 1, 2017, photo", an agency's photo
# credit in brackets, a picture desk's label, and the wire caption's dateline, a weekday with its full
# date ("arrive at the awards on Sunday, Aug. 27, 2017, in Inglewood, Calif."): prose names a day of this
# week by its weekday alone and an older day by its date alone.
_SUMMARY_CAPTION = (
    r"\bin this (?:\w+,? )?(?:\w+\.? \d{1,2}, \d{4},? )?(?:file )?photo\b|"
    r"\((?:AP|Associated Press|Reuters|AFP|Getty)[^)]*(?:Photo|Images|/)[^)]*\)|"
    r"\b(?:image (?:copyright|caption)|media (?:caption|playback))\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day, [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b"
)
CAPTION = re.compile(rf"{_WIRE_CAPTION}|{_AGENCY}|{_PLAYER_AND_LINKS}")
CAPTION_ANY_CASE = re.compile(rf"{_CREDIT}|{_LABEL}|{_SUMMARY_CAPTION}", re.I)


@lru_cache(maxsize=1 << 16)
def is_caption(sentence: str) -> bool:
    """Whether a sentence is page furniture (a photo's caption or credit, a picture desk's label, a fact
    box's header) rather than the outlet's reporting. Kept by sentence: facts, the timeline and the summary
    each ask of every sentence (32 µs a sentence, some 15,000 asks on a 100-article story)."""
    return bool(CAPTION.search(sentence) or CAPTION_ANY_CASE.search(sentence))


def caption_reprinted(sentence: str, before: str | None) -> bool:
    """Whether a sentence is a caption printed again bare right after its credited printing ``before`` it
    ("Christina House / For The Times James Price, 22, wears red shoes ..." then "James Price, 22, wears red
    shoes ..."): prose does not repeat the sentence before it word for word.

    >>> caption_reprinted("Jo Lee wears red shoes.", "Ann Roe / For The Times Jo Lee wears red shoes.")
    True
    >>> caption_reprinted("Jo Lee wears red shoes.", "The mayor said Jo Lee wears red shoes.")
    False
    """
    return before is not None and sentence.rstrip(".") in before and is_caption(before)


def captions(sentences: Sequence[Sentence]) -> list[bool]:
    """Whether each of a story's sentences is page furniture: a caption itself (:func:`is_caption`) or one
    printed again bare after its credited printing (:func:`caption_reprinted`)."""
    before = {(s.article, s.index + 1): s.text for s in sentences}
    return [is_caption(s.text) or caption_reprinted(s.text, before.get((s.article, s.index))) for s in sentences]
