"""The errors newsprism raises, each with the face every front end needs.

A message names the input, says what was wrong and what to do, in words: the library knows nothing of
command-line flags. ``setting`` names the keyword option (``strict``, ``allow_private``, ``db``) that
would change the outcome, so the CLI can add its flag (``--allow-private``) and the web app its
field. ``exit_code`` is the CLI's exit status, ``http_status`` the web app's response status.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Skipped


class NewsprismError(Exception):
    """Base class. The CLI prints the message on one line and exits with ``exit_code``."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


class UsageError(NewsprismError):
    """The command or its options cannot work as given."""

    exit_code = 2
    http_status = 400


class InputError(NewsprismError):
    """An input cannot be read as an article; in a batch it is skipped with this reason."""

    http_status = 422


class SkippedInputsError(InputError):
    """Inputs were skipped where that is an error; ``skipped`` lists them with their reasons."""

    def __init__(self, message: str, *, skipped: Sequence[Skipped] = (), setting: str | None = None) -> None:
        super().__init__(message, setting=setting)
        self.skipped = list(skipped)


class NoArticlesError(SkippedInputsError):
    """No input yielded an article (``skipped`` says why each one did not)."""


class NotFoundError(NewsprismError):
    """A database, story or article that was asked for does not exist."""

    http_status = 404


class RefusedAddressError(NewsprismError):
    """A URL's host resolves to a private, loopback, link-local or multicast address."""

    http_status = 403

    def __init__(self, message: str) -> None:
        super().__init__(message, setting="allow_private")


class StoreError(NewsprismError):
    """The store cannot be opened or written."""

    http_status = 503


class UnavailableError(NewsprismError):
    """A component asked for by name (a model, a plugin) is not installed or not registered."""

    http_status = 503


class AuthError(NewsprismError):
    """A write came without the server's token, or with another one."""

    http_status = 401


class TooLargeError(InputError):
    """A request body is larger than the server accepts."""

    http_status = 413
