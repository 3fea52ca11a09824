"""Crime references and outcomes back from the force's records system, as a CSV imported in
the admin (django-import-export): a preview first, each row's error named, and nothing
half-applied.

Every row is applied through the casework services, the same rules as the case page: the
crime reference in the area's format and unique in the force; an outcome only where the case
may take one; an outcome of no further action with an identifiable offender waits for an
inspector's authorisation, in an area that asks for it, instead of closing anything. The
preview runs the same services inside a transaction that is rolled back, so what it says
will happen is what the import does. The import runs in one transaction and is rolled back
whole if any row fails (`rollback_on_validation_errors`).

Columns: reference (ours, HR-XXXX-XXXX; required), crime_reference, outcome_number,
offender_identifiable (yes/no; required with an outcome), outcome_notes. Only cases the
importing officer handles can be touched: any other reference is an error on its row.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources

from reporting.models import normalise_reference

from .. import crime_reference, services
from ..models import Case, OutcomeType
from .export import shared_cases_handled_by

SOURCE = "import from the force's records"
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
COLUMNS = [
    "reference",
    "crime_reference",
    "outcome_number",
    "offender_identifiable",
    "outcome_notes",
]


class ForceResultsResource(resources.ModelResource):
    reference = fields.Field(column_name="reference", readonly=True)
    crime_reference = fields.Field(column_name="crime_reference", readonly=True)
    outcome_number = fields.Field(column_name="outcome_number", readonly=True)
    offender_identifiable = fields.Field(column_name="offender_identifiable", readonly=True)
    outcome_notes = fields.Field(column_name="outcome_notes", readonly=True)

    class Meta:
        model = Case
        fields = COLUMNS
        import_id_fields = ()
        use_transactions = True
        skip_unchanged = False
        clean_model_instances = False

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    # --- What the preview shows of a case, before and after ------------------------------

    def dehydrate_reference(self, case):
        return case.report.reference

    def dehydrate_crime_reference(self, case):
        return case.crime_reference

    def dehydrate_outcome_number(self, case):
        outcome = getattr(case, "outcome", None)
        return outcome.outcome_type.number if outcome else ""

    def dehydrate_offender_identifiable(self, case):
        outcome = getattr(case, "outcome", None)
        return ("yes" if outcome.offender_identifiable else "no") if outcome else ""

    def dehydrate_outcome_notes(self, case):
        outcome = getattr(case, "outcome", None)
        return outcome.notes if outcome else ""

    # --- Finding the case: ours, in the importer's scope, or an error on the row ---------

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user", self.user)
        headers = [h.strip().lower() for h in (dataset.headers or [])]
        if "reference" not in headers:
            raise ValidationError(_("The file needs a “reference” column."))
        dataset.headers = headers

    def get_instance(self, instance_loader, row):
        reference = normalise_reference(str(row.get("reference") or ""))
        if not reference:
            raise ValidationError({"reference": _("This is not a Hate Report reference.")})
        case = (
            shared_cases_handled_by(self.user)
            .select_related("area", "report", "outcome__outcome_type")
            .filter(report__reference=reference)
            .first()
        )
        if case is None:
            raise ValidationError(
                {"reference": _("No case with this reference among the cases you handle.")}
            )
        return case

    def init_instance(self, row=None):
        raise ValidationError({"reference": _("No case with this reference.")})

    # --- Reading the row: every error of the row at once ----------------------------------

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        plan = {}
        raw_reference = str(row.get("crime_reference") or "").strip()
        if raw_reference:
            try:
                plan["crime_reference"] = crime_reference.clean(instance.area, raw_reference)
            except ValidationError as exc:
                errors["crime_reference"] = exc.messages
        number = str(row.get("outcome_number") or "").strip()
        if number:
            outcome_type = (
                OutcomeType.objects.filter(number=int(number)).first() if number.isdigit() else None
            )
            if outcome_type is None:
                errors["outcome_number"] = [_("There is no outcome %(n)s.") % {"n": number}]
            identifiable = str(row.get("offender_identifiable") or "").strip().lower()
            if identifiable not in YES | NO:
                errors["offender_identifiable"] = [
                    _("Say “yes” or “no”: is the offender named or identifiable?")
                ]
            if outcome_type is not None and identifiable in YES | NO:
                plan["outcome"] = {
                    "outcome_type": outcome_type,
                    "offender_identifiable": identifiable in YES,
                    "notes": str(row.get("outcome_notes") or "").strip(),
                }
        if not plan and not errors:
            errors["crime_reference"] = [
                _("The row has neither a crime reference nor an outcome to record.")
            ]
        if errors:
            raise ValidationError(errors)
        instance._force_results = plan

    # --- Applying it: the services, under the case lock, logged ---------------------------

    def do_instance_save(self, instance, is_create):
        plan = getattr(instance, "_force_results", {})
        if "crime_reference" in plan:
            services.set_crime_reference(
                case=instance, by=self.user, reference=plan["crime_reference"], source=SOURCE
            )
        outcome = plan.get("outcome")
        if outcome and not self._unchanged(instance, outcome):
            recorded = services.record_outcome(case=instance, by=self.user, **outcome)
            if recorded.needs_authorisation(instance.area):
                services.request_authorisation(
                    case=instance,
                    by=self.user,
                    reason=_(
                        "Recorded from the force's records: no further action with an "
                        "identifiable offender. %(notes)s"
                    )
                    % {"notes": outcome["notes"]},
                )
        instance.refresh_from_db()  # the preview reads the case as it is now

    @staticmethod
    def _unchanged(case, outcome) -> bool:
        """The same outcome again (an import run twice) records nothing new."""
        current = getattr(case, "outcome", None)
        return (
            current is not None
            and current.outcome_type_id == outcome["outcome_type"].pk
            and current.offender_identifiable == outcome["offender_identifiable"]
        )
