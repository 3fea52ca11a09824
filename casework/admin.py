"""The SPOC admin: the case list, the case page and its actions, the daily threat review and
the PDFs.

Every case is fetched through `get_queryset`, which is scoped by `access.cases_handled_by`, so
a case outside a person's areas answers exactly as a case that does not exist, on every URL
(change, history, actions with crafted ids, the action forms, the review, the PDFs). Changes
go through the forms in `forms.py` and the services behind them; the case page itself is
read-only. Every view, change and export is written to the access log.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Value
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Centre, Membership, Role, Strand, User
from reporting import access
from reporting.models import Channel, Channels, normalise_reference

from . import services
from .forms import CASE_ACTION_FORMS
from .models import Authorisation, Case, CaseStatus, LocalOutcomeCode, Outcome, OutcomeType
from .review import daily_review, render_pdf, review_areas

# --- A paginator that never counts the whole table --------------------------------------------


class CappedCountPaginator(Paginator):
    """Counts at most CAP + 1 rows, so a page costs the same at 20 thousand cases as at two
    million. Beyond the cap the list says "more than"; filters and search narrow it."""

    CAP = 1000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.CAP + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.CAP


# --- Filters ----------------------------------------------------------------------------------


def _list_choices(request) -> dict[str, list[tuple]]:
    """The choices the list offers (strands and local markers in the current language, the
    centres of the person's areas, the officers cases may be assigned to), looked up once per
    request: three small queries whatever the filters and the size of the table."""
    if hasattr(request, "_casework_choices"):
        return request._casework_choices
    user = request.user
    police = Membership.objects.active().filter(role__in=Role.POLICE_ROLES)
    centres = Centre.objects.all()
    if not user.is_superuser:
        areas = _police_area_ids(user)
        police = police.filter(area_id__in=areas)
        centres = centres.filter(area_id__in=areas)
    officers = User.objects.filter(is_active=True, pk__in=police.values("user_id"))

    def by_name(rows):
        return sorted(rows, key=lambda row: (row[1] or "").casefold())

    choices = {
        "strand": by_name((strand.pk, strand.name, strand.kind) for strand in Strand.objects.all()),
        "centre": by_name(centres.values_list("pk", "name", Value(""))),
        "officer": by_name(officers.values_list("pk", "name", Value(""))),
    }
    request._casework_choices = choices
    return choices


class _StrandFilterBase(admin.SimpleListFilter):
    kind = Strand.Kind.NATIONAL

    def lookups(self, request, model_admin):
        return [
            (str(pk), name)
            for pk, name, kind in _list_choices(request)["strand"]
            if kind == self.kind
        ]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        through = Case.report.field.related_model.strands.through
        return queryset.filter(
            Exists(through.objects.filter(report_id=OuterRef("report_id"), strand_id=self.value()))
        )


class StrandFilter(_StrandFilterBase):
    title = _("strand")
    parameter_name = "strand"
    kind = Strand.Kind.NATIONAL


class LocalMarkerFilter(_StrandFilterBase):
    title = _("local marker")
    parameter_name = "marker"
    kind = Strand.Kind.LOCAL


class OverdueFilter(admin.SimpleListFilter):
    title = _("Victims' Code clocks")
    parameter_name = "clocks"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("today", _("Due within 24 hours")),
            ("running", _("Running")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "overdue":
            return queryset.filter(next_clock_due_at__lt=now)
        if self.value() == "today":
            return queryset.filter(
                next_clock_due_at__gte=now, next_clock_due_at__lt=now + timezone.timedelta(1)
            )
        if self.value() == "running":
            return queryset.filter(next_clock_due_at__isnull=False)
        return queryset


class MyCasesFilter(admin.SimpleListFilter):
    title = _("assigned")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", _("My cases")), ("nobody", _("Not assigned"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(owner=request.user)
        if self.value() == "nobody":
            return queryset.filter(owner__isnull=True)
        return queryset


class ChannelFilter(admin.SimpleListFilter):
    title = _("channel")
    parameter_name = "channel"

    def lookups(self, request, model_admin):
        return Channel.choices

    def queryset(self, request, queryset):
        if self.value() in Channel.values:
            return queryset.filter(report__channel=self.value())
        return queryset


class CentreFilter(admin.SimpleListFilter):
    title = _("centre")
    parameter_name = "centre"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name, _extra in _list_choices(request)["centre"]]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(report__centre_id=self.value())
        return queryset


class AreaFilter(admin.SimpleListFilter):
    title = _("area")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        return [(str(area.pk), area.name) for area in review_areas(request.user)]

    def has_output(self):
        return len(self.lookup_choices) > 1

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(area_id=self.value())
        return queryset


def _police_area_ids(user) -> set[int]:
    return {m.area_id for m in user.active_memberships if m.role in Role.POLICE_ROLES}


# --- Actions ----------------------------------------------------------------------------------


class AssignActionForm(admin.helpers.ActionForm):
    # Checked against the officers of the person's areas by the action itself.
    officer = forms.CharField(label=_("Officer"), required=False, widget=forms.Select)


class CaseChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        self.is_capped = getattr(self.paginator, "is_capped", False)


# --- The case admin ---------------------------------------------------------------------------


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "status",
        "priority",
        "area",
        "owner",
        "channel",
        "centre",
        "opened_at",
        "next_due",
    ]
    list_filter = [
        MyCasesFilter,
        "status",
        "priority",
        OverdueFilter,
        StrandFilter,
        LocalMarkerFilter,
        ChannelFilter,
        CentreFilter,
        AreaFilter,
        ("opened_at", admin.DateFieldListFilter),
    ]
    search_fields = ["=report__reference"]
    search_help_text = _("Search by reference, for example HR-7KQ4-M2XD.")
    list_select_related = ["report", "report__centre", "area", "owner"]
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedCountPaginator
    ordering = ["-opened_at", "-pk"]
    actions = ["assign_to_me", "assign_to_officer", "mark_triaged"]
    action_form = AssignActionForm
    readonly_fields = [
        "reference",
        "area",
        "status",
        "priority",
        "owner",
        "opened_at",
        "triaged_at",
        "closed_at",
        "recording_decision",
        "nchi_threshold_met",
        "nchi_rationale",
        "enhanced_rights",
        "enhanced_downgrade_reason",
        "update_interval_days",
        "next_due",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "area", "status", "priority", "owner", "next_due"]}),
        (_("Dates"), {"fields": ["opened_at", "triaged_at", "closed_at"]}),
        (
            _("Decision"),
            {"fields": ["recording_decision", "nchi_threshold_met", "nchi_rationale"]},
        ),
        (
            _("Victims' Code"),
            {
                "fields": [
                    "enhanced_rights",
                    "enhanced_downgrade_reason",
                    "update_interval_days",
                ]
            },
        ),
    ]
    change_form_template = "admin/casework/case/change_form.html"
    change_list_template = "admin/casework/case/change_list.html"

    # --- Scope and permissions ------------------------------------------------------------

    def get_queryset(self, request):
        return access.cases_handled_by(request.user, super().get_queryset(request))

    def get_changelist(self, request, **kwargs):
        return CaseChangeList

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The case page is read-only: every change goes through an action form and its
        # service. Without an object this answers for the list's actions.
        if obj is not None:
            return False
        return super().has_change_permission(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Cases"), **(extra_context or {})}
        response = super().changelist_view(request, extra_context)
        action_form = getattr(response, "context_data", {}).get("action_form")
        if action_form is not None and "officer" in action_form.fields:
            action_form.fields["officer"].widget.choices = [("", "—")] + [
                (str(pk), name) for pk, name, _extra in _list_choices(request)["officer"]
            ]
        return response

    def _assignable_officers(self, request):
        if request.user.is_superuser:
            return User.objects.filter(
                is_active=True,
                memberships__role__in=Role.POLICE_ROLES,
            ).distinct()
        areas = _police_area_ids(request.user)
        police = User.objects.none()
        for area_id in sorted(areas):
            police |= User.objects.police_of_area(area_id)
        return police.distinct()

    # --- Search: the exact reference, on its unique index ---------------------------------

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        reference = normalise_reference(term)
        if not reference:
            return queryset.none(), False
        return queryset.filter(report__reference=reference), False

    # --- Columns --------------------------------------------------------------------------

    @admin.display(description=_("reference"), ordering="report__reference")
    def reference(self, obj):
        return obj.report.reference

    @admin.display(description=_("channel"))
    def channel(self, obj):
        return obj.report.get_channel_display()

    @admin.display(description=_("centre"))
    def centre(self, obj):
        return obj.report.centre or "—"

    @admin.display(description=_("next update due"), ordering="next_clock_due_at")
    def next_due(self, obj):
        if obj.next_clock_due_at is None:
            return "—"
        when = timezone.localtime(obj.next_clock_due_at).strftime("%d %b %Y %H:%M")
        if obj.is_overdue:
            return format_html(
                '<strong class="casework-overdue">{} {}</strong>', _("Overdue"), when
            )
        return when

    # --- List actions ---------------------------------------------------------------------

    def _each_case(self, request, queryset, verb):
        done = failed = 0
        for case in queryset.select_related("area"):
            try:
                verb(case)
                done += 1
            except services.ValidationError as exc:
                failed += 1
                self.message_user(
                    request, f"{case}: {' '.join(exc.messages)}", level=messages.WARNING
                )
        return done, failed

    @admin.action(description=_("Assign the selected cases to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        done, _failed = self._each_case(
            request,
            queryset,
            lambda case: services.assign_case(case=case, officer=request.user, by=request.user),
        )
        self.message_user(request, _("%(count)d cases assigned to you.") % {"count": done})

    @admin.action(
        description=_("Assign the selected cases to the chosen officer"), permissions=["change"]
    )
    def assign_to_officer(self, request, queryset):
        officer_id = request.POST.get("officer", "")
        officer = (
            self._assignable_officers(request).filter(pk=officer_id).first()
            if officer_id.isdigit()
            else None
        )
        if officer is None:
            self.message_user(request, _("Choose an officer."), level=messages.ERROR)
            return
        done, _failed = self._each_case(
            request,
            queryset,
            lambda case: services.assign_case(case=case, officer=officer, by=request.user),
        )
        self.message_user(
            request,
            _("%(count)d cases assigned to %(name)s.") % {"count": done, "name": officer},
        )

    @admin.action(description=_("Mark the selected cases as triaged"), permissions=["change"])
    def mark_triaged(self, request, queryset):
        done, _failed = self._each_case(
            request, queryset.filter(status=CaseStatus.NEW), lambda c: c.triage(by=request.user)
        )
        self.message_user(request, _("%(count)d cases marked triaged.") % {"count": done})

    # --- URLs -----------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("daily-review/", wrap(self.daily_review_view), name="casework_case_daily_review"),
            path(
                "daily-review.pdf",
                wrap(self.daily_review_pdf_view),
                name="casework_case_daily_review_pdf",
            ),
            path(
                "<path:object_id>/summary.pdf",
                wrap(self.summary_pdf_view),
                name="casework_case_summary_pdf",
            ),
            path(
                "<path:object_id>/do/<slug:action>/",
                wrap(self.case_action_view),
                name="casework_case_action",
            ),
            *super().get_urls(),
        ]

    def _case_in_scope(self, request, object_id) -> Case:
        if not self.has_view_permission(request):
            raise PermissionDenied
        case = self.get_object(request, object_id)
        if case is None:
            raise Http404
        return case

    # --- The case page --------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = getattr(response, "context_data", {}).get("original")
        if obj is not None and request.method == "GET":
            access.record(request.user, obj, AccessLogEntry.Action.VIEW, detail="admin")
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        obj = getattr(response, "context_data", {}).get("object")
        if obj is not None:
            access.record(request.user, obj, AccessLogEntry.Action.VIEW, detail="admin history")
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(self._case_page_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _case_page_context(self, request, case):
        user = request.user
        report = case.report
        can_act = access.can_change_case(user, case)
        forms_ = {}
        if can_act:
            forms_ = {
                name: form_class(case=case, user=user, prefix=name)
                for name, form_class in CASE_ACTION_FORMS.items()
            }
            if CaseStatus.OUTCOME_RECORDED not in case.allowed_transitions():
                forms_.pop("outcome")
            if not forms_["status"].fields["to"].choices:
                forms_.pop("status")
            if not (case.status == CaseStatus.OUTCOME_RECORDED and case.needs_authorisation()):
                forms_.pop("authorisation-request", None)
            pending = case.authorisations.filter(decision=Authorisation.Decision.PENDING).first()
            if pending is not None:
                forms_.pop("authorisation-request", None)
            if pending is None or not services.is_inspector_of(user, case.area_id):
                forms_.pop("authorisation-decision", None)
        contact = None
        if access.can_see_contact_details(user, report):
            contact = getattr(report, "contact", None)
        groups = {
            "status": ["status"],
            "clocks": ["rights", "interval"],
            "thrive": ["thrive", "decision", "assign"],
            "updates": ["victim-update", "key-event", "contact", "note"],
            "referrals": ["referral"],
            "outcome": ["outcome", "authorisation-request", "authorisation-decision"],
        }
        if contact is None:
            # Without the contact details nobody may contact or refer the victim.
            forms_.pop("contact", None)
            forms_.pop("referral", None)
        return {
            "case": case,
            "report": report,
            "contact": contact,
            "contact_channels": [
                Channels(code).label
                for code in (contact.channels if contact else [])
                if code in Channels.values
            ],
            "victim_channel": services.victim_message_channel(report),
            "form_groups": {
                group: [(name, forms_[name]) for name in names if name in forms_]
                for group, names in groups.items()
            },
            "assessments": case.assessments.select_related("assessed_by"),
            "events": case.events.select_related("by"),
            "updates": case.updates.select_related("author"),
            "clocks": case.clocks.select_related("met_by").order_by("-started_at"),
            "referrals": report.referrals.select_related("service", "made_by"),
            "authorisations": case.authorisations.select_related("requested_by", "decided_by"),
            "outcome": Outcome.objects.filter(case=case)
            .select_related("outcome_type", "local_code", "recorded_by")
            .first(),
            "now": timezone.now(),
            "summary_pdf_url": reverse("admin:casework_case_summary_pdf", args=[case.pk]),
        }

    def case_action_view(self, request, object_id, action):
        """One POST per action form on the case page; the form calls its service."""
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:casework_case_change", args=[object_id]))
        case = self._case_in_scope(request, object_id)
        form_class = CASE_ACTION_FORMS.get(action)
        if form_class is None or not access.can_change_case(request.user, case):
            raise Http404
        form = form_class(request.POST, case=case, user=request.user, prefix=action)
        if form.run():
            self.message_user(request, _("%(action)s saved.") % {"action": form.title})
        else:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else form.title
                for error in errors:
                    self.message_user(request, f"{label}: {error}", level=messages.ERROR)
        return HttpResponseRedirect(
            reverse("admin:casework_case_change", args=[case.pk]) + f"#{action}"
        )

    # --- The daily threat review and the PDFs ---------------------------------------------

    def _review(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        area = request.GET.get("area", "")
        return daily_review(request.user, area_id=int(area) if area.isdigit() else None)

    def daily_review_view(self, request):
        reviews, since = self._review(request)
        for review in reviews:
            for case in review.cases:
                access.record(request.user, case, AccessLogEntry.Action.VIEW, detail="daily review")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Daily threat review"),
            "reviews": reviews,
            "since": since,
            "now": timezone.now(),
            "area": request.GET.get("area", ""),
        }
        return TemplateResponse(request, "admin/casework/case/daily_review.html", context)

    def daily_review_pdf_view(self, request):
        reviews, since = self._review(request)
        for review in reviews:
            for case in review.cases:
                access.record(
                    request.user, case, AccessLogEntry.Action.EXPORT, detail="daily review PDF"
                )
        pdf = render_pdf(
            "casework/daily_review_pdf.html",
            {"reviews": reviews, "since": since, "now": timezone.now(), "user": request.user},
        )
        return _pdf_response(pdf, f"daily-review-{timezone.localdate():%Y-%m-%d}.pdf")

    def summary_pdf_view(self, request, object_id):
        case = self._case_in_scope(request, object_id)
        access.record(request.user, case, AccessLogEntry.Action.EXPORT, detail="case summary PDF")
        context = self._case_page_context(request, case)
        context.update({"user": request.user, "form_groups": {}})
        pdf = render_pdf("casework/case_summary_pdf.html", context)
        return _pdf_response(pdf, f"case-{case.report.reference}.pdf")


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache or the browser's history.
    response["Cache-Control"] = "no-store"
    return response


@admin.register(OutcomeType)
class OutcomeTypeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "is_positive", "is_no_further_action"]


@admin.register(LocalOutcomeCode)
class LocalOutcomeCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "area", "outcome_type"]
    list_filter = ["area"]
    list_select_related = ["area", "outcome_type"]
