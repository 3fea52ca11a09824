"""Placing and releasing a legal hold on the case page: an inspector of the case's area only
(the service checks again under the row lock)."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from reporting import access

from .. import services
from ..models import LegalHold, LegalHoldKind
from .base import CaseActionForm


def _inspector(case, user) -> bool:
    return access.is_inspector_of(user, case.area_id) or getattr(user, "is_superuser", False)


class LegalHoldForm(CaseActionForm):
    title = _("Place a legal hold")
    intro = _(
        "A held case is kept whole past every retention period: nothing of it or its report "
        "is deleted or anonymised until the hold is released."
    )
    kind = forms.ChoiceField(label=_("Held for"), choices=LegalHoldKind.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return not case.on_legal_hold and _inspector(case, user)

    def save(self):
        return services.place_legal_hold(
            case=self.case,
            by=self.user,
            kind=self.cleaned_data["kind"],
            reason=self.cleaned_data["reason"],
        )


class LegalHoldReleaseForm(CaseActionForm):
    title = _("Release the legal hold")
    release_reason = forms.CharField(
        label=_("Reason for the release"), widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return case.on_legal_hold and _inspector(case, user)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hold = LegalHold.objects.filter(case=self.case, released_at__isnull=True).first()
        if hold is not None:
            self.intro = _("Held for %(kind)s since %(since)s: %(reason)s") % {
                "kind": hold.get_kind_display().lower(),
                "since": formats.date_format(hold.placed_at, "j M Y"),
                "reason": hold.reason,
            }

    def save(self):
        return services.release_legal_hold(
            case=self.case, by=self.user, reason=self.cleaned_data["release_reason"]
        )
