from datetime import date

from newsprism.analysis.entities import translit_key
from newsprism.analysis.timeline import TimelineConfig, build_timeline, resolve_dates
from newsprism.analysis.values import read_mentions
from newsprism.articles.language import detect_language
from newsprism.articles.sentences import split_sentences
from newsprism.cluster import StoryClusterer
from newsprism.records import Article, Story


def test_clustering_ignores_listing_order():
    arts = [
        Article(id=i, title=t, text=x, published=p)
        for i, t, x, p in [
            ("b", "Storm hits coast", "A storm hit the coast of Maine on Monday.", "2024-01-02"),
            ("a", "Maine coast storm", "The storm battered the Maine coast.", "2024-01-01"),
            ("c", "Stocks rally", "Shares rose on Wall Street.", "2024-01-03"),
        ]
    ]
    one = [s.article_ids for s in StoryClusterer().fit_predict(arts)]
    two = [s.article_ids for s in StoryClusterer().fit_predict(arts[::-1])]
    assert one == two == [["a", "b"], ["c"]]


def test_transliteration_keys():
    assert translit_key("Sergey Lavrov") == translit_key("Sergei Lavrov")
    assert translit_key("Yuri") == translit_key("Yury")
    assert translit_key("Andrey") == translit_key("Andrei")
    assert translit_key("Putin") != translit_key("Kim")


def test_time_spans_read_against_publication_year():
    [since] = [m for m in read_mentions(0, "his first trip there since 2000", 2024) if m.kind == "time span"]
    assert since.low <= 24 <= since.high
    [decades] = [m for m in read_mentions(0, "his first trip in nearly two decades", 2024)]
    assert decades.high <= 20 < 24
    [about] = [m for m in read_mentions(0, "about 20 years", 2024)]
    assert about.low <= 21 <= about.high


def test_timeline_tense():
    monday = date(2024, 6, 17)
    assert resolve_dates("He will travel on Tuesday.", monday) == ["2024-06-18"]
    assert resolve_dates("It was announced on Monday.", monday) == ["2024-06-17"]
    assert resolve_dates("They met in September.", monday) == ["2023-09"]
    assert resolve_dates("He will travel on Tuesday.", None) == []


def test_timeline_settings_change_events():
    first = "The summit will open in Hanoi on Tuesday after months of talks."
    second = "Leaders will sign a trade deal on Tuesday."
    story = Story(
        "s",
        tuple(Article(id=i, text=t, sentences=(t,), published="2024-06-17") for i, t in (("a", first), ("b", second))),
    )
    # too few words in common to be one event, by default
    assert [(e.date, e.sources) for e in build_timeline(story)] == [("2024-06-18", ("a",)), ("2024-06-18", ("b",))]
    [event] = build_timeline(story, TimelineConfig(event_word_overlap=0.1, max_event_words=3))
    assert event.event == "The summit will …" and event.sources == ("a", "b")


def test_sentences_and_language():
    assert split_sentences("Gen. Lee arrived. He spoke.") == ["Gen. Lee arrived.", "He spoke."]
    assert detect_language("Der Präsident hat die Reise für Dienstag angekündigt und ist nicht allein.") == "de"
    assert detect_language("12345 !!!") is None
