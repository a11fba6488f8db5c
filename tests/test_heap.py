"""The objects held before an analysis are frozen while analyses run, thawed when the last ends; a program's
own freeze is left as it is."""

import gc

from newsprism.heap import older_objects_set_aside

from .overlapping import seen_when_overlapping


def test_frozen_inside_and_thawed_after_the_outer_block() -> None:
    assert gc.get_freeze_count() == 0
    with older_objects_set_aside():
        held = gc.get_freeze_count()
        assert held > 0
        with older_objects_set_aside():  # an analysis inside another: the heap stays frozen until the outer ends
            pass
        assert gc.get_freeze_count() == held
    assert gc.get_freeze_count() == 0


def test_objects_made_inside_are_collected() -> None:
    with older_objects_set_aside():
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1


def test_a_programs_own_freeze_is_left_as_it_is() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with older_objects_set_aside():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_last_of_overlapping_analyses_thaws() -> None:
    assert seen_when_overlapping(older_objects_set_aside, lambda: gc.get_freeze_count() > 0) == [True, False]
