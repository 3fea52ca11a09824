"""Same incident, same person (issue 20) in the demo (data/matching.json): two reports of
one incident, online and assisted, that the case page offers as a match; a reporter with
three reports from one phone number ("reported 3 times in 12 months"); two reports naming the
same online account, one support-only, whose reporter is told on the tracking page. Sent
through `submit_report` like any report, so the keyed hashes and cases are made as in
production, then dated back."""

from datetime import timedelta

from reporting.models import Channel, Consent, Report, ReporterRole
from reporting.offender_identifiers import identifier_hash, normalise_account
from reporting.services import submit_report

from ..models import Case
from . import DEMO_PASSPHRASE, load


def create_examples(demo):
    data = load("matching")
    demo.matching_samples = []
    _incident(demo, data["incident"])
    _repeat_victim(demo, data["repeat_victim"])
    _perpetrator(demo, data["perpetrator"])


def _answers(demo, spec, *, description, consent, phone="", email="", days_ago=0, **extra):
    day = demo.today - timedelta(days=days_ago)
    contact = None
    if phone or email:
        contact = {
            "name": "",
            "phone": phone,
            "email": email,
            "channels": ["sms"] if phone else ["email"],
            "preferred_language": "en",
        }
    return {
        "reporter_role": ReporterRole.VICTIM,
        "description": description,
        "when_kind": Report.WhenKind.EXACT,
        "occurred_on": day,
        "happened_before": extra.pop("happened_before", "no"),
        "location_kind": extra.pop("location_kind", Report.LocationKind.PLACE),
        "postcode": spec.get("postcode", ""),
        "place_type": demo.place_types[spec["place_type"]].pk if "place_type" in spec else None,
        "strands": [demo.strands[code].pk for code in spec["strands"]],
        "offender_known": extra.pop("offender_known", "no"),
        "consent": consent,
        "area_id": demo.areas[spec["area"]].pk,
        "contact": contact,
        "evidence": [],
        **extra,
    }


def _send(demo, answers, *, channel=Channel.ONLINE_SELF, days_ago=0, centre=None, about=""):
    volunteer = demo.volunteers[centre.slug][0] if centre else None
    report = submit_report(
        answers=answers,
        language="en",
        channel=channel,
        passphrase=DEMO_PASSPHRASE,
        centre=centre,
        volunteer=volunteer,
    )
    when = demo.now - timedelta(days=days_ago, hours=2)
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    Case.objects.filter(report=report).update(opened_at=when)
    if about:
        demo.matching_samples.append((report.reference, about))
    return report


def _incident(demo, spec):
    centre = demo.centres[spec["centre"]]
    days = spec["days_ago"]
    _send(
        demo,
        _answers(demo, spec, description=spec["online"], consent=Consent.SHARE_WITH_DETAILS,
                 email="bus50.victim@example.org", days_ago=days),
        days_ago=days - 1,
        about="one incident reported online; its case offers the assisted report as a match",
    )  # fmt: skip
    _send(
        demo,
        _answers(demo, spec, description=spec["assisted"], consent=Consent.SHARE_WITH_DETAILS,
                 phone="07700 900118", days_ago=days, reporter_role=ReporterRole.WITNESS),
        channel=Channel.ASSISTED,
        centre=centre,
        days_ago=days - 1,
    )  # fmt: skip


def _repeat_victim(demo, spec):
    for index, (phone, days, text) in enumerate(
        zip(spec["phones"], spec["days_ago"], spec["descriptions"], strict=True)
    ):
        _send(
            demo,
            _answers(demo, spec, description=text, consent=Consent.SHARE_WITH_DETAILS,
                     phone=phone, days_ago=days,
                     happened_before="yes" if index else "no",
                     how_often="Every few weeks since we moved in" if index else ""),
            days_ago=days,
            about="reported 3 times in 12 months from one phone" if index == 2 else "",
        )  # fmt: skip


def _perpetrator(demo, spec):
    digest = identifier_hash("account", normalise_account(spec["account"], spec["platform"]))
    named = [("account", f"{spec['account']} ({spec['platform']})", digest)]
    online = {"location_kind": Report.LocationKind.ONLINE, "online_platform": spec["platform"]}
    _send(
        demo,
        _answers(demo, spec, description=spec["shared"], consent=Consent.SHARE_WITH_DETAILS,
                 email="named.account@example.org", days_ago=spec["days_ago"][0],
                 offender_known="yes", offender_identifiers=named, **online),
        days_ago=spec["days_ago"][0],
    )  # fmt: skip
    _send(
        demo,
        _answers(demo, spec, description=spec["support_only"], consent=Consent.DO_NOT_SHARE,
                 days_ago=spec["days_ago"][1], offender_known="yes",
                 offender_identifiers=named, **online),
        days_ago=spec["days_ago"][1],
        about="support only; someone else named the same account: the tracking page says so",
    )  # fmt: skip
