import pytest

from newsprism.articles.clean import clean_text
from newsprism.articles.clean_config import CleanConfig
from newsprism.articles.extract import extract
from newsprism.articles.headline import looks_like_headline
from newsprism.articles.repeated import strip_repeated_lines
from newsprism.errors import InputError
from newsprism.records import Article, RawDocument

BODY = "The council approved the new budget on Monday after a long debate.\nIt passes next week."


def test_headline_only_where_it_looks_like_one():
    assert (
        extract(RawDocument("a.txt", "text", "Council Approves Budget\n" + BODY, "a")).title
        == "Council Approves Budget"
    )
    doc = extract(RawDocument("b.txt", "text", BODY, "b"))
    assert doc.title is None and doc.text.startswith("The council approved")


def test_patterns_and_shapes_removed_story_kept():
    text = "\n".join(
        [
            "Politics",
            "Council Approves Budget",
            BODY,
            "A man walks past city hall (AP Photo/Jane Doe)",
            "Read more: Other news",
            "Subscribe to our newsletter for updates",
            "Follow Jane Doe on Twitter.",
            "© 2025 Example News. All rights reserved.",
            "The mayor welcomed the vote.",
        ]
    )
    cleaned = clean_text(text, find_headline=True)
    assert cleaned.headline == "Council Approves Budget"
    assert "The mayor welcomed the vote." in cleaned.lines
    assert len(cleaned.removed) == 6


def test_looks_like_headline():
    assert looks_like_headline("Storm Hits the Northern Coast")
    assert not looks_like_headline("The storm hit the coast.")


def test_clean_config_rejects_thresholds_out_of_range():
    with pytest.raises(ValueError, match="label words"):
        CleanConfig(label_words=-1)
    with pytest.raises(ValueError, match="title case share"):
        CleanConfig(title_case_share=1.5)


def test_html_through_trafilatura():
    html = (
        "<html><head><title>Budget Passes | Example News</title><meta property='og:site_name' content='Example News'>"
        "</head><body><nav>Home | World</nav><article><h1>Budget Passes</h1>"
        + "".join(f"<p>{s}</p>" for s in BODY.split("\n"))
        + "<p>Share this article</p></article></body></html>"
    )
    article = extract(RawDocument("x.html", "html", html, "x"))
    assert article.outlet == "Example News" and "approved the new budget" in article.text
    assert "Share this article" not in article.text


def test_not_an_article_raises_with_input_name():
    with pytest.raises(InputError, match=r"tiny\.txt"):
        extract(RawDocument("tiny.txt", "text", "Hello there", "tiny"))


def test_lines_repeated_across_one_outlet_are_removed():
    footer = "Example News is an independent newsroom funded by readers"
    a = Article(id="a", outlet="Ex", text="Storm hits the coast today.\nRoads are closed.\n" + footer)
    b = Article(id="b", outlet="Ex", text="Budget passes after a vote.\nTaxes will rise.\n" + footer)
    c = Article(id="c", outlet="Other", text="Something else happened.\n" + footer)
    cleaned = {x.id: x for x in strip_repeated_lines([a, b, c])}
    assert footer not in cleaned["a"].text and footer in cleaned["a"].removed
    assert footer in cleaned["c"].text  # only one article of that outlet


def test_copies_in_one_outlet_are_not_stripped_bare():
    a = Article(id="a", outlet="Ex", text="Line one of the story.\nLine two of the story.\nLine three.")
    b = Article(id="b", outlet="Ex", text="Line one of the story.\nLine two of the story.\nLine three.")
    assert [x.text for x in strip_repeated_lines([a, b])] == [a.text, b.text]


def kept_and_removed(lines: list[str], **kwargs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cleaned = clean_text("\n".join(lines), find_headline=False, **kwargs)
    return cleaned.lines, cleaned.removed


def test_subheadings_list_items_and_table_rows_are_article_text():
    lines = [
        BODY,
        "The White House",
        "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
        "- Eat every 2–3 hours",
        "| HD | THE HOME DEPOT INC. | 225.86 | -12.99 | -5.44% |",
        "WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?",
        "GIRLS BASKETBALL",
        "By the numbers",
    ]
    kept, removed = kept_and_removed(lines)
    assert removed == ()
    assert kept == tuple("\n".join(lines).split("\n"))


def test_lines_without_letters_are_markup():
    kept, removed = kept_and_removed([BODY, "-", "|---|---|", "The mayor welcomed the vote."])
    assert kept == (*BODY.split("\n"), "The mayor welcomed the vote.")
    assert removed == ("-", "|---|---|")


def test_links_under_a_related_header_go_until_prose_resumes():
    lines = [
        BODY,
        "You may also like...",
        "Who will make the Rock Hall in 2020?",
        "Dave Matthews Band takes over Rock Hall Fan Vote",
        "The band will announce more dates in the spring, a spokesman said.",
        "DON'T MISS",
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]",
        "Related: The 15 Weirdest Galaxies in Our Universe",
        "Also: See Black Friday coverage at CNET",
        "Also on Monday, the council voted to close the old library.",
    ]
    kept, removed = kept_and_removed(lines)
    assert removed == tuple(lines[1:4] + lines[5:9])
    assert "The band will announce more dates in the spring, a spokesman said." in kept
    # "Also" and "More" open sentences; only a colon straight after them makes a link label
    assert "Also on Monday, the council voted to close the old library." in kept


