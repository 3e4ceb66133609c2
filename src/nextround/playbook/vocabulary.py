"""The playbook's words, one home for each (plain Python, no Django): the models, the engine, the content
check, the views and the insights all import them from here."""

from nextround.core.choices import Choices


class PlanKind(Choices):
    REJECTION = "rejection", "Rejection"
    GHOSTED = "ghosted", "No answer"


class StepKind(Choices):
    """In the order a plan lists steps that fall due on the same day."""

    REFLECTION = "reflection"
    THANK_YOU = "thank_you"
    CALL_RECRUITER = "call_recruiter"
    REFERENCE = "reference"
    INTERVIEWER = "interviewer"
    MUTUAL = "mutual"
    REFERRAL = "referral"
    NETWORK = "network"
    NEXT_INTERVIEW = "next_interview"
    CHECKIN = "checkin"
    CLOSE_LOOP = "close_loop"


# Steps that reach out to someone: each carries a message (a subject and a draft in the content file), is
# logged with what happened, and moves a day later when the user is upset.
OUTREACH = frozenset(
    {
        StepKind.THANK_YOU,
        StepKind.CALL_RECRUITER,
        StepKind.INTERVIEWER,
        StepKind.REFERRAL,
        StepKind.REFERENCE,
        StepKind.MUTUAL,
        StepKind.CHECKIN,
        StepKind.CLOSE_LOOP,
    }
)
# The steps of a no-answer plan, timed from the user's check-in setting; every other kind belongs to a
# rejection plan and is timed by the content file's [timing] table.
GHOSTED_STEPS = (StepKind.CHECKIN, StepKind.CLOSE_LOOP)
REJECTION_STEPS = tuple(kind for kind in StepKind if kind not in GHOSTED_STEPS)


class StepStatus(Choices):
    TODO = "todo", "To do"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
    DECLINED = "declined", "They declined"


class StepChannel(Choices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    NOTE = "note", "Note"
    IN_APP = "in_app", "In nextround"


class Outcome(Choices):
    """What happened on a step (the content file words each one for the log form)."""

    SENT = "sent", "Sent"
    NO_ANSWER = "no_answer", "No answer yet"
    DECLINED = "declined", "They declined to comment"
    FEEDBACK = "feedback", "Feedback received"
    REFERRAL = "referral", "Referral"


# Outcomes where they told the user something worth writing down.
HEARD = (Outcome.FEEDBACK, Outcome.REFERRAL)
