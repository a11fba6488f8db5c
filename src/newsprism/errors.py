"""The errors newsprism raises. Each message names the input, what was wrong and what to try."""


class NewsprismError(Exception):
    """Base class: the CLI prints the message on one line and exits with ``exit_code``."""

    exit_code = 1


class UsageError(NewsprismError):
    """The command or its options cannot work as given."""

    exit_code = 2


class InputError(NewsprismError):
    """An input cannot be read as an article; in a batch it is skipped with this reason."""


class StoreError(NewsprismError):
    """The SQLite store cannot be opened or written."""


class NoArticlesError(NewsprismError):
    """No input yielded an article."""
