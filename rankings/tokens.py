"""The signed token an article page carries so the browser can report a read.

The page may come from a full-page cache or a CDN, so the token is not tied to a
reader, only to the article and to when the page was made; it expires after
RANKINGS_TOKEN_MAX_AGE, which must outlive the page's cache lifetime.
"""

from django.conf import settings
from django.core import signing

SALT = "rankings.view"


class InvalidToken(Exception):
    pass


def make_view_token(article_id):
    return signing.TimestampSigner(salt=SALT).sign(str(article_id))


def read_view_token(token):
    """The article id in a token, or InvalidToken if it is forged, altered or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.RANKINGS_TOKEN_MAX_AGE
        )
    except signing.SignatureExpired:
        raise InvalidToken("expired") from None
    except signing.BadSignature:
        raise InvalidToken("bad signature") from None
    if not value.isdigit():
        raise InvalidToken("bad article id")
    return int(value)
