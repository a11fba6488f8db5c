"""Social-media posts embedded in an article: each is its poster's word, signed with a name, handle and date.

An article gathering reactions embeds posts ("RIP Prodigy. — ItsTheReal (@itsthereal) June 20, 2017",
"Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT"). Two
posts of two posters share the story's names and words ("RIP", the subject's name) while each tells what
one person feels: they state one claim only when they are one poster's post (two outlets embedding it).
A post's signature is no part of what it says: its date is the day it was posted, shared with the report
of the day's event ("died Tuesday (June 20)"), and its poster's name is no name the post speaks of. A post
relaying news ("Elkhart Co. coroner: Autopsies show ... died of asphyxiation ... — Holly Hays (@hollyvhays)
September 27, 2016") still states that news with the report that tells it.

>>> poster("RIP Prodigy. — ItsTheReal (@itsthereal) June 20, 2017")
'itsthereal'
>>> unsigned("RIP Prodigy. — ItsTheReal (@itsthereal) June 20, 2017")
'RIP Prodigy. — ItsTheReal'
>>> unsigned("Forever A post shared by Havoc of Mobb Deep (@mobbdeephavoc) on Jun 20, 2017 at 11:32am PDT")
'Forever A post shared by Havoc of Mobb Deep'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..articles.posts import SIGNATURE

# A signature's handle: the poster, whose words the post are.
HANDLE = re.compile(r"\(@(?P<handle>[\w.]{1,30})\)")


@lru_cache(maxsize=1 << 14)
def _signature(text: str) -> tuple[int, int, str] | None:
    """Where the post's signature (:data:`newsprism.articles.posts.SIGNATURE`) names its handle, where the
    signature ends, and the handle; None for a text that is no signed post."""
    signed = SIGNATURE.search(text)
    handle = HANDLE.search(text, signed.start()) if signed else None
    return None if signed is None or handle is None else (handle.start(), signed.end(), handle["handle"])


def poster(text: str) -> str | None:
    """The handle (lower case) of the post the text is, or None when it is no signed post."""
    found = _signature(text)
    return None if found is None else found[2].lower()


def other_posters(a: str, b: str) -> bool:
    """Whether the texts are signed posts of two posters."""
    posters = poster(a), poster(b)
    return posters[0] is not None and posters[1] is not None and posters[0] != posters[1]


def unsigned(text: str) -> str:
    """The text without its post's handle and date: what the poster says, signed with the poster's name."""
    found = _signature(text)
    if found is None:
        return text
    return (text[: found[0]] + " " + text[found[1] :]).strip()
