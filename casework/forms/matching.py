"""Linking reports to a case: a candidate match (or any report by its reference) as the same
incident or as related, and unlinking (casework/services/matching.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reporting import access
from reporting.models import Report, normalise_reference

from ..models import LinkKind, ReportLink
from ..services import matching
from .base import CaseActionForm


class LinkReportForm(CaseActionForm):
    title = _("Link a report")
    reference = forms.CharField(
        label=_("Reference of the report"),
        max_length=20,
        help_text=_("A candidate below, or any report you may see, like HR-7KQ4-M2XD."),
    )
    kind = forms.ChoiceField(
        label=_("How it is linked"), choices=LinkKind.choices, widget=forms.RadioSelect
    )

    def save(self):
        reference = normalise_reference(self.cleaned_data["reference"])
        report = (
            access.reports_visible_to(self.user, Report.objects.all())
            .filter(reference=reference)
            .first()
            if reference
            else None
        )
        if report is None:
            raise ValidationError({"reference": _("No report you may see has this reference.")})
        kind = self.cleaned_data["kind"]
        found = {c.report.pk: c for c in matching.candidates(self.user, self.case, limit=50)}.get(
            report.pk
        )
        return matching.link_report(
            case=self.case,
            report=report,
            kind=kind,
            by=self.user,
            score=found.score if found else None,
            reasons=found.reasons if found else (),
        )


class UnlinkReportForm(CaseActionForm):
    title = _("Unlink a report")
    link = forms.IntegerField(widget=forms.HiddenInput)

    def save(self):
        link = ReportLink.objects.active().filter(case=self.case, pk=self.cleaned_data["link"])
        link = link.select_related("report").first()
        if link is None:
            raise ValidationError(_("This report is not linked to the case."))
        return matching.unlink_report(link=link, by=self.user)
