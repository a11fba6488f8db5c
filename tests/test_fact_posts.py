"""An embedded social-media post is its poster's word: two posters' posts are two claims, and a post's
signature (handle, date) is no part of what it says."""

from newsprism.analysis.fact_posts import other_posters, poster, unsigned

from .test_facts import facts_of
from .test_facts_anchors import story

TOURE = "RIP Prodigy of Mobb Deep. Gone too soon. — Touré (@Toure) June 20, 2017"
WIZ = "Rip prodigy. God bless his family and all his fans. — Wiz Khalifa (@wizkhalifa) June 20, 2017"
NAS = "QB RIP King P. Prodigy 4 Ever A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT"
NAS_AGAIN = "🙏🏾 QB RIP King P. Prodigy 4 Ever A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT"
DIED = "Prodigy of Mobb Deep died on June 20 in Las Vegas, aged 42."


def test_a_post_is_known_by_its_signature():
    assert poster(TOURE) == "toure"
    assert poster(NAS) == "nas"
    assert poster("Notch wrote: Facebook creeps me out. - Notch (@notch) March 25, 2014") == "notch"
    # a dash and a date in prose sign nothing; a handle alone is no signature
    assert poster("The deal — announced on June 20, 2017 — was cancelled.") is None
    assert poster("He wrote to @nas on Tuesday.") is None


def test_a_post_without_its_handle_and_date_keeps_its_words_and_its_posters_name():
    assert unsigned(TOURE) == "RIP Prodigy of Mobb Deep. Gone too soon. — Touré"
    assert unsigned(NAS) == "QB RIP King P. Prodigy 4 Ever A post shared by Nasir Jones"
    assert unsigned(DIED) == DIED


def test_two_posters_are_two_claims_and_one_post_embedded_twice_is_one():
    assert other_posters(TOURE, WIZ)
    assert not other_posters(NAS, NAS_AGAIN)
    assert not other_posters(TOURE, DIED)
    assert facts_of(story(TOURE, WIZ), {(TOURE, WIZ): 0.8}) == []
    assert facts_of(story(NAS, NAS_AGAIN), {(NAS, NAS_AGAIN): 0.95}) == [sorted([NAS, NAS_AGAIN])]


def test_a_posts_date_and_the_day_of_the_event_are_no_figure_in_common():
    # "June 20" and "Prodigy" in common: one figure and one name, were the post's date part of its claim
    assert facts_of(story(TOURE, DIED), {(TOURE, DIED): 0.45}) == []
