"""Reading the demo copy in `texts`: its line formats, stories and paragraphs as HTML."""

import re
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Story:
    section: str
    dateline: str
    headline: str
    subheadline: str
    lead: str
    status: str = "published"


def paragraph_html(text):
    return f"<p>{escape(text, quote=False)}</p>"


def to_html(text):
    """Paragraphs to HTML: "> " starts a pull quote and "## " a subheading."""
    html = []
    for paragraph in paragraphs(text):
        if paragraph.startswith("> "):
            html.append(f"<blockquote><p>“{escape(paragraph[2:], quote=False)}”</p></blockquote>")
        elif paragraph.startswith("## "):
            html.append(f"<h2>{escape(paragraph[3:], quote=False)}</h2>")
        else:
            html.append(paragraph_html(paragraph))
    return "".join(html)


def parse_section(section, text):
    """Split a section block at its "[part]" headings."""
    chunks = re.split(r"^\[(\w+)\]\n", text.strip() + "\n", flags=re.M)[1:]
    parts = dict(zip(chunks[::2], chunks[1::2], strict=True))
    parsed = {name: lines(body) for name, body in parts.items()}
    parsed["stories"] = parse_stories(parts["stories"], section=section)
    parsed["context"] = paragraphs(parts["context"])
    parsed["closers"] = paragraphs(parts["closers"])
    return parsed


def parse_stories(text, section=""):
    """Stories from "[status | section |] DATELINE | Headline" blocks (see SECTION_COPY)."""
    stories = []
    for block in text.strip().split("\n\n"):
        header, *rest = block.splitlines()
        *where, dateline, headline = fields(header)
        subheadline = rest.pop(0)[2:] if rest[0].startswith("> ") else ""
        stories.append(
            Story(
                section=where[1] if where else section,
                dateline="" if dateline == "-" else dateline,
                headline=headline,
                subheadline=subheadline,
                lead=" ".join(rest),
                status=where[0] if where else "published",
            )
        )
    return stories


def fields(line):
    return [field.strip() for field in line.split("|")]


def paragraphs(text):
    return [" ".join(block.split("\n")) for block in text.strip().split("\n\n")]


def lines(text):
    return [line.strip() for line in text.strip().splitlines() if line.strip()]
