from django_prose_editor.fields import ProseEditorField

# What the body editor offers; the sanitiser allows exactly the HTML these produce.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "ListItem": True,
    "OrderedList": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}


class SanitizedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned with nh3 on every save.

    The editor's own form cleaning only runs for forms; cleaning in pre_save also
    covers the shell, fixtures and management commands, so no script, event
    handler or javascript: link is ever stored.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
