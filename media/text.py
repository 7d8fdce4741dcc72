"""Text read out of uploaded files, cleaned like anything else a user types."""

import contextlib
import re
import unicodedata

# Characters that reorder the text shown around them: the "Trojan source" trick.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SPACING_CONTROLS = re.compile(r"[\t\v\f\r]+")


def clean_file_text(value, *, max_length):
    """Printable text from a metadata field: no NUL or other control characters, trimmed.

    EXIF text is ASCII by the standard, and Pillow reads it as Latin-1; cameras and
    desks write UTF-8 there all the same (東京, Zürich), so that is tried first.
    """
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value)
    with contextlib.suppress(UnicodeError):  # otherwise it was not UTF-8: keep it as read
        text = text.encode("latin-1").decode("utf-8")
    text = SPACING_CONTROLS.sub(" ", text.replace("\r\n", "\n"))
    text = "".join(
        char
        for char in text
        if char == "\n" or (unicodedata.category(char) != "Cc" and char not in BIDI_CONTROLS)
    )
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)[:max_length].strip()