def test_bulleted_title_case_headlines_are_links_but_article_bullets_stay():
    links = ["- 15 Amazing Images of Stars", "- 11 Fascinating Facts About Our Milky Way Galaxy", "- Photos: Europa"]
    own = ["- Your email list will begin to grow", "- Discover what stage you’re in now", "- Pinpoint your focus"]
    german = ["- in § 68 SGB V - elektronische Gesundheitsakte", "- in § 630f BGB – elektronische Arztakte", "- HL7"]
    kept, removed = kept_and_removed([BODY, *links, BODY, *own, *german])
    assert removed == tuple(links)
    assert set(own + german) <= set(kept)


def test_newsletter_widget_removed_with_its_blurb_but_news_about_newsletters_kept():
    widget = [
        "Pick Six Newsletter",
        "Get the day's big stories + fun stuff you love like mock drafts, picks and power rankings.",
        "Thanks for signing up!",
        "Keep an eye on your inbox for the latest sports news.",
        "Sorry!",
        "There was an error processing your subscription.",
    ]
    news = [
        "Substack said 2 million readers now subscribe to its paid newsletters.",
        "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
        "Subscribe to the 9to5Toys YouTube Channel for all of the latest videos, reviews, and more!",
        "Sign up for BREAKING NEWS Emails privacy policy Thanks for subscribing!",
    ]
    kept, removed = kept_and_removed([BODY, *widget, *news])
    assert removed == (*widget, *news[1:])
    assert news[0] in kept


def test_author_bio_follow_prompts_and_pitches_removed_reporting_kept():
    prompts = [
        "Have a tip? Amy Doe may be reached at adoe@example.com. Follow her on Twitter @AmyDoe or on Facebook.",
        "His book is out now. Follow him on Twitter @jdoe. Follow us on Twitter @Example and on Facebook.",
        "Follow AP's full coverage of Brexit at https://apnews.com/Brexit",
        "If you enjoyed this article, we have a proposition for you: Join EXPLUS.",
        "If you buy something through this post, Example may get a share of the sale.",
        "Get access to India's fastest growing subscription service for as little as Rs 599.",
        "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
        "[button link=”http://example.com/submit/”] Send us YOUR kit review[/button]",
        "Tell us what YOU think...",
        "comments",
    ]
    reporting = [
        "The president urged supporters to follow him on Twitter, where he has 60 million followers.",
        "If you buy a house this year, expect higher rates, the bank's economist said.",
    ]
    kept, removed = kept_and_removed([BODY, *prompts, *reporting])
    assert removed == tuple(prompts)
    assert set(reporting) <= set(kept)


def test_bylines_timestamps_and_labels_removed_times_in_prose_kept():
    meta = [
        "By Jane Doe and John Roe | Staff Writers",
        "Updated at 1:23 p.m.",
        "UPDATED: Tue., Nov. 19, 2019",
        "2019-11-19T08:57:40+01:00",
        "5:45 AM PST 11/19/2019 by Patrick Shanley",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Additional reporting by Joseph Hudak",
        "SOURCE: News agencies",
        "Filed under: Politics |",
        "Tempo de leitura: 1 minuto",
    ]
    prose = [
        "The meeting started at 10:30 on 5 May 2019.",
        "By Monday, 40 people had been evacuated from the valley.",
        "Research from the university shows turnout fell by a third.",
    ]
    kept, removed = kept_and_removed([BODY, *meta, *prose])
    assert removed == tuple(meta)
    assert set(prose) <= set(kept)


def test_photo_credits_and_captions_removed_agency_in_prose_kept():
    credits = [
        "The WeWork logo is displayed outside of a co-working space in New York.Reuters",
        "Protesters gather near the university. REUTERS/Tyrone Siu",
        "Jewels after Jewels, installation views, photos © Inexhibit, 2018",
    ]
    caption = ["Kim Jong Un - Vladimir Putin meeting in Russia", "Kremlin Press Office / Handout via Getty Images"]
    prose = ["He told Reuters the talks had stalled.", "Get Dashlane Password Manager for Free (Upgrade for $4.99/mo)"]
    kept, removed = kept_and_removed([BODY, *credits, *caption, *prose])
    assert removed == (*credits, *caption)
    assert set(prose) <= set(kept)


def test_captions_reprinted_with_credit_or_credited_in_brackets_removed():
    bare = "Armed men take cover behind an armored vehicle as they attempt to take over a military base."
    reprinted = f"March 22, 2014 {bare} Jane Doe/Reuters"
    bracketed = "President Obama speaks in the briefing room on March 17, 2014. (Photo: Susan Walsh, AP)"
    # prose quoted again with more words, and a gallery's link, are not captions
    prose = [
        "The base fell after an hours-long standoff, officials said.",
        "The base fell after an hours-long standoff, officials said, and the troops left on Monday.",
        "There will be seven billion of us by late 2011. (Pictures: Population 7 Billion.)",
    ]
    kept, removed = kept_and_removed([BODY, bare, reprinted, bracketed, *prose])
    assert removed == (bare, reprinted, bracketed)
    assert set(prose) <= set(kept)


