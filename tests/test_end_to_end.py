"""The report on the seed story and on examples/: every section present and right where it must be."""

import json
import re


def story_of(report, article_id):
    return next(s for s in json.loads(report.to_json())["stories"] if article_id in s["articles"])


def test_seed_is_one_story_with_every_section(seed_report):
    data = json.loads(seed_report.to_json())
    assert len(data["stories"]) == 1
    story = data["stories"][0]
    assert len(story["articles"]) == 5
    for section in ("summary", "facts", "provenance", "entities", "timeline", "framing"):
        assert story[section], section


def test_seed_boilerplate_removed_and_sentences_kept(seed_report, seed_dir):
    articles = {a.id: a for a in seed_report.articles}
    a002, a003 = articles["002_c10d309ea089b01d"], articles["003_b35613301c0a399f"]
    for line in ("NewsPolitics", "Related Articles", "Back to top button"):
        assert line in a002.removed and line not in a002.text
    assert any(r.startswith("Read Also:") for r in a002.removed)
    assert any("via Getty Images" in r for r in a003.removed)
    assert any("(AP Photo/" in r for r in a003.removed)
    assert "Follow Frances Martel on Facebook and Twitter." in a003.removed
    assert not any("commenting" in line for line in a003.text.splitlines())
    # every sentence of the story itself is kept
    assert "After visiting North Korea, Putin is to visit Vietnam" in a002.text
    assert "South Korean Foreign Minister Cho Tae-yul said" in a003.text
    assert "The state-run Korean Central News Agency (KCNA)" in a003.text


def test_seed_headlines(seed_report):
    articles = {a.id: a for a in seed_report.articles}
    a004 = articles["004_b57fed62e2f8785f"]
    assert a004.title is None
    assert a004.sentences[0].startswith("Russian President Vladimir Putin has arrived in North Korea")
    assert articles["002_c10d309ea089b01d"].title == "Putin To Make His First Trip To North Korea In 24 Years"
    # 000 opens with a standfirst, not a headline: it stays in the text
    a000 = articles["000_e725108744faafc6"]
    assert a000.title is None and a000.text.startswith("The Russian president will travel")
    assert articles["001_d00993bdb1b14b3e"].published == "2024-06-19"
    assert a004.published is None


def test_seed_provenance_and_independent_sources(seed_report):
    story = story_of(seed_report, "004_b57fed62e2f8785f")
    pairs = [{p["original"], p["copy"]} for p in story["provenance"]]
    assert pairs == [{"002_c10d309ea089b01d", "004_b57fed62e2f8785f"}]
    # each keeps details of the wire report the other lacks: both rewrite it, neither is the other's source
    assert story["provenance"][0]["kind"] == "shared-source"
    assert story["provenance"][0]["reason"].startswith("both rewrite an outside report")
    assert story["independent_sources"] == 4
    assert seed_report.pipeline["embedder"] == "all-MiniLM-L6-v2-onnx"
    html = seed_report.to_html()
    section = html[html.index('class="provenance"') : html.index('class="entities"')]
    # the pair sits together in the tree, with its aligned sentences on demand
    assert section.index("002_c10d309ea089b01d") < section.index("004_b57fed62e2f8785f: shares a source with")
    assert "aligned sentences side by side" in section and "4 independent sources" in section


def test_seed_conflict_on_years_since_last_visit(seed_report):
    story = story_of(seed_report, "001_d00993bdb1b14b3e")
    # the years since the last visit and the place of the September meeting, nothing else
    assert sorted(c["kind"] for c in story["conflicts"]) == ["number", "place"]
    years_conflict = next(c for c in story["conflicts"] if c["kind"] == "number")
    sides = {side["value"]: set(side["sources"]) for side in years_conflict["sides"]}
    assert len(sides) == 2
    decades = next(sources for value, sources in sides.items() if "two decades" in value)
    years = next(sources for value, sources in sides.items() if "24 years" in value)
    assert decades == {"001_d00993bdb1b14b3e"}
    assert years == {"000_e725108744faafc6", "002_c10d309ea089b01d", "004_b57fed62e2f8785f"}
    sides = {tuple(side["sources"]) for side in years_conflict["sides"]}
    assert ("001_d00993bdb1b14b3e",) in sides
    place = next(c for c in story["conflicts"] if c["kind"] == "place")
    assert {s["value"]: s["sources"] for s in place["sides"]} == {
        "Vladivostok": ["003_b35613301c0a399f"],
        "Vostochny cosmodrome": ["004_b57fed62e2f8785f"],
    }


