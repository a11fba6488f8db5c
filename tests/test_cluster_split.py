"""The split pass's contrast test: two groups of a story that each stand on their own stay apart when
they share few words, however alike their embeddings make them."""

import numpy as np

from newsprism.cluster.split import distinctive, groups, pairwise


def two_events(across_words: float) -> tuple[np.ndarray, np.ndarray]:
    """Two groups of three, alike on the mixed similarity (0.3 across, above the bar of 0.2), whose
    words are ``across_words`` alike across and 0.5 within."""
    mixed = np.full((6, 6), 0.3)
    mixed[:3, :3] = mixed[3:, 3:] = 0.6
    words = np.full((6, 6), across_words)
    words[:3, :3] = words[3:, 3:] = 0.5
    return mixed, words


def test_two_groups_that_share_few_words_stay_apart():
    mixed, words = two_events(0.1)
    assert groups(mixed, 0.2, 3, contrast=0.35, words=words) == [[0, 1, 2], [3, 4, 5]]
    assert groups(mixed, 0.2, 3, words=words) == [list(range(6))]  # no contrast test: the bar joins them


def test_one_event_whose_words_are_shared_throughout_stays_whole():
    mixed, words = two_events(0.3)  # 0.3 across against 0.5 within: above 0.35 of it
    assert groups(mixed, 0.2, 3, contrast=0.35, words=words) == [list(range(6))]


def test_pairwise_gives_the_words_alone_beside_the_mix():
    terms = [{"volcano": 0.8, "iceland": 0.6}, {"volcano": 0.6, "lava": 0.8}, {"stocks": 1.0}]
    vectors = np.eye(3, dtype=np.float32)
    mixed, words = pairwise(terms, vectors, np.full(3, 0.5))
    assert np.isclose(words[0, 1], 0.48)  # only "volcano" is held by two members
    assert words[0, 2] == 0.0
    assert np.isclose(mixed[0, 1], 0.5 * 0.48)  # embeddings orthogonal: half the words' share


def named(own: list[dict[str, float]]) -> list[dict[str, float]]:
    """Unit term vectors of headlines that all name one person (weight 0.8) beside their ``own`` words."""
    vectors = [{"cyrus": 0.8, **words} for words in own]
    return [{t: w / sum(x * x for x in v.values()) ** 0.5 for t, w in v.items()} for v in vectors]


def test_two_events_about_one_name_stay_apart_on_their_distinctive_words():
    terms = named([{"fan": 0.4, "dressing": 0.3}] * 3 + [{"underwear": 0.4, "stage": 0.3}] * 3)
    mixed, words = pairwise(terms, np.ones((6, 4), np.float32), np.full(6, 0.3))
    assert groups(mixed, 0.2, 3, contrast=0.35, words=words) == [list(range(6))]  # the name carries the words
    own = distinctive(terms)
    assert own[0, 3] == 0.0 and np.isclose(own[0, 1], 1.0)  # the name, held by all, counts for nothing
    assert groups(mixed, 0.2, 3, contrast=0.35, words=words, distinct=0.04, own=own) == [[0, 1, 2], [3, 4, 5]]


def test_one_event_about_a_name_whose_other_words_cross_stays_whole():
    # each headline shares a word with headlines of the other half as much as with its own
    own = [{"fan": 0.4, "arrest": 0.3}, {"fan": 0.4, "police": 0.3}, {"arrest": 0.4, "police": 0.3}] * 2
    terms = named(own)
    mixed, words = pairwise(terms, np.ones((6, 4), np.float32), np.full(6, 0.3))
    parts = groups(mixed, 0.2, 3, contrast=0.35, words=words, distinct=0.04, own=distinctive(terms))
    assert parts == [list(range(6))]


def test_distinctive_words_count_by_how_few_members_hold_them():
    terms = [{"police": 0.6, "fan": 0.8}, {"police": 0.6, "fan": 0.8}] + [{"police": 0.6, "arrest": 0.8}] * 3
    terms.append({"stage": 1.0})
    own = distinctive(terms)
    # "police" (5 of 6 members) weighs log(6/5), "fan" (2 of 6) log(3): the pair sharing both is alike by "fan"
    assert np.isclose(own[0, 1], 1.0)
    assert own[0, 2] < 0.1  # sharing "police" alone
    assert own[0, 5] == 0.0  # "stage" is held by one member only


