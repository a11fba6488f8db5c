"""The web app and JSON API behind ``newsprism serve``: pages and ``/api/`` read stored analyses; writes
(ingest, feeds) need the server's token. See :func:`create_app`."""

from .app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