def test_shouted_promos_removed_capitalised_subheadings_kept():
    shouts = ["CLICK HERE TO GET THE FOX NEWS APP", "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"]
    subheadings = ["DOES SHE HAVE A PLAN FOR THAT?", "CLICK FOR FULL STATE SWIM RESULTS"]
    kept, removed = kept_and_removed([BODY, *shouts, *subheadings])
    assert removed == tuple(shouts)
    assert set(subheadings) <= set(kept)


def test_headline_and_address_printed_in_the_body_removed():
    url = "https://www.example.com/news/Cat-found-in-New-Mexico-14848175.php"
    lines = [
        url,
        "Cat found in New Mexico after going missing in Oregon",
        "SANTA FE, N.M. (AP) — A cat missing for five years in Oregon has been found in New Mexico.",
        BODY,
    ]
    kept, removed = kept_and_removed(
        lines, title="Cat found in New Mexico after going missing in Oregon | Example", url=url
    )
    assert removed == tuple(lines[:2])
    # the lead repeats most of the headline's words, but it is a sentence
    assert kept[0].startswith("SANTA FE")


def test_longer_display_headline_at_the_top_removed():
    lines = [
        "Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to get it",
        "A HUNTER who killed and ate a wild rabbit in China has been diagnosed with bubonic plague.",
        BODY,
    ]
    kept, removed = kept_and_removed(
        lines, title="Hunter in Beijing diagnosed with bubonic plague after eating a rabbit"
    )
    assert removed == (lines[0],)
    assert kept[0] == lines[1]


def test_second_copy_of_the_story_removed_but_repeated_list_lines_kept():
    story = [f"Paragraph {n} of the story tells what happened at the council meeting on Monday." for n in range(5)]
    teaser = "Paragraph 0 of the story tells what happened at..."
    kept, removed = kept_and_removed([*story, teaser, "10 things you need to know", *story])
    assert kept == (*story, "10 things you need to know")
    assert removed == (teaser, *story)
    # recipes printed in two meal plans of a longer article are part of both
    recipes = [
        "Asparagus and Eggs [1 cup asparagus, 2 poached eggs, ½ cup sweet potato, 1 tsp. olive oil]",
        "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp. of olive oil",
        "Chicken Zoodles [1 cup zucchini noodles, 4 oz. cooked chicken, ½ cup edamame, 1 tsp. sesame oil]",
        "Portion Fix Containers: 1 Green, 2 Red, 1 Yellow, 1 tsp. of sesame oil",
    ]
    long_story = [line.replace("Monday", f"day {n}") for n in range(2) for line in story]
    plans = ["Meal Plan A", *recipes, *long_story, "Meal Plan B", *recipes]
    kept, removed = kept_and_removed(plans)
    assert removed == () and kept.count(recipes[0]) == 2


def test_quoted_sentence_between_two_prompts_is_kept():
    lines = [BODY, "Read more: Budget vote", '"We will not back down," the mayor said.', "Subscribe to our newsletter"]
    kept, removed = kept_and_removed(lines)
    assert '"We will not back down," the mayor said.' in kept
    assert removed == (lines[1], lines[3])


def test_html_keeps_tables_and_drops_related_links():
    rows = "".join(f"<tr><td>June {d}</td><td>Arena number {d}, Springfield</td></tr>" for d in range(1, 6))
    html = (
        "<html><head><title>Band Announces Tour | Example News</title></head>"
        "<body><article><h1>Band Announces Tour</h1>"
        + "".join(f"<p>{s}</p>" for s in BODY.split("\n"))
        + "<p>The band will play these dates across the country next summer, its label said.</p>"
        + f"<table>{rows}</table><p>You may also like...</p><p>Singer Wins Award At Gala Night</p>"
        + "</article></body></html>"
    )
    article = extract(RawDocument("t.html", "html", html, "t", url="https://example.com/tour"))
    assert "Arena number 3, Springfield" in article.text
    assert "Singer Wins Award" not in article.text and "You may also like..." in article.removed


def test_section_paths_removed_table_rows_kept():
    lines = [BODY, "*World | Infrastructure*", "Home > World > Asia", "| HD | 225.86 |"]
    kept, removed = kept_and_removed(lines)
    assert removed == ("*World | Infrastructure*", "Home > World > Asia")
    assert kept == (*BODY.split("\n"), "| HD | 225.86 |")


def test_video_player_controls_scraped_into_a_paragraph_are_removed():
    cleaned = clean_text(
        "CLOSE Skip in Skip x Embed x Share A former police officer was charged on Monday.\nHe pleaded not guilty.",
        find_headline=False,
    )
    assert cleaned.lines == ("A former police officer was charged on Monday.", "He pleaded not guilty.")
    assert cleaned.removed == ("CLOSE Skip in Skip x Embed x Share",)
