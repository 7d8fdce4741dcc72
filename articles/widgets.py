import re

from django import forms
from taggit.forms import TagWidget

# Whatever a browser or a paste sends as a line break.
LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029]")


class TagAutocompleteWidget(TagWidget):
    """The comma-separated tag box, with existing tags suggested as the editor types."""

    template_name = "admin/articles/tag_autocomplete_widget.html"

    class Media:
        js = ["articles/tag-autocomplete.js"]

    def __init__(self, *, source_url, attrs=None):
        super().__init__(attrs)
        self.source_url = source_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        datalist_id = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        context["widget"]["attrs"].update(
            {"list": datalist_id, "data-tag-source": self.source_url, "autocomplete": "off"}
        )
        context["widget"]["datalist_id"] = datalist_id
        return context


class HeadlineWidget(forms.Textarea):
    """Two rows, so the whole headline shows, with a live count of its characters. The
    summary, one or two sentences, uses it too, over three rows.

    A headline is one line: a line break typed or pasted becomes a space, here and in
    static/articles/headline-box.js. The browser's own maxlength counts UTF-16 units
    (an emoji is two), so the limit is only shown, and the form field enforces it.
    """

    template_name = "admin/articles/headline_widget.html"

    class Media:
        js = ["articles/headline-box.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 2, "class": "headline-box", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        max_length = widget_attrs.pop("maxlength", "")
        counter_id = f"{widget_attrs.get('id', name)}-count"
        widget_attrs.update(
            {"data-headline-box": "", "data-max-length": max_length, "aria-describedby": counter_id}
        )
        context["widget"].update(
            counter_id=counter_id, length=len(value or ""), max_length=max_length
        )
        return context

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value if value is None else LINE_BREAKS.sub(" ", value)
