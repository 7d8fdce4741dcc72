from django import template

register = template.Library()

PLURAL_LABELS = {
    "correction": "Corrections",
    "clarification": "Clarifications",
    "editors_note": "Editor’s notes",
}


@register.inclusion_tag("includes/corrections.html")
def corrections(article, *, serious):
    """The article's corrections marked serious (shown at its top) or not (at its foot).

    Reads `article.corrections.all()`, which the article views prefetch.
    """
    shown = [
        correction for correction in article.corrections.all() if correction.serious == serious
    ]
    return {"corrections": shown, "heading": heading(shown), "place": "top" if serious else "foot"}


def heading(corrections):
    """The kind, when all are of one kind ("Correction", "Clarifications"); else both."""
    kinds = {correction.kind for correction in corrections}
    if len(kinds) != 1:
        return "Corrections and clarifications"
    if len(corrections) == 1:
        return corrections[0].get_kind_display()
    return PLURAL_LABELS[kinds.pop()]
