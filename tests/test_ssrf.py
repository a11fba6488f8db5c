"""The fetcher reaches public addresses only: every address form, DNS rebinding, redirects, robots.txt on
redirect targets and the size cap.

All traffic stays on 127.0.0.1 and ::1. Names end in .test (reserved, never resolvable) and are answered by
a patched ``socket.getaddrinfo``; every outgoing connection goes through a patched
``socket.create_connection`` that records it and refuses any address that is not loopback, so a fetch that
would leave the machine fails instead (and the test sees where it was going).
"""

import ipaddress
import socket
import ssl
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from newsprism.inputs.addresses import literal_address, refusal
from newsprism.inputs.fetch import Fetcher

from .webserver import Routes

PUBLIC = "93.184.216.34"  # a global address: never connected to, the recorder refuses it
LOOPBACK = ("127.0.0.1/32",)
PAGE: tuple[int, dict[str, str], bytes] = (200, {"Content-Type": "text/html", "Content-Length": "4"}, b"page")


class Network:
    """The patched resolver and connector: ``answers[name]`` is a list of answers, one per lookup (the
    last one repeats); ``lookups`` and ``connections`` record what was asked for."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        self.connections: list[tuple[str, int]] = []
        real_lookup, real_connect = socket.getaddrinfo, socket.create_connection

        def getaddrinfo(host, port, *args, **kwargs):
            if host not in self.answers:
                assert literal_address(str(host)) is not None, f"looked up {host!r}"
                return real_lookup(host, port, *args, **kwargs)
            self.lookups.append(host)
            queue = self.answers[host]
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            if not answer:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return [
                (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 0))
                for a in answer
            ]

        def create_connection(address, *args, **kwargs):
            self.connections.append((address[0], address[1]))
            literal = literal_address(str(address[0]))
            if literal is not None and not literal.is_loopback:
                raise ConnectionRefusedError(f"test: refusing to leave the machine for {address[0]}")
            return real_connect(address, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)

    def hosts(self) -> set[str]:
        return {host for host, _ in self.connections}


@pytest.fixture
def net(monkeypatch):
    return Network(monkeypatch)


@pytest.fixture
def server():
    site = Routes({"/page": PAGE})
    yield site
    site.close()


def fetcher(**options) -> Fetcher:
    return Fetcher(**{"delay": 0, "retries": 0, "obey_robots": False, **options})


REFUSED = [
    ("127.0.0.1", "loopback"),
    ("[::1]", "loopback"),
    ("[::]", "unspecified"),
    ("0.0.0.0", "'this network'"),
    ("0.1.2.3", "'this network'"),
    ("10.0.0.1", "private"),
    ("172.16.0.1", "private"),
    ("192.168.0.1", "private"),
    ("169.254.169.254", "link-local"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("224.0.0.1", "multicast"),
    ("255.255.255.255", "broadcast"),
    ("192.0.2.1", "documentation"),
    ("198.51.100.1", "documentation"),
    ("203.0.113.1", "documentation"),
    ("240.0.0.1", "reserved"),
    ("[::ffff:127.0.0.1]", "IPv4-mapped address carrying 127.0.0.1, a loopback"),
    ("[::ffff:8.8.8.8]", "IPv4-mapped address carrying 8.8.8.8, an IPv4 address spelled as IPv6"),
    ("[::127.0.0.1]", "IPv4-compatible address carrying 127.0.0.1, a loopback"),
    ("[::10.0.0.1]", "IPv4-compatible address carrying 10.0.0.1, a private"),
    ("[64:ff9b::127.0.0.1]", "NAT64 address carrying 127.0.0.1, a loopback"),
    ("[64:ff9b::a9fe:a9fe]", "NAT64 address carrying 169.254.169.254, a link-local"),
    ("[64:ff9b:1::8.8.8.8]", "local-use NAT64"),
    ("[2002:7f00:1::1]", "6to4 address carrying 127.0.0.1, a loopback"),
    ("[2002:c0a8:101::1]", "6to4 address carrying 192.168.1.1, a private"),
    ("[2001::1]", "Teredo"),
    ("[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "Teredo"),
    ("[fec0::1]", "site-local"),
    ("[fc00::1]", "unique-local"),
    ("[fd12:3456::1]", "unique-local"),
    ("[fe80::1]", "link-local"),
    ("[ff02::1]", "multicast"),
    ("[2001:db8::1]", "documentation"),
    ("[100::1]", "reserved"),  # discard-only
    ("[2001:10::1]", "not a public address"),  # ORCHID: none of the named kinds
    # other spellings of 127.0.0.1 that the resolver and browsers accept
    ("2130706433", "2130706433 is 127.0.0.1, a loopback"),
    ("0x7f.1", "0x7f.1 is 127.0.0.1, a loopback"),
    ("017700000001", "017700000001 is 127.0.0.1, a loopback"),
    ("0x7f000001", "0x7f000001 is 127.0.0.1, a loopback"),
    ("127.1", "127.1 is 127.0.0.1, a loopback"),
    ("167772161", "167772161 is 10.0.0.1, a private"),
]


@pytest.mark.parametrize(("host", "reason"), REFUSED)
def test_every_non_public_address_form_is_refused_without_a_lookup_or_a_connection(host, reason, net):
    url = f"http://{host}:8080/latest/meta-data/"
    fetched = fetcher().get(url)
    assert fetched.error and reason in fetched.error and "only public addresses" in fetched.error
    assert fetched.setting == "allow_private"
    assert net.lookups == [] and net.connections == []


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700::6810:84e5", "64:ff9b::5db8:d822", "2002:5db8:d822::1"])
def test_public_addresses_and_their_nat64_and_6to4_forms_pass(address):
    assert refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("public_answers", [1, 2, 3])
def test_dns_rebinding_cannot_reach_a_private_address(public_answers, net, server):
    """The name resolves to a public address ``public_answers`` times, then to 127.0.0.1 (a rebinding DNS
    server may answer the public one as often as it likes): the fetcher resolves once and connects to what
    it checked (refused by the recorder), never to the loopback server."""
    net.answers["rebind.test"] = [[PUBLIC]] * public_answers + [["127.0.0.1"]]
    fetched = fetcher().get(f"http://rebind.test:{server.port}/page")
    assert fetched.error
    assert server.requests == []
    assert net.connections == [(PUBLIC, server.port)]
    assert net.lookups == ["rebind.test"]


def test_the_connection_goes_to_the_pinned_address_with_the_urls_host_header(net, server):
    net.answers["pinned.test"] = [["127.0.0.1"], [PUBLIC]]
    fetched = fetcher(allow_networks=LOOPBACK).get(f"http://pinned.test:{server.port}/page")
    assert fetched.ok and fetched.body == b"page"
    assert server.requests == [("/page", f"pinned.test:{server.port}")]
    assert net.connections == [("127.0.0.1", server.port)] and net.lookups == ["pinned.test"]


def test_a_name_is_refused_when_any_of_its_addresses_is_private(net, server):
    net.answers["mixed.test"] = [[PUBLIC, "10.0.0.1"]]
    fetched = fetcher().get(f"http://mixed.test:{server.port}/page")
    assert fetched.error and "mixed.test resolves to 10.0.0.1, a private address" in fetched.error
    assert net.connections == []


def test_a_name_resolving_to_loopback_needs_the_allowance(net, server):
    net.answers["pinned.test"] = [["127.0.0.1"]]
    fetched = fetcher().get(f"http://pinned.test:{server.port}/page")
    assert fetched.error and "resolves to 127.0.0.1, a loopback address" in fetched.error
    assert fetched.setting == "allow_private" and net.connections == []


def test_an_unresolvable_name_is_an_error_without_a_setting(net):
    net.answers["nowhere.test"] = [[]]
    fetched = fetcher().get("http://nowhere.test/")
    assert fetched.error == "http://nowhere.test/: cannot resolve nowhere.test (Name or service not known)"
    assert fetched.setting is None


def test_the_client_connects_to_no_host_the_fetcher_did_not_check(net, server):
    with pytest.raises(httpx.ConnectError):
        fetcher().client.get(f"{server.url}/page")
    assert server.requests == [] and net.connections == []


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://10.0.0.1:{port}/admin", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:10.0.0.1]:{port}/", "IPv4-mapped address carrying 10.0.0.1"),
        ("http://internal.test:{port}/", "internal.test resolves to 10.0.0.1, a private address"),
        ("http://[::1]:{port}/page", "::1 is a loopback address"),  # loopback, but not the allowed network
        ("file:///etc/passwd", "only http and https URLs can be fetched"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused_and_never_contacted(target, reason, net):
    net.answers["internal.test"] = [["10.0.0.1"]]
    site = Routes({"/go": (302, {"Location": "", "Content-Length": "0"}, b""), "/page": PAGE})
    target = target.format(port=site.port)
    site.routes["/go"] = (302, {"Location": target, "Content-Length": "0"}, b"")
    try:
        fetched = fetcher(allow_networks=LOOPBACK).get(f"{site.url}/go")
    finally:
        site.close()
    assert fetched.error == f"{site.url}/go: redirected to {target}, " + fetched.error.split(", ", 1)[1]
    assert reason in fetched.error
    assert net.hosts() == {"127.0.0.1"} and site.paths() == ["/go"]


def test_a_redirect_to_an_allowed_address_is_followed(net):
    site = Routes({"/go": (302, {"Location": "/page", "Content-Length": "0"}, b""), "/page": PAGE})
    try:
        fetched = fetcher(allow_networks=LOOPBACK).get(f"{site.url}/go")
    finally:
        site.close()
    assert fetched.ok and fetched.body == b"page" and site.paths() == ["/go", "/page"]


@pytest.fixture
def other_host():
    """A second host: the same machine as [::1]."""
    try:
        site = Routes(
            {"/robots.txt": (200, {}, b"User-agent: *\nDisallow: /secret\n"), "/open": PAGE, "/secret": PAGE},
            host="::1",
        )
    except OSError:
        pytest.skip("no IPv6 loopback")
    yield site
    site.close()


def test_robots_txt_of_a_redirect_targets_host_is_obeyed(net, other_host):
    first = Routes({"/robots.txt": (200, {}, b"User-agent: *\nAllow: /\n")})
    first.routes["/go-secret"] = (302, {"Location": f"{other_host.url}/secret", "Content-Length": "0"}, b"")
    first.routes["/go-open"] = (302, {"Location": f"{other_host.url}/open", "Content-Length": "0"}, b"")
    web = fetcher(allow_networks=(*LOOPBACK, "::1/128"), obey_robots=True)
    try:
        refused = web.get(f"{first.url}/go-secret")
        followed = web.get(f"{first.url}/go-open")
    finally:
        first.close()
    assert refused.error == (
        f"{first.url}/go-secret: redirected to {other_host.url}/secret, "
        f"robots.txt of [::1]:{other_host.port} disallows it"
    )
    assert followed.ok and followed.body == b"page"
    assert first.paths() == ["/robots.txt", "/go-secret", "/go-open"]
    assert other_host.paths() == ["/robots.txt", "/open"]  # robots.txt once, /secret never


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Content-Length": "5000"}, "5000 bytes is over the 1000-byte cap"),  # refused before reading
        ({}, "body over the 1000-byte cap; not read"),  # no length given: cut off while reading
    ],
)
def test_bodies_over_the_size_cap_are_refused(headers, reason, net):
    site = Routes({"/big": (200, {"Content-Type": "text/html", **headers}, b"x" * 5000), "/small": PAGE})
    web = fetcher(allow_networks=LOOPBACK, max_bytes=1000)
    try:
        big, small = web.get(f"{site.url}/big"), web.get(f"{site.url}/small")
    finally:
        site.close()
    assert big.error == f"{site.url}/big: {reason}" and big.body == b""
    assert small.ok and small.body == b"page"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://\u2603.test/", "not a valid URL: Invalid IDNA hostname"),  # IDNA 2003 takes it, httpx does not
        ("http://xn--zz.test/", "not a valid URL: "),
        ("http://x.test/\x00", "not a valid URL: Invalid non-printable ASCII character"),
        ("http://0177.0.0.1/", "not a valid URL: Invalid IPv4 address"),  # octal 127.0.0.1: httpx refuses it
        ("gopher://127.0.0.1/1", "only http and https URLs can be fetched"),
        ("file:///etc/passwd", "only http and https URLs can be fetched"),
        ("http://a..b/", "not a valid URL: a..b is not a valid host name"),
        ("http://[::1/", "not a valid URL: Invalid IPv6 URL"),
    ],
)
def test_urls_httpx_cannot_send_are_one_line_errors_before_any_lookup(url, reason, net):
    fetched = fetcher().get(url)
    assert fetched.error.startswith(f"{url}: {reason}") and "\n" not in fetched.error
    assert net.lookups == [] and net.connections == []


def test_no_proxy_is_taken_from_the_environment(net, server, monkeypatch):
    """A proxy would resolve the name itself, unchecked: the fetcher connects to the pinned address."""
    proxy = Routes({})
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, proxy.url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    net.answers["pinned.test"] = [["127.0.0.1"]]
    try:
        fetched = fetcher(allow_networks=LOOPBACK).get(f"http://pinned.test:{server.port}/page")
    finally:
        proxy.close()
    assert fetched.ok and proxy.requests == [] and server.paths() == ["/page"]


def _certificate(tmp_path, name: str) -> tuple[str, str]:
    """A self-signed certificate for ``name`` and its key, as PEM files."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_file), str(key_file)