def test_seed_entities_merge_spelling_variants(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    names = {e["name"]: e for e in story["entities"]}
    lavrov = next(e for e in story["entities"] if "Lavrov" in e["name"])
    assert {lavrov["name"], *lavrov["aliases"]} >= {"Sergey Lavrov", "Sergei Lavrov"}
    kim = next(e for e in story["entities"] if e["name"] in ("Kim Jong-un", "Kim Jong Un"))
    assert {"Kim Jong-un", "Kim Jong Un"} <= {kim["name"], *kim["aliases"]}
    assert len(kim["sources"]) == 5
    assert "North Korea" in names and "DPRK" in names["North Korea"]["aliases"]


def test_seed_timeline_sorted_with_known_dates(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    dates = [t["date"] for t in story["timeline"]]
    assert dates == sorted(dates)
    assert {"2000", "2023-09", "2024-06-18", "2024-06-19"} <= set(dates)
    # 000 is undated: its "will travel on Tuesday" is the Tuesday nearest the story's dated coverage
    tuesday = [t for t in story["timeline"] if t["date"] == "2024-06-18"]
    assert any("000_e725108744faafc6" in t["sources"] and "Tuesday" in t["event"] for t in tuesday)
    # "last met in September" is past: September 2023, not 2024
    assert not any("last met in September" in t["event"] and t["date"] != "2023-09" for t in story["timeline"])


def test_seed_framing_loaded_terms(seed_report):
    story = story_of(seed_report, "003_b35613301c0a399f")
    framing = {f["article"]: f for f in story["framing"]}
    partisan, state = framing["003_b35613301c0a399f"], framing["000_e725108744faafc6"]
    # the partisan outlet's own words count, the words of Kim it quotes do not
    assert {"regime", "screed", "railed", "strongman"} <= set(partisan["loaded_terms"])
    assert not {"heroic", "brilliantly", "invaluable"} & set(partisan["loaded_terms"])
    # "friendly and good-neighborly" is Ushakov's, quoted; the state outlet's own favourable word stays
    assert "good-neighborly" not in state["loaded_terms"] and "friendly" in state["loaded_terms"]
    assert state["tone"] > 0 > partisan["tone"]
    # the state outlet is silent on the arms allegations the others report, shown with their text
    assert any("supplying weapons" in text for text in state["omitted"])


def test_seed_partnership_agreement_is_one_fact_of_four_outlets(seed_report):
    # 000 words it "a potential comprehensive strategic partnership agreement", linked by that phrase;
    # every sentence of the fact names the agreement. 001's "expected to sign several bilateral documents"
    # states with 000 another fact, that documents will be signed: it never names the agreement.
    story = story_of(seed_report, "000_e725108744faafc6")
    facts = [f for f in story["facts"] if all("partnership agreement" in e["sentence"].lower() for e in f["evidence"])]
    facts = [f for f in facts if len(f["sources"]) > 1]
    assert len(facts) == 1
    assert set(facts[0]["sources"]) == {
        "000_e725108744faafc6",
        "001_d00993bdb1b14b3e",
        "002_c10d309ea089b01d",
        "004_b57fed62e2f8785f",
    }


def test_summary_cites_sources_within_budget(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    assert 3 <= len(story["summary"]) <= 8
    assert all(s["sources"] and set(s["sources"]) <= set(story["articles"]) for s in story["summary"])
    assert sum(len(s["text"].split()) for s in story["summary"]) <= 160
    # headline-like lines (000 opens with one) read as sentences too
    assert all(s["text"].rstrip("”’\"')")[-1] in ".!?" for s in story["summary"])


def test_seed_summary_tells_who_went_where_the_first_visit_in_24_years_and_the_agreement(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    text = " ".join(s["text"] for s in story["summary"])
    assert "Putin" in text and ("Pyongyang" in text or "North Korea" in text)
    assert "24 years" in text or "since 2000" in text
    # the documents the two sides are to sign, which four outlets report, told once and cited by the
    # outlets whose text shows the sentence's names
    agreement = [s for s in story["summary"] if " sign " in s["text"]]
    assert len(agreement) == 1 and len(agreement[0]["sources"]) >= 2


def test_seed_summary_tells_no_announcement_the_later_coverage_overtook(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    assert not any("will travel" in s["text"] for s in story["summary"])  # he has arrived by then
    # nor Monday's list of who "will accompany" him on "the upcoming trip", once they are told accompanying him
    assert not any("will be accompanied" in s["text"] for s in story["summary"])


def test_every_seed_summary_citation_shows_the_sentence_names_and_numbers(seed_report):
    from newsprism.analysis.support import supports

    story = story_of(seed_report, "000_e725108744faafc6")
    articles = {a.id: a for a in seed_report.articles}
    for sentence in story["summary"]:
        said = re.sub(r" \(“[^)]*(?:another|other) sources?\b[^)]*\)", "", sentence["text"])  # another side, attributed
        assert all(supports(articles[a], said) for a in sentence["sources"]), sentence


def test_summary_states_the_conflict_without_taking_a_side(seed_report):
    story = story_of(seed_report, "000_e725108744faafc6")
    stated = [s for s in story["summary"] if "nearly two decades" in s["text"]]
    assert len(stated) == 1
    assert "24 years" in stated[0]["text"] or "since 2000" in stated[0]["text"]
    # the side told is cited by its sources; the other is attributed in the text to its own
    years_side = {"000_e725108744faafc6", "002_c10d309ea089b01d", "004_b57fed62e2f8785f"}
    assert stated[0]["sources"] and set(stated[0]["sources"]) <= years_side
    # 001 has no outlet name: it is counted, never named by its id, which means nothing to a reader
    assert "(“nearly two decades”, according to another source)" in stated[0]["text"]
    assert "001_" not in stated[0]["text"]
    # the fact matrix marks 001 as giving another value, not as reporting "since 2000"
    since_2000 = [f for f in story["facts"] if "since 2000" in f["text"]]
    assert since_2000 and all(f["disputed_by"] == ["001_d00993bdb1b14b3e"] for f in since_2000)
    assert all(not f["disputed_by"] for f in story["facts"] if "2000" not in f["text"] and "24 years" not in f["text"])
    # and no other sentence puts "24 years" in the mouth of 001, which said "nearly two decades"
    others = [s for s in story["summary"] if s is not stated[0] and "001_d00993bdb1b14b3e" in s["sources"]]
    assert not any("24 years" in s["text"] or "since 2000" in s["text"] for s in others)


def test_examples_stories_copies_conflict_and_framing(examples_report):
    data = json.loads(examples_report.to_json())
    assert len(data["stories"]) == 2
    bridge = story_of(examples_report, "meridian-wire")
    assert "markets-brief" not in bridge["articles"] and len(bridge["articles"]) == 5
    kinds = {(p["original"], p["copy"]): p["kind"] for p in bridge["provenance"]}
    assert kinds[("meridian-wire", "coastal-daily")] == "syndicated"
    assert kinds[("meridian-wire", "valley-times")] == "rewrite"
    assert bridge["independent_sources"] == 3
    assert len(bridge["conflicts"]) == 1
    sides = {side["value"]: side["sources"] for side in bridge["conflicts"][0]["sides"]}
    assert any("18" in v and s == ["the-observer"] for v, s in sides.items())
    injured = next(f for f in bridge["facts"] if "injuring 12 people" in f["text"])
    assert injured["disputed_by"] == ["the-observer"]
    framing = {f["article"]: f for f in bridge["framing"]}
    assert {"scandal", "whitewash"} <= set(framing["the-observer"]["loaded_terms"])
    assert "heroic" in framing["state-broadcaster"]["loaded_terms"]
    corrosion = next(f["id"] for f in bridge["facts"] if "corrosion" in f["text"])
    assert corrosion in framing["state-broadcaster"]["omits"]
    # the rescue count three outlets report is told, though "12 people" is also one side's value
    rescue = [s for s in bridge["summary"] if "pulled 12 people" in s["text"]]
    assert rescue and len(rescue[0]["sources"]) == 3


def test_examples_metadata_from_each_format(examples_report):
    articles = {a.id: a for a in examples_report.articles}
    assert articles["meridian-wire"].outlet == "Meridian Press Agency"
    assert articles["coastal-daily"].outlet == "Coastal Daily"
    assert articles["coastal-daily"].published.startswith("2025-03-04")
    assert articles["valley-times"].published == "2025-03-04"  # from the dateline
    assert articles["the-observer"].title == "Arden Bridge Collapse Exposes Years of Neglect"
    assert any("newsletter" in r for r in articles["coastal-daily"].removed)
    assert all(a.language == "en" for a in articles.values())


def test_markdown_carries_every_section(seed_report):
    text = seed_report.to_markdown()
    for heading in (
        "### Summary",
        "### Facts by source",
        "### Conflicts",
        "### Provenance",
        "### Entities",
        "### Timeline",
        "### Framing",
    ):
        assert heading in text
