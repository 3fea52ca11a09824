"""Young people and schools (issue 19): how old the person it happened to is, and, when it
happened at or near a school, whether to tell the school as well as, or instead of, the
police, and what the school may see. The school is told only with the young person's say-so,
and sees only what they chose (reporting/access.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from ..models import AgeGroup, SchoolSharing
from .kit import HintedLabel, JourneyForm, messages, radios

# Place types where "tell the school" is offered (reporting/data/reference.json).
SCHOOL_PLACES = frozenset({"education", "near_school"})

TELL_SCHOOL_AS_WELL = "as_well"
TELL_SCHOOL_INSTEAD = "instead"
TELL_SCHOOL_NO = "no"


def age_group_field():
    """How old the person it happened to is: asked on the first page, beside who is
    reporting (optional, like every question about the person). Under 18 gives the case
    enhanced Victims' Code rights and the safeguarding flag police see."""
    return radios(
        _("How old is the person it happened to?"),
        AgeGroup.choices,
        help_text=_(
            "If it happened to you, tell us your age. If they are under 18, the police must "
            "give them extra help and tell them news sooner."
        ),
    )


class SchoolForm(JourneyForm):
    tell_school = radios(
        _("Do you want to tell the school?"),
        [],
        required=_("Select if you want to tell the school"),
        help_text=_("We only tell the school if you say yes. You choose what the school sees."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tell_school"].choices = [
            (
                TELL_SCHOOL_AS_WELL,
                HintedLabel(
                    str(_("Yes, tell the school and the police")),
                    str(_("You choose next if the police get your details.")),
                ),
            ),
            (
                TELL_SCHOOL_INSTEAD,
                HintedLabel(
                    str(_("Yes, tell the school instead of the police")),
                    str(_("Nothing goes to the police.")),
                ),
            ),
            (TELL_SCHOOL_NO, _("No, do not tell the school")),
        ]


class SchoolChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.town}"


class SchoolWhichForm(JourneyForm):
    school = SchoolChoice(
        queryset=Centre.objects.none(),
        label=_("Which school?"),
        empty_label=_("Choose a school"),
        error_messages=messages(_("Choose the school")),
    )
    school_sharing = radios(
        _("What can the school see?"),
        [
            (SchoolSharing.REPORT, _("What happened, but not how to contact you")),
            (SchoolSharing.WITH_DETAILS, _("What happened, and how to contact you")),
        ],
        required=_("Select what the school can see"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = Centre.objects.schools().order_by("town", "name")
