"""The words of mail intake, with one home (plain Python, no Django): message types and proposed actions."""

import enum


class MessageType(enum.StrEnum):
    REJECTION = "rejection"
    INTERVIEW = "interview_invitation"
    ASSESSMENT = "assessment"
    RECEIVED = "application_received"
    OFFER = "offer"
    OUTREACH = "recruiter_outreach"
    STATUS = "status_update"
    OTHER = "other"

    @property
    def label(self) -> str:
        return TYPE_LABELS[self]


TYPE_LABELS = {
    MessageType.REJECTION: "Rejection",
    MessageType.INTERVIEW: "Interview invitation",
    MessageType.ASSESSMENT: "Assessment or take-home",
    MessageType.RECEIVED: "Application received",
    MessageType.OFFER: "Offer",
    MessageType.OUTREACH: "Recruiter outreach",
    MessageType.STATUS: "Status update",
    MessageType.OTHER: "Other",
}

# Types that are about the user's job search; "other" (newsletters, job alerts, friends) is never stored.
JOB_SEARCH_TYPES = frozenset(MessageType) - {MessageType.OTHER}


class Action(enum.StrEnum):
    """What nextround proposes for one message (the `action` of `mail import --dry-run --json`)."""

    REJECT = "move_to_rejected"
    INTERVIEW = "move_to_interviewing"
    LOG = "log_interaction"
    CREATE = "create_application"
    CHOOSE = "choose_application"  # two applications fit; the user picks, nextround never guesses
    SKIP = "not_stored"  # not about the job search
    DUPLICATE = "already_imported"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.REJECT: "Move to Rejected and start the plan",
    Action.INTERVIEW: "Move to Interviewing",
    Action.LOG: "Log it on the application",
    Action.CREATE: "Create the application",
    Action.CHOOSE: "Choose the application",
    Action.SKIP: "Not about your job search: not stored",
    Action.DUPLICATE: "Already imported",
}
