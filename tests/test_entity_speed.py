"""The entity work a large story makes is done without trying every pair, and gives what every pair gave."""

from __future__ import annotations

import itertools

from newsprism.analysis import entity_merge
from newsprism.analysis.unionfind import DisjointSets

# Full names and shorter forms of the kinds a story of many articles holds: middle names and initials,
# pet forms, misspellings, a suffix, organisations ending in a surname, and names sharing no word.
NAMES = {
    "edgar rodriguez": "PERSON",
    "edgar ivan rodriguez": "PERSON",
    "ahmad seth": "PERSON",
    "ahmad seth zaharie": "PERSON",
    "steve jobs": "PERSON",
    "steven jobs": "PERSON",
    "cornad anker": "PERSON",
    "conrad anker": "PERSON",
    "donald trump": "PERSON",
    "donald j trump": "PERSON",
    "donald trump jr": "PERSON",
    "ivanka trump": "PERSON",
    "vladimir putin": "PERSON",
    "vladimir puttin": "PERSON",
    "jon smith": "PERSON",
    "jan smith": "PERSON",
    "browne louis": "ORG",
    "sam browne louis": "PERSON",
    "rodriguez foundation": "ORG",
    "new york": "GPE",
    "kim jong un": "PERSON",
    "kim jong il": "PERSON",
    "kim il sung square": "FAC",
}


def _every_pair(kinds: dict[str, str], sets: DisjointSets[str]) -> None:
    """The join as it was written first: each shorter name against every person's."""
    people = [k for k, kind in kinds.items() if kind == "PERSON" and len(k.split()) > 1]
    countries = entity_merge.COUNTRY_KEYS
    shorts = [k for k, kind in kinds.items() if " " in k and k not in countries and kind not in {"FAC", "EVENT"}]
    for same_length in (True, False):
        for short in sorted(shorts, key=lambda k: -len(k.split())):
            words = short.split()
            longer = [
                long
                for long in people
                if long != short
                and (len(long.split()) == len(words)) == same_length
                and entity_merge._variant(words, long.split())
                and (kinds[short] == "PERSON" or long.split()[-1] == words[-1])
            ]
            entity_merge._join_unique(sets, short, longer)


def _joined(join, kinds: dict[str, str]) -> set[frozenset[str]]:
    sets = DisjointSets(kinds)
    join(kinds, sets)
    return {frozenset(keys) for keys in sets.components().values()}


def test_full_names_join_as_when_every_pair_was_tried():
    found = _joined(entity_merge._join_full_names, NAMES)
    assert found == _joined(_every_pair, NAMES)
    together = [keys for keys in found if len(keys) > 1]
    assert frozenset({"edgar rodriguez", "edgar ivan rodriguez"}) in together
    assert any({"steve jobs", "steven jobs"} <= keys for keys in together)
    assert any({"cornad anker", "conrad anker"} <= keys for keys in together)
    assert any({"vladimir putin", "vladimir puttin"} <= keys for keys in together)
    assert not any({"jon smith", "jan smith"} <= keys for keys in together)  # too short to be misspelt


def test_every_subset_of_names_joins_as_every_pair_did():
    # the order names arrive in and which of them a story holds change which joins are unique
    names = list(NAMES.items())
    for size in (3, 6):
        for chosen in itertools.islice(itertools.combinations(names, size), 0, None, 7):
            kinds = dict(chosen)
            assert _joined(entity_merge._join_full_names, kinds) == _joined(_every_pair, kinds), kinds


ORGANISATIONS = [
    "black caucus",
    "congressional black caucus",
    "senate",
    "us senate",
    "ipswich police",
    "ipswich police department",
    "capitol police",
    "us capitol police",
    "police department",
    "national security council",
    "security council",
    "un security council",
]


def _organisations_every_pair(kinds: dict[str, str], sets: DisjointSets[str]) -> None:
    organisations = [k for k, kind in kinds.items() if kind == "ORG"]
    for short in organisations:
        words = short.split()
        longer = [
            long
            for long in organisations
            if len(long.split()) > len(words) and entity_merge._shortens(words, long.split())
        ]
        entity_merge._join_unique(sets, short, longer)


def test_organisations_join_as_when_every_pair_was_tried():
    kinds = dict.fromkeys(ORGANISATIONS, "ORG")
    found = _joined(entity_merge._join_organisations, kinds)
    assert found == _joined(_organisations_every_pair, kinds)
    assert any({"black caucus", "congressional black caucus"} <= keys for keys in found)
    assert any({"ipswich police", "ipswich police department"} <= keys for keys in found)
    for size in (3, 5):
        for chosen in itertools.islice(itertools.combinations(ORGANISATIONS, size), 0, None, 5):
            kinds = dict.fromkeys(chosen, "ORG")
            assert _joined(entity_merge._join_organisations, kinds) == _joined(_organisations_every_pair, kinds)
