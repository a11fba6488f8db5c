"""A sentence's values read once (sentence_values.mentions): what values.read_mentions reads, whichever
config extending the same tolerances asks, and in the row asked for."""

from newsprism.analysis.conflicts import ConflictsConfig
from newsprism.analysis.sentence_values import mentions
from newsprism.analysis.values import ValuesConfig, read_mentions

TEXT = "Police said 12 people were hurt since 2000, about 40 percent of them on May 3, and $3 million was lost."


def test_values_read_once_are_those_read_anew_in_the_row_asked():
    for config in (ValuesConfig(), ConflictsConfig()):
        for row, year in ((0, None), (7, None), (7, 2024)):
            assert mentions(row, TEXT, year, config) == read_mentions(row, TEXT, year, config)


def test_a_config_with_other_tolerances_reads_its_own_values():
    wide = ConflictsConfig(words_around=1)
    read = mentions(3, TEXT, None, wide)
    assert read == read_mentions(3, TEXT, None, wide)
    assert read != mentions(3, TEXT, None, ConflictsConfig())


def test_the_values_handed_out_are_a_new_list_each_time():
    mentions(0, TEXT, None).clear()
    assert mentions(0, TEXT, None) == read_mentions(0, TEXT, None)
