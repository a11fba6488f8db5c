"""Stage 1, ingest from the web: fetch URLs politely and safely with httpx.

Every request goes through :class:`Fetcher`, which

- resolves each host once, refuses it when any of its addresses is not public (see ``addresses.refusal``;
  ``allow_private`` lets all through, ``allow_networks`` a few named networks), and connects to exactly those
  checked addresses (``transport``), so a DNS answer that changes in between cannot reach a private address;
- follows at most ``max_redirects`` redirects itself, checking and pinning each target's host like the first,
  and reads at most ``max_bytes`` of a body;
- obeys robots.txt (fetched once per host, for every redirect target's host too) and waits ``delay`` seconds
  between requests to a host;
- retries connection errors, 429 and 5xx answers with exponential backoff;
- sends ``If-None-Match`` / ``If-Modified-Since`` when it knows the URL's validators, so that an
  unchanged feed costs one 304.

It never raises for a bad URL or a failed fetch: :meth:`Fetcher.get` returns a :class:`Fetched`
whose ``error`` says what went wrong, in words a user can act on.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import RefusedAddressError
from ..version import __version__
from .addresses import Resolver, addresses_of, literal_address, refusal, resolve
from .transport import PinnedBackend, pinned_client

USER_AGENT = f"newsprism/{__version__} (+https://github.com/newsprism/newsprism; news analysis, obeys robots.txt)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0
RETRIES = 2
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetched:
    """The outcome of one fetch. ``status`` 0 means no HTTP answer (see ``error``)."""

    url: str
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    # the option that would let the fetch through (a refused private address: "allow_private")
    setting: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """A polite, safe HTTP client. ``validators(url)`` returns the stored (etag, last_modified)."""

    allow_private: bool = False
    # networks fetched although not public, e.g. ("127.0.0.1/32",) for a server of one's own (the tests'):
    # unlike allow_private, a redirect or a name resolving anywhere else private is still refused
    allow_networks: tuple[str, ...] = ()
    delay: float = 1.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    timeout: float = TIMEOUT_SECONDS
    retries: int = RETRIES
    obey_robots: bool = True
    validators: Callable[[str], tuple[str | None, str | None]] = lambda url: (None, None)
    log: Callable[[Fetched], None] = lambda fetched: None
    resolve: Resolver = field(default=lambda host: resolve(host))
    # validators of this run's successful fetches: the caller stores them once it has stored what the
    # pages held, so that a run killed halfway through a feed fetches the feed again in full
    fresh: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)
    requests: int = 0
    _backend: PinnedBackend = field(default_factory=PinnedBackend)
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = pinned_client(self._backend, {"User-Agent": USER_AGENT})

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, conditional: bool = True) -> Fetched:
        """Fetch ``url`` following safe redirects; conditional on stored validators when ``conditional``."""
        problem = url_problem(url)
        if problem:
            return Fetched(url, error=f"{url}: {problem}")
        headers = {}
        if conditional:
            etag, modified = self.validators(url)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        fetched = self._follow(url, headers, robots=self.obey_robots)
        self.log(fetched)
        if fetched.ok and (fetched.etag or fetched.last_modified):
            self.fresh[url] = (fetched.etag, fetched.last_modified)
        return fetched

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> Fetched:
        """Fetch ``url``; each hop's host is checked and pinned, then its robots.txt asked (when ``robots``)
        before anything else is requested from it."""
        current = url
        for _ in range(self.max_redirects + 1):
            via = "" if current == url else f"redirected to {current}, "
            problem = url_problem(current)
            if problem:
                return Fetched(url, error=f"{url}: {via}{problem}")
            try:
                self._pin(current)
            except RefusedAddressError as error:
                return Fetched(url, error=f"{url}: {via}{error}", setting=error.setting)
            except OSError as error:
                return Fetched(url, error=f"{url}: {via}{error}")
            if robots and not self.allowed(current):
                return Fetched(url, error=f"{url}: {via}robots.txt of {urlsplit(current).netloc} disallows it")
            result = self._request(current, headers)
            if isinstance(result, Fetched):
                return result
            location = result.headers.get("location")
            if result.status_code not in {301, 302, 303, 307, 308} or not location:
                return self._read(url, result)
            result.close()
            current = urljoin(current, location)
        return Fetched(url, error=f"{url}: more than {self.max_redirects} redirects; not followed")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets newsprism fetch ``url`` (an unreachable robots.txt allows all)."""
        if not self.obey_robots:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = None
            answer = self._follow(root + "/robots.txt", {}, robots=False)
            self.log(answer)
            if answer.ok:
                parser = RobotFileParser()
                parser.parse(answer.body.decode("utf-8", "replace").splitlines())
                self._robots[root] = parser
        rules = self._robots[root]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def _pin(self, url: str) -> None:
        """Resolve ``url``'s host once, refuse it unless every address is allowed, and pin the connection
        to those addresses. Raises RefusedAddressError, or OSError when the host cannot be resolved."""
        host = urlsplit(url).hostname or ""  # as the user wrote it, for messages
        # as httpx sends it (IDNA 2008: "ß" stays "ß", where the resolver's IDNA 2003 would ask for "ss")
        wire_host = httpx.URL(url).raw_host.decode("ascii")
        try:
            addresses = addresses_of(wire_host, self.resolve)
        except OSError as error:
            raise OSError(f"cannot resolve {host} ({error.strerror or error})") from error
        except (UnicodeError, ValueError) as error:  # url_problem() refuses such names first
            raise OSError(f"{host} is not a valid host name") from error
        if not addresses:
            raise OSError(f"cannot resolve {host} (no addresses)")
        if not self.allow_private:
            for ip in addresses:
                reason = refusal(ip)
                if reason and not any(ip in ipaddress.ip_network(net) for net in self.allow_networks):
                    named = f"resolves to {ip},"
                    if literal_address(host) is not None:  # 0x7f.1 is 127.0.0.1, ...; ::1 is ...
                        named = f"is {ip}," if ip.version == 4 and str(ip) != host else "is"
                    raise RefusedAddressError(
                        f"{host} {named} {reason}; newsprism fetches only public addresses unless private "
                        "addresses are allowed"
                    )
        self._backend.pin(wire_host, addresses)

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response | Fetched:
        host = urlsplit(url).netloc
        for attempt in range(self.retries + 1):
            wait = self.delay - (time.monotonic() - self._last_request.get(host, -1e9))
            if wait > 0:
                time.sleep(wait)
            self._last_request[host] = time.monotonic()
            try:
                self.requests += 1
                request = self.client.build_request("GET", url, headers=headers, timeout=self.timeout)
                response = self.client.send(request, stream=True, follow_redirects=False)
            except httpx.InvalidURL as error:  # url_problem() refuses these first; never a traceback if httpx changes
                return Fetched(url, error=f"{url}: not a valid URL: {error}")
            except httpx.HTTPError as error:
                if attempt == self.retries:
                    return Fetched(url, error=f"{url}: {type(error).__name__}: {error}")
            else:
                if response.status_code not in RETRY_STATUSES or attempt == self.retries:
                    return response
                response.close()
            time.sleep(min(30.0, 0.5 * 2**attempt))
        raise AssertionError("unreachable")

    def _read(self, url: str, response: httpx.Response) -> Fetched:
        try:
            return self._read_body(url, response)
        finally:
            response.close()

    def _read_body(self, url: str, response: httpx.Response) -> Fetched:
        meta = {
            "status": response.status_code,
            "content_type": response.headers.get("content-type", ""),
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        if response.status_code == 304:
            return Fetched(url, **meta)
        if response.status_code != 200:
            return Fetched(url, **meta, error=f"{url}: HTTP {response.status_code}")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            return Fetched(url, **meta, error=f"{url}: {declared} bytes is over the {self.max_bytes}-byte cap")
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    return Fetched(url, **meta, error=f"{url}: body over the {self.max_bytes}-byte cap; not read")
        except httpx.HTTPError as error:
            return Fetched(url, **meta, error=f"{url}: {type(error).__name__} while reading: {error}")
        return Fetched(url, body=bytes(body), **meta)


def url_problem(url: str) -> str | None:
    """What makes ``url`` unfetchable before any request (a scheme other than http(s), no host, a host
    name or IPv6 address that cannot be parsed), or None.

    >>> url_problem("http://a..b/")
    'not a valid URL: a..b is not a valid host name'
    >>> url_problem("http://[::1/"), url_problem("ftp://x.example/")
    ('not a valid URL: Invalid IPv6 URL', 'only http and https URLs can be fetched')
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError as error:
        return f"not a valid URL: {error}"
    if parts.scheme.lower() not in {"http", "https"}:
        return "only http and https URLs can be fetched"
    if not host:
        return "not a valid URL: it names no host"
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        try:
            host.encode("idna")
        except UnicodeError:
            return f"not a valid URL: {host} is not a valid host name"
    try:  # httpx is stricter (IDNA 2008, no control characters): what it refuses is refused here, unrequested
        httpx.URL(url).host  # noqa: B018  (decoding the host refuses a broken punycode label)
    except (httpx.InvalidURL, UnicodeError, ValueError) as error:
        return f"not a valid URL: {error}"
    return None