@pytest.mark.parametrize(("certified", "ok"), [("pinned.test", True), ("other.test", False)])
def test_tls_keeps_the_urls_server_name_and_checks_the_certificate_against_it(
    certified, ok, net, tmp_path, monkeypatch
):
    cert_file, key_file = _certificate(tmp_path, certified)
    site = Routes({"/page": PAGE})
    names: list[str | None] = []
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server_context.sni_callback = lambda sock, name, context: names.append(name)
    site.server.socket = server_context.wrap_socket(site.server.socket, server_side=True)
    client_context = ssl.create_default_context(cafile=cert_file)  # trusts the test certificate only
    monkeypatch.setattr(httpx, "create_ssl_context", lambda **options: client_context)
    net.answers["pinned.test"] = [["127.0.0.1"]]
    try:
        fetched = fetcher(allow_networks=LOOPBACK).get(f"https://pinned.test:{site.port}/page")
    finally:
        site.close()
    assert names == ["pinned.test"] and net.connections == [("127.0.0.1", site.port)]
    if ok:
        assert fetched.ok and site.requests == [("/page", f"pinned.test:{site.port}")]
    else:  # the certificate names another host: refused although the pinned address answered
        assert fetched.error and "CERTIFICATE_VERIFY_FAILED" in fetched.error and site.requests == []
