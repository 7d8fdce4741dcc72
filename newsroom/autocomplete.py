"""The admin's autocomplete endpoint, letting each model's admin add to its results.

Django's answer is `{"results": [{"id", "text"}], "pagination": {"more"}}`. A model
admin that defines `autocomplete_extras(obj)` adds its keys to each result (the photo
library adds a thumbnail, the full caption and the credit), so the site knows nothing
of any app's models.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class NewsroomAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        extras = getattr(self.model_admin, "autocomplete_extras", None)
        if extras is not None:
            result.update(extras(obj))
        return result
