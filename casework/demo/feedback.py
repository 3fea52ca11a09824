"""The demo's victim feedback: most closed cases' reporters were asked
what they thought, and many answered or skipped; the first closed case in the demo's sample
references (printed by seed_demo) can still be answered on the tracking page."""

from ..models import FEEDBACK_QUESTIONS, CaseStatus, VictimFeedback

# Mostly satisfied, as the West Midlands' surveys find, with a tail that is not.
ANSWERS = {5: 35, 4: 30, 3: 12, 2: 10, 1: 8, None: 5}


def create_feedback(demo):
    closed = [case for case in demo.cases if case.status == CaseStatus.CLOSED and case.closed_at]
    rows = []
    for index, case in enumerate(closed):
        feedback = VictimFeedback(case=case, invited_at=case.closed_at)
        # The first is the sample "finished" report: its reporter can still answer.
        if index > 0 and demo.chance(0.85):
            at = min(case.closed_at + demo.days(0.5, 6), demo.now)
            if demo.chance(0.15):
                feedback.skipped_at = at
            else:
                feedback.answered_at = at
                for question in FEEDBACK_QUESTIONS:
                    setattr(feedback, question, demo.pick(ANSWERS))
        rows.append(feedback)
    VictimFeedback.objects.bulk_create(rows)
    demo.feedback_open = closed[0].report.reference if closed else None
