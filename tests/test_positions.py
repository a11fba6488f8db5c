"""Positions: street blocks read as the hundred of house numbers they hold, compared only on one street, and
ordinals read as the place of the noun after them."""

from newsprism.analysis.positions import read_blocks, read_ordinals

from .test_conflicts_values import conflicts_between


def test_a_block_is_the_hundred_of_house_numbers_of_its_street():
    [block] = read_blocks(0, "He was shot in the 1,500-block of North Main St. on Friday.")
    assert (block.low, block.high, block.role) == (1500, 1599, "main")
    # a house number, a count of blocks and a block of no street are no blocks
    assert read_blocks(0, "He lived at 3350 block of Main Street, 3 blocks away, in the 300 block.") == []
    # nor a block told roughly
    assert read_blocks(0, "He lived in about the 4,000 block of Main Street, around 3700 block of Elm Road.") == []


def test_one_place_given_two_blocks_of_one_street_is_a_conflict():
    found = conflicts_between(
        "Price was at a car wash in the 3000 block of West Florence Avenue on May 29 when he was shot.",
        "Price was shot May 29 outside the car wash in the 3300 block of Florence Avenue.",
    )
    assert found == [["3000 block of West Florence Avenue", "3300 block of Florence Avenue"]]
    # blocks of two streets, and the same block written another way, are no conflict
    assert (
        conflicts_between(
            "Price was shot outside the car wash in the 3000 block of Florence Avenue, near Normandie Avenue.",
            "Price was shot outside the car wash in the 3300 block of Normandie Avenue, near Florence Avenue.",
        )
        == []
    )
    assert (
        conflicts_between(
            "Price was shot outside the car wash in the 3000 block of Florence Avenue.",
            "Price was shot outside the car wash in the 3000-block of W. Florence Ave.",
        )
        == []
    )


def test_an_ordinal_is_the_place_of_the_noun_after_it():
    assert [(m.kind, m.value) for m in read_ordinals(0, "For the third time, its second line changed.")] == [
        ("which time", 3),
        ("which line", 2),
    ]
    # a floor is placed by its act (floors.py), a figure or a hyphenated word is no such ordinal
    assert read_ordinals(0, "On the second floor, the 2nd line of the third-quarter report.") == []


def test_one_thing_given_two_places_in_one_fact_is_a_conflict():
    found = conflicts_between(
        "The bill would alter two words, changing the second line of the anthem.",
        "If passed, the third line of the anthem will change.",
    )
    assert found == [["the second line", "the third line"]]
    assert (
        conflicts_between("It changes the second line of the anthem.", "It changes the second line of the song.") == []
    )
