"""One submission, one report: the draft is consumed in the report's own transaction, and
"Send" pressed again after any failure shows the reference of the report already saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.models import Case
from centres.models import Notification
from reporting.journey import engine, public
from reporting.models import Report, ReportDraft
from reporting.workspace import assisted
from tests.conftest import sign_in
from tests.reporting.journey_steps import contact_answers, submit, walk
from tests.reporting.test_workspace_assisted import step as assisted_step
from tests.reporting.test_workspace_assisted import walk as assisted_walk

pytestmark = pytest.mark.django_db


class Injected(Exception):
    pass


def fail(*args, **kwargs):
    raise Injected


# Every step after the report's commit, failed in turn.
AFTER_COMMIT = {
    "forgetting the draft's key": (engine.Journey, "forget"),
    "showing the confirmation": (public, "confirmation"),
    "choosing support services": (public.SupportService.objects, "for_victim"),
}


@pytest.mark.usefixtures("sparkbrook")
@pytest.mark.parametrize("step", AFTER_COMMIT)
def test_send_again_after_a_failure_shows_the_report_already_saved(client, monkeypatch, step):
    walk(client, "en", contact_answers())
    client.raise_request_exception = False
    target, name = AFTER_COMMIT[step]
    with monkeypatch.context() as patch:
        patch.setattr(target, name, fail)
        failed = submit(client)
    assert failed.status_code == 500
    assert Report.objects.count() == 1

    again = submit(client)
    twice = submit(client)

    report = Report.objects.get()
    assert again.status_code == 200
    assert report.reference in again.content.decode()
    assert Case.objects.filter(report=report).count() == 1
    acknowledgements = Notification.objects.filter(kind="report_acknowledgement")
    assert acknowledgements.count() == 1
    # Shown, the draft's key is forgotten: a third press starts again and sends nothing. The
    # draft, emptied, names the report until it expires.
    assert twice.status_code == 302
    assert Report.objects.count() == 1
    draft = ReportDraft.objects.get()
    assert draft.sent_report == report and draft.answers == {}


@pytest.mark.usefixtures("sparkbrook")
def test_a_new_passphrase_shown_on_the_second_send_opens_tracking(client, monkeypatch):
    walk(client, "en", contact_answers())
    client.raise_request_exception = False
    with monkeypatch.context() as patch:
        patch.setattr(public, "confirmation", fail)
        submit(client)

    page = submit(client).content.decode()

    report = Report.objects.get()
    shown = [p for p in _passphrase_candidates(page) if report.check_passphrase(p)]
    assert shown, "the confirmation shows a passphrase that opens the report"


@pytest.mark.usefixtures("sparkbrook")
def test_a_draft_sent_long_ago_is_not_shown_again(client, monkeypatch, time_machine):
    walk(client, "en", contact_answers())
    client.raise_request_exception = False
    with monkeypatch.context() as patch:
        patch.setattr(public, "confirmation", fail)
        submit(client)
    time_machine.move_to(timezone.now() + timedelta(hours=1), tick=False)

    response = submit(client)

    assert response.status_code == 302
    assert Report.objects.count() == 1


def _passphrase_candidates(page: str) -> list[str]:
    import re

    return [m.strip() for m in re.findall(r">\s*([a-z]+(?:[- ][a-z]+){4,})\s*<", page)]


@pytest.mark.usefixtures("reference_data")
def test_assisted_send_again_after_a_failure_shows_the_report_already_saved(
    client, monkeypatch, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    assisted_walk(client, centre=centre_a)
    client.raise_request_exception = False
    with monkeypatch.context() as patch:
        patch.setattr(assisted, "receipt_url", fail)
        failed = client.post(assisted_step("check"), {"centre_is_go_between": "no"})
    assert failed.status_code == 500

    again = client.post(assisted_step("check"), {"centre_is_go_between": "no"})

    report = Report.objects.get()
    assert again.status_code == 200
    assert report.reference in again.content.decode()
    assert report.logged_by == volunteer_a
