"""Story analysis, part of entities: general English and world words that tell a name's kind.

Role words before a name, organisation, facility, place and event words inside one, a gazetteer of
countries and capitals, well-known acronyms; shared by the rule recogniser, the spaCy ruler, the
resolution of variants and the comparison of names in conflicts.
"""

from __future__ import annotations

import re

from ..text.tokens import fold

ROLE_WORDS = set(
    """president minister prime foreign defense defence deputy first health transport leader chief head
    spokesman spokeswoman spokesperson secretary chairman chancellor king queen prince governor mayor
    senator general ambassador aide director ceo judge pope mr mrs ms dr prof sen rep gov gen commander
    envoy premier lawmaker official then-dictator dictator state national security council natural
    resources of new""".split()
)
ORG_WORDS = set(
    """agency ministry council university office party bank company inc corp association news times post
    railway railways committee commission union organization organisation institute foundation group
    court parliament army navy police department house kremlin pentagon nato daily press tass sinmun
    fund reuters nations ministries federation network television""".split()
)
FACILITY_WORDS = {"square", "palace", "church", "cosmodrome", "guesthouse", "street", "airport", "stadium"}
PLACE_WORDS = set(
    """east west peninsula sea ocean gulf region valley coast river island islands mountains province city
    county state""".split()
)
EVENT_WORDS = set(
    """agreement treaty war summit pact accord operation pandemic games olympics election elections
    conference forum act""".split()
)
# Words that name a law or a treaty, which is neither an event nor an organisation ("Comprehensive
# Strategic Partnership Agreement", "Misuse of Drugs Act"); spaCy's label for them is LAW.
LAW_WORDS = {"agreement", "treaty", "pact", "accord", "act", "bill", "proclamation", "constitution", "amendment"}
COUNTRIES = (
    {
        fold(c)
        for c in """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh Belarus
    Belgium Bolivia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus
    Czechia Denmark Ecuador Egypt Estonia Ethiopia Finland France Georgia Germany Ghana Greece Hungary
    India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kuwait Laos Latvia
    Lebanon Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Myanmar Nepal Netherlands Nigeria
    Norway Pakistan Palestine Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Serbia Singapore
    Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia Turkey Uganda
    Ukraine Uzbekistan Venezuela Vietnam Yemen Zimbabwe Europe Asia Africa America""".split()
    }
    | {
        fold(state)
        for state in """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
    Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia
    Wisconsin Wyoming""".split()
    }
    | {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "north korea",
        "south korea",
        "united states",
        "united kingdom",
        "saudi arabia",
        "new zealand",
        "south africa",
        "soviet union",
        "far east",
        "crimea",
        "gaza",
        "kyiv",
        "moscow",
        "beijing",
        "seoul",
        "washington",
        "tokyo",
        "london",
        "paris",
        "berlin",
        "pyongyang",
        "vladivostok",
        "tehran",
    }
)
KNOWN_ACRONYMS = {
    "dprk": "north korea",
    "rok": "south korea",
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "prc": "china",
    "ussr": "soviet union",
    "un": "united nations",
    "eu": "european union",
    "uae": "united arab emirates",
}
LEADING_NOISE = set(
    """the a an in on at but and as when after before during upon meanwhile however while since with among
    according under over from by to for through across despite unlike without within amid near inside outside
    into about""".split()
)
MONTHS_AND_DAYS = set(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
DEMONYM = re.compile(r"(?:ian|ean|ican|ese|ish|ern)$")
