"""Street blocks: read as the hundred of house numbers they hold, compared only on one street."""

from newsprism.analysis.street_blocks import read_blocks

from .test_conflicts_values import conflicts_between


def test_a_block_is_the_hundred_of_house_numbers_of_its_street():
    [block] = read_blocks(0, "He was shot in the 1,500-block of North Main St. on Friday.")
    assert (block.low, block.high, block.role) == (1500, 1599, "main")
    # a house number, a count of blocks and a block of no street are no blocks
    assert read_blocks(0, "He lived at 3350 block of Main Street, 3 blocks away, in the 300 block.") == []


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
