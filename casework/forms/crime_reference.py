"""The force's crime or incident reference, typed on the case page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import services
from .base import CaseActionForm


class CrimeReferenceForm(CaseActionForm):
    title = _("Crime reference")
    reference = forms.CharField(label=_("Crime or incident reference"), max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        area = self.case.area
        self.fields["reference"].initial = self.case.crime_reference
        if area.crime_reference_example:
            self.fields["reference"].help_text = _("As the force writes it, e.g. %(example)s.") % {
                "example": area.crime_reference_example
            }

    def save(self):
        return services.set_crime_reference(
            case=self.case, by=self.user, reference=self.cleaned_data["reference"]
        )
