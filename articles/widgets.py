from taggit.forms import TagWidget


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
