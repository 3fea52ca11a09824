"""Form widgets shared by the public pages (the journey, tracking)."""

from django import forms
from django.utils.translation import get_language_info


class LanguageSelect(forms.Select):
    """A choice of language, each named in itself ("Cymraeg", "اردو"): each option says which
    language it is in, so a screen reader reads it in that language (WCAG 3.1.2)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            info = get_language_info(str(value))
            option["attrs"] = {
                **option["attrs"],
                "lang": info["code"],
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        return option
