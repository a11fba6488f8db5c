"""Which sentences may stand in a summary: a sentence of its own (not cut off, not a shard of a longer
quotation, not a photo caption), in the writer's voice rather than a speaker's (announcements the later
coverage overtook: ``summary_stale``); how central a sentence is to the story is the scorer's (:mod:`.summary`)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..articles.clean_config import DATELINE_LINES
from ..articles.posts import is_embedded_post
from ..records import Article
from ..text.dates import DATELINE, published_date
from .captions import is_caption
from .quotes import SPEECH as QUOTE_SPEECH

OPENING_QUOTE = re.compile(r"(?:^|\s)[\"“‘']")
SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|according to|asked|wrote|writes)\b")
QUOTE_END = re.compile(r"[.,!?]['’\"”]$")
# A line that ends on a closing quotation mark with no full stop before it: a headline quoting someone
# ("Emma Stone: ‘I was holding my best actress card the whole time’"), a title or a quotation cut from its
# speaker; a sentence stops inside its closing quote ("… the whole time.’") or after it ("… time’.").
UNSTOPPED_QUOTE = re.compile(r"(?<![.!?…,;:\s'’\"”])\s*['’\"”]$")
# A single quotation mark opening a word, and one closing after a word: a sentence opening more than it
# closes ("the mindset that 'you can come if you want.") is cut from a longer quotation. An apostrophe
# standing for left-out letters opens no quotation: a decade ("the '90s", "'60s"), "'cause", "'em", "'til",
# nor a possessive typed apart ("Jordan 's parents"). (Only 10 of the 250 Multi-News dev stories change.)
OPENING_SINGLE = re.compile(
    r"(?:^|(?<=[\s(“\"]))['‘](?!\d\d(?:s|ers)?\b|s\b|(?:cause|cos|em|til|tis|twas|n|bout|round)\b)(?=\w)", re.I
)
CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])['’](?=[\s.,;:!?)”\"]|$)")
# A review's credits box, a line of its own under the text: a role and the names filling it ("Produced by
# Rob Tapert, Sam Raimi, Bruce Campbell.", "With: Jane Levy, ...", "Running time: 118 minutes.", "Rated
# PG-13 (for ...)"). It names who made a work; it tells nothing that happened. A sentence going on after
# the names ("Written by Alvarez and Sayagues, the story begins with ...") is prose.
_NAMES = r"(?:[A-Z][\w.'’-]*|and|&|[,;]|\s)+\.?\s*$"
CREDITS = re.compile(
    r"^\W*(?:(?:(?:Executive\s+)?(?:Produced|Directed|Written|Edited|Photographed|Narrated|Hosted|Composed|"
    rf"Designed|Choreographed|Adapted|Illustrated|Translated|Created)\s+by|Starring)\s+{_NAMES}|"
    r"(?:Screenplay|Cinematography|Music|Editing|Editors?|Producers?|Directors?|Cast|With|Starring|Featuring|"
    r"Running time|Run time|Runtime|MPAA rating)\s*:|"
    r"Rated\s+(?:G|PG|PG-13|R|NC-17|TV-\w+)\b)"
)
# A sentence opening on a pronoun, or on a demonstrative standing for a noun ("That does not mean ...",
# "This is ..."), points back at a sentence of its article: out of it, it names no one ("He also was a
# founder of Vine", "And, he was ..."); in the first person, it is a speaker's words cut from the
# sentence naming the speaker ("I never intended for there to be a scene."). A demonstrative before its
# noun ("This week, ...") names what it is about, but a plural one stands for things told before ("Among
# these agreements is ...", "These documents ..."; not "these days"); "US" is left out, as in "US officials".
# A quotation credited to a pronoun ("“I need to talk to you,” he said"): the speaker is named elsewhere.
# Any verb may tag it ("“We agreed,” he joked").
PRONOUN_SPEAKER = re.compile(r"[\"”’'],?\s+(?:he|she|they)\s+(?:also\s+)?[a-z]+\b")
# The first person singular outside quotation marks: the writer speaking of themself (a first-person
# account, a column), whose "I" a summary cannot name. "I" after a capitalised word is a numeral
# ("World War I", "Elizabeth I").
FIRST_PERSON = re.compile(r"\b(?:me|my|myself)\b|(?:^|(?<=[^\w\s])|(?<=[^\w\s] )|\b[a-z]+ )I(?:['’]\w+)?\s+[a-z]")
# The first person plural outside quotation marks: the outlet speaking for itself ("we'd definitely love
# to hear what this sandwich tastes like"); "US" in capitals is the country. On the Multi-News dev
# stories, R2 / LexRank -0.002 (noise), for sentences a summary citing outlets cannot carry.
FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|ourselves)\b(?![-’'])|\b[Ww]e(?=['’])")
# A quotation opening on the first person ("“I am flattered ...", "“We'll be back ...").
SPEAKER_FIRST_PERSON = re.compile(r"^\s*[\"“‘']\s*(?:I|we|my|our|me|us)\b(?!-)", re.IGNORECASE)
QUOTATION = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’(?!\w)")
# A demonstrative standing alone as the subject: "that", "this" before a verb, perhaps after an adverb
# ("That does not mean ...", "that only accounts for ..."); "these" and "those" before any word but
# "days"; "such" before an article or a verb ("Such a move would ...", "Such was ...").
_DEMONSTRATIVE = (
    r"(?:these|those)\s+(?!days\b)[a-z]|"
    r"(?:this|that|these|those)\b(?:['’]s\b|\s+(?:(?:only|also|alone|just|still|even|already|now|[a-z]+ly)\s+)?"
    r"(?:is|was|are|were|has|had|have|does|did|doesn['’]t|didn['’]t|means|meant|will|would|could|can|may|might"
    r"|should|must|includes?|came|comes)\b|\s*[,.;:!?])|"
    r"(?:this|that)\s+(?:(?:only|also|alone|just|still|even|already|now|[a-z]+ly)\s+)?[a-z]{2,}[^s\W]s\b|"
    r"such\s+(?:a|an|is|was|are|were)\b"
)
BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:and|but|so|yet|also|when|after|before|as|while|although|though|if|because|since|once|until"
    r"|upon|during|despite|following|among|of|for|with|from|like|in|on),?\s+)?"
    rf"(?:(?:he|she|they|it|his|her|their|its|him|them|i|we|my|our)\b(?!-)|{_DEMONSTRATIVE})|"
    # the same demonstrative after an opening phrase ("Allowing for rounding, that only accounts for ...")
    rf"^[^,;:\"“”]{{2,60}}?,\s+(?:{_DEMONSTRATIVE})|"
    # what was named before, or a part of it: "Once there", "Other hits", "The rest goes", "The pair were"
    r"^\W*(?:(?:once|while|from|back|out)\s+there|other|the\s+(?:rest|remainder|pair|duo|trio|couple|latter|former))\b"
    r"(?!\s+of\b)|^[^,;:\"“”]{2,40},\s+(?:however|though|too|instead|meanwhile|nonetheless|nevertheless),",
    re.IGNORECASE,
)
# A sentence opening on a time counted from the event the sentence before tells ("A day later, ...", "The next
# day", "Earlier, ..."): alone, it dates its event by one the summary may not give ("Earlier this week" stands).
RELATIVE_TIME = re.compile(
    r"^\W*(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?)\s+(?:later|earlier|afterwards?)\b"
    r"|(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night|week|month|year)\b"
    r"|(?:later|afterwards?|earlier|moments\s+later|soon\s+after(?:wards?)?|shortly\s+after(?:wards?)?)\s*,"
    r"|later\s+(?:that|the\s+same)\b)",
    re.IGNORECASE,
)
# A sentence opening on a word that joins it to the one before ("But ...", "And the problem is ...",
# "However, ..."): read alone, it answers a sentence the summary may not give.
CONNECTIVE = re.compile(
    r"^\W*(?:and|but|yet|so|also|plus|still|however|instead|besides|otherwise|nonetheless|nevertheless)\b",
    re.IGNORECASE,
)
# A sentence saying what something is not ("And the problem is not that Colbert isn't qualified", "It
# wasn't because he lied"): the writer's setup for the next sentence's claim ("It's that he's too
# qualified"); alone, it reads as the point, or as its opposite. Two words at least after "that", so that
# a degree ("It is not that simple.") is not one.
DENIAL_SETUP = re.compile(
    r"\b(?:(?:is|was|are|were|['’]s)\s+not|(?:isn|wasn|aren|weren)['’]t)\s+(?:that|whether|because)\s+\w+\W+\w+",
    re.IGNORECASE,
)
# A sentence that says it repeats or answers another ("Sanders echoed Raj Shah's sentiment", "said the
# same", "likewise"): it means something only right after the sentence it points at.
ECHO = re.compile(
    r"\b(?:echo(?:ed|es|ing)|likewise|similarly|the same (?:sentiment|view|message|point|thing|concerns?|argument"
    r"|claim|position|idea|feeling|warning|call|question|answer)s?)\b",
    re.IGNORECASE,
)
# A speaker's words opening a sentence and told by no one in it: a shard of a longer quotation whose
# speaker an earlier sentence names ("“He will do the same if he is contacted.”").
# A quotation closing on a comma or a question mark with words after it has its speech tag there ("“We
# agreed,” he joked").
ATTRIBUTION = re.compile(rf"\b(?:{QUOTE_SPEECH}|according to|saying|in a statement)\b", re.IGNORECASE)
TAG_AFTER_QUOTE = re.compile(r"[,?!][\"”]\s+\w")
# The rest of a quotation's sentence split off after its question or exclamation mark ("“... a super
# PAC?” Colbert said on The Colbert Report Thursday night"): a speech tag whose words are in the sentence before.
ENDS_ON_QUOTED_QUESTION = re.compile(r"[?!][\"”’']\s*$")
SPEECH_TAG = re.compile(rf"^(?:(?:the\s+)?[A-Z][\w.’'-]*\s+){{1,4}}{QUOTE_SPEECH}\b|^{QUOTE_SPEECH}\s+[A-Z]")


# A sentence that tells the reader to go and look at something ("Read the Reddit threads where …", "Watch
# the moment unfold below", "Check out the posts below"): a pointer to other material, not a report.
READER_PROMPT = re.compile(
    r"^(?:Read|Watch|See|Look at|Take a look at|Check out|Listen to|Visit|Click|Tap|Follow|Sign up|Subscribe"
    r"|Download)\b(?!['’])"
)


@lru_cache(maxsize=1 << 16)  # of every sentence of every fact (a sentence of several facts read once), each analysis
def reads_alone(sentence: str) -> bool:
    """Whether a sentence reads as a sentence of its own: not cut off ("store owners, who have..."), not
    the start or end of a longer quotation (opening one it never closes, closing one it never opened),
    not a photo caption ("In this July 1, 2017, photo ...", "(Associated Press)"), nor an embedded post
    (:mod:`newsprism.articles.posts`: its author's words, which the outlet shows), nor a review's credits
    line ("Directed by Fede Alvarez."), not a question or a lead-in to words that follow, not an editor's
    insertion in square brackets ("[RELATED: Wedding crasher says she never attacked guest]"), nor a prompt
    to the reader ("Read the Reddit threads where ..."), nor a line ending on a quotation without a full stop
    (a headline).

    >>> reads_alone("The council closed the pier on Monday after engineers found cracks.")
    True
    >>> [reads_alone(s) for s in ("All we know is we’re not looking back.’", "Shop owners, who have...",
    ...                            "(AP Photo/Jim Mone) In this July 1, 2017, photo, shoppers wait in line.",
    ...                            "“This is a band that took the American tradition and moved it forward.",
    ...                            "Smith told them: “My brother may be hurt.",
    ...                            "A hot mantle wedge is incongruent with a cold (<700 °C (ref.",
    ...                            "They had the mindset that 'you can come if you want.",
    ...                            "[RELATED: Wedding crasher says she never attacked guest]",
    ...                            "Read the Reddit threads where the founder is taking on all-comers.",
    ...                            "Emma Stone: ‘I was holding my best actress card the whole time’")]
    [False, False, False, False, False, False, False, False, False, False]
    >>> reads_alone("The players' union called the 'deal' a 'disgrace,' and Jones' lawyer agreed.")
    True
    >>> reads_alone("Prodigy, of the '90s group Mobb Deep, died 'cause of a crisis, Jordan 's aunt said.")
    True
    """
    text = sentence.strip()
    if not text or text.endswith(("...", "…")) or is_caption(text) or CREDITS.match(text):
        return False
    if UNSTOPPED_QUOTE.search(text):
        return False
    if is_embedded_post(text) or asks_or_leads_on(text) or READER_PROMPT.match(text):
        return False
    if text[0] in "’”[" or text[0].islower():
        return False
    # a quotation that runs on into later sentences (or an odd straight quote, one end of a longer one):
    # cut, it reads as complete words it is not
    if text.count("“") > text.count("”") or text.count('"') % 2 or text.count("(") != text.count(")"):
        return False
    if len(OPENING_SINGLE.findall(text)) > len(CLOSING_SINGLE.findall(text)):
        return False
    # the end of a quotation that opened in an earlier sentence
    return not (QUOTE_END.search(text) and not OPENING_QUOTE.search(text))


def asks_or_leads_on(sentence: str) -> bool:
    """Whether a sentence asks a question in its own voice (a teaser, a rhetorical question, a speaker's
    question cut from its quotation marks) or ends on a colon, introducing words it does not hold: a
    summary states what the sources report.

    >>> [asks_or_leads_on(s) for s in ("What will everyone be talking about on Monday?",
    ...                                "First reactions to the president's big jobs speech:",
    ...                                "“Who else has a super PAC?” Colbert asked.",
    ...                                "He asked reporters, “Why now?”", "The vote passed 51 to 49.")]
    [True, True, False, False, False]
    """
    text = sentence.rstrip()
    return text.endswith(":") or QUOTATION.sub(" ", text).rstrip().endswith("?")


# A report's opening dateline says where, when and by whom it was filed, not what happened; a summary
# sentence starts at the news. A place in capitals before a dash ("KATHMANDU (Reuters) -", "WASHINGTON—"),
# any place before an agency in brackets ("Washington (CNN)"), an agency in brackets alone ("(HealthDay News)
# --", "(CNN)"), or a place and a full date before a dash.
FILED = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ ]{0,25})?\s*(?:\([^()]{1,30}\)\s*)?[—–-]{1,2}"
    r"|(?:[A-Z][\w.'’ -]{1,30}(?:, [A-Z][\w.'’ ]{0,25})?\s*)?\([A-Z][\w.&' ]{1,20}\)\s*[—–-]{0,2})\s*(?=[A-Z“\"‘'])"
)


def without_dateline(sentence: str, articles: dict[str, Article]) -> str:
    """``sentence`` without the dateline it opens on, when it is told at the top of an article (where a
    dateline stands) and a capital follows: an acronym opening a sentence ("NATO — the alliance — said")
    is left alone.

    >>> a = Article("a", "x", sentences=("KATHMANDU (Reuters) - The bodies were found.", "NATO - the alliance."))
    >>> b = Article("b", "", sentences=("Seoul, June 19, 2024 — Putin arrived there.", "Rome (CNN) Sen. Lee spoke."))
    >>> [without_dateline(s, {"a": a, "b": b}) for s in (*a.sentences, *b.sentences)]
    ['The bodies were found.', 'NATO - the alliance.', 'Putin arrived there.', 'Sen. Lee spoke.']
    >>> c = Article("c", "", sentences=("(HealthDay News) -- Babies nap a lot.", "(Associated Press)", "(Oct. 4) AP"))
    >>> [without_dateline(s, {"c": c}) for s in c.sentences]
    ['Babies nap a lot.', '(Associated Press)', '(Oct. 4) AP']
    """
    if not any(sentence in a.sentences[:DATELINE_LINES] for a in articles.values()):
        return sentence
    return cut_dateline(sentence)


def cut_dateline(sentence: str) -> str:
    """``sentence`` without the dateline it opens on when a capital follows, for a sentence the caller knows
    is told at the top of its article (:func:`without_dateline`).

    >>> cut_dateline("OSAN AIR BASE, South Korea (AFNS) -- Forces held an exercise.")
    'Forces held an exercise.'
    >>> cut_dateline("NATO - the alliance - met.")
    'NATO - the alliance - met.'
    """
    found = FILED.match(sentence) or DATELINE.match(sentence)
    rest = sentence[found.end() :].lstrip() if found else ""
    return rest if len(rest.split()) >= 3 and rest[0].isupper() else sentence


def as_summary_text(sentence: str, articles: dict[str, Article]) -> str:
    """A chosen sentence as the summary prints it: from its news on, ended with a full stop."""
    return closed(without_dateline(sentence, articles))


def closed(sentence: str) -> str:
    """A headline or standfirst line chosen as a sentence, ended with a full stop like the others."""
    return sentence if re.search(r"[.!?…:;\"”’')\]]$", sentence) else f"{sentence}."


def earliest_date(cited: tuple[str, ...], articles: dict[str, Article]) -> date | None:
    """The day of the earliest dated article among ``cited``."""
    return min((d for a in cited if (d := published_date(articles[a].published))), default=None)


def points_back(sentence: str) -> bool:
    """Whether a sentence opens on a word standing for someone, something or somewhere an earlier sentence
    names ("Once there, he ...", "Other hits included ..."), or on a word joining it to the sentence before.

    >>> [points_back(s) for s in ("He also was a founder of Vine.", "That does not mean they suspect him.",
    ...                           "This week, the council met.", "Their lawyer said so.", "Hebron is calm.",
    ...                           "And, he was the CTO.", "I never intended a scene.", "Itself a port, Aden is calm.",
    ...                           "“I need to talk to you,” he said, according to police.", "“No,” Smith said.",
    ...                           "When he left, he was beaming.", "And the problem is not that he is unfit.",
    ...                           "However, the shows will be the last.", "Andover is calm.", "Sofia is calm.",
    ...                           "Upon his arrival, Putin was received by Kim.", "Upon arrival, Putin was received.")]
    [True, True, False, True, False, True, True, False, True, False, True, True, True, False, False, True, False]
    >>> [points_back(s) for s in ("Once there, he left.", "Other hits won.", "Otherworldly.", "There were 20.",
    ...                           "The rest goes to a dress.", "The rest of the crew left.", "Lee was, however, ill.")]
    [True, True, False, False, True, False, True]
    >>> [points_back(s) for s in ("A day later, Johnson was arrested.", "The next day, police left.",
    ...                           "Later that day, it rained.", "Earlier, troops fired.", "Earlier this week, it hit.",
    ...                           "Two days later the bodies were found.", "A day after the vote, it fell.")]
    [True, True, True, True, False, True, False]
    """
    return any(p.search(sentence) for p in (BACK_REFERENCE, PRONOUN_SPEAKER, CONNECTIVE, RELATIVE_TIME))


def speaks_of_self(sentence: str) -> bool:
    """Whether a sentence is a named speaker's words opening on the first person: its "I" or "we" is the
    speaker the sentence credits, not someone an earlier sentence names.

    >>> [speaks_of_self(s) for s in ("“I am flattered,” Stallone said.", "“We won,” said Mayor Lee.",
    ...                              "“I am flattered,” he said.", "“This is evidence,” said Pascual.",
    ...                              "“I am flattered.”", "I am flattered, Stallone said.")]
    [True, True, False, False, False, False]
    """
    return credited_quote(sentence) and bool(SPEAKER_FIRST_PERSON.match(sentence))


def echoes(sentence: str) -> bool:
    """Whether a sentence says it repeats or answers the one before it ("echoed Raj Shah's sentiment").

    >>> [echoes(s) for s in ("Sanders echoed Raj Shah's sentiment.", "She said the same thing.",
    ...                      "The same day, the council met.", "The echo chamber is loud.")]
    [True, True, False, False]
    """
    return bool(ECHO.search(QUOTATION.sub(" ", sentence)))


def sets_up(sentence: str) -> bool:
    """Whether a sentence, outside its quotations, says what something is not, setting up the claim of the
    sentence after it.

    >>> [sets_up(s) for s in ("And the problem is not that Colbert isn't qualified.", "It is not that simple.",
    ...                       "It wasn't because he lied to them.", "“It's not that he lied,” she said.")]
    [True, False, True, False]
    """
    return bool(DENIAL_SETUP.search(QUOTATION.sub(" ", sentence)))


def unattributed(sentence: str) -> bool:
    """Whether a sentence opens on a quotation and tells no one as saying it: a shard of a longer
    quotation, whose speaker is named in a sentence the summary may not give.

    >>> [unattributed(s) for s in ("“The tax cuts will further enhance the economy.”",
    ...                            '"Let us see, who is young?"', "“No,” Smith said.",
    ...                            '"We agreed," he joked.', "The mayor called it “a disgrace.”")]
    [True, True, False, False, False]
    """
    text = sentence.lstrip()
    opens = bool(OPENING_QUOTE.match(text))  # read first: most sentences open on no quotation, and are not read on
    return opens and not (TAG_AFTER_QUOTE.search(text) or ATTRIBUTION.search(QUOTATION.sub(" ", text)))


def credited_quote(sentence: str) -> bool:
    """Whether a sentence opens on a quotation and names who says it: a word pointing back opening it is
    the speaker's ("“This is indisputable evidence,” said Mercedes Pascual"), not the sentence's subject.

    >>> [credited_quote(s) for s in ("“This is evidence,” said Mercedes Pascual.", "“This is evidence,” he said.",
    ...                              "“This is evidence.”", "This is evidence, Pascual said.")]
    [True, False, False, False]
    """
    opens = bool(OPENING_QUOTE.match(sentence.lstrip()))
    return opens and not (unattributed(sentence) or PRONOUN_SPEAKER.search(sentence))


def speech_tag(sentence: str, before: str | None) -> bool:
    """Whether a sentence is the speech tag of a quotation the sentence ``before`` it holds, split off
    after the quotation's question or exclamation mark ("Colbert said on The Colbert Report Thursday night").

    >>> speech_tag("Colbert said on his show Thursday night.", "“Who else has a super PAC?”")
    True
    >>> speech_tag("Colbert said on his show Thursday night.", "He launched a campaign.")
    False
    """
    return bool(before and ENDS_ON_QUOTED_QUESTION.search(before) and SPEECH_TAG.match(sentence.lstrip()))


def sentences_before(articles: dict[str, Article]) -> dict[str, str]:
    """Each sentence's predecessor in the article that first tells it."""
    before: dict[str, str] = {}
    for article in articles.values():
        for previous, sentence in zip(article.sentences, article.sentences[1:], strict=False):
            before.setdefault(sentence, previous)
    return before


@lru_cache(maxsize=1 << 16)  # facts read it of every sentence (fact_words.leans_on_context), the summary again
def in_own_voice(sentence: str) -> bool:
    """Whether a sentence says "I" or "we" outside quotation marks: the writer's own account or the
    outlet speaking for itself, not a report.

    >>> [in_own_voice(s) for s in ("After hearing this, I decided to see for myself.", "“I did it,” Smith said.",
    ...                            "To me, lying is the worst betrayal.", "World War I ended in 1918.",
    ...                            "We'd love to hear what it tastes like.", "US officials said so.")]
    [True, False, True, False, True, False]
    """
    unquoted = QUOTATION.sub(" ", sentence)
    return bool(FIRST_PERSON.search(unquoted) or FIRST_PLURAL.search(unquoted))
