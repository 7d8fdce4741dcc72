"""The form a page rendered, as the browser would post it back.

Tests of admin pages post what the page really carries (hidden inputs, the
fields a role sees, the inline management form), never a dict written by hand:
a field the page does not render is then a failing test, not a passing one.
"""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = form_id is None
        self.found = False
        self.fields = []  # (name, value), in page order
        self._select = None
        self._select_default = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.found:
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
            self.found = self.inside
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
                return
            self.fields.append((name, attrs.get("value", "") or ""))
        elif tag == "select" and name:
            self._select, self._select_default = name, None
            self._selected = False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_default is None:
                self._select_default = value
            if "selected" in attrs:
                self.fields.append((self._select, value))
                self._selected = True
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select:
            if not self._selected and self._select_default is not None:
                self.fields.append((self._select, self._select_default))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the one newline that follows <textarea>.
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None


def form_data(response, *, form_id=None, **changes):
    """{name: value} of the first form on the page (or the form `form_id`), with `changes`.

    A name the page carries several times (a multiple select) keeps its last value;
    pass lists in `changes` for those.
    """
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    if form_id is not None and not parser.found:
        raise AssertionError(f"no form #{form_id} on the page")
    data = dict(parser.fields)
    for name in changes:
        if name not in data:
            raise AssertionError(f"the page has no field {name!r} to change")
    data.update(changes)
    return data
