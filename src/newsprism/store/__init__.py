"""Stage 9, store."""

from .sqlite import Store

__all__ = ["Store"]
