"""How an article's bylines read, in the one place the wording lives.

"By Zoë Riley and Kim Sato"; "From Kyodo and Reuters" when every main byline is an
agency; a credit ending in "by" opens a line of its own ("With additional reporting by
Kyodo"); any other credit follows the name ("By Zoë Riley, Special to The Daily
Newsroom"). The public pages (the `byline_lines` tag), the lists and the admin list all
read bylines through here.
"""

from dataclasses import dataclass

from .models import Author

# Between the lines of the plain-text form, where there is no room for a line break.
LINE_SEPARATOR = "; "


@dataclass(frozen=True)
class BylineName:
    """One name on a line: what joins it to the name before, and a credit after it."""

    joiner: str
    author: Author
    credit: str


@dataclass(frozen=True)
class BylineLine:
    """One printed line: its opening words ("By", "From", "Photos by") and its names."""

    lead: str
    names: tuple[BylineName, ...]

    @property
    def text(self):
        return f"{self.lead} " + "".join(
            f"{name.joiner}{name.author.name}{', ' + name.credit if name.credit else ''}"
            for name in self.names
        )


def credit_goes_before(credit):
    """A credit such as "Photos by" reads into the name, so it goes before it."""
    words = credit.strip().rstrip(":").split()
    return bool(words) and words[-1].lower() == "by"


def byline_lines(bylines):
    """The lines that print `bylines` (in print order): the main line first, then one
    line per credit that goes before its names, in the order they first appear."""
    main, credited = [], {}
    for byline in bylines:
        credit = byline.credit.strip()
        if credit_goes_before(credit):
            credited.setdefault(credit, []).append((byline.author, ""))
        else:
            main.append((byline.author, credit))
    lines = []
    if main:
        agencies_only = all(author.kind == Author.Kind.AGENCY for author, _ in main)
        lines.append(BylineLine("From" if agencies_only else "By", _joined(main)))
    lines += [BylineLine(credit, _joined(names)) for credit, names in credited.items()]
    return lines


def byline_text(bylines):
    """The bylines as one line of plain text, for lists. (Feeds name each author in an
    element of its own: articles/feed_formats.py.)"""
    return LINE_SEPARATOR.join(line.text for line in byline_lines(bylines))


def _joined(names):
    """Names joined as "A", "A and B" or "A, B and C"."""
    last = len(names) - 1
    return tuple(
        BylineName("" if index == 0 else " and " if index == last else ", ", author, credit)
        for index, (author, credit) in enumerate(names)
    )
