from django import forms

CODE_HELP = "The six digits your authenticator app shows now, or one of your recovery codes."


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=64,
        help_text=CODE_HELP,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        # People type codes with spaces or dashes, as they are shown.
        return "".join(ch for ch in self.cleaned_data["code"] if ch.isalnum()).lower()
