"""Victim satisfaction on insights: the five questions asked when a case closes
(casework/services/feedback.py), counted, never shown one by one. Disclosure control is
`sections.all_tables`'s, as for every table (counts 1-4 hidden, the rest rounded to 5, rates
from the rounded counts)."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import FEEDBACK_QUESTIONS, VictimFeedback
from .disclosure import Ratio
from .filters import add_months
from .tables import Table

# The rows, in the order asked: what each question is about, in a few words.
QUESTION_LABELS = {
    "contact": _("Ease of getting in touch"),
    "actions": _("Actions taken"),
    "informed": _("Kept informed"),
    "treatment": _("Treatment"),
    "overall": _("Whole experience"),
}


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def invitations_in(filters):
    """The invitations of cases closed in the filters' period, area, strand, channel, centre."""
    feedback = VictimFeedback.objects.filter(
        invited_at__gte=_midnight(filters.start),
        invited_at__lt=_midnight(add_months(filters.end, 1)),
    )
    if filters.area:
        feedback = feedback.filter(case__area=filters.area)
    if filters.strand:
        # One strand: at most one row per report, so no duplicates to count.
        feedback = feedback.filter(case__report__strands=filters.strand)
    if filters.channel:
        feedback = feedback.filter(case__report__channel=filters.channel)
    if filters.centre:
        feedback = feedback.filter(case__report__centre=filters.centre)
    return feedback


def feedback_tables(filters) -> list[Table]:
    """Per question: answers, satisfied (very or fairly), neither, dissatisfied and the
    satisfied rate; then how many were invited, answered and skipped. One query."""
    aggregates = {
        "invited": Count("pk"),
        "answered": Count("pk", filter=Q(answered_at__isnull=False)),
    }
    aggregates["skipped"] = Count("pk", filter=Q(skipped_at__isnull=False))
    for field in FEEDBACK_QUESTIONS:
        aggregates[f"{field}_n"] = Count("pk", filter=Q(**{f"{field}__isnull": False}))
        aggregates[f"{field}_good"] = Count("pk", filter=Q(**{f"{field}__gte": 4}))
        aggregates[f"{field}_neither"] = Count("pk", filter=Q(**{field: 3}))
        aggregates[f"{field}_bad"] = Count("pk", filter=Q(**{f"{field}__lte": 2}))
    counts = invitations_in(filters).aggregate(**aggregates)
    satisfaction = Table(
        key="victim-satisfaction",
        title=_("Victim satisfaction"),
        description=_(
            "What reporters said about how their case was handled, asked when it closed: "
            "satisfied means very or fairly satisfied."
        ),
        columns=[
            _("Question"),
            _("Answers"),
            _("Satisfied"),
            _("Neither"),
            _("Dissatisfied"),
            _("Satisfied (%)"),
        ],
        rows=[
            [
                QUESTION_LABELS[field],
                counts[f"{field}_n"],
                counts[f"{field}_good"],
                counts[f"{field}_neither"],
                counts[f"{field}_bad"],
                Ratio(counts[f"{field}_good"], counts[f"{field}_n"]),
            ]
            for field in FEEDBACK_QUESTIONS
        ],
        chart_columns=(2, 3, 4),
        note=_(
            "Five questions, as police victim-satisfaction surveys ask them, on a five-point "
            "scale; each may be left unanswered. Counted by when the case closed."
        ),
    )
    responses = Table(
        key="victim-feedback-responses",
        title=_("Who answered"),
        description=_("Reporters asked for their views when their case closed, and what they did."),
        columns=[_("Reporters"), _("Number"), _("Share (%)")],
        rows=[
            [_("Asked"), counts["invited"], None],
            [_("Answered"), counts["answered"], Ratio(counts["answered"], counts["invited"])],
            [_("Chose to skip"), counts["skipped"], Ratio(counts["skipped"], counts["invited"])],
        ],
        chart="none",
    )
    return [satisfaction, responses]
