"""The address a request came from, for every part of the site that limits by address."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or the last hop our own proxy appended to RANKINGS_CLIENT_IP_HEADER.

    Only the last entry can be trusted: everything before it came from the client.
    """
    header = settings.RANKINGS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
