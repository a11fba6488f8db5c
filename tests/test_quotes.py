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


def test_a_pronoun_is_the_person_the_previous_sentences_name_or_nobody():
    text = (
        "“We will veto any bill that raises taxes on the middle class,” said Sen. Dick Black.\n"
        "Sen. Bernie Sanders (I-Vt.), well aware of the critics, praised the speech. "
        "“He is willing to stand with the poorest people in America,” he said.\n"
        "The vote is due next week. The committee met twice. Nobody expects a deal. "
        "“We will not support a deal like this one,” he said."
    )
    assert [s for s, _ in speakers(text)] == ["Dick Black", "Bernie Sanders", None]


def test_a_name_inside_a_quotation_never_speaks_it():
    text = (
        "Axel Merk, a fund manager, spoke to reporters on Monday.\n"
        "“We did very well this year. Donald Trump said so himself, many times,” he said. "
        "“Markets go up and down all the time,” he added."
    )
    assert [s for s, _ in speakers(text)] == ["Axel Merk", "Axel Merk"]


def test_attributions_with_party_labels_descriptions_and_openings():
    text = (
        "“This deal does not even attempt to strike a balance,” Progressive Caucus leader Rep. Raul Grijalva "
        "(D-AZ) said in a statement.\n"
        "Mr. Kushner’s attorney, Jamie Gorelick, said in a statement: “He will do the same if he is contacted.”\n"
        "On Thursday, Malaysia Airlines took out a full-page advertisement, saying: “Our sincerest condolences "
        "go out to the loved ones.”\n"
        "“The stock market has smashed one record after another,” the president proudly stated."
    )
    assert [s for s, _ in speakers(text)] == ["Raul Grijalva", "Jamie Gorelick", "Malaysia Airlines", "the president"]


def test_according_to_ending_a_sentence_does_not_attribute_the_next_sentences_quotation():
    text = (
        "“My guy is going to say she is here too,” the lawyer said, according to the indictment. "
        "“They are going to ask you for your documents and then it is over.”"
    )
    assert [s for s, _ in speakers(text)] == ["the lawyer", "the lawyer"]
