"""One demo case's history, written in time order through the product's own rules: status
steps checked against the transition table, clocks started, met and stopped by the `Case`
methods the services call, victim updates in the product's standard messages."""

from datetime import timedelta
from itertools import pairwise

from ..models import (
    ALLOWED_TRANSITIONS,
    Authorisation,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    KeyEvent,
    Outcome,
    ThriveAssessment,
)
from . import load

# An inspector who refuses no further action sends the case back; it ends in a community
# resolution.
AFTER_REFUSAL_PLAN = {"number": 8, "identifiable": True, "key_event": "out_of_court"}
# What happens at the same moment happens in this order.
KEY_EVENT, TELL, CLOSE, END = range(4)


class History:
    """Collects a case's steps, notes and updates, then writes them (`write`)."""

    def __init__(self, demo, case, story, rows):
        self.demo, self.case, self.rows = demo, case, rows
        self.times, self.plan, self.show = story["times"], story["plan"], story["show"]
        self.assessments = story["assessments"]
        self.texts = load("casework")
        self.spoc = demo.police[case.area_id]["spocs"][0]
        self.author = case.owner or self.spoc
        self.steps = [(CaseStatus.NEW, case.opened_at, None, "")]  # opened by the system
        self.timeline = []  # (at, order, action, details), replayed in time order

    def write(self):
        case, times = self.case, self.times
        if case.status != CaseStatus.NEW:
            self.step(CaseStatus.TRIAGED, case.triaged_at, self.spoc)
            self.rows[ThriveAssessment] += self.assessments
            note = self.rng.choice(self.texts["internal_notes"])
            self.note(note, case.triaged_at + timedelta(minutes=5), self.spoc)
            self.tell(case.triaged_at + timedelta(minutes=10), self.spoc, message_code="received")
            for status in (CaseStatus.INVESTIGATING, CaseStatus.AWAITING_DECISION):
                if status in times:
                    self.step(status, times[status], self.author)
            self.investigate()
            if CaseStatus.OUTCOME_RECORDED in times:
                self.decide(times[CaseStatus.OUTCOME_RECORDED], times.get(CaseStatus.CLOSED))
            elif CaseStatus.CLOSED in times:  # a non-crime incident: no crime outcome
                closed = times[CaseStatus.CLOSED]
                told_at = min(closed + self.demo.hours(0.2, 6), self.demo.now)
                self.tell(
                    told_at,
                    self.author,
                    message_code="closed",
                    body=self.texts["outcome_messages"]["other"],
                )
                self.step(CaseStatus.CLOSED, closed, self.author)
            self.add_notes()
        self.replay()
        self.add_events()

    @property
    def rng(self):
        return self.demo.rng

    # --- what happened --------------------------------------------------------------------

    def step(self, status, at, by, reason=""):
        self.steps.append((status, at, by, reason))
        if status == CaseStatus.CLOSED:
            self.timeline.append((at, CLOSE, "close", None))

    def note(self, body, at, by, *, key_event=""):
        self.rows[CaseUpdate].append(
            CaseUpdate(
                case=self.case,
                visibility=CaseUpdate.Visibility.INTERNAL,
                key_event=key_event,
                body=body,
                author=by,
                created_at=min(at, self.demo.now),
            )
        )

    def tell(self, at, by, *, message_code="", body="", key_event=""):
        """An update for the victim, as `services.send_victim_update` writes it."""
        if at < self.demo.now:
            details = {"author": by, "message_code": message_code, "body": body}
            details["key_event"] = key_event or (
                message_code if message_code in KeyEvent.values else ""
            )
            self.timeline.append((at, TELL, "tell", details))

    def key_event(self, event, at, by, *, told_by_final=False):
        """A key event, noted for the police, with its clock; the victim is told in time,
        mostly, unless the final update tells them."""
        at = min(at, self.demo.now - timedelta(minutes=10))
        self.note(self.texts["key_event_notes"][event], at, by, key_event=event)
        self.timeline.append((at, KEY_EVENT, "key_event", event))
        if told_by_final:
            return
        if self.demo.chance(0.85):
            told_at = at + self.demo.hours(1, 20)
        else:  # told late, after the deadline the product's working-day rule sets
            told_at = self.case.key_event_deadline(at) + self.demo.days(0.5, 3)
        self.tell(told_at, by, message_code=event)

    def investigate(self):
        investigating = self.times.get(CaseStatus.INVESTIGATING)
        if not (investigating and self.plan["identifiable"]):
            return
        until = self.times.get(CaseStatus.AWAITING_DECISION) or self.demo.now
        at = investigating + (until - investigating) * self.rng.uniform(0.2, 0.7)
        if self.plan["key_event"] == "charged":
            self.key_event("arrested", at, self.author)
            self.key_event("interviewed", at + self.demo.hours(2, 5), self.author)
            self.key_event("released", at + self.demo.hours(6, 12), self.author)
        else:
            self.key_event("interviewed", at, self.author)

    def decide(self, recorded, closed):
        """The outcome; where no further action needs an inspector, the request and the
        decision come after it, as the services order them: approval closes the case,
        refusal sends it back to investigation."""
        outcome = self.outcome(self.plan, recorded)
        self.step(CaseStatus.OUTCOME_RECORDED, recorded, self.author)
        if not outcome.needs_authorisation(self.case.area):
            self.conclude(outcome, self.plan, recorded, closed, self.author)
            return
        inspector = self.demo.police[self.case.area_id]["inspector"]
        request = Authorisation(
            case=self.case,
            requested_by=self.author,
            request_reason=self.rng.choice(self.texts["authorisation_requests"]),
        )
        self.rows[Authorisation].append(request)
        if closed is None:  # still with the inspector
            request.requested_at = min(
                recorded + self.demo.hours(1, 30), self.demo.now - timedelta(minutes=30)
            )
            self.rows[Outcome].append(outcome)
            return
        gap = closed - recorded
        request.requested_at = recorded + gap * 0.15
        request.decided_by = inspector
        if not (self.show.get("refuse") or self.demo.chance(0.2)):
            request.decision = Authorisation.Decision.APPROVED
            request.decision_reason = self.rng.choice(self.texts["authorisation_approvals"])
            request.decided_at = closed
            self.conclude(outcome, self.plan, closed, closed, inspector)
            return
        request.decision = Authorisation.Decision.REFUSED
        request.decision_reason = self.rng.choice(self.texts["authorisation_refusals"])
        request.decided_at = recorded + gap * 0.4
        self.step(
            CaseStatus.INVESTIGATING, request.decided_at, self.author, request.decision_reason
        )
        again = request.decided_at + (closed - request.decided_at) * 0.5
        self.step(CaseStatus.OUTCOME_RECORDED, again, self.author)
        self.conclude(
            self.outcome(AFTER_REFUSAL_PLAN, again), AFTER_REFUSAL_PLAN, again, closed, self.author
        )

    def outcome(self, plan, at) -> Outcome:
        number = plan["number"]
        return Outcome(
            case=self.case,
            outcome_type=self.demo.outcome_types[number],
            local_code=self.demo.local_codes.get((self.case.area_id, number)),
            offender_identifiable=plan["identifiable"],
            recorded_by=self.author,
            recorded_at=at,
            notes=self.texts["outcome_notes"][str(number)],
        )

    def conclude(self, outcome, plan, at, closed, by):
        """The outcome's key event, what the victim is told of it, and the case closing."""
        self.rows[Outcome].append(outcome)
        event = plan["key_event"]
        if event:
            self.key_event(event, at, by, told_by_final=True)
        positive = "positive" if outcome.outcome_type.is_positive else "other"
        told_at = min(at + self.demo.hours(0.2, 6), closed or self.demo.now)
        self.tell(
            told_at,
            by,
            message_code=event or "closed",
            body=self.texts["outcome_messages"][positive],
            key_event=event,
        )
        if closed is not None:
            self.step(CaseStatus.CLOSED, closed, by)

    def add_notes(self):
        start = self.case.triaged_at
        end = self.times.get(CaseStatus.AWAITING_DECISION) or list(self.times.values())[-1]
        if end <= start:
            end = self.demo.now
        for note in self.rng.sample(self.texts["internal_notes"], self.rng.randint(0, 3)):
            self.note(note, start + (end - start) * self.rng.uniform(0.1, 0.9), self.author)

    # --- writing it -----------------------------------------------------------------------

    def replay(self):
        """The victim updates and the clocks, in time order, through the `Case` methods the
        services use: the case opens with a routine clock (`services.open_case`), an update
        meets every running clock and starts the next routine one
        (`services.send_victim_update`), and closing stops the routine clock (`Case.transition`).
        Between events, the routine updates the victim was promised."""
        case = self.case
        # `refresh=False`: the case's next due time is worked out once, at the end, from the
        # same running clocks; refreshing after each of ~2,000 steps doubled the seeding time.
        routine = case.start_routine_clock(at=case.opened_at, refresh=False)
        end = case.closed_at or self.demo.now
        for at, _order, action, details in sorted(
            [*self.timeline, (end, END, "end", None)], key=lambda entry: entry[:2]
        ):
            routine = self.routine_updates(routine, until=at, last=action == "end")
            if action == "tell":
                update = CaseUpdate.objects.create(
                    case=case, visibility=CaseUpdate.Visibility.VICTIM, created_at=at, **details
                )
                case.meet_clocks(update, refresh=False)
                if case.closed_at is None or at < case.closed_at:
                    routine = case.start_routine_clock(at=at, refresh=False)
            elif action == "key_event":
                case.start_key_event_clock(details, at=at, refresh=False)
            elif action == "close":
                case.stop_routine_clocks(at=at, refresh=False)
                routine = None
        case.refresh_next_due()

    def routine_updates(self, routine, *, until, last):
        """Routine updates until `until`: mostly a few days early, sometimes late, and now and
        then this period's update missed (it stays overdue for the sweep to escalate)."""
        case = self.case
        while routine is not None and case.triaged_at is not None:
            late = self.demo.chance(0.1)
            due = routine.due_at
            told_at = due + self.demo.days(0.3, 4) if late else due - self.demo.days(0, 3)
            told_at = max(told_at, routine.started_at + timedelta(days=1))
            if told_at >= until:
                return routine  # whatever happens next comes first
            missed = self.show.get("missed_update") or self.demo.chance(0.25)
            if last and due < self.demo.now and missed:
                return routine  # this period's update was missed
            update = CaseUpdate.objects.create(
                case=case,
                visibility=CaseUpdate.Visibility.VICTIM,
                body=self.rng.choice(self.texts["routine_updates"]),
                author=case.owner or self.spoc,
                created_at=told_at,
            )
            case.meet_clocks(update, refresh=False)
            routine = case.start_routine_clock(at=told_at, refresh=False)
        return routine

    def add_events(self):
        """The status changes, each one the transition table allows."""
        for (previous, *_), (status, _at, _by, reason) in pairwise(self.steps):
            needs_reason = ALLOWED_TRANSITIONS[previous].get(status)
            if needs_reason is None or (needs_reason and not reason):
                raise ValueError(f"The demo moved a case {previous} -> {status}.")
        self.rows[CaseEvent] += [
            CaseEvent(
                case=self.case, from_status=previous, to_status=status, at=at, by=by, reason=r
            )
            for (previous, *_), (status, at, by, r) in pairwise([("", None, None, ""), *self.steps])
        ]
