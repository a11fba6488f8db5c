"""The order a summary tells its sentences in: as the coverage first tells them, dated events by their
dates, and a sentence that depends on the one before it in its article right after that one."""

from __future__ import annotations

from ..records import Article, Story, SummarySentence
from .summary_fit import credited_quote, earliest_date, echoes, points_back, unattributed
from .timeline import event_dates


def in_event_order(
    sentences: list[SummarySentence], articles: dict[str, Article], attached: frozenset[str] = frozenset()
) -> tuple[SummarySentence, ...]:
    """The sentences that date their events, put in the order of those dates in the places they hold
    among the others: the coverage's order otherwise, so a summary never tells a later event before an
    earlier one it dates ("talks began on Tuesday" after "a deal was signed on Thursday"). A sentence
    whose text is in ``attached`` leans on the one before it, and moves with it."""
    blocks: list[list[SummarySentence]] = []
    for sentence in sentences:
        if blocks and sentence.text in attached:
            blocks[-1].append(sentence)
        else:
            blocks.append([sentence])
    dated = {}
    for n, block in enumerate(blocks):
        if when := event_dates(block[0].text, earliest_date(block[0].sources, articles)):
            dated[n] = min(when)
    slots = sorted(dated)
    ordered = list(blocks)
    for slot, n in zip(slots, sorted(slots, key=lambda n: (dated[n], n)), strict=True):
        ordered[slot] = blocks[n]
    return tuple(s for block in ordered for s in block)


def first_told(story: Story) -> dict[str, tuple[int, int]]:
    """Where each sentence is first told: its number in the article, then the article's in the story."""
    position: dict[str, tuple[int, int]] = {}
    for n, article in enumerate(story.articles):
        for i, sentence in enumerate(article.sentences):
            position.setdefault(sentence, (i, n))
    return position


def dependent(sentence: str) -> bool:
    """Whether a sentence means something only right after the one before it in its article: it says it
    echoes it, continues its speaker's words without naming the speaker, opens on a word joining it to
    the sentence before ("And the problem is ...", "Plus, ...") or on a pronoun standing for someone that
    sentence names ("He said that on the trial date ..."), but for a quotation whose speaker the sentence
    names, whose pronoun is the speaker's own. Any earlier sentence of the article will not
    do: "“I need to talk to you,” he said" after the article's sentence on a 4-year-old boy reads as the
    boy speaking; the sentence before names who "he" is."""
    return echoes(sentence) or unattributed(sentence) or (points_back(sentence) and not credited_quote(sentence))


def after_their_antecedents(places: dict[str, tuple[int, ...]], before: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """The chosen sentences' places (given in the coverage's order), a dependent sentence's moved right
    after the sentence before it in its article (taken first: see the summary's choice), so that "“The
    tax cuts will further enhance the economy.”" reads after "“…,” Sanders said.", not after another
    outlet's sentence."""
    placed = dict(places)
    for text in places:  # an antecedent's place is settled before its dependent's
        antecedent = before.get(text)
        if dependent(text) and antecedent in placed:
            placed[text] = (*placed[antecedent], 1)
    return placed
