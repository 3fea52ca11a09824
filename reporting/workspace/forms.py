"""Forms of the centre workspace that are about reports (the assisted journey's own
questions for the volunteer). The victim's questions are the public journey's forms."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from centres.forms import LanguageSelect

from ..forms.kit import YES_NO
from ..models import Answer, Channel


class AssistedStartForm(forms.Form):
    how = forms.ChoiceField(
        label=_("How is the person reporting?"),
        choices=[
            (Channel.ASSISTED, _("In person, at the centre")),
            (Channel.PHONE, _("By phone")),
        ],
        widget=forms.RadioSelect,
        # In person unless the volunteer says otherwise: most reports are made at the centre.
        initial=Channel.ASSISTED,
        required=False,
        error_messages={"invalid_choice": _("Select if the person is with you or on the phone")},
    )
    centre = forms.ModelChoiceField(
        label=_("Which centre are you at?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the centre you are at")},
    )
    language = forms.ChoiceField(
        label=_("Which language will the person read the questions in?"),
        help_text=_("You can change it at any time while you fill in the report."),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        only = list(centres[:2])
        if len(only) == 1:
            self.fields["centre"].initial = only[0].pk
            self.fields["centre"].widget = forms.HiddenInput()

    def clean_how(self):
        return self.cleaned_data["how"] or Channel.ASSISTED


class VictimLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Questions shown in"), choices=settings.LANGUAGES, widget=LanguageSelect
    )


class GoBetweenForm(forms.Form):
    centre_is_go_between = forms.ChoiceField(
        label=_("Does the person want the centre to pass on news about their report?"),
        help_text=_(
            "If they do, the police may contact the centre and you pass the news on, in the "
            "way the person asked."
        ),
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": _("Select yes if the centre should pass on news")},
    )

    @property
    def go_between(self) -> bool:
        return self.cleaned_data["centre_is_go_between"] == Answer.YES


class ReportFilterForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"spellcheck": "false", "class": "govuk-input--width-10"}),
    )
    go_between = forms.BooleanField(label=_("Only where the centre passes on news"), required=False)
