"""Where a request came from, for every part of the site that limits by address."""

import ipaddress

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or the last hop our own proxy appended to RANKINGS_CLIENT_IP_HEADER.

    Only the last entry can be trusted: everything before it came from the client.
    """
    header = settings.RANKINGS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def address_block(address):
    """What one limit per address covers: an IPv4 address, or the /64 of an IPv6 one.

    An IPv6 subscriber is given a whole /64 and may pick any address in it, so
    limiting single IPv6 addresses would let one client pass as a crowd. An
    IPv4-mapped IPv6 address is its IPv4 address. The block is written as its
    first address (a valid address, so it fits an address column); None when
    `address` does not parse.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.version == 4:
        return str(ip)
    return str(ipaddress.IPv6Network((ip.packed, 64), strict=False).network_address)


def client_block(request):
    """The address block a request came from: sign-in lockouts count per block."""
    return address_block(client_address(request))