def test_a_member_left_over_joins_the_group_whose_nearest_members_are_likest():
    # two groups (0-5 alike 0.4 two by two, 6-9 alike 0.6); member 10 is alike to half of the first at 0.35
    # (0.175 over all six) and to each of the second at 0.19: under the bar of 0.2 to either on average
    n = 11
    similarity = np.full((n, n), 0.0)
    similarity[:6, :6] = 0.4
    similarity[6:10, 6:10] = 0.6
    similarity[10, :3] = similarity[:3, 10] = 0.35
    similarity[10, 6:10] = similarity[6:10, 10] = 0.19
    np.fill_diagonal(similarity, 1.0)
    assert groups(similarity, 0.2, 4) == [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]  # on the mean over all
    assert groups(similarity, 0.2, 4, nearest=3) == [[0, 1, 2, 3, 4, 5, 10], [6, 7, 8, 9]]


def test_a_member_far_from_every_group_stands_alone_under_its_own_bar():
    # one story (0-5, alike 0.5); member 6 is alike to each at 0.22, above the bar of 0.2 on average
    similarity = np.full((7, 7), 0.5)
    similarity[6, :] = similarity[:, 6] = 0.22
    np.fill_diagonal(similarity, 1.0)
    assert groups(similarity, 0.25, 3) == [list(range(7))]  # left over, and added to the only group
    assert groups(similarity, 0.25, 3, stray=0.25) == [[0, 1, 2, 3, 4, 5], [6]]
    # a member whose own bar is none (a full article) stays
    assert groups(similarity, 0.25, 3, stray=np.array([0.25] * 6 + [0.0])) == [list(range(7))]


def test_a_part_cut_from_a_story_is_split_again():
    from newsprism.cluster.clusterer import StoryClusterer, _Item
    from newsprism.cluster.split import story_parts

    def item(number: int, terms: dict[str, float]) -> _Item:
        norm = sum(w * w for w in terms.values()) ** 0.5
        unit = {t: w / norm for t, w in terms.items()}
        return _Item(f"a{number:02d}", unit, list(unit), np.ones(4, np.float32), 2.0, None, 0.3, 0.5, 0.0)

    # all alike by embedding; a singer's four headlines share no word with the eight on ISIS, of which
    # four are on a hostage and four on Baghdad: among all twelve, "isis" is a word of a few of them
    # and keeps those two groups together; among the eight alone, every one holds it
    events = [{"cyrus": 0.8, "fan": 0.6}, {"isis": 0.8, "foley": 0.6}, {"isis": 0.8, "baghdad": 0.6}]
    group = [item(4 * event + k, terms) for event, terms in enumerate(events) for k in range(4)]
    clusterer = StoryClusterer()
    parts = story_parts(group, clusterer.config, clusterer._xl)
    assert sorted([i.id for i in part] for part in parts) == [[i.id for i in group[k : k + 4]] for k in (0, 4, 8)]


def reports(ledes: list[dict[str, float]]) -> list:
    """Full articles (one per lede) alike by embedding whose bodies all tell one background (a hostage's
    captivity and his family's ransom) beside a word of their own lede; their ledes' words are ``ledes``."""
    from newsprism.cluster.clusterer import _Item

    def unit(terms: dict[str, float]) -> dict[str, float]:
        norm = sum(w * w for w in terms.values()) ** 0.5
        return {t: w / norm for t, w in terms.items()}

    return [
        _Item(
            f"a{k}",
            unit({"ransom": 0.6, "family": 0.6, "captivity": 0.6, "syria": 0.6, **lede}),
            [],
            np.ones(4, np.float32),
            2.0,
            None,
            0.9,
            0.45,
            1.0,
            lede_terms=unit(lede),
        )
        for k, lede in enumerate(ledes)
    ]


