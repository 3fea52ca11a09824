"""The feedback invitation (issue 17 part 7) reaches the reporter through the real outbox and a
real Celery worker (Redis, PostgreSQL, mail to files), once, in their language, when their
case closes; it says nothing about the case."""

from email import message_from_string, policy

import pytest
from django.utils import timezone

from casework.models import CaseStatus, Outcome, OutcomeType
from centres.models import Notification
from reporting.models import Consent
from tests.factories import (
    AreaFactory,
    CaseFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

from .conftest import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def mails_to(stack, address: str) -> list:
    found = []
    for path in stack.mail_dir.glob("*.log"):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip() and f"To: {address}" in chunk:
                found.append(message_from_string(chunk.strip(), policy=policy.default))
    return found


def test_closing_a_case_sends_the_feedback_invitation_once_through_the_outbox(stack):
    area = AreaFactory(name="Sparkbrook", code="sparkbrook")
    report = ReportFactory(
        area=area,
        consent=Consent.SHARE_WITH_DETAILS,
        language="pl",
        description="They shouted at me outside the mosque.",
    )
    ReporterContactFactory(
        report=report, email="amina@example.org", channels=["email"], preferred_language="pl"
    )
    officer = UserFactory()
    case = CaseFactory(
        report=report, area=area, status=CaseStatus.OUTCOME_RECORDED, triaged_at=timezone.now()
    )
    Outcome.objects.create(
        case=case,
        outcome_type=OutcomeType.objects.get(number=1),
        offender_identifiable=False,
        recorded_by=officer,
    )

    stack.start_worker()
    case.transition(CaseStatus.CLOSED, by=officer)
    case.transition(CaseStatus.INVESTIGATING, by=officer, reason="new evidence")
    case.transition(CaseStatus.OUTCOME_RECORDED, by=officer)
    case.transition(CaseStatus.CLOSED, by=officer)

    invitation = Notification.objects.get(kind="feedback_invitation")
    wait_for(
        lambda: Notification.objects.filter(
            pk=invitation.pk, status=Notification.Status.SENT
        ).exists(),
        timeout=60,
        what="the feedback invitation to be sent by the worker",
    )
    stack.stop_all()
    [mail] = mails_to(stack, "amina@example.org")
    # The message as written, whatever its transfer encoding (Polish is 8-bit UTF-8).
    body = mail.get_content()
    assert "/pl/track/" in body
    assert report.reference not in body and "mosque" not in body
    assert report.reference not in mail["Subject"]
    assert invitation.language == "pl"
