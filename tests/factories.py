"""Plain factory_boy factories: one per model, the least a valid row needs."""

import factory
from django.utils import timezone

from casework.models import (
    Authorisation,
    Case,
    CaseUpdate,
    Clock,
    Escalation,
    LocalOutcomeCode,
    OutcomeType,
    ThriveAssessment,
)
from centres.models import (
    Approval,
    Area,
    AreaPlace,
    Centre,
    Membership,
    Notification,
    Role,
    Strand,
    SupportService,
    User,
)
from reporting.models import (
    Channel,
    Consent,
    EvidenceFile,
    Referral,
    Report,
    ReporterContact,
    ReporterRole,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Area {n}")
    code = factory.Sequence(lambda n: f"area-{n}")


class AreaPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaPlace

    area = factory.SubFactory(AreaFactory)
    kind = AreaPlace.Kind.POSTCODE_DISTRICT
    value = factory.Sequence(lambda n: f"B{n + 10}")


class StrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strand
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"strand-{n}")
    kind = Strand.Kind.NATIONAL
    name = factory.Sequence(lambda n: f"Strand {n}")


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    kind = Centre.Kind.TPRC
    name = factory.Sequence(lambda n: f"Centre {n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    area = factory.SubFactory(AreaFactory)
    town = "Birmingham"


class SupportServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportService

    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.VOLUNTEER
    centre = factory.SubFactory(CentreFactory)
    area = None
    # Approved, as the roles the tests' personas hold; a grant waiting for approval is made
    # through centres.roles, or with approval=Approval.PENDING.
    approval = Approval.APPROVED


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    reporter_role = ReporterRole.VICTIM
    channel = Channel.ONLINE_SELF
    language = "en"
    area = factory.SubFactory(AreaFactory)
    when_kind = Report.WhenKind.APPROXIMATE
    location_kind = Report.LocationKind.PLACE
    town = "Birmingham"
    consent = Consent.SHARE_WITH_DETAILS
    description = "Shouted at in the street."
    passphrase_hash = factory.LazyFunction(
        lambda: "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdHNhbHQ$placeholderplaceholder"
    )


class ReporterContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReporterContact

    report = factory.SubFactory(ReportFactory)
    name = "Amina Khan"
    phone = "07700 900123"
    email = "amina@example.org"
    channels = ["sms", "email"]


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    report = factory.SubFactory(ReportFactory)
    area = factory.SelfAttribute("report.area")


class ThriveAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThriveAssessment

    case = factory.SubFactory(CaseFactory)
    assessed_by = factory.SubFactory(UserFactory)
    threat = "medium"
    harm = "medium"
    risk = "medium"
    grade = "priority"


class CaseUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseUpdate

    case = factory.SubFactory(CaseFactory)
    visibility = CaseUpdate.Visibility.VICTIM
    body = "We have spoken to a witness."
    author = factory.SubFactory(UserFactory)


class ClockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clock

    case = factory.SubFactory(CaseFactory)
    kind = Clock.Kind.ROUTINE
    due_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=5))


class EvidenceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceFile

    report = factory.SubFactory(ReportFactory)
    # Only the row: no test needs the bytes on disk.
    file = factory.Sequence(lambda n: f"2025/01/evidence{n}")
    content_type = "image/jpeg"
    size = 2048
    sha256 = "0" * 64


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    report = factory.SubFactory(ReportFactory)
    service = factory.SubFactory(SupportServiceFactory)
    consent_given = True


class EscalationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Escalation

    case = factory.SubFactory(CaseFactory)
    kind = Escalation.Kind.NOT_TRIAGED
    level = Escalation.Level.SPOC


class LocalOutcomeCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalOutcomeCode

    area = factory.SubFactory(AreaFactory)
    code = factory.Sequence(lambda n: f"OC{n + 1}")
    label = "Community resolution"
    # The 22 Home Office outcome types are loaded by a migration.
    outcome_type = factory.LazyFunction(lambda: OutcomeType.objects.get(number=8))


class AuthorisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorisation

    case = factory.SubFactory(CaseFactory)
    requested_by = factory.SubFactory(UserFactory)
    request_reason = "The victim does not support further action."


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    key = factory.Sequence(lambda n: f"case-update:{n}")
    kind = "case_update"
    channel = Notification.Channel.EMAIL
    recipient = factory.SubFactory(ReporterContactFactory)
