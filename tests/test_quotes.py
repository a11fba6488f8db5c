from newsprism.analysis.quotes import find_quotes


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in find_quotes(text)]


def test_attribution_forms():
    text = (
        "“The relationship between our two countries is friendly and good-neighborly,” Ushakov said.\n"
        "“We will sign a new partnership agreement during the visit,” said President Vladimir Putin.\n"
        "Foreign Minister Sergei Lavrov told reporters: “The talks will cover every area of our cooperation.”\n"
        "“Nothing has been decided about the next steps yet,” he said.\n"
        "According to the Kremlin, “the visit will last two full days in the capital.”"
    )
    assert speakers(text) == [
        ("Ushakov", "The relationship between"),
        ("Vladimir Putin", "We will sign"),
        ("Sergei Lavrov", "The talks will"),
        ("Sergei Lavrov", "Nothing has been"),
        ("the Kremlin", "the visit will"),
    ]


def test_scare_quotes_are_not_quotations_and_unknown_speakers_stay_unknown():
    text = (
        "Moscow called it a “friendly state visit”. "
        "The statement ended with “support against pressure and blackmail from abroad”."
    )
    assert speakers(text) == [(None, "support against pressure")]


def test_a_quote_that_goes_on_keeps_its_speaker_only_when_it_opens_a_sentence():
    text = (
        "“The summit is a product of a sinister political plot,” Rodong Sinmun railed. "
        "“It will fail as every such plot has failed before.” "
        "JoongAng clarified that the two had agreed to “automatic military intervention in the event of war”."
    )
    assert [s for s, _ in speakers(text)] == ["Rodong Sinmun", "Rodong Sinmun", "JoongAng"]


def test_framing_settings_set_the_shortest_quotation():
    from newsprism.analysis.framing import FramingConfig, frame_articles
    from newsprism.records import Article, Story

    text = "“We will win,” Ushakov said."
    assert find_quotes(text) == ()
    story = Story("s", (Article(id="a", text=text, sentences=(text,)),))
    [framing] = frame_articles(story, (), {"a": "a"}, FramingConfig(quote_words=3))
    assert [(q.speaker, q.text) for q in framing.quotes] == [("Ushakov", "We will win")]
