"""The form a page rendered, as the browser would post it back.

Tests of admin pages post what the page really carries (hidden inputs, the
fields a role sees, the inline management form), never a dict written by hand:
a field the page does not render is then a failing test, not a passing one.
"""

from html.parser import HTMLParser


class _FormsParser(HTMLParser):
    """Every form of a page: [(id, [(name, value), ...])], fields in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._fields = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._fields = []
            self.forms.append((attrs.get("id"), self._fields))
            return
        if self._fields is None or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._fields.append((name, attrs.get("value", "on")))
                return
            self._fields.append((name, attrs.get("value", "") or ""))
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "selected": False}
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._fields.append((self._select["name"], value))
                self._select["selected"] = True
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select:
            select = self._select
            if not select["selected"] and select["first"] is not None and self._fields is not None:
                self._fields.append((select["name"], select["first"]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            if self._fields is not None:
                # Browsers drop the one newline that follows <textarea>.
                self._fields.append((name, text.removeprefix("\n")))
            self._textarea = None


def form_data(response, *, form_id=None, **changes):
    """{name: value} of a form on the page, with `changes` applied.

    The form is the one with `form_id`, or else the first that has every field
    named in `changes` (so the admin's sign-out form in the header is passed by).
    A name the page carries several times (a multiple select) keeps its last value.
    """
    parser = _FormsParser()
    parser.feed(response.content.decode())
    candidates = [
        dict(fields)
        for found_id, fields in parser.forms
        if (form_id is None or found_id == form_id)
    ]
    for data in candidates:
        if all(name in data for name in changes):
            data.update(changes)
            return data
    if form_id is not None and not candidates:
        raise AssertionError(f"no form #{form_id} on the page")
    raise AssertionError(f"no form on the page has all of the fields {sorted(changes)}")