def test_two_reports_on_one_background_stay_apart_on_their_ledes():
    import dataclasses

    from newsprism.cluster.clusterer import StoryClusterer
    from newsprism.cluster.split import story_parts

    # the word test alone (a background of many words is not held by every report, as it is here)
    config = dataclasses.replace(StoryClusterer().config, split_distinct=0.0)
    # the ledes share the name: 0.4 alike across against 1.0 within, their bodies 0.8 against 1.0
    sell = {"foley": 0.7, "sell": 0.6, "remains": 0.6}
    threat = {"foley": 0.7, "threatened": 0.6, "prosecution": 0.6}
    group = reports([sell] * 3 + [threat] * 3)
    parts = story_parts(group, config, StoryClusterer()._xl)
    assert sorted([i.id for i in part] for part in parts) == [["a0", "a1", "a2"], ["a3", "a4", "a5"]]
    # at the headlines' bar, 0.4 is alike enough
    headlines = dataclasses.replace(config, split_lede_contrast=config.split_contrast)
    assert len(story_parts(group, headlines, StoryClusterer()._xl)) == 1
    # told in the same lede, the same reports are one story
    whole = story_parts(reports([sell] * 6), config, StoryClusterer()._xl)
    assert [[i.id for i in part] for part in whole] == [[f"a{k}" for k in range(6)]]


def test_an_article_s_lede_words_are_its_headline_and_first_sentences_a_headline_s_its_own():
    from newsprism.cluster.clusterer import StoryClusterer
    from newsprism.cluster.state import ClusterState
    from newsprism.records import Article

    clusterer, state = StoryClusterer(), ClusterState()
    sentences = ("Militants tried to sell the remains.", "A broker spoke to reporters.", "Foley was held in Syria.")
    article = Article(id="a", title="ISIS sells remains", text=" ".join(sentences), sentences=sentences)
    item = clusterer._item(article, np.ones(4, np.float32), state)
    assert {"sell", "remains", "broker", "isis"} <= item.lede_terms.keys()
    assert "syria" in item.terms and "syria" not in item.lede_terms  # the third sentence is background
    headline = Article(id="b", title="ISIS sells remains", text="ISIS sells remains")
    alone = clusterer._item(headline, np.ones(4, np.float32), state)
    assert alone.lede_terms is None  # its terms are its lede


def test_a_part_cut_from_a_story_takes_no_id_of_a_story_standing():
    from newsprism.cluster.state import ClusterState, StoryState, story_id

    state = ClusterState()
    # "h0" founded a story, then left it: that story keeps its id
    state.add_story(StoryState(story_id("h0"), {"x": 1.0}, np.ones(4, np.float32), 3, None))
    assert state.free_id(["h0", "h1"]) == story_id("h1")
    assert state.free_id(["h0"]) not in state.stories  # a part of that article alone: a numbered id
    assert state.free_id(["h1", "h0"]) == story_id("h1")  # no clash: its first article's, as before


def test_a_story_cut_in_two_leaves_the_story_its_part_s_first_article_founded():
    from newsprism.cluster.clusterer import StoryClusterer, _grow, _Item
    from newsprism.cluster.state import ClusterState, StoryState, story_id

    def item(name: str, term: str, axis: int) -> _Item:
        return _Item(name, {term: 1.0}, [term], np.eye(4, dtype=np.float32)[axis], 1.0, None, 0.3, 0.5, 0.0)

    clusterer, state = StoryClusterer(), ClusterState()
    # "a0" founded a story and left it for another (as refine moves an article): two stay in its story
    founded = [item("x1", "court", 2), item("x2", "court", 2)]
    old = StoryState(story_id("a0"), {}, np.zeros(4, np.float32), 0, None)
    mixed = StoryState(story_id("b0"), {}, np.zeros(4, np.float32), 0, None)
    events = [item(f"a{k}", "isis", 0) for k in range(3)] + [item(f"b{k}", "cyrus", 1) for k in range(3)]
    for story, members in ((old, founded), (mixed, events)):
        for member in members:
            _grow(story, member, 60)
        state.add_story(story)
    assignment = {i.id: old.id for i in founded} | {i.id: mixed.id for i in events}
    clusterer._split(founded + events, assignment, state)
    assert state.stories[old.id] is old and old.size == 2  # still the story of x1 and x2
    assert {assignment[f"a{k}"] for k in range(3)} == {story_id("a1")}  # the cut part: a story of its own
    assert {assignment[f"b{k}"] for k in range(3)} == {mixed.id}
