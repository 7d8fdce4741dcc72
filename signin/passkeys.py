"""Passkey settings that depend on the request."""

from urllib.parse import urlsplit


def relying_party_id(request):
    """The host name the desk is reached at: a passkey is bound to it (and its subdomains)."""
    return urlsplit(f"//{request.get_host()}").hostname
