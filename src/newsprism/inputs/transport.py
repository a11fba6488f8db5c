"""An httpx transport that connects only to the addresses the fetcher checked.

Checking a host's addresses and then letting httpx connect by name resolves the name twice; a DNS server that
answers a public address first and a private one second (DNS rebinding) then gets the connection through to
the private one. Here the fetcher resolves once, checks every answer, and pins the answers to the host
(:meth:`PinnedBackend.pin`); the connection pool's network backend connects to a pinned address and never
resolves anything. The request itself is untouched, so the Host header and the TLS server name (SNI, and
the certificate check) stay those of the URL's host. A host with no pin is not connected to at all.

No proxy is taken from the environment (``HTTP_PROXY``...): a proxy would resolve the name itself, unchecked.
httpx already ignores those variables when given a transport; ``trust_env=False`` says so and keeps it so.
Certificate settings from the environment (``SSL_CERT_FILE``) still apply.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import httpcore
import httpx

from .addresses import Address


class PinnedBackend(httpcore.NetworkBackend):
    """Connects to the addresses pinned for a host name instead of resolving it."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()
        self._pins: dict[str, tuple[Address, ...]] = {}
        self._lock = threading.Lock()

    def pin(self, host: str, addresses: Iterable[Address]) -> None:
        """Connect to ``addresses`` (in order, the next one when one fails) for ``host`` from now on.

        ``host`` is spelled as httpx sends it to the pool: ``httpx.URL(url).raw_host`` (IDNA, no brackets).
        """
        with self._lock:
            self._pins[host] = tuple(addresses)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        with self._lock:
            addresses = self._pins.get(host, ())
        if not addresses:
            raise httpcore.ConnectError(f"{host} was not checked; newsprism does not connect to it")
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:
            try:
                return self._backend.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("newsprism does not connect to Unix sockets")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport (its request mapping and error mapping), over a pool that uses ``backend``."""

    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx has no parameter for the network backend: the pool it built is replaced by one that differs
        # only in the backend. tests/test_ssrf.py fails if an httpx release stops using this pool.
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=backend)


def pinned_client(backend: PinnedBackend, headers: dict[str, str]) -> httpx.Client:
    return httpx.Client(headers=headers, transport=PinnedTransport(backend), trust_env=False)
