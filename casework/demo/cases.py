"""The police casework behind the demo's shared reports: a case for each, its status history,
THRIVE assessments, what the victim was told and when, outcomes and authorisations.

The rules are the product's own. Every status path is checked against the transition table
(`ALLOWED_TRANSITIONS`); every Victims' Code clock is started, met and stopped by the `Case`
methods the services call, so deadlines fall at the end of a working day and
`next_clock_due_at` (what the Overdue filter reads) is kept as the services keep it; an outcome
asks `Outcome.needs_authorisation`; victim updates use the product's standard messages; and
the escalations are raised by the casework sweep that `seed_demo` runs at the end.

What it does not call are the services themselves: each stamps `timezone.now()`, writes the
access log and queues notifications, and the demo's 3,000-odd steps of history would take half
a minute through them. Rows are written with their past times instead.
"""

from collections import defaultdict
from datetime import timedelta

from reporting.models import SHARED_WITH_POLICE, Answer, Report

from ..models import (
    Authorisation,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    Outcome,
    Priority,
    RecordingDecision,
    ThriveAssessment,
)
from . import load
from .history import History

NEW, TRIAGED, INVESTIGATING, AWAITING_DECISION, OUTCOME_RECORDED, CLOSED = CaseStatus
CRIME_PATH = [NEW, TRIAGED, INVESTIGATING, AWAITING_DECISION, OUTCOME_RECORDED, CLOSED]
# A non-crime incident, or no record: looked at, recorded, closed. Home Office outcomes are
# outcomes of crimes, so it closes without one.
NON_CRIME_PATH = [NEW, TRIAGED, CLOSED]
NON_CRIME_PLAN = {"number": None, "identifiable": False, "key_event": ""}
# Home-area cases in set states (by report index, see reports.SHOWCASE_DAYS_AGO), so every demo
# account finds work waiting: the SPOC a case past its triage deadline and a high-risk case
# nobody owns, the officer an arrest and a missed update, the inspector a request for no
# further action (and one refused before).
SHOWCASE = {
    8: {"status": NEW},
    9: {"status": TRIAGED, "risk": "high", "owner": None},
    10: {"status": INVESTIGATING, "plan": 1, "owner": "officer", "missed_update": True},
    11: {"status": OUTCOME_RECORDED, "plan": 16, "owner": "officer"},
    12: {"status": CLOSED, "plan": 16, "refuse": True},
}


def create_cases(demo):
    """A case for every report shared with police, then each case's history."""
    demo.cases, stories = [], []
    for report in demo.reports:
        if report.consent in SHARED_WITH_POLICE:
            case, story = plan_case(demo, report)
            demo.cases.append(case)
            stories.append(story)
    Case.objects.bulk_create(demo.cases)
    # Below the NCHI threshold the subject's personal data is removed when it is decided.
    Report.objects.filter(
        pk__in=[case.report_id for case in demo.cases if case.subject_data_removed_at]
    ).update(offender_description="")
    rows = defaultdict(list)
    for case, story in zip(demo.cases, stories, strict=True):
        History(demo, case, story, rows).write()
    # Parents first: each row's foreign keys point at rows already saved.
    for model in (CaseEvent, ThriveAssessment, CaseUpdate, Outcome, Authorisation):
        model.objects.bulk_create(rows.pop(model, []))


def plan_case(demo, report) -> tuple[Case, dict]:
    """The case as it stands now, and the story of how it got there."""
    staff = demo.police[report.area_id]
    opened = report.submitted_at + timedelta(minutes=demo.rng.randint(1, 15))
    opened = max(min(opened, demo.now - timedelta(minutes=1)), report.submitted_at)
    show = SHOWCASE.get(demo.showcase.get(report.reference), {})
    decision = RecordingDecision.CRIME if show else recording_decision(demo, report)
    crime = decision == RecordingDecision.CRIME
    plan = outcome_plan(demo, report, number=show.get("plan")) if crime else NON_CRIME_PLAN
    path = CRIME_PATH if crime else NON_CRIME_PATH
    age_days = (demo.now - opened).total_seconds() / 86400
    target = show.get("status") or target_status(demo, report.area, age_days, path)
    times = step_times(demo, opened, path[: path.index(target) + 1])
    risk = show.get("risk") or demo.pick(
        {"high": 35, "medium": 50, "low": 15}
        if Answer.YES in (report.injured, report.threatened)
        else {"high": 10, "medium": 50, "low": 40}
    )
    owner = None
    if "owner" in show:
        owner = demo.users[show["owner"]] if show["owner"] else None
    elif target != NEW and (target != TRIAGED or demo.chance(0.55)):
        owner = demo.pick({staff["spocs"][0]: 30, **dict.fromkeys(staff["officers"], 70)})
    case = Case(
        report=report,
        area=report.area,
        owner=owner,
        status=target,
        opened_at=opened,
        triaged_at=times.get(TRIAGED),
        closed_at=times.get(CLOSED),
        update_interval_days=7 if show.get("missed_update") else demo.pick({28: 60, 14: 30, 7: 10}),
    )
    texts = load("casework")
    if target != NEW:
        case.recording_decision = decision
    if decision == RecordingDecision.NCHI and target != NEW:
        case.nchi_threshold_met = demo.chance(0.3)
        case.nchi_rationale = texts["nchi_rationales"][
            "kept" if case.nchi_threshold_met else "not_kept"
        ]
        if not case.nchi_threshold_met:
            case.subject_data_removed_at = case.triaged_at
    if crime and target not in (NEW, TRIAGED):
        # The force's own number once a crime is under investigation (no random draw, so
        # the rest of the demo stays as it was).
        case.crime_reference = demo_crime_reference(report.area, len(demo.cases), opened)
        case.crime_reference_force = report.area.force
    if demo.chance(0.1):
        case.enhanced_rights = False
        case.enhanced_downgrade_reason = demo.rng.choice(texts["downgrade_reasons"])
    assessments = assess(demo, case, times, staff["spocs"][0], risk) if target != NEW else []
    return case, {"times": times, "plan": plan, "show": show, "assessments": assessments}


