"""The question pages about what happened: who is reporting, what, when, where, why, who
did it, the harm done, evidence and sharing with the police."""

from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from centres.models import Strand, postcode_district

from ..models import Answer, Consent, IncidentType, PlaceType, Report, ReporterRole
from .kit import OPTIONAL, DateField, HintedLabel, JourneyForm, messages, radios, text
from .young import SCHOOL_PLACES, age_group_field


class WhoForm(JourneyForm):
    reporter_role = radios(
        _("Who is reporting?"),
        [
            (ReporterRole.VICTIM, _("It happened to me")),
            (ReporterRole.WITNESS, _("I saw it happen to someone else")),
            (ReporterRole.ON_BEHALF, _("I am reporting for the person it happened to")),
        ],
        required=_("Select who is reporting"),
    )
    # Young people (issue 19): under 18 means enhanced rights and a safeguarding flag.
    age_group = age_group_field()


class IncidentTypeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        # The object itself: the template shows its name and, under it, its hint.
        return obj


class WhatForm(JourneyForm):
    incident_types = IncidentTypeChoice(
        queryset=IncidentType.objects.filter(is_active=True),
        label=_("What happened?"),
        help_text=_("Select all that apply."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(),
    )
    description = text(
        _("Tell us what happened, in your own words"),
        max_length=5000,
        textarea=True,
        help_text=_("You can write in any language."),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("incident_types") and not data.get("description"):
            self.add_error(
                "incident_types", _("Select what happened, or tell us in your own words")
            )
        return data


class WhenForm(JourneyForm):
    when_kind = radios(
        _("When did it happen?"),
        Report.WhenKind.choices,
        required=_("Select when it happened"),
    )


class WhenDateForm(JourneyForm):
    occurred_on = DateField(
        label=_("What date did it happen?"),
        help_text=_("For example, 27 3 2025"),
        required_message=_("Enter the date it happened"),
    )


class WhenApproximateForm(JourneyForm):
    when_details = text(
        _("Roughly when did it happen?"),
        max_length=200,
        required=_("Enter roughly when it happened"),
        help_text=_("For example, last week, or early in March 2025."),
    )


class WhenPeriodForm(JourneyForm):
    medium = ("occurred_on", "occurred_until")
    occurred_on = DateField(
        label=_("When did it start?"),
        help_text=_("For example, 27 3 2025. If you are not sure, give the nearest date."),
        required_message=_("Enter the date it started"),
    )
    occurred_until = DateField(
        label=format_lazy("{} {}", _("When did it stop?"), OPTIONAL),
        help_text=_("Leave this empty if it is still happening."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("occurred_on"), data.get("occurred_until")
        if start and end and end < start:
            self.add_error(
                "occurred_until",
                _("The date it stopped must be the same as or after the date it started"),
            )
        return data


class RepeatForm(JourneyForm):
    happened_before = radios(
        "",
        Answer.choices,
        required=_("Select if this has happened before"),
        inline=True,
    )
    how_often = text(
        _("If it has, how often?"),
        max_length=200,
        help_text=_("For example, every week since January."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_before"].label = self.you(
            _("Has this happened to you before?"), _("Has this happened to them before?")
        )


class WhereForm(JourneyForm):
    location_kind = radios(
        _("Where did it happen?"),
        Report.LocationKind.choices,
        required=_("Select where it happened"),
    )


class PlaceTypeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj


class WherePlaceForm(JourneyForm):
    medium = ("place_type",)
    town = text(_("Town or city"), max_length=80, autocomplete="address-level2")
    postcode = text(
        _("Postcode"),
        max_length=10,
        help_text=_("If you know it. The first part, like B11, is enough."),
        autocomplete="postal-code",
        spellcheck="false",
    )
    location_details = text(
        _("Anything else about the place"),
        max_length=200,
        help_text=_("For example, the name of a street, a shop or a bus route."),
    )
    place_type = PlaceTypeChoice(
        queryset=PlaceType.objects.filter(is_active=True).exclude(code="online"),
        label=format_lazy("{} {}", _("What kind of place was it?"), OPTIONAL),
        required=False,
        widget=forms.RadioSelect,
        error_messages=messages(),
    )

    def clean_postcode(self):
        value = " ".join(self.cleaned_data["postcode"].upper().split())
        if value and not postcode_district(value):
            raise forms.ValidationError(
                _("Enter a postcode like B11 1AA, or only its first part, like B11"),
                code="invalid",
            )
        return value

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("town") and not data.get("postcode"):
            self.add_error("town", _("Enter a town or city, or a postcode"))
        # At or near a school: the journey offers to tell the school (reporting/forms/young.py).
        place = data.get("place_type")
        data["at_school"] = bool(place and place.code in SCHOOL_PLACES)
        return data


class WhereOnlineForm(JourneyForm):
    online_platform = text(
        _("Which website or app was it on?"),
        max_length=120,
        help_text=_("For example, Facebook, TikTok, WhatsApp or a game."),
    )


class WhereHomeForm(JourneyForm):
    """Online hate routed locally: where the victim lives, so the team for their area takes
    the report. Only the area it falls in is kept, never what was typed."""

    home_place = text(
        _("Where do you live?"),
        max_length=80,
        help_text=_(
            "The first part of the postcode, like B11, or the town. We use it to send your "
            "report to the team for that area. We keep only the area, not what you type."
        ),
        autocomplete="off",
        spellcheck="false",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_place"].label = format_lazy(
            "{} {}",
            self.you(_("Where do you live?"), _("Where does the person it happened to live?")),
            OPTIONAL,
        )

    def clean_home_place(self):
        value = " ".join(self.cleaned_data["home_place"].split())
        if any(ch.isdigit() for ch in value) and not postcode_district(value):
            raise forms.ValidationError(
                _("Enter the first part of a postcode, like B11, or the name of a town"),
                code="invalid",
            )
        return value


OTHER = "other"
NOT_SURE = "not_sure"


class WhyForm(JourneyForm):
    """Why they think it was hate: perceived, never to be proved."""

    motivation = forms.MultipleChoiceField(
        label=_("Why do you think it happened?"),
        help_text=_("You do not have to prove it. Select all that apply."),
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(_("Select why you think it happened, or select ‘I'm not sure’")),
    )
    motivation_other = text(
        _("If it was something else, what was it?"),
        max_length=200,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The five national strands, and the local markers the incident's area switched on.
        local = Q(kind=Strand.Kind.LOCAL, areas=self.area_id) if self.area_id else Q(pk=None)
        strands = Strand.objects.filter(Q(kind=Strand.Kind.NATIONAL) | local).distinct()
        self.fields["motivation"].choices = [
            *((str(s.pk), HintedLabel(s.name, s.description)) for s in strands),
            (OTHER, _("Something else")),
            (NOT_SURE, Answer.NOT_SURE.label),
        ]

    @staticmethod
    def strand_ids(motivation):
        return [int(value) for value in motivation if value.isdigit()]


class OffenderForm(JourneyForm):
    offender_known = radios(
        _("Do you know who did it?"),
        Answer.choices,
        required=_("Select if you know who did it"),
        inline=True,
    )
    offender_count = forms.IntegerField(
        label=format_lazy("{} {}", _("How many people did it?"), OPTIONAL),
        required=False,
        min_value=1,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages=messages(
            invalid=_("Enter the number of people as a number, like 2"),
            min_value=_("The number of people must be 1 or more"),
            max_value=_("The number of people must be 999 or fewer"),
        ),
    )
    offender_description = text(
        _("What can you tell us about them?"),
        max_length=5000,
        textarea=True,
        help_text=_(
            "For example, what they looked like, what they said, or their name if you know it."
        ),
    )


class OffenderIdentifierForm(JourneyForm):
    """Optional: something that identifies the offender. Kept as a keyed hash too, so reports
    naming the same person can be linked (reporting/offender_identifiers.py); a report not
    shared with the police is never shown to them because of it."""

    heading = _("Something that identifies them")
    offender_account = text(
        _("Their account name online"),
        max_length=120,
        help_text=_(
            "Only if you know it. If someone else tells us about the same person, we can look "
            "at both reports. We never tell anyone who you are."
        ),
        autocomplete="off",
        spellcheck="false",
    )
    offender_platform = text(
        _("Which website or app is the account on?"),
        max_length=120,
        help_text=_("For example, Facebook, TikTok or X."),
        autocomplete="off",
    )
    offender_vehicle = text(
        _("Their car's number plate"),
        max_length=12,
        help_text=_("Like AB12 CDE."),
        autocomplete="off",
        spellcheck="false",
    )
    offender_name = text(_("Their name"), max_length=120, autocomplete="off", spellcheck="false")
    offender_street = text(
        _("The street where they live or work"),
        max_length=120,
        help_text=_("We only use a name with a street."),
        autocomplete="off",
    )

    def clean(self):
        data = super().clean()
        if data.get("offender_name") and not data.get("offender_street"):
            self.add_error(
                "offender_street", _("Enter the street as well as the name, or remove the name")
            )
        if data.get("offender_platform") and not data.get("offender_account"):
            self.add_error(
                "offender_account",
                _("Enter the account name as well as the website or app, or remove the website"),
            )
        return data


class HarmForm(JourneyForm):
    heading = _("Injuries, damage and threats")
    medium = ("injured", "property_damaged", "threatened")
    injured = radios("", Answer.choices, required=_("Select if anyone was hurt"), inline=True)
    property_damaged = radios(
        _("Was anything damaged or stolen?"),
        Answer.choices,
        required=_("Select if anything was damaged or stolen"),
        inline=True,
    )
    threatened = radios(
        "", Answer.choices, required=_("Select if anyone was threatened"), inline=True
    )
    harm_details = text(
        _("Tell us more about any injuries, damage or threats"),
        max_length=5000,
        textarea=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["injured"].label = self.you(
            _("Were you hurt?"), _("Was the person it happened to hurt?")
        )
        self.fields["threatened"].label = self.you(
            _("Were you threatened?"), _("Was the person it happened to threatened?")
        )


class EvidenceForm(JourneyForm):
    heading = _("Photos, screenshots and other evidence")
    file = forms.FileField(
        label=format_lazy("{} {}", _("Add a file"), OPTIONAL),
        required=False,
        error_messages=messages(
            missing=_("Select a file"),
            empty=_("The selected file is empty. Choose another file."),
            contradiction=_("Select a file"),
        ),
    )

    def __init__(self, *args, limits=None, **kwargs):
        super().__init__(*args, **kwargs)
        if limits:
            self.fields["file"].help_text = _(
                "A photo, screenshot, PDF, sound recording or video. Each file can be up to "
                "%(max_size)s. You can add up to %(max_files)s files."
            ) % {"max_size": limits["max_size"], "max_files": limits["max_files"]}


class PoliceForm(JourneyForm):
    consent = radios(
        _("Do you want us to share your report with the police?"),
        [],
        required=_("Select if you want us to share your report with the police"),
        help_text=_("Your report counts whatever you choose."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].choices = [
            (
                Consent.SHARE_WITH_DETAILS,
                HintedLabel(
                    gettext("Yes, share it with the police, with my details"),
                    gettext(
                        "The police can contact you to find out more and to tell you what "
                        "they are doing."
                    ),
                ),
            ),
            (
                Consent.SHARE_ANONYMOUSLY,
                HintedLabel(
                    gettext("Yes, share it with the police, without my details"),
                    gettext(
                        "The police learn what happened and where. This helps them protect "
                        "people. They do not learn who you are, so they cannot contact you "
                        "about it."
                    ),
                ),
            ),
            (
                Consent.DO_NOT_SHARE,
                HintedLabel(
                    gettext("No, do not share it with the police"),
                    gettext(
                        "We keep your report and can put you in touch with support. "
                        "Nothing goes to the police."
                    ),
                ),
            ),
        ]
