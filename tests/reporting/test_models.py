"""What the database refuses for reports, and how reports keep contact details."""

import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from reporting.models import (
    REFERENCE_ALPHABET,
    Channel,
    EvidenceFile,
    Report,
    ReporterContact,
    new_reference,
    normalise_reference,
)
from tests.factories import (
    CaseFactory,
    EvidenceFileFactory,
    ReferralFactory,
    ReporterContactFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db


# --- References -----------------------------------------------------------------------------


def test_new_reference_format_uses_only_the_read_aloud_alphabet():
    pattern = re.compile(rf"^HR-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}$")

    references = {new_reference() for _ in range(500)}

    assert all(pattern.match(reference) for reference in references)
    assert not set("".join(references)) & set("01OILU")
    # About 39 bits: 500 draws never collide in practice.
    assert len(references) == 500


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("HR-7KQ4-M2XD", "HR-7KQ4-M2XD"),
        ("hr 7kq4 m2xd", "HR-7KQ4-M2XD"),
        ("7KQ4M2XD", "HR-7KQ4-M2XD"),
        ("HR-7KQ4-M2X", ""),
        ("", ""),
    ],
)
def test_normalise_reference_accepts_what_people_type(typed, expected):
    assert normalise_reference(typed) == expected


def test_report_gets_a_reference_when_created():
    report = ReportFactory()

    assert re.match(r"^HR-\w{4}-\w{4}$", Report.objects.get(pk=report.pk).reference)


def test_report_same_reference_twice_is_refused():
    ReportFactory(reference="HR-7KQ4-M2XD")

    with pytest.raises(IntegrityError, match="reference"), transaction.atomic():
        ReportFactory(reference="HR-7KQ4-M2XD")


# --- Check constraints ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "constraint"),
    [
        ("consent", "tell_everyone", "report_consent_valid"),
        ("channel", "carrier_pigeon", "report_channel_valid"),
        ("reporter_role", "offender", "report_role_valid"),
    ],
)
def test_report_unknown_choice_is_refused(field, value, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        ReportFactory(**{field: value})


def test_report_assisted_without_centre_is_refused():
    with pytest.raises(IntegrityError, match="report_assisted_has_centre"), transaction.atomic():
        ReportFactory(channel=Channel.ASSISTED, centre=None)


def test_report_assisted_with_centre_is_saved(centre_a):
    report = ReportFactory(channel=Channel.ASSISTED, centre=centre_a, area=centre_a.area)

    assert Report.objects.get(pk=report.pk).centre == centre_a


def test_report_period_ending_before_it_starts_is_refused():
    today = timezone.localdate()

    with pytest.raises(IntegrityError, match="report_period_ordered"), transaction.atomic():
        ReportFactory(
            when_kind=Report.WhenKind.PERIOD,
            occurred_on=today,
            occurred_until=today - timezone.timedelta(days=1),
        )


def test_report_period_of_one_day_is_saved():
    today = timezone.localdate()

    report = ReportFactory(
        when_kind=Report.WhenKind.PERIOD, occurred_on=today, occurred_until=today
    )

    assert Report.objects.get(pk=report.pk).occurred_until == today


def test_referral_without_consent_is_refused():
    with pytest.raises(IntegrityError, match="referral_needs_consent"), transaction.atomic():
        ReferralFactory(consent_given=False)


def test_referral_to_same_service_twice_is_refused():
    referral = ReferralFactory()

    with pytest.raises(IntegrityError, match="referral_unique"), transaction.atomic():
        ReferralFactory(report=referral.report, service=referral.service)


@pytest.mark.parametrize("size", [0, -1])
def test_evidence_empty_file_is_refused(size):
    with pytest.raises(IntegrityError, match="size"), transaction.atomic():
        EvidenceFileFactory(size=size)


# --- Deleting -------------------------------------------------------------------------------


def test_report_delete_removes_contact_and_evidence():
    report = ReportFactory()
    ReporterContactFactory(report=report)
    EvidenceFileFactory(report=report)
    EvidenceFileFactory(report=report)

    report.delete()

    assert not ReporterContact.objects.filter(report_id=report.pk).exists()
    assert not EvidenceFile.objects.filter(report_id=report.pk).exists()


def test_report_with_case_cannot_be_deleted():
    case = CaseFactory()

    with pytest.raises(ProtectedError):
        case.report.delete()

    assert Report.objects.filter(pk=case.report_id).exists()


def test_centre_with_reports_cannot_be_deleted(centre_a):
    ReportFactory(channel=Channel.ASSISTED, centre=centre_a, area=centre_a.area)

    with pytest.raises(ProtectedError):
        centre_a.delete()


# --- Contact details at rest ----------------------------------------------------------------


def test_reportercontact_details_are_encrypted_at_rest():
    contact = ReporterContactFactory(
        name="Amina Khan",
        phone="07700 900123",
        email="amina@example.org",
        address="1 High Street",
        safe_times="after 6pm",
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, phone, email, address, safe_times FROM reporting_reportercontact"
            " WHERE id = %s",
            [contact.pk],
        )
        stored = cursor.fetchone()

    # Each with a space or "@", which an encrypted (base64) value never holds: a short word
    # alone ("6pm") turns up in random ciphertext now and then.
    plaintext = ["Amina Khan", "07700 900123", "amina@example.org", "High Street", "after 6pm"]
    assert all(value for value in stored)
    assert not [word for word in plaintext if any(word in value for value in stored)]


def test_reportercontact_details_read_back_in_plain():
    contact = ReporterContactFactory(phone="07700 900123", email="amina@example.org")

    fresh = ReporterContact.objects.get(pk=contact.pk)

    assert fresh.phone == "07700 900123"
    assert fresh.email == "amina@example.org"


@pytest.mark.parametrize(
    ("channels", "phone", "email", "channel", "allowed"),
    [
        (["sms", "email"], "07700 900123", "a@example.org", "sms", True),
        (["sms"], "07700 900123", "a@example.org", "email", False),
        (["email"], "", "a@example.org", "email", True),
        (["email"], "07700 900123", "", "email", False),
        (["phone"], "", "a@example.org", "phone", False),
        (["centre"], "", "", "centre", True),
    ],
)
def test_reportercontact_allows_only_chosen_channels_with_details(
    channels, phone, email, channel, allowed
):
    contact = ReporterContactFactory(channels=channels, phone=phone, email=email)

    assert contact.allows(channel) is allowed


# --- The passphrase -------------------------------------------------------------------------


def test_report_passphrase_is_stored_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    report = ReportFactory()

    report.set_passphrase("purple tiger river")
    report.save()

    fresh = Report.objects.get(pk=report.pk)
    assert fresh.passphrase_hash.startswith("argon2$")
    assert "purple" not in fresh.passphrase_hash
    assert fresh.check_passphrase("purple tiger river")
    assert not fresh.check_passphrase("purple tiger lake")


def test_report_without_passphrase_never_matches():
    report = ReportFactory(passphrase_hash="")

    assert not report.check_passphrase("")
