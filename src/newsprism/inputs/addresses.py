"""Which network addresses newsprism may fetch from: public ones only.

A URL from a feed, a sitemap or a user may name any host, so before each connection the fetcher turns the host
into addresses (:func:`addresses_of`) and refuses the request when any of them is not public
(:func:`refusal`). Python's ``ipaddress.is_global`` alone is not enough: it calls site-local IPv6 (fec0::/10)
and the IPv4-compatible, NAT64 and 6to4 spellings of 127.0.0.1 global, so the IPv6 forms that carry an IPv4
address are decoded and the embedded address is judged too.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

Address = IPv4Address | IPv6Address
Resolver = Callable[[str], list[str]]

_THIS_NETWORK = IPv4Network("0.0.0.0/8")
_SHARED = IPv4Network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_BROADCAST = IPv4Address("255.255.255.255")
_DOCUMENTATION_V4 = (IPv4Network("192.0.2.0/24"), IPv4Network("198.51.100.0/24"), IPv4Network("203.0.113.0/24"))
_IPV4_COMPATIBLE = IPv6Network("::/96")  # deprecated ::a.b.c.d (RFC 4291); :: and ::1 are caught before
_NAT64 = IPv6Network("64:ff9b::/96")  # the well-known prefix: a public IPv4 address reached from IPv6 (RFC 6052)
_NAT64_LOCAL = IPv6Network("64:ff9b:1::/48")  # local-use NAT64 (RFC 8215): whatever the operator maps it to
_UNIQUE_LOCAL = IPv6Network("fc00::/7")
_DOCUMENTATION_V6 = IPv6Network("2001:db8::/32")
_INET_ATON_PART = re.compile(r"0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*")


def refusal(ip: Address) -> str | None:
    """Why newsprism does not connect to ``ip`` ("a loopback address", ...), or None for a public address.

    >>> refusal(ipaddress.ip_address("::ffff:127.0.0.1"))
    'an IPv4-mapped address carrying 127.0.0.1, a loopback address'
    >>> refusal(ipaddress.ip_address("64:ff9b::8.8.8.8")) is None
    True
    """
    if isinstance(ip, IPv4Address):
        return _refusal_v4(ip)
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    embedded = _embedded_v4(ip)
    if embedded is not None:
        form, v4 = embedded
        reason = _refusal_v4(v4)
        if reason or form in {"an IPv4-mapped", "an IPv4-compatible"}:
            # a mapped or compatible address is an IPv4 one in disguise: a real public host has a plain A record
            return f"{form} address carrying {v4}, {reason or 'an IPv4 address spelled as IPv6'}"
        return None  # NAT64 or 6to4 of a public IPv4 address: how IPv6-only networks reach IPv4 hosts
    return _refusal_v6(ip)


def _refusal_v4(ip: IPv4Address) -> str | None:
    checks = (
        (ip in _THIS_NETWORK, "a 'this network' address (0.0.0.0/8)"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address (169.254.0.0/16, where cloud metadata services answer)"),
        (ip in _SHARED, "a carrier-grade NAT address (100.64.0.0/10)"),
        (ip.is_multicast, "a multicast address"),
        (ip == _BROADCAST, "the broadcast address"),
        (any(ip in net for net in _DOCUMENTATION_V4), "a documentation address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    )
    return next((reason for hit, reason in checks if hit), None)


def _refusal_v6(ip: IPv6Address) -> str | None:
    checks = (
        (ip in _NAT64_LOCAL, "a local-use NAT64 address (64:ff9b:1::/48)"),
        (ip.teredo is not None, "a Teredo tunnel address (2001::/32)"),
        (ip.is_site_local, "a site-local address (fec0::/10)"),
        (ip in _UNIQUE_LOCAL, "a unique-local address (fc00::/7)"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip in _DOCUMENTATION_V6, "a documentation address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    return next((reason for hit, reason in checks if hit), None)


def _embedded_v4(ip: IPv6Address) -> tuple[str, IPv4Address] | None:
    """The IPv4 address an IPv6 transition form carries, with the form's name."""
    if ip.ipv4_mapped is not None:
        return "an IPv4-mapped", ip.ipv4_mapped
    last32 = IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _IPV4_COMPATIBLE:
        return "an IPv4-compatible", last32
    if ip in _NAT64:
        return "a NAT64", last32
    if ip.sixtofour is not None:
        return "a 6to4", ip.sixtofour
    return None


def literal_address(host: str) -> Address | None:
    """The address a host written as a number stands for, or None for a name.

    Besides dotted quads and IPv6, every spelling ``inet_aton`` (and so the resolver and browsers) accepts:
    ``2130706433``, ``0x7f.1``, ``017700000001`` and ``127.1`` are all 127.0.0.1.

    >>> [str(literal_address(h)) for h in ("2130706433", "0x7f.1", "017700000001", "127.1", "[::1]")]
    ['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1', '::1']
    >>> literal_address("news.example") is None
    True
    """
    text = host.strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    parts = text.removesuffix(".").split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_number(part) for part in parts]
    if any(n is None for n in numbers):
        return None
    *leading, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in leading) or last >= 256 ** (4 - len(leading)):
        return None
    value = last
    for position, number in enumerate(leading):
        value += number << (8 * (3 - position))
    return IPv4Address(value)


def _number(part: str) -> int | None:
    """One part of an ``inet_aton`` address: decimal, 0x-hexadecimal or 0-octal."""
    lowered = part.lower()
    if not _INET_ATON_PART.fullmatch(lowered):
        return None
    if lowered.startswith("0x"):
        return int(lowered[2:] or "0", 16)
    if lowered.startswith("0"):
        return int(lowered, 8)
    return int(lowered)


def resolve(host: str) -> list[str]:
    """Every address the system resolver gives ``host`` (IPv4 and IPv6), in the resolver's order of preference."""
    return list(dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)))


def addresses_of(host: str, resolver: Resolver) -> list[Address]:
    """The addresses ``host`` stands for: itself when it is a number, else the resolver's answer."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    return [ipaddress.ip_address(answer.split("%")[0]) for answer in resolver(host)]