# Illustrative numbers in each demo force's format (casework/demo/data/places.json).
DEMO_CRIME_REFERENCES = {
    "West Midlands Police": "20E1/{n:06d}K/{yy:02d}",
    "Essex Police": "42/{n:06d}/{yy:02d}",
}


def demo_crime_reference(area, index, opened) -> str:
    template = DEMO_CRIME_REFERENCES.get(area.force, "DEMO/{n:06d}/{yy:02d}")
    return template.format(n=100000 + index, yy=opened.year % 100)


def recording_decision(demo, report):
    if report.area_id == demo.central.pk:
        return RecordingDecision.CRIME
    return demo.pick(
        {RecordingDecision.CRIME: 75, RecordingDecision.NCHI: 20, RecordingDecision.NO_RECORD: 5}
    )


def outcome_plan(demo, report, *, number=None) -> dict:
    """The Home Office outcome this case is heading for, if it gets that far."""
    plans = load("casework")["outcome_plans"]
    if number is not None:
        plans = [plan for plan in plans if plan["number"] == number]
    elif report.offender_known == Answer.YES:
        # A known offender is rarely "no suspect identified".
        plans = [plan for plan in plans if plan["identifiable"]]
    return plans[demo.pick({index: plan["weight"] for index, plan in enumerate(plans)})]


def target_status(demo, area, age_days, path):
    if area.is_central_queue or age_days < 1:
        weights = {NEW: 60, TRIAGED: 40}  # the central queue waits to pass it on
    elif age_days < 3:
        weights = {NEW: 12, TRIAGED: 40, INVESTIGATING: 48}
    elif age_days < 21:
        weights = {
            TRIAGED: 10, INVESTIGATING: 50, AWAITING_DECISION: 20, OUTCOME_RECORDED: 10, CLOSED: 10,
        }  # fmt: skip
    elif age_days < 90:
        weights = {INVESTIGATING: 20, AWAITING_DECISION: 15, OUTCOME_RECORDED: 15, CLOSED: 50}
    else:
        weights = {INVESTIGATING: 6, AWAITING_DECISION: 5, OUTCOME_RECORDED: 6, CLOSED: 83}
    target = demo.pick(weights)
    if target not in path:
        # A non-crime case is looked at and closed: no investigation.
        target = CLOSED if age_days >= 3 else TRIAGED
    return target


def step_times(demo, opened, steps) -> dict:
    """When the case reached each status, squeezed to fit between opening and now."""
    gaps = {
        TRIAGED: demo.hours(25, 60) if demo.chance(0.12) else demo.hours(0.3, 20),
        INVESTIGATING: demo.hours(1, 72),
        AWAITING_DECISION: demo.days(4, 45),
        OUTCOME_RECORDED: demo.days(1, 21),
        CLOSED: demo.days(0.5, 14),
    }
    durations = [gaps[status] for status in steps[1:]]
    budget = (demo.now - opened) * 0.9
    total = sum(durations, timedelta())
    if total > budget:
        durations = [duration * (budget / total) for duration in durations]
    times, moment = {steps[0]: opened}, opened
    for status, duration in zip(steps[1:], durations, strict=True):
        moment += duration
        times[status] = moment
    return times


def assess(demo, case, times, spoc, risk) -> list[ThriveAssessment]:
    """THRIVE at triage, re-assessed for some as the investigation goes; the case's priority
    follows the latest grade, as `services.assess_case` keeps it."""
    texts = load("casework")
    assessments = [thrive(demo, case, spoc, case.triaged_at, risk)]
    investigating = times.get(INVESTIGATING)
    if investigating and demo.chance(0.18):
        later = times.get(OUTCOME_RECORDED) or demo.now
        at = investigating + (later - investigating) * demo.rng.uniform(0.2, 0.8)
        new_risk = demo.rng.choice([r for r in ("high", "medium", "low") if r != risk])
        again = thrive(demo, case, spoc, at, new_risk)
        again.reason = demo.rng.choice(texts["reassessment_reasons"])
        assessments.append(again)
    case.priority = assessments[-1].grade
    return assessments


def thrive(demo, case, spoc, at, risk) -> ThriveAssessment:
    texts, levels = load("casework"), ["low", "medium", "high"]

    def near(level):
        index = levels.index(level) + demo.rng.choice([-1, 0, 0, 1])
        return levels[min(max(index, 0), 2)]

    grade = {
        "high": {Priority.IMMEDIATE: 40, Priority.PRIORITY: 60},
        "medium": {Priority.PRIORITY: 60, Priority.SCHEDULED: 40},
        "low": {Priority.SCHEDULED: 70, Priority.NO_DEPLOYMENT: 30},
    }[risk]
    return ThriveAssessment(
        case=case,
        assessed_by=spoc,
        assessed_at=at,
        threat=near(risk),
        harm=near(risk),
        risk=risk,
        investigation=demo.rng.choice(texts["thrive_investigation"]),
        vulnerability=demo.rng.choice(texts["thrive_vulnerability"]),
        engagement=demo.rng.choice(texts["thrive_engagement"]),
        grade=demo.pick(grade),
    )
