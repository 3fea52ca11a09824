"""The centre: training and awareness activities (everyone at the centre); its public
listing, its volunteers and the counts of what it logged (its coordinators)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from centres import forms as centre_forms
from centres import roles
from centres.models import Membership, Role, Strand
from centres.services import add_centre_member, end_membership
from centres.stats import suppress

from .. import access
from ..models import Channel
from .reports import EXPIRY_NOTICE_DAYS, activities_this_year
from .scope import centre_reports, centre_worker_required


@require_http_methods(["GET", "POST"])
@centre_worker_required
def training(request, centre_id):
    centre = access.get_centre_or_404(request.user, centre_id)
    form = centre_forms.AwarenessActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.centre, activity.logged_by = centre, request.user
        activity.save()
        messages.success(request, _("Activity logged."))
        return redirect("workspace:training", centre_id=centre.pk)
    today = timezone.localdate()
    activities = centre.awareness_activities.filter(date__year__gte=today.year - 1)
    done = activities_this_year(centre, today)
    return render(
        request,
        "reporting/workspace/training.html",
        {
            "centre": centre,
            "form": form,
            "activities": activities.select_related("logged_by"),
            "done": done,
            "year": today.year,
            "memberships": [m for m in request.user.active_memberships if m.centre_id == centre.pk],
            "notice_from": today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
            "today": today,
        },
    )


@require_http_methods(["GET", "POST"])
@centre_worker_required
def edit_listing(request, centre_id):
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    form = centre_forms.CentreListingForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The centre's listing has been updated."))
        return redirect("workspace:listing", centre_id=centre.pk)
    with translation.override("en"):
        public_url = reverse("centres:centre", args=[centre.slug])
    return render(
        request,
        "reporting/workspace/listing.html",
        {"centre": centre, "form": form, "public_url": public_url},
    )


@require_http_methods(["GET", "POST"])
@centre_worker_required
def volunteers(request, centre_id):
    """The centre's team: who is there, whose role waits for approval, who has left; adding
    someone. Roles are given, approved and refused through centres.roles."""
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    if request.method == "POST" and ("approve" in request.POST or "refuse" in request.POST):
        return _decide_grant(request, centre)
    form = centre_forms.AddVolunteerForm(request.POST or None, centre=centre, by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership = add_centre_member(
                centre=centre, added_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _added_message(membership))
            return redirect("workspace:volunteers", centre_id=centre.pk)
    return render(request, "reporting/workspace/volunteers.html", _team(request, centre, form))


def _team(request, centre, form) -> dict:
    today = timezone.localdate()
    people = (
        Membership.objects.filter(centre=centre, role__in=Role.CENTRE_ROLES)
        .select_related("user", "granted_by")
        .order_by("user__name")
    )
    current = people.active(today)
    pending = list(people.pending())
    decidable = set(roles.grants_awaiting(request.user).values_list("pk", flat=True))
    for membership in pending:
        membership.may_decide = membership.pk in decidable
    return {
        "centre": centre,
        "form": form,
        "current": current,
        "pending": pending,
        "former": people.exclude(pk__in=[m.pk for m in (*current, *pending)]),
        "today": today,
        "notice_from": today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
    }


def _added_message(membership) -> str:
    if membership.is_pending:
        return _(
            "%(name)s has been added to the centre. Their role starts once an administrator "
            "or another coordinator approves it."
        ) % {"name": membership.user.name}
    return _("%(name)s has been added to the centre.") % {"name": membership.user.name}


def _decide_grant(request, centre):
    """Approve or refuse a role waiting at the centre; the service checks who may."""
    approving = "approve" in request.POST
    pk = request.POST.get("approve" if approving else "refuse", "")
    if not pk.isdigit():
        raise Http404
    membership = access.get_centre_membership_or_404(request.user, centre, int(pk))
    decide = roles.approve_grant if approving else roles.refuse_grant
    try:
        decide(membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = (
            _("%(name)s's role is approved. It starts now.")
            if approving
            else _("%(name)s's role is refused. They were not given it.")
        )
        messages.success(request, done % {"name": membership.user.name})
    return redirect("workspace:volunteers", centre_id=centre.pk)


@require_http_methods(["GET", "POST"])
@centre_worker_required
def edit_volunteer(request, centre_id, pk):
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    membership = access.get_centre_membership_or_404(request.user, centre, pk)
    training_form = centre_forms.MembershipTrainingForm(
        request.POST if "save_training" in request.POST else None, instance=membership
    )
    end_form = centre_forms.EndMembershipForm(
        request.POST if "end_membership" in request.POST else None,
        membership=membership,
        initial={"ended_on": timezone.localdate()},
    )
    is_self = membership.user_id == request.user.pk
    if request.method == "POST" and training_form.is_bound and training_form.is_valid():
        # Only the training dates: never write back where the grant stands as this page read it.
        dated = training_form.save(commit=False)
        dated.save(update_fields=["accredited_on", "training_expires_on"])
        messages.success(request, _("Training dates saved."))
        return redirect("workspace:volunteers", centre_id=centre.pk)
    if request.method == "POST" and end_form.is_bound and not is_self and end_form.is_valid():
        try:
            end_membership(membership, ended_on=end_form.cleaned_data["ended_on"], by=request.user)
        except ValidationError as error:
            end_form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s's membership ends on %(date)s.")
                % {"name": membership.user.name, "date": end_form.cleaned_data["ended_on"]},
            )
            return redirect("workspace:volunteers", centre_id=centre.pk)
    return render(
        request,
        "reporting/workspace/volunteer.html",
        {
            "centre": centre,
            "membership": membership,
            "training_form": training_form,
            "end_form": end_form,
            "is_self": is_self,
        },
    )


@require_safe
@centre_worker_required
def counts(request, centre_id):
    """What the centre logged, counted from the reports themselves: no forms to fill in.
    Aggregates only, with counts under 5 shown as "<5"."""
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    reports = centre_reports(request.user).filter(centre=centre)
    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=365)
    by_month = (
        reports.filter(submitted_at__date__gte=since.replace(day=1))
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(total=Count("id"))
        .order_by("-month")
    )
    channels = dict(Channel.choices)
    by_channel = reports.values("channel").annotate(total=Count("id")).order_by("-total")
    by_strand = (
        reports.values("strands__pk").annotate(total=Count("id", distinct=True)).order_by("-total")
    )
    strand_names = {s.pk: str(s) for s in Strand.objects.all()}
    return render(
        request,
        "reporting/workspace/counts.html",
        {
            "centre": centre,
            "total": suppress(reports.count()),
            "by_month": [(row["month"], suppress(row["total"])) for row in by_month],
            "by_channel": [
                (channels.get(row["channel"], row["channel"]), suppress(row["total"]))
                for row in by_channel
            ],
            "by_strand": [
                (strand_names.get(row["strands__pk"], _("None given")), suppress(row["total"]))
                for row in by_strand
            ],
        },
    )
