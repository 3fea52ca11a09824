"""The daily review's community-impact assessment, one small form per case on the page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CaseImpactAssessment


class ImpactForm(forms.Form):
    """One case's community impact. Left blank, the case is not assessed yet (the chair
    cannot sign off until every case is)."""

    level = forms.ChoiceField(
        label=_("Community impact"),
        choices=[("", "—"), *CaseImpactAssessment.Level.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 30}),
        help_text=_("Needed for medium and high: the impact, and what is being done."),
    )

    def __init__(self, *args, case, impact=None, **kwargs):
        self.case = case
        kwargs.setdefault("prefix", f"impact-{case.pk}")
        if impact is not None:
            kwargs.setdefault("initial", {"level": impact.level, "note": impact.note})
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        level, note = data.get("level"), (data.get("note") or "").strip()
        if note and not level:
            self.add_error("level", _("Choose low, medium or high for this note."))
        if level and level != CaseImpactAssessment.Level.LOW and not note:
            self.add_error("note", _("Say what the impact is and what is being done about it."))
        return data

    @property
    def has_assessment(self) -> bool:
        return bool(self.cleaned_data.get("level"))
